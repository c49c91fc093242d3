#include "core/render/label_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/text/html_text.hpp"
#include "core/text/text_metrics.hpp"

namespace jstudio::render {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Tag {
    std::string name;  // lower case, without '/'
    bool closing = false, self_closing = false;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return v;
        return {};
    }
};

Tag parse_tag(std::string_view body) {
    Tag tag;
    std::size_t i = 0;
    if (i < body.size() && body[i] == '/') tag.closing = true, ++i;
    std::size_t start = i;
    while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i])) && body[i] != '/') ++i;
    tag.name = lower(body.substr(start, i - start));
    while (i < body.size()) {
        while (i < body.size() && (std::isspace(static_cast<unsigned char>(body[i])))) ++i;
        if (i < body.size() && body[i] == '/') {
            tag.self_closing = true;
            ++i;
            continue;
        }
        std::size_t ks = i;
        while (i < body.size() && body[i] != '=' && !std::isspace(static_cast<unsigned char>(body[i])) &&
               body[i] != '/')
            ++i;
        std::string key = lower(body.substr(ks, i - ks));
        std::string value;
        if (i < body.size() && body[i] == '=') {
            ++i;
            if (i < body.size() && (body[i] == '"' || body[i] == '\'')) {
                char q = body[i++];
                std::size_t vs = i;
                while (i < body.size() && body[i] != q) ++i;
                value = text::decode_entities(body.substr(vs, i - vs));
                if (i < body.size()) ++i;
            } else {
                std::size_t vs = i;
                while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i]))) ++i;
                value = text::decode_entities(body.substr(vs, i - vs));
            }
        }
        if (!key.empty()) tag.attributes.emplace_back(std::move(key), std::move(value));
        if (ks == i) ++i;  // never stall on odd characters
    }
    return tag;
}

double css_size(std::string_view v, double current) {
    double n = std::atof(std::string(v).c_str());
    if (n <= 0) return current;
    if (v.find("pt") != std::string_view::npos) return n * 4.0 / 3.0;
    if (v.find("em") != std::string_view::npos) return n * current;
    if (v.find('%') != std::string_view::npos) return n * current / 100;
    return n;
}

// f(key, value) for each "key: value" declaration of an inline style: key lower case without spaces, value
// as written without its leading spaces.
template <typename F>
void for_each_declaration(std::string_view css, F&& f) {
    std::size_t at = 0;
    while (at < css.size()) {
        auto semi = css.find(';', at);
        if (semi == std::string_view::npos) semi = css.size();
        auto decl = css.substr(at, semi - at);
        at = semi + 1;
        auto colon = decl.find(':');
        if (colon == std::string_view::npos) continue;
        std::string key = lower(decl.substr(0, colon));
        std::string value(decl.substr(colon + 1));
        key.erase(
            std::remove_if(key.begin(), key.end(), [](char c) { return std::isspace((unsigned char)c); }),
            key.end());
        while (!value.empty() && value.front() == ' ') value.erase(value.begin());
        f(key, value);
    }
}

void apply_css(std::string_view css, Font& font) {
    for_each_declaration(css, [&](const std::string& key, const std::string& value) {
        std::string lv = lower(value);
        if (key == "color") {
            if (auto c = parse_color(lv)) font.color = *c;
        } else if (key == "font-size") {
            font.size = css_size(lv, font.size);
        } else if (key == "font-weight") {
            font.bold = lv.find("bold") != std::string::npos || std::atoi(lv.c_str()) >= 600;
        } else if (key == "font-style") {
            font.italic = lv.find("italic") != std::string::npos;
        } else if (key == "text-decoration" || key == "text-decoration-line") {
            font.underline = lv.find("underline") != std::string::npos;
        } else if (key == "font-family") {
            auto comma = value.find(',');
            std::string fam = value.substr(0, comma);
            fam.erase(std::remove(fam.begin(), fam.end(), '"'), fam.end());
            fam.erase(std::remove(fam.begin(), fam.end(), '\''), fam.end());
            if (!fam.empty()) font.family = fam;
        }
    });
}

