#pragma once
// Counting crossings between adjacent layers: sort the segments by upper position, count inversions of the
// lower positions with a Fenwick tree (Barth, Jünger, Mutzel 2002), O(E log V) per pair of layers.
#include <vector>

#include "core/layout/layered_graph.hpp"

namespace jstudio::layout {

// Crossings of the segments between layer `layer` and `layer + 1`, given each node's position in its layer.
long count_layer_crossings(const LayeredGraph& graph, int layer, const std::vector<int>& pos);
// Sum over every pair of adjacent layers.
long count_crossings(const LayeredGraph& graph, const std::vector<int>& pos);
long count_crossings(const LayeredGraph& graph);

}  // namespace jstudio::layout
