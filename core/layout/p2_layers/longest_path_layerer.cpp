#include "core/layout/p2_layers/longest_path_layerer.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <climits>
#include <iterator>

namespace jstudio::layout {

std::vector<int> longest_path_layers(int n, const std::vector<std::pair<int, int>>& edges) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph g(n);
    for (const auto& [s, t] : edges)
        if (s != t) add_edge(s, t, g);
    std::vector<Graph::vertex_descriptor> order;
    boost::topological_sort(g, std::back_inserter(order));  // reverse topological order
    std::vector<int> layer(n, 0);
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        for (auto [e, end] = out_edges(*it, g); e != end; ++e) {
            const auto t = target(*e, g);
            layer[t] = std::max(layer[t], layer[*it] + 1);
        }
    return layer;
}

std::vector<int> shorten_edges(int n, const std::vector<std::pair<int, int>>& edges,
                               std::vector<int> layers) {
    std::vector<std::vector<int>> preds(n), succs(n);
    for (const auto& [s, t] : edges)
        if (s != t) {
            succs[s].push_back(t);
            preds[t].push_back(s);
        }
    // Deepest nodes first, so a chain of sources moves down together in one round.
    std::vector<int> order(n);
    for (int v = 0; v < n; ++v) order[v] = v;
    for (int round = 0; round < 8; ++round) {
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return layers[a] > layers[b]; });
        bool changed = false;
        for (int v : order) {
            const int in = static_cast<int>(preds[v].size()), out = static_cast<int>(succs[v].size());
            if (in == out) continue;
            int low = 0, high = INT_MAX;
            for (int p : preds[v]) low = std::max(low, layers[p] + 1);
            for (int s : succs[v]) high = std::min(high, layers[s] - 1);
            int wanted = layers[v];
            if (out > in && high != INT_MAX) wanted = high;  // moving down shortens more than it lengthens
            if (in > out) wanted = std::max(low, in > 0 ? low : layers[v]);
            if (wanted != layers[v] && wanted >= low && wanted <= high) {
                layers[v] = wanted;
                changed = true;
            }
        }
        if (!changed) break;
    }
    const int lowest = n ? *std::min_element(layers.begin(), layers.end()) : 0;
    for (int& l : layers) l -= lowest;
    return layers;
}

void LongestPathLayerer::run(LayeredGraph& graph, LayoutContext&) {
    const auto pairs = graph.layering_pairs();
    graph.apply_layers(shorten_edges(graph.real_count, pairs, longest_path_layers(graph.real_count, pairs)));
}

}  // namespace jstudio::layout
