#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/diagram/style.hpp"
#include "core/render/edge_geometry.hpp"
#include "core/render/label_text.hpp"
#include "core/render/page_renderer.hpp"
#include "core/render/shape_geometry.hpp"
#include "core/text/text_metrics.hpp"

using namespace jstudio;
using namespace jstudio::render;
using diagram::Style;

namespace {

std::vector<Point> vertices(const Path& p) {
    std::vector<Point> out;
    for (const auto& op : p.ops)
        if (op.kind == PathOp::move || op.kind == PathOp::line) out.push_back(op.p[0]);
    return out;
}

diagram::Cell vertex(std::string id, std::string style, Rect r, std::string value = "") {
    diagram::Cell c;
    c.id = std::move(id);
    c.parent = "1";
    c.vertex = true;
    c.kind = diagram::CellKind::vertex;
    c.style = Style::parse(style);
    c.value = std::move(value);
    diagram::Geometry g;
    g.bounds = r;
    c.geometry = g;
    return c;
}

}  // namespace

TEST_CASE("shape names come from shape= or a named style", "[render]") {
    CHECK(shape_name(Style::parse("rhombus;whiteSpace=wrap;html=1;")) == "rhombus");
    CHECK(shape_name(Style::parse("shape=cylinder3;size=15;")) == "cylinder");
    CHECK(shape_name(Style::parse("rounded=1;html=1;")) == "rect");
    CHECK(shape_name(Style::parse("text;html=1;")) == "rect");
    CHECK(shape_name(Style::parse("shape=mxgraph.flowchart.decision;")) == "rhombus");
    // A table with a title row is drawn as draw.io's swimlane (header filled, label in it); without one, a
    // box.
    CHECK(shape_name(Style::parse("shape=table;startSize=30;")) == "swimlane");
    CHECK(shape_name(Style::parse("shape=table;")) == "swimlane");
    CHECK(shape_name(Style::parse("shape=table;startSize=0;")) == "rect");
    CHECK(shape_name(Style::parse("shape=tableRow;startSize=40;horizontal=0;")) == "swimlane");
    CHECK_FALSE(is_known_shape("mxgraph.made.up"));
}

TEST_CASE("shape outlines follow draw.io geometry", "[render]") {
    const Rect b{10, 20, 100, 60};
    SECTION("rhombus: the four side midpoints") {
        auto o = shape_outline("rhombus", b, {});
        REQUIRE(o.fill_paths.size() == 1);
        CHECK(vertices(o.fill_paths[0]) == std::vector<Point>{{60, 20}, {110, 50}, {60, 80}, {10, 50}});
    }
    SECTION("step: its point to the right, or to the left when its direction is west") {
        auto east = vertices(shape_outline("step", b, Style::parse("fixedSize=1")).fill_paths[0]);
        auto west =
            vertices(shape_outline("step", b, Style::parse("fixedSize=1;direction=west")).fill_paths[0]);
        auto has = [](const std::vector<Point>& v, Point p) {
            return std::any_of(v.begin(), v.end(), [&](Point q) {
                return std::abs(q.x - p.x) < 1e-9 && std::abs(q.y - p.y) < 1e-9;
            });
        };
        CHECK(has(east, {110, 50}));  // the point, 20 px beyond the notch
        CHECK(has(east, {30, 50}));
        CHECK(has(west, {10, 50}));
        CHECK(has(west, {90, 50}));
    }
    SECTION("floor-plan stairs: a tread every 25 px and an arrow, not a door; an unknown kind is a box") {
        auto o = shape_outline("mxgraph.floorplan.stairs", {0, 0, 100, 40}, {});
        CHECK(o.known);
        CHECK(o.detail_paths.size() == 5);  // treads at 25, 50, 75, the middle line, the arrow head
        CHECK(vertices(o.fill_paths[0]) == std::vector<Point>{{0, 0}, {100, 0}, {100, 40}, {0, 40}});
        CHECK_FALSE(shape_outline("mxgraph.floorplan.madeUp", b, {}).known);
    }
    SECTION(
        "floor-plan doors: the frame, then a swing as wide as the door and the leaf as one stroked line") {
        for (const char* kind : {"doorLeft", "doorRight"}) {
            auto o = shape_outline(std::string("mxgraph.floorplan.") + kind, {0, 0, 80, 85}, {});
            REQUIRE(o.fill_paths.size() == 1);  // the frame only: the leaf is no 5 px slab
            CHECK(vertices(o.fill_paths[0]) == std::vector<Point>{{0, 0}, {80, 0}, {80, 5}, {0, 5}});
            REQUIRE(o.detail_paths.size() == 1);
            const Path& swing = o.detail_paths[0];
            CHECK(swing.bounds().y == Approx(5));
            CHECK(swing.bounds().height == Approx(80));
            const double hinge = std::string(kind) == "doorLeft" ? 0 : 80;
            CHECK(swing.ops.front().p[0] == Point{80 - hinge, 5});
            CHECK(swing.ops.back().p[0] == Point{hinge, 5});
        }
    }
    SECTION("floor-plan double door: two leaves from a joint mid-frame, each swing half the width deep") {
        auto o = shape_outline("mxgraph.floorplan.doorDouble", {0, 0, 80, 45}, {});
        CHECK(o.known);
        REQUIRE(o.fill_paths.size() == 1);
        CHECK(vertices(o.fill_paths[0]) == std::vector<Point>{{0, 0}, {80, 0}, {80, 5}, {0, 5}});
        REQUIRE(o.detail_paths.size() == 1);
        const Path& p = o.detail_paths[0];
        CHECK(p.bounds().x == Approx(0));
        CHECK(p.bounds().width == Approx(80));
        CHECK(p.bounds().height == Approx(45));  // from the frame's top to the swings' end 40 px below it
        std::vector<Point> moves;
        for (const auto& op : p.ops)
            if (op.kind == PathOp::move) moves.push_back(op.p[0]);
        CHECK(moves == std::vector<Point>{{40, 0}, {40, 5}, {40, 5}});
        CHECK(p.ops.back().p[0] == Point{80, 5});  // the right leaf ends on the frame at the right hinge
    }
    SECTION("hexagon uses size as a fraction of the width") {
        auto o = shape_outline("hexagon", b, Style::parse("size=0.25"));
        auto v = vertices(o.fill_paths[0]);
        REQUIRE(v.size() == 6);
        CHECK(v[0] == Point{35, 20});
        CHECK(v[2] == Point{110, 50});
    }
    SECTION("triangle points east by default, north on request") {
        CHECK(vertices(shape_outline("triangle", b, {}).fill_paths[0]) ==
              std::vector<Point>{{10, 20}, {110, 50}, {10, 80}});
        CHECK(vertices(shape_outline("triangle", b, Style::parse("direction=north")).fill_paths[0])[1] ==
              Point{60, 20});
    }
    SECTION("process has two inner bars, note a fold, cylinder a rim") {
        CHECK(shape_outline("process", b, {}).detail_paths.size() == 2);
        CHECK(shape_outline("note", b, {}).detail_paths.size() == 1);
        CHECK(shape_outline("cylinder", b, {}).detail_paths.size() == 1);
    }
    SECTION("rounded rectangles use arcSize percent of the short side") {
        auto o = shape_outline("rect", b, Style::parse("rounded=1"));
        // Starts after the corner radius: 15% of 60 = 9.
        CHECK(o.fill_paths[0].ops[0].p[0] == Point{19, 20});
    }
    SECTION("unknown shapes are their bounding box and say so") {
        auto o = shape_outline("mxgraph.made.up", b, {});
        CHECK_FALSE(o.known);
        CHECK(o.fill_paths[0].bounds() == b);
    }
    SECTION("every known shape has an outline inside its bounds") {
        for (const char* name :
             {"rect", "ellipse", "rhombus", "triangle", "hexagon", "parallelogram", "cylinder", "document",
              "process", "swimlane", "note", "card", "step", "cloud", "actor"}) {
            auto o = shape_outline(name, b, {});
            INFO(name);
            REQUIRE(o.known);
            REQUIRE_FALSE(o.fill_paths.empty());
            Rect r = o.fill_paths[0].bounds();
            CHECK(r.x >= b.x - 1e-9);
            // The document's wave has its Bézier control point below the curve, so bounds() reaches past it.
            if (std::string(name) != "document") CHECK(r.bottom() <= b.bottom() + 1e-9);
        }
    }
}

