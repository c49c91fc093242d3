#pragma once
// Longest-path layering (every node one layer below its lowest predecessor), then promotion: nodes whose
// edges get shorter overall by moving inside their feasible range are moved, which removes most of the
// dummy nodes long-path layering leaves (sources pulled down to their successors, and so on).
#include <utility>
#include <vector>

#include "core/layout/phases.hpp"

namespace jstudio::layout {

// Layers of a DAG (edges upper -> lower): 0 for nodes without predecessors, else 1 + the highest layer of a
// predecessor. Boost.Graph's topological_sort orders the nodes. Pre: the edges are acyclic.
std::vector<int> longest_path_layers(int n, const std::vector<std::pair<int, int>>& edges);
// Moves nodes within [max layer of preds + 1, min layer of succs - 1] while that shortens their edges in sum.
// Returns the layers renumbered from 0.
std::vector<int> shorten_edges(int n, const std::vector<std::pair<int, int>>& edges, std::vector<int> layers);

class LongestPathLayerer : public Layerer {
  public:
    std::string_view name() const override { return "longest_path_promoted"; }
    void run(LayeredGraph& graph, LayoutContext& ctx) override;
};

}  // namespace jstudio::layout
