// The format names the CLI takes and the file extensions Save Report goes by.
#include <catch2/catch.hpp>

#include "exporters/report/report_format.hpp"

using jstudio::exporters::ReportFormat;

TEST_CASE("report formats") {
    SECTION("by name, as --format spells them") {
        CHECK(jstudio::exporters::parse_report_format("text") == ReportFormat::text);
        CHECK(jstudio::exporters::parse_report_format("json") == ReportFormat::json);
        CHECK(jstudio::exporters::parse_report_format("markdown") == ReportFormat::markdown);
        CHECK_FALSE(jstudio::exporters::parse_report_format("md"));
        CHECK_FALSE(jstudio::exporters::parse_report_format(""));
    }
    SECTION("by a file's extension, in any case") {
        CHECK(jstudio::exporters::report_format_for_path("/tmp/r.json") == ReportFormat::json);
        CHECK(jstudio::exporters::report_format_for_path("R.MD") == ReportFormat::markdown);
        CHECK(jstudio::exporters::report_format_for_path("notes.markdown") == ReportFormat::markdown);
        CHECK(jstudio::exporters::report_format_for_path("report.txt") == ReportFormat::text);
        CHECK(jstudio::exporters::report_format_for_path("json") == ReportFormat::text);
        CHECK(jstudio::exporters::report_format_for_path("") == ReportFormat::text);
    }
}