TEST_CASE("a swimlane strokes its header, body and divider apart, as mxSwimlane", "[render]") {
    const Rect b{10, 20, 100, 60};
    SECTION("the header and the body stroke their outer sides; the divider is a line of its own") {
        auto o = shape_outline("swimlane", b, Style::parse("startSize=20"));
        REQUIRE(o.fill_paths.size() == 1);
        CHECK(o.stroke_fills);
        CHECK(vertices(o.fill_paths[0]) == std::vector<Point>{{10, 40}, {10, 20}, {110, 20}, {110, 40}});
        REQUIRE(o.detail_paths.size() == 2);
        CHECK(vertices(o.detail_paths[0]) == std::vector<Point>{{110, 40}, {110, 80}, {10, 80}, {10, 40}});
        CHECK(vertices(o.detail_paths[1]) == std::vector<Point>{{10, 40}, {110, 40}});
    }
    SECTION("a vertical lane's header is on the left") {
        auto o = shape_outline("swimlane", b, Style::parse("startSize=20;horizontal=0"));
        CHECK(vertices(o.fill_paths[0]) == std::vector<Point>{{30, 20}, {10, 20}, {10, 80}, {30, 80}});
        CHECK(vertices(o.detail_paths.back()) == std::vector<Point>{{30, 20}, {30, 80}});
    }
    SECTION("swimlaneLine=0 leaves the divider out, swimlaneBody=0 the body's sides") {
        auto o = shape_outline("swimlane", b, Style::parse("startSize=20;swimlaneLine=0"));
        REQUIRE(o.detail_paths.size() == 1);
        CHECK(vertices(o.detail_paths[0]).size() == 4);
        auto p = shape_outline("swimlane", b, Style::parse("startSize=20;swimlaneBody=0"));
        REQUIRE(p.detail_paths.size() == 1);
        CHECK(vertices(p.detail_paths[0]).size() == 2);
    }
    SECTION("swimlaneHead=0: the header is filled, not stroked") {
        CHECK_FALSE(shape_outline("swimlane", b, Style::parse("swimlaneHead=0")).stroke_fills);
    }
    SECTION("no title, no divider") {
        CHECK(shape_outline("swimlane", b, Style::parse("startSize=0")).detail_paths.size() == 1);
    }
}

TEST_CASE("fixedSize=1 makes size pixels, not a fraction of the width", "[render]") {
    const Rect b{0, 0, 100, 40};
    auto v = vertices(shape_outline("step", b, Style::parse("fixedSize=1;size=17")).fill_paths.at(0));
    REQUIRE(v.size() == 6);
    CHECK(v[1] == Point{83, 0});
    CHECK(v[5] == Point{17, 20});
    auto f = vertices(shape_outline("step", b, Style::parse("size=0.2")).fill_paths.at(0));
    CHECK(f[1] == Point{80, 0});
    // fixedSize without a size: draw.io's 20 px.
    auto d = vertices(shape_outline("step", b, Style::parse("fixedSize=1")).fill_paths.at(0));
    CHECK(d[1] == Point{80, 0});
}

TEST_CASE("a line feed in an HTML label breaks the line, as draw.io's <br>", "[render]") {
    auto paras = parse_label("lead time= 34 dy\ntotal cycle time= <b>130</b> sec", true, Font{});
    REQUIRE(paras.size() == 2);
    CHECK(plain_text({paras[0]}) == "lead time= 34 dy");
    CHECK(plain_text({paras[1]}) == "total cycle time= 130 sec");
}

