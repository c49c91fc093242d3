#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <map>

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

TEST_CASE("CSV: CRM exports are recognised by their header", "[importers][eventlog][csv]") {
    const auto header = [](std::string_view line) {
        std::vector<std::string> out;
        for (const auto& row : read_csv_rows(line)) out = row;
        return out;
    };
    SECTION("each vendor's documented columns give its preset; a plain event log none") {
        const std::vector<std::pair<std::string, CsvPreset>> cases{
            {"Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount", CsvPreset::salesforce},
            {"Id,OpportunityId,CreatedDate,Field,DataType,OldValue,NewValue",
             CsvPreset::salesforce_field_history},
            {"Id,LeadId,CreatedDate,Field,OldValue,NewValue,IsDeleted", CsvPreset::salesforce_lead_history},
            {"Deal ID,Deal Name,Deal Stage,Date entered stage", CsvPreset::hubspot},
            {"dealId,property,value,timestamp,sourceType,sourceId", CsvPreset::hubspot_property_history},
            {"opportunityid,name,Active Stage,activestagestartedon", CsvPreset::dynamics},
            {"id,item_id,field_key,old_value,new_value,log_time", CsvPreset::pipedrive},
            {"Record Id,Deal Name.id,Deal Name,Stage,Stage Duration (Calendar Days),Last Modified Time",
             CsvPreset::zoho},
            {"case,activity,timestamp", CsvPreset::none},
            {"deal,stage,when,region", CsvPreset::none},
            {"Case ID,Activity,Stage,Modified Time", CsvPreset::none},  // generic words are no vendor's
        };
        for (const auto& [line, preset] : cases) {
            INFO(line);
            CHECK(detect_preset(header(line)) == preset);
        }
        for (CsvPreset p : all_presets()) CHECK(preset_from_name(preset_name(p)) == p);
    }
    SECTION("OpportunityHistory read without a preset, and said as detected") {
        auto r = read_csv(
            "OpportunityId,StageName,CreatedDate,Amount\n"
            "006A,Prospecting,2023-01-05T10:22:33.000+0000,\"1,000.00\"\n"
            "006A,Qualification,2023-01-09T08:00:00.000+0000,\"1,000.00\"\n");
        REQUIRE(r);
        CHECK(r->columns.preset == CsvPreset::salesforce);
        CHECK(r->columns.preset_detected);
        CHECK(sequence(*r, 0) == "Prospecting>Qualification");
        LogReadOptions none;
        none.preset = CsvPreset::none;
        CHECK_FALSE(read_csv("OpportunityId,StageName,CreatedDate\n006A,Prospecting,2023-01-05\n", none));
    }
    SECTION("field history: only stage rows, the first stage from OldValue at the created row") {
        auto r = read_csv(
            "Id,OpportunityId,CreatedDate,Field,OldValue,NewValue\n"
            "1,006A,2023-01-01T09:00:00.000+0000,created,,\n"
            "2,006A,2023-01-05T09:00:00.000+0000,StageName,Prospecting,Qualification\n"
            "3,006A,2023-01-06T09:00:00.000+0000,Amount,100,200\n"
            "4,006A,2023-01-09T09:00:00.000+0000,StageName,Qualification,Closed Won\n"
            "5,006B,2023-01-07T09:00:00.000+0000,StageName,Prospecting,Proposal\n");
        REQUIRE(r);
        CHECK(r->columns.preset == CsvPreset::salesforce_field_history);
        CHECK(r->columns.filter_column == "Field");
        CHECK(r->log.counts.rows_other_field == 2);
        CHECK(r->log.counts.events_in_file == 3);
        REQUIRE(r->log.cases.size() == 2);
        CHECK(sequence(*r, 0) == "Prospecting>Qualification>Closed Won");
        // entered Prospecting when created (Jan 1), not just before its first change
        CHECK(r->log.cases[0].events[0].time_us == std::int64_t(1672563600) * 1000000);
        // no created row: just before the first change
        CHECK(sequence(*r, 1) == "Prospecting>Proposal");
        CHECK(r->log.cases[1].events[0].time_us == r->log.cases[1].events[1].time_us - 1);
    }
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

TEST_CASE("CSV streaming: records across chunk boundaries read as in one piece",
          "[importers][eventlog][csv]") {
    // ~3 MiB: several 1 MiB windows, with quoted multi-line fields and doubled quotes cut at any offset.
    std::string text = "case,activity,timestamp,note\n";
    const int cases = 20000;
    for (int i = 0; i < cases; ++i)
        for (int k = 0; k < 3; ++k)
            text += "c" + std::to_string(i) + "," +
                    (k == 1 ? "\"Say \"\"hi\"\"\nagain\"" : "Step" + std::to_string(k)) + ",2024-01-0" +
                    std::to_string(k + 1) + "T10:00:00Z,\"padding, padding, padding " +
                    std::to_string(i * 7 % 1000) + "\"\n";
    REQUIRE(text.size() > (std::size_t(3) << 20));
    auto r = read_csv(text);
    REQUIRE(r);
    CHECK(r->log.counts.events_in_file == 3 * cases);
    CHECK(r->log.counts.rows_bad == 0);
    REQUIRE(r->log.cases.size() == cases);
    for (int i : {0, 4567, cases - 1})
        CHECK(sequence(*r, static_cast<std::size_t>(i)) == "Step0>Say \"hi\"\nagain>Step2");
    // The last row's line number counts the line breaks inside quotes: a bad row there says so.
    auto bad = read_csv(text + "c1,X,not a time,\"n\"\n");
    REQUIRE(bad);
    REQUIRE_FALSE(bad->diagnostics.empty());
    CHECK(bad->diagnostics.front().where.csv_row == 3 * cases + 1);
    CHECK(bad->diagnostics.front().where.line == 2 + 4 * cases);
}

TEST_CASE("Directly-follows CSV: starts, ends, edges, bad rows", "[importers][eventlog][dfg]") {
    const std::string text =
        "from,to,count,median_seconds,p90_seconds\n"
        ",Lead,8,,\n,Demo,2,,\n"
        "Lead,Demo,6,86400,172800\nLead,Proposal,2,3600,7200\nDemo,Proposal,7,,\n"
        "Demo,Proposal,x,,\n"
        "Proposal,Won,5,60,90\n"
        "Demo,,1,,\nProposal,,4,,\nWon,,5,,\n";
    CHECK(looks_like_dfg_csv(text));
    CHECK_FALSE(looks_like_dfg_csv("case,activity,timestamp\n"));
    auto r = read_dfg_csv(text, "dfg.csv", {});
    REQUIRE(r);
    REQUIRE(r->aggregated);
    const auto& d = *r->aggregated;
    CHECK(d.aggregated);
    CHECK(d.cases == 10);
    CHECK(d.total_arcs == 20);
    CHECK(d.events == 30);
    REQUIRE(d.edges.size() == 4);
    CHECK(r->log.activity_name(d.edges[0].from) == "Demo");  // 7, the most frequent
    CHECK(d.edges[0].duration.n == 0);
    CHECK(d.edges[1].count == 6);
    CHECK(d.edges[1].duration.median == 86400);
    CHECK(d.edges[1].duration.p90 == 172800);
    CHECK(r->log.counts.rows_bad == 1);
    CHECK(r->diagnostics.front().where.csv_row == 6);
    std::map<std::string, std::uint64_t> events, ends;
    for (const auto& a : d.activities) {
        events[r->log.activity_name(a.activity)] = a.events;
        ends[r->log.activity_name(a.activity)] = a.ends;
    }
    CHECK(events ==
          std::map<std::string, std::uint64_t>{{"Lead", 8}, {"Demo", 8}, {"Proposal", 9}, {"Won", 5}});
    CHECK(ends ==
          std::map<std::string, std::uint64_t>{{"Lead", 0}, {"Demo", 1}, {"Proposal", 4}, {"Won", 5}});
    LogReadOptions strict;
    strict.bad_rows = BadRows::fatal;
    CHECK_FALSE(read_dfg_csv(text, "dfg.csv", strict));
}

TEST_CASE("read_csv_rows: small tables such as mapping files", "[importers][eventlog][csv]") {
    const auto rows = read_csv_rows("activity;step\r\n\"a;b\";Demo\n\nx;-\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"a;b", "Demo"});
    CHECK(rows[2] == std::vector<std::string>{"x", "-"});
}

TEST_CASE("CSV and XES: one endless record or element is bounded (gzip one-line bombs)",
          "[importers][eventlog]") {
    LogReadOptions o;
    o.max_record_bytes = 1 << 20;
    SECTION("a CSV line longer than the bound") {
        std::string text = "case,activity,time\n1,A,2024-01-01\n" + std::string(5 << 20, 'x');
        auto r = read_csv(text, o);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::too_large);
        CHECK(r.error().where.file == "t.csv");
        CHECK(r.error().where.line == 3);
        o.max_record_bytes = 16 << 20;
        CHECK(read_csv(text, o));  // a bad row, not a bomb, under a bound that fits it
    }
    SECTION("an XES attribute value longer than the bound") {
        std::string text =
            "<log><trace><event><string key=\"concept:name\" value=\"" + std::string(5 << 20, 'A');
        auto r = read_xes_log(text, "t.xes", o);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::too_large);
        CHECK(r.error().message.find("XML element") != std::string::npos);
    }
    SECTION("a header of 50,000 columns gives a short message") {
        std::string header;
        for (int i = 0; i < 50000; ++i) header += "c" + std::to_string(i) + ",";
        auto r = read_csv(header + "\n", {});
        REQUIRE_FALSE(r);
        CHECK(r.error().message.size() < 300);
        CHECK(r.error().message.find("more") != std::string::npos);
    }
}

