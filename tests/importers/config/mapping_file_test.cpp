// The activity -> step mapping file: CSV with its column aliases, JSON as an object or a list, and bad files
// refused with the file (and row) named.
#include <catch2/catch.hpp>

#include <algorithm>

#include "importers/config/mapping_file.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {

using Rows = std::vector<std::pair<std::string, std::string>>;

Rows rows_of(const Result<std::vector<eventlog::MappingRow>>& read) {
    REQUIRE(read);
    Rows out;
    for (const auto& r : read.value()) out.emplace_back(r.activity, r.target);
    return out;
}

}  // namespace

TEST_CASE("parse_mapping") {
    SECTION("CSV: activity and step columns in any order and case, '-' kept for ignored activities") {
        CHECK(rows_of(importers::parse_mapping("Step,Activity\nLead,New lead\n-,Newsletter\n", "m.csv")) ==
              Rows{{"New lead", "Lead"}, {"Newsletter", "-"}});
    }
    SECTION("CSV: stage, target and step_id name the step column too; ; as delimiter") {
        CHECK(rows_of(importers::parse_mapping("activity;stage\nIntro call;demo\n", "m.csv")) ==
              Rows{{"Intro call", "demo"}});
        CHECK(rows_of(importers::parse_mapping("activity,target\na,b\n", "m.csv")) == Rows{{"a", "b"}});
        CHECK(rows_of(importers::parse_mapping("step_id,activity\ncell-3,a\n", "m.csv")) ==
              Rows{{"a", "cell-3"}});
    }
    SECTION("JSON object: activity -> step; values that are no string are left out") {
        CHECK(rows_of(importers::parse_mapping(R"(  {"New lead": "Lead", "x": 3})", "m.json")) ==
              Rows{{"New lead", "Lead"}});
    }
    SECTION("JSON list of objects, the step under any of its names") {
        CHECK(rows_of(importers::parse_mapping(
                  R"([{"activity": "a", "step": "A"}, {"activity": "b", "stage": "B"}, {"activity": "c"}])",
                  "m.json")) == Rows{{"a", "A"}, {"b", "B"}, {"c", ""}});
    }
    SECTION("bad files") {
        auto bad_json = importers::parse_mapping("{\"a\": ", "m.json");
        REQUIRE_FALSE(bad_json);
        CHECK(bad_json.error().message == "mapping file is not valid JSON");
        CHECK(bad_json.error().to_string().find("m.json") != std::string::npos);

        auto no_activity = importers::parse_mapping(R"([{"step": "A"}])", "m.json");
        REQUIRE_FALSE(no_activity);
        CHECK(no_activity.error().message == "mapping entries need an \"activity\"");

        auto empty = importers::parse_mapping("", "m.csv");
        REQUIRE_FALSE(empty);
        CHECK(empty.error().message == "mapping file is empty");

        auto no_step = importers::parse_mapping("activity,when\na,b\n", "m.csv");
        REQUIRE_FALSE(no_step);
        CHECK(no_step.error().message == "a mapping CSV needs an 'activity' and a 'step' column");

        auto short_row = importers::parse_mapping("activity,step\na,A\nb\n", "m.csv");
        REQUIRE_FALSE(short_row);
        CHECK(short_row.error().message == "mapping row has too few columns");
        CHECK(short_row.error().where.csv_row == 2u);
    }
}

TEST_CASE("read_mapping_file reads the repository's examples alike") {
    const auto csv =
        importers::read_mapping_file(test::data_path("eventlog/validate/crm_mapping.csv").string());
    const auto json =
        importers::read_mapping_file(test::data_path("eventlog/validate/crm_mapping.json").string());
    auto sorted = [](Rows r) {
        std::sort(r.begin(), r.end());
        return r;
    };
    CHECK(rows_of(csv).size() == 6);
    CHECK(sorted(rows_of(csv)) == sorted(rows_of(json)));
    SECTION("a missing file") {
        CHECK_FALSE(importers::read_mapping_file("/nonexistent/m.csv"));
    }
}