TEST_CASE("perimeter points", "[render]") {
    const Rect b{0, 0, 100, 50};
    CHECK(perimeter_point("rect", b, {200, 25}) == Point{100, 25});
    CHECK(perimeter_point("rhombus", b, {50, 200}) == Point{50, 50});
    Point e = perimeter_point("ellipse", b, {150, 75});
    CHECK(std::pow((e.x - 50) / 50, 2) + std::pow((e.y - 25) / 25, 2) == Approx(1));
}

TEST_CASE("edge routes", "[render]") {
    Terminal a{Rect{0, 0, 100, 50}, "rect", {}}, b{Rect{200, 100, 100, 50}, "rect", {}};
    SECTION("straight edges run between perimeter points") {
        auto pts = route_edge({}, a, b, {});
        REQUIRE(pts.size() == 2);
        CHECK(pts[0].x == Approx(100));
        CHECK(pts[1].x == Approx(200));
    }
    SECTION("orthogonal edges bend at right angles") {
        // draw.io's OrthConnector: out of the right side, one bend, into the top (as draw.io draws it).
        auto pts = route_edge(Style::parse("edgeStyle=orthogonalEdgeStyle"), a, b, {});
        REQUIRE(pts.size() == 3);
        for (std::size_t i = 1; i < pts.size(); ++i)
            CHECK((pts[i].x == Approx(pts[i - 1].x) || pts[i].y == Approx(pts[i - 1].y)));
        CHECK(pts.front() == Point{100, 25});
        CHECK(pts.back() == Point{250, 100});
    }
    SECTION("exit and entry constraints fix the ends") {
        auto pts = route_edge(
            Style::parse("edgeStyle=orthogonalEdgeStyle;exitX=0.5;exitY=1;entryX=0;entryY=0.5"), a, b, {});
        CHECK(pts.front() == Point{50, 50});
        CHECK(pts.back() == Point{200, 125});
        CHECK(pts.size() == 3);  // down, then right
    }
    SECTION("waypoints are kept") {
        auto pts = route_edge({}, a, b, {{150, 0}});
        REQUIRE(pts.size() == 3);
        CHECK(pts[1] == Point{150, 0});
    }
    SECTION("elbow edges bend at the waypoint's x") {
        auto pts = route_edge(Style::parse("edgeStyle=elbowEdgeStyle"), a, b, {{170, 60}});
        REQUIRE(pts.size() == 4);
        CHECK(pts[1].x == Approx(170));
        CHECK(pts[2].x == Approx(170));
    }
}

TEST_CASE("arrow markers", "[render]") {
    const Color c{1, 2, 3};
    SECTION("classic: tip at the end, notch, filled") {
        auto m = make_marker("classic", {0, 0}, {100, 0}, 6, 1, true, c);
        REQUIRE(m);
        auto v = vertices(m->path);
        REQUIRE(v.size() == 4);
        // The tip 1.118 stroke widths short of the end: the mitred stroke's point reaches it (draw.io).
        CHECK(v[0].x == Approx(100 - 1.118));
        CHECK(v[0].y == Approx(0));
        CHECK(v[2].x == Approx(100 - 1.118 - 7 * 0.75));
        CHECK(m->path.fill == c);
        CHECK(m->inset == Approx(5.25 + 1.118));
    }
    SECTION("a wide stroke pulls the tip back in proportion") {
        auto m = make_marker("block", {0, 0}, {100, 0}, 6, 6, true, c);
        REQUIRE(m);
        CHECK(vertices(m->path)[0].x == Approx(100 - 6 * 1.118));
        CHECK(m->inset == Approx(12 + 6 * 1.118));
        auto open = make_marker("open", {0, 0}, {100, 0}, 6, 2, true, c);
        CHECK(open->inset == Approx(4 * 1.118));
        auto diamond = make_marker("diamond", {0, 0}, {100, 0}, 6, 2, true, c);
        CHECK(vertices(diamond->path)[0].x == Approx(100 - 2 * 0.7071));
    }
    SECTION("block without fill, open, oval, diamond") {
        auto block = make_marker("block", {0, 0}, {100, 0}, 6, 1, false, c);
        CHECK_FALSE(block->path.fill);
        CHECK(vertices(block->path).size() == 3);
        auto open = make_marker("open", {0, 0}, {100, 0}, 6, 1, true, c);
        CHECK_FALSE(open->path.fill);
        CHECK(open->path.ops.back().kind != PathOp::close);
        auto oval = make_marker("oval", {0, 0}, {100, 0}, 6, 1, true, c);
        CHECK(oval->path.bounds().x == Approx(94));
        auto diamond = make_marker("diamond", {0, 0}, {100, 0}, 6, 1, true, c);
        CHECK(vertices(diamond->path)[2].x == Approx(93 - 0.7071));
    }
    SECTION("none draws nothing") {
        CHECK_FALSE(make_marker("none", {0, 0}, {1, 0}, 6, 1, true, c));
    }
}

