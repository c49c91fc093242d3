#include "core/render/orth_connector.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/render/shape_geometry.hpp"

namespace jstudio::render {

using diagram::Point;
using diagram::Rect;

namespace {

// Sides as draw.io's direction masks.
constexpr int west = 1, north = 2, south = 4, east = 8;

// draw.io's route patterns: for each (source side, target side) after turning the picture so the target
// lies in the first quadrant, the moves of the route. Each move: a direction (low 4 bits: 1 west, 2 north,
// 4 east, 8 south as indices 1..4 after the turn), a side limit to reach (bits 5-8: left, top, right, bottom
// of the source or target's jetty box), "centre" (512: halfway between the shapes, or the fixed point's
// line), source (1024) or target (2048).
constexpr int left_mask = 32, side_mask = 480, centre_mask = 512, source_mask = 1024, target_mask = 2048;
const std::vector<int> patterns[4][4] = {{{513, 2308, 2081, 2562},
                                          {513, 1090, 514, 2184, 2114, 2561},
                                          {513, 1090, 514, 2564, 2184, 2562},
                                          {513, 2308, 2561, 1090, 514, 2568, 2308}},
                                         {{514, 1057, 513, 2308, 2081, 2562},
                                          {514, 2184, 2114, 2561},
                                          {514, 2184, 2562, 1057, 513, 2564, 2184},
                                          {514, 1057, 513, 2568, 2308, 2561}},
                                         {{1090, 514, 1057, 513, 2308, 2081, 2562},
                                          {2114, 2561},
                                          {1090, 2562, 1057, 513, 2564, 2184},
                                          {1090, 514, 1057, 513, 2308, 2561, 2568}},
                                         {{2081, 2562},
                                          {1057, 513, 1090, 514, 2184, 2114, 2561},
                                          {1057, 513, 1090, 514, 2184, 2562, 2564},
                                          {1057, 2561, 1090, 514, 2568, 2308}}};
constexpr double dir_vectors[7][2] = {{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 0}};

int reverse(int c) {
    int out = 0;
    if (c & west) out |= east;
    if (c & east) out |= west;
    if (c & north) out |= south;
    if (c & south) out |= north;
    return out;
}

// Where the ray from the box's centre toward `next` leaves the box (draw.io's rectangle perimeter).
Point ray(const Rect& b, Point next) {
    const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    const double dx = next.x - cx, dy = next.y - cy;
    if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9) return {cx, cy};
    const double tx = std::abs(dx) > 1e-9 ? b.width / 2 / std::abs(dx) : 1e300;
    const double ty = std::abs(dy) > 1e-9 ? b.height / 2 / std::abs(dy) : 1e300;
    const double t = std::min(tx, ty);
    return {cx + dx * t, cy + dy * t};
}

double round1(double v) {
    return std::round(v * 10) / 10;
}

}  // namespace

