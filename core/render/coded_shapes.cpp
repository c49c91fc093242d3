#include "core/render/coded_shapes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>

namespace jstudio::render {

namespace {

constexpr double pi = 3.14159265358979323846;

using diagram::Style;

// A recording canvas with the calls draw.io's shapes make (mxAbstractCanvas2D): a current path in local
// coordinates (moved by translate), and fill / stroke / fillAndStroke that record it with the current paint.
class Canvas {
  public:
    Canvas(Point origin, const CodedPaint& paint) : m_origin(origin) {
        m_state.fill = paint.fill;
        m_state.stroke = paint.stroke;
        m_state.stroke_width = paint.stroke_width;
        m_state.dashed = paint.dashed;
    }

    void save() { m_saved.push_back(m_state); }
    void restore() {
        if (m_saved.empty()) return;
        m_state = m_saved.back();
        m_saved.pop_back();
    }
    void translate(double dx, double dy) { m_state.dx += dx, m_state.dy += dy; }
    void set_fill(std::optional<Color> c) {
        m_state.fill = c;
        m_state.shape_fill = false;
        m_state.gradient.reset();
    }
    void set_gradient(Color from, Color to, std::string direction, double alpha) {
        m_state.gradient = Gradient{from, to, std::move(direction)};
        m_state.fill = from;
        m_state.shape_fill = false;
        m_state.fill_alpha = alpha;
    }
    void set_fill_alpha(double a) { m_state.fill_alpha = a; }
    void set_stroke(std::optional<Color> c) { m_state.stroke = c; }
    void set_stroke_width(double w) { m_state.stroke_width = w; }
    void set_dashed(bool d) { m_state.dashed = d; }
    std::optional<Color> fill_color() const { return m_state.fill; }
    std::optional<Color> stroke_color() const { return m_state.stroke; }
    double stroke_width() const { return m_state.stroke_width; }
    bool dashed() const { return m_state.dashed; }

    void begin() {
        m_path = Path{};
        m_has_point = false;
    }
    void move_to(double x, double y) {
        m_path.move_to(at(x, y));
        m_last = m_start = {x, y};
        m_has_point = true;
    }
    void line_to(double x, double y) {
        if (!m_has_point) return move_to(x, y);
        m_path.line_to(at(x, y));
        m_last = {x, y};
    }
    void quad_to(double cx, double cy, double x, double y) {
        if (!m_has_point) return move_to(x, y);
        const Point p0 = m_last;
        curve_to(p0.x + 2.0 / 3 * (cx - p0.x), p0.y + 2.0 / 3 * (cy - p0.y), x + 2.0 / 3 * (cx - x),
                 y + 2.0 / 3 * (cy - y), x, y);
    }
    void curve_to(double x1, double y1, double x2, double y2, double x, double y) {
        if (!m_has_point) return move_to(x, y);
        m_path.cubic_to(at(x1, y1), at(x2, y2), at(x, y));
        m_last = {x, y};
    }
    // An SVG elliptical arc from the current point (as mxUtils.arcToCurves), in the shape's own frame, then
    // placed as every other point.
    void arc_to(double rx, double ry, double angle, bool large, bool sweep, double x, double y) {
        if (!m_has_point) return move_to(x, y);
        Path local;
        append_arc(local, m_last, rx, ry, angle, large, sweep, {x, y});
        for (const PathOp& op : local.ops) {
            if (op.kind == PathOp::cubic)
                m_path.cubic_to(at(op.p[0].x, op.p[0].y), at(op.p[1].x, op.p[1].y), at(op.p[2].x, op.p[2].y));
            else if (op.kind == PathOp::line)
                m_path.line_to(at(op.p[0].x, op.p[0].y));
        }
        m_last = {x, y};
    }
    void close() {
        if (!m_has_point) return;
        m_path.close();
        m_last = m_start;
    }
    void rect(double x, double y, double w, double h) {
        begin();
        move_to(x, y);
        line_to(x + w, y);
        line_to(x + w, y + h);
        line_to(x, y + h);
        close();
    }
    void roundrect(double x, double y, double w, double h, double r) { roundrect(x, y, w, h, r, r); }
    // Corners of rx by ry (an SVG rect's rx and ry).
    void roundrect(double x, double y, double w, double h, double rx, double ry) {
        rx = std::min(rx, w / 2), ry = std::min(ry, h / 2);
        if (rx <= 0 || ry <= 0) return rect(x, y, w, h);
        begin();
        move_to(x + rx, y);
        line_to(x + w - rx, y);
        arc_to(rx, ry, 0, false, true, x + w, y + ry);
        line_to(x + w, y + h - ry);
        arc_to(rx, ry, 0, false, true, x + w - rx, y + h);
        line_to(x + rx, y + h);
        arc_to(rx, ry, 0, false, true, x, y + h - ry);
        line_to(x, y + ry);
        arc_to(rx, ry, 0, false, true, x + rx, y);
        close();
    }
    void ellipse(double x, double y, double w, double h) {
        begin();
        const double k = 0.5522847498, cx = x + w / 2, cy = y + h / 2, rx = w / 2, ry = h / 2;
        move_to(cx, y);
        curve_to(cx + k * rx, y, x + w, cy - k * ry, x + w, cy);
        curve_to(x + w, cy + k * ry, cx + k * rx, y + h, cx, y + h);
        curve_to(cx - k * rx, y + h, x, cy + k * ry, x, cy);
        curve_to(x, cy - k * ry, cx - k * rx, y, cx, y);
        close();
    }

    void fill() { emit(true, false); }
    void stroke() { emit(false, true); }
    void fill_and_stroke() { emit(true, true); }

    void text(double x, double y, std::string s, double size, Color color, bool bold = false,
              bool left = false) {
        m_out.texts.push_back({std::move(s), at(x, y), size, color, bold, left});
    }

    void stencil(std::string name, double x, double y, double w, double h) {
        const Point p = at(x, y);
        m_out.stencils.push_back({std::move(name), {p.x, p.y, w, h}, m_state.fill});
    }

    CodedDrawing take() { return std::move(m_out); }

  private:
    struct State {
        double dx = 0, dy = 0;
        std::optional<Color> fill, stroke;
        std::optional<Gradient> gradient;
        double stroke_width = 1, fill_alpha = 1;
        bool dashed = false, shape_fill = true;
    };
    Point m_origin;
    State m_state;
    std::vector<State> m_saved;
    Path m_path;
    Point m_last, m_start;
    bool m_has_point = false;
    CodedDrawing m_out;

    Point at(double x, double y) const { return {m_origin.x + m_state.dx + x, m_origin.y + m_state.dy + y}; }