TEST_CASE("HTML labels become styled runs", "[render]") {
    Font base;
    SECTION("bold, italic, underline, colour and size") {
        auto p = parse_label(
            "a <b>bold</b> <i>it</i> <u>u</u> <font color=\"#ff0000\">red</font> "
            "<span style=\"font-size: 20px\">big</span>",
            true, base);
        REQUIRE(p.size() == 1);
        const auto& r = p[0].runs;
        REQUIRE(r.size() == 10);
        CHECK(r[0].text == "a ");
        CHECK(r[1].text == "bold");
        CHECK(r[1].font.bold);
        CHECK(r[3].font.italic);
        CHECK(r[5].font.underline);
        CHECK(r[7].font.color == Color{255, 0, 0});
        CHECK(r[9].font.size == 20);
        CHECK_FALSE(r[9].font.bold);
    }
    SECTION("br, div and p start new lines; entities decode") {
        auto p = parse_label("one<br>two<div>three &amp; four</div><p>five</p>", true, base);
        CHECK(plain_text(p) == "one\ntwo\nthree & four\nfive");
    }
    SECTION("lists get bullets and numbers") {
        CHECK(plain_text(parse_label("<ul><li>a</li><li>b</li></ul>", true, base)) ==
              "\xE2\x80\xA2 a\n\xE2\x80\xA2 b");
        CHECK(plain_text(parse_label("<ol><li>a</li><li>b</li></ol>", true, base)) == "1. a\n2. b");
    }
    SECTION("plain labels keep markup as text") {
        auto p = parse_label("<b>x</b>\ny", false, base);
        CHECK(plain_text(p) == "<b>x</b>\ny");
    }
    SECTION("wrapping uses the font metrics") {
        auto p = parse_label("alpha beta gamma delta", true, base);
        auto placed = place_label(p, {{0, 0, 60, 100}, HAlign::left, VAlign::top, true});
        REQUIRE(placed.runs.size() >= 2);
        for (const auto& r : placed.runs) CHECK(r.width <= 60 + 1e-6);
        CHECK(placed.runs[0].x == 0);
        CHECK(placed.runs[1].y > placed.runs[0].y);
    }
}

TEST_CASE("a page renders shapes, edges and warns about unknown shapes", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("a", "rounded=1;fillColor=#dae8fc;", {0, 0, 100, 40}, "A"));
    page.cells.push_back(vertex("b", "ellipse;", {200, 0, 60, 40}, "B"));
    page.cells.push_back(vertex("u", "shape=mxgraph.made.up;", {0, 100, 40, 40}, "U"));
    diagram::Cell e;
    e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
    e.target = "b";
    e.style = Style::parse("endArrow=classic;");
    e.geometry = diagram::Geometry{};
    e.geometry->relative = true;
    page.cells.push_back(e);
    Scene scene = render_page(page);
    REQUIRE(scene.shapes.size() == 3);
    CHECK(scene.shapes[0].fill == Color{0xda, 0xe8, 0xfc});
    CHECK(scene.shapes[0].stroke == Color{0, 0, 0});
    REQUIRE(scene.edges.size() == 1);
    CHECK(scene.edges[0].points.front() == Point{100, 20});
    CHECK(scene.edges[0].points.back() == Point{200, 20});
    REQUIRE(scene.warnings.size() == 1);
    CHECK(scene.warnings[0].where.cell_id == "u");
    CHECK(scene.warnings[0].message.find("mxgraph.made.up") != std::string::npos);
    // The unknown shape still draws its label.
    int texts = 0;
    for (const auto& item : scene.drawing.items)
        if (auto* t = std::get_if<TextRun>(&item); t && t->text == "U") ++texts;
    CHECK(texts == 1);
    CHECK(scene.drawing.bounds.x <= 0);
    CHECK(scene.drawing.bounds.right() >= 260);
}

TEST_CASE("labels are bounded before any backend sees them", "[render]") {
    SECTION("truncate_label cuts at a character boundary and drops what follows") {
        Font base;
        auto p = parse_label(
            "ab\xC3\xA9"
            "cd\nsecond line",
            false, base);  // é is two bytes
        CHECK(truncate_label(p, 3));
        CHECK(plain_text(p) == "ab");
        auto q = parse_label("ab\ncd", false, base);
        CHECK_FALSE(truncate_label(q, 100));
        CHECK(plain_text(q) == "ab\ncd");
        CHECK(utf8_prefix("\xC3\xA9", 1).empty());
    }
    SECTION("a huge label is drawn cut, with a warning naming the cell") {
        diagram::Page page = diagram::make_page("p", "P");
        std::string huge;
        for (int i = 0; i < 400000; ++i) huge += "word ";  // 2 MB, past the raw bound too
        page.cells.push_back(vertex("big", "whiteSpace=wrap;", {0, 0, 200, 100}, huge));
        page.cells.push_back(vertex("edge-of-bound", "", {0, 200, 200, 100}, std::string(70000, 'x')));
        Scene scene = render_page(page);
        std::size_t text = 0;
        for (const auto& item : scene.drawing.items)
            if (const auto* run = std::get_if<TextRun>(&item)) text += run->text.size();
        CHECK(text <= 2 * (std::size_t(64) << 10));
        CHECK(text > 0);
        int warned = 0;
        for (const auto& w : scene.warnings)
            if (w.message.find("label is longer than") != std::string::npos) {
                ++warned;
                CHECK((w.where.cell_id == "big" || w.where.cell_id == "edge-of-bound"));
            }
        CHECK(warned == 2);
    }
}

