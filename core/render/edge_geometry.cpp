#include "core/render/edge_geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/render/default_style.hpp"
#include "core/render/orth_connector.hpp"
#include "core/render/shape_geometry.hpp"

namespace jstudio::render {

namespace {

Point centre(const Terminal& t) {
    if (!t.bounds) return t.point;
    return {t.bounds->x + t.bounds->width / 2, t.bounds->y + t.bounds->height / 2};
}

// A fixed connection point from exitX/exitY (or entryX/entryY), with its dx/dy shift.
std::optional<Point> constraint_point(const diagram::Style& style, const Terminal& t, const char* prefix) {
    if (!t.bounds) return std::nullopt;
    std::string px = std::string(prefix) + "X", py = std::string(prefix) + "Y";
    if (!style.get(px) || !style.get(py)) return std::nullopt;
    const Rect& b = *t.bounds;
    return Point{b.x + style.number(px, 0.5) * b.width + style.number(std::string(prefix) + "Dx", 0),
                 b.y + style.number(py, 0.5) * b.height + style.number(std::string(prefix) + "Dy", 0)};
}

struct End {
    Point p;
    bool horizontal = true;  // the segment touching this end is horizontal
};

void dedupe(std::vector<Point>& pts) {
    std::vector<Point> out;
    for (const auto& p : pts)
        if (out.empty() || std::abs(out.back().x - p.x) > 1e-6 || std::abs(out.back().y - p.y) > 1e-6)
            out.push_back(p);
    // Drop middle points of collinear runs.
    std::vector<Point> clean;
    for (const auto& p : out) {
        while (clean.size() >= 2) {
            const Point& a = clean[clean.size() - 2];
            const Point& b = clean.back();
            double cross = (b.x - a.x) * (p.y - b.y) - (b.y - a.y) * (p.x - b.x);
            double dot = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y);
            if (std::abs(cross) < 1e-6 && dot >= 0)
                clean.pop_back();
            else
                break;
        }
        clean.push_back(p);
    }
    pts = std::move(clean);
}

// Joins a to b with horizontal/vertical segments, leaving a and arriving at b in the given directions.
void connect_orthogonal(std::vector<Point>& pts, const End& a, const End& b) {
    pts.push_back(a.p);
    if (a.horizontal && b.horizontal) {
        double mx = (a.p.x + b.p.x) / 2;
        pts.push_back({mx, a.p.y});
        pts.push_back({mx, b.p.y});
    } else if (!a.horizontal && !b.horizontal) {
        double my = (a.p.y + b.p.y) / 2;
        pts.push_back({a.p.x, my});
        pts.push_back({b.p.x, my});
    } else if (a.horizontal) {
        pts.push_back({b.p.x, a.p.y});
    } else {
        pts.push_back({a.p.x, b.p.y});
    }
    pts.push_back(b.p);
}

// The side-centre of `t` facing `other`, for orthogonal routes without constraints.
End facing_end(const Terminal& t, Point other, bool prefer_horizontal) {
    if (!t.bounds) return {t.point, prefer_horizontal};
    const Rect& b = *t.bounds;
    Point c{b.x + b.width / 2, b.y + b.height / 2};
    if (prefer_horizontal) return {{other.x >= c.x ? b.right() : b.x, c.y}, true};
    return {{c.x, other.y >= c.y ? b.bottom() : b.y}, false};
}

// draw.io's jetty: how far an orthogonal edge runs straight out of a shape before it turns (sourceJettySize,
// targetJettySize, jettySize; 10 by default; "auto": room for the arrow).
double jetty_size(const diagram::Style& style, bool source) {
    const char* key = source ? "sourceJettySize" : "targetJettySize";
    const std::string v = style.get_or(key, style.get_or("jettySize", "10"));
    if (v == "auto") {
        if (style.get_or(source ? "startArrow" : "endArrow", source ? "none" : "classic") == "none")
            return 20;
        const double size = style.number(source ? "startSize" : "endSize", 6);
        return std::max(2.0, std::ceil((size + 10) / 10)) * 10;
    }
    return style.get(key) ? style.number(key, 10) : style.number("jettySize", 10);
}

std::vector<Point> orthogonal_route(const diagram::Style& style, const Terminal& s, const Terminal& t,
                                    const std::vector<Point>& waypoints, bool elbow) {
    auto sc = constraint_point(style, s, "exit");
    // A terminal that edges meet at its centre (centerPerimeter: draw.io's waypoints) is a fixed point there.
    if (!sc && s.bounds && s.shape == "center") sc = centre(s);
    auto tc = constraint_point(style, t, "entry");
    if (!tc && t.bounds && t.shape == "center") tc = centre(t);
    Point s_mid = centre(s), t_mid = centre(t);
    std::vector<Point> pts;
    if (elbow) {
        bool vertical = style.get_or("elbow", "horizontal") == "vertical";
        Point via =
            waypoints.empty() ? Point{(s_mid.x + t_mid.x) / 2, (s_mid.y + t_mid.y) / 2} : waypoints.front();
        End a = sc ? End{*sc, s.bounds ? side_of(*s.bounds, *sc) % 2 == 1 : !vertical}
                   : facing_end(s, vertical ? Point{s_mid.x, via.y} : Point{via.x, s_mid.y}, !vertical);
        End b = tc ? End{*tc, t.bounds ? side_of(*t.bounds, *tc) % 2 == 1 : !vertical}
                   : facing_end(t, vertical ? Point{t_mid.x, via.y} : Point{via.x, t_mid.y}, !vertical);
        pts.push_back(a.p);
        if (!vertical) {
            pts.push_back({via.x, a.p.y});
            pts.push_back({via.x, b.p.y});
        } else {
            pts.push_back({a.p.x, via.y});
            pts.push_back({b.p.x, via.y});
        }
        pts.push_back(b.p);
        dedupe(pts);
        return pts;
    }
    // The ends as draw.io's routers see them: a fixed connection point, a loose end's point, or the shape.
    OrthEnd from{s.bounds,
                 sc         ? sc
                 : s.bounds ? std::nullopt
                            : std::optional(s.point),
                 jetty_size(style, true)};
    OrthEnd to{t.bounds,
               tc         ? tc
               : t.bounds ? std::nullopt
                          : std::optional(t.point),
               jetty_size(style, false)};
    // The route through draw.io's bends, its ends where the outline meets the first and last bend straight
    // across (orthogonal perimeters).
    auto finish = [&](const std::vector<Point>& bends) {
        const Point toward_s = !bends.empty() ? bends.front() : tc ? *tc : t_mid;
        const Point toward_t = !bends.empty() ? bends.back() : sc ? *sc : s_mid;
        std::vector<Point> out;
        out.push_back(sc         ? *sc
                      : s.bounds ? orthogonal_perimeter_point(s.shape, *s.bounds, toward_s)
                                 : s.point);
        out.insert(out.end(), bends.begin(), bends.end());
        out.push_back(tc         ? *tc
                      : t.bounds ? orthogonal_perimeter_point(t.shape, *t.bounds, toward_t)
                                 : t.point);
        dedupe(out);
        if (out.size() == 1) out.push_back(out.front());
        return out;
    };
    if (!waypoints.empty()) return finish(segment_connector(from, to, waypoints));
    if (s.bounds || t.bounds) {
        // draw.io's own router (OrthConnector) for orthogonalEdgeStyle; its segment connector when the ends
        // are too close or for segmentEdgeStyle.
        if (style.get_or("edgeStyle", "") == "orthogonalEdgeStyle") {
            if (auto bends = orth_connector(from, to)) return finish(*bends);
        }
        return finish(segment_connector(from, to, {}));
    }
    End a, b;
    if (sc && tc) {
        a = {*sc, side_of(*s.bounds, *sc) % 2 == 1};
        b = {*tc, side_of(*t.bounds, *tc) % 2 == 1};
    } else if (sc || tc) {
        a = sc ? End{*sc, side_of(*s.bounds, *sc) % 2 == 1} : End{};
        b = tc ? End{*tc, side_of(*t.bounds, *tc) % 2 == 1} : End{};
        if (!sc) a = facing_end(s, b.p, std::abs(b.p.x - s_mid.x) >= std::abs(b.p.y - s_mid.y));
        if (!tc) b = facing_end(t, a.p, std::abs(a.p.x - t_mid.x) >= std::abs(a.p.y - t_mid.y));
    } else if (s.bounds && t.bounds) {
        const Rect &sb = *s.bounds, &tb = *t.bounds;
        double ox0 = std::max(sb.x, tb.x), ox1 = std::min(sb.right(), tb.right());
        double oy0 = std::max(sb.y, tb.y), oy1 = std::min(sb.bottom(), tb.bottom());
        if (ox0 < ox1 && (tb.y >= sb.bottom() || sb.y >= tb.bottom())) {
            double x = (ox0 + ox1) / 2;
            bool down = tb.y >= sb.bottom();
            a = {{x, down ? sb.bottom() : sb.y}, false};
            b = {{x, down ? tb.y : tb.bottom()}, false};
        } else if (oy0 < oy1 && (tb.x >= sb.right() || sb.x >= tb.right())) {
            double y = (oy0 + oy1) / 2;
            bool right = tb.x >= sb.right();
            a = {{right ? sb.right() : sb.x, y}, true};
            b = {{right ? tb.x : tb.right(), y}, true};
        } else {
            bool horizontal = std::abs(t_mid.x - s_mid.x) >= std::abs(t_mid.y - s_mid.y);
            a = facing_end(s, t_mid, horizontal);
            b = facing_end(t, s_mid, horizontal);
        }
    } else {
        bool horizontal = std::abs(t_mid.x - s_mid.x) >= std::abs(t_mid.y - s_mid.y);
        a = facing_end(s, t_mid, horizontal);
        b = facing_end(t, s_mid, horizontal);
    }
    connect_orthogonal(pts, a, b);
    dedupe(pts);
    return pts;
}

// A terminal as draw.io's edge styles see it: the glued shape's bounds, or a point (a fixed connection
// point, a loose end) as a box of no size.
Rect terminal_box(const Terminal& t, const std::optional<Point>& fixed) {
    if (fixed) return {fixed->x, fixed->y, 0, 0};
    if (t.bounds) return *t.bounds;
    return {t.point.x, t.point.y, 0, 0};
}

bool contains(const Rect& r, double x, double y) {
    return x >= r.x && x <= r.right() && y >= r.y && y <= r.bottom();
}

// The route's ends: the fixed point, else where the shape's outline meets the line toward the nearest
// routed point (the other terminal's centre when there is none), as mxGraphView's floating terminals.
std::vector<Point> with_ends(const Terminal& s, const Terminal& t, const std::optional<Point>& sc,
                             const std::optional<Point>& tc, std::vector<Point> middle) {
    const Point toward_s = !middle.empty() ? middle.front() : tc ? *tc : centre(t);
    const Point toward_t = !middle.empty() ? middle.back() : sc ? *sc : centre(s);
    const Point a = sc ? *sc : s.bounds ? perimeter_point(s.shape, *s.bounds, toward_s) : s.point;
    const Point b = tc ? *tc : t.bounds ? perimeter_point(t.shape, *t.bounds, toward_t) : t.point;
    std::vector<Point> pts{a};
    pts.insert(pts.end(), middle.begin(), middle.end());
    pts.push_back(b);
    dedupe(pts);
    if (pts.size() == 1) pts.push_back(pts.front());
    return pts;
}

// draw.io's SideToSide (horizontal elbow) and TopToBottom (vertical elbow) edge styles: one bend column
// (row) between the shapes, or through the first waypoint; no bend point inside either shape. When both bend
// points fall inside the shapes (shapes side by side, as a sequence diagram's activation bars), the route
// still goes through the waypoint's row (column), or the middle of the shapes' overlap: draw.io's edge style
// tests for a result holding only the start point, so this is the case where nothing was added.
std::vector<Point> elbow_points(const Rect& s, const Rect& t, const Point* pt, bool vertical) {
    std::vector<Point> out;
    if (!vertical) {
        const double l = std::max(s.x, t.x), r = std::min(s.right(), t.right());
        const double x = pt ? pt->x : std::round(r + (l - r) / 2);
        double y1 = s.y + s.height / 2, y2 = t.y + t.height / 2;
        if (pt) {
            if (pt->y >= s.y && pt->y <= s.bottom()) y1 = pt->y;
            if (pt->y >= t.y && pt->y <= t.bottom()) y2 = pt->y;
        }
        if (!contains(t, x, y1) && !contains(s, x, y1)) out.push_back({x, y1});
        if (!contains(t, x, y2) && !contains(s, x, y2)) out.push_back({x, y2});
        if (out.empty()) {
            if (pt) {
                if (!contains(t, x, pt->y) && !contains(s, x, pt->y)) out.push_back({x, pt->y});
            } else {
                const double top = std::max(s.y, t.y), bottom = std::min(s.bottom(), t.bottom());
                out.push_back({x, top + (bottom - top) / 2});
            }
        }
    } else {
        const double top = std::max(s.y, t.y), bottom = std::min(s.bottom(), t.bottom());
        double x = s.x + s.width / 2;
        if (pt && pt->x >= s.x && pt->x <= s.right()) x = pt->x;
        const double y = pt ? pt->y : std::round(bottom + (top - bottom) / 2);
        if (!contains(t, x, y) && !contains(s, x, y)) out.push_back({x, y});
        x = pt && pt->x >= t.x && pt->x <= t.right() ? pt->x : t.x + t.width / 2;
        if (!contains(t, x, y) && !contains(s, x, y)) out.push_back({x, y});
        if (out.empty()) {
            if (pt) {
                if (!contains(t, pt->x, y) && !contains(s, pt->x, y)) out.push_back({pt->x, y});
            } else {
                const double l = std::max(s.x, t.x), r = std::min(s.right(), t.right());
                out.push_back({l + (r - l) / 2, y});
            }
        }
    }
    return out;
}

// draw.io's ElbowConnector: which of the two elbows, from how the shapes (or the waypoint) lie.
std::vector<Point> elbow_route(const diagram::Style& style, const Terminal& s, const Terminal& t,
                               const std::vector<Point>& waypoints, std::optional<bool> forced_vertical) {
    const auto sc = constraint_point(style, s, "exit"), tc = constraint_point(style, t, "entry");
    const Rect sb = terminal_box(s, sc), tb = terminal_box(t, tc);
    const Point* pt = waypoints.empty() ? nullptr : &waypoints.front();  // the bend goes through it
    bool vertical = false, horizontal = false;
    if (forced_vertical) {
        vertical = *forced_vertical, horizontal = !vertical;
    } else if (s.bounds && t.bounds) {
        const Rect &a = *s.bounds, &b = *t.bounds;
        if (pt) {
            const double left = std::min(a.x, b.x), right = std::max(a.right(), b.right());
            const double top = std::min(a.y, b.y), bottom = std::max(a.bottom(), b.bottom());
            vertical = pt->y < top || pt->y > bottom;
            horizontal = pt->x < left || pt->x > right;
        } else {
            const double left = std::max(a.x, b.x), right = std::min(a.right(), b.right());
            vertical = left == right;
            if (!vertical) {
                const double top = std::max(a.y, b.y), bottom = std::min(a.bottom(), b.bottom());
                horizontal = top == bottom;
            }
        }
    }
    const bool use_vertical = !horizontal && (vertical || style.get_or("elbow", "horizontal") == "vertical");
    return with_ends(s, t, sc, tc, elbow_points(sb, tb, pt, use_vertical));
}

// draw.io's EntityRelation: out of the facing sides (or the sides the fixed points are on), a 30 px stub
// (style segment), then across.
std::vector<Point> entity_relation_route(const diagram::Style& style, const Terminal& s, const Terminal& t) {
    const auto sc = constraint_point(style, s, "exit"), tc = constraint_point(style, t, "entry");
    const double segment = style.number("segment", 30);
    const Rect sb0 = s.bounds ? *s.bounds : Rect{s.point.x, s.point.y, 0, 0};
    const Rect tb0 = t.bounds ? *t.bounds : Rect{t.point.x, t.point.y, 0, 0};
    const bool source_left = (tc ? tc->x : tb0.right()) < (sc ? sc->x : sb0.x);
    const bool target_left = (sc ? sc->x : sb0.right()) < (tc ? tc->x : tb0.x);
    const Rect sb = terminal_box(s, sc), tb = terminal_box(t, tc);
    const double x0 = source_left ? sb.x : sb.right(), y0 = sb.y + sb.height / 2;
    const double xe = target_left ? tb.x : tb.right(), ye = tb.y + tb.height / 2;
    const Point dep{x0 + (source_left ? -segment : segment), y0};
    const Point arr{xe + (target_left ? -segment : segment), ye};
    std::vector<Point> middle;
    if (source_left == target_left) {
        const double x = source_left ? std::min(x0, xe) - segment : std::max(x0, xe) + segment;
        middle = {{x, y0}, {x, ye}};
    } else if ((dep.x < arr.x) == source_left) {
        const double mid = y0 + (ye - y0) / 2;
        middle = {dep, {dep.x, mid}, {arr.x, mid}, arr};
    } else {
        middle = {dep, arr};
    }
    std::vector<Point> pts{sc ? *sc : Point{x0, y0}};
    pts.insert(pts.end(), middle.begin(), middle.end());
    pts.push_back(tc ? *tc : Point{xe, ye});
    dedupe(pts);
    return pts;
}

}  // namespace

