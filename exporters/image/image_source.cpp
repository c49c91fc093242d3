#include "exporters/image/image_source.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>

#include "core/base/drawio_data.hpp"
#include "core/base/file_io.hpp"
#include "core/codec/codec.hpp"

namespace jstudio::exporters {

std::string sniff_image_mime(std::string_view b) {
    if (b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
    if (b.substr(0, 3) == std::string_view("\xff\xd8\xff", 3)) return "image/jpeg";
    if (b.substr(0, 4) == "GIF8") return "image/gif";
    auto head = b.substr(0, 512);
    if (head.find("<svg") != std::string_view::npos) return "image/svg+xml";
    return "";
}

namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
    return std::uint32_t(std::uint8_t(b[at])) << 8 | std::uint8_t(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) {
    return be16(b, at) << 16 | be16(b, at + 2);
}
std::uint32_t le16(std::string_view b, std::size_t at) {
    return std::uint32_t(std::uint8_t(b[at + 1])) << 8 | std::uint8_t(b[at]);
}

// JPEG: markers from SOI on; each segment but the standalone ones carries its length. The frame header
// (SOF0..SOF15 but DHT C4, JPG C8, DAC CC) holds precision, height, width.
std::optional<ImageSize> jpeg_size(std::string_view b) {
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
        if (std::uint8_t(b[at]) != 0xFF) return std::nullopt;
        const std::uint8_t marker = std::uint8_t(b[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // TEM, RSTn, SOI: no length
            at += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // EOI or scan data before any frame
        const std::uint32_t length = be16(b, at + 2);
        if (length < 2) return std::nullopt;
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            if (at + 9 > b.size() || length < 7) return std::nullopt;
            return ImageSize{be16(b, at + 7), be16(b, at + 5)};
        }
        at += 2 + length;
    }
    return std::nullopt;
}

std::string extension_of(const std::string& mime) {
    if (mime == "image/png") return "png";
    if (mime == "image/jpeg") return "jpeg";
    if (mime == "image/gif") return "gif";
    if (mime == "image/svg+xml") return "svg";
    return "";
}

// True when `path` is `dir` or lies below it (both already canonical).
bool inside(const std::filesystem::path& path, const std::filesystem::path& dir) {
    auto [d, p] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
    return d == dir.end() || (std::next(d) == dir.end() && d->empty());  // "dir/" ends with an empty part
}
}  // namespace

std::optional<std::string> drawio_image(const std::string& href) {
    namespace fs = std::filesystem;
    if (href.rfind("img/", 0) != 0) return std::nullopt;
    const auto data = drawio_data_dir();
    if (!data) return std::nullopt;
    std::error_code ec;
    const fs::path img = fs::weakly_canonical(*data / "img", ec);
    if (ec) return std::nullopt;
    const fs::path real = fs::weakly_canonical(*data / href, ec);
    if (ec || !inside(real, img) || !fs::is_regular_file(real, ec)) return std::nullopt;
    return real.string();
}

std::optional<ImageSize> declared_image_size(std::string_view b) {
    const std::string mime = sniff_image_mime(b);
    if (mime == "image/png") {
        // signature, then the IHDR chunk: length, "IHDR", width, height.
        if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
        return ImageSize{be32(b, 16), be32(b, 20)};
    }
    if (mime == "image/jpeg") return jpeg_size(b);
    if (mime == "image/gif") {
        if (b.size() < 10) return std::nullopt;
        return ImageSize{le16(b, 6), le16(b, 8)};
    }
    return std::nullopt;
}

std::uint64_t max_decoded_pixels() {
    return std::min<std::uint64_t>(std::uint64_t(1) << 26, input_byte_limit() / 4);
}

Result<ImageSize> decodable_image_size(std::string_view bytes) {
    const auto size = declared_image_size(bytes);
    if (!size)
        return make_error(ErrorCode::bad_encoding, "image header unreadable: no size before the pixels");
    const std::uint64_t pixels = std::uint64_t(size->width) * size->height;
    if (pixels == 0) return make_error(ErrorCode::bad_encoding, "image declares no pixels");
    if (pixels > max_decoded_pixels())
        return make_error(ErrorCode::too_large, "image declares " + std::to_string(size->width) + " x " +
                                                    std::to_string(size->height) + " pixels, more than " +
                                                    std::to_string(max_decoded_pixels()) +
                                                    " are decoded; drawn as an empty frame");
    return *size;
}

bool is_local_image(const std::string& href) {
    return !href.empty() && href.rfind("data:", 0) != 0 && href.rfind("http://", 0) != 0 &&
           href.rfind("https://", 0) != 0;
}

Result<std::string> allowed_local_image(const std::string& href, const std::string& base_dir,
                                        const std::vector<std::string>& allowed_dirs) {
    namespace fs = std::filesystem;
    if (!is_local_image(href))
        return make_error(ErrorCode::unsupported, "not a local file: " + href.substr(0, 80));
    std::string path = href.rfind("file://", 0) == 0 ? href.substr(7) : href;
    if (path.rfind("localhost/", 0) == 0) path = path.substr(9);  // file://localhost/x
    auto refused = [&] {
        return make_error(
            ErrorCode::unsupported,
            "local image file not read: " + href.substr(0, 120) +
                " (draw.io never reads local files from a diagram; --allow-images-from DIR allows "
                "a folder)");
    };
    if (allowed_dirs.empty()) return refused();
    fs::path p(path);
    if (p.is_relative()) p = fs::path(base_dir.empty() ? "." : base_dir) / p;
    std::error_code ec;
    // weakly_canonical resolves "..", "." and every link, so the check is on the file actually opened.
    fs::path real = fs::weakly_canonical(p, ec);
    if (ec) return refused();
    for (const auto& dir : allowed_dirs) {
        fs::path allowed = fs::weakly_canonical(dir.empty() ? fs::path(".") : fs::path(dir), ec);
        if (!ec && inside(real, allowed)) return real.string();
    }
    return refused();
}

Result<ImageData> load_image(const std::string& href, const std::string& base_dir,
                             const std::vector<std::string>& allowed_dirs) {
    ImageData out;
    if (href.rfind("data:", 0) == 0) {
        auto comma = href.find(',');
        if (comma == std::string::npos) return make_error(ErrorCode::bad_encoding, "data URI without ','");
        std::string_view head = std::string_view(href).substr(5, comma - 5);
        std::string_view body = std::string_view(href).substr(comma + 1);
        bool base64 = head.find(";base64") != std::string_view::npos;
        // draw.io's own form has no ";base64" but is base64 all the same, except plain-text SVG.
        if (!base64 && head.rfind("image/svg", 0) == 0 &&
            (body.substr(0, 1) == "<" || body.substr(0, 1) == "%")) {
            auto text = codec::percent_decode(body);
            if (!text) return text.error();
            out.bytes = std::move(text.value());
        } else {
            auto bytes = codec::base64_decode(body);
            if (!bytes) return bytes.error();
            out.bytes = std::move(bytes.value());
        }
    } else if (href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0) {
        return make_error(ErrorCode::unsupported, "web image not fetched: " + href.substr(0, 80));
    } else if (auto own = drawio_image(href)) {
        auto bytes = read_file(*own);
        if (!bytes) return bytes.error();
        out.bytes = std::move(bytes.value());
    } else {
        auto path = allowed_local_image(href, base_dir, allowed_dirs);
        if (!path) return path.error();
        // An image is a picture, not a disk: bounded like any input (read_file refuses FIFOs and devices).
        auto bytes = read_file(path.value());
        if (!bytes) return bytes.error();
        out.bytes = std::move(bytes.value());
    }
    out.mime = sniff_image_mime(out.bytes);
    out.extension = extension_of(out.mime);
    if (out.mime.empty()) return make_error(ErrorCode::unsupported, "not a PNG, JPEG, GIF or SVG image");
    return out;
}

}  // namespace jstudio::exporters
