#pragma once
// Priority placement (Sugiyama, Tagawa, Toda 1981): sweeps down and up; in each layer, nodes move towards
// the mean x of their neighbours' ports in the fixed layer, in priority order (dummies first, so long edges
// run straight; then by degree), pushing lower-priority nodes aside but never one already placed; then
// greedy straightening. Ports are spread along the bottom and top sides in the order of the nodes they lead
// to (assign_ports), and a node aims at its neighbours' ports, so a one-to-one edge is a straight line.
// Swimlanes are placed one by one, each in its own column (place_lanes).
#include "core/layout/p4_place/lane_placement.hpp"
#include "core/layout/phases.hpp"

namespace jstudio::layout {

class PriorityPlacer : public NodePlacer {
  public:
    std::string_view name() const override { return "priority"; }
    void run(LayeredGraph& graph, LayoutContext& ctx) override;
};

}  // namespace jstudio::layout
