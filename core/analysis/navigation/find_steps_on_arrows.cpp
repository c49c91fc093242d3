// Step on an arrow: a screen with no link of its own, drawn where a link's arrow runs under it. draw.io users
// insert a step by dropping a shape on an arrow; the arrow stays glued to its old ends, so the model still
// links them directly and the new step is in no path (customer_journey: 'in queue' on the arrow from
// 'confirm delivery' to 'resolution').
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "core/analysis/navigation/checks.hpp"
#include "core/diagram/clip_segment.hpp"
#include "core/diagram/page_index.hpp"
#include "core/page/page_reading.hpp"
#include "core/render/edge_geometry.hpp"

namespace jstudio::analysis::navigation {

namespace {

using diagram::Point;
using diagram::Rect;

// Work is bounded: past this many grid cells walked and screens tested, the rule reports what it found so
// far. A drawn flow needs a few thousand. The navigation bench's generated site map of 100,000 screens, whose
// related-page arrows run straight across its 80,000 px (32 million cells walked in all), stops here after
// about 0.04 s; a hostile page of stacked screens under stacked arrows does too.
constexpr std::size_t max_tests = 4'000'000;

bool inside(const Rect& r, Point p) {
    return p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
}

// Whether the segment runs through the box's inside for more than a few pixels.
bool runs_through(const Rect& box, Point a, Point b) {
    constexpr double margin = 2, least = 4;
    const Rect r{box.x + margin, box.y + margin, box.width - 2 * margin, box.height - 2 * margin};
    const auto part = diagram::clip_segment(a, b, r);
    return part && (part->second - part->first) * std::hypot(b.x - a.x, b.y - a.y) > least;
}

// Whether the segment passes near the box's centre (within a quarter of its smaller side): a shape dropped
// on an arrow sits centred on it, where a line that only clips a shape (a site map's connector running past a
// sibling, a note over a wire) passes off centre.
bool through_centre(const Rect& box, Point a, Point b) {
    const Point c{box.x + box.width / 2, box.y + box.height / 2};
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((c.x - a.x) * dx + (c.y - a.y) * dy) / length2, 0.0, 1.0) : 0;
    return std::hypot(a.x + t * dx - c.x, a.y + t * dy - c.y) <= std::min(box.width, box.height) / 4;
}

// Whether the step is drawn like a shape at the arrow's ends (each side within a third of theirs): a step
// dropped on an arrow is a copy of its neighbours, where a label drawn as a box on the arrow ('OIDC', a
// shipment's frequency) is smaller or shaped otherwise.
bool alike(const Rect& a, const Rect& b) {
    auto near = [](double x, double y) { return x <= y * 4 / 3 && y <= x * 4 / 3; };
    return near(a.width, b.width) && near(a.height, b.height);
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

}  // namespace

std::vector<Finding> find_steps_on_arrows(const page::PageReading& reading, const NavGraph& g,
                                          const RuleSettings& s) {
    std::vector<Finding> out;
    std::vector<ScreenId> unlinked;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const ScreenId id{v};
        const Rect& b = g.screen(id).bounds;
        if (g.in_degree(id) == 0 && g.out_degree(id) == 0 && b.width > 0 && b.height > 0)
            unlinked.push_back(id);
    }
    if (unlinked.empty()) return out;
    // A grid of cells as large as the largest screen: each segment looks only at the screens in the cells
    // its box covers (a site map of 100,000 screens with 1,000 unlinked ones: a few per segment).
    double cell = 1;
    for (ScreenId id : unlinked)
        cell = std::max({cell, g.screen(id).bounds.width, g.screen(id).bounds.height});
    auto key = [](long long x, long long y) { return (x << 32) ^ (y & 0xffffffffLL); };
    auto at = [&](double v) { return static_cast<long long>(std::floor(v / cell)); };
    std::unordered_map<long long, std::vector<std::size_t>> grid;
    // Coordinates past this (a hostile file's 1e300) would overflow the grid's cell numbers.
    auto placeable = [](double v) { return std::isfinite(v) && std::abs(v) < 1e12; };
    for (std::size_t k = 0; k < unlinked.size(); ++k) {
        const Rect& b = g.screen(unlinked[k]).bounds;
        if (!placeable(b.x) || !placeable(b.y) || !placeable(b.right()) || !placeable(b.bottom())) continue;
        for (long long x = at(b.x); x <= at(b.right()); ++x)
            for (long long y = at(b.y); y <= at(b.bottom()); ++y) grid[key(x, y)].push_back(k);
    }
    const diagram::PageIndex& index = reading.index();
    std::unordered_set<const Link*> seen;
    std::vector<bool> reported(unlinked.size(), false);
    std::size_t tests = 0;
    for (const Arc& arc : g.arcs()) {
        if (tests > max_tests) break;
        if (!seen.insert(arc.link).second) continue;
        const diagram::Cell* edge = index.find(arc.link->cell_id);
        if (!edge || arc.from == arc.to) continue;
        const Screen& from = g.screen(arc.from);
        const Screen& to = g.screen(arc.to);
        const auto route = render::drawn_route(index, *edge);
        if (route.size() < 2) continue;
        for (std::size_t i = 1; i < route.size(); ++i) {
            const Point a = route[i - 1], b = route[i];
            const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
            const double y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
            if (!placeable(x0) || !placeable(x1) || !placeable(y0) || !placeable(y1)) continue;
            // The cells the segment passes through, walked from a to b (Amanatides and Woo): a long arrow
            // costs its length over the cell size, not its bounding box's area.
            std::vector<std::size_t> near;
            {
                long long x = at(a.x), y = at(a.y);
                const long long xe = at(b.x), ye = at(b.y);
                const double dx = b.x - a.x, dy = b.y - a.y;
                const long long sx = dx > 0 ? 1 : -1, sy = dy > 0 ? 1 : -1;
                constexpr double never = std::numeric_limits<double>::infinity();
                auto first = [&](double p, long long c, double d, long long step) {
                    if (d == 0) return never;
                    const double border = static_cast<double>(step > 0 ? c + 1 : c) * cell;
                    return (border - p) / d;
                };
                double tx = first(a.x, x, dx, sx), ty = first(a.y, y, dy, sy);
                const double step_x = dx == 0 ? never : cell / std::abs(dx);
                const double step_y = dy == 0 ? never : cell / std::abs(dy);
                while (tests <= max_tests) {
                    ++tests;
                    if (auto it = grid.find(key(x, y)); it != grid.end())
                        near.insert(near.end(), it->second.begin(), it->second.end());
                    if (x == xe && y == ye) break;
                    if ((tx < ty && x != xe) || y == ye)
                        x += sx, tx += step_x;
                    else
                        y += sy, ty += step_y;
                }
            }
            std::sort(near.begin(), near.end());
            near.erase(std::unique(near.begin(), near.end()), near.end());
            for (std::size_t k : near) {
                ++tests;
                if (reported[k]) continue;
                const Screen& step = g.screen(unlinked[k]);
                const Rect& box = step.bounds;
                if (box.x > x1 || box.right() < x0 || box.y > y1 || box.bottom() < y0) continue;
                // Under it, not from or into it: both ends of the route lie outside the step, and the step
                // is apart from both shapes (not a box drawn round them).
                if (inside(box, route.front()) || inside(box, route.back()) || overlaps(box, from.bounds) ||
                    overlaps(box, to.bounds) || !(alike(box, from.bounds) || alike(box, to.bounds)) ||
                    !runs_through(box, a, b) || !through_centre(box, a, b))
                    continue;
                reported[k] = true;
                out.push_back(Finding{
                    "step-on-arrow",
                    s.severity,
                    {step.cell_id, edge->id},
                    step.name() + " is drawn on the arrow from " + from.name() + " to " + to.name() +
                        " but is not linked: the arrow runs under it, so no path passes " + step.name() +
                        ". To put it in the flow, link " + from.name() + " to " + step.name() + " and " +
                        step.name() + " to " + to.name() + "; else move it off the arrow",
                    suggest_link(from, step),
                    {{box.x + box.width / 2, box.y + box.height / 2}}});
            }
        }
    }
    // In screen order, as every rule reports.
    std::sort(out.begin(), out.end(), [&](const Finding& a, const Finding& b) {
        return *g.find(a.cells.front()) < *g.find(b.cells.front());
    });
    return out;
}

}  // namespace jstudio::analysis::navigation