// A block's text-align (style) or align (attribute): left/start, center, right/end; justify lays out as left.
std::optional<HAlign> text_align(std::string_view css, const std::string& attribute) {
    std::string value = attribute;
    for_each_declaration(css, [&](const std::string& key, const std::string& declared) {
        if (key != "text-align") return;
        value = lower(declared);
        value.erase(std::remove_if(value.begin(), value.end(),
                                   [](char c) { return std::isspace((unsigned char)c) || c == '!'; }),
                    value.end());
        if (auto imp = value.find("important"); imp != std::string::npos) value.erase(imp);
    });
    if (value == "left" || value == "start" || value == "justify") return HAlign::left;
    if (value == "center" || value == "-webkit-center") return HAlign::center;
    if (value == "right" || value == "end") return HAlign::right;
    return std::nullopt;
}

bool is_block(const std::string& name) {
    static const char* blocks[] = {"div", "p",  "li", "ul",    "ol", "h1",         "h2",  "h3",
                                   "h4",  "h5", "h6", "table", "tr", "blockquote", "pre", "hr"};
    for (const char* b : blocks)
        if (name == b) return true;
    return false;
}

bool is_void(const std::string& name) {
    return name == "br" || name == "img" || name == "hr" || name == "input" || name == "meta" ||
           name == "wbr";
}

// A CSS length in px (px, pt, em of the element's font size; a bare number is px); none when unreadable or
// "auto". Unlike a font size, zero and negative lengths count: margin: 0 is how draw.io's UML shapes drop the
// paragraph's margins.
std::optional<double> css_length(std::string_view v, double em) {
    std::string t = lower(v);
    t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return std::isspace((unsigned char)c); }),
            t.end());
    if (auto imp = t.find("!important"); imp != std::string::npos) t.erase(imp);
    if (t.empty() || t == "auto") return std::nullopt;
    char* end = nullptr;
    const double n = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || !std::isfinite(n)) return std::nullopt;
    const std::string unit(end);
    if (unit.empty() || unit == "px") return n;
    if (unit == "pt") return n * 4.0 / 3.0;
    if (unit == "em" || unit == "rem") return n * em;
    return std::nullopt;
}

// The vertical margins of a block the browser's default stylesheet gives it (p, headings, a list that is not
// inside another list, blockquote), in px of the block's own font size, then those of its inline style
// (margin, margin-top, margin-bottom). draw.io lays an HTML label out in an inline-block div, so the first
// block's top margin and the last one's bottom margin stay inside the label (nothing collapses through it).
std::pair<double, double> block_margins(const std::string& name, double size, bool in_list,
                                        std::string_view css) {
    double em = 0;
    if (name == "p" || name == "blockquote" || name == "pre") em = 1;
    if ((name == "ul" || name == "ol") && !in_list) em = 1;
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        static const double factor[] = {0.67, 0.83, 1.0, 1.33, 1.67, 2.33};
        em = factor[name[1] - '1'];
    }
    double top = em * size, bottom = em * size;
    for_each_declaration(css, [&](const std::string& key, const std::string& value) {
        if (key == "margin") {
            std::vector<std::string> parts;
            std::size_t at = 0;
            while (at < value.size()) {
                while (at < value.size() && value[at] == ' ') ++at;
                const auto end = std::min(value.find(' ', at), value.size());
                if (end > at) parts.push_back(value.substr(at, end - at));
                at = end;
            }
            if (parts.empty()) return;
            if (auto t = css_length(parts[0], size)) top = *t;
            if (auto b = css_length(parts[parts.size() >= 3 ? 2 : 0], size)) bottom = *b;
        } else if (key == "margin-top") {
            if (auto t = css_length(value, size)) top = *t;
        } else if (key == "margin-bottom") {
            if (auto b = css_length(value, size)) bottom = *b;
        }
    });
    return {top, bottom};
}

class HtmlBuilder {
  public:
    explicit HtmlBuilder(const Font& base) {
        m_fonts.push_back({"", base});
        m_paragraphs.emplace_back();
    }

    void text(std::string_view raw) {
        // draw.io turns every line feed of an HTML label into <br> before it lays the label out (mxText's
        // replaceLinefeeds).
        if (auto nl = raw.find('\n'); nl != std::string_view::npos) {
            text(raw.substr(0, nl));
            Tag br;
            br.name = "br";
            tag(br);
            text(raw.substr(nl + 1));
            return;
        }
        std::string t = text::decode_entities(raw);
        std::string collapsed;
        for (char c : t) {
            bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (space) {
                if (m_last_space) continue;
                collapsed += ' ';
                m_last_space = true;
            } else {
                collapsed += c;
                m_last_space = false;
            }
        }
        if (collapsed.empty()) return;
        auto& para = m_paragraphs.back();
        if (para.runs.empty() && collapsed == " ") return;  // whitespace between blocks
        add(collapsed);
    }

