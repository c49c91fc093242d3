// Every template's map, as `journey new` draws it and as draw.io reads it back, is read by the page reading
// as journey structure only; validate takes only its step cards; diff's annotated copy reads as the original.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/eventlog/step_model.hpp"
#include "core/journey/journey_diff.hpp"
#include "core/journey/journey_read.hpp"
#include "core/page/page_reading.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/template_library.hpp"

using namespace jstudio;
using page::Role;

namespace {

diagram::Page drawn(const std::string& name) {
    auto info = templates::find_template(templates::template_search_path(), name);
    REQUIRE(info);
    auto map = templates::load_template(info->file);
    REQUIRE(map);
    auto xml = exporters::write_drawio(templates::journey_document(*map));
    REQUIRE(xml);
    auto read = importers::read_drawio(*xml, name + ".drawio");
    REQUIRE(read);
    return read->document.pages.front();
}

}  // namespace

TEST_CASE("page reading of the templates' maps", "[templates][page]") {
    for (const std::string name : {"current-state", "future-state", "day-in-the-life", "service-blueprint"}) {
        SECTION(name) {
            const diagram::Page p = drawn(name);
            const page::PageReading r(p);
            REQUIRE(r.is_journey_map());
            std::map<Role, std::size_t> count;
            for (std::size_t i = 0; i < r.size(); ++i) {
                ++count[r.role(i)];
                INFO("cell " << p.cells[i].id << " is " << page::to_string(r.role(i)) << " by "
                             << page::to_string(r.rule(i)));
                // Everything on a map we drew carries its meaning: no geometric guess, no plain node.
                CHECK((r.rule(i) == page::Rule::journey_metadata || r.rule(i) == page::Rule::structure));
            }
            CHECK(count[Role::map_title] == 1);
            CHECK(count[Role::persona] >= 1);
            CHECK(count[Role::stage_header] >= 3);
            CHECK(count[Role::lane_header] >= 3);
            CHECK(count[Role::step] >= 3);
            CHECK(count[Role::node] == 0);

            // validate checks a journey map by its stages: the steps are the stage headers, in order.
            auto stages = eventlog::step_model(p);
            REQUIRE(stages);
            CHECK(stages->stages);
            for (const std::string& id : stages->step_ids) {
                auto pos = r.index().position(id);
                REQUIRE(pos);
                CHECK(r.role(*pos) == Role::stage_header);
            }
            // Its step-level view takes the step cards of lanes customers act in: never a header, tag, scale
            // label, persona, pain point or emotion card.
            auto model = eventlog::card_model(p);
            REQUIRE(model);
            for (const std::string& id : model->step_ids) {
                auto pos = r.index().position(id);
                REQUIRE(pos);
                CHECK(r.role(*pos) == Role::step);
            }
            std::set<std::string> names(model->steps.begin(), model->steps.end());
            for (const char* never : {"+2", "+1", "0", "-1", "-2", "Mobile web", "Web", "App"})
                CHECK(names.count(never) == 0);
        }
    }
}

TEST_CASE("diff --annotate's copy reads as the original", "[templates][page]") {
    const diagram::Page before_page = drawn("current-state");
    diagram::Page after_page = drawn("future-state");
    auto before = journey::read_journey(before_page);
    auto after = journey::read_journey(after_page);
    REQUIRE(before);
    REQUIRE(after);
    const auto diff = journey::diff_maps(*before, *after);
    diagram::Page annotated = after_page;
    journey::annotate_diff(annotated, before_page, *before, *after, diff);
    REQUIRE(annotated.cells.size() > after_page.cells.size());

    const page::PageReading original(after_page), copy(annotated);
    for (std::size_t i = 0; i < copy.size(); ++i) {
        const auto& id = annotated.cells[i].id;
        auto pos = original.index().position(id);
        if (pos) {
            CHECK(copy.role(i) == original.role(*pos));
        } else {
            INFO("added cell " << id);
            CHECK((copy.role(i) == Role::annotation || copy.role(i) == Role::layer));
        }
    }
    auto again = journey::read_journey(annotated);
    REQUIRE(again);
    CHECK(again->graph.step_count() == after->graph.step_count());
    CHECK_FALSE(journey::diff_maps(*after, *again).has_step_changes());
}
