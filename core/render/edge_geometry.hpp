#pragma once
// Edge routes (straight, orthogonal, elbow, curved), terminal perimeter points, exit/entry constraints, and
// arrow markers, in page pixels.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/page_index.hpp"
#include "core/diagram/style.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::render {

struct Terminal {
    std::optional<Rect> bounds;  // glued shape; nullopt for a loose end
    std::string shape = "rect";  // its shape name (for the perimeter)
    Point point;                 // the loose end's point (used when bounds is nullopt)
};

// The polyline an edge is drawn along: first and last points on the terminals' perimeters (or at
// constraints).
std::vector<Point> route_edge(const diagram::Style& style, const Terminal& source, const Terminal& target,
                              const std::vector<Point>& waypoints);

// The outline edges end on (draw.io's perimeter style, else the shape's own): "ellipse", "rhombus",
// "center" (the edge runs to the centre: waypoints), or the shape name (a rectangle for most).
std::string perimeter_kind(const diagram::Style& style);

// The end of an edge at cell `id` (or at its loose point, in the frame at `origin`, when `id` is empty or has
// no box): the glued shape's box and outline kind; for an end glued to another edge, that edge's midpoint as
// `edge_midpoint` gives it (the renderer: the route it drew; drawn_route: the straight polyline).
Terminal edge_terminal(const diagram::PageIndex& index, const std::string& id,
                       const std::optional<Point>& loose, Point origin,
                       const std::function<std::optional<Point>(const std::string&)>& edge_midpoint);

// The polyline draw.io draws an edge along, from the page alone: its terminals' boxes and outlines (an end
// glued to another edge: that edge's centre line, straight), loose points, waypoints and resolved style,
// routed as route_edge routes it (an edge from a shape to itself: straight through its waypoints, not
// draw.io's loop). Coordinates are the page's.
std::vector<Point> drawn_route(const diagram::PageIndex& index, const diagram::Cell& edge);

// Which side of a rectangle a point on it lies on: 0 top, 1 left, 2 bottom, 3 right.
int side_of(const Rect& r, Point p);

struct Marker {
    Path path;         // closed outline (filled when the marker is filled) or open stroke
    double inset = 0;  // how far the line must stop short of the end so the marker tip shows
};

// A marker of the given draw.io kind (classic, classicThin, block, blockThin, open, oval, diamond,
// diamondThin, none, ...) at `tip`, pointing from `from` to `tip`. nullopt for none/unknown.
std::optional<Marker> make_marker(const std::string& kind, Point from, Point tip, double size,
                                  double stroke_width, bool filled, const Color& color);

// A point `t` (0..1) of the way along the polyline, by length.
Point point_along(const std::vector<Point>& polyline, double t);

// draw.io's flexArrow edge (mxArrowConnector): a band `width` px wide along the polyline, mitred at its
// bends, with an arrow head `head_width` px wide and `head_length` px long at an end whose flag is set (else
// the band is cut square there); the ends are `spacing` px in from the polyline's ends. One closed outline.
struct FlexArrowEnds {
    bool start = false, end = true;
    double start_length = 0, start_width = 0, end_length = 0, end_width = 0;
};
Path flex_arrow_outline(const std::vector<Point>& polyline, double width, const FlexArrowEnds& ends,
                        double spacing);

// draw.io's value-stream-map information flows (mxgraph.lean_mapping.manual_info_flow_edge and
// electronic_info_flow_edge): straight from the first point to the last, 5 % short of both, the electronic
// one with a lightning zigzag in the middle, and a 10 x 10 px filled head at the end. The ends of the
// polyline are all that counts, as in draw.io. Empty paths when the ends coincide.
struct InfoFlowEdge {
    Path line, head;
};
InfoFlowEdge lean_info_flow_edge(const std::vector<Point>& polyline, bool electronic);

}  // namespace jstudio::render