TEST_CASE("edges without waypoints follow draw.io's edge styles", "[render]") {
    SECTION("an elbow edge between stacked boxes is straight, not a detour through them") {
        Terminal top{Rect{0, 0, 100, 40}, "rect", {}}, below{Rect{10, 100, 100, 40}, "rect", {}};
        auto pts = route_edge(Style::parse("edgeStyle=elbowEdgeStyle"), top, below, {});
        REQUIRE(pts.size() == 2);
        CHECK(pts.front().y == Approx(40));
        CHECK(pts.back().y == Approx(100));
    }
    SECTION("an elbow edge between boxes side by side bends halfway between them") {
        Terminal a{Rect{0, 0, 100, 40}, "rect", {}}, b{Rect{200, 100, 100, 40}, "rect", {}};
        auto pts = route_edge(Style::parse("edgeStyle=elbowEdgeStyle"), a, b, {});
        REQUIRE(pts.size() == 4);
        CHECK(pts[0] == Point{100, 20});
        CHECK(pts[1] == Point{150, 20});
        CHECK(pts[2] == Point{150, 120});
        CHECK(pts[3] == Point{200, 120});
        auto v = route_edge(Style::parse("edgeStyle=elbowEdgeStyle;elbow=vertical"), a, b, {});
        REQUIRE(v.size() == 4);
        CHECK(v[0] == Point{50, 40});
        CHECK(v[1].y == Approx(70));
        CHECK(v[3] == Point{250, 100});
    }
    SECTION(
        "a vertical elbow between bars side by side runs level through its waypoint (a sequence message)") {
        // Both elbow bends would fall inside the bars, so draw.io routes through the waypoint itself.
        Terminal a{Rect{85, 110, 10, 190}, "orthogonal", {}}, b{Rect{265, 120, 10, 170}, "orthogonal", {}};
        auto pts = route_edge(Style::parse("edgeStyle=elbowEdgeStyle;elbow=vertical"), a, b, {{180, 160}});
        REQUIRE(pts.size() >= 2);
        CHECK(pts.front() == Point{95, 160});
        CHECK(pts.back() == Point{265, 160});
        for (const auto& p : pts) CHECK(p.y == Approx(160));
    }
    SECTION("value-stream information flows: 5 % short of both ends, a bolt in the middle, a 10 px head") {
        const auto manual = lean_info_flow_edge({{0, 0}, {50, 80}, {100, 0}}, false);
        std::vector<Point> line;
        for (const auto& op : manual.line.ops) line.push_back(op.p[0]);
        REQUIRE(line.size() == 2);  // the first point to the last: waypoints do not count
        CHECK(line[0] == Point{5, 0});
        CHECK(line[1] == Point{95, 0});
        REQUIRE(manual.head.ops.size() == 3);
        CHECK(manual.head.ops[0].p[0] == Point{85, 5});
        CHECK(manual.head.ops[1].p[0] == Point{95, 0});
        CHECK(manual.head.ops[2].p[0] == Point{85, -5});
        const auto bolt = lean_info_flow_edge({{0, 0}, {100, 0}}, true);
        REQUIRE(bolt.line.ops.size() == 4);
        CHECK(bolt.line.ops[1].p[0].x == Approx(59));  // a tenth of the 90 px past the middle
        CHECK(bolt.line.ops[1].p[0].y == Approx(-3));  // and a third of that to the left of the way
        CHECK(bolt.line.ops[2].p[0].x == Approx(41));
        CHECK(bolt.line.ops[2].p[0].y == Approx(3));
        CHECK(lean_info_flow_edge({{7, 7}, {7, 7}}, true).line.ops.empty());
    }
    SECTION("entity relation: 30 px stubs out of the facing sides, a straight line between them") {
        Terminal a{Rect{0, 0, 100, 40}, "rect", {}}, b{Rect{200, 100, 100, 40}, "rect", {}};
        auto pts = route_edge(Style::parse("edgeStyle=entityRelationEdgeStyle"), a, b, {});
        REQUIRE(pts.size() == 4);
        CHECK(pts[0] == Point{100, 20});
        CHECK(pts[1] == Point{130, 20});
        CHECK(pts[2] == Point{170, 120});
        CHECK(pts[3] == Point{200, 120});
    }
}

TEST_CASE("an edge whose geometry is not relative has its label halfway between its ends", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("a", "", {0, 0, 100, 40}));
    page.cells.push_back(vertex("b", "", {0, 200, 100, 40}));
    diagram::Cell e;
    e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
    e.target = "b";
    e.value = "Yes";
    e.style = Style::parse("html=1;");
    e.geometry = diagram::Geometry{};
    e.geometry->relative = false;  // as draw.io's bulb example: x and y are leftovers
    e.geometry->bounds = {340, 120, 0, 0};
    e.geometry->offset = Point{0, -5};
    page.cells.push_back(e);
    Scene scene = render_page(page);
    REQUIRE(scene.edges.size() == 1);
    CHECK(scene.edges[0].label_at.x == Approx(50));
    CHECK(scene.edges[0].label_at.y == Approx(115));
}

TEST_CASE("a label beside its shape wraps at the shape's width, as draw.io's", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(
        vertex("v", "labelPosition=right;verticalLabelPosition=middle;align=left;whiteSpace=wrap;html=1;",
               {0, 0, 60, 20}, "Large Language Model"));
    Scene scene = render_page(page);
    REQUIRE(scene.shapes.size() == 1);
    CHECK(scene.shapes[0].label_place.wrap);
    std::vector<double> lines;
    for (const auto& item : scene.drawing.items)
        if (auto* t = std::get_if<TextRun>(&item))
            if (std::find(lines.begin(), lines.end(), t->y) == lines.end()) lines.push_back(t->y);
    CHECK(lines.size() >= 2);
}

TEST_CASE("placeholders=\"1\" fills %name% from the cell's or a container's attributes", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    auto lane = vertex("lane", "swimlane;", {0, 0, 200, 200}, "");
    lane.set_data("status", "In progress");
    auto task = vertex("task", "", {10, 40, 120, 40}, "");
    task.parent = "lane";
    task.set_data("placeholders", "1");
    task.set_label("Task 4 %status% %unknown%");
    page.cells.push_back(lane);
    page.cells.push_back(task);
    Scene scene = render_page(page);
    std::string text;
    for (const auto& item : scene.drawing.items)
        if (auto* t = std::get_if<TextRun>(&item)) text += t->text;
    CHECK(text.find("Task 4 In progress %unknown%") != std::string::npos);
}

TEST_CASE("a swimlane's body fill fades with its opacity", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(
        vertex("lane", "swimlane;fillColor=none;swimlaneFillColor=#BAC8D3;strokeColor=none;opacity=50;",
               {0, 0, 160, 400}));
    Scene scene = render_page(page);
    bool found = false;
    for (const auto& item : scene.drawing.items)
        if (auto* p = std::get_if<Path>(&item); p && p->fill == Color{0xba, 0xc8, 0xd3}) {
            CHECK(p->fill_opacity == Approx(0.5));
            found = true;
        }
    CHECK(found);
}

