#include <catch2/catch.hpp>

#include <map>

#include "exporters/svg/svg_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

// tests/data/render/vertical_lanes.drawio: a pool (horizontal=0, startSize 30) at 40,40 500x260 with two
// lanes (horizontal=0) of 470x130 each.
TEST_CASE("horizontal=0 swimlane titles are turned -90 degrees in every backend", "[render][vertical]") {
    auto read = importers::read_drawio_file(test::data_path("render/vertical_lanes.drawio").string());
    REQUIRE(read);
    auto scene = render::render_page(read->document.pages[0]);
    std::map<std::string, const render::TextRun*> runs;
    for (const auto& item : scene.drawing.items)
        if (const auto* t = std::get_if<render::TextRun>(&item)) runs[t->text] = t;
    REQUIRE(runs.count("Order process"));
    REQUIRE(runs.count("Customer"));
    REQUIRE(runs.count("Order"));
    SECTION("runs turned about the header centre") {
        const auto* pool = runs["Order process"];
        CHECK(pool->rotation == -90);
        CHECK(pool->pivot.x == Approx(40 + 15));
        CHECK(pool->pivot.y == Approx(40 + 130));
        const auto* lane = runs["Customer"];
        CHECK(lane->rotation == -90);
        CHECK(lane->pivot.x == Approx(70 + 15));
        CHECK(lane->pivot.y == Approx(40 + 65));
        // Laid out upright in the turned box: centred on the pivot.
        CHECK(lane->x + lane->width / 2 == Approx(lane->pivot.x).margin(0.5));
        CHECK(runs["Order"]->rotation == 0);
    }
    SECTION("SVG rotates the text element") {
        std::string svg = exporters::write_svg(scene);
        CHECK(svg.find("transform=\"rotate(-90 55 170)\"") != std::string::npos);
        CHECK(svg.find("transform=\"rotate(-90 85 105)\"") != std::string::npos);
    }
}
