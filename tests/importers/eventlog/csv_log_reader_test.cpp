#include <catch2/catch.hpp>

#include <zlib.h>

#include <fstream>

#include "core/eventlog/discovery.hpp"
#include "importers/eventlog/log_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using namespace jstudio::importers;

namespace {
Result<LogReadResult> read_csv(std::string_view text, LogReadOptions o = {}) {
    return read_csv_log(text, "t.csv", o);
}

std::string sequence(const LogReadResult& r, std::size_t case_index) {
    std::string s;
    for (const auto& e : r.log.cases.at(case_index).events)
        s += (s.empty() ? "" : ">") + r.log.activity_name(e.activity);
    return s;
}
}  // namespace

TEST_CASE("CSV: delimiter, quotes and column detection", "[importers][eventlog][csv]") {
    SECTION("comma, pm4py names win over look-alikes") {
        auto r = read_csv(
            "Activity,case:concept:name,concept:name,time:timestamp\n"
            "x,c1,Lead,2024-01-01 10:00\n"
            "x,c1,\"Demo, remote\",2024-01-02 10:00\n");
        REQUIRE(r);
        CHECK(r->columns.activity_column == "concept:name");
        CHECK(r->columns.delimiter == ',');
        CHECK(sequence(*r, 0) == "Lead>Demo, remote");
    }
    SECTION("semicolon with doubled quotes and CRLF") {
        auto r = read_csv(
            "Case ID;Activity;Complete Timestamp\r\n1;\"Say \"\"hi\"\"\";2024/01/01 10:00:00.000\r\n"
            "1;Bye;2024/01/01 11:00:00.000\r\n");
        REQUIRE(r);
        CHECK(r->columns.delimiter == ';');
        CHECK(r->columns.case_column == "Case ID");
        CHECK(sequence(*r, 0) == "Say \"hi\">Bye");
    }
    SECTION("tab, newline inside a quoted field") {
        auto r = read_csv("case\tactivity\ttimestamp\nA\t\"two\nlines\"\t1700000000\nA\tnext\t1700000100\n");
        REQUIRE(r);
        CHECK(r->columns.delimiter == '\t');
        CHECK(sequence(*r, 0) == "two\nlines>next");
    }
    SECTION("explicit columns override detection") {
        LogReadOptions o;
        o.case_column = "who";
        o.activity_column = "what";
        o.time_column = "WHEN";  // case-insensitive
        auto r = read_csv(
            "who,what,when,case\nu1,signup,2024-01-01,zz\nu1,pay,2024-01-03,zz\nu2,signup,2024-01-02,zz\n",
            o);
        REQUIRE(r);
        CHECK(r->log.cases.size() == 2);
        o.case_column = "nope";
        auto bad = read_csv("who,what,when\n", o);
        REQUIRE_FALSE(bad);
        CHECK(bad.error().message.find("no case id column 'nope'") != std::string::npos);
    }
    SECTION("no recognisable column is a clear error") {
        auto r = read_csv("a,b,c\n1,2,3\n");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("case id") != std::string::npos);
        CHECK(r.error().message.find("'a', 'b', 'c'") != std::string::npos);
    }
    SECTION("day-first decided by the data") {
        auto r = read_csv("case,activity,timestamp\n1,A,02/03/2024\n1,B,01/03/2024\n2,A,13/03/2024\n");
        REQUIRE(r);
        // Read day-first (13/03 forces it): A on 2 March comes after B on 1 March.
        CHECK(sequence(*r, 0) == "B>A");
    }
}

TEST_CASE("CSV: Salesforce and HubSpot presets", "[importers][eventlog][csv]") {
    LogReadOptions o;
    o.preset = CsvPreset::salesforce;
    auto sf = read_csv(
        "Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount\n"
        "h1,006A,005x,2023-01-05T10:22:33.000+0000,Prospecting,100\n"
        "h2,006A,005x,2023-01-09T08:00:00.000+0000,Qualification,100\n"
        "h3,006B,005x,2023-01-06T08:00:00.000+0000,Prospecting,50\n"
        "h4,006A,005x,2023-01-20T08:00:00.000+0000,Closed Won,100\n",
        o);
    REQUIRE(sf);
    CHECK(sf->columns.case_column == "OpportunityId");
    CHECK(sf->columns.activity_column == "StageName");
    CHECK(sf->columns.time_column == "CreatedDate");
    CHECK(sequence(*sf, 0) == "Prospecting>Qualification>Closed Won");
    o.preset = CsvPreset::hubspot;
    auto hs = read_csv(
        "Deal ID,Deal Name,Deal Stage,Date entered stage\n"
        "11,Acme,appointmentscheduled,1672531200000\n"
        "11,Acme,closedwon,1675209600000\n",
        o);
    REQUIRE(hs);
    CHECK(hs->columns.case_column == "Deal ID");
    CHECK(hs->columns.time_column == "Date entered stage");
    CHECK(sequence(*hs, 0) == "appointmentscheduled>closedwon");
    CHECK(hs->log.cases[0].events[0].time_us == std::int64_t(1672531200) * 1000000);
}

