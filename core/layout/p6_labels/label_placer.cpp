#include "core/layout/p6_labels/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace jstudio::layout {

namespace {

// A uniform grid of boxes, so each candidate looks at the few items near it instead of all of them.
class BoxGrid {
  public:
    explicit BoxGrid(double cell) : m_cell(cell) {}

    void insert(int id, const Box& b) {
        for_cells(b, [&](std::int64_t key) { m_cells[key].push_back(id); });
    }

    // Calls f(id) for every item whose cells meet b; an item may come more than once.
    template <class F>
    void query(const Box& b, F f) const {
        for_cells(b, [&](std::int64_t key) {
            if (auto it = m_cells.find(key); it != m_cells.end())
                for (int id : it->second) f(id);
        });
    }

  private:
    template <class F>
    void for_cells(const Box& b, F f) const {
        const auto x0 = static_cast<std::int64_t>(std::floor(b.x / m_cell)),
                   x1 = static_cast<std::int64_t>(std::floor((b.x + b.width) / m_cell)),
                   y0 = static_cast<std::int64_t>(std::floor(b.y / m_cell)),
                   y1 = static_cast<std::int64_t>(std::floor((b.y + b.height) / m_cell));
        for (auto x = x0; x <= x1; ++x)
            for (auto y = y0; y <= y1; ++y) f((x << 32) ^ (y & 0xffffffff));
    }

    double m_cell;
    std::unordered_map<std::int64_t, std::vector<int>> m_cells;
};

Box segment_box(XY p, XY q) {
    return {std::min(p.x, q.x), std::min(p.y, q.y), std::abs(p.x - q.x), std::abs(p.y - q.y)};
}

// Does the segment p-q pass through the inside of b (not just touch its border)?
bool segment_hits(XY p, XY q, const Box& b) {
    const double x0 = b.x, x1 = b.x + b.width, y0 = b.y, y1 = b.y + b.height;
    if (std::abs(p.x - q.x) < 1e-9)
        return p.x > x0 && p.x < x1 && std::max(p.y, q.y) > y0 && std::min(p.y, q.y) < y1;
    if (std::abs(p.y - q.y) < 1e-9)
        return p.y > y0 && p.y < y1 && std::max(p.x, q.x) > x0 && std::min(p.x, q.x) < x1;
    // Oblique (not produced by the router, but routes may come from elsewhere): test its bounding box.
    return boxes_overlap(segment_box(p, q), b, 0);
}

struct SegmentRef {
    int edge, index;  // route[index] - route[index + 1]
};

}  // namespace

bool boxes_overlap(const Box& a, const Box& b, double slack) {
    return std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x) > slack &&
           std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y) > slack;
}

