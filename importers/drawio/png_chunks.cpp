#include "importers/drawio/png_chunks.hpp"

#include <cstdint>

#include "core/codec/codec.hpp"

namespace jstudio::importers {

namespace {
constexpr std::string_view png_signature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t read_be32(std::string_view b, std::size_t at) {
    return (std::uint32_t(static_cast<unsigned char>(b[at])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(b[at + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(b[at + 3]));
}

// draw.io percent-encodes the XML it embeds, sometimes twice ("double encoded",
// Editor.extractGraphModelFromPng).
Result<std::string> undo_percent_encoding(std::string text) {
    for (int round = 0; round < 2 && !text.empty() && text.front() == '%'; ++round) {
        auto decoded = codec::percent_decode(text);
        if (!decoded) return decoded.error();
        text = std::move(decoded.value());
    }
    return text;
}
}  // namespace

bool is_png(std::string_view bytes) {
    return bytes.substr(0, png_signature.size()) == png_signature;
}

Result<std::string> extract_png_diagram(std::string_view bytes, std::size_t max_inflated_bytes) {
    if (!is_png(bytes)) return make_error(ErrorCode::bad_encoding, "not a PNG file");
    std::size_t at = png_signature.size();
    while (at + 12 <= bytes.size()) {
        std::uint32_t length = read_be32(bytes, at);
        std::string_view type = bytes.substr(at + 4, 4);
        if (length > bytes.size() - at - 12)
            return make_error(ErrorCode::bad_encoding, "PNG chunk '" + std::string(type) + "' at byte " +
                                                           std::to_string(at) +
                                                           " runs past the end of the file");
        std::string_view data = bytes.substr(at + 8, length);
        std::uint32_t stored_crc = read_be32(bytes, at + 8 + length);
        if (codec::crc32(bytes.substr(at + 4, 4 + length)) != stored_crc)
            return make_error(ErrorCode::bad_encoding, "PNG chunk '" + std::string(type) + "' at byte " +
                                                           std::to_string(at) + " has a bad CRC");
        if (type == "IDAT" || type == "IEND") break;
        std::size_t nul = data.find('\0');
        std::string_view key = nul == std::string_view::npos ? std::string_view{} : data.substr(0, nul);
        if (type == "tEXt" && (key == "mxfile" || key == "mxGraphModel")) {
            return undo_percent_encoding(std::string(data.substr(nul + 1)));
        }
        if (type == "zTXt" && key == "mxGraphModel" && nul + 2 <= data.size()) {
            std::string_view packed = data.substr(nul + 2);
            // Old draw.io wrote raw DEFLATE here, not the zlib stream the PNG standard asks for; accept both.
            auto text = codec::inflate_raw(packed, max_inflated_bytes);
            if (!text && text.error().code != ErrorCode::too_large)
                text = codec::inflate_zlib(packed, max_inflated_bytes);
            if (!text) return text.error();
            std::string value = std::move(text.value());
            for (char& c : value)
                if (c == '+') c = ' ';  // Java's URLEncoder wrote spaces as '+'
            return undo_percent_encoding(std::move(value));
        }
        at += 12 + length;
    }
    return make_error(ErrorCode::unsupported,
                      "PNG holds no draw.io diagram (no mxfile text chunk before the image data)");
}

}  // namespace jstudio::importers
