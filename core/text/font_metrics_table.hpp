#pragma once
#include <cstddef>
#include <cstdint>

namespace jstudio::text::detail {
inline constexpr std::size_t metric_count = 203;
extern const std::uint32_t metric_codepoints[metric_count];  // ascending
extern const std::uint16_t regular_widths[metric_count];     // 1/1000 em
extern const std::uint16_t bold_widths[metric_count];
// DejaVu Sans (Verdana, Tahoma and Comic Sans MS are drawn with it)
extern const std::uint16_t dejavu_regular_widths[metric_count];
extern const std::uint16_t dejavu_bold_widths[metric_count];
// DejaVu Serif (Georgia is drawn with it)
extern const std::uint16_t dejavu_serif_regular_widths[metric_count];
extern const std::uint16_t dejavu_serif_bold_widths[metric_count];
// Liberation Serif (Times New Roman; Humor Sans falls back to it)
extern const std::uint16_t liberation_serif_regular_widths[metric_count];
extern const std::uint16_t liberation_serif_bold_widths[metric_count];
// Architects Daughter, draw.io's sketch font (one weight: bold is drawn emboldened, same advances)
extern const std::uint16_t architects_daughter_regular_widths[metric_count];
}  // namespace jstudio::text::detail
