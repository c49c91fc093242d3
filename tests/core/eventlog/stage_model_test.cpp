#include <catch2/catch.hpp>

#include "core/eventlog/conformance.hpp"
#include "core/eventlog/step_model.hpp"
#include "tests/support/event_log_builder.hpp"

using namespace jstudio;
using namespace jstudio::eventlog;

namespace {

constexpr std::int64_t day = 86400LL * 1000000;

EventLog make_log(std::vector<std::vector<std::pair<std::string, int>>> cases) {
    return jstudio::test::make_log(std::move(cases), "d");
}

// Three stages, an actions lane with a real card and a placeholder, an emotion lane and a KPI lane.
journey::JourneyMap three_stage_map() {
    journey::JourneyMap m;
    m.stages = {{"s1", "Prospecting", ""}, {"s2", "Proposal", ""}, {"s3", "Closed Won", ""}};
    m.lanes = {{"act", "Actions", journey::LaneKind::actions},
               {"emo", "Emotions", journey::LaneKind::emotions},
               {"kpi", "KPIs", journey::LaneKind::kpis}};
    const auto card = [&](std::string id, std::string label, int stage, int lane, std::optional<double> e) {
        journey::Step s;
        s.id = std::move(id);
        s.label = std::move(label);
        s.stage = stage;
        s.lane = lane;
        s.emotion = e;
        m.graph.add_step(std::move(s));
    };
    card("a1", "Discovery call", 0, 0, std::nullopt);
    card("a2", "Add a step", 1, 0, std::nullopt);  // journey new's placeholder: no step
    card("e1", "Curious", 0, 1, 1.0);
    card("e2", "Worried", 1, 1, -1.0);
    card("e3", "Unsure", 1, 1, -2.0);
    card("k1", "Win rate", 2, 2, std::nullopt);
    return m;
}

}  // namespace

TEST_CASE("stage_key ignores case, spacing, punctuation and accents", "[core][eventlog][stages]") {
    CHECK(stage_key("Closed-Won") == "closedwon");
    CHECK(stage_key("  closed  won ") == "closedwon");
    CHECK(stage_key("CLOSED_WON!") == "closedwon");
    CHECK(stage_key("Négociation") == "negociation");
    CHECK(stage_key("Qualifizierung (Straße)") == "qualifizierungstrasse");
    CHECK(stage_key("Angebot&nbsp;erstellt") == "angeboterstellt");
    CHECK(stage_key("提案") == "提案");  // other scripts are kept as they are
}

TEST_CASE("a journey map's stages are the path; cards are aliases, placeholders are not",
          "[core][eventlog][stages]") {
    auto model = step_model(three_stage_map());
    REQUIRE(model);
    CHECK(model->stages);
    CHECK(model->steps == std::vector<std::string>{"Prospecting", "Proposal", "Closed Won"});
    CHECK(model->transitions == std::vector<std::pair<std::size_t, std::size_t>>{{0, 1}, {1, 2}});
    REQUIRE(model->aliases.size() == 1);
    CHECK(model->aliases[0] == std::pair<std::string, std::size_t>{"Discovery call", 0});
    REQUIRE(model->designed_emotion.size() == 3);
    CHECK(*model->designed_emotion[0] == Approx(1.0));
    CHECK(*model->designed_emotion[1] == Approx(-1.5));
    CHECK_FALSE(model->designed_emotion[2]);

    SECTION("the card-level model leaves the placeholder out") {
        const auto cards = card_model(three_stage_map());
        REQUIRE(cards);
        CHECK(cards->steps == std::vector<std::string>{"Discovery call"});
    }
    SECTION("a map without stages keeps the step-level model") {
        auto flow = three_stage_map();
        flow.stages.clear();
        const auto m = step_model(flow);
        REQUIRE(m);
        CHECK_FALSE(m->stages);
    }
}

TEST_CASE("stage-level conformance: loose names, card activities, p90 stalls, named cases",
          "[core][eventlog][stages]") {
    auto model = step_model(three_stage_map());
    REQUIRE(model);
    std::vector<std::vector<std::pair<std::string, int>>> cases;
    for (int i = 0; i < 12; ++i)  // stays of 2 days in each stage: p90 = 2 d
        cases.push_back({{"PROSPECTING", 0}, {"proposal", 2}, {"closed-won", 4}});
    cases.push_back({{"Discovery call", 0}, {"Proposal", 2}, {"Closed Won", 40}});  // d12: stall in Proposal
    cases.push_back({{"Prospecting", 0}, {"Closed Won", 2}});                       // d13: skip
    cases.push_back({{"Prospecting", 0},
                     {"Proposal", 2},
                     {"Prospecting", 4},
                     {"Proposal", 6},
                     {"Closed Won", 8}});                    // d14: backward
    cases.push_back({{"Prospecting", 0}, {"Proposal", 2}});  // d15: drop-out
    const auto log = make_log(cases);
    const auto r = check_conformance(log, *model);
    CHECK(r.stages);
    CHECK(r.cases == 16);
    CHECK(r.unmapped_activities.empty());
    CHECK(r.card_events == 1);
    CHECK(r.steps[1].stall_rule == "p90");
    CHECK(r.steps[1].stall_threshold == Approx(2 * 86400.0));
    CHECK(r.steps[1].median_seconds == Approx(2 * 86400.0));
    CHECK(r.steps[2].stall_rule == "fewer than 10 stays");  // nobody leaves Closed Won
    CHECK(r.steps[1].stall_examples == std::vector<std::string>{"d12"});
    CHECK(r.steps[0].backward == 0);
    CHECK(r.steps[1].backward == 1);
    CHECK(r.steps[1].drop_examples == std::vector<std::string>{"d15"});
    CHECK(r.steps[1].skip_examples == std::vector<std::string>{"d13"});
    CHECK(r.steps[0].to_next == 15);
    REQUIRE(r.backward.size() == 1);
    CHECK(r.backward[0].examples == std::vector<std::string>{"d14"});
    CHECK(*r.steps[1].designed_emotion == Approx(-1.5));

    std::vector<std::tuple<std::string, std::string, std::string>> found;
    for (const auto& d : r.deviations) found.emplace_back(d.case_id, to_string(d.kind), d.step);
    CHECK(found ==
          std::vector<std::tuple<std::string, std::string, std::string>>{{"d12", "stall", "Proposal"},
                                                                         {"d13", "skip", "Prospecting"},
                                                                         {"d14", "backward", "Proposal"},
                                                                         {"d15", "drop-out", "Proposal"}});
    const Deviation& stall = r.deviations[0];
    CHECK(stall.seconds == Approx(38 * 86400.0));
    CHECK(stall.when == 2 * day);
    CHECK(r.deviations[3].seconds == Approx(38 * 86400.0));  // drop-out: from entry to the log's end (day 40)

    SECTION("--stall-days and a mapping row's threshold win over p90") {
        ConformanceOptions o;
        o.stall_seconds = 100 * 86400.0;
        o.mapping.push_back({"", "Prospecting", 1});
        const auto s = check_conformance(log, *model, o);
        CHECK(s.steps[0].stall_rule == "mapping");
        CHECK(s.steps[0].stalls == 17);  // every 2-day stay is above 1 day
        CHECK(s.steps[1].stall_rule == "--stall-days");
        CHECK(s.steps[1].stalls == 0);
    }
}
