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
    HtmlBuilder(const Font& base, std::optional<HAlign> align) {
        m_fonts.push_back({"", base});
        m_paragraphs.emplace_back();
        if (align) m_aligns.push_back({"", align});
    }

    const Font& font() const { return m_fonts.back().second; }
    std::optional<HAlign> align() const { return m_aligns.empty() ? std::nullopt : m_aligns.back().second; }

    // A table is a block of its own: it ends the line before it and the text after it starts a new one.
    void table(std::shared_ptr<const LabelTable> t) {
        block_break();
        auto& para = m_paragraphs.back();
        take_margin(para);
        para.table = std::move(t);
        m_paragraphs.emplace_back();
        m_last_space = true;
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
        if (m_paragraphs.size() > 1 && m_paragraphs.back().runs.empty() && !m_paragraphs.back().table)
            m_paragraphs.pop_back();
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
        if (!m_paragraphs.back().runs.empty() || m_paragraphs.back().table) m_paragraphs.emplace_back();
        m_last_space = true;
    }
};

}  // namespace

namespace {

// depth: how many tables the value is inside. Deeper than max_table_depth, a table's markup is read as
// ordinary blocks: each level lays its cells out three times (narrowest, widest, final), so a hostile label
// of deeply nested tables must not multiply the work without bound (nor the recursion).
constexpr int max_table_depth = 4;
std::vector<Paragraph> parse_html(std::string_view value, const Font& base, std::optional<HAlign> align,
                                  int depth);

// The position of the '<' of the tag that closes the table whose content starts at `from` (nested tables
// skipped), or value.size() when it is not closed.
std::size_t table_end(std::string_view value, std::size_t from, std::size_t& after) {
    int depth = 1;
    std::size_t i = from;
    while (true) {
        const auto lt = value.find('<', i);
        if (lt == std::string_view::npos) break;
        const auto gt = value.find('>', lt);
        if (gt == std::string_view::npos) break;
        const Tag t = parse_tag(value.substr(lt + 1, gt - lt - 1));
        if (t.name == "table" && !t.self_closing) depth += t.closing ? -1 : 1;
        if (depth == 0) {
            after = gt + 1;
            return lt;
        }
        i = gt + 1;
    }
    after = value.size();
    return value.size();
}

// "50%" or "120" / "120px": a width or height attribute or declaration.
std::optional<TableLength> table_length(std::string_view v, double em) {
    std::string t = lower(v);
    t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return std::isspace((unsigned char)c); }),
            t.end());
    if (!t.empty() && t.back() == '%') {
        char* end = nullptr;
        const double n = std::strtod(t.c_str(), &end);
        if (end == t.c_str() || !std::isfinite(n) || n < 0) return std::nullopt;
        return TableLength{n, true};
    }
    if (auto px = css_length(t, em); px && *px >= 0) return TableLength{*px, false};
    return std::nullopt;
}

// A CSS border shorthand ("1px solid #98bf21"): width (medium = 3 px when left out), style, colour (the
// text's when left out). none/hidden or no style: no border.
std::optional<TableBorder> css_border(std::string_view v, const Color& current) {
    static const char* styles[] = {"inset",  "groove", "outset", "ridge",
                                   "dotted", "dashed", "solid",  "double"};
    TableBorder b{3, current, 0};
    std::string t = lower(v);
    std::size_t at = 0;
    while (at < t.size()) {
        while (at < t.size() && t[at] == ' ') ++at;
        auto end = t.find(' ', at);
        if (end == std::string::npos) end = t.size();
        // rgb(a, b, c) has spaces inside: keep the parentheses together.
        if (auto open = t.find('(', at); open != std::string::npos && open < end) {
            const auto close = t.find(')', open);
            end = close == std::string::npos ? t.size() : close + 1;
        }
        const std::string word = t.substr(at, end - at);
        at = end;
        if (word.empty()) continue;
        if (word == "none" || word == "hidden") return std::nullopt;
        bool is_style = false;
        for (int i = 0; i < 8; ++i)
            if (word == styles[i]) b.rank = i + 1, is_style = true;
        if (is_style) continue;
        if (word == "thin")
            b.width = 1;
        else if (word == "medium")
            b.width = 3;
        else if (word == "thick")
            b.width = 5;
        else if (auto c = parse_color(word))
            b.color = *c;
        else if (auto w = css_length(word, 16))
            b.width = *w;
    }
    if (b.rank == 0 || b.width <= 0) return std::nullopt;
    return b;
}

struct BoxStyle {
    std::optional<Color> background;
    std::optional<TableBorder> border;
    std::optional<TableLength> width, height;
    std::optional<double> padding;
    std::optional<HAlign> align;
    std::optional<VAlign> valign;
    bool collapse = false;
    double margin_left = 0;
    bool auto_margins = false;  // margin: auto / margin-left and margin-right auto (centred)
};

