// The discovery report in its three forms and the directly-follows CSV, from a small log read here: three
// deals, two paths, one segment column.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <memory>

#include "core/eventlog/discovery.hpp"
#include "exporters/report/dfg_csv_writer.hpp"
#include "exporters/report/discover_report.hpp"
#include "importers/eventlog/log_reader.hpp"

using namespace jstudio;

namespace {

const char* const deals =
    "deal,stage,when,region\n"
    "d1,Lead,2024-01-01,EMEA\n"
    "d1,Demo,2024-01-03,EMEA\n"
    "d1,Won,2024-01-10,EMEA\n"
    "d2,Lead,2024-01-02,AMER\n"
    "d2,Demo,2024-01-02T12:00:00,AMER\n"
    "d3,Lead,2024-01-05,EMEA\n"
    "d3,\"Won, fast\",2024-01-06,EMEA\n";

struct Read {
    importers::LogReadResult read;
    eventlog::Discovery found;
    exporters::DiscoverReportInput input;
};

// On the heap: the report input points into the log and the discovery beside it.
std::unique_ptr<Read> read_deals(const std::string& segment) {
    importers::LogReadOptions o;
    o.case_column = "deal";
    o.activity_column = "stage";
    o.time_column = "when";
    o.segment_column = segment;
    auto read = importers::read_csv_log(deals, "deals.csv", o);
    REQUIRE(read);
    auto r = std::make_unique<Read>(Read{std::move(*read), {}, {}});
    r->found = eventlog::discover(r->read.log);
    r->input.file = "deals.csv";
    r->input.log_format = "csv";
    r->input.columns = exporters::LogColumnNames{"deal", "stage", "when", ""};
    r->input.log = &r->read.log;
    r->input.found = &r->found;
    return r;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("discover report as text") {
    const auto r = read_deals("");
    const std::string text = exporters::write_discover_report(r->input, exporters::ReportFormat::text);
    SECTION("the summary line, activities, directly-follows and variants") {
        CHECK(text.rfind("3 cases, 7 events, 4 activities, 3 variants; median case duration 1.00 d", 0) == 0);
        CHECK(contains(text, "\n  Lead: 3, 3, 3, 0, "));
        CHECK(contains(text, "directly-follows (3 edges, 4 arcs):\n"));
        CHECK(contains(text, "  Lead -> Demo: 2 (median "));
        CHECK(contains(text, "top variants:\n"));
        CHECK(contains(text, "  1x Lead > Demo > Won\n"));
        CHECK_FALSE(contains(text, "by region"));
    }
    SECTION("per segment: cases, events, variants, median duration, top variant share") {
        auto s = read_deals("region");
        std::vector<std::pair<std::string, eventlog::EventLog>> parts =
            eventlog::split_by_segment(s->read.log);
        s->input.segment_column = "region";
        for (const auto& [value, part] : parts)
            s->input.segments.push_back({value, &part, eventlog::discover(part)});
        const std::string t = exporters::write_discover_report(s->input, exporters::ReportFormat::text);
        CHECK(
            contains(t, "\nby region (cases, events, variants, median case duration, top variant share):\n"));
        CHECK(contains(t, "  AMER: 1, 2, 1, 12.00 h, 100%\n"));
        CHECK(contains(t, "  EMEA: 2, 5, 2, "));
    }
}

TEST_CASE("discover report as JSON") {
    const auto r = read_deals("");
    const auto j =
        nlohmann::json::parse(exporters::write_discover_report(r->input, exporters::ReportFormat::json));
    CHECK(j["file"] == "deals.csv");
    CHECK(j["format"] == "csv");
    CHECK(j["columns"]["case"] == "deal");
    CHECK(j["cases"] == 3);
    CHECK(j["activity_counts"]["Lead"] == 3);
    CHECK(j["start_activities"] == nlohmann::json::parse(R"({"Lead": 3})"));
    CHECK(j["variants_total"] == 3);
    CHECK(j["aggregated"] == false);
    CHECK_FALSE(j.contains("segments"));
    SECTION("an XES log has no columns to report") {
        auto x = read_deals("");
        x->input.log_format = "xes";
        x->input.columns.reset();
        const auto jx =
            nlohmann::json::parse(exporters::write_discover_report(x->input, exporters::ReportFormat::json));
        CHECK_FALSE(jx.contains("columns"));
    }
}

TEST_CASE("discover report as Markdown") {
    const auto r = read_deals("");
    const std::string md = exporters::write_discover_report(r->input, exporters::ReportFormat::markdown);
    CHECK(md.rfind("# Discovery: deals.csv\n\n3 cases, 7 events, 4 activities, 3 variants;", 0) == 0);
    CHECK(contains(md, "\n## Activities\n\n| activity | events | cases | starts | ends |"));
    CHECK(contains(md, "| Lead | Demo | 2 | "));
    CHECK(contains(md, "\n## Top variants\n\n| cases | variant |\n|---|---|\n"));
    CHECK(contains(md, "| 1 | Lead > Won, fast |\n"));
}

TEST_CASE("the directly-follows CSV reads back as the same table") {
    const auto r = read_deals("");
    const std::string csv = exporters::write_dfg_csv(r->read.log, r->found);
    SECTION("starts, edges with durations in seconds, ends; a name with a comma quoted") {
        CHECK(csv.rfind("from,to,count,median_seconds,p90_seconds\n,Lead,3,,\n", 0) == 0);
        CHECK(contains(csv, "\nLead,\"Won, fast\",1,86400,86400\n"));
        CHECK(contains(csv, "\n\"Won, fast\",,1,,\n"));
    }
    SECTION("read as a DFG it gives the same edges") {
        auto back = importers::read_dfg_csv(csv, "dfg.csv", {});
        REQUIRE(back);
        REQUIRE(back->aggregated);
        CHECK(back->aggregated->edges.size() == r->found.edges.size());
        CHECK(back->aggregated->total_arcs == r->found.total_arcs);
        const auto text = exporters::write_discover_report(
            {"dfg.csv", "dfg", std::nullopt, &back->log, &*back->aggregated, "", {}},
            exporters::ReportFormat::text);
        CHECK(contains(text,
                       "(from a directly-follows table: variants, case durations, reach and time in stage "
                       "unavailable)\nactivities (events, starts, ends):\n"));
    }
}

TEST_CASE("duration_text picks the unit") {
    CHECK(exporters::duration_text(12) == "12 s");
    CHECK(exporters::duration_text(90) == "1.5 min");
    CHECK(exporters::duration_text(7200) == "2.00 h");
    CHECK(exporters::duration_text(3 * 86400) == "3.00 d");
}
