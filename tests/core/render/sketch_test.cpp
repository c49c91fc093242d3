#include <catch2/catch.hpp>

#include <cmath>

#include "core/diagram/style.hpp"
#include "core/render/edge_geometry.hpp"
#include "core/render/page_renderer.hpp"
#include "core/render/sketch.hpp"

using namespace jstudio;
using namespace jstudio::render;
using diagram::Style;

namespace {

diagram::Cell vertex(std::string id, std::string parent, std::string style, Rect r) {
    diagram::Cell c;
    c.id = std::move(id);
    c.parent = std::move(parent);
    c.vertex = true;
    c.kind = diagram::CellKind::vertex;
    c.style = Style::parse(style);
    diagram::Geometry g;
    g.bounds = r;
    c.geometry = g;
    return c;
}

std::vector<Path> paths_of(const Scene& scene) {
    std::vector<Path> out;
    for (const auto& item : scene.drawing.items)
        if (auto* p = std::get_if<Path>(&item)) out.push_back(*p);
    return out;
}

}  // namespace

TEST_CASE("hachure lines cross the outline at the style's angle and gap", "[render][sketch]") {
    const Path square = rect_path({0, 0, 100, 100});
    SECTION("draw.io's default -41° runs the lines up to the right at 49° from the horizontal") {
        const auto lines = hachure_lines(square, -41, 10);
        REQUIRE(lines.size() > 10);
        for (const auto& [a, b] : lines) {
            const double dx = b.x - a.x, dy = b.y - a.y;
            CHECK(std::abs(std::atan2(-dy, dx) * 180 / 3.14159265358979323846) == Approx(49).margin(0.01));
            for (Point p : {a, b}) {  // ends on the outline, inside the square
                CHECK(p.x >= -1e-6);
                CHECK(p.x <= 100 + 1e-6);
                CHECK(p.y >= -1e-6);
                CHECK(p.y <= 100 + 1e-6);
            }
        }
        // Lines 10 px apart cover the square's 141 px diagonal span about 14 times.
        CHECK(lines.size() >= 12);
        CHECK(lines.size() <= 15);
    }
    SECTION("a hole is left empty (even-odd)") {
        Path ring = rect_path({0, 0, 100, 100});
        for (const auto& op : rect_path({40, 40, 20, 20}).ops) ring.ops.push_back(op);
        bool split = false;
        for (const auto& [a, b] : hachure_lines(ring, -41, 4)) {
            const Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
            CHECK_FALSE((mid.x > 41 && mid.x < 59 && mid.y > 41 && mid.y < 59));
            split = split || (std::max(a.x, b.x) <= 41 && std::max(a.y, b.y) > 41);
        }
        CHECK(split);
    }
}

TEST_CASE("sketch_path: hachure in the fill colour, doubled strokes whose corners stay", "[render][sketch]") {
    Path p = rect_path({0, 0, 140, 80});
    p.fill = Color{0xa0, 0x52, 0x2d};
    p.stroke = Color{0, 0, 0};
    p.stroke_width = 2;
    SketchStyle o = sketch_style(Style::parse("sketch=1;hachureGap=8;fillWeight=1;"), "card");
    const auto out = sketch_path(p, o);
    REQUIRE(out.size() == 2);
    const Path& hatch = out[0];
    CHECK_FALSE(hatch.fill);
    CHECK(hatch.stroke == p.fill);
    CHECK(hatch.stroke_width == 1);
    const Path& line = out[1];
    CHECK(line.stroke == p.stroke);
    CHECK(line.stroke_width == 2);
    // Four sides, each drawn twice: a move and a curve per stroke, starting and ending on the corners.
    REQUIRE(line.ops.size() == 16);
    for (std::size_t i = 0; i < line.ops.size(); i += 2) {
        CHECK(line.ops[i].kind == PathOp::move);
        CHECK(line.ops[i + 1].kind == PathOp::cubic);
        const Point end = line.ops[i + 1].p[2];
        CHECK((end.x == 0 || end.x == 140));
        CHECK((end.y == 0 || end.y == 80));
    }
    SECTION("sketchStyle=comic: one stroke per side, the fill solid") {
        const auto comic = sketch_path(p, sketch_style(Style::parse("sketch=1;sketchStyle=comic;"), "card"));
        REQUIRE(comic.size() == 2);
        CHECK(comic[0].fill == p.fill);
        CHECK(comic[1].ops.size() == 8);
    }
    SECTION("disableMultiStroke draws each side once") {
        o.multi_stroke = false;
        CHECK(sketch_path(p, o)[1].ops.size() == 8);
    }
    SECTION("the same cell draws the same picture") {
        const auto again = sketch_path(p, sketch_style(Style::parse("sketch=1;hachureGap=8;"), "card"));
        CHECK(again[1].ops[1].p[0] == line.ops[1].p[0]);
    }
    SECTION("fillStyle=auto keeps a white fill or a gradient solid; fillStyle=solid keeps any") {
        Path white = p;
        white.fill = Color{255, 255, 255};
        CHECK(sketch_path(white, o)[0].fill == white.fill);
        Path gradient = p;
        gradient.gradient = Gradient{*p.fill, Color{0, 0, 0}, "south"};
        CHECK(sketch_path(gradient, o)[0].gradient);
        o.fill_style = "solid";
        CHECK(sketch_path(p, o)[0].fill == p.fill);
    }
}

