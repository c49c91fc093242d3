#include "core/layout/p5_route/orthogonal_router.hpp"

#include <catch2/catch.hpp>

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