std::optional<std::vector<Point>> orth_connector(const OrthEnd& source, const OrthEnd& target) {
    // Each end as a box: the shape, else the loose point as a 1 px box (draw.io 25).
    auto box = [](const OrthEnd& e) -> Rect {
        if (e.bounds)
            return {round1(e.bounds->x), round1(e.bounds->y), round1(e.bounds->width),
                    round1(e.bounds->height)};
        const Point p = e.fixed.value_or(Point{});
        return {round1(p.x), round1(p.y), 1, 1};
    };
    double jetty[2] = {source.jetty, target.jetty};
    const std::optional<Point> p0 = source.fixed, pe = target.fixed;
    const double total = jetty[0] + jetty[1];
    if (p0 && pe) {
        const double dx = pe->x - p0->x, dy = pe->y - p0->y;
        if (dx * dx + dy * dy < total * total) return std::nullopt;
    }
    const Rect g[2] = {box(source), box(target)};
    if (g[0].width == 0 || g[0].height == 0 || g[1].width == 0 || g[1].height == 0)
        return std::vector<Point>{};
    int ports[2] = {source.ports & 15 ? source.ports & 15 : 15, target.ports & 15 ? target.ports & 15 : 15};

    double limits[2][9] = {};
    for (int i = 0; i < 2; ++i) {
        limits[i][1] = g[i].x - jetty[i];
        limits[i][2] = g[i].y - jetty[i];
        limits[i][4] = g[i].x + g[i].width + jetty[i];
        limits[i][8] = g[i].y + g[i].height + jetty[i];
    }
    // Which quadrant the target lies in, seen from the source: 0 | 1 above, 3 | 2 below.
    const double dx = (g[0].x + g[0].width / 2) - (g[1].x + g[1].width / 2);
    const double dy = (g[0].y + g[0].height / 2) - (g[1].y + g[1].height / 2);
    int quad = 0;
    if (dx < 0)
        quad = dy < 0 ? 2 : 1;
    else if (dy <= 0)
        quad = dx == 0 ? 2 : 3;

    // A fixed point on a side fixes the side the edge leaves (or enters) by.
    int dir[2] = {0, 0};
    double constraint[2][2] = {{0.5, 0.5}, {0.5, 0.5}};
    for (int i = 0; i < 2; ++i) {
        const OrthEnd& e = i == 0 ? source : target;
        if (!e.bounds || !e.fixed) continue;
        const Point t = *e.fixed;
        constraint[i][0] = (t.x - g[i].x) / g[i].width;
        if (std::abs(t.x - g[i].x) <= 1)
            dir[i] = west;
        else if (std::abs(t.x - g[i].x - g[i].width) <= 1)
            dir[i] = east;
        constraint[i][1] = (t.y - g[i].y) / g[i].height;
        if (std::abs(t.y - g[i].y) <= 1)
            dir[i] = north;
        else if (std::abs(t.y - g[i].y - g[i].height) <= 1)
            dir[i] = south;
    }

    const double top = g[0].y - (g[1].y + g[1].height), left = g[0].x - (g[1].x + g[1].width);
    const double bottom = g[1].y - (g[0].y + g[0].height), right = g[1].x - (g[0].x + g[0].width);
    double separation[5] = {0, std::max(left - total, 0.0), std::max(top - total, 0.0),
                            std::max(right - total, 0.0), std::max(bottom - total, 0.0)};

    int hor[2], vert[2];
    hor[0] = left >= right ? west : east;
    vert[0] = top >= bottom ? north : south;
    hor[1] = reverse(hor[0]);
    vert[1] = reverse(vert[0]);
    const double hor_dist = std::max(left, right), vert_dist = std::max(top, bottom);
    int order[2][2] = {{0, 0}, {0, 0}};
    bool set = false;
    for (int i = 0; i < 2; ++i) {
        if (dir[i] != 0) continue;
        if ((hor[i] & ports[i]) == 0) hor[i] = reverse(hor[i]);
        if ((vert[i] & ports[i]) == 0) vert[i] = reverse(vert[i]);
        order[i][0] = vert[i];
        order[i][1] = hor[i];
    }
    if (vert_dist > 0 && hor_dist > 0) {
        // Two segments may do: leave one way, arrive the other.
        if ((hor[0] & ports[0]) > 0 && (vert[1] & ports[1]) > 0) {
            order[0][0] = hor[0], order[0][1] = vert[0], order[1][0] = vert[1], order[1][1] = hor[1];
            set = true;
        } else if ((vert[0] & ports[0]) > 0 && (hor[1] & ports[1]) > 0) {
            order[0][0] = vert[0], order[0][1] = hor[0], order[1][0] = hor[1], order[1][1] = vert[1];
            set = true;
        }
    }
    if (vert_dist > 0 && !set) {
        order[0][0] = vert[0], order[0][1] = hor[0], order[1][0] = vert[1], order[1][1] = hor[1];
        set = true;
    }
    if (hor_dist > 0 && !set) {
        order[0][0] = hor[0], order[0][1] = vert[0], order[1][0] = hor[1], order[1][1] = vert[1];
        set = true;
    }
    for (int i = 0; i < 2; ++i) {
        if (dir[i] != 0) continue;
        if ((order[i][0] & ports[i]) == 0) order[i][0] = order[i][1];
        long pref = order[i][0] & ports[i];
        pref |= long(order[i][1] & ports[i]) << 8;
        pref |= long(order[1 - i][i] & ports[i]) << 16;
        pref |= long(order[1 - i][1 - i] & ports[i]) << 24;
        if ((pref & 0xF) == 0) pref <<= 8;
        if ((pref & 0xF00) == 0) pref = (pref & 0xF) | pref >> 8;
        if ((pref & 0xF0000) == 0) pref = (pref & 0xFFFF) | ((pref & 0xF000000) >> 8);
        dir[i] = int(pref & 0xF);
        if (ports[i] == west || ports[i] == north || ports[i] == east || ports[i] == south) dir[i] = ports[i];
    }
    if (dir[0] == 0 || dir[1] == 0) return std::vector<Point>{};

    int si = (dir[0] == east ? 3 : dir[0]) - quad, ti = (dir[1] == east ? 3 : dir[1]) - quad;
    if (si < 1) si += 4;
    if (ti < 1) ti += 4;
    if (si < 1 || si > 4 || ti < 1 || ti > 4) return std::vector<Point>{};
    const std::vector<int>& pattern = patterns[si - 1][ti - 1];

    std::array<Point, 12> wp{};
    wp[0] = {g[0].x, g[0].y};
    switch (dir[0]) {
        case west:
            wp[0].x -= jetty[0];
            wp[0].y += constraint[0][1] * g[0].height;
            break;
        case south:
            wp[0].x += constraint[0][0] * g[0].width;
            wp[0].y += g[0].height + jetty[0];
            break;
        case east:
            wp[0].x += g[0].width + jetty[0];
            wp[0].y += constraint[0][1] * g[0].height;
            break;
        default:  // north
            wp[0].x += constraint[0][0] * g[0].width;
            wp[0].y -= jetty[0];
            break;
    }
    auto coord = [](Point& p, int orientation) -> double& { return orientation == 0 ? p.x : p.y; };
    int index = 0;
    int last = (dir[0] & (east | west)) > 0 ? 0 : 1;
    const int initial = last;
    for (int move : pattern) {
        int di = (move & 0xF) == east ? 3 : move & 0xF;
        di += quad;
        if (di > 4) di -= 4;
        const double* v = dir_vectors[di - 1];
        const int orientation = di % 2 > 0 ? 0 : 1;
        if (orientation != last) {
            if (index + 1 >= int(wp.size())) break;
            ++index;
            wp[index] = wp[index - 1];
        }
        const bool tar = (move & target_mask) > 0, sou = (move & source_mask) > 0;
        int side = ((move & side_mask) >> 5) << quad;
        if (side > 0xF) side >>= 4;
        const bool centre = (move & centre_mask) > 0;
        if ((sou || tar) && side < 9) {
            const int k = sou ? 0 : 1;
            double limit;
            if (centre && orientation == 0)
                limit = g[k].x + constraint[k][0] * g[k].width;
            else if (centre)
                limit = g[k].y + constraint[k][1] * g[k].height;
            else
                limit = limits[k][side];
            double& c = coord(wp[index], orientation);
            const double delta = (limit - c) * v[orientation];
            if (delta > 0) c += v[orientation] * delta;
        } else if (centre) {
            wp[index].x += v[0] * std::abs(separation[di] / 2);
            wp[index].y += v[1] * std::abs(separation[di] / 2);
        }
        if (index > 0 && coord(wp[index], orientation) == coord(wp[index - 1], orientation))
            --index;
        else
            last = orientation;
    }
    (void)left_mask;
    std::vector<Point> out;
    for (int i = 0; i <= index; ++i) {
        if (i == index) {
            // The last point only when the number of bends fits the two ends' orientations.
            const int target_orientation = (dir[1] & (east | west)) > 0 ? 0 : 1;
            const int same = target_orientation == initial ? 0 : 1;
            if (same != (index + 1) % 2) break;
        }
        const Point p{round1(wp[i].x), round1(wp[i].y)};
        if (out.empty() || out.back().x != p.x || out.back().y != p.y) out.push_back(p);
    }
    return out;
}

