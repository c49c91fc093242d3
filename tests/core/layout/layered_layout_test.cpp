#include "core/layout/layered_layout.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/core/layout/layout_test_graphs.hpp"

using namespace jstudio::layout;

namespace {

bool overlap(const Box& a, const Box& b) {
    return std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x) > 0.5 &&
           std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y) > 0.5;
}

// Does the axis-parallel segment p-q pass through the box shrunk by 1 px?
bool through(XY p, XY q, const Box& b) {
    const double x0 = b.x + 1, x1 = b.x + b.width - 1, y0 = b.y + 1, y1 = b.y + b.height - 1;
    if (std::abs(p.x - q.x) < 1e-6)
        return p.x > x0 && p.x < x1 && std::max(p.y, q.y) > y0 && std::min(p.y, q.y) < y1;
    return p.y > y0 && p.y < y1 && std::max(p.x, q.x) > x0 && std::min(p.x, q.x) < x1;
}

bool on_border(XY p, const Box& b) {
    const double e = 1e-6;
    const bool in_x = p.x >= b.x - e && p.x <= b.x + b.width + e,
               in_y = p.y >= b.y - e && p.y <= b.y + b.height + e;
    return in_x && in_y &&
           (std::abs(p.x - b.x) < e || std::abs(p.x - b.x - b.width) < e || std::abs(p.y - b.y) < e ||
            std::abs(p.y - b.y - b.height) < e);
}

void check_invariants(const LayoutInput& in, const LayoutOutput& out) {
    REQUIRE(out.nodes.size() == in.nodes.size());
    REQUIRE(out.edges.size() == in.edges.size());
    for (std::size_t v = 0; v < in.nodes.size(); ++v) {
        const auto& b = out.nodes[v];
        CHECK(std::isfinite(b.x));
        CHECK(std::isfinite(b.y));
        CHECK(((b.width == in.nodes[v].width && b.height == in.nodes[v].height)));
        for (std::size_t w = v + 1; w < in.nodes.size(); ++w) CHECK_FALSE(overlap(b, out.nodes[w]));
    }
    for (std::size_t e = 0; e < in.edges.size(); ++e) {
        const auto& route = out.edges[e];
        REQUIRE(route.size() >= 2);
        CHECK(on_border(route.front(), out.nodes[in.edges[e].source]));
        CHECK(on_border(route.back(), out.nodes[in.edges[e].target]));
        for (std::size_t i = 1; i < route.size(); ++i) {
            const XY p = route[i - 1], q = route[i];
            CHECK((std::abs(p.x - q.x) < 1e-6 || std::abs(p.y - q.y) < 1e-6));  // orthogonal
            for (std::size_t v = 0; v < in.nodes.size(); ++v) {
                if (static_cast<int>(v) == in.edges[e].source || static_cast<int>(v) == in.edges[e].target)
                    continue;
                INFO("edge " << e << " (" << p.x << "," << p.y << ")-(" << q.x << "," << q.y << ") node " << v
                             << " at " << out.nodes[v].x << "," << out.nodes[v].y << " " << out.nodes[v].width
                             << "x" << out.nodes[v].height);
                CHECK_FALSE(through(p, q, out.nodes[v]));
            }
        }
    }
}

}  // namespace

TEST_CASE("layouts have no overlaps and orthogonal edges that avoid nodes", "[core][layout]") {
    const auto direction = GENERATE(Direction::top_to_bottom, Direction::left_to_right);
    const auto placement = GENERATE(Placement::brandes_koepf, Placement::priority);
    for (auto& [name, input] : jstudio::test::layout_graph_family()) {
        DYNAMIC_SECTION(name << (direction == Direction::left_to_right ? " LR" : " TB")
                             << (placement == Placement::priority ? " priority" : "")) {
            LayoutOptions options;
            options.direction = direction;
            options.placement = placement;
            check_invariants(input, layered_layout(input, options));
        }
    }
}

