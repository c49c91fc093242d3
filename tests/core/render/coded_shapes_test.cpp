#include <catch2/catch.hpp>

#include <cmath>

#include "core/diagram/style.hpp"
#include "core/render/coded_shapes.hpp"
#include "core/render/page_renderer.hpp"

using namespace jstudio;
using namespace jstudio::render;
using diagram::Style;

namespace {

std::vector<Point> corners(const Path& p) {
    std::vector<Point> out;
    for (const auto& op : p.ops)
        if (op.kind == PathOp::move || op.kind == PathOp::line) out.push_back(op.p[0]);
    return out;
}

bool near(Point a, Point b) {
    return std::abs(a.x - b.x) < 1e-6 && std::abs(a.y - b.y) < 1e-6;
}

// True when the drawing is just the bounding box (what an unknown shape falls back to).
bool only_the_box(const CodedDrawing& d, const Rect& b) {
    if (d.paths.size() != 1 || !d.texts.empty()) return false;
    auto c = corners(d.paths[0].path);
    return c.size() == 4 && near(c[0], {b.x, b.y}) && near(c[2], {b.right(), b.bottom()});
}

CodedDrawing draw(const std::string& name, const Rect& b, const std::string& style = "") {
    CodedPaint paint{Color{255, 255, 255}, Color{0, 0, 0}, 1, false};
    auto d = coded_shape(name, b, Style::parse(style), paint);
    REQUIRE(d);
    return *d;
}

diagram::Page one_vertex(const std::string& style, Rect r, const std::string& value = "") {
    diagram::Page page = diagram::make_page("p", "P");
    diagram::Cell c;
    c.id = "v", c.parent = "1", c.vertex = true, c.kind = diagram::CellKind::vertex;
    c.style = Style::parse(style);
    c.value = value;
    diagram::Geometry g;
    g.bounds = r;
    c.geometry = g;
    page.cells.push_back(c);
    return page;
}

}  // namespace

TEST_CASE("draw.io's code-defined shapes are drawn, not boxes", "[render][coded]") {
    const Rect b{10, 20, 120, 80};
    for (const char* name : {"waypoint",
                             "folder",
                             "component",
                             "message",
                             "cube",
                             "note2",
                             "lollipop",
                             "dimension",
                             "plus",
                             "switch",
                             "umlLifeline",
                             "umlFrame",
                             "mxgraph.bpmn.shape",
                             "mxgraph.bootstrap.rrect",
                             "mxgraph.arrows2.arrow",
                             "mxgraph.mockup.graphics.iconGrid",
                             "mxgraph.gmdl.marginRect",
                             "mxgraph.mockup.markup.line",
                             "mxgraph.infographic.cylinder",
                             "mxgraph.bootstrap.horLines",
                             "mxgraph.mockup.markup.curlyBrace",
                             "mxgraph.mockup.buttons.button",
                             "mxgraph.dfd.dataStoreID",
                             "mxgraph.basic.partConcEllipse",
                             "mxgraph.mockup.forms.searchBox",
                             "mxgraph.mockup.forms.comboBox",
                             "mxgraph.bootstrap.rating",
                             "mxgraph.rackGeneral.container",
                             "mxgraph.rackGeneral.horCableDuct",
                             "mxgraph.rackGeneral.neatPatch",
                             "mxgraph.basic.roundRectCallout",
                             "mxgraph.mockup.graphics.simpleIcon",
                             "mxgraph.gcp2.doubleRect",
                             "mxgraph.bootstrap.image",
                             "mxgraph.bootstrap.checkbox",
                             "mxgraph.bootstrap.topButton",
                             "mxgraph.arrows2.jumpInArrow",
                             "mxgraph.mockup.text.stickyNote2",
                             "mxgraph.mockup.containers.browserWindow",
                             "mxgraph.ios7ui.phone"}) {
        INFO(name);
        REQUIRE(is_coded_shape(name));
        const std::string n = name;
        const std::string style = n == "mxgraph.bpmn.shape"        ? "outline=standard;symbol=timer"
                                  : n == "mxgraph.gmdl.marginRect" ? "rectMargin=5"
                                                                   : "";
        auto d = draw(name, b, style);
        CHECK_FALSE(d.paths.empty());
        CHECK_FALSE(only_the_box(d, b));
        // And the page renderer takes it: no "not drawn" warning.
        Scene scene = render_page(one_vertex("shape=" + std::string(name) + ";" + style, b));
        CHECK(scene.warnings.empty());
    }
    // The anchors draw.io's mock-ups use to hold their labels draw nothing.
    CHECK(draw("mxgraph.bootstrap.anchor", b).paths.empty());
    CHECK_FALSE(is_coded_shape("mxgraph.made.up"));
}

