// Bottleneck: a screen (not an entry or exit) on every path from the entries to every reachable exit.
// Dominator tree rooted at a virtual screen linked to all entries; the screens every
// exit shares as dominators are the ancestors of the exits' lowest common dominator.
#include <algorithm>

#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/boost_nav_graph.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_bottlenecks(const NavGraph& g, const RuleSettings& s) {
    using V = detail::Vertex;
    std::vector<Finding> out;
    const auto entries = g.entries();
    if (entries.empty()) return out;
    const detail::BoostGraph& bg = detail::Access::boost_graph(g);
    const std::size_t n = g.screen_count();
    // A virtual root (index n) leads to every entry. It is not in the graph: its successors are the entries,
    // and an entry's predecessors are its in-arcs plus the root.
    const V root = n;
    std::vector<bool> is_entry(n, false);
    for (ScreenId e : entries) is_entry[e.index] = true;
    // Boost's lengauer_tarjan_dominator_tree left some reachable vertices without a dominator on this graph
    // shape (virtual root + two-way links; Boost 1.74), so this is Cooper-Harvey-Kennedy's iterative
    // algorithm over a reverse postorder: near-linear on navigation graphs.
    const V null = boost::graph_traits<detail::BoostGraph>::null_vertex();
    std::vector<V> order;  // postorder
    order.reserve(n + 1);
    {
        std::vector<bool> seen(n + 1, false);
        using It = boost::graph_traits<detail::BoostGraph>::adjacency_iterator;
        struct Frame {
            V v;
            It it, end;
        };
        std::vector<Frame> stack;
        seen[root] = true;
        for (ScreenId e : entries) {  // the root's successors, in entry order
            if (seen[e.index]) continue;
            seen[e.index] = true;
            auto [b, x] = boost::adjacent_vertices(e.index, bg);
            stack.push_back(Frame{e.index, b, x});
            while (!stack.empty()) {
                Frame& f = stack.back();
                if (f.it == f.end) {
                    order.push_back(f.v);
                    stack.pop_back();
                    continue;
                }
                const V w = *f.it++;
                if (!seen[w]) {
                    seen[w] = true;
                    auto [wb, wx] = boost::adjacent_vertices(w, bg);
                    stack.push_back(Frame{w, wb, wx});
                }
            }
        }
        order.push_back(root);
    }
    std::reverse(order.begin(), order.end());
    // The iteration works in reverse-postorder numbers (the root is 0) over one array of predecessors, so
    // each pass reads memory in order instead of chasing Boost's per-vertex in-edge lists.
    constexpr std::uint32_t unreached = UINT32_MAX;
    const auto m = static_cast<std::uint32_t>(order.size());
    std::vector<std::uint32_t> number(n + 1, unreached);
    for (std::uint32_t i = 0; i < m; ++i) number[order[i]] = i;
    std::vector<std::uint32_t> first(m + 1, 0), preds;
    preds.reserve(boost::num_edges(bg) + entries.size());
    for (std::uint32_t i = 1; i < m; ++i) {
        const V v = order[i];
        if (is_entry[v]) preds.push_back(0);
        for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it)
            if (const std::uint32_t u = number[boost::source(*it, bg)]; u != unreached) preds.push_back(u);
        first[i + 1] = static_cast<std::uint32_t>(preds.size());
    }
    std::vector<std::uint32_t> dom(m, unreached);
    dom[0] = 0;
    auto intersect = [&](std::uint32_t a, std::uint32_t b) {
        while (a != b) {
            while (a > b) a = dom[a];
            while (b > a) b = dom[b];
        }
        return a;
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint32_t i = 1; i < m; ++i) {
            std::uint32_t best = unreached;
            for (std::uint32_t k = first[i]; k < first[i + 1]; ++k) {
                const std::uint32_t p = preds[k];
                if (dom[p] == unreached) continue;
                best = best == unreached ? p : intersect(p, best);
            }
            if (best != dom[i]) {
                dom[i] = best;
                changed = true;
            }
        }
    }
    std::vector<V> idom(n + 1, null);
    for (std::uint32_t i = 1; i < m; ++i)
        if (dom[i] != unreached) idom[order[i]] = order[dom[i]];

    // Lowest common dominator of the reachable exits, walking each exit up until it meets the current chain.
    constexpr std::uint8_t none = 0, chain = 1, seen = 2;
    std::vector<std::uint8_t> mark(n + 1, none);
    std::optional<V> lcd;
    for (ScreenId e : g.exits()) {
        if (idom[e.index] == null) continue;  // unreachable exit
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