TEST_CASE("a Verdana label wraps where draw.io wraps it (DejaVu Sans advances)", "[render]") {
    // The SWOT template's text box (templates/business/swot_5.xml); the lines are those of draw.io's
    // picture of that page (draw.io 25 in Chromium, Verdana drawn as DejaVu Sans). Measured with Arial's
    // advances the text wrapped a word or two later on most lines.
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex(
        "v", "whiteSpace=wrap;html=1;fontFamily=Verdana;fontSize=15;align=left;spacing=10;", {0, 0, 240, 440},
        "<span>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut "
        "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris "
        "nisi ut aliquip ex ea commodo consequat.</span>"));
    Scene scene = render_page(page);
    std::vector<std::pair<double, std::string>> lines;
    for (const auto& item : scene.drawing.items)
        if (auto* t = std::get_if<TextRun>(&item)) {
            if (lines.empty() || lines.back().first != t->y) lines.push_back({t->y, ""});
            lines.back().second += t->text;
        }
    std::vector<std::string> text;
    for (auto& [y, s] : lines) text.push_back(s.substr(0, s.find_last_not_of(' ') + 1));
    CHECK(text == std::vector<std::string>{"Lorem ipsum dolor sit amet,", "consectetur adipisicing elit,",
                                           "sed do eiusmod tempor", "incididunt ut labore et dolore",
                                           "magna aliqua. Ut enim ad", "minim veniam, quis nostrud",
                                           "exercitation ullamco laboris", "nisi ut aliquip ex ea",
                                           "commodo consequat."});
}

TEST_CASE("an HTML label wraps at the box width plus draw.io's 2 px foreignObject padding", "[render]") {
    // draw.io lays an HTML label out in a div round(width + 2) px wide: a line up to 2 px wider than the box
    // stays whole (the timeline template's columns wrapped a word early on most lines without this).
    Font base;
    base.size = 12;
    auto label = parse_label("Lorem ipsum dolor sit amet", true, base);
    const double w = text::text_width("Lorem ipsum dolor sit amet", text::font_spec(12, false, base.family));
    auto lines = [&](double box_width, bool html) {
        LabelPlacement p{{0, 0, box_width, 100}, HAlign::left, VAlign::top, true, html};
        std::vector<double> ys;
        for (const auto& r : place_label(label, p).runs)
            if (std::find(ys.begin(), ys.end(), r.y) == ys.end()) ys.push_back(r.y);
        return ys.size();
    };
    CHECK(lines(w - 1.5, true) == 1);
    CHECK(lines(w - 1.5, false) == 2);
    CHECK(lines(w - 3, true) == 2);
    CHECK(lines(w, false) == 1);
}

TEST_CASE("an edge label moves off its point by its vertical spacing", "[render]") {
    // draw.io's value stream map labels its information flows verticalAlign=bottom;spacingBottom=12: the text
    // ends 14 px above the line; a middle label moves by half the difference of its top and bottom spacing.
    auto baseline_of = [](const std::string& style) {
        diagram::Page page = diagram::make_page("p", "P");
        page.cells.push_back(vertex("a", "", {0, 0, 40, 40}));
        page.cells.push_back(vertex("b", "", {300, 0, 40, 40}));
        diagram::Cell e;
        e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
        e.target = "b";
        e.value = "Weekly";
        e.style = Style::parse("html=1;" + style);
        e.geometry = diagram::Geometry{};
        e.geometry->relative = true;
        page.cells.push_back(e);
        Scene scene = render_page(page);
        for (const auto& item : scene.drawing.items)
            if (auto* t = std::get_if<TextRun>(&item)) return t->y;
        return -1e9;
    };
    CHECK(baseline_of("verticalAlign=bottom;spacingBottom=12;") ==
          Approx(baseline_of("verticalAlign=bottom;") - 12));
    CHECK(baseline_of("verticalAlign=top;spacingTop=8;") == Approx(baseline_of("verticalAlign=top;") + 8));
    CHECK(baseline_of("spacingBottom=12;") == Approx(baseline_of("") - 6));
    CHECK(baseline_of("verticalAlign=top;") - baseline_of("verticalAlign=bottom;") > 4);
}

TEST_CASE("an edge label with align=left starts beside its point, align=right ends there", "[render]") {
    // draw.io's UML state machine template labels its transitions with align=left: the text starts
    // spacing (2 px) right of the label's point instead of being centred on it.
    for (const std::string align : {"left", "right", "center"}) {
        diagram::Page page = diagram::make_page("p", "P");
        page.cells.push_back(vertex("a", "", {0, 0, 100, 40}));
        page.cells.push_back(vertex("b", "", {0, 200, 100, 40}));
        diagram::Cell e;
        e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
        e.target = "b";
        e.value = "relation";
        e.style = Style::parse("html=1;verticalAlign=bottom;align=" + align + ";");
        e.geometry = diagram::Geometry{};
        e.geometry->relative = true;
        page.cells.push_back(e);
        Scene scene = render_page(page);
        REQUIRE(scene.edges.size() == 1);
        const double x = scene.edges[0].label_at.x;
        CHECK(x == Approx(50));
        const TextRun* run = nullptr;
        for (const auto& item : scene.drawing.items)
            if (auto* t = std::get_if<TextRun>(&item)) run = t;
        REQUIRE(run);
        CAPTURE(align);
        if (align == "left") CHECK(run->x == Approx(x + 2));
        if (align == "right") CHECK(run->x + run->width == Approx(x - 2));
        if (align == "center") CHECK(run->x + run->width / 2 == Approx(x));
    }
}