TEST_CASE("the same input and seed give the same picture", "[core][layout]") {
    const auto input = jstudio::test::random_layout_graph(60, 30, 7);
    const auto a = layered_layout(input), b = layered_layout(input);
    for (std::size_t v = 0; v < a.nodes.size(); ++v) {
        CHECK(a.nodes[v].x == b.nodes[v].x);
        CHECK(a.nodes[v].y == b.nodes[v].y);
    }
    for (std::size_t e = 0; e < a.edges.size(); ++e) CHECK(a.edges[e] == b.edges[e]);
}

TEST_CASE("a chain is one straight column, top to bottom or left to right", "[core][layout]") {
    LayoutInput in;
    for (int v = 0; v < 4; ++v) in.nodes.push_back({100, 40});
    for (int v = 0; v < 3; ++v) in.edges.push_back({v, v + 1});
    const auto tb = layered_layout(in);
    for (int v = 1; v < 4; ++v) {
        CHECK(tb.nodes[v].x == tb.nodes[0].x);
        CHECK(tb.nodes[v].y > tb.nodes[v - 1].y + 40);
    }
    CHECK(tb.stats.bends == 0);
    LayoutOptions lr;
    lr.direction = Direction::left_to_right;
    const auto side = layered_layout(in, lr);
    for (int v = 1; v < 4; ++v) {
        CHECK(side.nodes[v].y == side.nodes[0].y);
        CHECK(side.nodes[v].x > side.nodes[v - 1].x + 100);
    }
}

TEST_CASE("a loop is drawn back up and the rest still points down", "[core][layout]") {
    LayoutInput in;
    for (int v = 0; v < 3; ++v) in.nodes.push_back({100, 40});
    in.edges = {{0, 1}, {1, 2}, {2, 1}, {2, 2}};
    const auto out = layered_layout(in);
    CHECK(out.stats.reversed_edges == 1);
    CHECK(out.nodes[0].y < out.nodes[1].y);
    CHECK(out.nodes[1].y < out.nodes[2].y);
    check_invariants(in, out);
}

TEST_CASE("swimlanes: nodes inside their lane, lanes side by side in order, ranks shared", "[core][layout]") {
    const auto direction = GENERATE(Direction::top_to_bottom, Direction::left_to_right);
    for (auto& [name, input] : jstudio::test::layout_graph_family(3)) {
        DYNAMIC_SECTION(name << (direction == Direction::left_to_right ? " LR" : " TB")) {
            LayoutOptions options;
            options.direction = direction;
            const auto out = layered_layout(input, options);
            check_invariants(input, out);
            REQUIRE(out.lanes.size() >= 3);
            const bool lr = direction == Direction::left_to_right;
            for (std::size_t l = 1; l < out.lanes.size(); ++l) {
                const auto& a = out.lanes[l - 1];
                const auto& b = out.lanes[l];
                CHECK((lr ? a.y + a.height : a.x + a.width) <= (lr ? b.y : b.x) + 1e-6);
                CHECK(!overlap(a, b));
            }
            for (std::size_t v = 0; v < input.nodes.size(); ++v) {
                const auto& lane = out.lanes[input.nodes[v].lane];
                const auto& b = out.nodes[v];
                CHECK(b.x >= lane.x);
                CHECK(b.y >= lane.y);
                CHECK(b.x + b.width <= lane.x + lane.width);
                CHECK(b.y + b.height <= lane.y + lane.height);
            }
        }
    }
}

