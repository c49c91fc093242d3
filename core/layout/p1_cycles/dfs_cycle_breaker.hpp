#pragma once
// Cycle breaking by depth-first search from the start nodes (no incoming edge), in node order: the edges that
// close a loop back to an ancestor are the ones reversed, so a flowchart's loops stay visible as back edges.
#include <utility>
#include <vector>

#include "core/layout/phases.hpp"

namespace jstudio::layout {

// Back edges of a DFS over n nodes that starts at nodes without incoming edges (in id order), then at any
// node not yet reached. Self-loops are back edges. Boost.Graph's depth_first_search does the search.
std::vector<bool> dfs_back_edges(int n, const std::vector<std::pair<int, int>>& edges);

class DfsCycleBreaker : public CycleBreaker {
  public:
    std::string_view name() const override { return "depth_first"; }
    void run(LayeredGraph& graph, LayoutContext& ctx) override;
};

}  // namespace jstudio::layout
