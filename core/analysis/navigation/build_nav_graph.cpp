#include "core/analysis/navigation/build_nav_graph.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "core/diagram/page_index.hpp"

namespace jstudio::analysis::navigation {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::PageIndex;
using diagram::Style;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool truthy(std::string_view v) {
    return v == "1" || v == "true" || v == "yes";
}

bool is_text_only(const Style& s) {
    if (s.has_name("text") || s.get_or("shape", "") == "text") return true;
    const std::string shape = s.get_or("shape", "");
    return shape == "note" || shape == "callout" || s.has_name("edgeLabel");
}

bool is_decision(const Style& s) {
    const std::string shape = s.get_or("shape", "");
    return s.has_name("rhombus") || shape == "rhombus" || shape == "mxgraph.flowchart.decision";
}

bool is_terminal_shape(const Style& s) {
    const std::string shape = s.get_or("shape", "");
    return s.has_name("ellipse") || shape == "ellipse" || shape == "doubleEllipse" ||
           shape == "mxgraph.flowchart.start_1" || shape == "mxgraph.flowchart.start_2" ||
           shape == "mxgraph.flowchart.terminator";
}

std::string first_word(std::string_view label) {
    std::string l = lower(label);
    std::size_t b = 0;
    while (b < l.size() && !std::isalpha(static_cast<unsigned char>(l[b]))) ++b;
    std::size_t e = b;
    while (e < l.size() && std::isalpha(static_cast<unsigned char>(l[e]))) ++e;
    return l.substr(b, e - b);
}

bool start_word(std::string_view label) {
    static const std::array words = {"start", "begin", "home", "entry", "landing", "launch", "homepage"};
    const std::string w = first_word(label);
    return std::find(words.begin(), words.end(), w) != words.end();
}

bool end_word(std::string_view label) {
    static const std::array words = {"end",     "exit",     "finish",    "finished", "done",   "stop",
                                     "success", "complete", "completed", "logout",   "goodbye"};
    const std::string w = first_word(label);
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Arrow at an end unless the style says "none" (draw.io draws endArrow=classic when the key is absent).
std::pair<bool, bool> arrows(const Style& s) {
    const std::string end = s.get_or("endArrow", "classic");
    const std::string start = s.get_or("startArrow", "none");
    return {!start.empty() && start != "none", !end.empty() && end != "none"};
}

bool matches(const Screen& screen, const std::vector<std::string>& wanted) {
    for (const std::string& w : wanted)
        if (w == screen.cell_id || lower(w) == lower(screen.label)) return true;
    return false;
}

}  // namespace

std::string plain_label(std::string_view label, bool html) {
    std::string out;
    out.reserve(label.size());
    bool in_tag = false;
    for (std::size_t i = 0; i < label.size(); ++i) {
        char c = label[i];
        if (html && in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        if (html && c == '<') {
            in_tag = true;
            // Line breaks and block ends read as spaces.
            out.push_back(' ');
            continue;
        }
        if (html && c == '&') {
            static const std::array<std::pair<std::string_view, char>, 6> entities = {{{"&amp;", '&'},
                                                                                       {"&lt;", '<'},
                                                                                       {"&gt;", '>'},
                                                                                       {"&quot;", '"'},
                                                                                       {"&#39;", '\''},
                                                                                       {"&nbsp;", ' '}}};
            bool done = false;
            for (auto [name, ch] : entities)
                if (label.substr(i, name.size()) == name) {
                    out.push_back(ch);
                    i += name.size() - 1;
                    done = true;
                    break;
                }
            if (done) continue;
        }
        out.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
    }
    // Collapse whitespace.
    std::string collapsed;
    for (char c : out) {
        if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed.push_back(c);
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
}

NavGraph build_nav_graph(const diagram::Page& page, const BuildOptions& options) {
    PageIndex idx(page);
    std::unordered_set<std::string_view> glued;
    for (const Cell& c : page.cells)
        if (c.kind == CellKind::edge) {
            if (!c.source.empty()) glued.insert(c.source);
            if (!c.target.empty()) glued.insert(c.target);
        }

    // Pass 1: screen candidates.
    std::unordered_set<std::string_view> candidate;
    for (const Cell& c : page.cells) {
        if (c.kind != CellKind::vertex || !c.is_visible()) continue;
        const Cell* parent = idx.parent_of(c.id);
        if (parent && parent->kind == CellKind::edge) continue;  // edge label
        if (parent && parent->kind == CellKind::vertex && c.geometry && c.geometry->relative)
            continue;  // port
        const Style& s = c.style_or_empty();
        const bool is_glued = glued.count(c.id) > 0;
        if (!is_glued && (is_text_only(s) || idx.is_container(c))) continue;
        candidate.insert(c.id);
    }
    // Pass 2: drop unglued shapes drawn inside a screen (widgets of a wireframe screen).
    NavGraph g;
    for (const Cell& c : page.cells) {
        if (!candidate.count(c.id)) continue;
        bool inside = false;
        if (!glued.count(c.id))
            for (const Cell* p = idx.parent_of(c.id); p && p->kind == CellKind::vertex;
                 p = idx.parent_of(p->id))
                if (candidate.count(p->id)) {
                    inside = true;
                    break;
                }
        if (inside) continue;
        Screen screen;
        screen.cell_id = c.id;
        screen.label = plain_label(c.label(), c.is_html_label() || c.label().find('<') != std::string::npos);
        screen.decision = is_decision(c.style_or_empty());
        screen.bounds = idx.absolute_bounds(c.id).value_or(diagram::Rect{});
        g.add_screen(std::move(screen));
    }

    // Links: each edge end resolves to the nearest screen among the glued cell and its ancestors.
    auto resolve = [&](const std::string& id) -> std::optional<ScreenId> {
        for (const Cell* c = idx.find(id); c && c->kind == CellKind::vertex; c = idx.parent_of(c->id))
            if (auto s = g.find(c->id)) return s;
        return std::nullopt;
    };
    for (const Cell& c : page.cells) {
        if (c.kind != CellKind::edge || c.source.empty() || c.target.empty()) continue;
        auto a = resolve(c.source), b = resolve(c.target);
        if (!a || !b) continue;
        auto [start, end] = arrows(c.style_or_empty());
        Link link{c.id, start == end};
        if (start && !end)
            g.add_link(*b, *a, std::move(link));
        else
            g.add_link(*a, *b, std::move(link));
    }

    // Entries and exits.
    const std::size_t n = g.screen_count();
    auto each = [&](auto&& f) {
        for (std::uint32_t v = 0; v < n; ++v) f(ScreenId{v}, g.screen(ScreenId{v}));
    };
    bool any_entry = false, any_exit = false;
    each([&](ScreenId, Screen& s) {
        const Cell* c = idx.find(s.cell_id);
        if (options.entries.empty() ? truthy(c->data("entry")) : matches(s, options.entries))
            s.entry = any_entry = true;
        if (options.exits.empty() ? truthy(c->data("exit")) : matches(s, options.exits))
            s.exit = any_exit = true;
    });
    // Start and end shapes: the label decides, else which way the links go.
    each([&](ScreenId id, Screen& s) {
        const Style& style = idx.find(s.cell_id)->style_or_empty();
        const bool terminal = is_terminal_shape(style);
        const bool rounded_terminal = style.flag("rounded") && (start_word(s.label) || end_word(s.label));
        if (!terminal && !rounded_terminal) return;
        const std::size_t in = g.in_degree(id), out = g.out_degree(id);
        const bool as_entry = start_word(s.label) || (!end_word(s.label) && terminal && in == 0 && out > 0);
        const bool as_exit = end_word(s.label) || (!start_word(s.label) && terminal && out == 0 && in > 0);
        if (!any_entry && as_entry) s.entry = true;
        if (!any_exit && as_exit) s.exit = true;
    });
    any_entry = !g.entries().empty();
    any_exit = !g.exits().empty();
    if (!any_entry) {
        each([&](ScreenId id, Screen& s) {
            if (g.in_degree(id) == 0 && g.out_degree(id) > 0) s.entry = any_entry = true;
        });
    }
    if (!any_entry) {  // every linked screen has a way in (site maps linked both ways): a home page, else the
                       // topmost
        each([&](ScreenId id, Screen& s) {
            if (!any_entry && g.out_degree(id) > 0 && start_word(s.label)) s.entry = any_entry = true;
        });
        std::optional<ScreenId> top;
        if (!any_entry)
            each([&](ScreenId id, Screen& s) {
                if (g.out_degree(id) == 0) return;
                if (!top || s.bounds.y < g.screen(*top).bounds.y ||
                    (s.bounds.y == g.screen(*top).bounds.y && s.bounds.x < g.screen(*top).bounds.x))
                    top = id;
            });
        if (top) g.screen(*top).entry = true;
    }
    if (!any_exit)
        each([&](ScreenId id, Screen& s) {
            if (g.out_degree(id) == 0 && g.in_degree(id) > 0) s.exit = true;
        });
    return g;
}

}  // namespace jstudio::analysis::navigation