std::vector<Point> segment_connector(const OrthEnd& source, const OrthEnd& target, std::vector<Point> hints) {
    constexpr double tol = 1;
    auto contains = [](const Rect& r, Point p) {
        return p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom();
    };
    auto centre = [](const Rect& r) { return Point{r.x + r.width / 2, r.y + r.height / 2}; };
    const std::optional<Point> p0 = source.fixed, pe = target.fixed;
    const std::optional<Rect> sb = source.bounds, tb = target.bounds;
    std::vector<Point> result;
    auto push = [&](Point p) {
        p = {round1(p.x), round1(p.y)};
        if (result.empty() || std::abs(result.back().x - p.x) >= tol || std::abs(result.back().y - p.y) >= 1)
            result.push_back(p);
    };
    std::optional<Point> pt = p0 ? p0 : sb ? std::optional(centre(*sb)) : std::nullopt;
    bool horizontal = true;
    std::optional<Point> hint;
    if (!hints.empty()) {
        if (pt) {
            if (std::abs(hints.front().x - pt->x) < tol) hints.front().x = pt->x;
            if (std::abs(hints.front().y - pt->y) < tol) hints.front().y = pt->y;
        }
        if (pe) {
            if (std::abs(hints.back().x - pe->x) < tol) hints.back().x = pe->x;
            if (std::abs(hints.back().y - pe->y) < tol) hints.back().y = pe->y;
        }
        hint = hints.front();
        // Which way the first segment runs: lined up with a fixed end, or inside the shape's span (a
        // channel), looked at from the source, then from the target.
        const Rect* term = !p0 && sb ? &*sb : nullptr;
        std::optional<Point> fixed = p0;
        Point current = hints.front();
        for (int i = 0; i < 2; ++i) {
            const bool fixed_vert = fixed && fixed->x == current.x,
                       fixed_hoz = fixed && fixed->y == current.y;
            const bool in_hoz = term && current.y >= term->y && current.y <= term->bottom();
            const bool in_vert = term && current.x >= term->x && current.x <= term->right();
            const bool hoz = fixed_hoz || (!fixed && in_hoz), vert = fixed_vert || (!fixed && in_vert);
            if (!(i == 0 && ((hoz && vert) || (fixed_vert && fixed_hoz)))) {
                if (fixed && !fixed_hoz && !fixed_vert && (in_hoz || in_vert)) {
                    horizontal = !in_hoz;
                    break;
                }
                if (vert || hoz) {
                    horizontal = hoz;
                    if (i == 1) horizontal = hints.size() % 2 == 0 ? hoz : vert;
                    break;
                }
            }
            term = !pe && tb ? &*tb : nullptr;
            fixed = pe;
            current = hints.back();
            if (fixed_vert && fixed_hoz) hints.erase(hints.begin());
            if (hints.empty()) break;
        }
        if (pt) {
            if (horizontal &&
                ((p0 && p0->y != hint->y) || (!p0 && sb && (hint->y < sb->y || hint->y > sb->bottom()))))
                push({pt->x, hint->y});
            else if (!horizontal &&
                     ((p0 && p0->x != hint->x) || (!p0 && sb && (hint->x < sb->x || hint->x > sb->right()))))
                push({hint->x, pt->y});
            if (horizontal)
                pt->y = hint->y;
            else
                pt->x = hint->x;
            for (const Point& h : hints) {
                horizontal = !horizontal;
                hint = h;
                if (horizontal)
                    pt->y = h.y;
                else
                    pt->x = h.x;
                push(*pt);
            }
        }
    } else {
        hint = pt;
        horizontal = true;
    }
    // The last point.
    std::optional<Point> last = pe ? pe : tb ? std::optional(centre(*tb)) : std::nullopt;
    if (last && hint) {
        if (horizontal &&
            ((pe && pe->y != hint->y) || (!pe && tb && (hint->y < tb->y || hint->y > tb->bottom()))))
            push({last->x, hint->y});
        else if (!horizontal &&
                 ((pe && pe->x != hint->x) || (!pe && tb && (hint->x < tb->x || hint->x > tb->right()))))
            push({hint->x, last->y});
    }
    // Bends inside a floating end's shape go (as draw.io, from the second point on at the source).
    if (!p0 && sb)
        while (result.size() > 1 && contains(*sb, result[1])) result.erase(result.begin() + 1);
    if (!pe && tb)
        while (result.size() > 1 && contains(*tb, result.back())) result.pop_back();
    if (pe && !result.empty() && std::abs(pe->x - result.back().x) <= tol &&
        std::abs(pe->y - result.back().y) <= tol) {
        result.pop_back();
        if (!result.empty()) {
            if (std::abs(result.back().x - pe->x) < tol) result.back().x = pe->x;
            if (std::abs(result.back().y - pe->y) < tol) result.back().y = pe->y;
        }
    }
    return result;
}

