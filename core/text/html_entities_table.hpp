#pragma once
#include <cstddef>
#include <string_view>

namespace jstudio::text::detail {
struct HtmlEntity {
    std::string_view name;
    char32_t codepoint;
};
inline constexpr std::size_t html_entity_count = 252;
extern const HtmlEntity html_entities[html_entity_count];  // ascending by name
}  // namespace jstudio::text::detail
