#include "core/analysis/navigation/build_nav_graph.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/page_index.hpp"
#include "core/page/page_reading.hpp"
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
    return text::html_to_text(label, html ? text::html_one_line : text::plain_one_line);
}

NavGraph build_nav_graph(const diagram::Page& page, const BuildOptions& options) {
    const page::PageReading reading(page);
    return build_nav_graph(reading, options);
}

NavGraph build_nav_graph(const page::PageReading& reading, const BuildOptions& options) {
    using page::Role;
    const diagram::Page& page = reading.page();
    const std::size_t cell_count = page.cells.size();
    // Screens: the page reading's nodes and journey cards, and containers that arrows attach to directly
    // (an arrow into a whole section). Decorations, regions, titles, legends, notes and annotations never
    // are; an arrow attached to a decoration or port counts for its host.
    const diagram::PageIndex& idx = reading.index();
    std::vector<char> linked(cell_count, 0);
    for (std::size_t i = 0; i < cell_count; ++i)
        if (page.cells[i].kind == CellKind::edge) {
            if (auto p = idx.source_position(i)) linked[*p] = 1;
            if (auto p = idx.target_position(i)) linked[*p] = 1;
        }
    auto is_screen = [&](std::size_t i) {
        const Role r = reading.role(i);
        if (r == Role::node || page::is_journey_card(r)) return true;
        return linked[i] && (r == Role::container || r == Role::group || r == Role::swimlane ||
                             r == Role::pool || r == Role::lane);
    };
    NavGraph g;
    std::vector<const Cell*> cell_of;  // per screen
    {
        std::size_t screens = 0, edges = 0;
        for (std::size_t i = 0; i < cell_count; ++i) {
            screens += is_screen(i);
            edges += page.cells[i].kind == CellKind::edge;
        }
        g.reserve(screens, edges);
        cell_of.reserve(screens);
    }
    // The screen each cell stands for, by position: its own, or its host's for a decoration or port. Links
    // are then found without looking an id up.
    constexpr std::uint32_t no_screen = page::PageReading::none;
    std::vector<std::uint32_t> screen_at(cell_count, no_screen);
    for (std::size_t i = 0; i < cell_count; ++i) {
        if (!is_screen(i)) continue;
        const Cell& c = page.cells[i];
        Screen screen;
        screen.cell_id = c.id;
        screen.position = static_cast<std::uint32_t>(i);
        screen.label = reading.plain_label(i);
        screen.decision = is_decision(c.style_or_empty());
        screen.bounds = reading.bounds(i).value_or(diagram::Rect{});
        screen_at[i] = g.add_screen(std::move(screen)).index;
        cell_of.push_back(&c);
    }
    for (std::size_t i = 0; i < cell_count; ++i) {
        const Role r = reading.role(i);
        if (r != Role::decoration && r != Role::port) continue;
        const std::uint32_t host = reading.node_at(i);
        if (host == page::PageReading::none || screen_at[host] == no_screen) continue;
        // An id claimed twice keeps its first owner, as g.find() would.
        if (!g.find(page.cells[i].id)) {
            g.add_alias(page.cells[i].id, ScreenId{screen_at[host]});
            screen_at[i] = screen_at[host];
        }
    }

    for (std::size_t i = 0; i < cell_count; ++i) {
        const Cell& c = page.cells[i];
        const Role r = reading.role(i);
        if (r != Role::connector && r != Role::transition) continue;
        const auto from = idx.source_position(i), to = idx.target_position(i);
        if (!from || !to || screen_at[*from] == no_screen || screen_at[*to] == no_screen) continue;
        const ScreenId a{screen_at[*from]}, b{screen_at[*to]};
        auto [start, end] = arrows(c.style_or_empty());
        Link link{c.id, start == end};
        if (start && !end)
            g.add_link(b, a, std::move(link));
        else
            g.add_link(a, b, std::move(link));
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
