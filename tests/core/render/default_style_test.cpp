#include <catch2/catch.hpp>

#include <cmath>

#include "core/diagram/style.hpp"
#include "core/render/default_style.hpp"
#include "core/render/page_renderer.hpp"
#include "core/render/shape_geometry.hpp"
#include "core/render/stencil.hpp"
#include "core/text/text_metrics.hpp"

using namespace jstudio;
using namespace jstudio::render;
using diagram::Style;

namespace {

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

std::vector<const TextRun*> runs(const Scene& scene, const std::string& text) {
    std::vector<const TextRun*> out;
    for (const auto& item : scene.drawing.items)
        if (auto* t = std::get_if<TextRun>(&item); t && t->text == text) out.push_back(t);
    return out;
}

}  // namespace

TEST_CASE("draw.io's default stylesheet resolves named styles", "[render]") {
    SECTION("text: top-left, no fill, no stroke, unless the cell says otherwise") {
        Style s = resolved_style(Style::parse("text;html=1;"), false);
        CHECK(s.get_or("align", "") == "left");
        CHECK(s.get_or("verticalAlign", "") == "top");
        CHECK(s.get_or("fillColor", "") == "none");
        CHECK(s.has_name("text"));
        Style own = resolved_style(Style::parse("text;align=center;verticalAlign=middle;"), false);
        CHECK(own.get_or("align", "") == "center");
        CHECK(own.get_or("verticalAlign", "") == "middle");
    }
    SECTION("swimlane: bold title in a 23 px header; shape=swimlane alone keeps draw.io's 40") {
        Style s = resolved_style(Style::parse("swimlane;html=1;"), false);
        CHECK(s.number("startSize", 0) == 23);
        CHECK(s.number("fontStyle", 0) == 1);
        CHECK_FALSE(resolved_style(Style::parse("shape=swimlane;"), false).get("startSize"));
    }
    SECTION("edgeLabel extends text; image puts the label below") {
        Style e = resolved_style(Style::parse("edgeLabel;"), false);
        CHECK(e.get_or("align", "") == "left");
        CHECK(e.number("fontSize", 0) == 11);
        CHECK(resolved_style(Style::parse("image;image=x.png;"), false).get_or("verticalLabelPosition", "") ==
              "bottom");
    }
    SECTION("edges are rounded unless they say rounded=0") {
        CHECK(resolved_style(Style::parse("endArrow=classic;"), true).flag("rounded"));
        CHECK_FALSE(resolved_style(Style::parse("rounded=0;"), true).flag("rounded"));
        CHECK_FALSE(resolved_style(Style::parse("endArrow=classic;"), false).flag("rounded"));
    }
    CHECK(named_style("made-up").empty());
}

TEST_CASE("labels turn with their shapes; textOpacity, not opacity, fades them", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("r", "rotation=90;", {0, 0, 100, 40}, "Turned"));
    page.cells.push_back(vertex("v", "horizontal=0;", {200, 0, 40, 100}, "Up"));
    page.cells.push_back(vertex("o", "opacity=30;", {0, 200, 100, 40}, "Faded box"));
    page.cells.push_back(vertex("t", "textOpacity=50;", {200, 200, 100, 40}, "Faded text"));
    page.cells.push_back(vertex("s", "swimlane;", {0, 300, 200, 100}, "Lane"));
    Scene scene = render_page(page);
    SECTION("rotation: about the shape's centre") {
        auto r = runs(scene, "Turned");
        REQUIRE(r.size() == 1);
        CHECK(r[0]->rotation == Approx(90));
        CHECK(r[0]->pivot.x == Approx(50).margin(0.5));
        CHECK(r[0]->pivot.y == Approx(20).margin(0.5));
    }
    SECTION("horizontal=0: a quarter counter-clockwise") {
        auto r = runs(scene, "Up");
        REQUIRE(r.size() == 1);
        CHECK(r[0]->rotation == Approx(-90));
    }
    SECTION("opacity fades the shape only, textOpacity the text only") {
        auto box = runs(scene, "Faded box"), text = runs(scene, "Faded text");
        REQUIRE(box.size() == 1);
        REQUIRE(text.size() == 1);
        CHECK(box[0]->opacity == Approx(1));
        CHECK(text[0]->opacity == Approx(0.5));
    }
    SECTION("a swimlane's title is bold in its 23 px header") {
        auto r = runs(scene, "Lane");
        REQUIRE(r.size() == 1);
        CHECK(r[0]->font.bold);
        CHECK(r[0]->y < 300 + 23);
        CHECK(r[0]->y > 300);
    }
}

TEST_CASE("stencil names map to draw.io's library files", "[render]") {
    CHECK(stencil_library_file("mxgraph.cisco.routers.router") == "cisco/routers");
    CHECK(stencil_library_file("mxgraph.aws4.lambda") == "aws4");
    CHECK(stencil_library_file("mxgraph.AWS4.Lambda") == "aws4");
    CHECK(stencil_library_file("mxgraph.pid.pumps_-_din.hydraulic") == "pid/pumps_din");
    CHECK_FALSE(stencil_library_file("mxgraph.aws4"));
    CHECK_FALSE(stencil_library_file("ellipse"));
    CHECK_FALSE(stencil_library_file("mxgraph..x.y"));
    CHECK_FALSE(stencil_library_file("mxgraph.a/../b.c"));
}