TEST_CASE("BPMN gateways and events follow mxBpmnShape", "[render][coded]") {
    const Rect b{0, 0, 40, 40};
    SECTION("a parallel gateway: the diamond, then a plus filled with the line colour") {
        auto d = draw("mxgraph.bpmn.shape", b, "background=gateway;outline=none;symbol=parallelGw");
        REQUIRE(d.paths.size() == 2);
        CHECK(corners(d.paths[0].path) == std::vector<Point>{{20, 0}, {40, 20}, {20, 40}, {0, 20}});
        CHECK(d.paths[1].path.fill == Color{0, 0, 0});
        CHECK(d.paths[1].path.stroke == Color{255, 255, 255});
        // The plus fills the half-size box at the centre: x from 10 + 0.38 * 20 to 10 + 0.62 * 20.
        auto plus = corners(d.paths[1].path);
        REQUIRE(plus.size() == 12);
        CHECK(plus[0].x == Approx(17.6));
        CHECK(plus[1].x == Approx(22.4));
    }
    SECTION("an end event has a line three times as thick") {
        auto d = draw("mxgraph.bpmn.shape", b, "outline=end;symbol=general");
        REQUIRE(d.paths.size() == 1);
        CHECK(d.paths[0].path.stroke_width == Approx(3));
    }
    SECTION("a non-interrupting event is dashed, and its symbol is not") {
        auto d = draw("mxgraph.bpmn.shape", b, "outline=eventNonint;symbol=message");
        REQUIRE(d.paths.size() == 3);
        CHECK(d.paths[0].dashed);
        CHECK_FALSE(d.paths[1].dashed);
    }
}

TEST_CASE("UML lifelines, frames, folders and rack cabinets", "[render][coded]") {
    SECTION("a lifeline: its header box, a dashed line down the middle, the label in the header") {
        const Rect b{0, 0, 100, 300};
        auto d = draw("umlLifeline", b, "size=40");
        REQUIRE(d.paths.size() == 2);
        CHECK(corners(d.paths[0].path)[2] == Point{100, 40});
        CHECK(d.paths[1].dashed);
        CHECK(corners(d.paths[1].path) == std::vector<Point>{{50, 40}, {50, 300}});
        REQUIRE(d.label_box);
        CHECK(d.label_box->height == 40);
    }
    SECTION("a cube's label keeps to its front face with boundedLbl, else the whole box (mxCube)") {
        auto d = draw("cube", {10, 20, 100, 80}, "boundedLbl=1;size=20");
        REQUIRE(d.label_box);
        CHECK(*d.label_box == Rect{30, 40, 80, 60});
        CHECK_FALSE(draw("cube", {10, 20, 100, 80}, "size=20").label_box);
    }
    SECTION("a lifeline's participant replaces the header box (an actor: head, body, arms, legs)") {
        auto d = draw("umlLifeline", {0, 0, 40, 240}, "participant=umlActor;size=40");
        REQUIRE(d.paths.size() == 3);
        const Rect head = d.paths[0].path.bounds();
        CHECK(head.x == Approx(10));
        CHECK(head.height == Approx(10));
        CHECK(d.paths[2].dashed);
        CHECK(is_coded_shape("umlBoundary"));
        CHECK(is_coded_shape("umlEntity"));
        CHECK(is_coded_shape("umlControl"));
    }
    SECTION("a folder's tab is on the right by default") {
        auto d = draw("folder", {0, 0, 120, 80}, "tabWidth=40;tabHeight=14");
        auto c = corners(d.paths[0].path);
        CHECK(c[0] == Point{80, 14});
        CHECK(c[1] == Point{80, 0});
    }
    SECTION("a rack cabinet numbers its units beside it") {
        auto d = draw("mxgraph.rackGeneral.container", {0, 0, 180, 242});
        REQUIRE(d.texts.size() == 10);
        CHECK(d.texts.front().text == "10");
        CHECK(d.texts.back().text == "1");
        CHECK(d.texts.front().at == Point{12, 31});
        auto desc = draw("mxgraph.rackGeneral.container", {0, 0, 180, 242}, "numDisp=descend");
        CHECK(desc.texts.front().text == "1");
        CHECK(draw("mxgraph.rackGeneral.container", {0, 0, 180, 242}, "numDisp=off").texts.empty());
    }
    SECTION("a block arrow turned south points down") {
        auto d = draw("mxgraph.arrows2.arrow", {0, 0, 40, 100}, "direction=south;dx=20;dy=0.5");
        auto c = corners(d.paths[0].path);
        REQUIRE(c.size() == 8);
        // The tip (east in the shape's own frame) ends at the bottom centre.
        CHECK(c[3].x == Approx(20));
        CHECK(c[3].y == Approx(100));
    }
}