std::vector<LabelPlacement> place_edge_labels(const std::vector<Box>& nodes,
                                              const std::vector<std::vector<XY>>& routes,
                                              const std::vector<LabelRequest>& requests,
                                              const LabelPlacerOptions& options) {
    std::vector<LabelPlacement> result(requests.size());
    if (requests.empty()) return result;
    BoxGrid node_grid(120), segment_grid(120), label_grid(120);
    for (int v = 0; v < static_cast<int>(nodes.size()); ++v) node_grid.insert(v, nodes[v]);
    std::vector<SegmentRef> segments;
    for (int e = 0; e < static_cast<int>(routes.size()); ++e)
        for (int i = 0; i + 1 < static_cast<int>(routes[e].size()); ++i) {
            segment_grid.insert(static_cast<int>(segments.size()),
                                segment_box(routes[e][i], routes[e][i + 1]));
            segments.push_back({e, i});
        }
    std::vector<Box> placed;
    std::vector<int> stamp(std::max(nodes.size(), segments.size()) + 1, -1);
    std::vector<int> label_stamp(requests.size(), -1);
    int query_id = 0;

    const double c = options.clearance;
    auto cost_of = [&](const LabelRequest& request, const Box& box) {
        const Box padded{box.x - c, box.y - c, box.width + 2 * c, box.height + 2 * c};
        double cost = 0;
        ++query_id;
        node_grid.query(padded, [&](int v) {
            if (stamp[v] == query_id) return;
            stamp[v] = query_id;
            if (boxes_overlap(padded, nodes[v], 0)) cost += 1e6;
        });
        ++query_id;
        label_grid.query(padded, [&](int l) {
            if (label_stamp[l] == query_id) return;
            label_stamp[l] = query_id;
            if (boxes_overlap(padded, placed[l], 0)) cost += 1e6;
        });
        ++query_id;
        segment_grid.query(box, [&](int s) {
            if (stamp[s] == query_id) return;
            stamp[s] = query_id;
            const auto& ref = segments[s];
            if (ref.edge == request.edge) return;
            const auto& r = routes[ref.edge];
            if (segment_hits(r[ref.index], r[ref.index + 1], box)) cost += 200;
        });
        // Keep the arrowhead and the start of the line visible.
        const auto& route = routes[request.edge];
        auto near = [&](XY p, double d) {
            return p.x > box.x - d && p.x < box.x + box.width + d && p.y > box.y - d &&
                   p.y < box.y + box.height + d;
        };
        if (near(route.back(), 8)) cost += 500;
        if (near(route.front(), 2)) cost += 100;
        return cost;
    };

    for (std::size_t k = 0; k < requests.size(); ++k) {
        const auto& request = requests[k];
        if (request.edge < 0 || request.edge >= static_cast<int>(routes.size())) continue;
        const auto& route = routes[request.edge];
        if (route.size() < 2) continue;
        const double w = request.width, h = request.height;
        double total = 0;
        for (std::size_t i = 1; i < route.size(); ++i)
            total += std::hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
        double best = std::numeric_limits<double>::max();
        XY best_center = {(route.front().x + route.back().x) / 2, (route.front().y + route.back().y) / 2};
        double walked = 0;
        for (std::size_t i = 1; i < route.size(); ++i) {
            const XY p = route[i - 1], q = route[i];
            const double length = std::hypot(q.x - p.x, q.y - p.y);
            if (length < 1e-9) continue;
            const XY dir{(q.x - p.x) / length, (q.y - p.y) / length};
            const bool vertical = std::abs(dir.x) < std::abs(dir.y);
            // The label's extent along the segment, and the part of the segment its centre can slide on.
            const double extent = vertical ? h : w;
            double from = extent / 2 + 4, to = length - extent / 2 - 4;
            if (from > to) from = to = length / 2;
            const int steps = from == to ? 1 : std::clamp(static_cast<int>((to - from) / 10) + 1, 2, 9);
            for (int s = 0; s < steps; ++s) {
                const double along = steps == 1 ? from : from + (to - from) * s / (steps - 1);
                const XY at{p.x + dir.x * along, p.y + dir.y * along};
                // On the line (its background hides the line there), then beside it on either side.
                const XY side = vertical ? XY{w / 2 + options.gap, 0} : XY{0, h / 2 + options.gap};
                const XY centers[3] = {at, {at.x + side.x, at.y + side.y}, {at.x - side.x, at.y - side.y}};
                for (int placement = 0; placement < 3; ++placement) {
                    const XY m = centers[placement];
                    const Box box{m.x - w / 2, m.y - h / 2, w, h};
                    double cost = cost_of(request, box);
                    cost += 30 * (walked + along) / std::max(total, 1.0);  // near the source reads best
                    if (placement > 0) cost += 10;
                    if (cost < best) {
                        best = cost;
                        best_center = m;
                    }
                }
            }
            walked += length;
        }
        const Box box{best_center.x - w / 2, best_center.y - h / 2, w, h};
        result[k].center = best_center;
        result[k].clear = best < 1e6;
        placed.push_back(box);
        label_grid.insert(static_cast<int>(placed.size()) - 1, box);
    }
    return result;
}

}  // namespace jstudio::layout