TEST_CASE("monospace fonts are measured as monospace", "[render]") {
    CHECK(text::is_monospace_family("Courier New"));
    CHECK(text::is_monospace_family("'Courier New', monospace"));
    CHECK_FALSE(text::is_monospace_family("Helvetica"));
    CHECK(text::text_width("iiii", {10, false, true}) == Approx(24));
    CHECK(text::text_width("iiii", {10, false, false}) < 24);  // proportional: i is narrow
}

TEST_CASE("block-arrow edges are one filled outline", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    page.cells.push_back(vertex("a", "", {0, 0, 40, 40}));
    page.cells.push_back(vertex("b", "", {200, 0, 40, 40}));
    diagram::Cell e;
    e.id = "e", e.parent = "1", e.edge = true, e.kind = diagram::CellKind::edge, e.source = "a",
    e.target = "b";
    e.style = Style::parse("arrow;fillColor=#FFB366;strokeColor=none;");
    e.geometry = diagram::Geometry{};
    e.geometry->relative = true;
    page.cells.push_back(e);
    Scene scene = render_page(page);
    int arrows = 0;
    for (const auto& item : scene.drawing.items)
        if (auto* p = std::get_if<Path>(&item); p && p->fill == Color{0xFF, 0xB3, 0x66}) {
            ++arrows;
            CHECK(p->bounds().height == Approx(30));  // the head is 30 px wide
            CHECK(p->bounds().right() == Approx(200));
        }
    CHECK(arrows == 1);
}

TEST_CASE("floor-plan walls are drawn as draw.io draws them", "[render]") {
    auto wall = shape_outline("mxgraph.floorplan.wall", {0, 0, 100, 10}, Style::parse("fillColor=#000000;"));
    REQUIRE(wall.known);
    REQUIRE(wall.fill_paths.size() == 1);
    CHECK(wall.fill_paths[0].bounds().height == Approx(10));
    auto south = shape_outline("mxgraph.floorplan.wall", {0, 0, 10, 100}, Style::parse("direction=south;"));
    CHECK(south.fill_paths[0].bounds().width == Approx(10));
    CHECK(south.fill_paths[0].bounds().height == Approx(100));
    auto corner = shape_outline("mxgraph.floorplan.wallCorner", {0, 0, 100, 100}, {});
    CHECK(corner.fill_paths[0].ops.size() == 7);  // an L of 10 px arms, not the whole box
    SECTION("a wall thinner than its box runs down the box's middle (draw.io 25), a window too") {
        auto wide =
            shape_outline("mxgraph.floorplan.wall", {0, 0, 20, 100}, Style::parse("direction=south;"));
        CHECK(wide.fill_paths[0].bounds().x == Approx(5));
        CHECK(wide.fill_paths[0].bounds().width == Approx(10));
        auto thick =
            shape_outline("mxgraph.floorplan.wall", {0, 0, 100, 30}, Style::parse("wallThickness=6;"));
        CHECK(thick.fill_paths[0].bounds().y == Approx(12));
        CHECK(thick.fill_paths[0].bounds().height == Approx(6));
        auto window = shape_outline("mxgraph.floorplan.window", {0, 0, 100, 20}, {});
        CHECK(window.fill_paths[0].bounds().y == Approx(5));
        CHECK(window.fill_paths[0].bounds().height == Approx(10));
    }
}

TEST_CASE("a line shape turned north or south is drawn down the middle of its box", "[render]") {
    SECTION("east (default): across the middle") {
        auto line = shape_outline("line", {0, 0, 100, 10}, {});
        REQUIRE(line.detail_paths.size() == 1);
        CHECK(line.detail_paths[0].bounds().width == Approx(100));
        CHECK(line.detail_paths[0].bounds().y == Approx(5));
    }
    SECTION("south: from top to bottom at the centre") {
        auto line = shape_outline("line", {0, 0, 10, 102}, Style::parse("direction=south;"));
        REQUIRE(line.detail_paths.size() == 1);
        CHECK(line.detail_paths[0].bounds().height == Approx(102));
        CHECK(line.detail_paths[0].bounds().x == Approx(5));
        CHECK(line.detail_paths[0].bounds().width == Approx(0));
    }
}

TEST_CASE("floor-plan shapes are mirrored by flipH and flipV in their own box", "[render]") {
    // The evacuation plan's wallU with flipV=1 opens upwards: its bottom wall becomes the top one.
    const Rect box{0, 0, 100, 50};
    auto up = shape_outline("mxgraph.floorplan.wallU", box, Style::parse("flipV=1;"));
    auto down = shape_outline("mxgraph.floorplan.wallU", box, {});
    REQUIRE(up.fill_paths.size() == 1);
    REQUIRE(down.fill_paths.size() == 1);
    CHECK(up.fill_paths[0].bounds().height == Approx(50));
    // The opening (no wall) is at the bottom unflipped: the path's first point is a bottom corner; flipped,
    // the same point is at the top.
    CHECK(down.fill_paths[0].ops.front().p[0].y == Approx(50));
    CHECK(up.fill_paths[0].ops.front().p[0].y == Approx(0));
}
