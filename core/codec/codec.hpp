#pragma once
// Byte encodings that draw.io files use: base64, percent-encoding (encodeURIComponent), raw DEFLATE, UTF-8.
// No file format lives here; each function reports failure as a value with the offset where it happened.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace jstudio::codec {

// Standard alphabet with '=' padding; ASCII whitespace is skipped as browsers' atob does.
// Error message names the byte offset of the first character outside the alphabet.
Result<std::string> base64_decode(std::string_view text);
std::string base64_encode(std::string_view bytes);

// decodeURIComponent: strict, '+' stays '+', a bad escape or invalid UTF-8 is an error.
Result<std::string> percent_decode(std::string_view text);
// encodeURIComponent: every byte except A-Z a-z 0-9 - _ . ! ~ * ' ( ) is escaped.
std::string percent_encode(std::string_view text);

// Raw DEFLATE (RFC 1951, no zlib header), as draw.io's pako.deflateRaw/inflateRaw.
// Inflating stops with ErrorCode::too_large past max_output bytes, so a deflate bomb cannot exhaust memory.
Result<std::string> inflate_raw(std::string_view bytes, std::size_t max_output);
// A zlib stream (RFC 1950) inflated with the same bound: standard PNG zTXt chunks.
Result<std::string> inflate_zlib(std::string_view bytes, std::size_t max_output);
std::string deflate_raw(std::string_view bytes, int level = 6);

// Offset of the first byte that is not valid UTF-8, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view text);
// The text with every byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);
// Offset of the first control character XML 1.0 forbids (U+0000-U+001F but TAB, LF and CR), or npos.
std::size_t find_xml_control(std::string_view text);
// Text any XML file can hold: broken UTF-8 and forbidden control characters each become U+FFFD.
std::string replace_for_xml(std::string_view text);

std::uint32_t crc32(std::string_view bytes);

}  // namespace jstudio::codec
