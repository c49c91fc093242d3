#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

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

void DfsCycleBreaker::run(LayeredGraph& graph, LayoutContext&) {
    std::vector<std::pair<int, int>> pairs;
    for (const auto& e : graph.edges) pairs.emplace_back(e.source, e.target);
    const auto back = dfs_back_edges(graph.real_count, pairs);
    for (std::size_t i = 0; i < back.size(); ++i)
        graph.edges[i].reversed = back[i] && !graph.is_self_loop(static_cast<int>(i));
}

}  // namespace jstudio::layout
