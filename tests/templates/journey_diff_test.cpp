#include <catch2/catch.hpp>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_diff.hpp"
#include "core/journey/journey_read.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/journey_json.hpp"
#include "templates/template_library.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using journey::JourneyMap;

namespace {

// The future state: s1 relabelled and on another channel, s2 moved to Browse, e2 happier, x1 gone, two new
// steps (one a new pain point), and a step redrawn by hand with a new id but the same label (e1 → "E-9").
const char* future_json = R"({
  "title": "Shop tomorrow", "kind": "future-state",
  "personas": [{"id": "p1", "name": "Ann"}],
  "stages": [{"id": "a", "name": "Browse"}, {"id": "b", "name": "Buy"}],
  "lanes": [{"id": "actions", "name": "Actions", "kind": "actions"},
            {"id": "emotions", "name": "Emotions", "kind": "emotions"},
            {"id": "pain", "name": "Pain points", "kind": "pain-points"}],
  "steps": [
    {"id": "s1", "stage": "a", "lane": "actions", "label": "Searches by voice", "channel": "App"},
    {"id": "s2", "stage": "a", "lane": "actions", "label": "Pays"},
    {"id": "E-9", "stage": "a", "lane": "emotions", "label": "hopeful ", "emotion": 1, "persona": "p1"},
    {"id": "e2", "stage": "b", "lane": "emotions", "label": "Annoyed", "emotion": 1, "persona": "p1"},
    {"id": "n1", "stage": "b", "lane": "actions", "label": "Gets a receipt"},
    {"id": "y1", "stage": "a", "lane": "pain", "label": "Voice misreads brands"}
  ],
  "transitions": [{"from": "s1", "to": "s2"}]
})";

struct Drawn {
    diagram::Page page;
    JourneyMap map;
};

Drawn drawn(const std::string& json) {
    auto map = templates::map_from_json_text(json, "t.json");
    REQUIRE(map);
    auto xml = exporters::write_drawio(templates::journey_document(*map));
    REQUIRE(xml);
    auto read = importers::read_drawio(*xml, "t.drawio");
    REQUIRE(read);
    auto back = journey::read_journey(read->document.pages.front());
    REQUIRE(back);
    return {read->document.pages.front(), std::move(*back)};
}

using Ref = journey::StepRef;
using Change = journey::FieldChange;

}  // namespace

TEST_CASE("diff of a hand-made current/future pair", "[templates][journey][diff]") {
    const Drawn current = drawn(test::read_text(test::data_path("journey/shop_today.json"))),
                future = drawn(future_json);
    const auto d = journey::diff_maps(current.map, future.map);
    CHECK(d.added == std::vector<Ref>{{"n1", "Gets a receipt", "Buy", "Actions"},
                                      {"y1", "Voice misreads brands", "Browse", "Pain points"}});
    CHECK(d.removed == std::vector<Ref>{{"x1", "Hidden fees", "Buy", "Pain points"}});
    REQUIRE(d.changed.size() == 4);
    CHECK(d.changed[0].after.step_id == "s1");
    CHECK(d.changed[0].changes ==
          std::vector<Change>{{"label", "Searches", "Searches by voice"}, {"channel", "Web", "App"}});
    CHECK(d.changed[1].after.step_id == "s2");
    CHECK(d.changed[1].changes == std::vector<Change>{{"stage", "Buy", "Browse"}});
    CHECK(d.changed[2].before.step_id == "e1");  // matched by lane kind and label, not id
    CHECK(d.changed[2].after.step_id == "E-9");
    CHECK(d.changed[2].changes == std::vector<Change>{{"label", "Hopeful", "hopeful"}});
    CHECK(d.changed[3].after.step_id == "e2");
    CHECK(d.changed[3].changes == std::vector<Change>{{"emotion", "-1", "+1"}});
    CHECK(d.pain_points_resolved == std::vector<Ref>{{"x1", "Hidden fees", "Buy", "Pain points"}});
    CHECK(d.pain_points_new == std::vector<Ref>{{"y1", "Voice misreads brands", "Browse", "Pain points"}});
    REQUIRE(d.emotion_by_stage.size() == 2);
    CHECK(d.emotion_by_stage[0].stage == "Browse");
    CHECK(d.emotion_by_stage[0].before == 1.0);
    CHECK(d.emotion_by_stage[0].after == 1.0);
    CHECK(d.emotion_by_stage[1].stage == "Buy");
    CHECK(d.emotion_by_stage[1].before == -1.0);
    CHECK(d.emotion_by_stage[1].after == 1.0);

    SECTION("a map compared with itself has no differences") {
        const auto same = journey::diff_maps(current.map, current.map);
        CHECK_FALSE(same.has_step_changes());
        CHECK(same.pain_points_new.empty());
        CHECK(same.pain_points_resolved.empty());
        CHECK(same.emotion_by_stage.size() == 2);
    }
    SECTION("swapping the maps swaps added and removed") {
        const auto back = journey::diff_maps(future.map, current.map);
        CHECK(back.added.size() == 1);
        CHECK(back.removed.size() == 2);
        CHECK(back.pain_points_new == d.pain_points_resolved);
    }
    SECTION("the annotated copy marks the changes on its own layer") {
        diagram::Page page = future.page;
        const auto cells_before = page.cells.size();
        journey::annotate_diff(page, current.page, current.map, future.map, d);
        diagram::PageIndex idx(page);
        auto layers = idx.layers();
        REQUIRE(layers.size() == 2);
        CHECK(layers[1]->label() == "Changes");
        std::map<std::string, std::vector<std::string>> by_role;
        for (std::size_t i = cells_before; i < page.cells.size(); ++i) {
            const auto& c = page.cells[i];
            if (c.kind != diagram::CellKind::vertex) continue;
            CHECK(c.parent == layers[1]->id);
            by_role[c.data("journey-role")].push_back(c.data("step-id"));
        }
        CHECK(by_role["diff-added"] == std::vector<std::string>{"n1", "y1"});
        CHECK(by_role["diff-changed"] == std::vector<std::string>{"s1", "s2", "E-9", "e2"});
        CHECK(by_role["diff-removed"] == std::vector<std::string>{"x1"});
        CHECK(by_role["diff-legend"].size() == 4);
        // Frames surround their card; the ghost stands where the removed card stood in the current map.
        auto frame = idx.absolute_bounds(page.cells[cells_before + 1].id);
        auto card = idx.absolute_bounds("jm-step-n1");
        REQUIRE(frame);
        CHECK(frame->x == card->x - 4);
        CHECK(frame->width == card->width + 8);
        diagram::PageIndex cur(current.page);
        for (const auto& c : page.cells)
            if (c.data("journey-role") == "diff-removed")
                CHECK(*idx.absolute_bounds(c.id) == *cur.absolute_bounds("jm-step-x1"));
        // The annotations do not change the map read from the page.
        auto reread = journey::read_journey(page);
        REQUIRE(reread);
        CHECK(*reread == future.map);
    }
}
