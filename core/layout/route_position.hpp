#pragma once
// Where along an edge's route a point is nearest: how edge labels are kept with their edge when it is
// re-routed (draw.io stores a label as a position along the route plus an offset to its centre).
#include <vector>

#include "core/diagram/geometry.hpp"

namespace jstudio::layout {

struct RoutePosition {
    double along = 0;      // distance from the route's start to `point`
    double length = 0;     // the route's whole length
    diagram::Point point;  // the nearest point on the route
    // draw.io's relative edge-label x: -1 at the source, 1 at the target (0 on a route of no length).
    double relative_x() const { return length > 0 ? 2 * along / length - 1 : 0; }
    double fraction() const { return length > 0 ? along / length : 0; }
};

// `route` has at least one point; the first nearest point wins.
RoutePosition nearest_on_route(const std::vector<diagram::Point>& route, diagram::Point at);

}  // namespace jstudio::layout
