#include "core/layout/journey_router.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <tuple>

namespace jstudio::layout {

using diagram::Point;
using diagram::Rect;

namespace {

constexpr double eps = 1e-6;
constexpr double bend_cost = 30;
constexpr double shared_cost = 40;       // per stretch run along an earlier route
constexpr double shared_factor = 2;      // and per pixel of it
constexpr double hugging_factor = 0.15;  // extra per pixel on a line that hugs a box

// headings: 0 +x, 1 -x, 2 +y, 3 -y
constexpr int dx_of[4] = {1, -1, 0, 0};
constexpr int dy_of[4] = {0, 0, 1, -1};
constexpr int opposite[4] = {1, 0, 3, 2};

struct Coords {
    std::vector<double> v;
    std::vector<char> hug;
    void add(double x, bool h) {
        v.push_back(x);
        hug.push_back(h ? 1 : 0);
    }
    void finish() {
        std::vector<std::size_t> order(v.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](auto a, auto b) { return v[a] < v[b] || (v[a] == v[b] && hug[a] < hug[b]); });
        std::vector<double> nv;
        std::vector<char> nh;
        for (auto i : order) {
            if (!nv.empty() && std::abs(nv.back() - v[i]) < 0.01) {
                nh.back() = static_cast<char>(nh.back() && hug[i]);  // a middle line wins
                continue;
            }
            nv.push_back(v[i]);
            nh.push_back(hug[i]);
        }
        v = std::move(nv);
        hug = std::move(nh);
    }
    std::size_t find(double x) const {
        auto it = std::lower_bound(v.begin(), v.end(), x - 0.01);
        return static_cast<std::size_t>(it - v.begin());
    }
    // Indices of coordinates strictly inside (lo, hi).
    std::pair<std::size_t, std::size_t> inside(double lo, double hi) const {
        auto a = std::upper_bound(v.begin(), v.end(), lo + eps);
        auto b = std::lower_bound(v.begin(), v.end(), hi - eps);
        return {static_cast<std::size_t>(a - v.begin()), static_cast<std::size_t>(b - v.begin())};
    }
};

struct Port {
    Point on_border, stub;
    int heading;  // leaving the source: outward; entering the target: inward
};

std::vector<Port> ports(const Rect& r, double f, double c, unsigned sides, bool leaving) {
    std::vector<Port> out;
    auto add = [&](Point border, Point stub, int outward) {
        out.push_back({border, stub, leaving ? outward : opposite[outward]});
    };
    const double px = r.x + f * r.width, py = r.y + f * r.height;
    if (sides & BoxRouter::right) add({r.right(), py}, {r.right() + c, py}, 0);
    if (sides & BoxRouter::left) add({r.x, py}, {r.x - c, py}, 1);
    if (sides & BoxRouter::bottom) add({px, r.bottom()}, {px, r.bottom() + c}, 2);
    if (sides & BoxRouter::top) add({px, r.y}, {px, r.y - c}, 3);
    return out;
}

}  // namespace

BoxRouter::BoxRouter(Rect area, std::vector<Rect> boxes, double clearance)
    : m_area(area), m_boxes(std::move(boxes)), m_clearance(clearance) {}

void BoxRouter::forget_last() {
    if (!m_routes.empty()) m_routes.pop_back();
}