    void emit(bool fill, bool stroke) {
        if (m_path.ops.empty()) return;
        CodedPath p;
        p.path = m_path;
        p.path.fill = fill ? m_state.fill : std::nullopt;
        if (fill && m_state.gradient) p.path.gradient = m_state.gradient;
        p.path.fill_opacity = m_state.fill_alpha;
        p.path.stroke = stroke ? m_state.stroke : std::nullopt;
        p.path.stroke_width = m_state.stroke_width;
        p.dashed = stroke && m_state.dashed;
        p.shape_fill = fill && m_state.shape_fill && !m_state.gradient;
        if (p.path.fill || p.path.stroke) m_out.paths.push_back(std::move(p));
        m_path = Path{};
        m_has_point = false;
    }
};

double num(const Style& s, std::string_view key, double fallback) {
    return s.number(key, fallback);
}
Color color_or(const Style& s, std::string_view key, Color fallback) {
    auto v = s.get(key);
    if (!v) return fallback;
    return parse_color(*v).value_or(fallback);
}

using Draw = std::function<void(Canvas&, double w, double h, const Style&)>;

// --- General shapes (Shapes.js) ---

void waypoint(Canvas& c, double w, double h, const Style& s) {
    const double d = std::max(0.0, num(s, "size", 6) - 2) + 2 * c.stroke_width();
    c.set_fill(c.stroke_color());
    c.ellipse((w - d) / 2, (h - d) / 2, d, d);
    c.fill();
}

// draw.io's partial rectangle (also a table row without a title): the fill, then only the sides whose
// top/right/bottom/left flag is on (all by default).
void partial_rectangle(Canvas& c, double w, double h, const Style& s) {
    c.rect(0, 0, w, h);
    c.fill();
    auto on = [&](const char* key) { return s.get_or(key, "1") == "1"; };
    c.begin();
    c.move_to(0, 0);
    on("top") ? c.line_to(w, 0) : c.move_to(w, 0);
    on("right") ? c.line_to(w, h) : c.move_to(w, h);
    on("bottom") ? c.line_to(0, h) : c.move_to(0, h);
    if (on("left")) c.line_to(0, 0);
    c.stroke();
}

void folder(Canvas& c, double w, double h, const Style& s) {
    double tw = std::clamp(num(s, "tabWidth", 60), 0.0, w), th = std::clamp(num(s, "tabHeight", 20), 0.0, h);
    const bool left = s.get_or("tabPosition", "right") == "left", rounded = s.flag("rounded");
    double arc = num(s, "arcSize", 0.1);
    if (!s.flag("absoluteArcSize")) arc *= std::min(w, h);
    arc = std::min({arc, w / 2, (h - th) / 2});
    tw = std::min(w - arc, std::max(tw, arc));
    if (!rounded) arc = 0;
    arc = std::max(arc, 0.0);
    c.begin();
    if (left) {
        c.move_to(arc, th), c.line_to(arc, 0), c.line_to(tw, 0), c.line_to(tw, th);
    } else {
        c.move_to(w - tw, th), c.line_to(w - tw, 0), c.line_to(w - arc, 0), c.line_to(w - arc, th);
    }
    if (rounded) {
        c.move_to(0, arc + th);
        c.arc_to(arc, arc, 0, false, true, arc, th);
        c.line_to(w - arc, th);
        c.arc_to(arc, arc, 0, false, true, w, arc + th);
        c.line_to(w, h - arc);
        c.arc_to(arc, arc, 0, false, true, w - arc, h);
        c.line_to(arc, h);
        c.arc_to(arc, arc, 0, false, true, 0, h - arc);
    } else {
        c.move_to(0, th), c.line_to(w, th), c.line_to(w, h), c.line_to(0, h);
    }
    c.close();
    c.fill_and_stroke();
    if (s.get_or("folderSymbol", "") == "triangle") {
        c.begin();
        c.move_to(w - 30, th + 20), c.line_to(w - 20, th + 10), c.line_to(w - 10, th + 20);
        c.close();
        c.stroke();
    }
}

void component(Canvas& c, double w, double h, const Style& s) {
    const double jw = num(s, "jettyWidth", 32), jh = num(s, "jettyHeight", 12);
    const double x0 = jw / 2, x1 = x0 + jw / 2, a = 0.3 * h - jh / 2, b = 0.7 * h - jh / 2;
    c.begin();
    c.move_to(x0, 0), c.line_to(w, 0), c.line_to(w, h), c.line_to(x0, h), c.line_to(x0, b + jh);
    c.line_to(0, b + jh), c.line_to(0, b), c.line_to(x0, b), c.line_to(x0, a + jh), c.line_to(0, a + jh);
    c.line_to(0, a), c.line_to(x0, a);
    c.close();
    c.fill_and_stroke();
    c.begin();
    c.move_to(x0, a), c.line_to(x1, a), c.line_to(x1, a + jh), c.line_to(x0, a + jh);
    c.move_to(x0, b), c.line_to(x1, b), c.line_to(x1, b + jh), c.line_to(x0, b + jh);
    c.stroke();
}

void message(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    c.begin();
    c.move_to(0, 0), c.line_to(w / 2, h / 2), c.line_to(w, 0);
    c.stroke();
}

void cube(Canvas& c, double w, double h, const Style& s) {
    const double d = std::clamp(num(s, "size", 20), 0.0, std::min(w, h));
    const double dark = std::clamp(num(s, "darkOpacity", 0), -1.0, 1.0),
                 dark2 = std::clamp(num(s, "darkOpacity2", 0), -1.0, 1.0);
    c.begin();
    c.move_to(0, 0), c.line_to(w - d, 0), c.line_to(w, d), c.line_to(w, h), c.line_to(d, h),
        c.line_to(0, h - d);
    c.close();
    c.fill_and_stroke();
    auto shade = [&](double a, std::vector<Point> pts) {
        if (a == 0) return;
        c.save();
        c.set_fill(a < 0 ? Color{255, 255, 255} : Color{0, 0, 0});
        c.set_fill_alpha(std::abs(a));
        c.begin();
        c.move_to(pts[0].x, pts[0].y);
        for (std::size_t i = 1; i < pts.size(); ++i) c.line_to(pts[i].x, pts[i].y);
        c.close();
        c.fill();
        c.restore();
    };
    shade(dark, {{0, 0}, {w - d, 0}, {w, d}, {d, d}});
    shade(dark2, {{0, 0}, {d, d}, {d, h}, {0, h - d}});
    c.begin();
    c.move_to(d, h), c.line_to(d, d), c.line_to(0, 0), c.move_to(d, d), c.line_to(w, d);
    c.stroke();
}

void note2(Canvas& c, double w, double h, const Style& s) {
    const double d = std::clamp(num(s, "size", 30), 0.0, std::min(w, h));
    c.begin();
    c.move_to(0, 0), c.line_to(w - d, 0), c.line_to(w, d), c.line_to(w, h), c.line_to(0, h);
    c.close();
    c.fill_and_stroke();
    c.begin();
    c.move_to(w - d, 0), c.line_to(w - d, d), c.line_to(w, d);
    c.stroke();
}

void lollipop(Canvas& c, double w, double h, const Style& s) {
    const double d = num(s, "size", 10);
    c.ellipse((w - d) / 2, 0, d, d);
    c.fill_and_stroke();
    c.begin();
    c.move_to(w / 2, d), c.line_to(w / 2, h);
    c.stroke();
}

void dimension(Canvas& c, double w, double h, const Style&) {
    const double half = c.stroke_width() / 2, e = 10 + 2 * half, y = h - e / 2;
    c.begin();
    c.move_to(0, 0), c.line_to(0, h);
    c.move_to(half, y), c.line_to(half + e, y - e / 2);
    c.move_to(half, y), c.line_to(half + e, y + e / 2);
    c.move_to(half, y), c.line_to(w - half, y);
    c.move_to(w, 0), c.line_to(w, h);
    c.move_to(w - half, y), c.line_to(w - e - half, y - e / 2);
    c.move_to(w - half, y), c.line_to(w - e - half, y + e / 2);
    c.stroke();
}

void plus(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    const double d = std::min(w / 5, h / 5) + 1;
    c.begin();
    c.move_to(w / 2, d), c.line_to(w / 2, h - d), c.move_to(d, h / 2), c.line_to(w - d, h / 2);
    c.stroke();
}

void switch_shape(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(0, 0);
    c.quad_to(w / 2, h / 2, w, 0);
    c.quad_to(w / 2, h / 2, w, h);
    c.quad_to(w / 2, h / 2, 0, h);
    c.quad_to(w / 2, h / 2, 0, 0);
    c.close();
    c.fill_and_stroke();
}

void uml_actor(Canvas& c, double w, double h, const Style&) {
    c.ellipse(w / 4, 0, w / 2, h / 4);
    c.fill_and_stroke();
    c.begin();
    c.move_to(w / 2, h / 4), c.line_to(w / 2, 2 * h / 3);
    c.move_to(0, h / 3), c.line_to(w, h / 3);
    c.move_to(0, h), c.line_to(w / 2, 2 * h / 3), c.line_to(w, h);
    c.stroke();
}

void uml_boundary(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(0, h / 4), c.line_to(0, 3 * h / 4);
    c.stroke();
    c.begin();
    c.move_to(0, h / 2), c.line_to(w / 6, h / 2);
    c.stroke();
    c.ellipse(w / 6, 0, 5 * w / 6, h);
    c.fill_and_stroke();
}

void uml_entity(Canvas& c, double w, double h, const Style&) {
    c.ellipse(0, 0, w, h);
    c.fill_and_stroke();
    c.begin();
    c.move_to(w / 8, h), c.line_to(7 * w / 8, h);
    c.stroke();
}

void uml_control(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(3 * w / 8, h / 8 * 1.1), c.line_to(5 * w / 8, 0);
    c.stroke();
    c.ellipse(0, h / 8, w, 7 * h / 8);
    c.fill_and_stroke();
    c.begin();
    c.move_to(3 * w / 8, h / 8 * 1.1), c.line_to(5 * w / 8, h / 4);
    c.stroke();
}

void uml_lifeline(Canvas& c, double w, double h, const Style& s) {
    const double d = std::clamp(num(s, "size", 40), 0.0, h);
    // The header: the participant shape (an actor, boundary, entity or control) or a box.
    const std::string participant = s.get_or("participant", "");
    if (participant == "umlActor")
        uml_actor(c, w, d, s);
    else if (participant == "umlBoundary")
        uml_boundary(c, w, d, s);
    else if (participant == "umlEntity")
        uml_entity(c, w, d, s);
    else if (participant == "umlControl")
        uml_control(c, w, d, s);
    else {
        c.rect(0, 0, w, d);
        c.fill_and_stroke();
    }
    if (d < h) {
        c.save();
        c.set_dashed(s.get_or("lifelineDashed", "1") == "1");
        c.begin();
        c.move_to(w / 2, d), c.line_to(w / 2, h);
        c.stroke();
        c.restore();
    }
}

void uml_frame(Canvas& c, double w, double h, const Style& s) {
    constexpr double corner = 10;
    const double fw = std::min(w, std::max(corner, num(s, "width", 60)));
    const double fh = std::min(h, std::max(1.5 * corner, num(s, "height", 30)));
    if (auto body = s.get("swimlaneFillColor"); body && *body != "none") {
        if (auto col = parse_color(*body)) {
            c.save();
            c.set_fill(col);
            c.rect(0, 0, w, h);
            c.fill();
            c.restore();
        }
    }
    c.begin();
    c.move_to(0, 0), c.line_to(fw, 0), c.line_to(fw, std::max(0.0, fh - 1.5 * corner));
    c.line_to(std::max(0.0, fw - corner), fh), c.line_to(0, fh);
    c.close();
    c.fill_and_stroke();
    c.begin();
    c.move_to(fw, 0), c.line_to(w, 0), c.line_to(w, h), c.line_to(0, h), c.line_to(0, fh);
    c.stroke();
}

// --- BPMN (mxBpmnShape: mxgraph.bpmn.shape with outline=, symbol=, background=) ---

void bpmn_symbol(Canvas& c, const std::string& symbol, double w, double h, bool filled_symbol,
                 const Style& s) {
    auto poly = [&](std::initializer_list<Point> fr, bool closed = true) {
        c.begin();
        bool first = true;
        for (Point p : fr) {
            if (first)
                c.move_to(p.x * w, p.y * h);
            else
                c.line_to(p.x * w, p.y * h);
            first = false;
        }
        if (closed) c.close();
    };
    if (symbol == "message") {
        c.rect(0, 0, w, h);
        c.fill_and_stroke();
        if (filled_symbol && s.get_or("fillColor", "none") == "none") c.set_stroke(Color{255, 255, 255});
        poly({{0, 0}, {0.5, 0.5}, {1, 0}}, false);
        c.stroke();
    } else if (symbol == "timer") {
        c.ellipse(0, 0, w, h);
        c.fill_and_stroke();
        static const double ticks[][4] = {
            {.5, 0, .5, .0642}, {.7484, .0654, .7126, .1281}, {.93, .2471, .8673, .2854},
            {1, .5, .9338, .5}, {.93, .7509, .8673, .7126},   {.7484, .9326, .7126, .8699},
            {.5, .9338, .5, 1}, {.2496, .9325, .2854, .8699}, {.068, .7509, .1307, .7126},
            {0, .5, .0642, .5}, {.068, .2471, .1307, .2854},  {.2496, .0654, .2854, .1281}};
        c.begin();
        for (const auto& t : ticks) c.move_to(t[0] * w, t[1] * h), c.line_to(t[2] * w, t[3] * h);
        c.move_to(.5246 * w, .0706 * h), c.line_to(.5 * w, .5 * h), c.line_to(.7804 * w, .5118 * h);
        c.stroke();
    } else if (symbol == "escalation") {
        poly({{0, 1}, {.5, 0}, {1, 1}, {.5, .5}});
        c.fill_and_stroke();
    } else if (symbol == "conditional") {
        c.rect(0, 0, w, h);
        c.fill_and_stroke();
        c.begin();
        for (double y : {.1027, .3669, .6311, .8953}) c.move_to(0, y * h), c.line_to(.798 * w, y * h);
        c.stroke();
    } else if (symbol == "link") {
        poly({{0, .76}, {0, .24}, {.63, .24}, {.63, 0}, {1, .5}, {.63, 1}, {.63, .76}});
        c.fill_and_stroke();
    } else if (symbol == "error") {
        poly({{0, 1}, {.3287, .123}, {.6194, .6342}, {1, 0}, {.6625, .939}, {.3717, .5064}});
        if (filled_symbol)
            c.fill();
        else
            c.fill_and_stroke();
    } else if (symbol == "cancel") {
        poly({{.1051, 0},
              {.5, .3738},
              {.8909, 0},
              {1, .1054},
              {.623, .5},
              {1, .8926},
              {.8909, 1},
              {.5, .6242},
              {.1051, 1},
              {0, .8926},
              {.373, .5},
              {0, .1054}});
        c.fill_and_stroke();
    } else if (symbol == "compensation") {
        c.begin();
        c.move_to(0, .5 * h), c.line_to(.5 * w, 0), c.line_to(.5 * w, h), c.close();
        c.move_to(.5 * w, .5 * h), c.line_to(w, 0), c.line_to(w, h), c.close();
        c.fill_and_stroke();
    } else if (symbol == "signal") {
        poly({{0, 1}, {.5, 0}, {1, 1}});
        c.fill_and_stroke();
    } else if (symbol == "multiple") {
        poly({{0, .39}, {.5, 0}, {1, .39}, {.815, 1}, {.185, 1}});
        c.fill_and_stroke();
    } else if (symbol == "parallelMultiple" || symbol == "parallelGw") {
        const bool gw = symbol == "parallelGw";
        auto fill = c.fill_color();
        auto stroke = c.stroke_color();
        if (gw) c.set_stroke(fill), c.set_fill(stroke);
        poly({{.38, 0},
              {.62, 0},
              {.62, .38},
              {1, .38},
              {1, .62},
              {.62, .62},
              {.62, 1},
              {.38, 1},
              {.38, .62},
              {0, .62},
              {0, .38},
              {.38, .38}});
        c.fill_and_stroke();
        if (gw) c.set_stroke(stroke), c.set_fill(fill);
    } else if (symbol == "terminate") {
        c.ellipse(0, 0, w, h);
        c.fill_and_stroke();
    } else if (symbol == "exclusiveGw") {
        auto fill = c.fill_color();
        auto stroke = c.stroke_color();
        c.set_stroke(fill), c.set_fill(stroke);
        poly({{.105, 0},
              {.5, .38},
              {.895, 0},
              {1, .11},
              {.6172, .5},
              {1, .89},
              {.895, 1},
              {.5, .62},
              {.105, 1},
              {0, .89},
              {.3808, .5},
              {0, .11}});
        c.fill_and_stroke();
        c.set_stroke(stroke), c.set_fill(fill);
    } else if (symbol == "complexGw") {
        auto fill = c.fill_color();
        auto stroke = c.stroke_color();
        c.set_stroke(fill), c.set_fill(stroke);
        poly({{0, .44},   {.36, .44}, {.1, .18},  {.18, .1},  {.44, .36}, {.44, 0},   {.56, 0},   {.56, .36},
              {.82, .1},  {.9, .18},  {.64, .44}, {1, .44},   {1, .56},   {.64, .56}, {.9, .82},  {.82, .9},
              {.56, .64}, {.56, 1},   {.44, 1},   {.44, .64}, {.18, .9},  {.1, .82},  {.36, .56}, {0, .56}});
        c.fill_and_stroke();
        c.set_stroke(stroke), c.set_fill(fill);
    } else if (symbol == "star") {
        c.translate(w / 5, h / 6);
        const double sh = h * 2 / 3, sw = w * .6;
        c.begin();
        const double pts[][2] = {{0, .25}, {1. / 3, .25}, {.5, 0}, {2. / 3, .25}, {1, .25}, {5. / 6, .5},
                                 {1, .75}, {2. / 3, .75}, {.5, 1}, {1. / 3, .75}, {0, .75}, {1. / 6, .5}};
        bool first = true;
        for (const auto& p : pts) {
            if (first)
                c.move_to(p[0] * sw, p[1] * sh);
            else
                c.line_to(p[0] * sw, p[1] * sh);
            first = false;
        }
        c.close();
        c.fill_and_stroke();
    }
}

void bpmn_shape(Canvas& c, double w, double h, const Style& s) {
    const bool gateway = s.get_or("background", "none") == "gateway";
    if (gateway) {
        c.begin();
        c.move_to(w / 2, 0), c.line_to(w, h / 2), c.line_to(w / 2, h), c.line_to(0, h / 2);
        c.close();
        c.fill_and_stroke();
        c.translate(w / 4, h / 4);
        w /= 2, h /= 2;
    }
    const std::string outline = s.get_or("outline", "none");
    auto ring = [&]() {
        c.ellipse(0, 0, w, h);
        c.fill_and_stroke();
    };
    if (outline == "standard" || outline == "eventInt") {
        ring();
    } else if (outline == "eventNonint") {
        c.save();
        c.set_dashed(true);
        ring();
        c.restore();
    } else if (outline == "catching" || outline == "boundInt" || outline == "boundNonint") {
        c.save();
        if (outline == "boundNonint") c.set_dashed(true);
        ring();
        c.ellipse(2, 2, w - 4, h - 4);
        c.stroke();
        c.restore();
    } else if (outline == "throwing") {
        ring();
        c.ellipse(.02 * w + 2, .02 * h + 2, .96 * w - 4, .96 * h - 4);
        c.stroke();
    } else if (outline == "end") {
        c.save();
        c.set_stroke_width(3 * c.stroke_width());
        ring();
        c.restore();
    }
    const std::string symbol = s.get_or("symbol", "");
    if (symbol.empty() || symbol == "general") return;
    static const std::map<std::string, std::array<double, 4>, std::less<>> boxes = {
        {"message", {.15, .3, .7, .4}},         {"timer", {.11, .11, .78, .78}},
        {"escalation", {.19, .15, .62, .57}},   {"conditional", {.3, .16, .4, .68}},
        {"link", {.27, .33, .46, .34}},         {"error", {.212, .243, .58, .507}},
        {"cancel", {.22, .22, .56, .56}},       {"compensation", {.28, .35, .44, .3}},
        {"signal", {.19, .15, .62, .57}},       {"multiple", {.2, .19, .6, .565}},
        {"parallelMultiple", {.2, .2, .6, .6}}, {"terminate", {.05, .05, .9, .9}},
        {"exclusiveGw", {.12, 0, .76, 1}}};
    if (auto it = boxes.find(symbol); it != boxes.end()) {
        c.translate(it->second[0] * w, it->second[1] * h);
        w *= it->second[2], h *= it->second[3];
    }
    const auto fill = c.fill_color(), stroke = c.stroke_color();
    bool filled = false;
    if (symbol == "star") {
        c.set_fill(stroke);
    } else if (outline == "throwing" || outline == "end") {
        c.set_stroke(fill);
        c.set_fill(stroke);
        filled = true;
    }
    bpmn_symbol(c, symbol, w, h, filled, s);
}

// --- Library shapes drawn in code (mxgraph.<library>.<name>) ---

void bootstrap_rrect(Canvas& c, double w, double h, const Style& s) {
    c.roundrect(0, 0, w, h, num(s, "rSize", 10));
    c.fill_and_stroke();
}

void arrows2_arrow(Canvas& c, double w, double h, const Style& s) {
    const double dy = 0.5 * h * std::clamp(num(s, "dy", 0.5), 0.0, 1.0);
    const double dx = std::clamp(num(s, "dx", 0.5), 0.0, w), notch = std::clamp(num(s, "notch", 0), 0.0, w);
    c.begin();
    c.move_to(0, dy), c.line_to(w - dx, dy), c.line_to(w - dx, 0), c.line_to(w, h / 2), c.line_to(w - dx, h);
    c.line_to(w - dx, h - dy), c.line_to(0, h - dy), c.line_to(notch, h / 2);
    c.close();
    c.fill_and_stroke();
    if (s.flag("headCrossline")) {
        c.begin();
        c.move_to(w - dx, dy), c.line_to(w - dx, h - dy);
        c.stroke();
    }
    if (s.flag("tailCrossline")) {
        c.begin();
        c.move_to(notch, dy), c.line_to(notch, h - dy);
        c.stroke();
    }
}

void icon_grid(Canvas& c, double w, double h, const Style& s) {
    int cols = 3, rows = 3;
    {
        std::string g = s.get_or("gridSize", "3,3");
        std::replace(g.begin(), g.end(), ',', ' ');
        std::istringstream in(g);
        in >> cols >> rows;
        cols = std::clamp(cols, 1, 100), rows = std::clamp(rows, 1, 100);
    }
    const double cw = w / (cols + 0.5 * (cols - 1)), ch = h / (rows + 0.5 * (rows - 1));
    for (int i = 0; i < cols; ++i)
        for (int j = 0; j < rows; ++j) {
            c.rect(1.5 * cw * i, 1.5 * ch * j, cw, ch);
            c.fill_and_stroke();
        }
    for (int i = 0; i < cols; ++i)
        for (int j = 0; j < rows; ++j) {
            const double x = 1.5 * cw * i, y = 1.5 * ch * j;
            c.begin();
            c.move_to(x, y), c.line_to(x + cw, y + ch), c.move_to(x + cw, y), c.line_to(x, y + ch);
            c.stroke();
        }
}

void margin_rect(Canvas& c, double w, double h, const Style& s) {
    const double m = num(s, "rectMargin", 0), l = m + num(s, "rectMarginLeft", 0),
                 t = m + num(s, "rectMarginTop", 0);
    const double rw = w - num(s, "rectMarginRight", 0) - l - m,
                 rh = h - num(s, "rectMarginBottom", 0) - t - m;
    if (rw > 0 && rh > 0) {
        c.rect(l, t, rw, rh);
        c.fill_and_stroke();
    }
}

void markup_line(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(0, h / 2), c.line_to(w, h / 2);
    c.stroke();
}

void infographic_cylinder(Canvas& c, double w, double h, const Style&) {
    const double rx = w / 2;
    auto body = [&](bool top_sweep) {
        c.begin();
        c.move_to(0, 10);
        c.arc_to(rx, 10, 0, false, top_sweep, w, 10);
        c.line_to(w, h - 10);
        c.arc_to(rx, 10, 0, false, true, 0, h - 10);
        c.close();
    };
    body(true);
    c.fill_and_stroke();
    c.save();
    c.set_gradient({0, 0, 0}, {255, 255, 255}, "east", 0.4);
    body(false);
    c.fill();
    c.restore();
    body(true);
    c.stroke();
}

void hor_lines(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, w, h);
    c.fill();
    c.begin();
    c.move_to(0, 0), c.line_to(w, 0), c.move_to(0, h), c.line_to(w, h);
    c.stroke();
}

void curly_brace(Canvas& c, double w, double h, const Style&) {
    const double mid = h / 2, r = std::min(0.125 * w, mid);
    c.begin();
    c.move_to(0, mid + r);
    c.arc_to(r, r, 0, false, true, r, mid);
    c.line_to(w / 2 - r, mid);
    c.arc_to(r, r, 0, false, false, w / 2, mid - r);
    c.arc_to(r, r, 0, false, false, w / 2 + r, mid);
    c.line_to(w - r, mid);
    c.arc_to(r, r, 0, false, true, w, mid + r);
    c.stroke();
}

void nothing(Canvas&, double, double, const Style&) {}

void mockup_button(Canvas& c, double w, double h, const Style& s) {
    c.begin();
    if (s.get_or("buttonStyle", "round") == "chevron") {
        c.move_to(0, .1 * h);
        c.arc_to(.0372 * w, .1111 * h, 0, false, true, .0334 * w, 0);
        c.line_to(.768 * w, 0);
        c.arc_to(.0722 * w, .216 * h, 0, false, true, .8014 * w, .0399 * h);
        c.line_to(.99 * w, .4585 * h);
        c.arc_to(.09 * w, .1 * h, 0, false, true, .99 * w, .5415 * h);
        c.line_to(.8014 * w, .9568 * h);
        c.arc_to(.0722 * w, .216 * h, 0, false, true, .768 * w, h);
        c.line_to(.0334 * w, h);
        c.arc_to(.0372 * w, .1111 * h, 0, false, true, 0, .9 * h);
    } else {
        c.move_to(0, 10);
        c.arc_to(10, 10, 0, false, true, 10, 0);
        c.line_to(w - 10, 0);
        c.arc_to(10, 10, 0, false, true, w, 10);
        c.line_to(w, h - 10);
        c.arc_to(10, 10, 0, false, true, w - 10, h);
        c.line_to(10, h);
        c.arc_to(10, 10, 0, false, true, 0, h - 10);
    }
    c.close();
    c.fill_and_stroke();
    c.text(w / 2, h / 2, s.get_or("mainText", "Main Text"), num(s, "textSize", 17),
           color_or(s, "textColor", {0x66, 0x66, 0x66}), true);
}

void aws4_group(Canvas& c, double w, double h, const Style& s) {
    c.rect(0, 0, w, h);
    if (s.get_or("grStroke", "1") == "1")
        c.fill_and_stroke();
    else
        c.fill();
    if (auto icon = s.get("grIcon"); icon && !icon->empty()) {
        const double size = num(s, "grIconSize", 25);
        c.set_fill(c.stroke_color());
        c.stencil(std::string(*icon), 0, 0, size, size);
    }
}

void kubernetes_icon(Canvas& c, double w, double h, const Style& s) {
    const auto fill = c.fill_color(), stroke = c.stroke_color();
    c.set_fill(stroke);
    c.stencil("mxgraph.kubernetes.frame", 0, 0, w, h);
    c.set_fill(fill);
    c.stencil("mxgraph.kubernetes.frame", .03 * w, .03 * h, .94 * w, .94 * h);
    if (auto icon = s.get("prIcon"); icon && !icon->empty()) {
        c.set_fill(stroke);
        c.stencil("mxgraph.kubernetes." + std::string(*icon), .2 * w, .2 * h, .6 * w, .6 * h);
    }
}

// GCP 2's product icon: the hexagon with its symbol is one library stencil (prIcon), drawn in the fill colour
// inside the box, with no outline. prType=backend/input first put a coloured hexagon behind it; the other
// instance types (translucent stacks and outlines) are not drawn.
void gcp2_hex_icon(Canvas& c, double w, double h, const Style& s) {
    const auto fill = c.fill_color();
    const std::string type(s.get_or("prType", ""));
    if (type == "backend" || type == "input") {
        c.set_fill(type == "backend" ? Color{0xfc, 0xc6, 0x4d} : Color{0xa5, 0xda, 0x40});
        c.stencil("mxgraph.gcp2.outline_blank_1", .12 * w, .11 * h, .76 * w, .78 * h);
    }
    c.set_fill(fill);
    c.stencil("mxgraph.gcp2." + std::string(s.get_or("prIcon", "compute_engine")), .17 * w, .16 * h, .66 * w,
              .68 * h);
}

void data_store_id(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(w, h), c.line_to(0, h), c.line_to(0, 0), c.line_to(w, 0);
    c.fill_and_stroke();
    const double d = std::min(30.0, w);
    c.begin();
    c.move_to(d, 0), c.line_to(d, h);
    c.stroke();
}

void part_conc_ellipse(Canvas& c, double w, double h, const Style& s) {
    const double start = 2 * pi * std::clamp(num(s, "startAngle", 0.25), 0.0, 1.0);
    double end = 2 * pi * std::clamp(num(s, "endAngle", 0.75), 0.0, 1.0);
    const double k = 1 - std::clamp(num(s, "arcWidth", 0.5), 0.0, 1.0);
    const double rx = w / 2, ry = h / 2, irx = rx * k, iry = ry * k;
    double span = end - start;
    if (span < 0)
        span += 2 * pi;
    else if (span == pi)
        end += 1e-5;
    const bool large = span >= pi;
    c.begin();
    c.move_to(rx + std::sin(start) * rx, ry - std::cos(start) * ry);
    c.arc_to(rx, ry, 0, large, true, rx + std::sin(end) * rx, ry - std::cos(end) * ry);
    c.line_to(rx + std::sin(end) * irx, ry - std::cos(end) * iry);
    c.arc_to(irx, iry, 0, large, false, rx + std::sin(start) * irx, ry - std::cos(start) * iry);
    c.close();
    c.fill_and_stroke();
}

void search_box(Canvas& c, double w, double h, const Style& s) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    c.text(5, h / 2, s.get_or("mainText", "Search"), num(s, "textSize", 17),
           color_or(s, "textColor", {0x66, 0x66, 0x66}), false, true);
    c.set_stroke(color_or(s, "strokeColor2", {0x00, 0x8c, 0xff}));
    c.ellipse(w - 15, h / 2 - 8, 10, 10);
    c.stroke();
    c.begin();
    c.move_to(w - 19, h / 2 + 9), c.line_to(w - 13, h / 2 + 1);
    c.stroke();
}

