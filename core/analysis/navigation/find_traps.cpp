// Trap: a strong component of two or more screens (or one that links to itself) that users can reach but,
// once inside, never leave towards an exit. Only components with no arc leaving them are reported: the
// others lead on to a dead end or a trap downstream, which gets its own finding. Needs at least one exit.
#include <algorithm>

#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/traversal.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_traps(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const auto entries = g.entries();
    const auto exits = g.exits();
    if (entries.empty() || exits.empty()) return out;
    const auto& bg = detail::Access::boost_graph(g);
    const auto& d = detail::distances_from_entries(g);
    const auto to_exit = detail::can_reach(bg, exits);
    const auto& [component, count] = detail::strong_components(g);
    std::vector<std::uint32_t> size(count, 0);
    std::vector<bool> leaves(count, false), loops(count, false);
    for (const Arc& a : g.arcs()) {
        if (component[a.from.index] != component[a.to.index]) leaves[component[a.from.index]] = true;
        if (a.from == a.to) loops[component[a.from.index]] = true;
    }
    for (std::uint32_t c : component) ++size[c];
    std::vector<std::vector<ScreenId>> members(count);
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const std::uint32_t c = component[v];
        if (leaves[c] || (size[c] < 2 && !loops[c]) || to_exit[v] || d.clicks[v] == detail::unreached)
            continue;
        members[c].push_back(ScreenId{v});
    }
    // Report in the order of each trap's first screen.
    std::vector<std::uint32_t> order;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v)
        if (!members[component[v]].empty() && members[component[v]].front() == ScreenId{v})
            order.push_back(component[v]);
    for (std::uint32_t c : order) {
        Finding f{"trap", s.severity, {}, {}, std::nullopt, {}};
        std::string names;
        for (std::size_t i = 0; i < members[c].size(); ++i) {
            const Screen& screen = g.screen(members[c][i]);
            f.cells.push_back(screen.cell_id);
            if (i < 5) names += (i ? ", " : "") + screen.name();
        }
        if (members[c].size() > 5) names += " and " + std::to_string(members[c].size() - 5) + " more";
        const Screen& first = g.screen(members[c].front());
        const Screen& exit = g.screen(exits.front());
        f.message = "Users who reach " + names + " can only go round among these " +
                    std::to_string(members[c].size()) +
                    " screen(s): no path leads to an exit; add a link from " + first.name() + " to " +
                    exit.name();
        f.suggestion = suggest_link(first, exit);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
