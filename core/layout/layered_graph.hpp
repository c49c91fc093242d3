#pragma once
// The graph every layered-layout phase works on. Coordinates are always top-to-bottom here: layers are rows
// going down (y), the order inside a layer runs left to right (x). Left-to-right layouts transpose sizes on
// the way in and points on the way out (layered_layout.cpp), so no phase branches on the direction.
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace jstudio::layout {

struct XY {
    double x = 0, y = 0;
    bool operator==(const XY&) const = default;
};

struct LayeredNode {
    double width = 0, height = 0;  // dummies: 0 x 0
    int lane = -1;                 // swimlane index; -1 = none. Lanes are columns kept in index order
    int layer = -1;                // set by p2
    int edge = -1;                 // dummies: the edge they belong to; -1 for real nodes
    bool center_ports = false;     // rhombus, ellipse: every edge meets the side's middle
    double right_margin = 0;       // room kept free on the right (self-loops, decorations reaching out)
    // Room kept free on the left, above and below: what of the node's decorations (a badge on its border, a
    // socket sticking out of a component) reaches past its box. Neighbours keep clear of it, so the
    // laid-out page reads the decoration as the same node's again, not as one of the node next to it.
    double left_margin = 0, top_margin = 0, bottom_margin = 0;
    int group = -1;  // rank constraints: the representative of the nodes sharing this one's layer
    int stage = -1;  // journey stage: groups with a stage take layers in stage order
    int place = 0;   // -1 first layer, +1 last layer, 0 anywhere
    double drawn_across = std::numeric_limits<double>::quiet_NaN();  // the drawing's centre (NodeSpec)
    double drawn_along = std::numeric_limits<double>::quiet_NaN();
    double x = 0;  // centre x (p4)
    double y = 0;  // top y (p5)
    bool is_dummy() const { return edge >= 0; }
};

struct LayeredEdge {
    int source = 0, target = 0;  // as the user drew it
    bool reversed = false;       // p1: laid out target -> source to keep the layering acyclic
    bool flat = false;           // p1: both ends forced into one layer (rank constraints); routed by p5 alone
    std::vector<int> chain;      // dummy nodes from the upper end down, after split_long_edges
    std::vector<XY> points;      // p5: the route from source to target (user's direction), ports included
    double label_extent = 0;     // the largest label's size along the layers: p5 keeps that much line free
    std::vector<XY> drawn;       // the drawn route (EdgeSpec::drawn), for the drawing's order of its dummies
    bool upper_is_source() const { return !reversed; }
    int upper() const { return reversed ? target : source; }
    int lower() const { return reversed ? source : target; }
};

// A piece of an edge between two adjacent layers (after dummies are inserted).
struct Segment {
    int upper = 0, lower = 0, edge = 0;
    double upper_port = 0, lower_port = 0;  // x offsets from the node centres (p4 sets them)
};

class LayeredGraph {
  public:
    int add_node(double width, double height, int lane = -1);
    int add_edge(int source, int target);

    std::vector<LayeredNode> nodes;
    std::vector<LayeredEdge> edges;
    std::vector<std::vector<int>> layers;    // node ids per layer, in order (p2 fills, p3 permutes)
    std::vector<Segment> segments;           // after split_long_edges
    std::vector<std::vector<int>> down, up;  // segment ids leaving a node downwards / arriving from above
    int real_count = 0;                      // nodes [0, real_count) are the user's
    int lane_count = 0;
    std::vector<double> lane_left, lane_width;  // p4: the columns the lanes take (lanes only)

    bool is_self_loop(int edge) const { return edges[edge].source == edges[edge].target; }
    // Self-loops and flat edges have no segments: p3/p4 ignore them, p5 routes them on their own.
    bool is_layered(int edge) const { return !is_self_loop(edge) && !edges[edge].flat; }
    int rep(int v) const { return nodes[v].group >= 0 ? nodes[v].group : v; }
    bool constrained = false;  // some node has a rank constraint (group, stage or place)
    // The edges layering must respect, between group representatives (upper -> lower), plus one edge between
    // consecutive stages so they keep their order.
    std::vector<std::pair<int, int>> layering_pairs() const;
    // Sets every real node's layer from its representative's, puts first/last groups on the first/last layer,
    // and builds the layers.
    void apply_layers(std::vector<int> layers);
    // Fills `layers` from nodes[].layer (node id order within a layer).
    void build_layers();
    // Inserts one dummy per layer crossed by a long edge and builds segments/down/up. Needs layers. An edge
    // between two lanes changes lane in one gap: the last (dummies in the upper end's lane) or the first.
    enum class LaneChange { last_gap, first_gap };
    void split_long_edges(LaneChange change = LaneChange::last_gap);
    // Position of every node inside its layer (index into layers[layer]).
    std::vector<int> positions() const;
};

// Options and shared state of one run (seeded: the same input gives the same picture).
struct LayoutContext {
    std::uint32_t seed = 1;
    int order_runs = 0;  // 0 = chosen by size
    double node_spacing = 20, edge_spacing = 10, layer_spacing = 24, track_spacing = 8;
    double lane_padding = 20, lane_min_width = 120;
    double label_margin = 4;  // free line kept on each side of an edge label
    std::mt19937 rng{1};
};

}  // namespace jstudio::layout