void combo_box(Canvas& c, double w, double h, const Style& s) {
    const auto fill = c.fill_color();
    c.save();
    c.set_fill(Color{255, 255, 255});
    c.roundrect(0, 0, w, h, 5);
    c.fill_and_stroke();
    c.restore();
    c.save();
    if (auto second = s.get("fillColor2"); second && fill) {
        if (auto to = parse_color(*second)) c.set_gradient(*fill, *to, "south", 1);
    }
    c.begin();
    c.move_to(w - 30, 0), c.line_to(w - 5, 0);
    c.arc_to(5, 5, 0, false, true, w, 5);
    c.line_to(w, h - 5);
    c.arc_to(5, 5, 0, false, true, w - 5, h);
    c.line_to(w - 30, h);
    c.close();
    c.fill_and_stroke();
    c.set_fill(Color{255, 255, 255});
    c.begin();
    c.move_to(w - 22, h / 2 - 5), c.line_to(w - 15, h / 2 + 5), c.line_to(w - 8, h / 2 - 5);
    c.fill();
    c.restore();
    c.text(5, h / 2, s.get_or("mainText", "Main Text"), num(s, "textSize", 17),
           color_or(s, "textColor", {0x66, 0x66, 0x66}), false, true);
}

void rating(Canvas& c, double, double h, const Style& s) {
    const bool heart = s.get_or("ratingStyle", "star") == "heart";
    const int grade = int(std::clamp(num(s, "grade", 5), 0.0, 100.0)),
              scale = int(std::clamp(num(s, "ratingScale", 10), 0.0, 100.0));
    auto draw = [&](int i) {
        const double o = i * h * 1.2;
        c.begin();
        if (!heart) {
            const double p[][2] = {{0, .33},    {.364, .33}, {.475, 0},    {.586, .33}, {.95, .33},
                                   {.66, .551}, {.775, .9},  {.475, .684}, {.175, .9},  {.29, .551}};
            c.move_to(o + p[0][0] * h, p[0][1] * h);
            for (int k = 1; k < 10; ++k) c.line_to(o + p[k][0] * h, p[k][1] * h);
        } else {
            c.move_to(o + .519 * h, .947 * h);
            c.curve_to(o + .558 * h, .908 * h, o + .778 * h, .682 * h, o + .916 * h, .54 * h);
            c.curve_to(o + 1.039 * h, .414 * h, o + 1.036 * h, .229 * h, o + .924 * h, .115 * h);
            c.curve_to(o + .812 * h, 0, o + .631 * h, 0, o + .519 * h, .115 * h);
            c.curve_to(o + .408 * h, 0, o + .227 * h, 0, o + .115 * h, .115 * h);
            c.curve_to(o + .03 * h, .229 * h, o, .414 * h, o + .123 * h, .54 * h);
        }
        c.close();
        c.fill_and_stroke();
    };
    for (int i = 0; i < grade; ++i) draw(i);
    auto empty = s.get_or("emptyFillColor", "#ffffff");
    c.set_fill(empty == "none" ? std::nullopt : parse_color(empty));
    for (int i = grade; i < scale; ++i) draw(i);
}