TEST_CASE("a waypoint is a dot in the line colour, and edges end at its centre", "[render][coded]") {
    auto d = draw("waypoint", {0, 0, 20, 20}, "size=6");
    REQUIRE(d.paths.size() == 1);
    CHECK(d.paths[0].path.fill == Color{0, 0, 0});
    CHECK_FALSE(d.paths[0].path.stroke);
    const Rect box = d.paths[0].path.bounds();
    CHECK(box.width == Approx(6));
    CHECK(box.x == Approx(7));
}

TEST_CASE("a Kubernetes icon is its frame twice and its symbol, as library stencils", "[render][coded]") {
    CodedPaint paint{Color{0x32, 0x6c, 0xe5}, Color{255, 255, 255}, 1, false};
    auto d = coded_shape("mxgraph.kubernetes.icon", {0, 0, 50, 50}, Style::parse("prIcon=pod"), paint);
    REQUIRE(d);
    REQUIRE(d->stencils.size() == 3);
    CHECK(d->stencils[0].name == "mxgraph.kubernetes.frame");
    CHECK(d->stencils[0].fill == Color{255, 255, 255});  // the outer frame in the line colour
    CHECK(d->stencils[1].fill == Color{0x32, 0x6c, 0xe5});
    CHECK(d->stencils[1].box.x == Approx(1.5));
    CHECK(d->stencils[2].name == "mxgraph.kubernetes.pod");
    CHECK(d->stencils[2].box.width == Approx(30));
}

TEST_CASE("a GCP 2 hexagon icon is its product stencil in the fill colour, inset in the box",
          "[render][coded]") {
    CodedPaint paint{Color{0x51, 0x84, 0xf3}, std::nullopt, 1, false};
    SECTION("the standard type: only the product's stencil") {
        auto d =
            coded_shape("mxgraph.gcp2.hexIcon", {10, 20, 100, 50}, Style::parse("prIcon=cloud_iam"), paint);
        REQUIRE(d);
        CHECK(d->paths.empty());
        REQUIRE(d->stencils.size() == 1);
        CHECK(d->stencils[0].name == "mxgraph.gcp2.cloud_iam");
        CHECK(d->stencils[0].fill == Color{0x51, 0x84, 0xf3});
        CHECK(d->stencils[0].box.x == Approx(27));
        CHECK(d->stencils[0].box.y == Approx(28));
        CHECK(d->stencils[0].box.width == Approx(66));
        CHECK(d->stencils[0].box.height == Approx(34));
    }
    SECTION("no prIcon is Compute Engine's") {
        auto d = coded_shape("mxgraph.gcp2.hexIcon", {0, 0, 44, 39}, Style::parse(""), paint);
        REQUIRE(d);
        REQUIRE(d->stencils.size() == 1);
        CHECK(d->stencils[0].name == "mxgraph.gcp2.compute_engine");
    }
    SECTION("a backend puts a yellow hexagon behind the icon") {
        auto d = coded_shape("mxgraph.gcp2.hexIcon", {0, 0, 100, 100}, Style::parse("prType=backend"), paint);
        REQUIRE(d);
        REQUIRE(d->stencils.size() == 2);
        CHECK(d->stencils[0].name == "mxgraph.gcp2.outline_blank_1");
        CHECK(d->stencils[0].fill == Color{0xfc, 0xc6, 0x4d});
        CHECK(d->stencils[1].fill == Color{0x51, 0x84, 0xf3});
    }
}