    void tag(const Tag& t) {
        if (t.name == "br") {
            if (m_paragraphs.back().runs.empty()) take_margin(m_paragraphs.back());
            m_paragraphs.emplace_back();
            m_last_space = true;
            return;
        }
        if (t.name.empty() || t.name[0] == '!') return;
        if (is_block(t.name)) block_break();
        if (t.closing) {
            for (std::size_t i = m_fonts.size(); i-- > 1;)
                if (m_fonts[i].first == t.name) {
                    m_fonts.resize(i);
                    break;
                }
            if (t.name == "ul" || t.name == "ol") {
                if (!m_lists.empty()) m_lists.pop_back();
            }
            for (std::size_t i = m_aligns.size(); i-- > 0;)
                if (m_aligns[i].first == t.name) {
                    m_aligns.resize(i);
                    break;
                }
            for (std::size_t i = m_margins.size(); i-- > 0;)
                if (m_margins[i].first == t.name) {
                    m_pending = std::max(m_pending, m_margins[i].second);
                    m_margins.resize(i);
                    break;
                }
            return;
        }
        Font f = m_fonts.back().second;
        const std::string& n = t.name;
        if (n == "b" || n == "strong" || n == "th") f.bold = true;
        if (n == "i" || n == "em") f.italic = true;
        if (n == "u" || n == "ins") f.underline = true;
        if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
            static const double sizes[] = {2.0, 1.5, 1.17, 1.0, 0.83, 0.67};
            f.bold = true;
            f.size = f.size * sizes[n[1] - '1'];
        }
        if (n == "font") {
            if (auto c = parse_color(lower(t.attribute("color")))) f.color = *c;
            auto size = t.attribute("size");
            if (!size.empty()) {
                static const double px[] = {10, 13, 16, 18, 24, 32, 48};
                int s = std::clamp(std::atoi(size.c_str()), 1, 7);
                f.size = px[s - 1];
            }
            auto face = t.attribute("face");
            if (!face.empty()) f.family = face.substr(0, face.find(','));
        }
        apply_css(t.attribute("style"), f);
        if (is_block(n) && !t.self_closing && !is_void(n)) {
            std::optional<HAlign> a = m_aligns.empty() ? std::nullopt : m_aligns.back().second;
            if (auto css = text_align(t.attribute("style"), lower(t.attribute("align")))) a = css;
            m_aligns.push_back({n, a});
            const auto [top, bottom] = block_margins(n, f.size, !m_lists.empty(), t.attribute("style"));
            m_pending = std::max(m_pending, top);
            m_margins.push_back({n, bottom});
        }
        if (n == "ul" || n == "ol") m_lists.push_back({n == "ol", 0});
        if (n == "li") {
            std::string bullet = "\xE2\x80\xA2 ";
            if (!m_lists.empty() && m_lists.back().first)
                bullet = std::to_string(++m_lists.back().second) + ". ";
            std::string indent(m_lists.empty() ? 0 : 2 * (m_lists.size() - 1), ' ');
            m_fonts.push_back({n, f});
            add(indent + bullet);
            m_last_space = true;
            return;
        }
        if (!t.self_closing && !is_void(n)) m_fonts.push_back({n, f});
    }

    std::vector<Paragraph> finish() {
        for (auto& p : m_paragraphs) {
            while (!p.runs.empty()) {
                auto& last = p.runs.back().text;
                while (!last.empty() && last.back() == ' ') last.pop_back();
                if (!last.empty()) break;
                p.runs.pop_back();
            }
        }
        if (m_paragraphs.size() > 1 && m_paragraphs.back().runs.empty()) m_paragraphs.pop_back();
        for (std::size_t i = m_margins.size(); i-- > 0;) m_pending = std::max(m_pending, m_margins[i].second);
        m_paragraphs.back().space_after = m_pending;
        return std::move(m_paragraphs);
    }

  private:
    std::vector<std::pair<std::string, Font>> m_fonts;  // open element → font inside it
    std::vector<Paragraph> m_paragraphs;
    std::vector<std::pair<bool, int>> m_lists;                            // ordered?, items so far
    std::vector<std::pair<std::string, std::optional<HAlign>>> m_aligns;  // open block → text-align in it
    std::vector<std::pair<std::string, double>> m_margins;                // open block → its bottom margin
    double m_pending = 0;  // margins met since the last line (adjoining margins collapse to the largest)
    bool m_last_space = true;

    void take_margin(Paragraph& para) {
        para.space_before = m_pending;
        m_pending = 0;
    }
    void add(const std::string& text) {
        auto& para = m_paragraphs.back();
        if (para.runs.empty()) take_margin(para);
        if (para.runs.empty() && !m_aligns.empty()) para.align = m_aligns.back().second;
        const Font& f = m_fonts.back().second;
        if (!para.runs.empty() && para.runs.back().font == f)
            para.runs.back().text += text;
        else
            para.runs.push_back({text, f});
    }
    void block_break() {
        if (!m_paragraphs.back().runs.empty()) m_paragraphs.emplace_back();
        m_last_space = true;
    }
};

}  // namespace