void sap_icon(Canvas& c, double w, double h, const Style&) {
    c.ellipse(0, 0, w, h);
    c.fill_and_stroke();
}

void rack_container(Canvas& c, double w, double h, const Style& s) {
    const std::string numbers = s.get_or("numDisp", "ascend");
    const bool show = numbers != "off";
    if (show) c.translate(24, 0), w = std::max(w - 24, 0.0);
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    c.set_fill(color_or(s, "fillColor2", {0xf4, 0xf4, 0xf4}));
    if (w > 18 + 24 && h > 42) {
        for (const auto& r :
             {std::array<double, 4>{0, 0, w, 21}, std::array<double, 4>{0, h - 21, w, 21},
              std::array<double, 4>{0, 21, 9, h - 42}, std::array<double, 4>{w - 9, 21, 9, h - 42}}) {
            c.rect(r[0], r[1], r[2], r[3]);
            c.fill_and_stroke();
        }
        for (const auto& e :
             {Point{2.5, 7.5}, Point{w - 8.5, 7.5}, Point{2.5, h - 13.5}, Point{w - 8.5, h - 13.5}}) {
            c.ellipse(e.x, e.y, 6, 6);
            c.stroke();
        }
    }
    if (show && w > 42) {
        const double unit = std::max(1.0, num(s, "rackUnitSize", 20));
        const int units = int(std::floor((std::abs(h) - 42) / unit));
        const Color text = color_or(s, "textColor", {0x66, 0x66, 0x66});
        for (int i = 0; i < units && i < 1000; ++i)
            c.text(-12, 21 + 0.5 * unit + i * unit, std::to_string(numbers == "descend" ? i + 1 : units - i),
                   12, text);
        c.begin();
        for (int i = 0; i <= units && i <= 1000; ++i)
            c.move_to(-24, 21 + i * unit), c.line_to(0, 21 + i * unit);
        c.stroke();
    }
}

