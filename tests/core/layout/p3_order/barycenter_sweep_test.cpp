#include "core/layout/p3_order/barycenter_sweep.hpp"

#include <catch2/catch.hpp>

#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"
#include "core/layout/p2_layers/longest_path_layerer.hpp"
#include "core/layout/p3_order/crossing_counter.hpp"

using namespace jstudio::layout;

namespace {
LayeredGraph prepared(int n, const std::vector<std::pair<int, int>>& edges) {
    LayeredGraph g;
    for (int v = 0; v < n; ++v) g.add_node(40, 20);
    g.real_count = n;
    for (const auto& [s, t] : edges) g.add_edge(s, t);
    LayoutContext ctx;
    DfsCycleBreaker().run(g, ctx);
    LongestPathLayerer().run(g, ctx);
    g.split_long_edges();
    return g;
}
}  // namespace

TEST_CASE("crossing counter counts each crossing pair once", "[core][layout][p3]") {
    auto g = prepared(4, {{0, 3}, {1, 2}});
    g.layers = {{0, 1}, {2, 3}};
    CHECK(count_crossings(g) == 1);
    g.layers = {{0, 1}, {3, 2}};
    CHECK(count_crossings(g) == 0);
    // K(3,3) drawn in any order crosses at least 9 - ... : in identity order it has 3 crossings
    auto k = prepared(6, {{0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4}, {1, 5}, {2, 3}, {2, 4}, {2, 5}});
    k.layers = {{0, 1, 2}, {3, 4, 5}};
    CHECK(count_crossings(k) == 9);
}

TEST_CASE("a graph drawable without crossings gets 0 crossings", "[core][layout][p3]") {
    // A binary tree of depth 4 whose layers start in a scrambled order, plus a long edge.
    std::vector<std::pair<int, int>> edges;
    for (int v = 1; v < 31; ++v) edges.emplace_back((v - 1) / 2, v);
    edges.emplace_back(0, 30);  // a long edge from the root down to the rightmost leaf
    auto g = prepared(31, edges);
    for (auto& layer : g.layers) std::reverse(layer.begin(), layer.end());
    LayoutContext ctx;
    CHECK(BarycenterSweep().run(g, ctx) == 0);
    CHECK(count_crossings(g) == 0);
}

TEST_CASE("lanes stay contiguous and in order inside every layer", "[core][layout][p3]") {
    LayeredGraph g;
    for (int v = 0; v < 12; ++v) g.add_node(40, 20, v % 3);
    g.real_count = 12;
    for (int v = 3; v < 12; ++v) g.add_edge(v - 3, v);
    LayoutContext ctx;
    DfsCycleBreaker().run(g, ctx);
    LongestPathLayerer().run(g, ctx);
    g.split_long_edges();
    BarycenterSweep().run(g, ctx);
    for (const auto& layer : g.layers)
        for (std::size_t i = 1; i < layer.size(); ++i)
            CHECK(g.nodes[layer[i - 1]].lane <= g.nodes[layer[i]].lane);
}

TEST_CASE("the crossing count does not depend on how a layer is stored", "[core][layout][p3]") {
    // Positions given apart from the layer vectors (stored out of order) count as the stored order would.
    auto g = prepared(7, {{0, 4}, {0, 6}, {1, 3}, {1, 5}, {2, 3}, {2, 4}, {2, 6}});
    g.layers = {{2, 0, 1}, {6, 3, 5, 4}};
    const long stored = count_crossings(g);
    std::vector<int> pos(g.nodes.size(), -1);
    pos[2] = 0, pos[0] = 1, pos[1] = 2, pos[6] = 0, pos[3] = 1, pos[5] = 2, pos[4] = 3;
    LayeredGraph shuffled = g;
    shuffled.layers = {{1, 2, 0}, {4, 5, 6, 3}};
    CHECK(count_crossings(shuffled, pos) == stored);
    // The Fenwick count against a brute-force count of every pair of segments.
    long brute = 0;
    for (const auto& a : g.segments)
        for (const auto& b : g.segments)
            if (pos[a.upper] < pos[b.upper] && pos[a.lower] > pos[b.lower]) ++brute;
    CHECK(stored == brute);
    CHECK(stored > 0);
}

TEST_CASE("the sweep reaches the known minimum of a two-layer graph", "[core][layout][p3]") {
    // Two components side by side: six nodes joined to six by a scrambled permutation (0 crossings once
    // lined up) and a K(2,3), which crosses C(2,2) * C(3,2) = 3 times in every order. Minimum: 3.
    std::vector<std::pair<int, int>> edges;
    const int upper = 6;
    const int perm[upper] = {3, 5, 0, 4, 1, 2};
    for (int i = 0; i < upper; ++i) edges.emplace_back(i, upper + perm[i]);
    // K(2,3): nodes 12, 13 (first layer) to 14, 15, 16 (second layer).
    for (int a : {12, 13})
        for (int b : {14, 15, 16}) edges.emplace_back(a, b);
    auto g = prepared(17, edges);
    for (auto& layer : g.layers) std::reverse(layer.begin(), layer.end());
    LayoutContext ctx;
    CHECK(BarycenterSweep().run(g, ctx) == 3);
    CHECK(count_crossings(g) == 3);
}
