#pragma once
// The bytes behind a draw.io image reference (style image=...): a data URI (draw.io writes
// "data:image/png,BASE64" without ";base64" because ';' separates style tokens), or a file path / file:// URI
// relative to the diagram's folder. Web URLs are not fetched (ErrorCode::unsupported): exports stay offline.
#include <string>

#include "core/base/result.hpp"

namespace jstudio::exporters {

struct ImageData {
    std::string bytes;
    std::string mime;       // from the bytes: image/png, image/jpeg, image/gif, image/svg+xml, "" = unknown
    std::string extension;  // png, jpeg, gif, svg
};

// Sniffs the format from the first bytes.
std::string sniff_image_mime(std::string_view bytes);
Result<ImageData> load_image(const std::string& href, const std::string& base_dir = {});

}  // namespace jstudio::exporters