void hor_cable_duct(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    const int n = int(std::floor((w - 20) / 33));
    double x = 10 + std::floor((w - 20 - 33 * n) / 2);
    for (int i = 0; n > 0 && i <= n && i < 1000; ++i, x += 33) {
        c.rect(x, 0, 3, 7);
        c.stroke();
        c.rect(x, 7, 3, 7.8);
        c.stroke();
    }
}

void neat_patch(Canvas& c, double w, double h, const Style&) {
    c.set_fill(Color{0x66, 0x66, 0x66});
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    c.text(w / 2, h - 6, "NEAT-PATCH", 12, {255, 255, 255}, true);
}

void round_rect_callout(Canvas& c, double w, double h, const Style& s) {
    double dx = std::clamp(num(s, "dx", 0.5), 0.0, w);
    const double dy = std::clamp(num(s, "dy", 0.5), 0.0, h);
    double r = std::clamp(num(s, "size", 10), 0.0, h);
    r = std::min({(h - dy) / 2, w / 2, r});
    dx = std::min(w - r - dy / 2, std::max(r + dy / 2, dx));
    c.begin();
    c.move_to(dx - dy / 2, h - dy);
    c.line_to(r, h - dy);
    c.arc_to(r, r, 0, false, true, 0, h - dy - r);
    c.line_to(0, r);
    c.arc_to(r, r, 0, false, true, r, 0);
    c.line_to(w - r, 0);
    c.arc_to(r, r, 0, false, true, w, r);
    c.line_to(w, h - dy - r);
    c.arc_to(r, r, 0, false, true, w - r, h - dy);
    c.line_to(dx + dy / 2, h - dy);
    c.arc_to(1.9 * dy, 1.4 * dy, 0, false, true, dx - dy, h);
    c.arc_to(0.9 * dy, 1.4 * dy, 0, false, false, dx - dy / 2, h - dy);
    c.close();
    c.fill_and_stroke();
}