std::optional<VAlign> vertical_align(std::string_view v) {
    const std::string t = lower(v);
    if (t.find("top") != std::string::npos) return VAlign::top;
    if (t.find("bottom") != std::string::npos) return VAlign::bottom;
    if (t.find("middle") != std::string::npos || t.find("center") != std::string::npos) return VAlign::middle;
    return std::nullopt;
}

// The box properties of a table, row or cell, from its attributes and then its inline style (which wins).
BoxStyle box_style(const Tag& t, const Font& f) {
    BoxStyle b;
    if (auto c = parse_color(lower(t.attribute("bgcolor")))) b.background = *c;
    b.width = table_length(t.attribute("width"), f.size);
    b.height = table_length(t.attribute("height"), f.size);
    if (t.name != "table") b.align = text_align("", lower(t.attribute("align")));
    b.valign = vertical_align(t.attribute("valign"));
    std::optional<double> border_width;
    std::optional<Color> border_color;
    std::optional<int> border_rank;
    const std::string css = t.attribute("style");
    for_each_declaration(css, [&](const std::string& key, const std::string& value) {
        const std::string v = lower(value);
        if (key == "background-color" || key == "background") {
            if (auto c = parse_color(v.substr(0, v.find(' ')))) b.background = *c;
        } else if (key == "border") {
            b.border = css_border(v, f.color);
        } else if (key == "border-width") {
            border_width = css_length(v, f.size);
        } else if (key == "border-color") {
            border_color = parse_color(v);
        } else if (key == "border-style") {
            if (auto s = css_border(v, f.color))
                border_rank = s->rank;
            else
                border_rank = 0;
        } else if (key == "border-collapse") {
            b.collapse = v.find("collapse") != std::string::npos;
        } else if (key == "width") {
            if (auto w = table_length(v, f.size)) b.width = w;
        } else if (key == "height") {
            if (auto h = table_length(v, f.size)) b.height = h;
        } else if (key == "padding") {
            b.padding = css_length(v.substr(0, v.find(' ')), f.size);
        } else if (key == "vertical-align") {
            if (auto a = vertical_align(v)) b.valign = a;
        } else if (key == "margin-left") {
            b.margin_left = css_length(v, f.size).value_or(0);
        } else if (key == "margin") {
            // "auto" or "0 auto" (top/bottom, then left/right auto): centred.
            const std::string& mv = v;
            const bool one = mv.find(' ') == std::string::npos;
            b.auto_margins = (one && mv.find("auto") != std::string::npos) ||
                             (!one && mv.substr(mv.find(' ')).find("auto") != std::string::npos);
        }
    });
    if (auto a = text_align(css, "")) b.align = a;
    if (border_width || border_color || border_rank) {
        TableBorder bb = b.border.value_or(TableBorder{3, f.color, 0});
        if (border_width) bb.width = *border_width;
        if (border_color) bb.color = *border_color;
        if (border_rank) bb.rank = *border_rank;
        b.border = bb.rank > 0 && bb.width > 0 ? std::optional<TableBorder>(bb) : std::nullopt;
    }
    return b;
}

