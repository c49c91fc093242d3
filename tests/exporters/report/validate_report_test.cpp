// The conformance report in its three forms, from a hand-made result: what a log with cases says, what a
// directly-follows table cannot say (n/a, null), the mapping file and the segments side by side.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "exporters/report/validate_report.hpp"

using namespace jstudio;

namespace {

eventlog::StepReport step(const char* name, std::uint64_t cases, std::uint64_t exits, bool final_step) {
    eventlog::StepReport s;
    s.step = name;
    s.cases = cases;
    s.visits = cases;
    s.exits = exits;
    s.final_step = final_step;
    return s;
}

// 4 cases over Lead -> Demo -> Won: 3 fit, one went Lead -> Won (a skip, off the map); Demo has a stall.
eventlog::Conformance funnel() {
    eventlog::Conformance r;
    r.cases = 4;
    r.fitting_cases = 3;
    r.fitness = 0.75;
    r.stalls = 1;
    r.steps = {step("Lead", 4, 0, false), step("Demo", 3, 1, false), step("Won", 3, 3, true)};
    r.steps[1].stalls = 1;
    r.steps[1].entries = 0;
    r.steps[1].skipped = 1;
    r.unexpected = {{"Lead", "Won", 1, 1}};
    r.skips = {{"Lead", "Won", 1, 1}};
    r.unmapped_activities = {{"Newsletter", 2}};
    r.mapping_unresolved = {"No such step"};
    return r;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("has_conformance_findings: what makes journey validate exit 1") {
    eventlog::Conformance clean;
    clean.cases = clean.fitting_cases = 2;
    SECTION("every case fits and nothing is off the map") {
        CHECK_FALSE(exporters::has_conformance_findings(clean));
    }
    SECTION("a case that does not fit") {
        clean.fitting_cases = 1;
        CHECK(exporters::has_conformance_findings(clean));
    }
    SECTION("aggregated input has no fitting cases to count: only deviations count") {
        clean.aggregated = true;
        clean.fitting_cases = 0;
        CHECK_FALSE(exporters::has_conformance_findings(clean));
        clean.steps_never_seen = {"Won"};
        CHECK(exporters::has_conformance_findings(clean));
    }
    SECTION("a stall or a late entry") {
        clean.stalls = 1;
        CHECK(exporters::has_conformance_findings(clean));
        clean.stalls = 0;
        clean.late_entries = 1;
        CHECK(exporters::has_conformance_findings(clean));
    }
}

TEST_CASE("validate report as text") {
    const auto r = funnel();
    const exporters::ValidateReportInput in{"map.drawio", "log.csv", "", &r, "", {}};
    const std::string text = exporters::write_validate_report(in, exporters::ReportFormat::text);
    SECTION("the whole report") {
        CHECK(text ==
              "Conformance of log.csv against map.drawio\n"
              "4 cases, 3 follow the map: fitness 75.0%; 0 enter at a step that is not a start; 1 stall(s)\n"
              "transitions seen but not on the map:\n"
              "  Lead -> Won: 1 times in 1 cases\n"
              "skips (forward past drawn steps):\n"
              "  Lead -> Won: 1 times in 1 cases\n"
              "drop-outs (journeys ending at a step that is not final):\n"
              "  Demo: 1 cases\n"
              "stalls (time in step above its threshold):\n"
              "  Lead: no threshold\n"
              "  Demo: no threshold\n"
              "  Won: no threshold\n"
              "activities not on the map:\n"
              "  Newsletter: 2 events\n"
              "steps (reach, conversion, drop-off, entries, skipped, stalls):\n"
              "  Lead: 4 (100.0%), 100.0%, 0, 0, 0, 0\n"
              "  Demo: 3 (75.0%), 66.7%, 1, 0, 1, 1\n"
              "  Won: 3 (75.0%), 0.0%, 0, 0, 0, 0\n"
              "time in step (median, p90 over the stays ending in a move), moving on along the map, "
              "backward moves:\n"
              "  Lead: -, - (0 stays); 0 (0.0%) on; 0 backward\n"
              "  Demo: -, - (0 stays); 0 (0.0%) on; 0 backward\n"
              "  Won: -, - (0 stays); 0 (0.0%) on; 0 backward\n");
    }
    SECTION("checked by stages: named cases, the stall threshold, designed emotion beside drop-off") {
        auto st = r;
        st.stages = true;
        st.unexpected[0].examples = {"006A", "006B"};
        st.unexpected[0].cases = 3;
        st.steps[1].stall_threshold = 4 * 86400;
        st.steps[1].stall_rule = "p90";
        st.steps[1].stall_examples = {"006C"};
        st.steps[1].drop_examples = {"006D"};
        st.steps[1].designed_emotion = -1.5;
        const exporters::ValidateReportInput s{"map.drawio", "log.csv", "", &st, "", {}};
        const std::string t = exporters::write_validate_report(s, exporters::ReportFormat::text);
        CHECK(contains(t, "\nChecked against the map's 3 stages, in order\n"));
        CHECK(contains(t, "  Lead -> Won: 1 times in 3 cases (e.g. 006A, 006B, ...)\n"));
        CHECK(contains(t, "  Demo: 1 cases (e.g. 006D)\n"));
        CHECK(contains(t, "  Demo: 1 above 4.0 d (p90) (e.g. 006C)\n"));
        CHECK(contains(t,
                       "designed emotion (-2..+2) and measured drop-off per stage:\n"
                       "  Lead: -, 0 (0.0%)\n  Demo: -1.5, 1 (33.3%)\n"));
        const std::string md = exporters::write_validate_report(s, exporters::ReportFormat::markdown);
        CHECK(contains(md, "\n## Stages\n\n| stage | reach |"));
        CHECK(contains(md, "| Demo | -1.5 | 1 | 33.3% |\n"));
    }
    SECTION("--cases: one row per deviation") {
        auto c = r;
        eventlog::Deviation d;
        d.case_id = "006,A";
        d.kind = eventlog::DeviationKind::stall;
        d.step = "Demo";
        d.when = 1709283600LL * 1000000;  // 2024-03-01T09:00:00Z
        d.has_time = true;
        d.seconds = 36 * 3600;
        c.deviations.push_back(d);
        d.case_id = "006B";
        d.kind = eventlog::DeviationKind::skip;
        d.step = "Lead";
        d.to = "Won";
        d.has_time = false;
        d.seconds = -1;
        c.deviations.push_back(d);
        CHECK(exporters::write_cases_csv(c) ==
              "case,kind,stage,to,when,days\n"
              "\"006,A\",stall,Demo,,2024-03-01T09:00:00Z,1.50\n"
              "006B,skip,Lead,Won,,\n");
    }
    SECTION("from a directly-follows table: visits, and stalls n/a") {
        auto agg = r;
        agg.aggregated = true;
        const exporters::ValidateReportInput a{"map.drawio", "dfg.csv", "", &agg, "", {}};
        const std::string t = exporters::write_validate_report(a, exporters::ReportFormat::text);
        CHECK(contains(t, "4 cases (from a directly-follows table: fitness, reach and stalls unavailable)"));
        CHECK(contains(t, "  Lead -> Won: 1 times\n"));
        CHECK(contains(t, "steps (visits, conversion"));
        CHECK(contains(t, "  Demo: 3, 66.7%, 1, 0, 1, n/a\n"));
    }
    SECTION("segments side by side, columns padded to the widest cell") {
        auto west = r;
        west.cases = 10;
        const exporters::ValidateReportInput s{"map.drawio", "log.csv", "",
                                               &r,           "region",  {{"east", r}, {"", west}}};
        const std::string t = exporters::write_validate_report(s, exporters::ReportFormat::text);
        CHECK(contains(t, "\n  by region         east    (empty) \n"));
        CHECK(contains(t, "  cases             4       10      \n"));
        CHECK(contains(t, "  Demo: reach       75.0%   30.0%   \n"));
    }
}

TEST_CASE("validate report as JSON") {
    const auto r = funnel();
    SECTION("files, counts, steps; no mapping keys without a mapping file") {
        const exporters::ValidateReportInput in{"map.drawio", "log.csv", "", &r, "", {}};
        const auto j =
            nlohmann::json::parse(exporters::write_validate_report(in, exporters::ReportFormat::json));
        CHECK(j["map"] == "map.drawio");
        CHECK(j["events"] == "log.csv");
        CHECK(j["fitness"] == 0.75);
        CHECK(j["steps"][1]["drop_off"] == 1);
        CHECK(j["steps"][1]["reach"] == 0.75);
        CHECK(j["unexpected_transitions"][0]["cases"] == 1);
        CHECK_FALSE(j.contains("mapping"));
        CHECK_FALSE(j.contains("segments"));
    }
    SECTION("a mapping file and its targets that name no step") {
        const exporters::ValidateReportInput in{"map.drawio", "log.csv", "map.csv", &r, "", {}};
        const auto j =
            nlohmann::json::parse(exporters::write_validate_report(in, exporters::ReportFormat::json));
        CHECK(j["mapping"] == "map.csv");
        CHECK(j["mapping_unresolved"] == nlohmann::json::parse(R"(["No such step"])"));
    }
    SECTION("aggregated: what cases would tell is null") {
        auto agg = r;
        agg.aggregated = true;
        const exporters::ValidateReportInput in{"map.drawio", "dfg.csv", "", &agg, "", {}};
        const auto j =
            nlohmann::json::parse(exporters::write_validate_report(in, exporters::ReportFormat::json));
        CHECK(j["fitness"].is_null());
        CHECK(j["steps"][0]["cases"].is_null());
        CHECK(j["unexpected_transitions"][0]["cases"].is_null());
    }
    SECTION("segments, each with its value") {
        const exporters::ValidateReportInput in{"map.drawio", "log.csv", "", &r, "region", {{"east", r}}};
        const auto j =
            nlohmann::json::parse(exporters::write_validate_report(in, exporters::ReportFormat::json));
        CHECK(j["segment_column"] == "region");
        REQUIRE(j["segments"].size() == 1);
        CHECK(j["segments"][0]["segment"] == "east");
        CHECK(j["segments"][0]["cases"] == 4);
    }
}

TEST_CASE("validate report as Markdown") {
    const auto r = funnel();
    const exporters::ValidateReportInput in{"map.drawio", "log.csv", "", &r, "region", {{"east", r}}};
    const std::string md = exporters::write_validate_report(in, exporters::ReportFormat::markdown);
    CHECK(md.rfind("# Conformance of log.csv against map.drawio\n\n4 cases, 3 follow the map", 0) == 0);
    CHECK(contains(md, "\n## transitions seen but not on the map\n\n- Lead -> Won: 1 times in 1 cases\n"));
    CHECK(contains(md, "| Demo | 3 (75.0%) | 66.7% | 1 | 0 | 1 | 1 | 0 | - | - | 0.0% |\n"));
    CHECK(contains(md, "\n## By region\n\n| by region | east |\n|---|---|\n| cases | 4 |\n"));
}

TEST_CASE("percent_text: one decimal") {
    CHECK(exporters::percent_text(0) == "0.0%");
    CHECK(exporters::percent_text(2.0 / 3) == "66.7%");
    CHECK(exporters::percent_text(1) == "100.0%");
}
