#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"

#include <catch2/catch.hpp>

#include "core/layout/p2_layers/longest_path_layerer.hpp"
#include "tests/core/layout/layout_test_graphs.hpp"

using namespace jstudio::layout;

TEST_CASE("DFS from the start reverses only the edge closing a loop", "[core][layout][p1]") {
    // 0 -> 1 -> 2 -> 1 (loop), 2 -> 3
    const auto back = dfs_back_edges(4, {{0, 1}, {1, 2}, {2, 1}, {2, 3}});
    CHECK(back == std::vector<bool>{false, false, true, false});
}

TEST_CASE("a cycle with no start node is broken once", "[core][layout][p1]") {
    const auto back = dfs_back_edges(3, {{0, 1}, {1, 2}, {2, 0}});
    CHECK(back == std::vector<bool>{false, false, true});
}

TEST_CASE("after cycle breaking every edge points down the layers", "[core][layout][p1]") {
    for (auto& [name, input] : jstudio::test::layout_graph_family()) {
        DYNAMIC_SECTION(name) {
            LayeredGraph g;
            for (const auto& n : input.nodes) g.add_node(n.width, n.height);
            g.real_count = static_cast<int>(g.nodes.size());
            for (const auto& e : input.edges) g.add_edge(e.source, e.target);
            LayoutContext ctx;
            DfsCycleBreaker().run(g, ctx);
            LongestPathLayerer().run(g, ctx);
            for (int e = 0; e < static_cast<int>(g.edges.size()); ++e) {
                if (g.is_self_loop(e)) continue;
                CHECK(g.nodes[g.edges[e].upper()].layer < g.nodes[g.edges[e].lower()].layer);
            }
        }
    }
}
