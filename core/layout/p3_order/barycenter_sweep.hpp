#pragma once
// Layer-by-layer sweeps (down with the layer above fixed, up with the layer below fixed), each layer sorted
// by the barycenter of its neighbours and then improved by transposing adjacent nodes. Several starts: the
// first from a depth-first order of the graph, the others shuffled with the seeded RNG; the best is kept.
// Swimlanes: a layer is sorted by lane first, and transposition never swaps nodes of different lanes.
#include "core/layout/phases.hpp"

namespace jstudio::layout {

class BarycenterSweep : public CrossingMinimizer {
  public:
    std::string_view name() const override { return "barycenter_transpose"; }
    long run(LayeredGraph& graph, LayoutContext& ctx) override;
};

}  // namespace jstudio::layout