// The rows and cells of a table whose content (between <table ...> and </table>) is `inner`.
std::shared_ptr<const LabelTable> parse_table(const Tag& tag, std::string_view inner, Font font,
                                              std::optional<HAlign> align, int depth) {
    auto table = std::make_shared<LabelTable>();
    apply_css(tag.attribute("style"), font);
    const BoxStyle ts = box_style(tag, font);
    table->width = ts.width;
    table->height = ts.height;
    table->background = ts.background;
    table->collapse = ts.collapse;
    table->margin_left = ts.margin_left;
    table->align = text_align("", lower(tag.attribute("align")));
    if (table->align == HAlign::left) table->align.reset();
    if (ts.auto_margins) table->align = HAlign::center;
    table->border = ts.border;
    for (const auto& [k, v] : tag.attributes) {
        if (k == "cellpadding") table->padding = std::max(0.0, std::atof(v.c_str()));
        if (k == "cellspacing") table->spacing = std::max(0.0, std::atof(v.c_str()));
        if (k == "border") {
            // The border attribute: an outset frame that wide and a 1 px inset border on every cell, grey.
            const double w = v.empty() ? 1 : std::atof(v.c_str());
            if (w > 0) {
                const Color grey{128, 128, 128};
                if (!table->border) table->border = TableBorder{w, grey, 3};
                table->cell_border = TableBorder{1, grey, 1};
            }
        }
    }
    Font row_font = font;
    BoxStyle row_style;
    std::optional<HAlign> row_align = align;
    std::size_t i = 0;
    std::size_t cell_start = std::string_view::npos;
    Tag cell_tag;
    auto close_cell = [&](std::size_t end) {
        if (cell_start == std::string_view::npos) return;
        if (table->rows.empty()) table->rows.emplace_back();
        Font f = row_font;
        if (cell_tag.name == "th") f.bold = true;
        apply_css(cell_tag.attribute("style"), f);
        const BoxStyle cs = box_style(cell_tag, f);
        LabelTableCell cell;
        cell.content =
            parse_html(inner.substr(cell_start, end - cell_start), f, cs.align ? cs.align : row_align, depth);
        cell.background = cs.background;
        cell.border = cs.border;
        cell.width = cs.width;
        cell.height = cs.height;
        cell.padding = cs.padding;
        cell.valign = cs.valign.value_or(row_style.valign.value_or(VAlign::middle));
        cell.colspan = std::clamp(std::atoi(cell_tag.attribute("colspan").c_str()), 1, 1000);
        table->rows.back().cells.push_back(std::move(cell));
        cell_start = std::string_view::npos;
    };
    while (i < inner.size()) {
        const auto lt = inner.find('<', i);
        if (lt == std::string_view::npos) break;
        const auto gt = inner.find('>', lt);
        if (gt == std::string_view::npos) break;
        const Tag t = parse_tag(inner.substr(lt + 1, gt - lt - 1));
        i = gt + 1;
        if (t.name == "table" && !t.closing) {
            std::size_t after = 0;
            table_end(inner, i, after);
            i = after;
            continue;
        }
        const bool cell = t.name == "td" || t.name == "th";
        const bool row = t.name == "tr";
        const bool group = t.name == "tbody" || t.name == "thead" || t.name == "tfoot";
        if (!cell && !row && !group) continue;
        close_cell(lt);
        if (row && !t.closing) {
            row_font = font;
            apply_css(t.attribute("style"), row_font);
            row_style = box_style(t, row_font);
            row_align = row_style.align ? row_style.align : align;
            LabelTableRow r;
            r.background = row_style.background;
            r.border = row_style.border;
            r.height = row_style.height;
            table->rows.push_back(std::move(r));
        } else if (cell && !t.closing) {
            cell_tag = t;
            cell_start = i;
        }
    }
    close_cell(inner.size());
    std::erase_if(table->rows, [](const LabelTableRow& r) { return r.cells.empty(); });
    return table;
}

std::vector<Paragraph> parse_html(std::string_view value, const Font& base, std::optional<HAlign> align,
                                  int depth) {
    HtmlBuilder builder(base, align);
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
        Tag tag = parse_tag(value.substr(lt + 1, gt - lt - 1));
        i = gt + 1;
        if (tag.name == "table" && !tag.closing && !tag.self_closing && depth < max_table_depth) {
            std::size_t after = 0;
            const std::size_t end = table_end(value, i, after);
            builder.table(
                parse_table(tag, value.substr(i, end - i), builder.font(), builder.align(), depth + 1));
            i = after;
            continue;
        }
        builder.tag(tag);
    }
    return builder.finish();
}

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
    return parse_html(value, base, std::nullopt, 0);
}

