#include "exporters/image/image_source.hpp"

#include <filesystem>

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
std::string extension_of(const std::string& mime) {
    if (mime == "image/png") return "png";
    if (mime == "image/jpeg") return "jpeg";
    if (mime == "image/gif") return "gif";
    if (mime == "image/svg+xml") return "svg";
    return "";
}
}  // namespace

Result<ImageData> load_image(const std::string& href, const std::string& base_dir) {
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
    } else {
        std::string path = href.rfind("file://", 0) == 0 ? href.substr(7) : href;
        std::filesystem::path p(path);
        if (p.is_relative() && !base_dir.empty()) p = std::filesystem::path(base_dir) / p;
        auto bytes = read_file(p.string());
        if (!bytes) return bytes.error();
        out.bytes = std::move(bytes.value());
    }
    out.mime = sniff_image_mime(out.bytes);
    out.extension = extension_of(out.mime);
    if (out.mime.empty()) return make_error(ErrorCode::unsupported, "not a PNG, JPEG, GIF or SVG image");
    return out;
}

}  // namespace jstudio::exporters
