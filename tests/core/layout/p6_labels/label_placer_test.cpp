#include "core/layout/p6_labels/label_placer.hpp"

#include <catch2/catch.hpp>

#include "tests/core/layout/layout_test_graphs.hpp"

using namespace jstudio::layout;

namespace {

Box label_box(const LabelPlacement& p, double w, double h) {
    return {p.center.x - w / 2, p.center.y - h / 2, w, h};
}

}  // namespace

TEST_CASE("a label on a free vertical edge sits on the line, near the source", "[core][layout][labels]") {
    const std::vector<Box> nodes{{0, 0, 100, 40}, {0, 140, 100, 40}};
    const std::vector<std::vector<XY>> routes{{{50, 40}, {50, 140}}};
    const auto placed = place_edge_labels(nodes, routes, {{0, 30, 14}});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].clear);
    CHECK(placed[0].center.x == Approx(50));
    // As close to the source as the clearance and the 4 px of free line allow: 40 + 7 + 4.
    CHECK(placed[0].center.y == Approx(51));
}

TEST_CASE("two labels on parallel edges do not overlap each other or the nodes", "[core][layout][labels]") {
    // Browse -> Cart "add to cart" and Cart -> Browse "keep shopping", 40 px apart: the session-1 picture.
    const std::vector<Box> nodes{{0, 0, 120, 60}, {0, 120, 120, 60}};
    const std::vector<std::vector<XY>> routes{{{40, 60}, {40, 120}}, {{80, 120}, {80, 60}}};
    const std::vector<LabelRequest> requests{{0, 62, 15}, {1, 78, 15}};
    const auto placed = place_edge_labels(nodes, routes, requests);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].clear);
    CHECK(placed[1].clear);
    const Box a = label_box(placed[0], 62, 15), b = label_box(placed[1], 78, 15);
    CHECK_FALSE(boxes_overlap(a, b, 0));
    for (const auto& n : nodes) {
        CHECK_FALSE(boxes_overlap(a, n, 0));
        CHECK_FALSE(boxes_overlap(b, n, 0));
    }
}

TEST_CASE("a label with no room anywhere is reported as not clear", "[core][layout][labels]") {
    const std::vector<Box> nodes{{0, 0, 100, 40}, {0, 42, 100, 40}};
    const std::vector<std::vector<XY>> routes{{{50, 40}, {50, 42}}};
    const auto placed = place_edge_labels(nodes, routes, {{0, 30, 14}});
    CHECK_FALSE(placed[0].clear);
}

TEST_CASE("the layout keeps room for labels: every label is clear on generated graphs",
          "[core][layout][labels]") {
    const auto direction = GENERATE(Direction::top_to_bottom, Direction::left_to_right);
    for (auto [name, input] : jstudio::test::layout_graph_family()) {
        // Decision-style labels on every other edge, and a long one now and then.
        for (std::size_t e = 0; e < input.edges.size(); ++e) {
            if (e % 2) input.edges[e].labels.push_back({e % 6 == 1 ? 74.0 : 24.0, 15});
            if (e % 10 == 3) input.edges[e].labels.push_back({40, 15});
        }
        DYNAMIC_SECTION(name << (direction == Direction::left_to_right ? " LR" : " TB")) {
            LayoutOptions options;
            options.direction = direction;
            const auto out = layered_layout(input, options);
            REQUIRE(out.labels.size() == input.edges.size());
            std::vector<Box> boxes;
            for (std::size_t e = 0; e < input.edges.size(); ++e) {
                REQUIRE(out.labels[e].size() == input.edges[e].labels.size());
                for (std::size_t k = 0; k < out.labels[e].size(); ++k) {
                    const auto& size = input.edges[e].labels[k];
                    boxes.push_back({out.labels[e][k].x - size.width / 2,
                                     out.labels[e][k].y - size.height / 2, size.width, size.height});
                }
            }
            CHECK(out.stats.labels_blocked == 0);
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                for (const auto& n : out.nodes) CHECK_FALSE(boxes_overlap(boxes[i], n, 0));
                for (std::size_t j = i + 1; j < boxes.size(); ++j)
                    CHECK_FALSE(boxes_overlap(boxes[i], boxes[j], 0));
            }
        }
    }
}
