#include "core/layout/p4_place/brandes_koepf_placer.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"
#include "core/layout/p2_layers/network_simplex_layerer.hpp"
#include "core/layout/p3_order/barycenter_sweep.hpp"
#include "tests/core/layout/layout_test_graphs.hpp"

using namespace jstudio::layout;

namespace {

struct Spec {
    double width;
    int layer;
    int lane = -1;
};

// A graph with hand-set layers (node id order inside each layer), long edges split.
LayeredGraph graph_of(const std::vector<Spec>& nodes, const std::vector<std::pair<int, int>>& edges,
                      int lanes = 0) {
    LayeredGraph g;
    for (const auto& n : nodes) g.nodes[g.add_node(n.width, 30, n.lane)].layer = n.layer;
    g.real_count = static_cast<int>(nodes.size());
    g.lane_count = lanes;
    for (const auto& [s, t] : edges) g.add_edge(s, t);
    g.build_layers();
    g.split_long_edges();
    return g;
}

// The same picture pipeline as layered_layout up to p3, on a generated graph.
LayeredGraph ordered(const LayoutInput& in, LayoutContext& ctx) {
    LayeredGraph g;
    for (const auto& n : in.nodes) {
        const int v = g.add_node(n.width, n.height, n.lane);
        g.nodes[v].center_ports = n.center_ports;
    }
    g.real_count = static_cast<int>(in.nodes.size());
    g.lane_count = in.lane_count;
    for (const auto& e : in.edges) g.add_edge(e.source, e.target);
    for (int e = 0; e < static_cast<int>(g.edges.size()); ++e)
        if (g.is_self_loop(e)) g.nodes[g.edges[e].source].right_margin += ctx.edge_spacing;
    DfsCycleBreaker().run(g, ctx);
    NetworkSimplexLayerer().run(g, ctx);
    g.split_long_edges();
    BarycenterSweep().run(g, ctx);
    return g;
}

// Every layer keeps its order with at least the separation between neighbours.
void check_separated(const LayeredGraph& g, const LayoutContext& ctx) {
    for (const auto& layer : g.layers) {
        std::vector<int> by_lane[64];
        for (int v : layer) {
            REQUIRE(std::isfinite(g.nodes[v].x));
            by_lane[g.nodes[v].lane + 1].push_back(v);
        }
        for (const auto& nodes : by_lane)
            for (std::size_t i = 1; i < nodes.size(); ++i) {
                INFO("nodes " << nodes[i - 1] << " and " << nodes[i]);
                CHECK(g.nodes[nodes[i]].x - g.nodes[nodes[i - 1]].x >=
                      separation(g, ctx, nodes[i - 1], nodes[i]) - 1e-6);
            }
    }
}

double port_x(const LayeredGraph& g, const Segment& s, bool upper) {
    return upper ? g.nodes[s.upper].x + s.upper_port : g.nodes[s.lower].x + s.lower_port;
}

}  // namespace

TEST_CASE("Brandes-Koepf: small graphs with known answers", "[core][layout][p4]") {
    LayoutContext ctx;
    for (const auto choice : {BrandesKoepfPlacer::Choice::balanced, BrandesKoepfPlacer::Choice::narrowest})
        for (const bool straighten : {false, true}) {
            BrandesKoepfPlacer placer(choice, straighten);
            DYNAMIC_SECTION((choice == BrandesKoepfPlacer::Choice::balanced ? "balanced" : "narrowest")
                            << (straighten ? " + straightening" : "")) {
                SECTION("a chain of different widths stays one vertical line") {
                    auto g = graph_of({{40, 0}, {120, 1}, {60, 2}, {90, 3}}, {{0, 1}, {1, 2}, {2, 3}});
                    placer.run(g, ctx);
                    for (int v = 1; v < 4; ++v) CHECK(g.nodes[v].x == Approx(g.nodes[0].x));
                }
                SECTION("a long edge's dummies share one x") {
                    // 0 -> 1 -> 2 -> 3 and the long edge 0 -> 3 beside them.
                    auto g = graph_of({{80, 0}, {80, 1}, {80, 2}, {80, 3}}, {{0, 1}, {1, 2}, {2, 3}, {0, 3}});
                    placer.run(g, ctx);
                    const auto& chain = g.edges[3].chain;
                    REQUIRE(chain.size() == 2);
                    CHECK(g.nodes[chain[1]].x == Approx(g.nodes[chain[0]].x));
                    check_separated(g, ctx);
                }
                SECTION("a node with two ports aligns its children under its ports") {
                    // The parent's bottom ports sit at -50 and +50; the children fit there side by side.
                    auto g = graph_of({{300, 0}, {40, 1}, {40, 1}}, {{0, 1}, {0, 2}});
                    placer.run(g, ctx);
                    if (straighten) {
                        CHECK(g.nodes[1].x == Approx(g.nodes[0].x - 50));
                        CHECK(g.nodes[2].x == Approx(g.nodes[0].x + 50));
                    }
                    // Balanced, the parent is over the middle of the pair even before straightening.
                    if (straighten || choice == BrandesKoepfPlacer::Choice::balanced)
                        CHECK(g.nodes[0].x == Approx((g.nodes[1].x + g.nodes[2].x) / 2));
                    check_separated(g, ctx);
                }
                SECTION("ports on a dummy-free path line up: each segment straight between its ports") {
                    // 0 has two children; 2 continues down to 3: 0 -> 2 -> 3 runs straight in one block.
                    auto g = graph_of({{200, 0}, {40, 1}, {100, 1}, {60, 2}}, {{0, 1}, {0, 2}, {2, 3}});
                    placer.run(g, ctx);
                    const auto& s = g.segments[g.up[3][0]];
                    CHECK(port_x(g, s, true) == Approx(port_x(g, s, false)));
                    check_separated(g, ctx);
                }
            }
        }
}

