#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <tuple>

namespace jstudio::layout {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_index_t, int>>;

struct BackEdgeRecorder : boost::default_dfs_visitor {
    std::vector<bool>* back;
    void back_edge(Graph::edge_descriptor e, const Graph& g) const {
        const int index = get(boost::edge_index, g, e);
        if (index >= 0) (*back)[index] = true;
    }
};

}  // namespace

std::vector<bool> dfs_back_edges(int n, const std::vector<std::pair<int, int>>& edges) {
    // Vertex n is a virtual root joined to every start node, so the search begins at the starts in order;
    // boost then restarts at each vertex not yet reached, in vertex order.
    Graph g(n + 1);
    std::vector<int> indegree(n, 0);
    for (const auto& [s, t] : edges)
        if (s != t) ++indegree[t];
    for (int v = 0; v < n; ++v)
        if (indegree[v] == 0) add_edge(n, v, -1, g);
    for (int i = 0; i < static_cast<int>(edges.size()); ++i) add_edge(edges[i].first, edges[i].second, i, g);
    std::vector<bool> back(edges.size(), false);
    BackEdgeRecorder visitor;
    visitor.back = &back;
    std::vector<boost::default_color_type> colors(n + 1);
    depth_first_search(g, visitor,
                       boost::make_iterator_property_map(colors.begin(), get(boost::vertex_index, g)), n);
    return back;
}

namespace {

// With rank constraints: one linear order of the group representatives, and every edge oriented along it (so
// the result is acyclic whatever the constraints). The order is the depth-first order (reverse post-order,
// the order whose backward edges are exactly the DFS back edges), made to agree with the constraints: first
// group at the front, last at the back, stages in stage order (a node without a stage goes with the latest
// stage before it in the depth-first order).
void break_cycles_constrained(LayeredGraph& graph) {
    const int n = graph.real_count;
    std::vector<std::vector<int>> out(n);
    std::vector<int> indegree(n, 0);
    for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e) {
        auto& edge = graph.edges[e];
        const int a = graph.rep(edge.source), b = graph.rep(edge.target);
        edge.flat = a == b && edge.source != edge.target;
        edge.reversed = false;
        if (a == b) continue;
        out[a].push_back(b);
        ++indegree[b];
    }
    // Iterative DFS: starts first (nodes without predecessors), then everything else, in id order.
    std::vector<int> post;
    std::vector<char> seen(n, 0);
    std::vector<std::pair<int, std::size_t>> stack;
    auto visit = [&](int root) {
        if (seen[root] || graph.rep(root) != root) return;
        seen[root] = 1;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto& [v, i] = stack.back();
            if (i < out[v].size()) {
                const int w = out[v][i++];
                if (!seen[w]) {
                    seen[w] = 1;
                    stack.push_back({w, 0});
                }
            } else {
                post.push_back(v);
                stack.pop_back();
            }
        }
    };
    for (int v = 0; v < n; ++v)
        if (indegree[v] == 0) visit(v);
    for (int v = 0; v < n; ++v) visit(v);
    std::vector<int> order(post.rbegin(), post.rend());
    struct Key {
        int place, stage, unstaged, dfs;
    };
    std::vector<Key> key(n);
    int latest = -1;
    for (int i = 0; i < static_cast<int>(order.size()); ++i) {
        const auto& node = graph.nodes[order[i]];
        if (node.stage >= 0) latest = std::max(latest, node.stage);
        key[order[i]] = {node.place, node.stage >= 0 ? node.stage : latest, node.stage >= 0 ? 0 : 1, i};
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& ka = key[a];
        const auto& kb = key[b];
        return std::tie(ka.place, ka.stage, ka.unstaged, ka.dfs) <
               std::tie(kb.place, kb.stage, kb.unstaged, kb.dfs);
    });
    std::vector<int> position(n, 0);
    for (int i = 0; i < static_cast<int>(order.size()); ++i) position[order[i]] = i;
    for (auto& edge : graph.edges)
        if (!edge.flat && edge.source != edge.target)
            edge.reversed = position[graph.rep(edge.source)] > position[graph.rep(edge.target)];
}

}  // namespace

void DfsCycleBreaker::run(LayeredGraph& graph, LayoutContext&) {
    if (graph.constrained) {
        break_cycles_constrained(graph);
        return;
    }
    std::vector<std::pair<int, int>> pairs;
    for (const auto& e : graph.edges) pairs.emplace_back(e.source, e.target);
    const auto back = dfs_back_edges(graph.real_count, pairs);
    for (std::size_t i = 0; i < back.size(); ++i)
        graph.edges[i].reversed = back[i] && !graph.is_self_loop(static_cast<int>(i));
}

}  // namespace jstudio::layout