Point orthogonal_perimeter_point(const std::string& shape, const Rect& b, Point next) {
    const double cx = b.x + b.width / 2, cy = b.y + b.height / 2, hw = b.width / 2, hh = b.height / 2;
    if (shape == "center" || shape.rfind("lifeline:", 0) == 0) return perimeter_point(shape, b, next);
    if (shape == "ellipse" || shape == "doubleEllipse") {
        if (next.y >= b.y && next.y <= b.bottom() && hh > 0) {
            const double ty = next.y - cy;
            double tx = std::sqrt(std::max(0.0, hw * hw * (1 - ty * ty / (hh * hh))));
            if (next.x <= b.x) tx = -tx;
            return {cx + tx, next.y};
        }
        if (next.x >= b.x && next.x <= b.right() && hw > 0) {
            const double tx = next.x - cx;
            double ty = std::sqrt(std::max(0.0, hh * hh * (1 - tx * tx / (hw * hw))));
            if (next.y <= b.y) ty = -ty;
            return {next.x, cy + ty};
        }
    } else if (shape == "rhombus") {
        if (next.x >= b.x && next.x <= b.right() && hw > 0) {
            const double off = hh * (1 - std::abs(next.x - cx) / hw);
            return {next.x, next.y < cy ? cy - off : cy + off};
        }
        if (next.y >= b.y && next.y <= b.bottom() && hh > 0) {
            const double off = hw * (1 - std::abs(next.y - cy) / hh);
            return {next.x < cx ? cx - off : cx + off, next.y};
        }
    } else {
        // The ray from the centre, then straight across where the next point lies over the shape.
        Point p = ray(b, next);
        if (next.x >= b.x && next.x <= b.right())
            p.x = next.x;
        else if (next.y >= b.y && next.y <= b.bottom())
            p.y = next.y;
        if (next.x < b.x)
            p.x = b.x;
        else if (next.x > b.right())
            p.x = b.right();
        if (next.y < b.y)
            p.y = b.y;
        else if (next.y > b.bottom())
            p.y = b.bottom();
        return p;
    }
    return perimeter_point(shape, b, next);
}

}  // namespace jstudio::render
