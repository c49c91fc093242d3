#include <catch2/catch.hpp>

#include "core/eventlog/conformance.hpp"
#include "tests/support/event_log_builder.hpp"

using namespace jstudio::eventlog;

namespace {
using jstudio::test::make_log;
constexpr std::int64_t day = 86400LL * 1000000;
}  // namespace

TEST_CASE("each deviation kind against a four-step map", "[core][eventlog][conformance]") {
    // Lead -> Demo -> Proposal -> Won, plus an unused Lost step.
    StepModel map{{"Lead", "Demo", "Proposal", "Won", "Lost"}, {{0, 1}, {1, 2}, {2, 3}}, {}, {}};
    auto log = make_log({{{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Won", 3}},  // fits
                         {{"lead", 0}, {"Proposal", 1}, {"Won", 2}},  // skip Demo (case-insensitive)
                         {{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Demo", 30}},  // backward, stall 28 d
                         {{"Demo", 0}, {"Proposal", 1}},                             // late entry
                         {{"Lead", 0}, {"Webinar", 1}, {"Demo", 2}}});               // unmapped activity
    ConformanceOptions o;
    o.stall_seconds = 10 * 86400.0;
    const auto r = check_conformance(log, map, o);
    CHECK(r.cases == 5);
    CHECK(r.fitting_cases == 1);
    CHECK(r.fitness == Approx(0.2));
    CHECK(r.late_entries == 1);
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].from == "Lead");
    CHECK(r.skips[0].to == "Proposal");
    CHECK(r.steps[1].skipped == 1);  // Demo jumped over once
    REQUIRE(r.backward.size() == 1);
    CHECK(r.backward[0].from == "Proposal");
    CHECK(r.backward[0].to == "Demo");
    CHECK(r.unexpected.size() == 2);  // the skip and the backward move
    CHECK(r.stalls == 1);
    CHECK(r.steps[2].stalls == 1);
    CHECK(r.steps_never_seen == std::vector<std::string>{"Lost"});
    REQUIRE(r.unmapped_activities.size() == 1);
    CHECK(r.unmapped_activities[0].first == "Webinar");
    CHECK(r.steps[0].entries == 4);
    CHECK(r.steps[3].exits == 2);
    CHECK(match_key("  Closed<br>&amp; Won ") == "closed & won");
}

TEST_CASE("per-step reach, conversion and drop-off", "[core][eventlog][conformance]") {
    // Lead -> Demo -> Proposal -> {Won, Lost}: Won and Lost are final, so ending there is no drop-off.
    StepModel map{{"Lead", "Demo", "Proposal", "Won", "Lost"}, {{0, 1}, {1, 2}, {2, 3}, {2, 4}}, {}, {}};
    auto log = make_log({{{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Won", 3}},
                         {{"Lead", 0}, {"Demo", 1}},
                         {{"Lead", 0}, {"Demo", 1}, {"Demo", 2}, {"Proposal", 3}},
                         {{"Lead", 0}, {"Demo", 1}, {"Proposal", 2}, {"Lost", 3}}});
    const auto r = check_conformance(log, map);
    CHECK(r.steps[0].cases == 4);
    CHECK(r.steps[0].conversion(false) == Approx(1.0));
    CHECK(r.steps[1].visits == 5);
    CHECK(r.steps[1].cases == 4);
    CHECK(r.steps[1].drop_off() == 1);
    CHECK(r.steps[1].conversion(false) == Approx(0.75));
    CHECK(r.steps[2].drop_off() == 1);
    CHECK(r.steps[2].conversion(false) == Approx(2.0 / 3));
    CHECK(r.steps[3].final_step);
    CHECK(r.steps[3].exits == 1);
    CHECK(r.steps[3].drop_off() == 0);
    CHECK(r.fitting_cases == 4);  // a repeated Demo record is not a move
}

TEST_CASE("mapping rows: by cell id, by name, '-' ignores, unknown targets reported",
          "[core][eventlog][conformance]") {
    StepModel map{{"Lead", "Demo", "Won"}, {{0, 1}, {1, 2}}, {"s-lead", "s-demo", "s-won"}, {}};
    auto log = make_log({{{"New lead", 0}, {"Newsletter", 1}, {"Intro call", 2}, {"closed won", 3}},
                         {{"New lead", 0}, {"Bogus", 1}}});
    ConformanceOptions o;
    o.mapping = {{"New lead", "Lead"},
                 {"newsletter", "-"},
                 {"Intro call", "s-demo"},
                 {"Closed Won", " WON "},
                 {"Bogus", "No such step"}};
    const auto r = check_conformance(log, map, o);
    CHECK(r.fitting_cases == 1);
    CHECK(r.ignored_events == 1);
    CHECK(r.mapping_unresolved == std::vector<std::string>{"No such step"});
    REQUIRE(r.unmapped_activities.size() == 1);
    CHECK(r.unmapped_activities[0].first == "Bogus");
    CHECK(r.steps[1].cases == 1);
    CHECK(r.steps[2].cases == 1);
    CHECK(r.steps_never_seen.empty());
}

TEST_CASE("conformance from a directly-follows table", "[core][eventlog][conformance][dfg]") {
    StepModel map{{"Lead", "Demo", "Proposal", "Won"}, {{0, 1}, {1, 2}, {2, 3}}, {}, {}};
    EventLog names;
    for (const char* a : {"Lead", "Demo", "Proposal", "Won", "Webinar"}) names.activity_id(a);
    Discovery d;
    d.aggregated = true;
    d.cases = 10;
    // Lead 8 starts, Demo 2 starts; Lead->Demo 6, Lead->Proposal 2, Demo->Proposal 7, Proposal->Demo 1,
    // Proposal->Won 5, Demo->Webinar 1 (left out: Webinar is no step).
    d.edges = {{0, 1, 6, {}}, {0, 2, 2, {}}, {1, 2, 7, {}}, {2, 1, 1, {}}, {2, 3, 5, {}}, {1, 4, 1, {}}};
    d.activities = {{0, 8, 0, 8, 0, {}},
                    {1, 9, 0, 2, 1, {}},
                    {2, 9, 0, 0, 3, {}},
                    {3, 5, 0, 0, 5, {}},
                    {4, 1, 0, 0, 1, {}}};
    const auto r = check_conformance(names, d, map);
    CHECK(r.aggregated);
    CHECK(r.cases == 10);
    CHECK(r.late_entries == 2);
    CHECK(r.steps[1].visits == 9);
    CHECK(r.steps[1].exits == 1);
    CHECK(r.steps[1].drop_off() == 1);
    CHECK(r.steps[1].conversion(true) == Approx(8.0 / 9));
    CHECK(r.steps[1].skipped == 2);
    REQUIRE(r.unexpected.size() == 2);
    CHECK(r.unexpected[0].from == "Lead");
    CHECK(r.unexpected[0].count == 2);
    CHECK(r.unexpected[0].cases == 0);
    REQUIRE(r.backward.size() == 1);
    CHECK(r.backward[0].from == "Proposal");
    REQUIRE(r.allowed.size() == 3);
    CHECK(r.allowed[0].count == 7);  // Demo -> Proposal
    REQUIRE(r.unmapped_activities.size() == 1);
    CHECK(r.unmapped_activities[0].second == 1);
}
