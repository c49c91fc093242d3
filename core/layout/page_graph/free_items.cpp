#include "core/layout/page_graph/free_items.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/page_index.hpp"
#include "core/layout/page_graph/layout_quality.hpp"
#include "core/layout/route_position.hpp"

namespace jstudio::layout {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::Point;
using diagram::Rect;
using page::Role;

constexpr double gap = 20;

std::optional<Rect> union_of(const diagram::PageIndex& index, const std::vector<std::string>& ids) {
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& id : ids)
        if (auto b = index.absolute_bounds(id))
            x0 = std::min(x0, b->x), y0 = std::min(y0, b->y), x1 = std::max(x1, b->right()),
            y1 = std::max(y1, b->bottom());
    if (!std::isfinite(x0)) return std::nullopt;
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

double length_of(const std::vector<Point>& route) {
    double total = 0;
    for (std::size_t i = 1; i < route.size(); ++i)
        total += std::hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
    return total;
}

Point point_at(const std::vector<Point>& route, double along) {
    const double want = along * length_of(route);
    double run = 0;
    for (std::size_t i = 1; i < route.size(); ++i) {
        const double length = std::hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
        if (run + length >= want && length > 0) {
            const double t = (want - run) / length;
            return {route[i - 1].x + (route[i].x - route[i - 1].x) * t,
                    route[i - 1].y + (route[i].y - route[i - 1].y) * t};
        }
        run += length;
    }
    return route.back();
}

std::optional<Rect> route_box(const std::vector<Point>& route) {
    if (route.size() < 2) return std::nullopt;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& p : route)
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    return Rect{x0, y0, std::max(x1 - x0, 1.0), std::max(y1 - y0, 1.0)};
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// Where one coordinate of an item goes when the drawing's span [lo, hi] became [nlo, nhi].
double follow(double a, double b, double lo, double hi, double nlo, double nhi) {
    if (b <= lo) return nlo - (lo - a);
    if (a >= hi) return nhi + (a - hi);
    const double centre = (a + b) / 2, t = hi > lo ? (centre - lo) / (hi - lo) : 0.5;
    return nlo + t * (nhi - nlo) - (b - a) / 2;
}

}  // namespace

FreeItems take_free_items(const page::PageReading& reading) {
    const auto& page = reading.page();
    const auto& index = reading.index();
    FreeItems out;
    // A legend's sample arrows glued to its swatches: they go with the legend's box, if they lie in one.
    std::unordered_set<std::string> sample_arrows;
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Cell& c = page.cells[i];
        const bool loose = c.source.empty() && c.target.empty();
        if (c.kind == CellKind::edge && (loose || reading.role(i) == Role::legend)) {
            const Cell* parent = index.parent_of(c.id);
            if (!parent || parent->kind != CellKind::layer) continue;
            if (auto box = route_box(edge_route(index, c))) out.items.push_back({c.id, *box, true, {}});
            if (!loose) sample_arrows.insert(c.id);
            continue;
        }
        if (c.kind != CellKind::vertex || !reading.bounds(i)) continue;
        const Cell* parent = index.parent_of(c.id);
        const bool top = parent && parent->kind == CellKind::layer;
        const Role role = reading.role(i);
        if (role == Role::decoration) {
            const std::uint32_t host = reading.host(i);
            if (host == page::PageReading::none || page.cells[host].kind != CellKind::edge) continue;
            const auto route = edge_route(index, page.cells[host]);
            if (route.size() < 2 || length_of(route) <= 0) continue;
            const Rect b = *reading.bounds(i);
            const Point centre{b.x + b.width / 2, b.y + b.height / 2};
            const RoutePosition nearest = nearest_on_route(route, centre);
            const double along = nearest.fraction();
            const Point at = nearest.point;
            out.edge_labels.push_back({c.id, page.cells[host].id, along, {centre.x - at.x, centre.y - at.y}});
            continue;
        }
        if (!top) continue;
        if (role == Role::title || role == Role::legend || role == Role::note)
            out.items.push_back({c.id, *reading.bounds(i), false, {}});
        else if (role == Role::node || role == Role::container || role == Role::group ||
                 role == Role::swimlane || role == Role::pool || page::is_journey_card(role))
            out.content.push_back(c.id);
    }
    // Items inside another item's box go with the smallest such box: placed one by one, a legend's box, its
    // labels and its swatches were scattered, and the next reading found no legend there.
    for (auto& item : out.items) {
        double best = INFINITY;
        for (const auto& other : out.items) {
            const Rect& o = other.before;
            if (&other == &item || other.arrow ||
                o.width * o.height <= item.before.width * item.before.height)
                continue;
            const Rect& b = item.before;
            if (b.x >= o.x && b.y >= o.y && b.right() <= o.right() && b.bottom() <= o.bottom() &&
                o.width * o.height < best)
                best = o.width * o.height, item.frame = other.id;
        }
    }
    out.items.erase(std::remove_if(out.items.begin(), out.items.end(),
                                   [&](const FreeItems::Item& item) {
                                       return item.frame.empty() && sample_arrows.count(item.id);
                                   }),
                    out.items.end());
    out.content_before = union_of(index, out.content);
    return out;
}

