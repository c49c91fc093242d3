#include "core/text/html_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "core/text/html_entities_table.hpp"

namespace jstudio::text {

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t decode_entity(std::string_view text, std::size_t at, std::string& out, bool nbsp_as_space) {
    // The longest entity read here is "&#x10FFFF;" (10 bytes); a ';' further away is not this entity's.
    constexpr std::size_t longest = 10;
    if (at >= text.size() || text[at] != '&') return 0;
    const auto semi = text.substr(at, longest + 1).find(';');
    if (semi == std::string_view::npos || semi < 2) return 0;
    const std::string_view name = text.substr(at + 1, semi - 1);
    const std::size_t span = semi + 1;
    if (name == "nbsp") {
        out += nbsp_as_space ? " " : "\xC2\xA0";
        return span;
    }
    if (name == "apos") {  // XML's, which browsers read in HTML too
        out += '\'';
        return span;
    }
    if (name[0] != '#') {
        // HTML 4's names (&laquo;, &alpha;, &mdash;...): what draw.io's labels use; a browser knows them all.
        const auto* begin = std::begin(detail::html_entities);
        const auto* end = std::end(detail::html_entities);
        const auto* it = std::lower_bound(
            begin, end, name, [](const detail::HtmlEntity& e, std::string_view n) { return e.name < n; });
        if (it == end || it->name != name) return 0;
        append_utf8(out, it->codepoint);
        return span;
    }
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    unsigned long cp = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) return 0;
    if (cp == 0xA0 && nbsp_as_space)
        out += ' ';
    else
        append_utf8(out, cp == 0 ? char32_t{0xFFFD} : static_cast<char32_t>(std::min(cp, 0x110000UL)));
    return span;
}

std::string decode_entities(std::string_view text, bool nbsp_as_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t span = decode_entity(text, i, out, nbsp_as_space)) {
            i += span;
        } else {
            out += text[i++];
        }
    }
    return out;
}

namespace {

// Tags that start or end a line in a label (draw.io wraps each typed line in <div>).
bool breaks_line(std::string_view name) {
    static constexpr std::array<std::string_view, 17> blocks{"br",    "div", "p",          "li",  "ul", "ol",
                                                             "h1",    "h2",  "h3",         "h4",  "h5", "h6",
                                                             "table", "tr",  "blockquote", "pre", "hr"};
    for (std::string_view b : blocks)
        if (name == b) return true;
    return false;
}

// The lower-case element name of a tag body ("/DIV class=x" → "div").
std::string tag_name(std::string_view body) {
    std::size_t i = 0;
    if (i < body.size() && body[i] == '/') ++i;
    std::string name;
    while (i < body.size() && std::isalnum(static_cast<unsigned char>(body[i])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(body[i++])));
    return name;
}

}  // namespace

std::string html_to_text(std::string_view html, const HtmlToText& how) {
    // First the text with '\n' where lines break, then white space tidied per line.
    std::string raw;
    raw.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (how.markup && c == '<') {
            const std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;  // an unclosed tag hides the rest, as in a browser
            if (breaks_line(tag_name(html.substr(i + 1, end - i - 1)))) raw += '\n';
            i = end + 1;
        } else if (how.markup && c == '&') {
            const std::size_t span = decode_entity(html, i, raw, true);
            if (span == 0) raw += c;
            i += span == 0 ? 1 : span;
        } else {
            raw += c;
            ++i;
        }
    }
    std::string out;
    out.reserve(raw.size());
    bool space = false, line_break = false;
    for (const char c : raw) {
        if (c == '\n') {
            line_break = true;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
        } else {
            if (!out.empty()) {
                if (line_break && how.keep_lines)
                    out += '\n';
                else if (line_break || space)
                    out += ' ';
            }
            space = line_break = false;
            out += c;
        }
    }
    return out;
}

}  // namespace jstudio::text