int side_of(const Rect& r, Point p) {
    double d[4] = {std::abs(p.y - r.y), std::abs(p.x - r.x), std::abs(p.y - r.bottom()),
                   std::abs(p.x - r.right())};
    return int(std::min_element(d, d + 4) - d);
}

std::string perimeter_kind(const diagram::Style& s) {
    if (auto p = s.get("perimeter")) {
        if (*p == "ellipsePerimeter") return "ellipse";
        if (*p == "rhombusPerimeter") return "rhombus";
        if (*p == "centerPerimeter") return "center";
        if (*p == "rectanglePerimeter") return "rect";
        if (*p == "orthogonalPerimeter") return "orthogonal";
        if (*p == "lifelinePerimeter") return "lifeline:" + std::to_string(s.number("size", 40));
    }
    return shape_name(s);
}

Terminal edge_terminal(const diagram::PageIndex& index, const std::string& id,
                       const std::optional<Point>& loose, Point origin,
                       const std::function<std::optional<Point>(const std::string&)>& edge_midpoint) {
    Terminal t;
    if (const diagram::Cell* c = id.empty() ? nullptr : index.find(id)) {
        if (c->kind == diagram::CellKind::edge) {
            if (auto mid = edge_midpoint(id)) t.point = *mid;
            return t;
        }
        t.bounds = index.absolute_bounds(id);
        t.shape = perimeter_kind(resolved_style(c->style_or_empty(), false));
        if (t.bounds) return t;
    }
    if (loose) t.point = {loose->x + origin.x, loose->y + origin.y};
    return t;
}

