#include "core/codec/codec.hpp"

#include <zlib.h>

#include <array>
#include <cstring>

namespace jstudio::codec {

namespace {

constexpr char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int8_t, 256> make_b64_table() {
    std::array<int8_t, 256> t{};
    for (auto& v : t) v = -1;
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(b64_alphabet[i])] = static_cast<int8_t>(i);
    return t;
}
constexpr auto b64_table = make_b64_table();

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Result<std::string> inflate_with(std::string_view bytes, std::size_t max_output, int window_bits) {
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK)
        return make_error(ErrorCode::bad_encoding, "cannot start inflate");
    std::string out;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::array<char, 64 * 1024> buffer{};
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer.data());
        zs.avail_out = static_cast<uInt>(buffer.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        std::size_t produced = buffer.size() - zs.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && produced > 0)) {
            std::string why = rc == Z_BUF_ERROR ? "deflate data is truncated"
                                                : std::string("deflate data is corrupt") +
                                                      (zs.msg ? std::string(" (") + zs.msg + ")" : "");
            why += " at compressed byte " + std::to_string(zs.total_in);
            inflateEnd(&zs);
            return make_error(ErrorCode::bad_encoding, why);
        }
        if (out.size() + produced > max_output) {
            inflateEnd(&zs);
            return make_error(ErrorCode::too_large, "inflated data exceeds the limit of " +
                                                        std::to_string(max_output) +
                                                        " bytes (a deflate bomb?)");
        }
        out.append(buffer.data(), produced);
        if (rc != Z_STREAM_END && zs.avail_in == 0 && produced == 0) {
            inflateEnd(&zs);
            return make_error(ErrorCode::bad_encoding,
                              "deflate data is truncated after " + std::to_string(bytes.size()) + " bytes");
        }
    }
    inflateEnd(&zs);
    return out;
}

}  // namespace

Result<std::string> base64_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0, padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (is_space(c)) continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        int v = b64_table[static_cast<unsigned char>(c)];
        if (v < 0 || padding > 0)
            return make_error(ErrorCode::bad_encoding,
                              "base64 text has an invalid character at offset " + std::to_string(i));
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    if (padding > 2) return make_error(ErrorCode::bad_encoding, "base64 text has too much '=' padding");
    return out;
}

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                          (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                          static_cast<unsigned char>(bytes[i + 2]);
        out += b64_alphabet[(n >> 18) & 63];
        out += b64_alphabet[(n >> 12) & 63];
        out += b64_alphabet[(n >> 6) & 63];
        out += b64_alphabet[n & 63];
    }
    if (i < bytes.size()) {
        std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += b64_alphabet[(n >> 18) & 63];
        out += b64_alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? b64_alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

Result<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
        int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return make_error(ErrorCode::bad_encoding, "malformed percent-escape at offset " +
                                                           std::to_string(i) + " of the decoded page");
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    if (auto bad = find_invalid_utf8(out); bad != std::string::npos)
        return make_error(ErrorCode::bad_encoding,
                          "percent-decoded text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 2);
    for (unsigned char c : text) {
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    std::strchr("-_.!~*'()", c) != nullptr;
        if (keep && c != 0) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

Result<std::string> inflate_raw(std::string_view bytes, std::size_t max_output) {
    return inflate_with(bytes, max_output, -15);
}

Result<std::string> inflate_zlib(std::string_view bytes, std::size_t max_output) {
    return inflate_with(bytes, max_output, 15);
}

std::string deflate_raw(std::string_view bytes, int level) {
    z_stream zs{};
    // windowBits -15: raw DEFLATE with no zlib header or checksum, as pako.deflateRaw writes (memLevel 8).
    deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, static_cast<uLong>(bytes.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos;
         bad = find_invalid_utf8(text)) {
        out.append(text.substr(0, bad));
        out.append("\xEF\xBF\xBD");
        text.remove_prefix(bad + 1);
    }
    out.append(text);
    return out;
}

std::size_t find_xml_control(std::string_view s) {
    auto forbidden = [](unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; };
    std::size_t i = 0;
    const std::size_t n = s.size();
    // Eight bytes at a time: a word with no byte below 0x20 is skipped whole (most of a file; a line break
    // sends one word through the byte loop).
    while (i + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        if (((word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL) == 0) {
            i += 8;
            continue;
        }
        for (std::size_t k = i; k < i + 8; ++k)
            if (forbidden(static_cast<unsigned char>(s[k]))) return k;
        i += 8;
    }
    for (; i < n; ++i)
        if (forbidden(static_cast<unsigned char>(s[i]))) return i;
    return std::string_view::npos;
}

std::string replace_for_xml(std::string_view text) {
    std::string valid = replace_invalid_utf8(text);
    for (std::size_t at = find_xml_control(valid); at != std::string::npos; at = find_xml_control(valid))
        valid.replace(at, 1, "\xEF\xBF\xBD");
    return valid;
}

std::size_t find_invalid_utf8(std::string_view s) {
    std::size_t i = 0, n = s.size();
    while (i < n) {
        // ASCII eight bytes at a time: most of a diagram is ASCII, and this check reads all of every file.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0)
            len = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            len = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            len = 4, cp = c & 0x07;
        else
            return i;
        if (i + len > n) return i;
        for (int k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::uint32_t crc32(std::string_view bytes) {
    return static_cast<std::uint32_t>(
        ::crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

}  // namespace jstudio::codec
