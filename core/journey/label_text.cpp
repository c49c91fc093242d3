#include "core/journey/label_text.hpp"

#include <cctype>
#include <cstdint>

#include "core/text/xml_escape.hpp"

namespace jstudio::journey {

std::string text_to_html(std::string_view text) {
    return text::xml_escape(text, text::html_from_text);
}

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string html_to_text(std::string_view html) {
    std::string raw;
    for (std::size_t i = 0; i < html.size();) {
        char c = html[i];
        if (c == '<') {
            std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string tag = lower(html.substr(i + 1, end - i - 1));
            std::size_t name_end = 0;
            while (name_end < tag.size() &&
                   (std::isalnum(static_cast<unsigned char>(tag[name_end])) || tag[name_end] == '/'))
                ++name_end;
            std::string name = tag.substr(0, name_end);
            // draw.io wraps each typed line in <div>; a closing block tag or <br> ends a line.
            if (name == "br" || name == "br/" || name == "/div" || name == "/p" || name == "/li" ||
                name == "div" || name == "p" || name == "li")
                raw += '\n';
            i = end + 1;
        } else if (c == '&') {
            std::size_t end = html.find(';', i);
            if (end == std::string_view::npos || end - i > 10) {
                raw += c;
                ++i;
                continue;
            }
            std::string ent(html.substr(i + 1, end - i - 1));
            if (ent == "amp")
                raw += '&';
            else if (ent == "lt")
                raw += '<';
            else if (ent == "gt")
                raw += '>';
            else if (ent == "quot")
                raw += '"';
            else if (ent == "apos")
                raw += '\'';
            else if (ent == "nbsp")
                raw += ' ';
            else if (!ent.empty() && ent[0] == '#') {
                std::uint32_t cp = 0;
                try {
                    cp = static_cast<std::uint32_t>(ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X')
                                                        ? std::stoul(ent.substr(2), nullptr, 16)
                                                        : std::stoul(ent.substr(1)));
                } catch (...) {
                    cp = 0xFFFD;
                }
                append_utf8(raw, cp == 160 ? ' ' : cp);
            } else {
                raw += html.substr(i, end - i + 1);
            }
            i = end + 1;
        } else {
            raw += (c == '\r' || c == '\t') ? ' ' : c;
            ++i;
        }
    }
    // Collapse spaces per line, trim lines, drop empty lines.
    std::string out;
    std::size_t start = 0;
    while (start <= raw.size()) {
        std::size_t nl = raw.find('\n', start);
        if (nl == std::string::npos) nl = raw.size();
        std::string line;
        bool space = false;
        for (std::size_t k = start; k < nl; ++k) {
            if (raw[k] == ' ') {
                space = !line.empty();
            } else {
                if (space) line += ' ';
                space = false;
                line += raw[k];
            }
        }
        if (!line.empty()) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        start = nl + 1;
    }
    return out;
}

}  // namespace jstudio::journey
