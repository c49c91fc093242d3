#include "core/layout/p3_order/crossing_counter.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace jstudio::layout {

long count_layer_crossings(const LayeredGraph& graph, int layer, const std::vector<int>& pos) {
    if (layer + 1 >= static_cast<int>(graph.layers.size())) return 0;
    // Segment ends (upper position, lower position) in lexicographic order. When the layer is stored in
    // position order (as the sweeps keep it) only each node's few lower ends need sorting; otherwise all.
    // The buffers are reused: this runs for every layer after every sweep.
    thread_local std::vector<std::pair<int, int>> ends;
    thread_local std::vector<int> tree;
    ends.clear();
    const auto& nodes = graph.layers[layer];
    bool in_order = true;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const int v = nodes[i];
        in_order = in_order && (i == 0 || pos[nodes[i - 1]] < pos[v]);
        const std::size_t first = ends.size();
        for (int s : graph.down[v]) ends.emplace_back(pos[v], pos[graph.segments[s].lower]);
        std::sort(ends.begin() + static_cast<std::ptrdiff_t>(first), ends.end());
    }
    if (!in_order) std::sort(ends.begin(), ends.end());
    const int width = static_cast<int>(graph.layers[layer + 1].size());
    tree.assign(width + 1, 0);
    long crossings = 0;
    long seen = 0;
    for (const auto& [upper, lower] : ends) {
        // Earlier segments (smaller or equal upper) ending strictly right of this one's lower end cross it;
        // equal uppers are sorted by lower, so they never count.
        long not_greater = 0;
        for (int i = lower + 1; i > 0; i -= i & -i) not_greater += tree[i];
        crossings += seen - not_greater;
        for (int i = lower + 1; i <= width; i += i & -i) ++tree[i];
        ++seen;
    }
    return crossings;
}

long count_crossings(const LayeredGraph& graph, const std::vector<int>& pos) {
    long total = 0;
    for (int l = 0; l + 1 < static_cast<int>(graph.layers.size()); ++l)
        total += count_layer_crossings(graph, l, pos);
    return total;
}

long count_crossings(const LayeredGraph& graph) {
    return count_crossings(graph, graph.positions());
}

}  // namespace jstudio::layout
