#include "core/render/shape_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/render/orth_connector.hpp"

namespace jstudio::render {

namespace {

// draw.io aliases for shapes we draw the same way.
const std::map<std::string, std::string, std::less<>>& aliases() {
    static const std::map<std::string, std::string, std::less<>> m = {
        {"mxgraph.flowchart.decision", "rhombus"},
        {"mxgraph.flowchart.process", "process"},
        {"mxgraph.flowchart.terminator", "terminator"},
        {"mxgraph.flowchart.start_1", "ellipse"},
        {"mxgraph.flowchart.start_2", "ellipse"},
        {"mxgraph.flowchart.on-page_reference", "ellipse"},
        {"mxgraph.flowchart.document", "document"},
        {"mxgraph.flowchart.data", "parallelogram"},
        {"mxgraph.flowchart.preparation", "hexagon"},
        {"mxgraph.flowchart.database", "cylinder"},
        {"mxgraph.flowchart.predefined_process", "process"},
        {"mxgraph.basic.rect", "rect"},
        {"cylinder3", "cylinder"},
        {"datastore", "cylinder"},
        {"rectangle", "rect"},
        {"label", "rect"},
        {"text", "rect"},
        {"table", "rect"},
        {"tableCell", "rect"},
        {"card", "card"},
        {"internalStorage", "rect"},
        {"flexArrow", "rect"},
    };
    return m;
}

const char* const known_names[] = {
    "rect", "ellipse", "doubleEllipse", "rhombus", "triangle", "hexagon", "parallelogram", "trapezoid",
    "cylinder", "document", "process", "swimlane", "note", "card", "step", "cloud", "actor", "umlActor",
    "image", "line", "terminator", "group", "ext", "manualInput", "callout", "curlyBracket",
    // draw.io's floor-plan shapes drawn in code (not stencils)
    "mxgraph.floorplan.wall", "mxgraph.floorplan.wallCorner", "mxgraph.floorplan.wallU",
    "mxgraph.floorplan.doorLeft", "mxgraph.floorplan.doorRight", "mxgraph.floorplan.doorDouble",
    "mxgraph.floorplan.window", "mxgraph.floorplan.stairs"};

std::string canonical(std::string name) {
    auto it = aliases().find(name);
    return it == aliases().end() ? name : it->second;
}

Point at(const Rect& r, double fx, double fy) {
    return {r.x + fx * r.width, r.y + fy * r.height};
}

// A closed polygon whose corners are cut `arcs[i]` back along both sides and joined by a quadratic curve
// through the corner, as mxShape.addPoints draws rounded polygons.
// Open (closed=false): the side from the last corner back to the first is not drawn, and the first and last
// corners must not be rounded.
Path rounded_polygon(const std::vector<Point>& pts, const std::vector<double>& arcs, bool closed = true) {
    const std::size_t n = pts.size();
    Path p;
    auto toward = [](Point from, Point to, double d) {
        const double len = std::hypot(to.x - from.x, to.y - from.y);
        if (len < 1e-9) return from;
        const double k = std::min(d, len / 2) / len;
        return Point{from.x + (to.x - from.x) * k, from.y + (to.y - from.y) * k};
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Point c = pts[i], prev = pts[(i + n - 1) % n], next = pts[(i + 1) % n];
        const Point in = toward(c, prev, arcs[i]), out = toward(c, next, arcs[i]);
        if (i == 0)
            p.move_to(in);
        else
            p.line_to(in);
        p.cubic_to({in.x + 2.0 / 3 * (c.x - in.x), in.y + 2.0 / 3 * (c.y - in.y)},
                   {out.x + 2.0 / 3 * (c.x - out.x), out.y + 2.0 / 3 * (c.y - out.y)}, out);
    }
    if (closed) p.close();
    return p;
}

// The path turned by `degrees` clockwise about (cx, cy).
Path turned(Path p, double degrees, double cx, double cy) {
    if (degrees == 0) return p;
    const double a = degrees * 3.14159265358979323846 / 180, ca = std::cos(a), sa = std::sin(a);
    for (auto& op : p.ops)
        for (auto& q : op.p) {
            const double dx = q.x - cx, dy = q.y - cy;
            q = {cx + dx * ca - dy * sa, cy + dx * sa + dy * ca};
        }
    return p;
}

// The box a shape is drawn in facing east before it is turned to its direction (draw.io's rule: north and
// south swap its sides), the turn in degrees, and the box's sides.
struct EastFrame {
    double turn, width, height, x, y, right, bottom;
};
EastFrame east_frame(const std::string& direction, double cx, double cy, double w, double h) {
    const double turn = direction == "south"   ? 90
                        : direction == "west"  ? 180
                        : direction == "north" ? 270
                                               : 0;
    const bool swap = direction == "south" || direction == "north";
    const double fw = swap ? h : w, fh = swap ? w : h, fx = cx - fw / 2, fy = cy - fh / 2;
    return {turn, fw, fh, fx, fy, fx + fw, fy + fh};
}

}  // namespace

std::string shape_name(const diagram::Style& style) {
    if (auto s = style.get("shape"); s && !s->empty()) {
        // draw.io's table is a swimlane while it has a title (startSize, 40 when not given): the header
        // filled, the label in it, the body left to swimlaneFillColor; without one it is a plain rectangle.
        if ((*s == "table" || *s == "tableRow") && style.number("startSize", 40) > 0) return "swimlane";
        return canonical(*s);
    }
    for (const auto& token : style.tokens()) {
        if (token.has_value || token.key.empty()) continue;
        std::string c = canonical(token.key);
        if (is_known_shape(c)) return c;
    }
    return "rect";
}

bool is_known_shape(const std::string& name) {
    return std::find_if(std::begin(known_names), std::end(known_names),
                        [&](const char* n) { return name == n; }) != std::end(known_names);
}

ShapeOutline shape_outline(const std::string& name, const Rect& b, const diagram::Style& style) {
    ShapeOutline out;
    const double w = b.width, h = b.height, x = b.x, y = b.y, r = b.right(), bt = b.bottom();
    const double cx = x + w / 2, cy = y + h / 2;
    auto fill = [&](Path p) { out.fill_paths.push_back(std::move(p)); };
    auto detail = [&](Path p) { out.detail_paths.push_back(std::move(p)); };
    const std::string direction = style.get_or("direction", "east");
    // draw.io's size: a fraction of the width, or pixels with fixedSize=1 (then at most `max_px`).
    // draw.io's default for a fixed size is 20 px (the process shape keeps its fraction as pixels).
    auto sized = [&](double fallback, double max_fraction, double max_px) {
        if (style.flag("fixedSize"))
            return std::clamp(style.number("size", fallback < 0.1 + 1e-9 ? fallback : 20), 0.0,
                              std::max(0.0, max_px));
        return w * std::clamp(style.number("size", fallback), 0.0, max_fraction);
    };

    if (name == "rect") {
        if (style.flag("rounded")) {
            double radius = style.flag("absoluteArcSize")
                                ? style.number("arcSize", 20) / 2
                                : std::min(w, h) * style.number("arcSize", 15) / 100;
            fill(rounded_rect_path(b, radius));
        } else {
            fill(rect_path(b));
        }
    } else if (name == "ellipse") {
        fill(ellipse_path(b));
    } else if (name == "doubleEllipse") {
        fill(ellipse_path(b));
        double inset = std::min({4.0, w / 4, h / 4});
        detail(ellipse_path({x + inset, y + inset, w - 2 * inset, h - 2 * inset}));
    } else if (name == "rhombus") {
        if (style.flag("rounded")) {  // draw.io: arcSize (default 20) / 2 back from each corner
            const double arc = style.number("arcSize", 20) / 2;
            fill(rounded_polygon({{cx, y}, {r, cy}, {cx, bt}, {x, cy}}, {arc, arc, arc, arc}));
        } else {
            fill(polygon_path({{cx, y}, {r, cy}, {cx, bt}, {x, cy}}));
        }
    } else if (name == "triangle") {
        if (direction == "north")
            fill(polygon_path({{x, bt}, {cx, y}, {r, bt}}));
        else if (direction == "south")
            fill(polygon_path({{x, y}, {r, y}, {cx, bt}}));
        else if (direction == "west")
            fill(polygon_path({{r, y}, {x, cy}, {r, bt}}));
        else
            fill(polygon_path({{x, y}, {r, cy}, {x, bt}}));
    } else if (name == "hexagon") {
        double dx = sized(0.25, 0.5, w / 2);
        fill(polygon_path({{x + dx, y}, {r - dx, y}, {r, cy}, {r - dx, bt}, {x + dx, bt}, {x, cy}}));
    } else if (name == "parallelogram") {
        double dx = sized(0.2, 1.0, w);
        fill(polygon_path({{x + dx, y}, {r, y}, {r - dx, bt}, {x, bt}}));
    } else if (name == "trapezoid") {
        double dx = sized(0.2, 0.5, w / 2);
        fill(polygon_path({{x + dx, y}, {r - dx, y}, {r, bt}, {x, bt}}));
    } else if (name == "manualInput") {
        double dy = std::min(h, style.number("size", 30));
        fill(polygon_path({{x, y + dy}, {r, y}, {r, bt}, {x, bt}}));
    } else if (name == "cylinder") {
        double dy = std::min(h / 2, style.number("size", 15));
        const double k = 0.5522847498;
        Path p;
        p.move_to({x, y + dy});
        p.cubic_to({x, y + dy - k * dy}, {cx - k * w / 2, y}, {cx, y});
        p.cubic_to({cx + k * w / 2, y}, {r, y + dy - k * dy}, {r, y + dy});
        p.line_to({r, bt - dy});
        p.cubic_to({r, bt - dy + k * dy}, {cx + k * w / 2, bt}, {cx, bt});
        p.cubic_to({cx - k * w / 2, bt}, {x, bt - dy + k * dy}, {x, bt - dy});
        p.close();
        fill(std::move(p));
        Path rim;
        rim.move_to({x, y + dy});
        rim.cubic_to({x, y + dy + k * dy}, {cx - k * w / 2, y + 2 * dy}, {cx, y + 2 * dy});
        rim.cubic_to({cx + k * w / 2, y + 2 * dy}, {r, y + dy + k * dy}, {r, y + dy});
        detail(std::move(rim));
    } else if (name == "document") {
        double dy = h * std::clamp(style.number("size", 0.3), 0.0, 1.0);
        // draw.io: quadTo(3w/4, h-1.4dy, w/2, h-dy/2) then quadTo(w/4, h-0.6dy... ) — as cubics.
        auto quad = [](Path& p, Point from, Point c, Point to) {
            p.cubic_to({from.x + 2.0 / 3 * (c.x - from.x), from.y + 2.0 / 3 * (c.y - from.y)},
                       {to.x + 2.0 / 3 * (c.x - to.x), to.y + 2.0 / 3 * (c.y - to.y)}, to);
        };
        Path p;
        p.move_to({x, y});
        p.line_to({r, y});
        Point a{r, bt - dy / 2}, m{cx, bt - dy / 2}, e{x, bt - dy / 2};
        p.line_to(a);
        quad(p, a, {x + 0.75 * w, bt - 1.4 * dy}, m);
        quad(p, m, {x + 0.25 * w, bt + 0.4 * dy}, e);
        p.close();
        fill(std::move(p));
    } else if (name == "curlyBracket") {
        // draw.io's "{" opening to the right (flipH=1: "}"), its middle tick at the far side; lines only.
        bool flip = style.flag("flipH");
        auto fx = [&](double px) { return flip ? x + r - px : px; };
        detail(polygon_path({{fx(r), y}, {fx(cx), y}, {fx(cx), cy}, {fx(x), cy}}, false));
        detail(polygon_path({{fx(cx), cy}, {fx(cx), bt}, {fx(r), bt}}, false));
    } else if (name == "process") {
        fill(rect_path(b));
        double dx = sized(0.1, 0.5, w / 2);
        detail(polygon_path({{x + dx, y}, {x + dx, bt}}, false));
        detail(polygon_path({{r - dx, y}, {r - dx, bt}}, false));
    } else if (name == "note" || name == "card") {
        // As draw.io turns a shape to its direction: drawn east in the box (north/south swap its sides),
        // then turned about the centre; a note's fold goes from top right (east) to bottom left (west).
        const auto [turn, fw, fh, fx, fy, fr, fb] = east_frame(direction, cx, cy, w, h);
        double s = std::min({style.number("size", 30), fw, fh});
        if (name == "note") {
            fill(turned(polygon_path({{fx, fy}, {fr - s, fy}, {fr, fy + s}, {fr, fb}, {fx, fb}}), turn, cx,
                        cy));
            detail(turned(polygon_path({{fr - s, fy}, {fr - s, fy + s}, {fr, fy + s}}, false), turn, cx, cy));
        } else {
            fill(turned(polygon_path({{fx + s, fy}, {fr, fy}, {fr, fb}, {fx, fb}, {fx, fy + s}}), turn, cx,
                        cy));
        }
    } else if (name == "step") {
        // Drawn east in the box turned to its direction (north/south swap its sides), as draw.io's mxStep: a
        // west step points left.
        const auto [turn, fw, fh, fx, fy, fr, fb] = east_frame(direction, cx, cy, w, h);
        const double dx = style.flag("fixedSize") ? std::clamp(style.number("size", 20), 0.0, fw)
                                                  : fw * std::clamp(style.number("size", 0.2), 0.0, 1.0);
        fill(turned(polygon_path({{fx, fy}, {fr - dx, fy}, {fr, cy}, {fr - dx, fb}, {fx, fb}, {fx + dx, cy}}),
                    turn, cx, cy));
    } else if (name == "cloud") {
        Path p;
        p.move_to(at(b, 0.25, 0.25));
        p.cubic_to(at(b, 0.05, 0.25), at(b, 0, 0.5), at(b, 0.16, 0.55));
        p.cubic_to(at(b, 0, 0.66), at(b, 0.18, 0.9), at(b, 0.31, 0.8));
        p.cubic_to(at(b, 0.4, 1), at(b, 0.7, 1), at(b, 0.8, 0.8));
        p.cubic_to(at(b, 1, 0.8), at(b, 1, 0.6), at(b, 0.875, 0.5));
        p.cubic_to(at(b, 1, 0.3), at(b, 0.8, 0.1), at(b, 0.625, 0.2));
        p.cubic_to(at(b, 0.5, 0.05), at(b, 0.3, 0.05), at(b, 0.25, 0.25));
        p.close();
        fill(std::move(p));
    } else if (name == "actor") {
        const double third = 1.0 / 3;
        Path p;
        p.move_to(at(b, 0, 1));
        p.cubic_to(at(b, 0, 0.6), at(b, 0, 0.4), at(b, 0.5, 0.4));
        p.cubic_to(at(b, 0.5 - third, 0.4), at(b, 0.5 - third, 0), at(b, 0.5, 0));
        p.cubic_to(at(b, 0.5 + third, 0), at(b, 0.5 + third, 0.4), at(b, 0.5, 0.4));
        p.cubic_to(at(b, 1, 0.4), at(b, 1, 0.6), at(b, 1, 1));
        p.close();
        fill(std::move(p));
    } else if (name == "umlActor") {
        fill(ellipse_path({x + w / 4, y, w / 2, h / 4}));
        detail(polygon_path({at(b, 0.5, 0.25), at(b, 0.5, 2.0 / 3)}, false));
        detail(polygon_path({at(b, 0, 1.0 / 3), at(b, 1, 1.0 / 3)}, false));
        detail(polygon_path({at(b, 0, 1), at(b, 0.5, 2.0 / 3), at(b, 1, 1)}, false));
    } else if (name == "terminator" || name == "ext") {
        fill(rounded_rect_path(b, std::min(w, h) / 2));
    } else if (name == "swimlane") {
        // mxSwimlane: the header and the body each stroke their three outer sides (swimlaneHead=0 /
        // swimlaneBody=0 leave them out) and the divider between them is a line of its own (swimlaneLine=0
        // leaves it out); the body's fill is swimlaneFillColor, painted by the page renderer.
        const double start = style.number("startSize", 40);
        const bool horizontal = style.flag("horizontal", true);
        const double t = horizontal ? std::min(start, h) : std::min(start, w);
        // mxSwimlane: the radius is startSize * arcSize% * 3; the header's outer corners and the body's far
        // corners are round.
        const double arc = style.flag("rounded")
                               ? std::min({start * style.number("arcSize", 15) / 100 * 3, w / 2, h / 2})
                               : 0;
        auto open = [&](std::vector<Point> pts, std::vector<double> arcs) {
            return arc > 0 ? rounded_polygon(pts, arcs, false) : polygon_path(pts, false);
        };
        Path divider;
        if (horizontal) {
            fill(open({{x, y + t}, {x, y}, {r, y}, {r, y + t}}, {0, arc, arc, 0}));
            if (t < h) detail(open({{r, y + t}, {r, bt}, {x, bt}, {x, y + t}}, {0, arc, arc, 0}));
            divider = polygon_path({{x, y + t}, {r, y + t}}, false);
        } else {
            fill(open({{x + t, y}, {x, y}, {x, bt}, {x + t, bt}}, {0, arc, arc, 0}));
            if (t < w) detail(open({{x + t, y}, {r, y}, {r, bt}, {x + t, bt}}, {0, arc, arc, 0}));
            divider = polygon_path({{x + t, y}, {x + t, bt}}, false);
        }
        if (style.get_or("swimlaneBody", "1") == "0") out.detail_paths.clear();
        if (style.get_or("swimlaneHead", "1") == "0") out.stroke_fills = false;
        if (t > 0 && style.get_or("swimlaneLine", "1") != "0") detail(std::move(divider));
    } else if (name.rfind("mxgraph.floorplan.", 0) == 0) {
        // Drawn as draw.io's floor-plan shapes: in the box turned to the direction (north/south swap its
        // sides), then turned back about the centre.
        const double turn = direction == "south"   ? 90
                            : direction == "west"  ? 180
                            : direction == "north" ? 270
                                                   : 0;
        const bool swap = direction == "south" || direction == "north";
        const double fw = swap ? h : w, fh = swap ? w : h, fx = cx - fw / 2, fy = cy - fh / 2;
        const double th = style.number("wallThickness", 10);
        // flipH/flipV mirror the shape in its own box before it is turned (mxSvgCanvas2D.rotate: the mirror,
        // then the rotation, whose sign the mirror reverses).
        const bool mirror_x = style.flag("flipH"), mirror_y = style.flag("flipV");
        auto place = [&](Path p) {
            if (mirror_x || mirror_y)
                for (auto& op : p.ops)
                    for (auto& q : op.p) {
                        if (mirror_x) q.x = 2 * cx - q.x;
                        if (mirror_y) q.y = 2 * cy - q.y;
                    }
            return turned(std::move(p), turn, cx, cy);
        };
        const std::string kind = name.substr(18);
        if (kind == "wall") {
            // Centred across its box (draw.io 25's mxFloorplanWall; earlier versions drew it along the top):
            // a vertical wall 20 px wide sits 5 px in from its box's side.
            fill(place(rect_path({fx, fy + (fh - th) / 2, fw, th})));
        } else if (kind == "wallCorner") {
            fill(place(polygon_path({{fx, fy + fh},
                                     {fx, fy},
                                     {fx + fw, fy},
                                     {fx + fw, fy + th},
                                     {fx + th, fy + th},
                                     {fx + th, fy + fh}})));
        } else if (kind == "wallU") {
            fill(place(polygon_path({{fx, fy + fh},
                                     {fx, fy},
                                     {fx + fw, fy},
                                     {fx + fw, fy + fh},
                                     {fx + fw - th, fy + fh},
                                     {fx + fw - th, fy + th},
                                     {fx + th, fy + th},
                                     {fx + th, fy + fh}})));
        } else if (kind == "window") {
            fill(place(rect_path({fx, fy + (fh - th) / 2, fw, th})));
            detail(place(polygon_path({{fx, fy + fh / 2}, {fx + fw, fy + fh / 2}}, false)));
        } else if (kind == "stairs") {
            // mxFloorplanStairs: at least 50 px long, a tread every 25 px, an arrow along the middle to the
            // top.
            const double len = std::max(fw, 50.0), step = 25;
            fill(place(rect_path({fx, fy, len, fh})));
            for (double i = step; i < len; i += step)
                detail(place(polygon_path({{fx + i, fy}, {fx + i, fy + fh}}, false)));
            detail(place(polygon_path({{fx, fy + fh / 2}, {fx + len, fy + fh / 2}}, false)));
            detail(place(polygon_path(
                {{fx + len - step, fy}, {fx + len, fy + fh / 2}, {fx + len - step, fy + fh}}, false)));
        } else if (kind == "doorLeft" || kind == "doorRight") {
            // The frame along the top; the swing, a quarter circle as wide as the shape from the frame's far
            // end, and the leaf, a line back up the hinge side to the frame (mxFloorplanDoorLeft/Right).
            const bool left = kind == "doorLeft";
            fill(place(rect_path({fx, fy, fw, 5})));
            const double hinge_x = left ? fx : fx + fw, far_x = left ? fx + fw : fx;
            const double k = 0.5522847498 * fw;
            Path swing;
            swing.move_to({far_x, fy + 5});
            swing.cubic_to({far_x, fy + 5 + k}, {hinge_x + (left ? k : -k), fy + 5 + fw},
                           {hinge_x, fy + 5 + fw});
            swing.line_to({hinge_x, fy + 5});
            detail(place(std::move(swing)));
        } else if (kind == "doorDouble") {
            // Two doors meeting in the middle (mxFloorplanDoorDouble): the frame with a joint at its centre,
            // and per half a swing from the joint down to the outer hinge's depth, then the leaf up to the
            // frame.
            fill(place(rect_path({fx, fy, fw, 5})));
            const double half = fw / 2, k = 0.5522847498 * half, mid = fx + half;
            Path p;
            p.move_to({mid, fy});
            p.line_to({mid, fy + 5});
            for (const double side : {-1.0, 1.0}) {
                const double hinge_x = mid + side * half;
                p.move_to({mid, fy + 5});
                p.cubic_to({mid, fy + 5 + k}, {hinge_x - side * k, fy + 5 + half}, {hinge_x, fy + 5 + half});
                p.line_to({hinge_x, fy + 5});
            }
            detail(place(std::move(p)));
        } else {
            out.known = false;
            fill(rect_path(b));
        }
    } else if (name == "line") {
        // draw.io paints the line in the box turned to its direction: north and south make it vertical.
        if (direction == "north" || direction == "south")
            detail(polygon_path({{cx, y}, {cx, bt}}, false));
        else
            detail(polygon_path({{x, cy}, {r, cy}}, false));
    } else if (name == "callout") {
        double s = std::min(h, style.number("size", 30)),
               pos = std::clamp(style.number("position", 0.5), 0.0, 1.0);
        double base = std::clamp(style.number("base", 20), 0.0, w);
        double px = x + (w - base) * pos;
        fill(polygon_path(
            {{x, y}, {r, y}, {r, bt - s}, {px + base, bt - s}, {px, bt}, {px, bt - s}, {x, bt - s}}));
    } else if (name == "image" || name == "group") {
        // Drawn by the renderer (image) or not at all (group).
    } else {
        out.known = false;
        fill(rect_path(b));
    }
    return out;
}

Point perimeter_point(const std::string& name, const Rect& b, Point toward) {
    const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    double dx = toward.x - cx, dy = toward.y - cy;
    if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9) return {cx, cy};
    if (b.width <= 0 || b.height <= 0 || name == "center") return {cx, cy};
    if (name == "orthogonal") return orthogonal_perimeter_point("rect", b, toward);
    if (name.rfind("lifeline:", 0) == 0) {
        // draw.io's lifelinePerimeter: on the dashed line, level with the other end, below the header.
        const double size = std::atof(name.c_str() + 9);
        return {cx - 0.5, std::min(b.bottom(), std::max(b.y + size, toward.y))};
    }
    const double hw = b.width / 2, hh = b.height / 2;
    double t;
    if (name == "ellipse" || name == "doubleEllipse" || name == "cloud") {
        t = 1.0 / std::sqrt((dx * dx) / (hw * hw) + (dy * dy) / (hh * hh));
    } else if (name == "rhombus") {
        t = 1.0 / (std::abs(dx) / hw + std::abs(dy) / hh);
    } else {
        double tx = std::abs(dx) > 1e-9 ? hw / std::abs(dx) : 1e300;
        double ty = std::abs(dy) > 1e-9 ? hh / std::abs(dy) : 1e300;
        t = std::min(tx, ty);
    }
    return {cx + dx * t, cy + dy * t};
}

}  // namespace jstudio::render
