#include <catch2/catch.hpp>

#include "core/eventlog/conformance.hpp"

using namespace jstudio::eventlog;

namespace {
constexpr std::int64_t day = 86400LL * 1000000;
EventLog make_log(std::vector<std::vector<std::pair<std::string, int>>> cases) {
    EventLog log;
    for (auto& events : cases) {
        Case c;
        c.id = "c" + std::to_string(log.cases.size());
        for (auto& [act, d] : events) c.events.push_back({d * day, log.activity_id(act), true});
        log.cases.push_back(std::move(c));
    }
    return log;
}
}  // namespace

TEST_CASE("each deviation kind against a four-step map", "[core][eventlog][conformance]") {
    // Lead -> Demo -> Proposal -> Won, plus an unused Lost step.
    JourneyMap map{{"Lead", "Demo", "Proposal", "Won", "Lost"}, {{0, 1}, {1, 2}, {2, 3}}};
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
