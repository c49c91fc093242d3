#include "core/text/xml_escape.hpp"

namespace jstudio::text {

void xml_escape_into(std::string& out, std::string_view text, const XmlEscape& how) {
    // Runs of characters that stay as they are go in whole; only the others take the switch below.
    auto plain = [](unsigned char c) {
        if (c >= 0x20) return c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
        return false;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t run = i;
        while (run < text.size() && plain(static_cast<unsigned char>(text[run]))) ++run;
        out.append(text.data() + i, run - i);
        if (run == text.size()) break;
        i = run + 1;
        const char c = text[run];
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                if (how.quote)
                    out += "&quot;";
                else
                    out += c;
                break;
            case '\'':
                if (how.apostrophe)
                    out += "&#39;";
                else
                    out += c;
                break;
            case '\n':
                if (how.newline)
                    out += how.newline;
                else
                    out += c;
                break;
            case '\t':
                if (how.tab)
                    out += how.tab;
                else
                    out += c;
                break;
            case '\r':
                if (how.cr)
                    out += how.cr;
                else if (!how.drop_controls)
                    out += c;
                break;
            default:
                if (how.replace_controls && static_cast<unsigned char>(c) < 0x20) {
                    out += "\xEF\xBF\xBD";
                    break;
                }
                if (how.drop_controls && static_cast<unsigned char>(c) < 0x20) break;
                out += c;
        }
    }
}

std::string xml_escape(std::string_view text, const XmlEscape& how) {
    std::string out;
    out.reserve(text.size());
    xml_escape_into(out, text, how);
    return out;
}

}  // namespace jstudio::text