std::vector<Point> BoxRouter::route(std::size_t from, std::size_t to, double from_fraction,
                                    double to_fraction, unsigned from_sides, unsigned to_sides) {
    const double c = m_clearance;
    const Rect& s = m_boxes[from];
    const Rect& t = m_boxes[to];
    // Ports an earlier route took are left out while another remains.
    auto free_ports = [&](std::vector<Port> list) {
        std::vector<Port> out;
        for (const Port& p : list) {
            bool taken = false;
            for (const auto& r : m_routes)
                for (const Point& end : {r.front(), r.back()})
                    taken = taken ||
                            (std::abs(end.x - p.on_border.x) < 0.5 && std::abs(end.y - p.on_border.y) < 0.5);
            if (!taken) out.push_back(p);
        }
        return out.empty() ? list : out;
    };
    const auto starts = free_ports(ports(s, from_fraction, c, from_sides, true));
    const auto goals = free_ports(ports(t, to_fraction, c, to_sides, false));

    Coords xs, ys;
    xs.add(m_area.x, false), xs.add(m_area.right(), false);
    ys.add(m_area.y, false), ys.add(m_area.bottom(), false);
    std::vector<double> raw_x, raw_y;
    for (const Rect& b : m_boxes) {
        xs.add(b.x - c, true), xs.add(b.right() + c, true);
        ys.add(b.y - c, true), ys.add(b.bottom() + c, true);
        raw_x.push_back(b.x), raw_x.push_back(b.right());
        raw_y.push_back(b.y), raw_y.push_back(b.bottom());
    }
    for (auto* raw : {&raw_x, &raw_y}) {
        std::sort(raw->begin(), raw->end());
        for (std::size_t i = 1; i < raw->size(); ++i)
            if ((*raw)[i] - (*raw)[i - 1] > 2 * c + 1)
                (raw == &raw_x ? xs : ys).add(((*raw)[i] + (*raw)[i - 1]) / 2, false);
    }
    for (double x : m_extra_x) xs.add(x, false);
    for (double y : m_extra_y) ys.add(y, false);
    for (const auto* list : {&starts, &goals})
        for (const Port& p : *list) xs.add(p.stub.x, false), ys.add(p.stub.y, false);
    xs.finish();
    ys.finish();
    const std::size_t nx = xs.v.size(), ny = ys.v.size(), n = nx * ny;
    auto id = [&](std::size_t i, std::size_t j) { return j * nx + i; };

    // Blocked points, and blocked unit stretches to the right (h) and downward (v) of each point.
    std::vector<char> blocked(n, 0), h_blocked(n, 0), v_blocked(n, 0), h_shared(n, 0), v_shared(n, 0);
    for (const Rect& b : m_boxes) {
        const double x0 = b.x - c, x1 = b.right() + c, y0 = b.y - c, y1 = b.bottom() + c;
        const auto [i0, i1] = xs.inside(x0, x1);
        const auto [j0, j1] = ys.inside(y0, y1);
        for (std::size_t j = j0; j < j1; ++j)
            for (std::size_t i = i0; i < i1; ++i) blocked[id(i, j)] = 1;
        // Stretches between two points on or inside the box's lines.
        const std::size_t ia = xs.find(x0), ib = xs.find(x1), ja = ys.find(y0), jb = ys.find(y1);
        for (std::size_t j = j0; j < j1; ++j)
            for (std::size_t i = ia; i < ib && i + 1 < nx; ++i) h_blocked[id(i, j)] = 1;
        for (std::size_t i = i0; i < i1; ++i)
            for (std::size_t j = ja; j < jb && j + 1 < ny; ++j) v_blocked[id(i, j)] = 1;
    }
    for (const auto& r : m_routes)
        for (std::size_t k = 1; k < r.size(); ++k) {
            const Point a = r[k - 1], b = r[k];
            if (std::abs(a.y - b.y) < 0.01) {
                const std::size_t j = ys.find(a.y);
                if (j >= ny || std::abs(ys.v[j] - a.y) > 0.01) continue;
                const std::size_t i0 = xs.find(std::min(a.x, b.x)), i1 = xs.find(std::max(a.x, b.x));
                for (std::size_t i = i0; i < i1 && i + 1 < nx; ++i) h_shared[id(i, j)] = 1;
            } else if (std::abs(a.x - b.x) < 0.01) {
                const std::size_t i = xs.find(a.x);
                if (i >= nx || std::abs(xs.v[i] - a.x) > 0.01) continue;
                const std::size_t j0 = ys.find(std::min(a.y, b.y)), j1 = ys.find(std::max(a.y, b.y));
                for (std::size_t j = j0; j < j1 && j + 1 < ny; ++j) v_shared[id(i, j)] = 1;
            }
        }

    // Dijkstra over (point, heading).
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> dist(n * 4, inf);
    std::vector<std::uint32_t> prev(n * 4, UINT32_MAX);
    using Item = std::tuple<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    auto node_of = [&](Point p) -> std::optional<std::size_t> {
        const std::size_t i = xs.find(p.x), j = ys.find(p.y);
        if (i >= nx || j >= ny || std::abs(xs.v[i] - p.x) > 0.01 || std::abs(ys.v[j] - p.y) > 0.01)
            return std::nullopt;
        return id(i, j);
    };
    for (const Port& p : starts) {
        auto node = node_of(p.stub);
        if (!node || blocked[*node]) continue;
        const std::uint32_t state =
            static_cast<std::uint32_t>(*node * 4 + static_cast<std::size_t>(p.heading));
        if (c < dist[state]) {
            dist[state] = c;
            queue.push({c, state});
        }
    }
    // Goal states: a target stub reached with the inward heading (or turning into it).
    std::vector<int> goal_heading(n, -1);
    std::vector<std::size_t> goal_port(n, 0);
    for (std::size_t g = 0; g < goals.size(); ++g)
        if (auto node = node_of(goals[g].stub); node && !blocked[*node]) {
            goal_heading[*node] = goals[g].heading;
            goal_port[*node] = g;
        }
    double best = inf;
    std::uint32_t best_state = UINT32_MAX;
    while (!queue.empty()) {
        const auto [d, state] = queue.top();
        queue.pop();
        if (d > dist[state] || d >= best) continue;
        const std::size_t node = state / 4;
        const int heading = static_cast<int>(state % 4);
        if (goal_heading[node] >= 0 && heading != opposite[goal_heading[node]]) {
            const double total = d + c + (heading == goal_heading[node] ? 0 : bend_cost);
            if (total < best) best = total, best_state = state;
        }
        const std::size_t i = node % nx, j = node / nx;
        for (int h = 0; h < 4; ++h) {
            if (h == opposite[heading]) continue;
            const long ni = static_cast<long>(i) + dx_of[h], nj = static_cast<long>(j) + dy_of[h];
            if (ni < 0 || nj < 0 || ni >= static_cast<long>(nx) || nj >= static_cast<long>(ny)) continue;
            const std::size_t next = id(static_cast<std::size_t>(ni), static_cast<std::size_t>(nj));
            if (blocked[next]) continue;
            const bool horizontal = h < 2;
            const std::size_t low = horizontal ? id(std::min(i, static_cast<std::size_t>(ni)), j)
                                               : id(i, std::min(j, static_cast<std::size_t>(nj)));
            if (horizontal ? h_blocked[low] : v_blocked[low]) continue;
            const double length = horizontal ? std::abs(xs.v[static_cast<std::size_t>(ni)] - xs.v[i])
                                             : std::abs(ys.v[static_cast<std::size_t>(nj)] - ys.v[j]);
            const bool hug = horizontal ? ys.hug[j] : xs.hug[i];
            double cost = length * (1 + (hug ? hugging_factor : 0));
            if (horizontal ? h_shared[low] : v_shared[low]) cost += shared_cost + shared_factor * length;
            if (h != heading) cost += bend_cost;
            const std::uint32_t ns = static_cast<std::uint32_t>(next * 4 + static_cast<std::size_t>(h));
            if (d + cost < dist[ns]) {
                dist[ns] = d + cost;
                prev[ns] = state;
                queue.push({d + cost, ns});
            }
        }
    }
    if (best_state == UINT32_MAX) return {};
    std::vector<Point> back;
    const Port& goal = goals[goal_port[best_state / 4]];
    back.push_back(goal.on_border);
    std::uint32_t state = best_state, first = best_state;
    for (; state != UINT32_MAX; state = prev[state]) {
        const std::size_t node = state / 4;
        back.push_back({xs.v[node % nx], ys.v[node / nx]});
        first = state;
    }
    // The start port whose stub and heading began the path.
    const std::size_t start_node = first / 4;
    const int start_heading = static_cast<int>(first % 4);
    for (const Port& p : starts)
        if (p.heading == start_heading && node_of(p.stub) == start_node) {
            back.push_back(p.on_border);
            break;
        }
    std::reverse(back.begin(), back.end());
    auto out = simplify_route(std::move(back));
    m_routes.push_back(out);
    return out;
}