void place_free_items(diagram::Page& page, const FreeItems& free) {
    diagram::PageIndex index(page);
    std::vector<std::pair<std::size_t, Point>> moves;  // cell position, new top-left in page coordinates
    std::vector<std::pair<std::size_t, Point>> arrow_moves;  // arrow position, shift
    // Free text by an arrow: the same place along the arrow's new route.
    for (const auto& label : free.edge_labels) {
        const Cell* edge = index.find(label.edge);
        const auto at = index.position(label.id);
        const auto b = index.absolute_bounds(label.id);
        if (!edge || !at || !b) continue;
        const auto route = edge_route(index, *edge);
        if (route.size() < 2) continue;
        const Point p = point_at(route, label.along);
        moves.push_back({*at, {p.x + label.offset.x - b->width / 2, p.y + label.offset.y - b->height / 2}});
    }
    const auto now = union_of(index, free.content);
    if (free.content_before && now) {
        const Rect& was = *free.content_before;
        std::vector<Rect> boxes;  // every laid-out shape, to keep clear of
        for (std::size_t i = 0; i < page.cells.size(); ++i) {
            const Cell& c = page.cells[i];
            if (c.kind != CellKind::vertex) continue;
            const bool content =
                std::find(free.content.begin(), free.content.end(), c.id) != free.content.end();
            if (content)
                if (auto b = index.absolute_bounds_at(i)) boxes.push_back(*b);
        }
        std::vector<Rect> placed;
        std::unordered_map<std::string, Point> shift_of;  // a frame's move, for what is drawn in it
        // Frames before what they hold, outer before inner (an item's frame has a larger box).
        std::vector<const FreeItems::Item*> order;
        for (const auto& item : free.items) order.push_back(&item);
        std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
            return a->before.width * a->before.height > b->before.width * b->before.height;
        });
        for (const auto* it : order) {
            const auto& item = *it;
            const auto at = index.position(item.id);
            if (!at) continue;
            const Rect r = item.before;
            if (!item.frame.empty()) {
                const auto s = shift_of.find(item.frame);
                const Point d = s == shift_of.end() ? Point{0, 0} : s->second;
                shift_of[item.id] = d;
                if (d.x == 0 && d.y == 0) continue;
                if (item.arrow)
                    arrow_moves.push_back({*at, d});
                else
                    moves.push_back({*at, {r.x + d.x, r.y + d.y}});
                continue;
            }
            if (item.arrow) {  // laid out with a node it touched: not ours to move
                const auto box = route_box(edge_route(index, page.cells[*at]));
                if (!box || std::abs(box->x - r.x) > 0.5 || std::abs(box->y - r.y) > 0.5) continue;
            }
            auto blocked = [&](const Rect& q) {
                for (const auto& b : boxes)
                    if (overlaps(q, b)) return true;
                for (const auto& b : placed)
                    if (overlaps(q, b)) return true;
                return false;
            };
            // Where it is, when nothing came to lie under it; else its place relative to the drawing.
            if (!blocked(r)) {
                placed.push_back(r);
                shift_of[item.id] = {0, 0};
                continue;
            }
            Rect next{follow(r.x, r.right(), was.x, was.right(), now->x, now->right()),
                      follow(r.y, r.bottom(), was.y, was.bottom(), now->y, now->bottom()), r.width, r.height};
            if (blocked(next)) {
                // Out to the nearest side of the drawing, then along it until free.
                const Point c{next.x + next.width / 2, next.y + next.height / 2};
                const double d[4] = {c.x - now->x, now->right() - c.x, c.y - now->y, now->bottom() - c.y};
                const int side = static_cast<int>(std::min_element(d, d + 4) - d);
                Rect out = next;
                if (side == 0) out.x = now->x - gap - r.width;
                if (side == 1) out.x = now->right() + gap;
                if (side == 2) out.y = now->y - gap - r.height;
                if (side == 3) out.y = now->bottom() + gap;
                for (int step = 0; step < 200 && blocked(out); ++step) (side < 2 ? out.y : out.x) += gap;
                next = out;
            }
            placed.push_back(next);
            shift_of[item.id] = {next.x - r.x, next.y - r.y};
            if (item.arrow)
                arrow_moves.push_back({*at, {next.x - r.x, next.y - r.y}});
            else
                moves.push_back({*at, {next.x, next.y}});
        }
    }
    for (const auto& [at, d] : arrow_moves) {
        auto& g = page.cells[at].geometry;
        if (!g) continue;
        const Point delta = d;  // clang before 16 cannot capture a structured binding
        auto shift = [&delta](Point& p) { p.x += delta.x, p.y += delta.y; };
        if (g->source_point) shift(*g->source_point);
        if (g->target_point) shift(*g->target_point);
        for (auto& p : g->waypoints) shift(p);
    }
    for (const auto& [at, p] : moves) {
        Cell& c = page.cells[at];
        if (!c.geometry) continue;
        const Point frame = index.frame_origin(c.id);
        c.geometry->bounds.x = p.x - frame.x;
        c.geometry->bounds.y = p.y - frame.y;
    }
}

}  // namespace jstudio::layout
