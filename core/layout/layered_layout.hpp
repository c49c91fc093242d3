#pragma once
// The layered (Sugiyama) layout as one call: nodes with sizes (and optional lanes), edges between them in,
// boxes, orthogonal edge routes and lane columns out. configure() picks one strategy per phase.
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "core/layout/phases.hpp"

namespace jstudio::layout {

enum class Direction { top_to_bottom, left_to_right };
// network_simplex: fewest dummy nodes (shortest edges in sum); longest_path: faster, with edge shortening.
enum class Layering { network_simplex, longest_path };
// brandes_koepf: long edges straight, fewest bends; priority: the earlier placer (mean of the neighbours).
enum class Placement { brandes_koepf, priority };

struct LayoutOptions {
    Direction direction = Direction::top_to_bottom;
    std::uint32_t seed = 1;
    Layering layering = Layering::network_simplex;
    Placement placement = Placement::brandes_koepf;
    int order_runs = 0;  // crossing-minimisation starts; 0 = by graph size
    // Compact by default (dot: 18 between nodes, 36 between ranks; ELK: 20 and 20): layer_spacing is the
    // least gap between layers, which grows with the tracks and labels routed through it.
    double node_spacing = 20, edge_spacing = 10, layer_spacing = 24, track_spacing = 8;
    double lane_header = 30;  // the swimlane title band (top in TB, left in LR)
    double lane_padding = 20;
};

// Rank (layer) constraints, as dot's rank=same|min|max: first and last put the node on the first or the last
// layer (all such nodes together); nodes with the same same_rank id share a layer; nodes with a stage share
// their stage's layer, and stages follow each other in stage order (journey-map columns).
enum class RankPlace { any, first, last };

struct NodeSpec {
    double width = 0, height = 0;
    int lane = -1;              // 0..lane_count-1, kept in that order; -1 when the graph has no lanes
    bool center_ports = false;  // rhombus, ellipse
    RankPlace place = RankPlace::any;
    int same_rank = -1;  // group id, -1 = none
    int stage = -1;      // stage index, -1 = none
    // Where the drawing has the node's centre, across the flow (x in TB, y in LR) and along it; NaN when it
    // has none. The first order the crossing minimisation tries is the drawing's, kept unless another has
    // fewer crossings, so a laid-out drawing laid out again keeps its order.
    double drawn_across = std::numeric_limits<double>::quiet_NaN();
    double drawn_along = std::numeric_limits<double>::quiet_NaN();
    // What the node's decorations reach past its box on each side (page frame: x across in TB, along in
    // LR): kept free of other nodes.
    double margin_left = 0, margin_top = 0, margin_right = 0, margin_bottom = 0;
};
struct LabelSize {
    double width = 0, height = 0;
};
struct EdgeSpec {
    int source = 0, target = 0;
    std::vector<LabelSize> labels = {};  // placed on the route without overlapping nodes or other labels
    std::vector<XY> drawn =
        {};  // the drawn route (x across the flow, y along it), source to target; may be empty
};
struct LayoutInput {
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;
    int lane_count = 0;
};

struct Box {
    double x = 0, y = 0, width = 0, height = 0;
};
struct LayoutStats {
    long crossings = 0;                        // between layers, as crossing minimisation counted them
    long bends = 0;                            // interior points of all routes
    int labels_clear = 0, labels_blocked = 0;  // labels placed free of nodes and labels / not
    int layers = 0, dummies = 0, reversed_edges = 0;
    // Wall-clock seconds per phase: cycles, layers, order, place, route, labels (for benchmarks).
    std::array<double, 6> phase_seconds = {};
};
struct LayoutOutput {
    std::vector<Box> nodes;               // top-left + size, from (0, 0) (inside lane frames: page frame)
    std::vector<std::vector<XY>> edges;   // source port ... target port, same frame as nodes
    std::vector<Box> lanes;               // lane containers (columns in TB, rows in LR)
    std::vector<std::vector<XY>> labels;  // per edge, the centre of each of its labels (EdgeSpec::labels)
    LayoutStats stats;
};

struct LayeredLayout {
    std::unique_ptr<CycleBreaker> p1;
    std::unique_ptr<Layerer> p2;
    std::unique_ptr<CrossingMinimizer> p3;
    std::unique_ptr<NodePlacer> p4;
    std::unique_ptr<EdgeRouter> p5;
    LayoutOutput run(const LayoutInput& input, const LayoutOptions& options) const;
};

LayeredLayout configure(const LayoutOptions& options);

// configure(options).run(input, options)
LayoutOutput layered_layout(const LayoutInput& input, const LayoutOptions& options = {});

}  // namespace jstudio::layout
