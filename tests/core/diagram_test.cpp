#include <catch2/catch.hpp>

#include "core/diagram/page_index.hpp"

using namespace jstudio::diagram;

TEST_CASE("Style keeps what it does not understand", "[core][diagram]") {
    for (std::string text :
         {"rounded=1;fooBar=7;html=1;", "ellipse;whiteSpace=wrap", ";", "a;;b;", "shape=stencil(eJx=);x=1"})
        CHECK(Style::parse(text).to_string() == text);
    auto style = Style::parse("swimlane;startSize=23;fillColor=#fff;fillColor=none;");
    SECTION("later keys win") {
        CHECK(style.get("fillColor") == "none");
    }
    SECTION("named styles") {
        CHECK(style.has_name("swimlane"));
        CHECK(style.first_name() == "swimlane");
    }
    SECTION("numbers and flags") {
        CHECK(style.number("startSize", 0) == 23);
        CHECK(style.number("missing", 5) == 5);
        CHECK(Style::parse("html=1").flag("html"));
    }
    SECTION("set and remove") {
        style.set("startSize", "30");
        style.set("new", "1");
        style.remove("fillColor");
        CHECK(style.to_string() == "swimlane;startSize=30;new=1;");
    }
}

namespace {
Cell vertex(std::string id, std::string parent, Rect r, std::string style = "") {
    Cell c;
    c.id = std::move(id);
    c.parent = std::move(parent);
    c.kind = CellKind::vertex;
    c.vertex = true;
    if (!style.empty()) c.style = Style::parse(style);
    c.geometry = Geometry{};
    c.geometry->bounds = r;
    return c;
}
}  // namespace

TEST_CASE("PageIndex resolves the tree, edges and absolute bounds", "[core][diagram]") {
    Page page = make_page("p", "P");
    page.cells.push_back(vertex("lane", "1", {100, 50, 400, 200}, "swimlane;startSize=30;"));
    page.cells.push_back(vertex("group", "lane", {20, 40, 200, 100}, "group"));
    page.cells.push_back(vertex("a", "group", {10, 10, 80, 40}));
    page.cells.push_back(vertex("b", "1", {600, 60, 80, 40}));
    Cell port = vertex("port", "b", {1, 0.5, 10, 10});
    port.geometry->relative = true;
    port.geometry->offset = Point{-5, -5};
    page.cells.push_back(port);
    Cell e;
    e.id = "e";
    e.parent = "1";
    e.kind = CellKind::edge;
    e.edge = true;
    e.source = "a";
    e.target = "b";
    e.geometry = Geometry{};
    e.geometry->relative = true;
    page.cells.push_back(e);
    Cell label = vertex("lbl", "e", {0, 0, 20, 10});
    label.geometry->relative = true;
    page.cells.push_back(label);

    PageIndex idx(page);
    SECTION("tree") {
        CHECK(idx.root()->id == "0");
        REQUIRE(idx.layers().size() == 1);
        CHECK(idx.layer_of("a")->id == "1");
        CHECK(idx.children("lane").size() == 1);
        CHECK(idx.parent_of("a")->id == "group");
        CHECK(idx.find("zz") == nullptr);
    }
    SECTION("inside: every ancestor holds a cell, the cell does not hold itself") {
        CHECK(idx.is_inside("a", "group"));
        CHECK(idx.is_inside("a", "lane"));
        CHECK(idx.is_inside("a", "1"));
        CHECK_FALSE(idx.is_inside("a", "a"));
        CHECK_FALSE(idx.is_inside("lane", "a"));
        CHECK_FALSE(idx.is_inside("a", "b"));
        CHECK_FALSE(idx.is_inside("a", "zz"));
        CHECK(idx.is_inside(*idx.position("port"), *idx.position("b")));
    }
    SECTION("containers") {
        CHECK(idx.is_container(*idx.find("lane")));
        CHECK(idx.is_swimlane(*idx.find("lane")));
        CHECK(idx.is_group(*idx.find("group")));
        CHECK_FALSE(idx.is_container(*idx.find("a")));
    }
    SECTION("absolute bounds add up through nested containers") {
        CHECK(*idx.absolute_bounds("a") == Rect{130, 100, 80, 40});
        CHECK(*idx.absolute_bounds("port") == Rect{675, 75, 10, 10});
        CHECK_FALSE(idx.absolute_bounds("e"));
    }
    SECTION("edge labels sit on the edge") {
        auto b = *idx.absolute_bounds("lbl");  // x=0: the middle of the centre-to-centre line
        CHECK(b.x + b.width / 2 == Approx((170 + 640) / 2.0));
        CHECK(b.y + b.height / 2 == Approx((120 + 80) / 2.0));
    }
    SECTION("edges of a vertex") {
        CHECK(idx.outgoing("a").size() == 1);
        CHECK(idx.incoming("b").size() == 1);
        CHECK(idx.edges_of("b").front()->id == "e");
        CHECK(idx.edge_polyline("e").size() == 2);
    }
}

TEST_CASE("PageIndex ends a walk up a parent cycle", "[core][diagram]") {
    // A damaged file: x inside y inside x. Asking what holds them must answer, not loop.
    Page page = make_page("p", "P");
    page.cells.push_back(vertex("x", "y", {0, 0, 10, 10}));
    page.cells.push_back(vertex("y", "x", {0, 0, 10, 10}));
    PageIndex idx(page);
    CHECK(idx.is_inside("x", "y"));
    CHECK_FALSE(idx.is_inside("x", "1"));
}
