#include "core/layout/route_position.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jstudio::layout {

RoutePosition nearest_on_route(const std::vector<diagram::Point>& route, diagram::Point at) {
    RoutePosition out;
    out.point = route.front();
    double best = std::numeric_limits<double>::max();
    for (std::size_t i = 1; i < route.size(); ++i) {
        const diagram::Point p = route[i - 1], q = route[i];
        const double dx = q.x - p.x, dy = q.y - p.y, length = std::hypot(dx, dy);
        double t = length > 0 ? ((at.x - p.x) * dx + (at.y - p.y) * dy) / (length * length) : 0;
        t = std::clamp(t, 0.0, 1.0);
        const diagram::Point c{p.x + dx * t, p.y + dy * t};
        const double d = std::hypot(at.x - c.x, at.y - c.y);
        if (d < best - 1e-9) {
            best = d;
            out.point = c;
            out.along = out.length + length * t;
        }
        out.length += length;
    }
    return out;
}

}  // namespace jstudio::layout
