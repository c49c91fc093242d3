#include <catch2/catch.hpp>

#include "importers/eventlog/log_preview.hpp"

using namespace jstudio;
using namespace jstudio::importers;

TEST_CASE("preview_event_log shows the first rows and the columns the reader will use",
          "[importers][eventlog]") {
    const std::string csv =
        "Opportunity ID;Stage Name;Created Date;Note\r\n"
        "o1;Prospecting;2024-01-01;\"first; with a \"\"quote\"\"\"\r\n"
        "o1;Closed Won;2024-01-09;\n"
        "o2;Prospecting;2024-01-02;x\n";
    SECTION("generic names find nothing: the problem is shown, the rows still are") {
        LogReadOptions generic;
        generic.preset = CsvPreset::none;
        auto p = preview_event_log(csv, "crm.csv", generic, 2);
        REQUIRE(p);
        CHECK(p->format == LogFormat::csv);
        CHECK(p->columns.delimiter == ';');
        CHECK(p->header == std::vector<std::string>{"Opportunity ID", "Stage Name", "Created Date", "Note"});
        REQUIRE(p->rows.size() == 2);
        CHECK(p->rows[0] ==
              std::vector<std::string>{"o1", "Prospecting", "2024-01-01", "first; with a \"quote\""});
        CHECK(p->rows[1] == std::vector<std::string>{"o1", "Closed Won", "2024-01-09", ""});
        CHECK(p->problem.find("case id") != std::string::npos);
    }
    SECTION("without a preset the header is recognised as a Salesforce report's") {
        auto p = preview_event_log(csv, "crm.csv", {});
        REQUIRE(p);
        CHECK(p->problem.empty());
        CHECK(p->columns.preset == CsvPreset::salesforce);
        CHECK(p->columns.preset_detected);
        CHECK(p->columns.case_column == "Opportunity ID");
    }
    SECTION("the Salesforce preset maps the columns") {
        LogReadOptions options;
        options.preset = CsvPreset::salesforce;
        auto p = preview_event_log(csv, "crm.csv", options);
        REQUIRE(p);
        CHECK(p->problem.empty());
        CHECK(p->columns.case_column == "Opportunity ID");
        CHECK(p->columns.activity_column == "Stage Name");
        CHECK(p->columns.time_column == "Created Date");
        CHECK(p->rows.size() == 3);
    }
    SECTION("columns named by hand") {
        LogReadOptions options;
        options.case_column = "Opportunity ID";
        options.activity_column = "Note";
        options.time_column = "Created Date";
        auto p = preview_event_log(csv, "crm.csv", options);
        REQUIRE(p);
        CHECK(p->problem.empty());
        CHECK(p->columns.activity_column == "Note");
        options.time_column = "When";
        CHECK(preview_event_log(csv, "crm.csv", options)->problem.find("'When'") != std::string::npos);
    }
}

TEST_CASE("preview_event_log reads the first events of an XES log", "[importers][eventlog]") {
    const std::string xes = R"(<?xml version="1.0"?><log xes.version="1.0">
      <trace><string key="concept:name" value="c1"/>
        <event><string key="concept:name" value="Lead"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>
        <event><string key="concept:name" value="Won"/><date key="time:timestamp" value="2024-01-03T10:00:00Z"/></event>
      </trace></log>)";
    auto p = preview_event_log(xes, "log.xes", {});
    REQUIRE(p);
    CHECK(p->format == LogFormat::xes);
    REQUIRE(p->rows.size() == 2);
    CHECK(p->rows[0] == std::vector<std::string>{"c1", "Lead", "2024-01-01T10:00:00Z"});
    CHECK(p->rows[1][1] == "Won");
    CHECK_FALSE(preview_event_log("  \n", "empty.csv", {}));
}