TEST_CASE("a sketched page: the kanban card takes its lane's colour as hachure", "[render][sketch]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(
        vertex("lane", "1", "swimlane;startSize=1;strokeColor=none;fillColor=#A0522D;", {0, 0, 180, 400}));
    page.cells.push_back(vertex("card", "lane",
                                "rounded=1;fillColor=swimlane;sketch=1;strokeWidth=2;hachureGap=8;",
                                {20, 20, 140, 80}));
    const Scene scene = render_page(page);
    REQUIRE(scene.shapes.size() == 2);
    CHECK(scene.shapes[1].fill == Color{0xa0, 0x52, 0x2d});
    bool hachure = false;
    for (const Path& p : paths_of(scene))
        hachure = hachure || (p.stroke == Color{0xa0, 0x52, 0x2d} && !p.fill && p.stroke_width == 1);
    CHECK(hachure);
}

TEST_CASE("glass=1 lays draw.io's fading white highlight over the top of a rectangle", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("r", "1", "fillColor=#D4E1F5;glass=1;", {0, 0, 200, 100}));
    const auto paths = paths_of(render_page(page));
    REQUIRE(paths.size() == 2);
    const Path& glass = paths[1];
    REQUIRE(glass.gradient);
    CHECK(glass.gradient->from == Color{255, 255, 255});
    CHECK(glass.gradient->from_opacity == Approx(0.9));
    CHECK(glass.gradient->to_opacity == Approx(0.1));
    const Rect b = glass.bounds();
    CHECK(b.y == Approx(-1));
    CHECK(b.bottom() == Approx(60));  // the curve's control point: 40 % at the sides, deeper in the middle
}

TEST_CASE("a gradient turns with the shape's direction", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(
        vertex("n", "1",
               "shape=note;fillColor=#f8cecc;gradientColor=#EA6B66;gradientDirection=north;direction=west;",
               {0, 0, 100, 100}));
    page.cells.push_back(
        vertex("s", "1", "fillColor=#f8cecc;gradientColor=#EA6B66;gradientDirection=south;direction=south;",
               {200, 0, 100, 100}));
    std::vector<std::string> dirs;
    for (const Path& p : paths_of(render_page(page)))
        if (p.gradient) dirs.push_back(p.gradient->direction);
    REQUIRE(dirs.size() >= 2);
    CHECK(dirs.front() == "south");
    CHECK(dirs.back() == "west");
}

TEST_CASE("a gradient turns with the shape's rotation, by the nearest quarter turn", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    // A rectangle and a coded shape (the infographic cylinder paints its own east-running shading).
    page.cells.push_back(
        vertex("r", "1", "fillColor=#f8cecc;gradientColor=#EA6B66;rotation=90;", {0, 0, 100, 50}));
    page.cells.push_back(vertex("c", "1", "shape=mxgraph.infographic.cylinder;fillColor=#7EA6E0;rotation=90;",
                                {200, 0, 60, 100}));
    page.cells.push_back(
        vertex("t", "1", "fillColor=#f8cecc;gradientColor=#EA6B66;rotation=185;", {400, 0, 100, 50}));
    std::vector<std::string> dirs;
    for (const Path& p : paths_of(render_page(page)))
        if (p.gradient) dirs.push_back(p.gradient->direction);
    REQUIRE(dirs.size() == 3);
    CHECK(dirs[0] == "west");   // south turned a quarter clockwise: the shape's top is on the right
    CHECK(dirs[1] == "south");  // the cylinder's east shading
    CHECK(dirs[2] == "north");  // 185 degrees: half a turn
}

