#include "exporters/raster/drawio_png.hpp"

#include <cstdint>

#include "core/codec/codec.hpp"
#include "core/render/page_renderer.hpp"
#include "exporters/drawio/drawio_writer.hpp"

namespace jstudio::exporters {

namespace {

constexpr std::string_view png_signature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t read_be32(std::string_view b, std::size_t at) {
    return (std::uint32_t(static_cast<unsigned char>(b[at])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(b[at + 3]));
}

void append_be32(std::string& out, std::uint32_t v) {
    out += char((v >> 24) & 0xff);
    out += char((v >> 16) & 0xff);
    out += char((v >> 8) & 0xff);
    out += char(v & 0xff);
}

}  // namespace

Result<std::string> insert_png_text(std::string_view png, std::string_view keyword, std::string_view text) {
    if (png.substr(0, png_signature.size()) != png_signature)
        return make_error(ErrorCode::bad_encoding, "not a PNG image");
    if (keyword.empty() || keyword.size() > 79 || keyword.find('\0') != std::string_view::npos)
        return make_error(ErrorCode::unsupported, "PNG text keyword must be 1-79 bytes without NUL");
    std::string out(png_signature);
    std::size_t at = png_signature.size();
    bool inserted = false;
    while (at + 12 <= png.size()) {
        std::uint32_t length = read_be32(png, at);
        if (length > png.size() - at - 12)
            return make_error(ErrorCode::bad_encoding,
                              "PNG chunk at byte " + std::to_string(at) + " is truncated");
        std::string_view type = png.substr(at + 4, 4);
        std::string_view chunk = png.substr(at, 12 + length);
        if (type == "IDAT" && !inserted) {
            std::string body = "tEXt";
            body += keyword;
            body += '\0';
            body += text;
            append_be32(out, std::uint32_t(body.size() - 4));
            out += body;
            append_be32(out, codec::crc32(body));
            inserted = true;
        }
        std::string_view data = png.substr(at + 8, length);
        bool same_key = type == "tEXt" && data.size() > keyword.size() &&
                        data.substr(0, keyword.size()) == keyword && data[keyword.size()] == '\0';
        if (!same_key) out += chunk;
        at += 12 + length;
    }
    if (!inserted) return make_error(ErrorCode::bad_encoding, "PNG has no image data (IDAT)");
    return out;
}

Result<std::string> write_drawio_png(const diagram::Document& document, std::size_t page_index,
                                     const RasterOptions& options) {
    if (page_index >= document.pages.size())
        return make_error(ErrorCode::unsupported,
                          "page " + std::to_string(page_index + 1) + " does not exist");
    auto xml = write_drawio(document, {Compression::uncompressed});
    if (!xml) return xml.error();
    auto png = write_png(render::render_page(document.pages[page_index]), options);
    if (!png) return png.error();
    return insert_png_text(png.value(), "mxfile", codec::percent_encode(xml.value()));
}

}  // namespace jstudio::exporters
