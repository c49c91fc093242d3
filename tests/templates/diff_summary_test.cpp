#include <catch2/catch.hpp>

#include "core/journey/diff_summary.hpp"
#include "core/journey/journey_read.hpp"
#include "templates/journey_json.hpp"
#include "templates/template_library.hpp"

using namespace jstudio;

namespace {

const char* before_json = R"({
  "title": "Today", "kind": "current-state", "personas": [{"id": "p1", "name": "Ann"}],
  "stages": [{"id": "a", "name": "Browse"}, {"id": "b", "name": "Buy"}],
  "lanes": [{"id": "actions", "name": "Actions", "kind": "actions"},
            {"id": "emotions", "name": "Emotions", "kind": "emotions"},
            {"id": "pain", "name": "Pain points", "kind": "pain-points"}],
  "steps": [
    {"id": "s1", "stage": "a", "lane": "actions", "label": "Searches", "channel": "Web"},
    {"id": "e1", "stage": "b", "lane": "emotions", "label": "Annoyed", "emotion": -1, "persona": "p1"},
    {"id": "x1", "stage": "b", "lane": "pain", "label": "Hidden fees"}
  ]
})";

const char* after_json = R"({
  "title": "Tomorrow", "kind": "future-state", "personas": [{"id": "p1", "name": "Ann"}],
  "stages": [{"id": "a", "name": "Browse"}, {"id": "b", "name": "Buy"}],
  "lanes": [{"id": "actions", "name": "Actions", "kind": "actions"},
            {"id": "emotions", "name": "Emotions", "kind": "emotions"},
            {"id": "pain", "name": "Pain points", "kind": "pain-points"}],
  "steps": [
    {"id": "s1", "stage": "a", "lane": "actions", "label": "Searches", "channel": "App"},
    {"id": "e1", "stage": "b", "lane": "emotions", "label": "Annoyed", "emotion": 1, "persona": "p1"},
    {"id": "n1", "stage": "b", "lane": "actions", "label": "Gets a receipt"}
  ]
})";

diagram::Page page_of(const char* json) {
    auto map = templates::map_from_json_text(json, "t.json");
    REQUIRE(map);
    return templates::journey_document(*map).pages.front();
}

}  // namespace

TEST_CASE("summarize_diff lists every difference with the cells to show", "[templates][journey][diff]") {
    const auto before_page = page_of(before_json), after_page = page_of(after_json);
    auto before = journey::read_journey(before_page), after = journey::read_journey(after_page);
    REQUIRE(before);
    REQUIRE(after);
    const auto lines = journey::summarize_diff(journey::diff_maps(*before, *after), after_page);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0].change == "added");
    CHECK(lines[0].step == "Gets a receipt");
    CHECK(lines[0].where == "Buy / Actions");
    CHECK(lines[0].cells == std::vector<std::string>{"jm-step-n1"});
    CHECK(lines[1].change == "removed");
    CHECK(lines[1].step == "Hidden fees");
    CHECK(lines[1].cells.empty());
    CHECK(lines[2].change == "changed");
    CHECK(lines[2].detail == "channel: 'Web' -> 'App'");
    CHECK(lines[2].cells == std::vector<std::string>{"jm-step-s1"});
    CHECK(lines[3].detail == "emotion: '-1' -> '+1'");
    CHECK(lines[4].change == "pain point resolved");
    // Browse has no emotion step on either map, so only Buy's emotion is compared.
    CHECK(lines[5].change == "emotion");
    CHECK(lines[5].step == "Buy");
    CHECK(lines[5].detail == "-1 -> +1 (+2)");
}
