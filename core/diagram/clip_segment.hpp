#pragma once
// The part of a segment inside a rectangle (Liang-Barsky clipping): what the layout's "edge through a node"
// measure and the navigation check's "step on an arrow" both ask of a route's segments.
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "core/diagram/geometry.hpp"

namespace jstudio::diagram {

// The parameters [t0, t1] (0 at p, 1 at q) of the part of p-q inside r, edges included; nullopt when the
// segment misses r or r is empty.
inline std::optional<std::pair<double, double>> clip_segment(Point p, Point q, const Rect& r) {
    if (r.width <= 0 || r.height <= 0) return std::nullopt;
    double t0 = 0, t1 = 1;
    const double dx = q.x - p.x, dy = q.y - p.y;
    const double ps[4] = {-dx, dx, -dy, dy};
    const double qs[4] = {p.x - r.x, r.right() - p.x, p.y - r.y, r.bottom() - p.y};
    for (int i = 0; i < 4; ++i) {
        if (std::abs(ps[i]) < 1e-12) {
            if (qs[i] < 0) return std::nullopt;
            continue;
        }
        const double t = qs[i] / ps[i];
        if (ps[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return std::nullopt;
    }
    return std::pair{t0, t1};
}

}  // namespace jstudio::diagram
