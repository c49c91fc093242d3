#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/diagram/page_index.hpp"
#include "core/render/page_split.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using namespace jstudio::render;

namespace {
std::vector<const diagram::Cell*> with_role(const diagram::Page& page, std::string_view role) {
    std::vector<const diagram::Cell*> out;
    for (const auto& c : page.cells)
        if (c.data("journey-role") == role) out.push_back(&c);
    return out;
}
bool is_card(const diagram::Cell& c) {
    auto r = c.data("journey-role");
    return r == "step" || r == "emotion" || r == "pain-point" || r == "opportunity";
}
}  // namespace

// tests/data/render/journey-map.drawio is `journey new --template current-state`: 4 stages (browse, cart,
// checkout, support) x 8 lanes, 32 cards (8 per stage), a persona card and a scenario card above the grid.
TEST_CASE("split_stages: one page per stage, lane headers on each", "[render][split]") {
    auto read = importers::read_drawio_file(test::data_path("render/journey-map.drawio").string());
    REQUIRE(read);
    const auto& page = read->document.pages[0];
    diagram::PageIndex idx(page);
    const auto headers = with_role(page, "stage-header");
    REQUIRE(headers.size() == 4);
    const double cols_x = idx.absolute_bounds(headers[0]->id)->x;
    const double header_w = headers[0]->geometry->bounds.width;

    auto parts = split_stages(page, "Map");
    REQUIRE(parts.size() == 4);
    std::set<std::string> all_cards;
    const std::vector<std::string> stage_ids = {"browse", "cart", "checkout", "support"};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& p = parts[i].page;
        INFO("part " << i);
        CHECK(parts[i].stage_ids == std::vector<std::string>{stage_ids[i]});
        CHECK(p.name == parts[i].title);
        CHECK(with_role(p, "title").size() == 1);
        CHECK(with_role(p, "persona").empty());
        CHECK(with_role(p, "scenario").empty());
        CHECK(with_role(p, "lane-header").size() == 8);
        CHECK(with_role(p, "emotion-scale").size() == 5);  // the ticks inside the emotions lane header
        auto sh = with_role(p, "stage-header");
        REQUIRE(sh.size() == 1);
        CHECK(sh[0]->data("stage") == stage_ids[i]);
        diagram::PageIndex pi(p);
        CHECK(pi.absolute_bounds(sh[0]->id)->x == Approx(cols_x));  // moved next to the lane headers
        for (const auto* band : with_role(p, "lane-band")) {
            CHECK(band->geometry->bounds.x == Approx(cols_x));
            CHECK(band->geometry->bounds.width == Approx(header_w));  // clipped to the one column
        }
        CHECK(with_role(p, "lane-band").size() == 8);
        std::size_t cards = 0;
        for (const auto& c : p.cells) {
            if (!is_card(c)) continue;
            ++cards;
            CHECK(c.data("stage") == stage_ids[i]);
            all_cards.insert(c.id);
            auto b = pi.absolute_bounds(c.id);
            CHECK(b->x >= cols_x);
            CHECK(b->right() <= cols_x + header_w);
        }
        CHECK(cards == 8);
        // Every edge kept has both ends on this page; every page id is unique.
        for (const auto& c : p.cells)
            if (c.kind == diagram::CellKind::edge) {
                CHECK(pi.find(c.source));
                CHECK(pi.find(c.target));
            }
        // The grid moved up below the title: nothing is left where the persona cards were.
        auto title = pi.absolute_bounds(with_role(p, "title")[0]->id);
        CHECK(pi.absolute_bounds(sh[0]->id)->y == Approx(title->bottom() + 16));
    }
    CHECK(all_cards.size() == 32);
    CHECK(parts[0].page.id != parts[1].page.id);
}

TEST_CASE("split_stages: groups of stages, and pages that are no journey map", "[render][split]") {
    auto read = importers::read_drawio_file(test::data_path("render/journey-map.drawio").string());
    REQUIRE(read);
    const auto& page = read->document.pages[0];
    auto parts = split_stages(page, "Map", 3);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].stage_ids == std::vector<std::string>{"browse", "cart", "checkout"});
    CHECK(parts[1].stage_ids == std::vector<std::string>{"support"});
    CHECK(parts[0].title == "Map \u2013 Browse \u2026 Checkout");
    CHECK(parts[1].title == "Map \u2013 Ask support");
    // A transition inside the group stays; the emotion curve between browse..checkout (2 segments) too.
    std::size_t curves = 0;
    for (const auto& c : parts[0].page.cells) curves += c.data("journey-role") == "emotion-curve";
    CHECK(curves == 2);
    auto whole = split_stages(page, "Map", 4);
    REQUIRE(whole.size() == 1);
    std::size_t all_curves = 0;
    for (const auto& c : whole[0].page.cells) all_curves += c.data("journey-role") == "emotion-curve";
    CHECK(all_curves == 3);

    auto plain = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(plain);
    CHECK(split_stages(plain->document.pages[0], "Flow").empty());
}

TEST_CASE("tile_windows cover the page with overlapping 16:9 windows", "[render][split]") {
    TileOptions o;  // 1184 x 624, 10 % overlap
    SECTION("a page that fits is one centred window") {
        auto w = tile_windows({0, 0, 1000, 500}, o);
        REQUIRE(w.size() == 1);
        CHECK(w[0] == Rect{-92, -62, 1184, 624});
    }
    SECTION("a large page is a grid, evenly spread, overlap at least 10 %") {
        Rect page{-1, -1, 6362, 2942};  // the 1,000-shape bench page
        auto w = tile_windows(page, o);
        REQUIRE(w.size() == 36);  // 6 columns x 6 rows
        CHECK(w.front().x == Approx(-1));
        CHECK(w.front().y == Approx(-1));
        CHECK(w.back().right() == Approx(page.right()));
        CHECK(w.back().bottom() == Approx(page.bottom()));
        double step_x = w[1].x - w[0].x, step_y = w[6].y - w[0].y;
        CHECK(step_x <= 1184 * 0.9);
        CHECK(step_y <= 624 * 0.9);
        CHECK(step_x == Approx((6362 - 1184) / 5.0));
        for (const auto& r : w) CHECK(r.width / r.height == Approx(1184.0 / 624));
    }
    SECTION("overlap 0 gives exact multiples") {
        o.overlap = 0;
        CHECK(tile_windows({0, 0, 1184 * 3, 624}, o).size() == 3);
        CHECK(tile_windows({0, 0, 1184 * 3 + 1, 624}, o).size() == 4);
    }
}

TEST_CASE("crop_scene keeps what touches the window and frames exactly the window", "[render][split]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    Scene scene = render_page(read->document.pages[0]);
    // Shapes: a (40,40 120x60), b (260,30 80x80), c (240,200 120x60), u (40,200 60x40).
    Scene left = crop_scene(scene, {0, 0, 200, 150});
    CHECK(left.drawing.bounds == Rect{0, 0, 200, 150});
    std::set<std::string> ids;
    for (const auto& s : left.shapes) ids.insert(s.cell_id);
    CHECK(ids == std::set<std::string>{"a"});
    std::set<std::string> edges;
    for (const auto& e : left.edges) edges.insert(e.cell_id);
    CHECK(edges.count("e1") == 1);  // a → b leaves a's right side inside the window
    CHECK(edges.count("e2") == 0);  // b → c lies right of x = 300
    CHECK(left.drawing.items.size() < scene.drawing.items.size());
    Scene none = crop_scene(scene, {5000, 5000, 10, 10});
    CHECK(none.shapes.empty());
    CHECK(none.edges.empty());
    CHECK(none.drawing.items.empty());
}