std::vector<Point> drawn_route(const diagram::PageIndex& index, const diagram::Cell& edge) {
    const Point origin = index.frame_origin(edge.id);
    const auto& g = edge.geometry;
    auto straight_midpoint = [&](const std::string& id) -> std::optional<Point> {
        const auto line = index.edge_polyline(id);
        if (line.empty()) return std::nullopt;
        return point_along(line, 0.5);
    };
    const Terminal source =
        edge_terminal(index, edge.source, g ? g->source_point : std::nullopt, origin, straight_midpoint);
    const Terminal target =
        edge_terminal(index, edge.target, g ? g->target_point : std::nullopt, origin, straight_midpoint);
    std::vector<Point> waypoints;
    if (g)
        for (const auto& w : g->waypoints) waypoints.push_back({w.x + origin.x, w.y + origin.y});
    return route_edge(resolved_style(edge.style_or_empty(), true), source, target, waypoints);
}

std::vector<Point> route_edge(const diagram::Style& style, const Terminal& source, const Terminal& target,
                              const std::vector<Point>& waypoints) {
    std::string kind = style.get_or("edgeStyle", "none");
    if (kind == "orthogonalEdgeStyle" || kind == "segmentEdgeStyle")
        return orthogonal_route(style, source, target, waypoints, false);
    if (kind == "elbowEdgeStyle") return elbow_route(style, source, target, waypoints, std::nullopt);
    if (kind == "sideToSideEdgeStyle") return elbow_route(style, source, target, waypoints, false);
    if (kind == "topToBottomEdgeStyle") return elbow_route(style, source, target, waypoints, true);
    if (kind == "entityRelationEdgeStyle") return entity_relation_route(style, source, target);
    // Straight (and anything we do not route): through the waypoints.
    auto sc = constraint_point(style, source, "exit");
    auto tc = constraint_point(style, target, "entry");
    Point toward_s = !waypoints.empty() ? waypoints.front() : tc ? *tc : centre(target);
    Point toward_t = !waypoints.empty() ? waypoints.back() : sc ? *sc : centre(source);
    Point a = sc              ? *sc
              : source.bounds ? perimeter_point(source.shape, *source.bounds, toward_s)
                              : source.point;
    Point b = tc              ? *tc
              : target.bounds ? perimeter_point(target.shape, *target.bounds, toward_t)
                              : target.point;
    std::vector<Point> pts{a};
    pts.insert(pts.end(), waypoints.begin(), waypoints.end());
    pts.push_back(b);
    dedupe(pts);
    if (pts.size() == 1) pts.push_back(pts.front());
    return pts;
}