TEST_CASE("a flexArrow edge is a filled band with a head, as draw.io's mxArrowConnector", "[render]") {
    SECTION("the outline: band 10 px wide, head 26 px wide and 19 px long, the tip at the end") {
        FlexArrowEnds ends;
        ends.end_width = 26, ends.end_length = 19;
        const Path p = flex_arrow_outline({{0, 0}, {0, 100}}, 10, ends, 0);
        std::vector<Point> pts;
        for (const auto& op : p.ops)
            if (op.kind != PathOp::close) pts.push_back(op.p[0]);
        REQUIRE(pts.size() == 7);
        CHECK(std::abs(pts[0].x) == Approx(5));  // the band's start, square
        CHECK(pts[4].y == Approx(100));          // the tip
        CHECK(pts[4].x == Approx(0).margin(1e-9));
        CHECK(std::abs(pts[3].x) == Approx(13));  // the head's corner
        CHECK(pts[3].y == Approx(81));
    }
    SECTION("a bend is mitred: the outer side passes outside the corner") {
        FlexArrowEnds ends;
        ends.end = false;
        const Path p = flex_arrow_outline({{0, 0}, {100, 0}, {100, 100}}, 10, ends, 0);
        bool outer = false;
        for (const auto& op : p.ops) outer = outer || (op.p[0].x == Approx(105) && op.p[0].y == Approx(-5));
        CHECK(outer);
    }
    SECTION("on a page: drawn in its fill colour though it has no stroke") {
        diagram::Page page = diagram::make_page("p", "P");
        page.cells.push_back(vertex("a", "1", "", {0, 0, 40, 40}));
        page.cells.push_back(vertex("b", "1", "", {0, 200, 40, 40}));
        diagram::Cell e;
        e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
        e.target = "b";
        e.style = Style::parse("shape=flexArrow;strokeColor=none;fillColor=#0066CC;width=8;endWidth=16;");
        e.geometry = diagram::Geometry{};
        e.geometry->relative = true;
        page.cells.push_back(e);
        bool band = false;
        for (const Path& p : paths_of(render_page(page)))
            band = band || (p.fill == Color{0, 0x66, 0xcc} && !p.stroke && p.bounds().height > 100);
        CHECK(band);
    }
}

TEST_CASE("shadow=1 lays draw.io's drop shadow under everything the shape draws", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(
        vertex("r", "1", "fillColor=#dae8fc;strokeColor=#6c8ebf;shadow=1;", {10, 10, 100, 50}));
    const auto paths = paths_of(render_page(page));
    REQUIRE(paths.size() == 2);
    const Path& shadow = paths[0];
    CHECK(shadow.fill == Color{0, 0, 0});
    CHECK(shadow.stroke == Color{0, 0, 0});
    // The path keeps its own opacity; the layer carries the shadow's 25 % and a 2 px CSS blur (sigma 1).
    CHECK(shadow.fill_opacity == Approx(1));
    REQUIRE(shadow.shadow);
    CHECK(shadow.shadow->opacity == Approx(0.25));
    CHECK(shadow.shadow->blur == Approx(1));
    CHECK(shadow.bounds().x == Approx(12));  // 2 px right, 3 px down
    CHECK(shadow.bounds().y == Approx(13));
    CHECK(paths[1].fill == Color{0xda, 0xe8, 0xfc});
    CHECK_FALSE(paths[1].shadow);

    SECTION("shadowBlur and shadowOpacity set the layer; no opacity draws no shadow") {
        diagram::Page styled = diagram::make_page("p", "P");
        styled.cells.push_back(
            vertex("r", "1", "shadow=1;shadowBlur=6;shadowOpacity=40;", {10, 10, 100, 50}));
        const auto p = paths_of(render_page(styled));
        REQUIRE(p.size() == 2);
        REQUIRE(p[0].shadow);
        CHECK(p[0].shadow->blur == Approx(3));
        CHECK(p[0].shadow->opacity == Approx(0.4));
        diagram::Page none = diagram::make_page("p", "P");
        none.cells.push_back(vertex("r", "1", "shadow=1;shadowOpacity=0;", {10, 10, 100, 50}));
        CHECK(paths_of(render_page(none)).size() == 1);
    }
}

TEST_CASE("an edge from a shape to itself is draw.io's loop beside the shape", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("a", "1", "", {100, 100, 120, 60}));
    diagram::Cell e;
    e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
    e.target = "a";
    e.style = Style::parse("edgeStyle=orthogonalEdgeStyle;");
    e.geometry = diagram::Geometry{};
    e.geometry->relative = true;
    page.cells.push_back(e);
    const Scene scene = render_page(page);
    REQUIRE(scene.edges.size() == 1);
    const auto& pts = scene.edges[0].points;
    REQUIRE(pts.size() == 4);
    // Out of the right side to 20 px beside it, 10 px above and below the centre line, and back.
    CHECK(pts[0].x == Approx(220));
    CHECK(pts[1] == Point{240, 120});
    CHECK(pts[2] == Point{240, 140});
    CHECK(pts[3].x == Approx(220));
}

TEST_CASE("the page holds an arrow's point: a wide arrow ending at the border is not cut off", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    diagram::Cell e;
    e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge;
    e.style = Style::parse("endArrow=block;endFill=1;strokeWidth=6;strokeColor=#FF0000;");
    e.geometry = diagram::Geometry{};
    e.geometry->relative = true;
    e.geometry->source_point = Point{250, 190};
    e.geometry->target_point = Point{120, 190};
    page.cells.push_back(e);
    const Scene scene = render_page(page);
    // The block's mitred point ends on (120, 190), 6.7 px beyond its path's own points and half stroke.
    CHECK(scene.drawing.bounds.x == Approx(120).margin(0.01));
    bool tip = false;
    for (const Path& p : paths_of(scene)) tip = tip || (p.fill && p.bounds().x == Approx(120 + 6 * 1.118));
    CHECK(tip);
}
