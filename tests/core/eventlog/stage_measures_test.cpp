// The validation numbers journey validate --annotate writes on a journey map, read back for decks.
#include <catch2/catch.hpp>

#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/stage_measures.hpp"
#include "core/eventlog/step_model.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using namespace jstudio::eventlog;

namespace {

constexpr std::int64_t day = 86400LL * 1000000;

// `journey new --template current-state` (tests/data/render/journey-map.drawio): four stages, a KPI lane.
diagram::Page journey_page() {
    auto read = importers::read_drawio_file(test::data_path("render/journey-map.drawio").string());
    REQUIRE(read);
    return read->document.pages.front();
}

// Ten cases through the stages: 6 go all the way, 3 stop at the second stage, 1 at the first.
EventLog stage_log(const std::vector<std::string>& stages) {
    EventLog log;
    const auto add = [&](std::size_t upto) {
        Case c;
        c.id = "c" + std::to_string(log.cases.size());
        for (std::size_t k = 0; k <= upto; ++k)
            c.events.push_back({std::int64_t(k) * day, log.activity_id(stages[k]), true});
        log.cases.push_back(std::move(c));
    };
    for (int i = 0; i < 6; ++i) add(3);
    for (int i = 0; i < 3; ++i) add(1);
    add(0);
    return log;
}

}  // namespace

TEST_CASE("stage measures: what validate --annotate wrote, read back", "[core][eventlog][annotate]") {
    auto page = journey_page();
    CHECK(read_stage_measures(page).empty());  // not validated yet
    auto model = step_model(page);
    REQUIRE(model);
    REQUIRE(model->stages);
    REQUIRE(model->steps.size() == 4);
    const auto r = check_conformance(stage_log(model->steps), *model);
    REQUIRE(r.cases == 10);
    REQUIRE(annotate_map(page, *model, r) > 0);

    auto check = [&](const std::vector<StageMeasure>& m, double tolerance) {
        REQUIRE(m.size() == 4);
        for (std::size_t k = 0; k < 4; ++k) CHECK(m[k].stage == model->steps[k]);
        CHECK(m[0].reach == 10);
        CHECK(m[1].reach == 9);
        CHECK(m[2].reach == 6);
        CHECK(*m[1].reach_share == Approx(0.9).margin(tolerance));
        CHECK(*m[0].to_next == Approx(0.9).margin(tolerance));
        CHECK(*m[1].to_next == Approx(6.0 / 9).margin(tolerance));
        CHECK(*m[0].drop_off == 1);
        CHECK(*m[1].drop_off == 3);
        CHECK(*m[1].drop_off_share == Approx(3.0 / 9).margin(tolerance));
        CHECK(*m[2].drop_off == 0);
        // The last stage: reaching it is completion, not a step on.
        CHECK(m[3].reach == 6);
        CHECK_FALSE(m[3].to_next);
        CHECK_FALSE(m[3].drop_off);
    };
    SECTION("from the data attributes on the stage cards") {
        check(read_stage_measures(page), 1e-9);
    }
    SECTION("a map annotated before the attributes existed: from the cards' labels (whole percent)") {
        for (auto& c : page.cells)
            if (c.wrapper)
                for (const char* key : {measured_stage_key, measured_reach_key, measured_cases_key,
                                        measured_to_next_key, measured_drop_off_key, measured_final_key})
                    c.wrapper->attributes.remove(key);
        check(read_stage_measures(page), 0.005);
    }
}