TEST_CASE("an HTML block's text-align aligns its lines within the label's text block", "[render]") {
    // The UML communication diagram's lifeline title: align=left, each div centred. As in the browser, the
    // text block is as wide as its widest line and starts at the box's left; "app UI" is centred in it.
    Font base;
    base.size = 14;
    auto label = parse_label(
        "<div style=\"text-align: center\"><span>Habit Tracker&nbsp;</span></div>"
        "<div style=\"text-align: center\">app UI</div>",
        true, base);
    REQUIRE(label.size() == 2);
    CHECK(label[0].align == HAlign::center);
    CHECK(label[1].align == HAlign::center);
    auto placed = place_label(label, {{10, 0, 100, 40}, HAlign::left, VAlign::top, false});
    REQUIRE(placed.runs.size() == 2);
    CHECK(placed.runs[0].x == Approx(10));
    CHECK(placed.runs[1].x == Approx(10 + (placed.runs[0].width - placed.runs[1].width) / 2));
    SECTION("the align attribute and a nested block inherit; lines without one follow the label") {
        auto p = parse_label("<div align=\"right\">a<p>b</p></div><div>c</div>x", true, base);
        REQUIRE(p.size() == 4);
        CHECK(p[0].align == HAlign::right);
        CHECK(p[1].align == HAlign::right);
        CHECK_FALSE(p[2].align);
        CHECK_FALSE(p[3].align);
        auto pl = place_label(p, {{0, 0, 100, 80}, HAlign::center, VAlign::top, false});
        REQUIRE(pl.runs.size() == 4);
        // The block is as wide as the widest line and centred in the box.
        double widest = 0;
        for (const auto& r : pl.runs) widest = std::max(widest, r.width);
        CHECK(pl.runs[0].x + pl.runs[0].width == Approx(50 + widest / 2));
        CHECK(pl.runs[2].x + pl.runs[2].width / 2 == Approx(50));
    }
}

TEST_CASE("top- and bottom-aligned labels sit where draw.io's pictures put them", "[render]") {
    // Measured on draw.io's pictures of labels of 8 to 30 px: the first line's box starts spacing + 4 px
    // below the top of a verticalAlign=top label (the schema template's rows were 4 px high before), the last
    // ends spacing + 1 px above the bottom of a bottom-aligned one; middle stays centred.
    for (const std::string valign : {"top", "bottom", "middle"}) {
        diagram::Page page = diagram::make_page("p", "P");
        page.cells.push_back(
            vertex("v", "html=1;fontSize=14;verticalAlign=" + valign + ";", {0, 20, 90, 60}, "User"));
        Scene scene = render_page(page);
        const TextRun* run = nullptr;
        for (const auto& item : scene.drawing.items)
            if (auto* t = std::get_if<TextRun>(&item)) run = t;
        REQUIRE(run);
        CAPTURE(valign);
        const double line = 14 * 1.2, top = run->y - (line - 0.25 * 14);  // the line's box
        if (valign == "top") CHECK(top == Approx(20 + 2 + 4));
        if (valign == "bottom") CHECK(top + line == Approx(80 - 2 - 1));
        if (valign == "middle") CHECK(top + line / 2 == Approx(50));
    }
}

TEST_CASE("a label beside its shape is not narrowed by the spacing, as draw.io's", "[render]") {
    // mxCellRenderer.rotateLabelBounds narrows the box by spacingLeft + spacingRight only for
    // labelPosition=center: beside the shape the label may be as wide as the shape (plus the 2 px padding).
    const std::string text = "Large Language";
    const double w = text::text_width(text, text::font_spec(12, false, ""));
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(
        vertex("v", "labelPosition=right;verticalLabelPosition=middle;align=left;whiteSpace=wrap;html=1;",
               {0, 0, std::floor(w) - 1, 20}, text));
    Scene scene = render_page(page);
    std::vector<double> lines;
    const TextRun* first = nullptr;
    for (const auto& item : scene.drawing.items)
        if (auto* t = std::get_if<TextRun>(&item)) {
            if (!first) first = t;
            if (std::find(lines.begin(), lines.end(), t->y) == lines.end()) lines.push_back(t->y);
        }
    REQUIRE(first);
    CHECK(lines.size() == 1);
    CHECK(first->x == Approx(std::floor(w) - 1 + 2));  // the shape's right side + spacing
}

TEST_CASE("HTML blocks keep the browser's margins: p and headings, collapsed, inline style first",
          "[render]") {
    // draw.io's text box (<h1>Heading</h1><p>...</p>, spacingTop=-20): the browser gives h1 0.67em and p 1em
    // above and below; adjoining margins collapse to the larger; the first and last stay inside the label.
    Font base;
    base.size = 10;
    SECTION("heading and paragraph") {
        auto p = parse_label("<h1>Heading</h1><p>Lorem ipsum</p>", true, base);
        REQUIRE(p.size() == 2);
        CHECK(p[0].space_before == Approx(0.67 * 20));
        CHECK(p[1].space_before == Approx(0.67 * 20));  // max(h1's 13.4, p's 10)
        CHECK(p[1].space_after == Approx(10));
        auto placed = place_label(p, {{0, 0, 400, 200}, HAlign::left, VAlign::top, true});
        REQUIRE(placed.runs.size() == 2);
        const double line1 = 20 * 1.2, line2 = 10 * 1.2;
        CHECK(placed.bounds.height == Approx(13.4 + line1 + 13.4 + line2 + 10));
        CHECK(placed.runs[0].y == Approx(13.4 + line1 - 0.25 * 20));  // baselines
        CHECK(placed.runs[1].y == Approx(13.4 + line1 + 13.4 + line2 - 0.25 * 10));
    }
    SECTION("margin: 0 and margin-top from the inline style (draw.io's UML class shapes)") {
        auto p = parse_label(
            "<p style=\"margin:0px;margin-top:4px;\">Class</p><p style=\"margin: 0px\">+ a</p>", true, base);
        REQUIRE(p.size() == 2);
        CHECK(p[0].space_before == Approx(4));
        CHECK(p[1].space_before == Approx(0));
        CHECK(p[1].space_after == Approx(0));
    }
    SECTION("div and br add no space; an empty line after a paragraph comes after its margin") {
        auto p = parse_label("<div>a</div><div>b<br></div>", true, base);
        REQUIRE(p.size() == 2);
        CHECK(p[0].space_before == 0);
        CHECK(p[1].space_before == 0);
        auto q = parse_label("<p>a</p><br>b", true, base);
        REQUIRE(q.size() == 3);
        CHECK(q[1].runs.empty());
        CHECK(q[1].space_before == Approx(10));
        CHECK(q[2].space_before == 0);
        auto r = parse_label("<ul><li>a<br></li></ul>", true, base);  // a line's own <br> keeps its margin
        REQUIRE(r.size() == 1);
        CHECK(r[0].space_before == Approx(10));
        CHECK(r[0].space_after == Approx(10));
    }
}