TEST_CASE("a partial rectangle strokes only the sides that are on", "[render][coded]") {
    auto d = draw("partialRectangle", {0, 0, 100, 30}, "top=0;left=0;right=0;bottom=1");
    REQUIRE(d.paths.size() == 2);
    CHECK(d.paths[0].path.fill);
    CHECK_FALSE(d.paths[0].path.stroke);
    // The stroked path draws only the bottom side: a line from the bottom right to the bottom left.
    std::vector<Point> drawn;
    const auto& ops = d.paths[1].path.ops;
    for (std::size_t i = 1; i < ops.size(); ++i)
        if (ops[i].kind == PathOp::line) drawn.push_back(ops[i].p[0]);
    CHECK(drawn == std::vector<Point>{{0, 30}});
    CHECK(is_coded_shape("tableRow"));
}

TEST_CASE("a table draws the lines between its rows and columns", "[render][coded]") {
    diagram::Page page = diagram::make_page("p", "P");
    auto add = [&](std::string id, std::string parent, std::string style, Rect r) {
        diagram::Cell c;
        c.id = std::move(id), c.parent = std::move(parent), c.vertex = true,
        c.kind = diagram::CellKind::vertex;
        c.style = Style::parse(style);
        diagram::Geometry g;
        g.bounds = r;
        c.geometry = g;
        page.cells.push_back(c);
    };
    add("t", "1", "shape=table;startSize=0;childLayout=tableLayout;fillColor=none;", {0, 0, 200, 60});
    for (int r = 0; r < 2; ++r) {
        const std::string row = "r" + std::to_string(r);
        add(row, "t", "shape=tableRow;startSize=0;fillColor=none;top=0;left=0;right=0;bottom=0;",
            {0, 30.0 * r, 200, 30});
        for (int c = 0; c < 2; ++c)
            add(row + "c" + std::to_string(c), row,
                "shape=partialRectangle;fillColor=none;top=0;left=0;right=0;bottom=0;",
                {100.0 * c, 0, 100, 30});
    }
    Scene scene = render_page(page);
    CHECK(scene.warnings.empty());
    int row_lines = 0, column_lines = 0;
    for (const auto& item : scene.drawing.items)
        if (auto* p = std::get_if<Path>(&item); p && p->stroke && p->ops.size() == 2) {
            const Point a = p->ops[0].p[0], b = p->ops[1].p[0];
            if (a.y == 30 && b.y == 30) ++row_lines;
            if (a.x == 100 && b.x == 100) ++column_lines;
        }
    CHECK(row_lines == 2);     // under both cells of the first row
    CHECK(column_lines == 2);  // right of the first cell in each row
}

TEST_CASE("a code-defined shape turned north or south swaps its flips, as mxShape does", "[render][coded]") {
    // The UML component template's sockets: a lollipop (ball on top, stick down) turned south has its ball
    // on the right; flipH=1 must put it on the left, where draw.io draws it.
    const Rect b{0, 0, 40, 10};  // on the page; drawn upright in a 10 x 40 box, then turned
    auto ball_x = [&](const std::string& style) {
        const CodedDrawing d = draw("lollipop", b, style);
        const Rect r = d.paths.front().path.bounds();
        return r.x + r.width / 2;
    };
    CHECK(ball_x("direction=south;") > 30);
    CHECK(ball_x("direction=south;flipH=1;") < 10);
    CHECK(ball_x("direction=south;flipV=1;") > 30);  // a left-right mirror of a south lollipop: unchanged
}