void simple_icon(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    c.begin();
    c.move_to(0, 0), c.line_to(w, h), c.move_to(0, h), c.line_to(w, 0);
    c.stroke();
}

void double_rect(Canvas& c, double w, double h, const Style&) {
    w -= 8, h -= 8;
    c.roundrect(8, 8, w, h, 1);
    c.fill_and_stroke();
    c.roundrect(0, 0, w, h, 1);
    c.fill_and_stroke();
}

void rounded_path(Canvas& c, double x, double y, double w, double h, double r) {
    c.begin();
    c.move_to(x, y + r);
    c.arc_to(r, r, 0, false, true, x + r, y);
    c.line_to(x + w - r, y);
    c.arc_to(r, r, 0, false, true, x + w, y + r);
    c.line_to(x + w, y + h - r);
    c.arc_to(r, r, 0, false, true, x + w - r, y + h);
    c.line_to(x + r, y + h);
    c.arc_to(r, r, 0, false, true, x, y + h - r);
    c.close();
}

void bootstrap_image(Canvas& c, double w, double h, const Style& s) {
    const double r = std::max(0.0, std::floor(num(s, "rSize", 10)));
    rounded_path(c, 0, 0, w, h, r);
    c.stroke();
    const double e = r / 2;
    rounded_path(c, e, e, std::max(0.0, w - r), std::max(0.0, h - r), e);
    c.fill();
}

