#include "core/text/text_metrics.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/text/font_metrics_table.hpp"

namespace jstudio::text {

namespace {

// Decodes one code point; invalid bytes count as U+FFFD and advance by one.
std::uint32_t next_codepoint(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<std::size_t>(len);
    return cp;
}

const std::uint16_t* widths_of(Face face, bool bold) {
    switch (face) {
        case Face::dejavu_sans:
            return bold ? detail::dejavu_bold_widths : detail::dejavu_regular_widths;
        case Face::dejavu_serif:
            return bold ? detail::dejavu_serif_bold_widths : detail::dejavu_serif_regular_widths;
        case Face::liberation_serif:
            return bold ? detail::liberation_serif_bold_widths : detail::liberation_serif_regular_widths;
        case Face::architects_daughter:
            return detail::architects_daughter_regular_widths;
        case Face::liberation_sans:
            break;
    }
    return bold ? detail::bold_widths : detail::regular_widths;
}

double advance(std::uint32_t cp, bool bold, Face face) {
    const auto* begin = detail::metric_codepoints;
    const auto* end = begin + detail::metric_count;
    const auto* it = std::lower_bound(begin, end, cp);
    const std::uint16_t* widths = widths_of(face, bold);
    if (it != end && *it == cp) return widths[it - begin];
    if (cp == '\t') return 4 * widths[0];
    // Joiners, direction marks and combining accents take no room (&zwnj; and &rlm; in draw.io's labels).
    if ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || (cp >= 0x0300 && cp <= 0x036F))
        return 0;
    // The width of 'n': a fair guess for letters of other scripts.
    return widths[std::lower_bound(begin, end, std::uint32_t('n')) - begin];
}

}  // namespace

std::string first_family(std::string_view family) {
    std::string first;
    for (char c : family.substr(0, family.find(','))) {
        if (c == '"' || c == '\'') continue;
        first += char(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!first.empty() && first.front() == ' ') first.erase(first.begin());
    while (!first.empty() && first.back() == ' ') first.pop_back();
    return first;
}

bool is_monospace_family(std::string_view family) {
    const std::string first = first_family(family);
    for (const char* mono :
         {"courier new", "courier", "monospace", "consolas", "lucida console", "menlo", "monaco",
          "liberation mono", "dejavu sans mono", "source code pro", "ubuntu mono"})
        if (first == mono) return true;
    return false;
}

bool is_dejavu_family(std::string_view family) {
    const std::string first = first_family(family);
    for (const char* f : {"verdana", "tahoma", "comic sans ms", "dejavu sans"})
        if (first == f) return true;
    return false;
}

Face face_of_family(std::string_view family) {
    if (is_dejavu_family(family)) return Face::dejavu_sans;
    const std::string first = first_family(family);
    if (first == "georgia" || first == "dejavu serif") return Face::dejavu_serif;
    if (first == "architects daughter") return Face::architects_daughter;
    // draw.io's reference pictures draw a font the machine lacks in Chromium's default font, Times New Roman
    // (Liberation Serif), not in fontconfig's sans fallback; Humor Sans (the xkcd flowchart) is one.
    for (const char* f : {"times new roman", "times", "serif", "liberation serif", "humor sans"})
        if (first == f) return Face::liberation_serif;
    return Face::liberation_sans;
}

FontSpec font_spec(double size, bool bold, std::string_view family) {
    return {size, bold, is_monospace_family(family), face_of_family(family)};
}

double text_width(std::string_view s, const FontSpec& font) {
    if (font.monospace) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < s.size();) next_codepoint(s, i), ++n;
        return double(n) * 0.6 * font.size;
    }
    double units = 0;
    for (std::size_t i = 0; i < s.size();) units += advance(next_codepoint(s, i), font.bold, font.face);
    return units * font.size / 1000.0;
}

std::vector<std::string> wrap_text(std::string_view s, double max_width, const FontSpec& font) {
    std::vector<std::string> lines;
    std::size_t para_start = 0;
    while (true) {
        std::size_t nl = s.find('\n', para_start);
        std::string_view para = s.substr(para_start, nl == std::string_view::npos ? s.npos : nl - para_start);
        std::string line;
        std::size_t i = 0;
        while (i <= para.size()) {
            std::size_t sp = para.find(' ', i);
            std::string_view word = para.substr(i, sp == std::string_view::npos ? para.npos : sp - i);
            std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
            if (line.empty() || text_width(candidate, font) <= max_width) {
                line = std::move(candidate);
            } else {
                lines.push_back(std::move(line));
                line = std::string(word);
            }
            // Break a word that alone is wider than the line between characters.
            while (text_width(line, font) > max_width && line.size() > 1) {
                std::size_t cut = 0, k = 0;
                while (k < line.size()) {
                    std::size_t next = k;
                    next_codepoint(line, next);
                    if (text_width(std::string_view(line).substr(0, next), font) > max_width) break;
                    k = next;
                    cut = k;
                }
                if (cut == 0) {  // not even one character fits: take one anyway
                    next_codepoint(line, cut);
                }
                lines.push_back(line.substr(0, cut));
                line.erase(0, cut);
            }
            if (sp == std::string_view::npos) break;
            i = sp + 1;
        }
        lines.push_back(std::move(line));
        if (nl == std::string_view::npos) break;
        para_start = nl + 1;
    }
    return lines;
}

TextBlock measure_block(std::string_view s, double max_width, const FontSpec& font) {
    TextBlock block;
    block.lines = wrap_text(s, max_width, font);
    for (const auto& l : block.lines) block.width = std::max(block.width, text_width(l, font));
    block.height = static_cast<double>(block.lines.size()) * font.size * line_height_factor;
    return block;
}

}  // namespace jstudio::text