std::optional<Marker> make_marker(const std::string& kind, Point from, Point tip, double size, double sw,
                                  bool filled, const Color& color) {
    double dx = tip.x - from.x, dy = tip.y - from.y, len = std::hypot(dx, dy);
    if (len < 1e-9 || kind.empty() || kind == "none") return std::nullopt;
    double ux = dx / len, uy = dy / len;
    bool thin = kind.ends_with("Thin");
    std::string base = thin ? kind.substr(0, kind.size() - 4) : kind;
    double L = size + sw, half = L / (thin ? 3 : 2);
    // draw.io draws the arrow's tip `back` px short of the end (mxMarker: 1.118 sw for arrows, the mitred
    // stroke's reach past a block's point; 0.7071 / 0.9862 sw for diamonds), so the stroked tip ends on it.
    double back = sw * (base == "diamond" ? (thin ? 0.9862 : 0.7071) : 1.118);
    if (base == "oval") back = 0;
    tip = {tip.x - ux * back, tip.y - uy * back};
    auto at = [&](double behind, double side) {
        return Point{tip.x - ux * behind - uy * side, tip.y - uy * behind + ux * side};
    };
    Marker m;
    m.path.stroke = color;
    m.path.stroke_width = sw;
    if (filled) m.path.fill = color;
    if (base == "classic") {
        m.path = polygon_path({tip, at(L, half), at(L * 0.75, 0), at(L, -half)});
        m.inset = L * 0.75 + back;
    } else if (base == "block") {
        m.path = polygon_path({tip, at(L, half), at(L, -half)});
        m.inset = L + back;
    } else if (base == "open") {
        m.path = polygon_path({at(L, half), tip, at(L, -half)}, false);
        m.inset = 2 * back;
        filled = false;
    } else if (base == "oval") {
        Point c = at(size / 2, 0);
        m.path = ellipse_path({c.x - size / 2, c.y - size / 2, size, size});
        m.inset = size;
    } else if (base == "diamond") {
        double dl = size + sw;
        m.path = polygon_path({tip, at(dl / 2, half), at(dl, 0), at(dl / 2, -half)});
        m.inset = dl + back;
    } else {
        // Other draw.io markers (ERmany, dash, cross, ...) fall back to a classic arrow.
        m.path = polygon_path({tip, at(L, half), at(L * 0.75, 0), at(L, -half)});
        m.inset = L * 0.75 + back;
    }
    m.path.stroke = color;
    m.path.stroke_width = sw;
    if (filled)
        m.path.fill = color;
    else
        m.path.fill.reset();
    return m;
}