TEST_CASE("rank constraints: first, last, same rank and stages", "[core][layout][ranks]") {
    auto box = [](double w = 80, double h = 40) {
        NodeSpec n;
        n.width = w;
        n.height = h;
        return n;
    };
    SECTION("first and last") {
        // 0 -> 1 -> 2 -> 3, 1 -> 4 (4 first: above everything), 0 -> 5 (5 last: below everything)
        LayoutInput in;
        for (int v = 0; v < 6; ++v) in.nodes.push_back(box());
        in.nodes[4].place = RankPlace::first;
        in.nodes[5].place = RankPlace::last;
        in.edges = {{0, 1}, {1, 2}, {2, 3}, {1, 4}, {0, 5}};
        const auto out = layered_layout(in);
        check_invariants(in, out);
        for (int v : {0, 1, 2, 3}) {
            CHECK(out.nodes[4].y < out.nodes[v].y);
            CHECK(out.nodes[5].y > out.nodes[v].y);
        }
        CHECK(out.stats.reversed_edges == 1);  // 1 -> 4 goes up
    }
    SECTION("same rank, with an edge inside the group") {
        // 0 -> 1 -> 2 -> 3 and 0 -> 4: 1 and 3 share a layer; 1 -> 2 -> 3 then goes down and back up.
        LayoutInput in;
        for (int v = 0; v < 5; ++v) in.nodes.push_back(box());
        in.nodes[1].same_rank = in.nodes[3].same_rank = 7;
        in.nodes[0].same_rank = in.nodes[4].same_rank = 2;  // 0 and 4 as well: 0 -> 4 is a flat edge
        in.edges = {{0, 1}, {1, 2}, {2, 3}, {0, 4}};
        const auto direction = GENERATE(Direction::top_to_bottom, Direction::left_to_right);
        LayoutOptions options;
        options.direction = direction;
        const auto out = layered_layout(in, options);
        check_invariants(in, out);
        const bool lr = direction == Direction::left_to_right;
        auto rank = [&](int v) { return lr ? out.nodes[v].x : out.nodes[v].y; };
        CHECK(rank(1) == rank(3));
        CHECK(rank(0) == rank(4));
        CHECK(rank(2) != rank(1));
        CHECK(out.edges[3].size() == 2);  // 0 and 4 stand side by side: one straight line across
    }
    SECTION("stages keep their order whatever the edges say") {
        // Steps in stages 2, 0, 1, 0, 2 with edges against the stage order too.
        LayoutInput in;
        const int stage[] = {2, 0, 1, 0, 2};
        for (int v = 0; v < 5; ++v) {
            in.nodes.push_back(box());
            in.nodes[v].stage = stage[v];
        }
        in.edges = {{0, 1}, {1, 2}, {2, 0}, {3, 2}, {4, 3}, {1, 3}, {0, 4}};
        LayoutOptions options;
        options.direction = Direction::left_to_right;
        const auto out = layered_layout(in, options);
        check_invariants(in, out);
        CHECK(out.nodes[1].x == out.nodes[3].x);  // stage 0
        CHECK(out.nodes[0].x == out.nodes[4].x);  // stage 2
        CHECK(out.nodes[1].x < out.nodes[2].x);
        CHECK(out.nodes[2].x < out.nodes[0].x);
    }
    SECTION("invariants hold with random groups on generated graphs") {
        for (auto [name, input] : jstudio::test::layout_graph_family()) {
            std::mt19937 rng(3);
            for (auto& n : input.nodes) {
                const auto r = rng() % 10;
                if (r == 0) n.place = RankPlace::first;
                if (r == 1) n.place = RankPlace::last;
                if (r >= 2 && r < 5) n.same_rank = static_cast<int>(rng() % 3);
            }
            DYNAMIC_SECTION(name) {
                check_invariants(input, layered_layout(input));
            }
        }
    }
}

TEST_CASE("compact spacing shrinks the drawing without changing its order or crossings", "[core][layout]") {
    for (unsigned seed = 1; seed <= 4; ++seed) {
        DYNAMIC_SECTION("seed " << seed) {
            const auto input = jstudio::test::random_layout_graph(80, 50, seed);
            LayoutOptions roomy;
            roomy.node_spacing = 30, roomy.edge_spacing = 12, roomy.layer_spacing = 40;
            const auto compact = layered_layout(input), wide = layered_layout(input, roomy);
            check_invariants(input, compact);
            CHECK(compact.stats.crossings == wide.stats.crossings);
            CHECK(compact.stats.layers == wide.stats.layers);
            auto area = [](const LayoutOutput& out) {
                double w = 0, h = 0;
                for (const auto& b : out.nodes)
                    w = std::max(w, b.x + b.width), h = std::max(h, b.y + b.height);
                return w * h;
            };
            CHECK(area(compact) < area(wide));
            // Same left-to-right order in every layer: nodes sharing a top keep their x order.
            for (std::size_t v = 0; v < input.nodes.size(); ++v)
                for (std::size_t w = 0; w < input.nodes.size(); ++w)
                    if (compact.nodes[v].y == compact.nodes[w].y && wide.nodes[v].y == wide.nodes[w].y &&
                        compact.nodes[v].height == compact.nodes[w].height)
                        CHECK((compact.nodes[v].x < compact.nodes[w].x) ==
                              (wide.nodes[v].x < wide.nodes[w].x));
        }
    }
}

