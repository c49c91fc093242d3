#pragma once
// The bytes behind a draw.io image reference (style image=...): a data URI (draw.io writes
// "data:image/png,BASE64" without ";base64" because ';' separates style tokens), or a file path / file:// URI
// relative to the diagram's folder. Web URLs are not fetched (ErrorCode::unsupported): exports stay offline.
//
// Local files are read only inside folders the user allowed (journey export --allow-images-from DIR): a
// diagram is data from anyone, and draw.io itself never reads local files from one, so an image=/etc/shadow,
// file:///home/... or ../../secret would otherwise be copied into a picture or deck that gets shared.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace jstudio::exporters {

struct ImageData {
    std::string bytes;
    std::string mime;       // from the bytes: image/png, image/jpeg, image/gif, image/svg+xml, "" = unknown
    std::string extension;  // png, jpeg, gif, svg
};

// Sniffs the format from the first bytes.
std::string sniff_image_mime(std::string_view bytes);

struct ImageSize {
    std::uint32_t width = 0, height = 0;
};
// The size a PNG (IHDR), JPEG (the SOFn frame header, found by walking the markers) or GIF (logical screen)
// declares, read from the header alone; nullopt when the header is missing or truncated, or for SVG.
std::optional<ImageSize> declared_image_size(std::string_view bytes);
// More pixels than a decoder may be given: 64 Mpx (256 MiB as ARGB), less under a small memory budget
// (--max-memory). A header can claim gigapixels in a few bytes; decoders then allocate and fill all of it
// (under AddressSanitizer a 65000 x 65000 JPEG took 30 s before the decoder gave up).
std::uint64_t max_decoded_pixels();
// The declared size when a raster image may be decoded; the refusal, naming the size, when the header is
// unreadable or claims more than max_decoded_pixels(). Only headers are read: nothing is decoded.
Result<ImageSize> decodable_image_size(std::string_view bytes);
// allowed_dirs: folders local image files may be read from (links resolved first, so a link inside an
// allowed folder cannot reach outside it); empty = no local file is read. Reads stop at max_bytes.
Result<ImageData> load_image(const std::string& href, const std::string& base_dir = {},
                             const std::vector<std::string>& allowed_dirs = {});
// The local file an href names, resolved, when it may be read; the refusal otherwise (data: and web URLs
// are not local files: ErrorCode::unsupported too).
Result<std::string> allowed_local_image(const std::string& href, const std::string& base_dir,
                                        const std::vector<std::string>& allowed_dirs);
bool is_local_image(const std::string& href);
// draw.io's own images, named relative to its web app ("img/lib/azure2/general/Browser.svg"): the file in
// the draw.io data folder (core/base/drawio_data.hpp) when it is there; nullopt for any other href.
std::optional<std::string> drawio_image(const std::string& href);

}  // namespace jstudio::exporters
