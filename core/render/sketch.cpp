#include "core/render/sketch.hpp"

#include <algorithm>
#include <cmath>

namespace jstudio::render {

namespace {

constexpr double pi = 3.14159265358979323846;

// A small fixed pseudo-random sequence (the same picture on every platform and run).
class Jitter {
  public:
    explicit Jitter(std::uint32_t seed) : m_state(seed * 2654435761u + 12345u) {}
    double unit() {  // [0, 1)
        m_state = m_state * 1664525u + 1013904223u;
        return double(m_state >> 8) / double(1u << 24);
    }
    double within(double limit) { return (unit() * 2 - 1) * limit; }  // [-limit, limit)

  private:
    std::uint32_t m_state;
};

// How much of the roughness a line of this length gets: long lines wander less, relative to their length.
double length_gain(double length) {
    if (length < 200) return 1;
    if (length > 500) return 0.4;
    return 1.233334 - 0.0016668 * length;
}

// One hand-drawn stroke from a to b (appended to out, starting with a move): a cubic through two points at a
// random fraction along the line, bowed sideways and moved by up to `spread` px. The ends stay where they
// are, as draw.io keeps the shape's corners (preserveVertices).
void rough_line(Path& out, Point a, Point b, const SketchStyle& o, Jitter& rnd, double spread) {
    const double dx = b.x - a.x, dy = b.y - a.y, length = std::hypot(dx, dy);
    const double gain = length_gain(length) * o.roughness;
    double offset = o.max_offset;
    if (offset * offset * 100 > length * length) offset = length / 10;
    offset *= spread;
    const double at = 0.2 + rnd.unit() * 0.2;
    const double bow_x = rnd.within(o.bowing * o.max_offset * dy / 200) * gain;
    const double bow_y = rnd.within(o.bowing * o.max_offset * -dx / 200) * gain;
    auto wobble = [&] { return rnd.within(offset) * gain; };
    out.move_to(a);
    const Point c1{bow_x + a.x + dx * at + wobble(), bow_y + a.y + dy * at + wobble()};
    const Point c2{bow_x + a.x + 2 * dx * at + wobble(), bow_y + a.y + 2 * dy * at + wobble()};
    out.cubic_to(c1, c2, b);
}

// A line drawn once or twice (the second pass with half the spread, as a pen going over it again).
void rough_double_line(Path& out, Point a, Point b, const SketchStyle& o, Jitter& rnd, bool twice) {
    rough_line(out, a, b, o, rnd, 1);
    if (twice) rough_line(out, a, b, o, rnd, 0.5);
}

// A cubic drawn by hand: its control points moved a little on each pass.
void rough_cubic(Path& out, Point from, const PathOp& op, const SketchStyle& o, Jitter& rnd, bool twice) {
    for (int pass = 0; pass < (twice ? 2 : 1); ++pass) {
        const double spread = (pass == 0 ? 1.0 : 1.5) * (1 + o.roughness * 0.2) * o.roughness;
        out.move_to(from);
        out.cubic_to({op.p[0].x + rnd.within(spread), op.p[0].y + rnd.within(spread)},
                     {op.p[1].x + rnd.within(spread), op.p[1].y + rnd.within(spread)}, op.p[2]);
    }
}

// The path's subpaths as polygons (curves flattened), for the hachure.
std::vector<std::vector<Point>> polygons_of(const Path& path) {
    std::vector<std::vector<Point>> out;
    Point at{}, start{};
    for (const PathOp& op : path.ops) {
        switch (op.kind) {
            case PathOp::move:
                out.push_back({op.p[0]});
                at = start = op.p[0];
                break;
            case PathOp::line:
                if (out.empty()) out.push_back({at});
                out.back().push_back(op.p[0]);
                at = op.p[0];
                break;
            case PathOp::cubic:
                if (out.empty()) out.push_back({at});
                for (int i = 1; i <= 12; ++i) {
                    const double t = i / 12.0, u = 1 - t;
                    out.back().push_back({u * u * u * at.x + 3 * u * u * t * op.p[0].x +
                                              3 * u * t * t * op.p[1].x + t * t * t * op.p[2].x,
                                          u * u * u * at.y + 3 * u * u * t * op.p[0].y +
                                              3 * u * t * t * op.p[1].y + t * t * t * op.p[2].y});
                }
                at = op.p[2];
                break;
            case PathOp::close:
                at = start;
                break;
        }
    }
    std::erase_if(out, [](const auto& poly) { return poly.size() < 3; });
    return out;
}

}  // namespace

SketchStyle sketch_style(const diagram::Style& s, std::string_view cell_id) {
    SketchStyle o;
    o.roughness = std::max(0.0, s.number("jiggle", 1));
    o.bowing = s.number("bowing", 1);
    o.hachure_angle = s.number("hachureAngle", -41);
    o.hachure_gap = s.get_or("hachureGap", "") == "auto" ? -1 : s.number("hachureGap", -1);
    o.fill_weight = s.get_or("fillWeight", "") == "auto" ? -1 : s.number("fillWeight", -1);
    o.fill_style = s.get_or("fillStyle", "auto");
    o.multi_stroke = !s.flag("disableMultiStroke");
    o.multi_stroke_fill = !s.flag("disableMultiStrokeFill");
    if (s.get_or("sketchStyle", "rough") == "comic") {
        // draw.io's older comic canvas: one wobbly stroke per line, fills stay solid.
        o.fill_style = "solid";
        o.multi_stroke = false;
    }
    // draw.io seeds its jitter with a string hash of the cell's id; ours only needs to differ per cell.
    std::uint32_t seed = 1;
    for (char c : cell_id) seed = seed * 31 + std::uint8_t(c);
    o.seed = seed;
    return o;
}

std::vector<std::pair<Point, Point>> hachure_lines(const Path& path, double angle_deg, double gap) {
    std::vector<std::pair<Point, Point>> lines;
    if (!(gap > 0)) return lines;
    const auto polygons = polygons_of(path);
    if (polygons.empty()) return lines;
    // Turn the outline so the hachure runs horizontally, cut it with lines `gap` apart, turn the cuts back.
    const double a = (angle_deg + 90) * pi / 180, ca = std::cos(a), sa = std::sin(a);
    auto turn = [&](Point p) { return Point{p.x * ca - p.y * sa, p.x * sa + p.y * ca}; };
    auto unturn = [&](Point p) { return Point{p.x * ca + p.y * sa, -p.x * sa + p.y * ca}; };
    std::vector<std::vector<Point>> turned;
    double top = INFINITY, bottom = -INFINITY;
    for (const auto& poly : polygons) {
        auto& t = turned.emplace_back();
        for (Point p : poly) {
            t.push_back(turn(p));
            top = std::min(top, t.back().y), bottom = std::max(bottom, t.back().y);
        }
    }
    if (!std::isfinite(top) || !std::isfinite(bottom) || (bottom - top) / gap > 20000) return lines;
    std::vector<double> xs;
    for (double y = top + gap; y < bottom; y += gap) {
        xs.clear();
        for (const auto& poly : turned)
            for (std::size_t i = 0; i < poly.size(); ++i) {
                const Point p = poly[i], q = poly[(i + 1) % poly.size()];
                if ((p.y <= y) == (q.y <= y)) continue;
                xs.push_back(p.x + (y - p.y) * (q.x - p.x) / (q.y - p.y));
            }
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
            if (xs[i + 1] - xs[i] > 0.5) lines.emplace_back(unturn({xs[i], y}), unturn({xs[i + 1], y}));
    }
    return lines;
}

std::vector<Path> sketch_path(const Path& path, const SketchStyle& o, std::uint32_t seed_offset) {
    std::vector<Path> out;
    Jitter rnd(o.seed + seed_offset * 7919u);
    const bool filled = path.fill.has_value() && path.fill_opacity > 0;
    if (filled) {
        std::string fill_style = o.fill_style;
        // fillStyle=auto: a fill of the background colour (white) or a gradient stays solid.
        if (fill_style == "auto")
            fill_style = path.gradient || *path.fill == Color{255, 255, 255} ? "solid" : "hachure";
        if (fill_style == "solid") {
            Path solid = path;
            solid.stroke.reset();
            out.push_back(std::move(solid));
        } else {
            double gap = o.hachure_gap < 0 ? 4 * path.stroke_width : o.hachure_gap;
            gap = std::max(1.0, std::round(std::max(gap, 0.1)));
            Path hatch;
            hatch.stroke = path.fill;
            hatch.stroke_width = o.fill_weight < 0 ? path.stroke_width / 2 : o.fill_weight;
            hatch.stroke_opacity = path.fill_opacity;
            hatch.round_joins = true;
            std::vector<double> angles{o.hachure_angle};
            if (fill_style == "cross-hatch") angles.push_back(o.hachure_angle + 90);
            for (double angle : angles)
                for (const auto& [a, b] : hachure_lines(path, angle, gap))
                    rough_double_line(hatch, a, b, o, rnd, o.multi_stroke_fill);
            if (!hatch.ops.empty()) out.push_back(std::move(hatch));
        }
    }
    if (path.stroke && path.stroke_opacity > 0) {
        Path line;
        line.stroke = path.stroke;
        line.stroke_width = path.stroke_width;
        line.stroke_opacity = path.stroke_opacity;
        line.dash = path.dash;
        line.round_joins = true;
        Point at{}, start{};
        for (const PathOp& op : path.ops) {
            switch (op.kind) {
                case PathOp::move:
                    at = start = op.p[0];
                    break;
                case PathOp::line:
                    rough_double_line(line, at, op.p[0], o, rnd, o.multi_stroke);
                    at = op.p[0];
                    break;
                case PathOp::cubic:
                    rough_cubic(line, at, op, o, rnd, o.multi_stroke);
                    at = op.p[2];
                    break;
                case PathOp::close:
                    if (std::hypot(at.x - start.x, at.y - start.y) > 1e-9)
                        rough_double_line(line, at, start, o, rnd, o.multi_stroke);
                    at = start;
                    break;
            }
        }
        if (!line.ops.empty()) out.push_back(std::move(line));
    }
    return out;
}

}  // namespace jstudio::render