TEST_CASE("an HTML label with overflow=hidden taller than its box starts at the box's top", "[render]") {
    // draw.io caps the text block at the box's height before centring it (the t-chart template's list cells:
    // a <ul> with its margins is taller than its row).
    Font base;
    base.size = 16;
    auto p = parse_label("<ul><li>Content</li></ul>", true, base);
    REQUIRE(p.size() == 1);
    LabelPlacement place{{0, 100, 200, 30}, HAlign::center, VAlign::middle, true, true};
    SECTION("clipped: the block starts at the top") {
        place.clip = true;
        auto placed = place_label(p, place);
        REQUIRE(placed.runs.size() == 1);
        CHECK(placed.bounds.y == Approx(100));
        CHECK(placed.runs[0].y == Approx(100 + 16 + 16 * 1.2 - 0.25 * 16));
    }
    SECTION("not clipped: the whole block is centred and overflows both ways") {
        auto placed = place_label(p, place);
        CHECK(placed.bounds.y == Approx(115 - (16 + 16 * 1.2 + 16) / 2));
    }
    SECTION("lines below a clipped box are not drawn") {
        place.clip = true;
        auto lines = parse_label("a<br>b<br>c<br>d", true, base);
        CHECK(place_label(lines, place).runs.size() == 2);
    }
}

TEST_CASE("a page's background image fills the box its JSON gives; a page used as background is not drawn",
          "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("v", "html=1;", {100, 100, 50, 50}, "x"));
    SECTION("an image: drawn first, at x/y/width/height, inside the page's bounds") {
        page.model.set("backgroundImage",
                       R"({"src":"data:image/png;base64,AAAA","width":300,"height":200,"x":-20,"y":10})");
        auto bg = background_image(page);
        REQUIRE(bg);
        CHECK(bg->box.x == -20);
        CHECK(bg->box.height == 200);
        Scene scene = render_page(page);
        REQUIRE_FALSE(scene.drawing.items.empty());
        auto* image = std::get_if<Image>(&scene.drawing.items.front());
        REQUIRE(image);
        CHECK(image->href == "data:image/png;base64,AAAA");
        CHECK(image->box.width == 300);
        CHECK(scene.drawing.bounds.x == Approx(-20));
        CHECK(scene.drawing.bounds.bottom() == Approx(210));
    }
    SECTION("x and y default to 0, as draw.io's mxImage") {
        page.model.set("backgroundImage", R"({"src":"img/a.png","width":40,"height":30})");
        auto bg = background_image(page);
        REQUIRE(bg);
        CHECK(bg->box.x == 0);
        CHECK(bg->box.y == 0);
    }
    SECTION("a page link: draw.io's export page cannot load it, nothing is drawn") {
        page.model.set("backgroundImage", R"({"src":"data:page/id,abc","width":1714,"height":1011})");
        Scene scene = render_page(page);
        for (const auto& item : scene.drawing.items) CHECK_FALSE(std::holds_alternative<Image>(item));
        CHECK(scene.drawing.bounds.x == Approx(100).margin(2));
    }
}

TEST_CASE("an image shape's imageBackground fills its box behind the picture, imageBorder frames it",
          "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex(
        "i", "shape=image;image=data:image/png;base64,AAAA;imageBackground=#ffff00;imageBorder=#ff0000;",
        {10, 20, 80, 40}));
    Scene scene = render_page(page);
    std::vector<std::string> order;
    for (const auto& item : scene.drawing.items) {
        if (std::get_if<Image>(&item)) order.push_back("image");
        if (auto* p = std::get_if<Path>(&item)) {
            const Rect r = p->bounds();
            CHECK(r.x == Approx(10));
            CHECK(r.width == Approx(80));
            order.push_back(p->fill ? "back" : "border");
            CHECK(p->stroke == Color{255, 0, 0});
            if (p->fill) CHECK(*p->fill == Color{255, 255, 0});
        }
    }
    CHECK(order == std::vector<std::string>{"back", "image", "border"});
}

TEST_CASE("an image shape is faded by its opacity, its imageBorder is strokeWidth wide", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    SECTION("opacity=30: the picture at 0.3 (draw.io's faded template layer)") {
        page.cells.push_back(
            vertex("i", "shape=image;image=data:image/png,AAAA;opacity=30;", {0, 0, 80, 60}, ""));
        Scene scene = render_page(page);
        REQUIRE(scene.drawing.items.size() == 1);
        auto* image = std::get_if<Image>(&scene.drawing.items.front());
        REQUIRE(image);
        CHECK(image->opacity == Approx(0.3));
    }
    SECTION("imageBorder=#ff0000;strokeWidth=2: the frame over the picture is 2 px wide") {
        page.cells.push_back(
            vertex("i", "shape=image;image=data:image/png,AAAA;imageBorder=#ff0000;strokeWidth=2;",
                   {10, 20, 80, 60}, ""));
        Scene scene = render_page(page);
        REQUIRE(scene.drawing.items.size() == 2);
        auto* border = std::get_if<Path>(&scene.drawing.items[1]);
        REQUIRE(border);
        CHECK(border->stroke_width == 2);
    }
    SECTION("neither: the picture alone, opaque") {
        page.cells.push_back(vertex("i", "shape=image;image=data:image/png,AAAA;", {0, 0, 80, 60}, ""));
        Scene scene = render_page(page);
        REQUIRE(scene.drawing.items.size() == 1);
        CHECK(std::get<Image>(scene.drawing.items.front()).opacity == 1);
    }
}
