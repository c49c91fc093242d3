#pragma once
// An orthogonal router among boxes, for the transitions of a journey map: a route leaves its source card
// from one side, runs on a grid made of the boxes' sides (inflated by a clearance) and the middles of the
// gaps between them, and enters its target card from one side; it never enters a box. The cheapest route
// by length, bends and stretches shared with routes already made wins (Dijkstra over grid point and
// heading), so two transitions between the same cards run apart.
#include <cstdint>
#include <vector>

#include "core/diagram/geometry.hpp"

namespace jstudio::layout {

class BoxRouter {
  public:
    enum Side : std::uint8_t { left = 1, right = 2, top = 4, bottom = 8, any = 15 };

    // `area` bounds every route; `boxes` are the obstacles (cards), `clearance` the distance kept from them.
    BoxRouter(diagram::Rect area, std::vector<diagram::Rect> boxes, double clearance);

    // From box `from` to box `to` (indices into boxes), leaving and entering through the allowed sides at
    // `fraction` (0..1) along the side. The polyline runs from a point on the source's border to a point on
    // the target's border; empty when no route exists. The route is remembered: later routes avoid it.
    // A port where an earlier route starts or ends is not used again while the card has another side free.
    std::vector<diagram::Point> route(std::size_t from, std::size_t to, double from_fraction = 0.5,
                                      double to_fraction = 0.5, unsigned from_sides = any,
                                      unsigned to_sides = any);
    // Extra lines routes may run on (a lane's label band), besides the boxes' sides and the gaps' middles.
    void add_lines(std::vector<double> xs, std::vector<double> ys) {
        m_extra_x = std::move(xs), m_extra_y = std::move(ys);
    }
    // Forgets the last route made (its stretches no longer count as shared).
    void forget_last();
    // Counts a route made elsewhere (or forgotten before) as taken.
    void remember(std::vector<diagram::Point> route) { m_routes.push_back(std::move(route)); }

  private:
    diagram::Rect m_area;
    std::vector<diagram::Rect> m_boxes;
    double m_clearance;
    std::vector<std::vector<diagram::Point>> m_routes;
    std::vector<double> m_extra_x, m_extra_y;
};

// Points where the route turns only: repeated and collinear points dropped.
std::vector<diagram::Point> simplify_route(std::vector<diagram::Point> route);
// True when the segment a-b passes through the inside of r shrunk by `inset` on every side.
bool segment_enters(diagram::Point a, diagram::Point b, const diagram::Rect& r, double inset);

}  // namespace jstudio::layout