void checkbox(Canvas& c, double w, double h, const Style&) {
    c.roundrect(0, 0, w, h, 3);
    c.fill_and_stroke();
    c.set_stroke_width(3);
    c.begin();
    c.move_to(.8 * w, .2 * h), c.line_to(.4 * w, .8 * h), c.line_to(.25 * w, .6 * h);
    c.stroke();
}

void top_button(Canvas& c, double w, double h, const Style& s) {
    const double r = std::floor(num(s, "rSize", 10));
    c.begin();
    c.move_to(0, r);
    c.arc_to(r, r, 0, false, true, r, 0);
    c.line_to(w - r, 0);
    c.arc_to(r, r, 0, false, true, w, r);
    c.line_to(w, h), c.line_to(0, h);
    c.close();
    c.fill_and_stroke();
}

void jump_in_arrow(Canvas& c, double w, double h, const Style& s) {
    const double dy = std::clamp(num(s, "dy", 0.5), 0.0, h), dx = std::clamp(num(s, "dx", 0.5), 0.0, w);
    const double head = std::clamp(num(s, "arrowHead", 40), 0.0, h);
    c.begin();
    c.move_to(w - dx, 0);
    c.line_to(w, head / 2);
    c.line_to(w - dx, head);
    c.line_to(w - dx, head / 2 + dy);
    c.arc_to(w - dx, h - head / 2 - dy, 0, false, false, 0, h);
    c.arc_to(w - dx, h - head / 2 + dy, 0, false, true, w - dx, head / 2 - dy);
    c.close();
    c.fill_and_stroke();
}

void sticky_note2(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(.03 * w, .07 * h);
    c.line_to(.89 * w, .06 * h);
    c.arc_to(2.81 * w, 2.92 * h, 1, false, false, .99 * w, .98 * h);
    c.line_to(.09 * w, .99 * h);
    c.arc_to(2.81 * w, 2.92 * h, 1, false, true, .03 * w, .07 * h);
    c.close();
    c.fill();
    c.set_fill(c.stroke_color());
    c.begin();
    c.move_to(.28 * w, 0), c.line_to(.59 * w, 0), c.line_to(.6 * w, .12 * h), c.line_to(.28 * w, .13 * h);
    c.close();
    c.fill();
}

void browser_window(Canvas& c, double w, double h, const Style& s) {
    w = std::max(w, 260.0), h = std::max(h, 110.0);
    const Color stroke = c.stroke_color().value_or(Color{0x66, 0x66, 0x66});
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    std::string text = s.get_or("mainText", "http://www.draw.io,Page 1");
    const auto comma = text.find(',');
    const std::string url = text.substr(0, comma),
                      title = comma == std::string::npos ? "" : text.substr(comma + 1);
    c.ellipse(w - 75, 5, 20, 20);
    c.stroke();
    c.ellipse(w - 50, 5, 20, 20);
    c.stroke();
    c.save();
    c.set_stroke(color_or(s, "strokeColor2", {0x00, 0x8c, 0xff}));
    c.ellipse(w - 25, 5, 20, 20);
    c.stroke();
    c.restore();
    c.set_stroke(color_or(s, "strokeColor3", {0xc4, 0xc4, 0xc4}));
    c.begin();
    c.move_to(0, 40), c.line_to(30, 40), c.line_to(30, 15);
    c.arc_to(5, 5, 0, false, true, 35, 10);
    c.line_to(170, 10);
    c.arc_to(5, 5, 0, false, true, 175, 15);
    c.line_to(175, 40), c.line_to(w, 40);
    c.stroke();
    c.begin();
    c.move_to(0, 110), c.line_to(w, 110);
    c.stroke();
    rounded_path(c, 100, 55, w - 110, 35, 5);
    c.stroke();
    const Color text_color = color_or(s, "textColor", {0x66, 0x66, 0x66});
    c.text(65, 25, title, 17, text_color, false, true);
    c.text(130, 73, url, 17, text_color, false, true);
    (void)stroke;
}

void ios7_phone(Canvas& c, double w, double h, const Style&) {
    c.roundrect(0, 0, w, h, 25);
    c.fill_and_stroke();
    c.rect(.0625 * w, .15 * h, .875 * w, .7 * h);
    c.stroke();
    c.ellipse(.4875 * w, .04125 * h, .025 * w, .0125 * h);
    c.stroke();
    c.roundrect(.375 * w, .075 * h, .25 * w, .01875 * h, .02 * w, .01 * h);
    c.stroke();
    c.ellipse(.4 * w, .875 * h, .2 * w, .1 * h);
    c.stroke();
    c.roundrect(.4575 * w, .905 * h, .085 * w, .04375 * h, .00625 * h, .00625 * h);
    c.stroke();
}

// --- Lean mapping (mxLeanMap) ---

void lean_schedule(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
}

void lean_outside_sources(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(0, h), c.line_to(0, .3 * h), c.line_to(.33 * w, .02 * h), c.line_to(.33 * w, .3 * h);
    c.line_to(.67 * w, .02 * h), c.line_to(.67 * w, .3 * h), c.line_to(w, .02 * h), c.line_to(w, h);
    c.close();
    c.fill_and_stroke();
}

void lean_inventory_box(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(0, h), c.line_to(w / 2, 0), c.line_to(w, h);
    c.close();
    c.fill_and_stroke();
    c.begin();
    c.move_to(.4 * w, .45 * h), c.line_to(.6 * w, .45 * h), c.move_to(.5 * w, .45 * h),
        c.line_to(.5 * w, .85 * h);
    c.move_to(.4 * w, .85 * h), c.line_to(.6 * w, .85 * h);
    c.stroke();
}

void lean_process(Canvas& c, double w, double h, const Style& s) {
    c.rect(0, 0, w, h);
    c.fill_and_stroke();
    const double y = std::min(1.5 * num(s, "fontSize", 8), h);
    c.begin();
    c.move_to(0, y), c.line_to(w, y);
    c.stroke();
}

void lean_data_box(Canvas& c, double w, double h, const Style&) {
    c.begin();
    c.move_to(0, h), c.line_to(0, 0), c.line_to(w, 0), c.line_to(w, h);
    c.fill_and_stroke();
    c.begin();
    for (double f : {.2, .4, .6, .8}) c.move_to(0, f * h), c.line_to(w, f * h);
    c.stroke();
}

void lean_truck(Canvas& c, double w, double h, const Style&) {
    c.rect(0, 0, .6 * w, .8 * h);
    c.fill_and_stroke();
    c.rect(.6 * w, .35 * h, .4 * w, .45 * h);
    c.fill_and_stroke();
    c.set_fill(c.stroke_color());
    c.ellipse(.15 * w, .8 * h, .2 * w, .2 * h);
    c.fill_and_stroke();
    c.ellipse(.65 * w, .8 * h, .2 * w, .2 * h);
    c.fill_and_stroke();
}