std::string plain_text(const std::vector<Paragraph>& paragraphs) {
    std::string out;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (i) out += '\n';
        for (const auto& r : paragraphs[i].runs) out += r.text;
        // A table's text: its cells' joined by spaces, a line per row (empty cells left out).
        if (const auto& t = paragraphs[i].table) {
            std::string rows;
            for (const auto& row : t->rows) {
                std::string line;
                for (const auto& cell : row.cells) {
                    std::string text = plain_text(cell.content);
                    std::replace(text.begin(), text.end(), '\n', ' ');
                    if (text.find_first_not_of(' ') == std::string::npos) continue;
                    if (!line.empty()) line += ' ';
                    line += text;
                }
                if (line.empty()) continue;
                if (!rows.empty()) rows += '\n';
                rows += line;
            }
            out += rows;
        }
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

struct TableLayout;

struct Line {
    std::vector<Piece> pieces;
    double width = 0, size = 0;
    std::optional<HAlign> align;               // the paragraph's
    bool wrapped = false;                      // broken because the paragraph was wider than the box
    double space_before = 0, space_after = 0;  // the paragraph's margins (first and last line only)
    std::shared_ptr<const TableLayout> table;  // the line is this table (width and height its own)
    double margin_left = 0;                    // the table's
    std::optional<HAlign> table_align;
    double height() const;
};

// A table laid out: everything relative to its top-left corner.
struct LaidCell {
    Rect content;  // the cell's content box
    std::vector<Line> lines;
    VAlign valign = VAlign::middle;
};
struct TableLayout {
    double width = 0, height = 0;
    std::vector<std::pair<Rect, Color>> fills;  // backgrounds (table, rows, cells), then borders, in order
    std::vector<LaidCell> cells;
};

double Line::height() const {
    return table ? table->height : size * text::line_height_factor;
}

constexpr double unbounded = 1e9;

double width_of(std::string_view s, const Font& f) {
    return text::text_width(s, text::font_spec(f.size, f.bold, f.family));
}

std::shared_ptr<const TableLayout> layout_table(const LabelTable& t, double container_w,
                                                std::optional<double> container_h, bool wrap_lines);

// max_width: the widest a line may be (a word that would make the line wider goes to the next line).
// container_w/h: what a table's percent widths and heights are of (unbounded / none: no such box).
std::vector<Line> wrap(const std::vector<Paragraph>& paragraphs, double max_width, bool wrap_lines,
                       double container_w = unbounded, std::optional<double> container_h = std::nullopt) {
    std::vector<Line> lines;
    for (const auto& para : paragraphs) {
        Line line;
        line.align = para.align;
        line.space_before = para.space_before;
        if (para.table) {
            line.table = layout_table(*para.table, std::max(0.0, container_w - para.table->margin_left),
                                      container_h, wrap_lines);
            line.margin_left = para.table->margin_left;
            line.table_align = para.table->align;
            line.width = line.table->width + line.margin_left;
            line.space_after = para.space_after;
            lines.push_back(std::move(line));
            continue;
        }
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

double lines_height(const std::vector<Line>& lines) {
    double h = 0;
    for (const auto& l : lines) h += l.space_before + l.height() + l.space_after;
    return h;
}

double widest(const std::vector<Line>& lines) {
    double w = 0;
    for (const auto& l : lines) w = std::max(w, l.width);
    return w;
}

// Which of two collapsed borders shows (CSS 2.1 17.6.2.1): the wider, then the stronger style; on a tie
// the earlier candidate (cell before row before table, left/top cell before right/bottom).
const TableBorder* stronger(const TableBorder* a, const TableBorder* b) {
    if (!a) return b;
    if (!b) return a;
    if (b->width > a->width || (b->width == a->width && b->rank > a->rank)) return b;
    return a;
}

// wrap_lines false: the label's white-space: nowrap, which its tables' cells inherit.
std::shared_ptr<const TableLayout> layout_table(const LabelTable& t, double container_w,
                                                std::optional<double> container_h, bool wrap_lines) {
    auto out = std::make_shared<TableLayout>();
    std::size_t ncols = 0;
    for (const auto& r : t.rows) {
        std::size_t n = 0;
        for (const auto& c : r.cells) n += std::size_t(c.colspan);
        ncols = std::max(ncols, n);
    }
    if (t.rows.empty() || ncols == 0) return out;
    // Bounded grid (a hostile label of a megabyte could ask for 10^7 slots): rows past it are left out.
    constexpr std::size_t max_slots = 100000;
    ncols = std::min<std::size_t>(ncols, 1000);
    const std::size_t nrows = std::min(t.rows.size(), max_slots / ncols);

    // The grid: slot (row, column) -> the cell covering it (-1: none).
    std::vector<std::vector<int>> slot(nrows, std::vector<int>(ncols, -1));
    std::vector<std::vector<std::size_t>> first_col(nrows);
    for (std::size_t r = 0; r < nrows; ++r) {
        std::size_t c = 0;
        for (std::size_t k = 0; k < t.rows[r].cells.size(); ++k) {
            first_col[r].push_back(c);
            for (int s = 0; s < t.rows[r].cells[k].colspan && c < ncols; ++s) slot[r][c++] = int(k);
        }
    }
    auto cell_at = [&](long r, long c) -> const LabelTableCell* {
        if (r < 0 || c < 0 || r >= long(nrows) || c >= long(ncols) || slot[r][c] < 0) return nullptr;
        return &t.rows[r].cells[std::size_t(slot[r][c])];
    };
    auto own_border = [&](const LabelTableCell* cell) -> const TableBorder* {
        if (!cell) return nullptr;
        if (cell->border) return &*cell->border;
        return t.cell_border ? &*t.cell_border : nullptr;
    };
    // Collapsed borders: the one drawn on each grid line segment. Row borders count on every side of the
    // row's cells (as Chrome draws them), the table's on its outer edges.
    std::vector<std::vector<const TableBorder*>> hline(nrows + 1, std::vector<const TableBorder*>(ncols));
    std::vector<std::vector<const TableBorder*>> vline(nrows, std::vector<const TableBorder*>(ncols + 1));
    auto row_border = [&](long r) -> const TableBorder* {
        if (r < 0 || r >= long(nrows) || !t.rows[r].border) return nullptr;
        return &*t.rows[r].border;
    };
    if (t.collapse) {
        const TableBorder* tb = t.border ? &*t.border : nullptr;
        for (long r = 0; r <= long(nrows); ++r)
            for (long c = 0; c < long(ncols); ++c) {
                const LabelTableCell *a = cell_at(r - 1, c), *b = cell_at(r, c);
                const TableBorder* best = stronger(own_border(a), own_border(b));
                best = stronger(best, stronger(a ? row_border(r - 1) : nullptr, b ? row_border(r) : nullptr));
                if (r == 0 || r == long(nrows)) best = stronger(best, tb);
                hline[r][c] = best;
            }
        for (long r = 0; r < long(nrows); ++r)
            for (long c = 0; c <= long(ncols); ++c) {
                const LabelTableCell *a = cell_at(r, c - 1), *b = cell_at(r, c);
                if (a && a == b) continue;  // inside a spanning cell
                const TableBorder* best = stronger(own_border(a), own_border(b));
                if (a || b) best = stronger(best, row_border(r));
                if (c == 0 || c == long(ncols)) best = stronger(best, tb);
                vline[r][c] = best;
            }
    }
    auto bw = [](const TableBorder* b) { return b ? b->width : 0.0; };
    // A cell's padding plus border on each side (collapsed: half the grid line's border).
    struct Extra {
        double left, right, top, bottom;
    };
    auto extra_of = [&](std::size_t r, std::size_t k) {
        const auto& cell = t.rows[r].cells[k];
        const double p = cell.padding.value_or(t.padding);
        const std::size_t c0 = first_col[r][k], c1 = std::min(ncols, c0 + std::size_t(cell.colspan));
        if (!t.collapse) {
            const double b = bw(own_border(&cell));
            return Extra{p + b, p + b, p + b, p + b};
        }
        double top = 0, bottom = 0;
        for (std::size_t c = c0; c < c1; ++c) {
            top = std::max(top, bw(hline[r][c]) / 2);
            bottom = std::max(bottom, bw(hline[r + 1][c]) / 2);
        }
        return Extra{p + bw(vline[r][c0]) / 2, p + bw(vline[r][c1]) / 2, p + top, p + bottom};
    };

    // Column widths (the browser's automatic table layout): each column between its cells' narrowest
    // (longest word) and widest (no wrapping) widths; room beyond the widest goes to the columns in
    // proportion to their text's width, a shortfall takes from each column in proportion to what it could
    // give.
    std::vector<double> cmin(ncols, 0), cmax(ncols, 0), weight(ncols, 0), pct(ncols, 0);
    std::vector<bool> fixed(ncols, false);
    for (int pass = 0; pass < 2; ++pass)  // single-column cells first, then the spanning ones
        for (std::size_t r = 0; r < nrows; ++r)
            for (std::size_t k = 0; k < t.rows[r].cells.size(); ++k) {
                const auto& cell = t.rows[r].cells[k];
                if ((cell.colspan > 1) != (pass == 1)) continue;
                const Extra e = extra_of(r, k);
                double hi = widest(wrap(cell.content, unbounded, false)) + e.left + e.right;
                const double lo = wrap_lines ? widest(wrap(cell.content, 0, true, 0)) + e.left + e.right : hi;
                const std::size_t c0 = first_col[r][k], c1 = std::min(ncols, c0 + std::size_t(cell.colspan));
                if (c0 >= c1) continue;
                if (cell.width && !cell.width->percent)
                    hi = std::max(lo, cell.width->value + e.left + e.right);
                if (pass == 0) {
                    cmin[c0] = std::max(cmin[c0], lo);
                    cmax[c0] = std::max(cmax[c0], std::max(lo, hi));
                    weight[c0] = std::max(weight[c0], hi - e.left - e.right);
                    if (cell.width && cell.width->percent) pct[c0] = std::max(pct[c0], cell.width->value);
                    if (cell.width && !cell.width->percent) fixed[c0] = true;
                    continue;
                }
                double have_lo = 0, have_hi = 0;
                for (std::size_t c = c0; c < c1; ++c) have_lo += cmin[c], have_hi += cmax[c];
                const double gaps = t.collapse ? 0 : t.spacing * double(c1 - c0 - 1);
                const double n = double(c1 - c0);
                for (std::size_t c = c0; c < c1; ++c) {
                    if (lo - gaps > have_lo) cmin[c] += (lo - gaps - have_lo) / n;
                    if (hi - gaps > have_hi) cmax[c] += (hi - gaps - have_hi) / n;
                    cmax[c] = std::max(cmax[c], cmin[c]);
                    weight[c] = std::max(weight[c], cmax[c]);
                }
            }
    const TableBorder* tb = t.border ? &*t.border : nullptr;
    double outer_l = 0, outer_r = 0, outer_t = 0, outer_b = 0;
    if (t.collapse) {
        for (std::size_t r = 0; r < nrows; ++r) {
            outer_l = std::max(outer_l, bw(vline[r][0]) / 2);
            outer_r = std::max(outer_r, bw(vline[r][ncols]) / 2);
        }
        for (std::size_t c = 0; c < ncols; ++c) {
            outer_t = std::max(outer_t, bw(hline[0][c]) / 2);
            outer_b = std::max(outer_b, bw(hline[nrows][c]) / 2);
        }
    } else {
        outer_l = outer_r = outer_t = outer_b = bw(tb);
    }
    const double overhead_w = outer_l + outer_r + (t.collapse ? 0 : t.spacing * double(ncols + 1));
    const double overhead_h = outer_t + outer_b + (t.collapse ? 0 : t.spacing * double(nrows + 1));
    double sum_min = 0, sum_max = 0;
    for (std::size_t c = 0; c < ncols; ++c) sum_min += cmin[c], sum_max += cmax[c];
    double width = 0;
    if (t.width && (!t.width->percent || container_w < unbounded))
        width = t.width->percent ? container_w * t.width->value / 100 : t.width->value;
    else
        width = std::min(container_w, sum_max + overhead_w);
    width = std::max(width, sum_min + overhead_w);
    const double avail = width - overhead_w;
    std::vector<double> col(ncols);
    if (avail >= sum_max) {
        double used = 0;
        for (std::size_t c = 0; c < ncols; ++c) {
            col[c] = pct[c] > 0 ? std::max(cmin[c], avail * pct[c] / 100) : cmax[c];
            used += col[c];
        }
        double extra = avail - used;
        if (extra > 0) {
            // Auto columns take it by their text's width (equally when none has text), else the fixed ones.
            auto spread = [&](auto&& takes) {
                double total = 0;
                std::size_t n = 0;
                for (std::size_t c = 0; c < ncols; ++c)
                    if (takes(c)) total += weight[c], ++n;
                if (n == 0) return false;
                for (std::size_t c = 0; c < ncols; ++c)
                    if (takes(c)) col[c] += total > 0 ? extra * weight[c] / total : extra / double(n);
                return true;
            };
            if (!spread([&](std::size_t c) { return pct[c] == 0 && !fixed[c]; }) &&
                !spread([&](std::size_t c) { return pct[c] == 0; }))
                spread([&](std::size_t) { return true; });
        }
    } else {
        const double f = sum_max > sum_min ? (avail - sum_min) / (sum_max - sum_min) : 0;
        for (std::size_t c = 0; c < ncols; ++c) col[c] = cmin[c] + (cmax[c] - cmin[c]) * f;
    }
    std::vector<double> xs(ncols + 1);  // grid lines (collapsed) / column starts (separate)
    xs[0] = outer_l + (t.collapse ? 0 : t.spacing);
    for (std::size_t c = 0; c < ncols; ++c) xs[c + 1] = xs[c] + col[c] + (t.collapse ? 0 : t.spacing);

    // Cells' text at their widths, then row heights: the tallest cell, or the height asked for; a table
    // taller than its rows gives the room to the rows asking for a percentage first, then to the others in
    // proportion to their heights.
    struct Placed {
        std::size_t r, k;
        double x, w;
        std::vector<Line> lines;
        Extra e;
    };
    std::vector<Placed> placed;
    std::vector<double> rowh(nrows, 0);
    const double table_h_asked =
        t.height
            ? (t.height->percent ? (container_h ? *container_h * t.height->value / 100 : 0) : t.height->value)
            : 0;
    const double rows_room = std::max(0.0, table_h_asked - overhead_h);
    std::vector<double> row_pct(nrows, 0);
    for (std::size_t r = 0; r < nrows; ++r) {
        auto take_height = [&](const std::optional<TableLength>& h) {
            if (!h) return;
            if (h->percent)
                row_pct[r] = std::max(row_pct[r], h->value);
            else
                rowh[r] = std::max(rowh[r], h->value);
        };
        take_height(t.rows[r].height);
        for (std::size_t k = 0; k < t.rows[r].cells.size(); ++k) {
            const auto& cell = t.rows[r].cells[k];
            const std::size_t c0 = first_col[r][k], c1 = std::min(ncols, c0 + std::size_t(cell.colspan));
            if (c0 >= c1) continue;
            const Extra e = extra_of(r, k);
            const double x = xs[c0];
            const double w = (t.collapse ? xs[c1] : xs[c1] - t.spacing) - x;
            // A little slack: a column exactly as wide as its text must not wrap it for rounding.
            const double inner = std::max(0.0, w - e.left - e.right);
            auto lines = wrap(cell.content, inner + 1e-6 * (1 + inner), wrap_lines, inner);
            rowh[r] = std::max(rowh[r], lines_height(lines) + e.top + e.bottom);
            take_height(cell.height);
            placed.push_back({r, k, x, w, std::move(lines), e});
        }
    }
    double sum_h = 0;
    for (double h : rowh) sum_h += h;
    double extra_h = rows_room - sum_h;
    if (extra_h > 0) {
        for (std::size_t r = 0; r < nrows && extra_h > 0; ++r) {
            if (row_pct[r] <= 0) continue;
            const double grow = std::min(extra_h, std::max(0.0, rows_room * row_pct[r] / 100 - rowh[r]));
            rowh[r] += grow;
            extra_h -= grow;
        }
        double total = 0;
        std::size_t n = 0;
        for (std::size_t r = 0; r < nrows; ++r)
            if (row_pct[r] <= 0) total += rowh[r], ++n;
        bool any_auto = n > 0;
        if (!any_auto)
            for (std::size_t r = 0; r < nrows; ++r) total += rowh[r], ++n;
        if (extra_h > 0)
            for (std::size_t r = 0; r < nrows; ++r) {
                if (any_auto && row_pct[r] > 0) continue;
                rowh[r] += total > 0 ? extra_h * rowh[r] / total : extra_h / double(n);
            }
    }
    std::vector<double> ys(nrows + 1);
    ys[0] = outer_t + (t.collapse ? 0 : t.spacing);
    for (std::size_t r = 0; r < nrows; ++r) ys[r + 1] = ys[r] + rowh[r] + (t.collapse ? 0 : t.spacing);
    out->width = width;
    out->height = ys[nrows] + outer_b;

    // Paint order: table background, rows', cells', then the borders.
    if (t.background) out->fills.push_back({{0, 0, out->width, out->height}, *t.background});
    for (const auto& p : placed) {
        const auto& row = t.rows[p.r];
        const auto& cell = row.cells[p.k];
        const Rect box{p.x, ys[p.r], p.w, rowh[p.r]};
        if (row.background) out->fills.push_back({box, *row.background});
        if (cell.background) out->fills.push_back({box, *cell.background});
        LaidCell laid;
        laid.content = {box.x + p.e.left, box.y + p.e.top, std::max(0.0, box.width - p.e.left - p.e.right),
                        std::max(0.0, box.height - p.e.top - p.e.bottom)};
        laid.lines = p.lines;
        laid.valign = cell.valign;
        out->cells.push_back(std::move(laid));
    }
    auto frame = [&](const Rect& r, double w, const Color& color) {
        if (w <= 0) return;
        out->fills.push_back({{r.x, r.y, r.width, w}, color});
        out->fills.push_back({{r.x, r.bottom() - w, r.width, w}, color});
        out->fills.push_back({{r.x, r.y + w, w, std::max(0.0, r.height - 2 * w)}, color});
        out->fills.push_back({{r.right() - w, r.y + w, w, std::max(0.0, r.height - 2 * w)}, color});
    };
    if (!t.collapse) {
        if (tb) frame({0, 0, out->width, out->height}, tb->width, tb->color);
        for (const auto& p : placed)
            if (const TableBorder* b = own_border(&t.rows[p.r].cells[p.k]))
                frame({p.x, ys[p.r], p.w, rowh[p.r]}, b->width, b->color);
    } else {
        for (std::size_t r = 0; r <= nrows; ++r)
            for (std::size_t c = 0; c < ncols; ++c)
                if (const TableBorder* b = hline[r][c]) {
                    const double grow_l = bw(r < nrows ? vline[r][c] : vline[r - 1][c]) / 2;
                    const double grow_r = bw(r < nrows ? vline[r][c + 1] : vline[r - 1][c + 1]) / 2;
                    out->fills.push_back({{xs[c] - grow_l, ys[r] - b->width / 2,
                                           xs[c + 1] - xs[c] + grow_l + grow_r, b->width},
                                          b->color});
                }
        for (std::size_t r = 0; r < nrows; ++r)
            for (std::size_t c = 0; c <= ncols; ++c)
                if (const TableBorder* b = vline[r][c])
                    out->fills.push_back(
                        {{xs[c] - b->width / 2, ys[r], b->width, ys[r + 1] - ys[r]}, b->color});
    }
    return out;
}

struct Emitter {
    PlacedLabel& out;
    double min_x, max_x;

    void run(const Piece& piece, double x, double baseline) {
        if (!out.runs.empty() && out.runs.back().font == *piece.font && out.runs.back().y == baseline &&
            std::abs(out.runs.back().x + out.runs.back().width - x) < 1e-6) {
            out.runs.back().text += piece.text;
            out.runs.back().width += piece.width;
        } else {
            out.runs.push_back({piece.text, *piece.font, x, baseline, piece.width, 1, 0, {}});
        }
    }

    void table(const TableLayout& t, double x0, double y0, HAlign align) {
        for (const auto& [r, color] : t.fills) {
            Path p = rect_path({x0 + r.x, y0 + r.y, r.width, r.height});
            p.fill = color;
            out.paths.push_back(std::move(p));
        }
        for (const auto& cell : t.cells) {
            const Rect box{x0 + cell.content.x, y0 + cell.content.y, cell.content.width, cell.content.height};
            const double h = lines_height(cell.lines);
            double y = box.y;
            if (cell.valign == VAlign::middle) y += (box.height - h) / 2;
            if (cell.valign == VAlign::bottom) y += box.height - h;
            lines(cell.lines, box.x, box.width, y, align, std::nullopt);
        }
    }

    // Lines from y down in a block block_width wide at block_x, each aligned by its paragraph's align
    // (else `align`); stops below clip_bottom.
    void lines(const std::vector<Line>& ls, double block_x, double block_width, double y, HAlign align,
               std::optional<double> clip_bottom) {
        for (const auto& l : ls) {
            const double lh = l.height();
            y += l.space_before;
            if (clip_bottom && y >= *clip_bottom) break;
            if (l.table) {
                // A table is a block: at the left of the text block whatever the text's align, unless its
                // align attribute or auto margins move it.
                double x = block_x + l.margin_left;
                if (l.table_align == HAlign::center) x = block_x + (block_width - l.table->width) / 2;
                if (l.table_align == HAlign::right) x = block_x + block_width - l.table->width;
                table(*l.table, x, y, align);
                min_x = std::min(min_x, block_x);
                max_x = std::max(max_x, block_x + l.width);
                y += lh + l.space_after;
                continue;
            }
            const HAlign a = l.align.value_or(align);
            double x = block_x;
            if (a == HAlign::center) x = block_x + (block_width - l.width) / 2;
            if (a == HAlign::right) x = block_x + block_width - l.width;
            const double baseline = y + lh - 0.25 * l.size;
            min_x = std::min(min_x, x);
            max_x = std::max(max_x, x + l.width);
            for (const auto& piece : l.pieces) {
                run(piece, x, baseline);
                x += piece.width;
            }
            y += lh + l.space_after;
        }
    }
};

}  // namespace

PlacedLabel place_label(const std::vector<Paragraph>& paragraphs, const LabelPlacement& placement) {
    PlacedLabel out;
    double fallback_size = 12;
    for (const auto& p : paragraphs)
        if (!p.runs.empty()) {
            fallback_size = p.runs.front().font.size;
            break;
        }
    const Rect& box = placement.box;
    const double max_width = placement.fill   ? box.width
                             : placement.html ? std::round(box.width + 2)
                                              : box.width + 0.5;
    const double container_w = placement.fill || placement.wrap ? max_width : unbounded;
    auto lines = wrap(paragraphs, max_width, placement.wrap, container_w,
                      placement.fill ? std::optional<double>(box.height) : std::nullopt);
    double total = 0, widest_line = 0;
    bool wrapped = false;
    for (auto& l : lines) {
        if (l.size == 0 && !l.table) l.size = fallback_size;
        total += l.space_before + l.height() + l.space_after;
        widest_line = std::max(widest_line, l.width);
        wrapped = wrapped || l.wrapped;
    }
    // The text block (the browser's inline-block): as wide as the widest line, or the whole box when a line
    // had to wrap; placed in the box by the label's align. Each line is aligned in it by its paragraph's.
    // overflow=fill: the block is the box, its text from the top.
    const double block_width = placement.fill ? box.width
                               : wrapped      ? std::max(widest_line, box.width)
                                              : widest_line;
    const double shown = placement.clip ? std::min(total, box.height) : total;
    double y = box.y;
    if (!placement.fill && placement.valign == VAlign::middle) y = box.y + (box.height - shown) / 2;
    if (!placement.fill && placement.valign == VAlign::bottom) y = box.bottom() - shown;
    double block_x = box.x;
    if (!placement.fill && placement.align == HAlign::center) block_x = box.x + (box.width - block_width) / 2;
    if (!placement.fill && placement.align == HAlign::right) block_x = box.right() - block_width;
    Emitter emit{out, box.x + box.width / 2, box.x + box.width / 2};
    emit.lines(lines, block_x, block_width, y, placement.align,
               placement.clip ? std::optional<double>(box.bottom()) : std::nullopt);
    // Runs that are only spaces draw nothing.
    std::erase_if(out.runs,
                  [](const TextRun& r) { return r.text.find_first_not_of(' ') == std::string::npos; });
    out.bounds = {emit.min_x, y, emit.max_x - emit.min_x, shown};
    return out;
}

}  // namespace jstudio::render
