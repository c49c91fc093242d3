// validate --annotate: the conformance drawn onto the map on two new layers, the user's cells untouched.
#include <catch2/catch.hpp>

#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/step_model.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/event_log_builder.hpp"

using namespace jstudio;
using namespace jstudio::eventlog;

namespace {
using jstudio::test::make_log;
constexpr std::int64_t day = 86400LL * 1000000;
// tests/data/eventlog/validate/funnel_events.csv as a log.
EventLog funnel_log() {
    return make_log({{{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Won", 3}},
                     {{"Lead", 0}, {"Proposal", 1}, {"Won", 2}},
                     {{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Demo", 30}},
                     {{"Demo", 0}, {"Proposal", 1}},
                     {{"Lead", 0}, {"Webinar", 1}, {"Demo", 2}},
                     {{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Lost", 4}}});
}
diagram::Page funnel_page() {
    auto read = importers::read_drawio_file(test::data_path("eventlog/validate/funnel_map.drawio").string());
    REQUIRE(read);
    return read->document.pages.front();
}
const diagram::Cell* find_added(const diagram::Page& page, std::size_t from, std::string_view text) {
    for (std::size_t i = from; i < page.cells.size(); ++i)
        if (page.cells[i].label().find(text) != std::string::npos) return &page.cells[i];
    return nullptr;
}
}  // namespace

TEST_CASE("map_from_page: steps with cell ids, transitions with edge ids", "[core][eventlog][annotate]") {
    auto map = step_model(funnel_page());
    REQUIRE(map);
    CHECK(map->steps == std::vector<std::string>{"Lead", "Demo", "Proposal", "Won", "Lost", "Nurture"});
    CHECK(map->step_ids == std::vector<std::string>{"lead", "demo", "proposal", "won", "lost", "nurture"});
    CHECK(map->transition_ids == std::vector<std::string>{"e1", "e2", "e3", "e4"});
}

TEST_CASE("annotate_map: volumes, drop-off, stalls, unexpected paths, legend", "[core][eventlog][annotate]") {
    const auto original = funnel_page();
    auto page = original;
    auto map = step_model(page);
    REQUIRE(map);
    ConformanceOptions o;
    o.stall_seconds = 10 * 86400.0;
    const auto r = check_conformance(funnel_log(), *map, o);
    const std::size_t added = annotate_map(page, *map, r);
    REQUIRE(added > 0);
    REQUIRE(page.cells.size() == original.cells.size() + added);
    for (std::size_t i = 0; i < original.cells.size(); ++i) CHECK(page.cells[i] == original.cells[i]);
    std::vector<std::string> layers;
    for (const auto& c : page.cells)
        if (c.kind == diagram::CellKind::layer) layers.push_back(c.label());
    CHECK(layers == std::vector<std::string>{"", volumes_layer_name, unexpected_layer_name});
    const std::size_t first = original.cells.size();
    // Lead -> Demo: 4 of the 5 cases reaching Lead (one via an unmapped Webinar in between).
    CHECK(find_added(page, first, "4 cases · 80%"));
    CHECK(find_added(page, first, "2 cases · 40%"));  // Proposal -> Won
    // Demo: reach 5 of 6, two journeys end there.
    CHECK(find_added(page, first, "reach 5 (83%)<br><font color=\"#C62828\">drop-off 2 (40%)</font>"));
    CHECK(find_added(page, first, "stalled 1×"));  // Proposal, 28 days
    CHECK(find_added(page, first, "<b>Observed journey</b><br>6 cases, 33% follow the map"));
    // Two dashed arrows on the unexpected layer: the skip and the backward move.
    std::vector<std::pair<std::string, std::string>> dashed;
    std::string unexpected_layer;
    for (std::size_t i = first; i < page.cells.size(); ++i) {
        const auto& c = page.cells[i];
        if (c.kind == diagram::CellKind::layer && c.label() == unexpected_layer_name) unexpected_layer = c.id;
        if (c.kind == diagram::CellKind::edge) {
            CHECK(c.style_or_empty().flag("dashed"));
            CHECK(c.parent == unexpected_layer);
            dashed.emplace_back(c.source, c.target);
        }
    }
    CHECK(dashed ==
          std::vector<std::pair<std::string, std::string>>{{"lead", "proposal"}, {"proposal", "demo"}});
    CHECK(find_added(page, first, "1 case (back)"));
}
