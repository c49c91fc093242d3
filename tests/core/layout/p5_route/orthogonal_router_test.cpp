#include "core/layout/p5_route/orthogonal_router.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace jstudio::layout;

TEST_CASE("overlapping spans get different tracks, disjoint ones may share", "[core][layout][p5]") {
    const auto tracks = assign_tracks({{0, 100}, {200, 300}, {50, 150}});
    CHECK(tracks[0] != tracks[2]);
    const auto apart = assign_tracks({{0, 100}, {200, 300}});
    CHECK(apart == std::vector<int>{0, 0});
}

TEST_CASE("track order avoids a crossing when one exists", "[core][layout][p5]") {
    // A: 0 -> 100, B: 50 -> 150, both going right. B above A crosses nothing; A above B crosses twice.
    const auto tracks = assign_tracks({{0, 100}, {50, 150}});
    CHECK(tracks[1] < tracks[0]);
    // Mirrored: going left, the one starting further right goes lower... C: 150 -> 50, D: 100 -> 0
    const auto left = assign_tracks({{150, 50}, {100, 0}});
    CHECK(left[1] < left[0]);
}

TEST_CASE("a segment leaving where another arrives goes above it", "[core][layout][p5]") {
    // A: 0 -> 100 arrives at x=100; B: 100 -> 200 leaves at x=100. A below B would stack their verticals.
    const auto tracks = assign_tracks({{0, 100}, {100, 200}});
    CHECK(tracks[1] < tracks[0]);
}

namespace {

// Length of the vertical stretches two routes share at one x.
double shared_vertical(const std::vector<XY>& a, const std::vector<XY>& b) {
    double shared = 0;
    for (std::size_t i = 0; i + 1 < a.size(); ++i)
        for (std::size_t j = 0; j + 1 < b.size(); ++j) {
            if (a[i].x != a[i + 1].x || b[j].x != b[j + 1].x || std::abs(a[i].x - b[j].x) > 0.5) continue;
            const double lo = std::max(std::min(a[i].y, a[i + 1].y), std::min(b[j].y, b[j + 1].y));
            const double hi = std::min(std::max(a[i].y, a[i + 1].y), std::max(b[j].y, b[j + 1].y));
            shared += std::max(0.0, hi - lo);
        }
    return shared;
}

}  // namespace

TEST_CASE("two edges that swap places are kept apart", "[core][layout][p5]") {
    // a b over c d, edges a -> d and b -> c: each leaves where the other arrives, so in either track order
    // their verticals would run on top of each other.
    LayeredGraph graph;
    for (int i = 0; i < 4; ++i) graph.add_node(60, 40);
    graph.real_count = 4;
    graph.add_edge(0, 3);
    graph.add_edge(1, 2);
    graph.nodes[0].layer = graph.nodes[1].layer = 0;
    graph.nodes[2].layer = graph.nodes[3].layer = 1;
    graph.build_layers();
    graph.split_long_edges();
    graph.nodes[0].x = graph.nodes[2].x = 0;
    graph.nodes[1].x = graph.nodes[3].x = 100;
    LayoutContext ctx;
    OrthogonalRouter().run(graph, ctx);
    const auto& ad = graph.edges[0].points;
    const auto& bc = graph.edges[1].points;
    REQUIRE(ad.size() == 4);
    REQUIRE(bc.size() == 4);
    CHECK(shared_vertical(ad, bc) == 0);
    SECTION("each end stays on its node's side") {
        auto on_side = [&](const XY& p, int v) { return std::abs(p.x - graph.nodes[v].x) <= 30; };
        CHECK(on_side(ad.front(), 0));
        CHECK(on_side(ad.back(), 3));
        CHECK(on_side(bc.front(), 1));
        CHECK(on_side(bc.back(), 2));
    }
}

TEST_CASE("a node's edges down into one gap share one track", "[core][layout][p5]") {
    // One parent over three children, its edges leaving from three ports: two go left (their spans overlap,
    // so each would need its own track), one goes right. As a bus they take one track.
    LayeredGraph graph;
    for (int i = 0; i < 4; ++i) graph.add_node(i == 0 ? 300 : 60, 40);
    graph.real_count = 4;
    for (int child = 1; child <= 3; ++child) graph.add_edge(0, child);
    graph.nodes[0].layer = 0;
    graph.nodes[1].layer = graph.nodes[2].layer = graph.nodes[3].layer = 1;
    graph.build_layers();
    graph.split_long_edges();
    graph.nodes[0].x = 200;
    graph.nodes[1].x = 0;
    graph.nodes[2].x = 150;
    graph.nodes[3].x = 400;
    const double ports[] = {-20, 0, 20};
    for (int s = 0; s < 3; ++s) graph.segments[s].upper_port = ports[s];
    LayoutContext ctx;
    OrthogonalRouter().run(graph, ctx);
    auto track = [&](int e) {
        const auto& points = graph.edges[e].points;
        REQUIRE(points.size() == 4);
        CHECK(points[1].y == points[2].y);
        return points[1].y;
    };
    CHECK(track(0) == track(1));
    CHECK(track(1) == track(2));
    SECTION("without the bus the two edges going left would need two tracks") {
        CHECK(assign_tracks({{180, 0}, {200, 150}, {220, 400}})[0] !=
              assign_tracks({{180, 0}, {200, 150}, {220, 400}})[1]);
    }
}
