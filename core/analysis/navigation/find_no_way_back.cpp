// No way back: a reachable screen with a way on, from which no path returns to an entry (the home page).
// Dead ends and exits are left to their own rules; flows whose entries are start nodes with no way in are
// not checked.
#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/traversal.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_no_way_back(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const auto entries = g.entries();
    // A start node nothing links to is not a place to go back to: then there is no home to check against.
    bool home_linked = false;
    for (ScreenId e : entries) home_linked = home_linked || g.in_degree(e) > 0;
    if (!home_linked) return out;
    const auto& bg = detail::Access::boost_graph(g);
    const auto& d = detail::distances_from_entries(g);
    const auto home = detail::can_reach(bg, entries);
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const ScreenId id{v};
        const Screen& screen = g.screen(id);
        if (d.clicks[v] == detail::unreached || home[v] || screen.exit || g.out_degree(id) == 0) continue;
        const Screen& entry = g.screen(ScreenId{d.origin[v]});
        out.push_back(Finding{"no-way-back",
                              s.severity,
                              {screen.cell_id},
                              "From " + screen.name() + " there is no way back to " + entry.name() +
                                  "; add a link back to " + entry.name(),
                              suggest_link(screen, entry),
                              {}});
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
