// One-way link: a→b with no path from b back to a (a and b in different strong components), on a page
// whose links mostly go both ways (site maps, menus), so the reverse is expected. Links into exits or dead
// ends, and links out of screens nothing leads to, are left alone.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/traversal.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_one_way_links(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const auto arcs = g.arcs();
    // Pairs of screens with an arc (sorted, for lookup), to tell a link drawn twice (once each way) from a
    // one-way one. Links are told apart by address: each Link lives once in the graph.
    auto pair_key = [](std::uint32_t from, std::uint32_t to) { return (std::uint64_t{from} << 32) | to; };
    std::vector<std::uint64_t> pairs;
    pairs.reserve(arcs.size());
    for (const Arc& a : arcs) pairs.push_back(pair_key(a.from.index, a.to.index));
    std::sort(pairs.begin(), pairs.end());
    // Sorted lists of link addresses, not hash sets: one sort each instead of a node per link.
    std::vector<const Link*> links, two_way;
    links.reserve(arcs.size());
    for (const Arc& a : arcs) {
        links.push_back(a.link);
        if (a.link->both_ways ||
            std::binary_search(pairs.begin(), pairs.end(), pair_key(a.to.index, a.from.index)))
            two_way.push_back(a.link);
    }
    auto sort_unique = [](std::vector<const Link*>& v) {
        std::sort(v.begin(), v.end(), std::less<>());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    sort_unique(links);
    sort_unique(two_way);
    auto is_two_way = [&](const Link* l) {
        return std::binary_search(two_way.begin(), two_way.end(), l, std::less<>());
    };
    if (links.empty() || double(two_way.size()) / double(links.size()) < s.threshold) return out;
    const auto& component = detail::strong_components(g).of;
    for (const Arc& a : arcs) {
        if (is_two_way(a.link) || component[a.from.index] == component[a.to.index]) continue;
        const Screen& from = g.screen(a.from);
        const Screen& to = g.screen(a.to);
        // Into an exit or a dead end (its own finding), or out of a screen nothing leads to: no way back
        // expected.
        if (to.exit || g.out_degree(a.to) == 0 || g.in_degree(a.from) == 0) continue;
        out.push_back(
            Finding{"one-way-link",
                    s.severity,
                    {a.link->cell_id, from.cell_id, to.cell_id},
                    "The link from " + from.name() + " to " + to.name() +
                        " goes one way only and there is no other way back; most links on this page "
                        "go both ways: add a link back from " +
                        to.name(),
                    suggest_link(to, from),
                    {}});
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
