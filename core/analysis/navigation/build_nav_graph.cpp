#include "core/analysis/navigation/build_nav_graph.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/page_index.hpp"
#include "core/text/html_text.hpp"

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

// Two rectangles share a side when an edge of one lies on an edge of the other over at least half the
// shorter length: tiles of a drawn grid (lane headers, table rows, title bars), never two spaced screens.
bool share_side(const diagram::Rect& a, const diagram::Rect& b) {
    constexpr double eps = 1.0;
    auto overlap = [](double a0, double a1, double b0, double b1) {
        return std::min(a1, b1) - std::max(a0, b0);
    };
    auto near = [&](double u, double v) { return std::abs(u - v) <= eps; };
    const double ax1 = a.x + a.width, ay1 = a.y + a.height, bx1 = b.x + b.width, by1 = b.y + b.height;
    const bool vertical_touch = near(a.x, b.x) || near(ax1, bx1) || near(a.x, bx1) || near(ax1, b.x);
    const bool horizontal_touch = near(a.y, b.y) || near(ay1, by1) || near(a.y, by1) || near(ay1, b.y);
    return (vertical_touch && overlap(a.y, ay1, b.y, by1) >= std::min(a.height, b.height) / 2) ||
           (horizontal_touch && overlap(a.x, ax1, b.x, bx1) >= std::min(a.width, b.width) / 2);
}

bool contains(const diagram::Rect& outer, const diagram::Rect& inner) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

}  // namespace

std::string plain_label(std::string_view label, bool html) {
    return text::html_to_text(label, html ? text::html_one_line : text::plain_one_line);
}

NavGraph build_nav_graph(const diagram::Page& page, const BuildOptions& options) {
    return build_nav_graph(PageIndex(page), options);
}

NavGraph build_nav_graph(const diagram::PageIndex& idx, const BuildOptions& options) {
    const diagram::Page& page = idx.page();
    std::unordered_set<std::string_view> glued;
    for (const Cell& c : page.cells)
        if (c.kind == CellKind::edge) {
            if (!c.source.empty()) glued.insert(c.source);
            if (!c.target.empty()) glued.insert(c.target);
        }

    // Roles by position in page.cells: string sets keyed by id cost a hash lookup per question.
    const std::size_t cell_count = page.cells.size();
    auto position = [&](const Cell* c) { return static_cast<std::size_t>(c - page.cells.data()); };
    std::vector<char> is_glued(cell_count, 0), is_candidate(cell_count, 0), is_backdrop(cell_count, 0);

    // Pass 1: screen candidates.
    for (std::size_t i = 0; i < cell_count; ++i) {
        const Cell& c = page.cells[i];
        if (c.kind != CellKind::vertex || !c.is_visible()) continue;
        const Cell* parent = idx.parent_of(c.id);
        if (parent && parent->kind == CellKind::edge) continue;  // edge label
        if (parent && parent->kind == CellKind::vertex && c.geometry && c.geometry->relative)
            continue;  // port
        const Style& s = c.style_or_empty();
        is_glued[i] = glued.count(c.id) > 0;
        if (!is_glued[i] && (is_text_only(s) || idx.is_container(c))) continue;
        is_candidate[i] = 1;
    }
    // Pass 2: unglued shapes that are the page's backdrop, not screens: panels behind linked screens,
    // separator lines, and tiles of a drawn grid (lane headers, title bars, table cells share their sides).
    // Without this, every background rectangle of a site map is reported as an orphan.
    std::vector<std::pair<std::size_t, diagram::Rect>> placed;  // candidate position, page bounds
    for (std::size_t i = 0; i < cell_count; ++i)
        if (is_candidate[i])
            if (auto b = idx.absolute_bounds(page.cells[i].id)) placed.emplace_back(i, *b);
    if (std::any_of(placed.begin(), placed.end(), [&](const auto& p) { return !is_glued[p.first]; })) {
        // A coarse grid keeps this linear on big pages: each shape is compared only with shapes near it.
        constexpr double cell = 256;
        auto key = [](long gx, long gy) {
            return (static_cast<std::uint64_t>(gx) << 32) ^ static_cast<std::uint32_t>(gy);
        };
        auto span = [&](const diagram::Rect& r, auto&& f) {
            const long x0 = std::lround(std::floor((r.x - 1) / cell)),
                       x1 = std::lround(std::floor((r.x + r.width + 1) / cell));
            const long y0 = std::lround(std::floor((r.y - 1) / cell)),
                       y1 = std::lround(std::floor((r.y + r.height + 1) / cell));
            for (long gx = x0; gx <= x1; ++gx)
                for (long gy = y0; gy <= y1; ++gy) f(key(gx, gy));
        };
        std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
        for (std::uint32_t i = 0; i < placed.size(); ++i)
            span(placed[i].second, [&](std::uint64_t k) { grid[k].push_back(i); });
        std::vector<std::uint32_t> seen(placed.size(), UINT32_MAX);
        for (std::uint32_t i = 0; i < placed.size(); ++i) {
            // Not a structured binding: the lambda below uses box, and clang 14 (the fuzz build) cannot
            // capture bindings.
            const auto at = placed[i].first;
            const auto& box = placed[i].second;
            if (is_glued[at]) continue;
            bool backdrop = std::min(box.width, box.height) < 6;
            span(box, [&](std::uint64_t k) {
                if (backdrop) return;
                auto bucket = grid.find(k);
                if (bucket == grid.end()) return;
                for (std::uint32_t j : bucket->second) {
                    if (j == i || seen[j] == i) continue;
                    seen[j] = i;
                    const auto& [other, other_box] = placed[j];
                    if ((is_glued[other] && contains(box, other_box)) || share_side(box, other_box)) {
                        backdrop = true;
                        return;
                    }
                }
            });
            if (backdrop) is_backdrop[at] = 1;
        }
    }
    // Pass 3: drop unglued shapes drawn inside a screen (widgets of a wireframe screen).
    NavGraph g;
    std::vector<const Cell*> cell_of;  // per screen
    for (std::size_t i = 0; i < cell_count; ++i) {
        if (!is_candidate[i] || is_backdrop[i]) continue;
        const Cell& c = page.cells[i];
        bool inside = false;
        if (!is_glued[i])
            for (const Cell* p = idx.parent_of(c.id); p && p->kind == CellKind::vertex;
                 p = idx.parent_of(p->id))
                if (is_candidate[position(p)]) {
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
        cell_of.push_back(&c);
    }

    // Links: each edge end resolves to the nearest screen among the glued cell and its ancestors.
    auto resolve = [&](const std::string& id) -> std::optional<ScreenId> {
        if (auto s = g.find(id)) return s;  // the common case: glued to a screen
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
    each([&](ScreenId id, Screen& s) {
        const Cell* c = cell_of[id.index];
        if (options.entries.empty() ? truthy(c->data("entry")) : matches(s, options.entries))
            s.entry = any_entry = true;
        if (options.exits.empty() ? truthy(c->data("exit")) : matches(s, options.exits))
            s.exit = any_exit = true;
    });
    // Start and end shapes: the label decides, else which way the links go.
    each([&](ScreenId id, Screen& s) {
        const Style& style = cell_of[id.index]->style_or_empty();
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