TEST_CASE("CSV: bad rows are reported by row and skipped, or fatal", "[importers][eventlog][csv]") {
    const std::string text =
        "case,activity,timestamp\n"
        "c1,A,2024-01-01 10:00\n"    // row 1
        ",A,2024-01-01 10:00\n"      // row 2: missing case id
        "c1,B,not a date\n"          // row 3: unparseable time
        "c1,C,2024-01-01 12:00,x\n"  // row 4: wrong column count
        "c1,,2024-01-01 12:00\n"     // row 5: missing activity
        "c1,D,\n"                    // row 6: missing time
        "\n"                         // blank line: not a row
        "c2,A,2024-01-02 10:00\n";   // row 7
    SECTION("skip") {
        auto r = read_csv(text);
        REQUIRE(r);
        CHECK(r->log.counts.rows_bad == 5);
        CHECK(r->log.counts.events_in_file == 7);
        CHECK(r->log.cases.size() == 2);
        REQUIRE(r->diagnostics.size() == 6);
        CHECK(r->diagnostics[0].where.csv_row == 2);
        CHECK(r->diagnostics[0].where.line == 3);
        CHECK(r->diagnostics[0].message == "missing case id");
        CHECK(r->diagnostics[1].where.csv_row == 3);
        CHECK(r->diagnostics[1].message == "cannot read timestamp 'not a date'");
        CHECK(r->diagnostics[2].where.csv_row == 4);
        CHECK(r->diagnostics[2].message == "row has 4 columns, the header has 3");
        CHECK(r->diagnostics[3].message == "missing activity");
        CHECK(r->diagnostics[4].message == "missing timestamp");
        CHECK(r->diagnostics[5].message == "5 bad row(s) skipped of 7");
        CHECK(r->diagnostics[0].to_string().find("t.csv") != std::string::npos);
    }
    SECTION("only the first N are listed") {
        LogReadOptions o;
        o.max_reported_rows = 2;
        auto r = read_csv(text, o);
        REQUIRE(r);
        REQUIRE(r->diagnostics.size() == 4);
        CHECK(r->diagnostics[2].message == "3 more bad rows not listed");
    }
    SECTION("fatal") {
        LogReadOptions o;
        o.bad_rows = BadRows::fatal;
        auto r = read_csv(text, o);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_csv);
        CHECK(r.error().where.csv_row == 2);
        CHECK(r.error().message == "missing case id");
    }
    SECTION("trailing empty cells are not a wrong column count") {
        auto r = read_csv("case,activity,timestamp,note\nc1,A,2024-01-01,\nc1,B,2024-01-02\n");
        REQUIRE(r);
        CHECK(r->log.counts.rows_bad == 0);
    }
}

TEST_CASE("CSV: lifecycle keeps complete events only", "[importers][eventlog][csv]") {
    auto r = read_csv(
        "case,activity,timestamp,lifecycle:transition\n1,A,2024-01-01,start\n1,A,2024-01-02,COMPLETE\n"
        "1,B,2024-01-03,\n2,C,2024-01-01,start\n");
    REQUIRE(r);
    CHECK(r->log.counts.events_lifecycle_skipped == 2);
    CHECK(r->log.cases.size() == 1);  // case 2 had only a start event
    CHECK(r->log.counts.cases_empty == 1);
    CHECK(sequence(*r, 0) == "A>B");
}

TEST_CASE("gzip input is detected by its magic bytes", "[importers][eventlog][gzip]") {
    const auto dir = test::temp_dir("eventlog-gz");
    const auto path = (dir / "log.csv.whatever").string();
    const std::string text = "case,activity,timestamp\nc1,A,2024-01-01\nc1,B,2024-01-02\n";
    gzFile gz = gzopen(path.c_str(), "wb");
    REQUIRE(gz);
    gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
    gzclose(gz);
    auto r = read_event_log_file(path);
    REQUIRE(r);
    CHECK(r->format == LogFormat::csv);
    CHECK(sequence(*r, 0) == "A>B");
    // A truncated gzip is an error naming the file, not a crash.
    auto bytes = test::read_text(path);
    std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    auto bad = read_event_log_file(path);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().where.file == path);
}