std::vector<Paragraph> parse_label(std::string_view value, bool html, const Font& base) {
    if (!html) {
        std::vector<Paragraph> out;
        std::size_t at = 0;
        while (true) {
            auto nl = value.find('\n', at);
            std::string line(value.substr(at, nl == std::string_view::npos ? nl : nl - at));
            if (!line.empty() && line.back() == '\r') line.pop_back();
            Paragraph p;
            if (!line.empty()) p.runs.push_back({line, base});
            out.push_back(std::move(p));
            if (nl == std::string_view::npos) break;
            at = nl + 1;
        }
        return out;
    }
    HtmlBuilder builder(base);
    std::size_t i = 0;
    while (i < value.size()) {
        auto lt = value.find('<', i);
        if (lt == std::string_view::npos) {
            builder.text(value.substr(i));
            break;
        }
        if (lt > i) builder.text(value.substr(i, lt - i));
        if (value.substr(lt, 4) == "<!--") {
            auto end = value.find("-->", lt);
            i = end == std::string_view::npos ? value.size() : end + 3;
            continue;
        }
        auto gt = value.find('>', lt);
        if (gt == std::string_view::npos) {
            builder.text(value.substr(lt));
            break;
        }
        builder.tag(parse_tag(value.substr(lt + 1, gt - lt - 1)));
        i = gt + 1;
    }
    return builder.finish();
}

std::string plain_text(const std::vector<Paragraph>& paragraphs) {
    std::string out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i) out += '\n';
        for (const auto& r : paragraphs[i].runs) out += r.text;
    }
    return out;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t n = max_bytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the character that was cut.
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n);
}

bool truncate_label(std::vector<Paragraph>& paragraphs, std::size_t max_bytes) {
    std::size_t left = max_bytes;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        auto& runs = paragraphs[p].runs;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            if (runs[r].text.size() <= left) {
                left -= runs[r].text.size();
                continue;
            }
            runs[r].text.resize(utf8_prefix(runs[r].text, left).size());
            runs.resize(runs[r].text.empty() ? r : r + 1);
            paragraphs.resize(p + 1);
            return true;
        }
        if (left == 0 && p + 1 < paragraphs.size()) {
            paragraphs.resize(p + 1);
            return true;
        }
        left = left > 0 ? left - 1 : 0;  // the line break between paragraphs
    }
    return false;
}

