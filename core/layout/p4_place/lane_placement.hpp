#pragma once
// What the node placers share: port spreading, the separation rule, the nodes and straight-segment links of
// one lane, greedy straightening, and the lane-by-lane column placement. A placer only decides x inside one
// lane (or the whole graph when it has no lanes).
#include <functional>
#include <utility>
#include <vector>

#include "core/layout/layered_graph.hpp"

namespace jstudio::layout {

// Sets Segment::upper_port/lower_port from the order of the layers: ports spread along the bottom and top
// sides in the order of the nodes they lead to (rhombus, ellipse and dummies: the middle).
void assign_ports(LayeredGraph& graph);

// The least distance between the centres of a and b when a is b's left neighbour in a layer: node_spacing
// between real nodes, edge_spacing between dummies, max(edge_spacing, node_spacing / 2) mixed, plus a's
// right_margin.
double separation(const LayeredGraph& graph, const LayoutContext& ctx, int a, int b);

struct Link {
    int other = 0;
    double shift = 0;  // x(this) == x(other) + shift makes the segment straight
    int segment = 0;
};

// The nodes of one lane (lane -1: all nodes) per layer, in layer order, and the segments with both ends in
// it.
struct LaneView {
    LaneView(const LayeredGraph& graph, int lane);
    bool contains(const LayeredGraph& graph, int v) const { return lane < 0 || graph.nodes[v].lane == lane; }

    int lane;
    std::vector<std::vector<int>> layers;
    std::vector<std::vector<Link>> above, below;  // by node id: segments to the layer above / below
};

// Greedy straightening, order and ports kept (so crossings too): a long edge's dummies move together to one
// x where fewer of its segments jog, then a node moves (inside the room its layer neighbours leave) to the x
// where the most of its segments run straight, if that is more than now.
void straighten(LayeredGraph& graph, const LayoutContext& ctx, const LaneView& view);

// Places each lane with place_lane (which sets x on the lane's nodes, any origin), then puts the lanes side
// by side as columns (lane_padding, lane_min_width) and sets lane_left/lane_width; without lanes, calls it
// once with lane -1 and moves the drawing to x >= 0.
void place_lanes(LayeredGraph& graph, const LayoutContext& ctx,
                 const std::function<void(const LaneView&)>& place_lane);

}  // namespace jstudio::layout
