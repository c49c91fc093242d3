#include <catch2/catch.hpp>

#include "core/diagram/style.hpp"
#include "core/render/edge_geometry.hpp"
#include "core/render/orth_connector.hpp"
#include "core/render/shape_geometry.hpp"

using namespace jstudio;
using namespace jstudio::render;
using diagram::Style;

namespace {

std::vector<Point> orth(Rect a, Rect b, const std::string& extra = "", std::string a_shape = "rect",
                        std::string b_shape = "rect") {
    Terminal s{a, std::move(a_shape), {}}, t{b, std::move(b_shape), {}};
    return route_edge(Style::parse("edgeStyle=orthogonalEdgeStyle;" + extra), s, t, {});
}

}  // namespace

// Each expected route is the one draw.io 25 draws for the same two shapes (checked against
// drawio-reference's picture of the same page).
TEST_CASE("orthogonal edges without waypoints take draw.io's routes", "[render][orth]") {
    SECTION("target below and to the right: out of the side, into the top (one bend)") {
        CHECK(orth({0, 0, 100, 50}, {200, 100, 100, 50}) ==
              std::vector<Point>{{100, 25}, {250, 25}, {250, 100}});
    }
    SECTION("stacked boxes, a little apart sideways: down, across halfway, down") {
        CHECK(orth({0, 250, 100, 50}, {30, 380, 120, 50}) ==
              std::vector<Point>{{50, 300}, {50, 340}, {90, 340}, {90, 380}});
    }
    SECTION("both ends fixed on the right sides: out and back round the jetty") {
        CHECK(orth({400, 0, 100, 50}, {420, 200, 100, 50}, "exitX=1;exitY=0.5;entryX=1;entryY=0.5") ==
              std::vector<Point>{{500, 25}, {530, 25}, {530, 225}, {520, 225}});
    }
    SECTION("into an ellipse from below: straight up to its outline") {
        CHECK(orth({420, 420, 100, 50}, {250, 300, 80, 80}, "", "rect", "ellipse") ==
              std::vector<Point>{{420, 445}, {290, 445}, {290, 380}});
    }
    SECTION("side by side at slightly different heights: a jog halfway") {
        CHECK(orth({760, 90, 100, 80}, {600, 100, 100, 50}) ==
              std::vector<Point>{{760, 130}, {730, 130}, {730, 125}, {700, 125}});
    }
    SECTION("a fixed exit on the far side goes round under the target") {
        CHECK(orth({600, 300, 100, 50}, {640, 480, 100, 50}, "exitX=0;exitY=0.5;entryX=0.5;entryY=1") ==
              std::vector<Point>{{600, 325}, {590, 325}, {590, 540}, {690, 540}, {690, 530}});
    }
}

TEST_CASE("the orthogonal router on its own", "[render][orth]") {
    SECTION("two fixed points closer than the two jetties fall back") {
        OrthEnd a{Rect{0, 0, 10, 10}, Point{10, 5}, 10}, b{Rect{15, 0, 10, 10}, Point{15, 5}, 10};
        CHECK_FALSE(orth_connector(a, b));
    }
    SECTION("the jetty is how far the edge leaves the shape before turning") {
        // Out of the right side toward a target behind it (down and to the left): it turns 30 px out.
        OrthEnd a{Rect{0, 0, 100, 50}, Point{100, 25}, 30}, b{Rect{-200, 200, 100, 50}, Point{-150, 200}, 10};
        auto bends = orth_connector(a, b);
        REQUIRE(bends);
        REQUIRE_FALSE(bends->empty());
        CHECK(bends->front() == Point{130, 25});
    }
    SECTION("orthogonal perimeters meet the outline straight across") {
        CHECK(orthogonal_perimeter_point("rect", {0, 0, 100, 50}, {30, 200}) == Point{30, 50});
        CHECK(orthogonal_perimeter_point("ellipse", {0, 0, 100, 100}, {50, -40}) == Point{50, 0});
        CHECK(orthogonal_perimeter_point("center", {0, 0, 20, 20}, {300, 300}) == Point{10, 10});
    }
}

TEST_CASE("draw.io's perimeter styles for UML sequence diagrams", "[render][orth]") {
    // An activation bar (orthogonalPerimeter): a message arrives level with where it left.
    CHECK(perimeter_point("orthogonal", {165, 150, 10, 190}, {105, 200}) == Point{165, 200});
    // A lifeline: on its line, below its header, level with the other end.
    CHECK(perimeter_point("lifeline:40", {0, 0, 100, 300}, {400, 120}) == Point{49.5, 120});
    CHECK(perimeter_point("lifeline:40", {0, 0, 100, 300}, {400, 10}) == Point{49.5, 40});
    // A sequence message between two bars is horizontal.
    Terminal a{Rect{165, 150, 10, 190}, "orthogonal", {}}, b{Rect{345, 160, 10, 160}, "orthogonal", {}};
    auto pts = route_edge(Style::parse("entryX=0;entryY=0"), a, b, {});
    REQUIRE(pts.size() == 2);
    CHECK(pts[0] == Point{175, 160});
    CHECK(pts[1] == Point{345, 160});
}

TEST_CASE("an orthogonal edge from a waypoint starts at its centre and runs straight when it is short",
          "[render][orth]") {
    // draw.io's electrical template: a 40 px waypoint box (centerPerimeter) 19 px from a resistor's left
    // port.
    Terminal dot{Rect{423, 110, 40, 40}, "center", {}}, resistor{Rect{462, 120, 100, 20}, "rect", {}};
    auto pts =
        route_edge(Style::parse("edgeStyle=orthogonalEdgeStyle;entryX=0;entryY=0.5"), dot, resistor, {});
    CHECK(pts == std::vector<Point>{{443, 130}, {462, 130}});
}

// As draw.io 25 draws them (checked against drawio-reference's picture of the same page).
TEST_CASE("orthogonal edges through waypoints take draw.io's segment connector route", "[render][orth]") {
    auto route = [](Rect a, Rect b, const std::string& extra, std::vector<Point> waypoints) {
        Terminal s{a, "rect", {}}, t{b, "rect", {}};
        return route_edge(Style::parse("edgeStyle=orthogonalEdgeStyle;" + extra), s, t, waypoints);
    };
    SECTION("one waypoint below and between: down, across, down, into the side") {
        CHECK(route({0, 0, 100, 50}, {200, 150, 100, 50}, "", {{150, 100}}) ==
              std::vector<Point>{{50, 50}, {50, 100}, {150, 100}, {150, 175}, {200, 175}});
    }
    SECTION("fixed ends and two waypoints") {
        CHECK(route({400, 0, 100, 50}, {600, 150, 100, 50}, "exitX=0.5;exitY=1;entryX=0;entryY=0.5",
                    {{450, 120}, {550, 120}}) ==
              std::vector<Point>{{450, 50}, {450, 120}, {550, 120}, {550, 175}, {600, 175}});
    }
    SECTION("a waypoint below both shapes: the edge goes down to it and comes back up") {
        CHECK(route({0, 300, 100, 50}, {300, 320, 100, 50}, "", {{200, 420}}) ==
              std::vector<Point>{{50, 350}, {50, 420}, {200, 420}, {200, 345}, {300, 345}});
    }
}
