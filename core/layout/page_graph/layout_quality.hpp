#pragma once
// What a designer sees on a laid-out page, measured: edges through nodes, overlapping nodes, children
// outside their parent, overlapping lanes, the reading direction, and where each decoration sits relative
// to its host. The gallery test and `journey layout --format json` compare a page before and after layout
// with it.
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/diagram/page_index.hpp"
#include "core/layout/page_graph/page_roles.hpp"

namespace jstudio::layout {

// The way a drawing reads: the mean direction of its arrows between nodes.
enum class Flow { top_to_bottom, left_to_right, bottom_to_top, right_to_left };
const char* to_string(Flow flow);  // "TB", "LR", "BT", "RL"

struct ReadingDirection {
    Flow flow = Flow::top_to_bottom;
    double strength = 0;  // |mean unit vector| along the flow axis, 0..1: 0 = no direction shown
    int arrows = 0;       // arrows between two distinct nodes that were measured
};
// Mean of the unit vectors from each arrow's source centre to its target centre (arrows between nodes); or,
// where nine in ten arrows (at least three) end wholly past their source one way along one axis, that way
// (along the axis more arrows follow that way, when both; strength: the share of those arrows). Arrows with
// a loose end count where the end touches a node (PageRoles::loose_ends): the layout lays them out with it.
ReadingDirection reading_direction(const diagram::Page& page);
ReadingDirection reading_direction(const diagram::Page& page, const PageRoles& roles);

// The route draw.io draws for an edge, in page coordinates (render::drawn_route: from the terminals'
// outlines or loose points, through the waypoints, routed by its edge style: an orthogonal edge without
// waypoints bends as draw.io's orthogonal connector bends it); empty when an end is neither glued to a shape
// nor a loose point.
std::vector<diagram::Point> edge_route(const diagram::PageIndex& index, const diagram::Cell& edge);

struct LayoutQuality {
    int nodes = 0, edges = 0;
    int edges_through_nodes = 0;  // edges with a segment through the inside of a node that is not an end
    int node_overlaps = 0;        // pairs of nodes (neither inside the other) overlapping by more than 2 px
    int children_outside = 0;     // shapes in a container, group, lane or pool reaching out of it
    int lane_overlaps = 0;        // pairs of sibling lanes or swimlanes overlapping
    ReadingDirection direction;
    std::vector<std::string> problems;  // one line per finding, naming the cells
};
LayoutQuality measure_layout(const diagram::Page& page);

// A decoration's host and its offset from the host's top-left corner.
struct HostOffset {
    std::string decoration, host;
    double dx = 0, dy = 0;
};
std::vector<HostOffset> host_offsets(const diagram::Page& page);

}  // namespace jstudio::layout
