#include "core/layout/p2_layers/longest_path_layerer.hpp"

#include <catch2/catch.hpp>

using namespace jstudio::layout;

TEST_CASE("longest path puts each node below its lowest predecessor", "[core][layout][p2]") {
    // diamond with a shortcut: 0 -> 1 -> 3, 0 -> 2 -> 3, 0 -> 3
    CHECK(longest_path_layers(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0, 3}}) == std::vector<int>{0, 1, 1, 2});
}

TEST_CASE("promotion pulls a lone source down to its successor", "[core][layout][p2]") {
    // 0 -> 1 -> 2 -> 3 and 4 -> 3: longest path puts 4 in layer 0, three layers above 3.
    const std::vector<std::pair<int, int>> edges{{0, 1}, {1, 2}, {2, 3}, {4, 3}};
    const auto layers = longest_path_layers(5, edges);
    CHECK(layers[4] == 0);
    CHECK(shorten_edges(5, edges, layers) == std::vector<int>{0, 1, 2, 3, 2});
}