std::vector<Point> simplify_route(std::vector<Point> route) {
    std::vector<Point> out;
    for (const Point& p : route) {
        if (!out.empty() && std::abs(out.back().x - p.x) < 0.01 && std::abs(out.back().y - p.y) < 0.01)
            continue;
        if (out.size() >= 2) {
            const Point a = out[out.size() - 2], b = out.back();
            const bool same_x = std::abs(a.x - b.x) < 0.01 && std::abs(b.x - p.x) < 0.01;
            const bool same_y = std::abs(a.y - b.y) < 0.01 && std::abs(b.y - p.y) < 0.01;
            if (same_x || same_y) {
                out.back() = p;
                continue;
            }
        }
        out.push_back(p);
    }
    return out;
}

bool segment_enters(Point a, Point b, const Rect& r, double inset) {
    const double x0 = r.x + inset, x1 = r.right() - inset, y0 = r.y + inset, y1 = r.bottom() - inset;
    if (x0 >= x1 || y0 >= y1) return false;
    // Liang-Barsky clip of the segment against the open box.
    double t0 = 0, t1 = 1;
    const double dx = b.x - a.x, dy = b.y - a.y;
    auto clip = [&](double p, double q) {
        if (std::abs(p) < 1e-12) return q > 0;
        const double t = q / p;
        if (p < 0) {
            if (t > t1) return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0) return false;
            t1 = std::min(t1, t);
        }
        return true;
    };
    if (!clip(-dx, a.x - x0) || !clip(dx, x1 - a.x) || !clip(-dy, a.y - y0) || !clip(dy, y1 - a.y))
        return false;
    return t1 - t0 > 1e-9;
}

}  // namespace jstudio::layout