namespace {
// Everything a sink is told, in order.
struct RecordingSink : eventlog::EventSink {
    std::vector<std::string> ids, names;
    std::vector<eventlog::SinkEvent> events;
    bool add(std::uint32_t c, std::uint32_t a, std::int64_t t) override {
        events.push_back({c, a, t});
        return true;
    }
    void case_seen(std::uint32_t c, std::string_view id) override {
        CHECK(c == ids.size());  // numbers in order of first appearance
        ids.emplace_back(id);
    }
    void activity_seen(std::uint32_t a, std::string_view name) override {
        CHECK(a == names.size());
        names.emplace_back(name);
    }
};
}  // namespace

TEST_CASE("CSV streamed to a sink: the cases, activities and events of the whole read, in file order",
          "[importers][eventlog][csv]") {
    // 300 rows in time order over 40 cases, ids short and long (past the 24 bytes a case-index slot holds),
    // some sharing their first 16 bytes; rows whose lifecycle is not complete make their case exist only.
    std::string csv = "case,activity,time,lifecycle\n";
    for (int k = 0; k < 300; ++k) {
        const int c = (k * 7) % 40;
        const std::string id = c % 3 == 0   ? "opportunity-with-a-long-id-" + std::to_string(c)
                               : c % 3 == 1 ? "006" + std::to_string(c)
                                            : "opportunity-with-a-long-" + std::to_string(c);
        char time[32];
        std::snprintf(time, sizeof time, "2024-01-%02dT%02d:%02d:00Z", 1 + k / 100, (k / 10) % 10, k % 60);
        csv += id + ",stage " + std::to_string(k % 5) + "," + time + "," +
               (k % 11 == 0 ? "start" : "complete") + "\n";
    }
    const auto whole = read_csv(csv);
    REQUIRE(whole);
    RecordingSink sink;
    LogReadOptions o;
    o.sink = &sink;
    const auto streamed = read_csv(csv, o);
    REQUIRE(streamed);
    CHECK(streamed->streamed);
    CHECK_FALSE(streamed->sink_refused);
    CHECK(sink.names == whole->log.activities());
    // The whole read drops cases left empty; the sink saw every case, in the same order.
    std::vector<std::string> kept;
    std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, std::int64_t>>> by_case;
    for (const auto& e : sink.events) by_case[e.case_index].push_back({e.activity, e.time_us});
    for (std::uint32_t c = 0; c < sink.ids.size(); ++c)
        if (by_case.count(c)) kept.push_back(sink.ids[c]);
    REQUIRE(kept.size() == whole->log.cases.size());
    std::size_t k = 0;
    for (std::uint32_t c = 0; c < sink.ids.size(); ++c) {
        if (!by_case.count(c)) continue;
        const auto& wc = whole->log.cases[k++];
        CHECK(wc.id == sink.ids[c]);
        REQUIRE(wc.events.size() == by_case[c].size());
        for (std::size_t i = 0; i < wc.events.size(); ++i) {
            CHECK(wc.events[i].activity == by_case[c][i].first);
            CHECK(wc.events[i].time_us == by_case[c][i].second);
        }
    }
    CHECK(sink.ids.size() == 40);
}
