// Bottleneck: a screen (not an entry or exit) on every path from the entries to every reachable exit.
// Dominator tree rooted at a virtual screen linked to all entries; the screens every
// exit shares as dominators are the ancestors of the exits' lowest common dominator.
#include <algorithm>

#include <boost/graph/adjacency_list.hpp>

#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/boost_nav_graph.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_bottlenecks(const NavGraph& g, const RuleSettings& s) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    using V = boost::graph_traits<Graph>::vertex_descriptor;
    std::vector<Finding> out;
    const auto entries = g.entries();
    if (entries.empty()) return out;
    const std::size_t n = g.screen_count();
    Graph dg(n + 1);
    const V root = n;
    for (const Arc& a : g.arcs()) boost::add_edge(a.from.index, a.to.index, dg);
    for (ScreenId e : entries) boost::add_edge(root, e.index, dg);
    // Boost's lengauer_tarjan_dominator_tree left some reachable vertices without a dominator on this graph
    // shape (virtual root + two-way links; Boost 1.74), so this is Cooper-Harvey-Kennedy's iterative
    // algorithm over a reverse postorder: near-linear on navigation graphs.
    const V null = boost::graph_traits<Graph>::null_vertex();
    std::vector<V> idom(n + 1, null);
    std::vector<std::size_t> rpo_index(n + 1, 0);
    std::vector<V> order;  // postorder
    {
        std::vector<bool> seen(n + 1, false);
        std::vector<std::pair<V, boost::graph_traits<Graph>::adjacency_iterator>> stack;
        seen[root] = true;
        stack.emplace_back(root, boost::adjacent_vertices(root, dg).first);
        while (!stack.empty()) {
            auto& [v, it] = stack.back();
            if (it == boost::adjacent_vertices(v, dg).second) {
                order.push_back(v);
                stack.pop_back();
                continue;
            }
            const V w = *it++;
            if (!seen[w]) {
                seen[w] = true;
                stack.emplace_back(w, boost::adjacent_vertices(w, dg).first);
            }
        }
    }
    std::reverse(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size(); ++i) rpo_index[order[i]] = i;
    auto intersect = [&](V a, V b) {
        while (a != b) {
            while (rpo_index[a] > rpo_index[b]) a = idom[a];
            while (rpo_index[b] > rpo_index[a]) b = idom[b];
        }
        return a;
    };
    idom[root] = root;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 1; i < order.size(); ++i) {
            const V v = order[i];
            V best = null;
            for (auto [it, end] = boost::in_edges(v, dg); it != end; ++it) {
                const V u = boost::source(*it, dg);
                if (idom[u] == null) continue;
                best = best == null ? u : intersect(u, best);
            }
            if (best != idom[v]) {
                idom[v] = best;
                changed = true;
            }
        }
    }
    idom[root] = null;

    // Lowest common dominator of the reachable exits, walking each exit up until it meets the current chain.
    constexpr std::uint8_t none = 0, chain = 1, seen = 2;
    std::vector<std::uint8_t> mark(n + 1, none);
    std::optional<V> lcd;
    for (ScreenId e : g.exits()) {
        if (idom[e.index] == boost::graph_traits<Graph>::null_vertex()) continue;  // unreachable exit
        if (!lcd) {
            lcd = e.index;
            for (V v = e.index; v != root; v = idom[v]) mark[v] = chain;
            mark[root] = chain;
            continue;
        }
        V v = e.index;
        std::vector<V> walked;
        while (mark[v] == none) {
            walked.push_back(v);
            v = idom[v];
        }
        for (V w : walked) mark[w] = seen;
        if (mark[v] == seen) continue;  // joins where an earlier exit joined: at or below the current one
        // v is on the chain: the new lowest common dominator is the higher of v and the current one.
        for (V w = *lcd; w != root && w != v; w = idom[w]) mark[w] = seen;
        if (mark[*lcd] == seen) lcd = v;
    }
    if (!lcd) return out;
    std::vector<ScreenId> found;
    for (V v = *lcd; v != root; v = idom[v]) {
        const Screen& screen = g.screen(ScreenId{static_cast<std::uint32_t>(v)});
        if (!screen.entry && !screen.exit) found.push_back(ScreenId{static_cast<std::uint32_t>(v)});
    }
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        const Screen& screen = g.screen(*it);
        out.push_back(Finding{"bottleneck",
                              s.severity,
                              {screen.cell_id},
                              "Every path from the entry to an exit passes through " + screen.name() +
                                  ": if it fails or confuses, nobody finishes",
                              std::nullopt,
                              {}});
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