void lean_timeline(Canvas& c, double w, double h, const Style& s) {
    std::vector<std::string> parts;
    {
        std::string text =
            s.get_or("mainText", "20,Time 1,50,Time 2,30,Time 3,40,Time 4,30,Time 5,50,Time 6,20,Time 7");
        std::size_t start = 0;
        while (true) {
            const auto comma = text.find(',', start);
            parts.push_back(text.substr(start, comma == std::string::npos ? comma : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    const double size = num(s, "fontSize", 12);
    std::vector<double> lengths;
    std::vector<std::string> names;
    double total = 0;
    for (std::size_t i = 0; i < parts.size(); i += 2) {
        const double v = std::atof(parts[i].c_str());
        lengths.push_back(v);
        total += v;
    }
    for (std::size_t i = 1; i < parts.size(); i += 2) names.push_back(parts[i]);
    if (total <= 0) return;
    const double k = w / total;
    const Color text = c.stroke_color().value_or(Color{0, 0, 0});
    c.begin();
    c.move_to(0, h);
    double x = 0;
    for (std::size_t i = 0; i < names.size() && i < lengths.size(); ++i) {
        const double step = lengths[i] * k;
        x += step;
        if (i % 2 == 0) {
            c.line_to(x, h), c.line_to(x, 1.5 * size);
            c.text(x - step / 2, h - 0.75 * size, names[i], size, text);
        } else {
            c.line_to(x, 1.5 * size), c.line_to(x, h);
            c.text(x - step / 2, 0.75 * size, names[i], size, text);
        }
    }
    c.stroke();
}

const std::map<std::string, Draw, std::less<>>& shapes() {
    static const std::map<std::string, Draw, std::less<>> m = {
        {"waypoint", waypoint},
        {"partialRectangle", partial_rectangle},
        {"tableRow", partial_rectangle},
        {"folder", folder},
        {"component", component},
        {"message", message},
        {"cube", cube},
        {"note2", note2},
        {"lollipop", lollipop},
        {"dimension", dimension},
        {"plus", plus},
        {"switch", switch_shape},
        {"umlLifeline", uml_lifeline},
        {"umlBoundary", uml_boundary},
        {"umlEntity", uml_entity},
        {"umlControl", uml_control},
        {"umlFrame", uml_frame},
        {"mxgraph.bpmn.shape", bpmn_shape},
        {"mxgraph.bootstrap.rrect", bootstrap_rrect},
        {"mxgraph.arrows2.arrow", arrows2_arrow},
        {"mxgraph.mockup.graphics.iconGrid", icon_grid},
        {"mxgraph.gmdl.marginRect", margin_rect},
        {"mxgraph.mockup.markup.line", markup_line},
        {"mxgraph.infographic.cylinder", infographic_cylinder},
        {"mxgraph.bootstrap.horLines", hor_lines},
        {"mxgraph.mockup.markup.curlyBrace", curly_brace},
        {"mxgraph.bootstrap.anchor", nothing},
        {"mxgraph.mockup.containers.anchor", nothing},
        {"mxgraph.mockup.buttons.button", mockup_button},
        {"mxgraph.aws4.group", aws4_group},
        {"mxgraph.kubernetes.icon", kubernetes_icon},
        {"mxgraph.dfd.dataStoreID", data_store_id},
        {"mxgraph.basic.partConcEllipse", part_conc_ellipse},
        {"mxgraph.mockup.forms.searchBox", search_box},
        {"mxgraph.mockup.forms.comboBox", combo_box},
        {"mxgraph.bootstrap.rating", rating},
        {"mxgraph.sap.icon", sap_icon},
        {"mxgraph.rackGeneral.container", rack_container},
        {"mxgraph.rackGeneral.horCableDuct", hor_cable_duct},
        {"mxgraph.rackGeneral.neatPatch", neat_patch},
        {"mxgraph.basic.roundRectCallout", round_rect_callout},
        {"mxgraph.mockup.graphics.simpleIcon", simple_icon},
        {"mxgraph.gcp2.doubleRect", double_rect},
        {"mxgraph.gcp2.hexIcon", gcp2_hex_icon},
        {"mxgraph.bootstrap.image", bootstrap_image},
        {"mxgraph.bootstrap.checkbox", checkbox},
        {"mxgraph.bootstrap.topButton", top_button},
        {"mxgraph.arrows2.jumpInArrow", jump_in_arrow},
        {"mxgraph.mockup.text.stickyNote2", sticky_note2},
        {"mxgraph.mockup.containers.browserWindow", browser_window},
        {"mxgraph.ios7ui.phone", ios7_phone},
        {"mxgraph.lean_mapping.schedule", lean_schedule},
        {"mxgraph.lean_mapping.outside_sources", lean_outside_sources},
        {"mxgraph.lean_mapping.inventory_box", lean_inventory_box},
        {"mxgraph.lean_mapping.manufacturing_process", lean_process},
        {"mxgraph.lean_mapping.data_box", lean_data_box},
        {"mxgraph.lean_mapping.truck_shipment", lean_truck},
        {"mxgraph.lean_mapping.timeline", lean_timeline},
    };
    return m;
}

// Where the shape puts its label, when it is not the whole box (draw.io's getLabelBounds/getLabelMargins).
std::optional<Rect> label_box(const std::string& name, const Rect& b, const Style& s) {
    if (name == "umlLifeline") return Rect{b.x, b.y, b.width, std::clamp(num(s, "size", 40), 0.0, b.height)};
    if (name == "umlFrame")
        return Rect{b.x, b.y, std::min(b.width, num(s, "width", 60)),
                    std::min(b.height, num(s, "height", 30))};
    // mxCube: with boundedLbl the label keeps to the front face (the depth `size` off its left and top).
    if (name == "cube" && s.flag("boundedLbl")) {
        const double d = std::clamp(num(s, "size", 20), 0.0, std::min(b.width, b.height));
        return Rect{b.x + d, b.y + d, b.width - d, b.height - d};
    }
    if (name == "mxgraph.rackGeneral.container" && s.get_or("numDisp", "ascend") != "off")
        return Rect{b.x + 24, b.y, std::max(0.0, b.width - 24), b.height};
    return std::nullopt;
}

}  // namespace

bool is_coded_shape(std::string_view name) {
    return shapes().find(name) != shapes().end();
}

std::optional<CodedDrawing> coded_shape(const std::string& name, const Rect& b, const Style& style,
                                        const CodedPaint& paint) {
    auto it = shapes().find(name);
    if (it == shapes().end()) return std::nullopt;
    // As mxShape: a shape turned north or south is drawn in the box with its sides swapped, then turned
    // about the centre (east 0, south 90, west 180, north 270 degrees); flips mirror it in its own frame.
    const std::string direction = style.get_or("direction", "east");
    const double turn = direction == "south"   ? 90
                        : direction == "west"  ? 180
                        : direction == "north" ? 270
                                               : 0;
    const bool swap = turn == 90 || turn == 270;
    const double w = swap ? b.height : b.width, h = swap ? b.width : b.height;
    const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    Canvas canvas({cx - w / 2, cy - h / 2}, paint);
    it->second(canvas, w, h, style);
    CodedDrawing out = canvas.take();
    // mxShape.apply swaps the flips of a shape turned north or south, so that flipH still mirrors it
    // left-right on the page once turned (a lollipop turned south with flipH=1 has its ball on the left).
    bool fh = style.flag("flipH"), fv = style.flag("flipV");
    if (swap) std::swap(fh, fv);
    if (turn != 0 || fh || fv) {
        const double a = turn * pi / 180, ca = std::cos(a), sa = std::sin(a);
        auto move = [&](Point& p) {
            double dx = p.x - cx, dy = p.y - cy;
            if (fh) dx = -dx;
            if (fv) dy = -dy;
            p = {cx + dx * ca - dy * sa, cy + dx * sa + dy * ca};
        };
        for (auto& p : out.paths)
            for (auto& op : p.path.ops)
                for (auto& q : op.p) move(q);
        for (auto& t : out.texts) move(t.at);
        for (auto& st : out.stencils) {
            Point c{st.box.x + st.box.width / 2, st.box.y + st.box.height / 2};
            move(c);
            st.box.x = c.x - st.box.width / 2, st.box.y = c.y - st.box.height / 2;
        }
    }
    out.label_box = label_box(name, b, style);
    return out;
}

}  // namespace jstudio::render
