#pragma once
// Network-simplex layering (Gansner, Koutsofios, North, Vo 1993, as in dot and dagre): the layering with the
// least total edge length (sum of layer spans, weighted), so the fewest dummy nodes and long edges. Starts
// from longest-path layers, grows a feasible tight spanning tree, then exchanges tree edges with negative cut
// values. Each connected component separately; an iteration cap keeps huge graphs bounded (the result is
// always a valid layering).
#include <utility>
#include <vector>

#include "core/layout/phases.hpp"

namespace jstudio::layout {

// Layers (from 0) minimising sum of (layer[t] - layer[s]) over edges s -> t with layer[t] >= layer[s] + 1.
// Pre: the edges are acyclic (self-loops are ignored).
std::vector<int> network_simplex_layers(int n, const std::vector<std::pair<int, int>>& edges,
                                        int max_iterations = -1);

class NetworkSimplexLayerer : public Layerer {
  public:
    std::string_view name() const override { return "network_simplex"; }
    void run(LayeredGraph& graph, LayoutContext& ctx) override;
};

}  // namespace jstudio::layout
