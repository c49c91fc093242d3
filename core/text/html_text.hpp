#pragma once
// Reading draw.io's HTML labels (html=1 values such as "Sign&nbsp;in<br>now") in one place:
// - entity decoding: the named entities draw.io writes (amp lt gt quot apos nbsp) and &#N; / &#xN; as UTF-8;
//   anything else (unknown names, malformed numbers, a lone '&') stays as written
// - the label as plain text, its lines kept ('\n') or joined into one line, as the caller needs.
#include <string>
#include <string_view>

namespace jstudio::text {

// Appends a code point as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// If text[at] starts an entity this decoder knows, appends its text to out and returns how many bytes it
// spans (with the ';'); returns 0 and appends nothing otherwise. nbsp_as_space: &nbsp; and &#160; give ' '
// instead of U+00A0.
std::size_t decode_entity(std::string_view text, std::size_t at, std::string& out,
                          bool nbsp_as_space = false);
std::string decode_entities(std::string_view text, bool nbsp_as_space = false);

struct HtmlToText {
    // true: <br>, raw LF, and opening or closing block tags (div, p, li, h1..h6, ...) end a line; lines are
    // joined by '\n', empty ones dropped. false: those breaks are spaces and the result is one line.
    bool keep_lines = true;
    // false: the value is not HTML (html=0): tags and entities are text, only white space is tidied.
    bool markup = true;
};
inline constexpr HtmlToText html_lines{true, true};
inline constexpr HtmlToText html_one_line{false, true};
inline constexpr HtmlToText plain_one_line{false, false};

// Tags go (inline ones such as <b> without a space), entities are decoded with &nbsp; as a space, runs of
// white space become one space and every line is trimmed.
std::string html_to_text(std::string_view html, const HtmlToText& how = html_lines);

}  // namespace jstudio::text
