#pragma once
// draw.io's orthogonal edge router (mxEdgeStyle.OrthConnector) for edgeStyle=orthogonalEdgeStyle edges
// without waypoints: which sides the edge leaves and enters by (from how the two shapes lie, and a fixed
// connection point's side), then one of draw.io's route patterns between them, keeping a jetty (10 px by
// default) clear of each shape. Gives the bend points; the ends on the shapes are added by the caller.
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/geometry.hpp"

namespace jstudio::render {

struct OrthEnd {
    std::optional<diagram::Rect> bounds;  // the glued shape; nullopt for a loose end
    std::optional<diagram::Point> fixed;  // a fixed connection point (exitX/Y, entryX/Y) or the loose point
    double jetty = 10;                    // sourceJettySize / targetJettySize / jettySize
    int ports = 15;                       // allowed sides: 1 west, 2 north, 4 south, 8 east (portConstraint)
};

// The bend points draw.io's OrthConnector gives, or nullopt where draw.io falls back to its segment connector
// (the two fixed ends closer than the two jetties together).
std::optional<std::vector<diagram::Point>> orth_connector(const OrthEnd& source, const OrthEnd& target);

// draw.io's segment connector (mxEdgeStyle.SegmentConnector): the bend points of an orthogonal edge through
// its waypoints (`hints`), alternating horizontal and vertical segments, starting the way that lines up with
// a fixed end or the shape it leaves; also what OrthConnector falls back to for ends closer than the jetties.
std::vector<diagram::Point> segment_connector(const OrthEnd& source, const OrthEnd& target,
                                              std::vector<diagram::Point> hints);

// Where an orthogonal edge meets a shape's outline coming from `next` (mxPerimeter with orthogonal=true):
// straight across when `next` lies over the shape horizontally or vertically, else toward its centre.
diagram::Point orthogonal_perimeter_point(const std::string& shape, const diagram::Rect& bounds,
                                          diagram::Point next);

}  // namespace jstudio::render