namespace {

struct Piece {
    std::string text;
    const Font* font;
    double width;
    bool space;
};

struct Line {
    std::vector<Piece> pieces;
    double width = 0, size = 0;
    std::optional<HAlign> align;               // the paragraph's
    bool wrapped = false;                      // broken because the paragraph was wider than the box
    double space_before = 0, space_after = 0;  // the paragraph's margins (first and last line only)
};

double width_of(std::string_view s, const Font& f) {
    return text::text_width(s, text::font_spec(f.size, f.bold, f.family));
}

// max_width: the widest a line may be (a word that would make the line wider goes to the next line).
std::vector<Line> wrap(const std::vector<Paragraph>& paragraphs, double max_width, bool wrap_lines) {
    std::vector<Line> lines;
    for (const auto& para : paragraphs) {
        Line line;
        line.align = para.align;
        line.space_before = para.space_before;
        double para_size = para.runs.empty() ? 0 : para.runs.front().font.size;
        for (const auto& run : para.runs) {
            std::size_t i = 0;
            while (i < run.text.size()) {
                bool space = run.text[i] == ' ';
                std::size_t j = i;
                while (j < run.text.size() && (run.text[j] == ' ') == space) ++j;
                Piece piece{run.text.substr(i, j - i), &run.font, 0, space};
                piece.width = width_of(piece.text, run.font);
                i = j;
                if (wrap_lines && !space && !line.pieces.empty() && line.width + piece.width > max_width) {
                    while (!line.pieces.empty() && line.pieces.back().space) {
                        line.width -= line.pieces.back().width;
                        line.pieces.pop_back();
                    }
                    line.wrapped = true;
                    lines.push_back(std::move(line));
                    line = Line{};
                    line.align = para.align;
                }
                if (space && line.pieces.empty() && !lines.empty() && wrap_lines) continue;
                line.width += piece.width;
                line.size = std::max(line.size, run.font.size);
                line.pieces.push_back(std::move(piece));
            }
        }
        if (line.size == 0) line.size = para_size;
        line.space_after = para.space_after;
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

PlacedLabel place_label(const std::vector<Paragraph>& paragraphs, const LabelPlacement& placement) {
    PlacedLabel out;
    double fallback_size = 12;
    for (const auto& p : paragraphs)
        if (!p.runs.empty()) {
            fallback_size = p.runs.front().font.size;
            break;
        }
    const double max_width = placement.html ? std::round(placement.box.width + 2) : placement.box.width + 0.5;
    auto lines = wrap(paragraphs, max_width, placement.wrap);
    double total = 0, widest = 0;
    bool wrapped = false;
    for (auto& l : lines) {
        if (l.size == 0) l.size = fallback_size;
        total += l.space_before + l.size * text::line_height_factor + l.space_after;
        widest = std::max(widest, l.width);
        wrapped = wrapped || l.wrapped;
    }
    // The text block (the browser's inline-block): as wide as the widest line, or the whole box when a line
    // had to wrap; placed in the box by the label's align. Each line is aligned in it by its paragraph's.
    const double block_width = wrapped ? std::max(widest, placement.box.width) : widest;
    const Rect& box = placement.box;
    const double shown = placement.clip ? std::min(total, box.height) : total;
    double y = box.y;
    if (placement.valign == VAlign::middle) y = box.y + (box.height - shown) / 2;
    if (placement.valign == VAlign::bottom) y = box.bottom() - shown;
    double min_x = box.x + box.width / 2, max_x = min_x;
    const double top = y;
    for (const auto& l : lines) {
        double lh = l.size * text::line_height_factor;
        y += l.space_before;
        if (placement.clip && y >= box.bottom()) break;
        double block_x = box.x;
        if (placement.align == HAlign::center) block_x = box.x + (box.width - block_width) / 2;
        if (placement.align == HAlign::right) block_x = box.right() - block_width;
        const HAlign a = l.align.value_or(placement.align);
        double x = block_x;
        if (a == HAlign::center) x = block_x + (block_width - l.width) / 2;
        if (a == HAlign::right) x = block_x + block_width - l.width;
        double baseline = y + lh - 0.25 * l.size;
        min_x = std::min(min_x, x);
        max_x = std::max(max_x, x + l.width);
        for (const auto& piece : l.pieces) {
            if (!out.runs.empty() && out.runs.back().font == *piece.font && out.runs.back().y == baseline &&
                std::abs(out.runs.back().x + out.runs.back().width - x) < 1e-6) {
                out.runs.back().text += piece.text;
                out.runs.back().width += piece.width;
            } else {
                out.runs.push_back({piece.text, *piece.font, x, baseline, piece.width, 1, 0, {}});
            }
            x += piece.width;
        }
        y += lh + l.space_after;
    }
    // Runs that are only spaces draw nothing.
    std::erase_if(out.runs,
                  [](const TextRun& r) { return r.text.find_first_not_of(' ') == std::string::npos; });
    out.bounds = {min_x, top, max_x - min_x, shown};
    return out;
}

}  // namespace jstudio::render