Point point_along(const std::vector<Point>& pts, double t) {
    if (pts.empty()) return {};
    double total = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        total += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    double want = std::clamp(t, 0.0, 1.0) * total;
    for (std::size_t i = 1; i < pts.size(); ++i) {
        double seg = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
        if (want <= seg && seg > 0) {
            double f = want / seg;
            return {pts[i - 1].x + f * (pts[i].x - pts[i - 1].x),
                    pts[i - 1].y + f * (pts[i].y - pts[i - 1].y)};
        }
        want -= seg;
    }
    return pts.back();
}

Path flex_arrow_outline(const std::vector<Point>& pts, double width, const FlexArrowEnds& ends,
                        double spacing) {
    std::vector<Point> line;
    for (Point p : pts)
        if (line.empty() || std::hypot(p.x - line.back().x, p.y - line.back().y) > 1e-9) line.push_back(p);
    if (line.size() < 2) return {};
    const std::size_t n = line.size();
    auto dir = [&](std::size_t i) {  // unit direction of segment i → i + 1
        const double dx = line[i + 1].x - line[i].x, dy = line[i + 1].y - line[i].y, d = std::hypot(dx, dy);
        return Point{dx / d, dy / d};
    };
    // The band's two sides: left (out) and right (in) of the direction of travel, mitred at each bend with
    // the miter kept short at sharp turns.
    std::vector<Point> in;
    const double half = width / 2;
    const Point d0 = dir(0), de = dir(n - 2);
    const Point start{line[0].x + d0.x * spacing, line[0].y + d0.y * spacing};
    const Point end{line[n - 1].x - de.x * spacing, line[n - 1].y - de.y * spacing};
    auto head = [&](Point tip, Point d, double length, double head_width, bool at_end) {
        // From the band's side at the head's base, out to the head's corner, to the tip, back on the other
        // side.
        const double s = at_end ? -1 : 1;
        const Point base{tip.x + s * d.x * length, tip.y + s * d.y * length};
        const Point nrm{d.y, -d.x};
        const double hw = std::max(head_width, width) / 2;
        return std::array<Point, 5>{Point{base.x + nrm.x * half, base.y + nrm.y * half},
                                    Point{base.x + nrm.x * hw, base.y + nrm.y * hw}, tip,
                                    Point{base.x - nrm.x * hw, base.y - nrm.y * hw},
                                    Point{base.x - nrm.x * half, base.y - nrm.y * half}};
    };
    Path p;
    if (ends.start) {
        const auto h = head(start, d0, ends.start_length, ends.start_width, false);
        // Drawn from the right side round the tip to the left side.
        p.move_to(h[4]);
        p.line_to(h[3]);
        p.line_to(h[2]);
        p.line_to(h[1]);
        p.line_to(h[0]);
    } else {
        p.move_to({start.x - d0.y * half, start.y + d0.x * half});
        p.line_to({start.x + d0.y * half, start.y - d0.x * half});
    }
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const Point a = dir(i - 1), b = dir(i);
        Point bis{a.x + b.x, a.y + b.y};
        const double bl = std::hypot(bis.x, bis.y);
        if (bl < 1e-9) continue;
        bis = {bis.x / bl, bis.y / bl};
        const double factor = std::max(std::sqrt((a.x * b.x + a.y * b.y + 1) / 2), 0.06);
        const Point side{bis.y * half / factor, -bis.x * half / factor};
        p.line_to({line[i].x + side.x, line[i].y + side.y});
        in.push_back({line[i].x - side.x, line[i].y - side.y});
    }
    if (ends.end) {
        const auto h = head(end, de, ends.end_length, ends.end_width, true);
        for (const Point& q : h) p.line_to(q);
    } else {
        p.line_to({end.x + de.y * half, end.y - de.x * half});
        p.line_to({end.x - de.y * half, end.y + de.x * half});
    }
    for (auto it = in.rbegin(); it != in.rend(); ++it) p.line_to(*it);
    p.close();
    return p;
}

