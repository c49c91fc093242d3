#include <catch2/catch.hpp>

#include "core/diagram/page_index.hpp"
#include "core/eventlog/conformance_overlay.hpp"

using namespace jstudio;
using namespace jstudio::eventlog;

namespace {

diagram::Cell box(const std::string& id, const std::string& label, double x) {
    diagram::Cell c;
    c.id = id;
    c.parent = "1";
    c.kind = diagram::CellKind::vertex;
    c.vertex = true;
    c.value = label;
    c.geometry = diagram::Geometry{};
    c.geometry->bounds = {x, 100, 100, 40};
    return c;
}

diagram::Cell arrow(const std::string& id, const std::string& from, const std::string& to) {
    diagram::Cell c;
    c.id = id;
    c.parent = "1";
    c.kind = diagram::CellKind::edge;
    c.edge = true;
    c.source = from;
    c.target = to;
    c.geometry = diagram::Geometry{};
    c.geometry->relative = true;
    return c;
}

EventLog make_log(const std::vector<std::vector<std::string>>& cases) {
    EventLog log;
    for (const auto& events : cases) {
        Case c;
        c.id = "c" + std::to_string(log.cases.size());
        std::int64_t t = 0;
        for (const auto& a : events) c.events.push_back({t += 1000000, log.activity_id(a), true});
        log.cases.push_back(std::move(c));
    }
    return log;
}

}  // namespace

TEST_CASE("the conformance overlay puts volumes, conversion and off-map paths on a layer of its own",
          "[core][eventlog][conformance]") {
    diagram::Page page = diagram::make_page("p", "Funnel");
    page.cells.push_back(box("l", "Lead", 0));
    page.cells.push_back(box("d", "Demo", 200));
    page.cells.push_back(box("w", "Won", 400));
    page.cells.push_back(box("x", "Lost", 400));
    page.cells.back().set_data("stage", "Lost");  // named by its attribute, label aside
    page.cells.back().set_data("label", "Deal lost");
    page.cells.push_back(arrow("e1", "l", "d"));
    page.cells.push_back(arrow("e2", "d", "w"));
    const diagram::Page original = page;

    auto journey = journey_from_page(page);
    REQUIRE(journey);
    CHECK(journey->map.steps == std::vector<std::string>{"Lead", "Demo", "Won", "Lost"});
    CHECK(journey->step_cells[3] == std::vector<std::string>{"x"});
    CHECK(journey->transition_edges == std::vector<std::string>{"e1", "e2"});

    const auto log =
        make_log({{"Lead", "Demo", "Won"}, {"Lead", "Demo", "Won"}, {"Lead", "Won"}, {"Lead", "Demo"}});
    const auto result = check_conformance(log, journey->map);
    REQUIRE(annotate_conformance(page, *journey, result) == 9);

    // The user's cells are untouched; everything new hangs off one new layer.
    REQUIRE(page.cells.size() == original.cells.size() + 9);
    CHECK(std::equal(original.cells.begin(), original.cells.end(), page.cells.begin()));
    const diagram::PageIndex index(page);
    const auto layers = index.layers();
    REQUIRE(layers.size() == 2);
    CHECK(layers[1]->label() == overlay_layer_name);
    std::vector<std::string> labels;
    for (std::size_t i = original.cells.size() + 1; i < page.cells.size(); ++i) {
        CHECK(page.cells[i].parent == layers[1]->id);
        labels.push_back(page.cells[i].label());
    }
    CHECK(labels[0] == "4 cases (100%)");
    CHECK(labels[1] == "3 cases (75%)");
    CHECK(labels[3] == "never seen");
    CHECK(labels[4] == "3 cases, 75%");  // Lead -> Demo: 3 of the 4 cases at Lead
    CHECK(labels[5] == "2 cases, 67%");  // Demo -> Won: 2 of 3
    CHECK(labels[6] == "1 case off the map");
    const auto& off_map = page.cells[original.cells.size() + 7];
    CHECK(off_map.source == "l");
    CHECK(off_map.target == "w");
    REQUIRE(off_map.style);
    CHECK(off_map.style->get("dashed") == "1");
    // Bowed below the straight line from Lead (centre 50,120) to Won (450,120), clear of a drawn edge.
    REQUIRE(off_map.geometry->waypoints.size() == 1);
    CHECK(off_map.geometry->waypoints[0].x == 250);
    CHECK(off_map.geometry->waypoints[0].y == 220);
    // c3 stops at Demo: ending early is no deviation, only c2 (Lead -> Won) leaves the map.
    CHECK(labels[7].find("4 cases, 3 follow the map (75%)") != std::string::npos);
    // The middle of e1 (centres 50,120 to 250,120) holds its label.
    const auto at = index.absolute_bounds(page.cells[original.cells.size() + 5].id);
    REQUIRE(at);
    CHECK(at->x == 100);
    CHECK(at->y == 111);

    SECTION("a page without labelled shapes has no journey") {
        CHECK_FALSE(journey_from_page(diagram::make_page("q", "Empty")));
    }
}
