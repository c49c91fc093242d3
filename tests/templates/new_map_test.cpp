#include <catch2/catch.hpp>

#include "core/journey/journey_read.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/new_map.hpp"

using namespace jstudio;

TEST_CASE("new_map draws a template with the user's persona and stages", "[templates]") {
    templates::NewMapOptions options;
    options.template_name = "current-state";
    options.persona = "Ana";
    options.stages = {"Find", "Buy"};
    options.title = "Shop";
    auto made = templates::new_map(options);
    REQUIRE(made);
    CHECK(made->page.name == std::optional<std::string>("Shop"));
    REQUIRE(made->map.stages.size() == 2);
    CHECK(made->map.stages[0].name == "Find");
    CHECK(made->map.stages[1].name == "Buy");
    REQUIRE(journey::is_journey_page(made->page));
    auto back = journey::read_journey(made->page);
    REQUIRE(back);
    CHECK(back->stages.size() == 2);
    REQUIRE_FALSE(back->personas.empty());
    CHECK(back->personas.front().name == "Ana");

    SECTION("the new stages start with placeholders, no warning") {
        CHECK(made->warnings.empty());
        CHECK(made->map.graph.step_count() == 2 * made->map.lanes.size());
    }
    SECTION("keep_content keeps the first two stages' cards and warns about each dropped stage") {
        options.keep_content = true;
        auto kept = templates::new_map(options);
        REQUIRE(kept);
        CHECK(kept->map.graph.step_count() == 16);
        REQUIRE(kept->warnings.size() == 2);
        CHECK(kept->warnings[1].find("4th stage 'Ask support'") != std::string::npos);
    }
    SECTION("an unknown template names the folders searched") {
        options.template_name = "no-such-template";
        auto missing = templates::new_map(options);
        REQUIRE_FALSE(missing);
        CHECK(missing.error().message.find("no-such-template") != std::string::npos);
    }
}

TEST_CASE("with_page fills a blank document or adds a page with a fresh id", "[templates]") {
    diagram::Page page = diagram::make_page("journey-1", "Journey map");
    page.cells.push_back(page.cells.back());
    page.cells.back().id = "card";
    page.cells.back().kind = diagram::CellKind::vertex;
    page.cells.back().parent = "1";

    SECTION("a blank document's only page is replaced") {
        auto pages = templates::with_page({diagram::make_page("p", "Page-1")}, page);
        REQUIRE(pages.size() == 1);
        CHECK(pages[0] == page);
    }
    SECTION("a page with content is kept, the new one goes last with unique id and name") {
        auto pages = templates::with_page({page}, page);
        REQUIRE(pages.size() == 2);
        CHECK(pages[0] == page);
        CHECK(pages[1].id == std::optional<std::string>("journey-1 (2)"));
        CHECK(pages[1].name == std::optional<std::string>("Journey map (2)"));
        CHECK(pages[1].cells == page.cells);
        pages = templates::with_page(pages, page);
        CHECK(pages[2].id == std::optional<std::string>("journey-1 (3)"));
    }
}

TEST_CASE("every template's map is saved and read back unchanged", "[templates]") {
    const char* name = GENERATE("current-state", "future-state", "day-in-the-life", "service-blueprint");
    templates::NewMapOptions options;
    options.template_name = name;
    auto made = templates::new_map(options);
    REQUIRE(made);
    diagram::Document doc;
    doc.pages.push_back(made->page);
    auto xml = exporters::write_drawio(doc);
    REQUIRE(xml);
    auto back = importers::read_drawio(*xml, "map.drawio");
    REQUIRE(back);
    REQUIRE(back->document.pages.size() == 1);
    const auto& page = back->document.pages[0];
    REQUIRE(page.cells.size() == made->page.cells.size());
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        INFO(name << ": cell " << page.cells[i].id);
        CHECK(page.cells[i] == made->page.cells[i]);
    }
}