TEST_CASE("Brandes-Koepf: a parent is centred over two equal children", "[core][layout][p4]") {
    // Without straightening (which would trade the symmetry for one straight edge) the balanced result is
    // the mean of the left- and right-aligned passes: the middle.
    LayoutContext ctx;
    auto g = graph_of({{100, 0}, {60, 1}, {60, 1}}, {{0, 1}, {0, 2}});
    BrandesKoepfPlacer(BrandesKoepfPlacer::Choice::balanced, false).run(g, ctx);
    CHECK(g.nodes[0].x == Approx((g.nodes[1].x + g.nodes[2].x) / 2));
    CHECK(g.nodes[2].x - g.nodes[1].x == Approx(60 + ctx.node_spacing));
}

TEST_CASE("Brandes-Koepf: a long edge wins against the short edges that cross it", "[core][layout][p4]") {
    // The long edge 0 -> 4 runs from the left of layer 1 to the right of layer 2, so its inner segment
    // crosses 1 -> 2 and 1 -> 3: those are not aligned, and the long edge stays straight.
    LayoutContext ctx;
    auto g =
        graph_of({{60, 0}, {60, 1}, {60, 2}, {60, 2}, {60, 3}}, {{0, 1}, {1, 2}, {1, 3}, {2, 4}, {0, 4}});
    const auto& dummies = g.edges[4].chain;
    REQUIRE(dummies.size() == 2);
    g.layers[1] = {dummies[0], 1};
    g.layers[2] = {2, 3, dummies[1]};
    BrandesKoepfPlacer(BrandesKoepfPlacer::Choice::balanced, false).run(g, ctx);
    const auto& chain = g.edges[4].chain;
    REQUIRE(chain.size() == 2);
    CHECK(g.nodes[chain[0]].x == Approx(g.nodes[chain[1]].x));
    check_separated(g, ctx);
}

TEST_CASE("Brandes-Koepf: no overlaps inside a layer on generated graphs", "[core][layout][p4]") {
    for (const auto& [name, input] : jstudio::test::layout_graph_family()) {
        for (const auto choice :
             {BrandesKoepfPlacer::Choice::balanced, BrandesKoepfPlacer::Choice::narrowest}) {
            DYNAMIC_SECTION(
                name << (choice == BrandesKoepfPlacer::Choice::balanced ? " balanced" : " narrowest")) {
                LayoutContext ctx;
                auto g = ordered(input, ctx);
                BrandesKoepfPlacer(choice).run(g, ctx);
                check_separated(g, ctx);
            }
        }
    }
}

TEST_CASE("Brandes-Koepf: every node inside its lane column, lanes side by side", "[core][layout][p4]") {
    for (const auto& [name, input] : jstudio::test::layout_graph_family(3)) {
        DYNAMIC_SECTION(name) {
            LayoutContext ctx;
            auto g = ordered(input, ctx);
            BrandesKoepfPlacer().run(g, ctx);
            check_separated(g, ctx);
            REQUIRE(g.lane_left.size() == 3);
            for (int lane = 1; lane < 3; ++lane)
                CHECK(g.lane_left[lane] == Approx(g.lane_left[lane - 1] + g.lane_width[lane - 1]));
            for (const auto& n : g.nodes) {
                INFO("lane " << n.lane << " x " << n.x);
                CHECK(n.x - n.width / 2 >= g.lane_left[n.lane] - 1e-6);
                CHECK(n.x + n.width / 2 + n.right_margin <=
                      g.lane_left[n.lane] + g.lane_width[n.lane] + 1e-6);
            }
        }
    }
}
