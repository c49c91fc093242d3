#pragma once
// The draw.io diagram embedded in a PNG: a tEXt chunk "mxfile" (today) or a zTXt chunk "mxGraphModel" whose
// data is raw DEFLATE (older draw.io), both before the first IDAT.
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace jstudio::importers {

bool is_png(std::string_view bytes);
// The embedded XML text, percent-decoded; ErrorCode::bad_encoding for a broken PNG (bad CRC, truncated chunk)
// and ErrorCode::unsupported when the PNG holds no diagram.
Result<std::string> extract_png_diagram(std::string_view bytes, std::size_t max_inflated_bytes);

}  // namespace jstudio::importers