TEST_CASE("the drawing's order across the flow is the order kept when nothing is better", "[core][layout]") {
    // A parent and four children; the file lists the children as c3 c4 c1 c2.
    LayoutInput input;
    for (int i = 0; i < 5; ++i) input.nodes.push_back({80, 40});
    for (int child = 1; child <= 4; ++child) input.edges.push_back({0, child});
    auto x_order = [&](const LayoutOutput& out) {
        std::vector<int> children{1, 2, 3, 4};
        std::sort(children.begin(), children.end(),
                  [&](int a, int b) { return out.nodes[a].x < out.nodes[b].x; });
        return children;
    };
    SECTION("children drawn side by side keep their places, right to left too") {
        const double across[] = {200, 400, 300, 100, 0};  // drawn c4 c3 c2 c1 from left to right
        for (int i = 0; i < 5; ++i)
            input.nodes[i].drawn_across = across[i], input.nodes[i].drawn_along = i ? 100 : 0;
        CHECK(x_order(layered_layout(input)) == std::vector<int>{4, 3, 2, 1});
    }
    SECTION("children drawn in a column under their parent keep their top-to-bottom order") {
        const double along[] = {0, 300, 400, 100, 200};  // nodes 1..4 drawn at 300 400 100 200 (c3 c4 c1 c2)
        for (int i = 0; i < 5; ++i)
            input.nodes[i].drawn_across = i ? 50 : 100, input.nodes[i].drawn_along = along[i];
        CHECK(x_order(layered_layout(input)) == std::vector<int>{3, 4, 1, 2});
    }
}

TEST_CASE("a node's margins keep its neighbours clear, across and along the flow", "[core][layout]") {
    // What a node's decorations reach past its box (a badge on its border) is kept free of other nodes.
    for (const auto direction : {Direction::top_to_bottom, Direction::left_to_right}) {
        LayoutOptions options;
        options.direction = direction;
        const bool lr = direction == Direction::left_to_right;
        SECTION(lr ? "left to right" : "top to bottom") {
            LayoutInput input;
            input.nodes = {
                {.width = 80, .height = 40}, {.width = 80, .height = 40}, {.width = 80, .height = 40}};
            // b reaches 50 px out before itself along the flow and 40 px to one side across it.
            auto& b = input.nodes[1];
            (lr ? b.margin_left : b.margin_top) = 50;
            (lr ? b.margin_top : b.margin_left) = 40;
            input.edges = {{0, 1}, {0, 2}};
            const auto out = layered_layout(input, options);
            const Box &na = out.nodes[0], &nb = out.nodes[1], &nc = out.nodes[2];
            // Along the flow: the layer gap before b holds its 50 px.
            if (lr)
                CHECK(nb.x - (na.x + na.width) >= 50);
            else
                CHECK(nb.y - (na.y + na.height) >= 50);
            // Across the flow: c, in b's layer, keeps clear of b's side margin.
            const double gap = lr ? (nb.y < nc.y ? nc.y - (nb.y + nb.height) : nb.y - 40 - (nc.y + nc.height))
                                  : (nb.x < nc.x ? nc.x - (nb.x + nb.width) : nb.x - 40 - (nc.x + nc.width));
            CHECK(gap >= 0);
        }
    }
}