InfoFlowEdge lean_info_flow_edge(const std::vector<Point>& polyline, bool electronic) {
    InfoFlowEdge out;
    if (polyline.size() < 2) return out;
    const Point first = polyline.front(), last = polyline.back();
    const Point a{first.x + 0.05 * (last.x - first.x), first.y + 0.05 * (last.y - first.y)};
    const Point b{last.x - 0.05 * (last.x - first.x), last.y - 0.05 * (last.y - first.y)};
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    if (len <= 0) return out;
    const double ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
    std::vector<Point> line{a};
    if (electronic) {
        // The bolt: from the start to a point a tenth of the length past the middle and a little to the
        // right, back to one before the middle on the left, then on to the end.
        const Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
        const double along = 0.1 * len, across = along / 3;
        line.push_back({mid.x + ux * along + uy * across, mid.y + uy * along - ux * across});
        line.push_back({mid.x - ux * along - uy * across, mid.y - uy * along + ux * across});
    }
    line.push_back(b);
    out.line = polygon_path(line, false);
    // The head points along its last segment.
    const Point from = line[line.size() - 2];
    const double hl = std::hypot(b.x - from.x, b.y - from.y);
    const double hx = (b.x - from.x) / hl, hy = (b.y - from.y) / hl;
    out.head = polygon_path({{b.x - 10 * hx - 5 * hy, b.y - 10 * hy + 5 * hx},
                             b,
                             {b.x - 10 * hx + 5 * hy, b.y - 10 * hy - 5 * hx}},
                            false);
    return out;
}

}  // namespace jstudio::render
