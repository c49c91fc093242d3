#include "core/layout/p3_order/crossing_counter.hpp"

#include <algorithm>
#include <utility>

namespace jstudio::layout {

long count_layer_crossings(const LayeredGraph& graph, int layer, const std::vector<int>& pos) {
    if (layer + 1 >= static_cast<int>(graph.layers.size())) return 0;
    std::vector<std::pair<int, int>> ends;
    for (int v : graph.layers[layer])
        for (int s : graph.down[v]) ends.emplace_back(pos[v], pos[graph.segments[s].lower]);
    std::sort(ends.begin(), ends.end());
    const int width = static_cast<int>(graph.layers[layer + 1].size());
    std::vector<int> tree(width + 1, 0);
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
