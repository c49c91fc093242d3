// The shared event-log corpus: every log reads with the manifest's counts, and the three reference answers
// (*.dfg.json, method in shared/notes/eventlogs.md §2) are reproduced exactly, from XES and from the CSV
// twins.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/discovery_stream.hpp"
#include "importers/eventlog/log_reader.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/discovery_compare.hpp"

using namespace jstudio;

namespace {

// Column names the generic lists cannot guess (the manifest's `cols=` note).
importers::LogReadOptions corpus_log_options(const std::string& file) {
    importers::LogReadOptions o;
    if (file == "eventdataR__patients.csv") {
        o.case_column = "patient";
        o.activity_column = "handling";
        o.time_column = "time";
        o.lifecycle_column = "registration_type";
    } else if (file.find("mobis") != std::string::npos) {
        o.time_column = "end";
    }
    return o;
}

void check_against_reference(const std::filesystem::path& log_path, const nlohmann::json& ref) {
    INFO(log_path.string());
    auto read = importers::read_event_log_file(log_path.string());
    REQUIRE(read);
    const auto& log = read->log;
    const auto d = eventlog::discover(log);
    const auto name = [&](std::uint32_t a) { return log.activity_name(a); };
    CHECK(d.cases == ref["cases"].get<std::uint64_t>());
    CHECK(d.events == ref["events_used"].get<std::uint64_t>());
    std::map<std::string, std::uint64_t> counts, starts, ends;
    for (const auto& a : d.activities) {
        counts[name(a.activity)] = a.events;
        if (a.starts) starts[name(a.activity)] = a.starts;
        if (a.ends) ends[name(a.activity)] = a.ends;
    }
    CHECK(counts == ref["activity_counts"].get<std::map<std::string, std::uint64_t>>());
    CHECK(starts == ref["start_activities"].get<std::map<std::string, std::uint64_t>>());
    CHECK(ends == ref["end_activities"].get<std::map<std::string, std::uint64_t>>());
    // Same edges, same counts, same order (count descending, then names).
    REQUIRE(d.edges.size() == ref["dfg_edge_count"].get<std::size_t>());
    for (std::size_t i = 0; i < d.edges.size(); ++i) {
        const auto& want = ref["dfg"][i];
        CHECK(name(d.edges[i].from) == want["from"].get<std::string>());
        CHECK(name(d.edges[i].to) == want["to"].get<std::string>());
        CHECK(d.edges[i].count == want["count"].get<std::uint64_t>());
    }
    CHECK(d.total_arcs == ref["dfg_total_arcs"].get<std::uint64_t>());
    CHECK(d.variants_total == ref["variants_total"].get<std::uint64_t>());
    const auto& top = ref["variants_top10"];
    REQUIRE(d.variants.size() == top.size());
    for (std::size_t i = 0; i < top.size(); ++i) {
        CHECK(d.variants[i].count == top[i]["count"].get<std::uint64_t>());
        std::vector<std::string> seq;
        for (auto a : d.variants[i].activities) seq.push_back(name(a));
        CHECK(seq == top[i]["variant"].get<std::vector<std::string>>());
    }
    const auto& dur = ref["case_duration_seconds"];
    CHECK(d.case_duration.n == dur["cases_with_duration"].get<std::uint64_t>());
    CHECK(d.case_duration.median == dur["median"].get<double>());
    CHECK(d.case_duration.min == dur["min"].get<double>());
    CHECK(d.case_duration.max == dur["max"].get<double>());
    CHECK(d.case_duration.mean == Approx(dur["mean"].get<double>()).epsilon(1e-12));
    CHECK(d.case_duration_2plus.median == dur["median_2plus_events"].get<double>());
    CHECK(d.equal_time_pairs ==
          ref["diagnostics"]["consecutive_pairs_with_equal_timestamps"].get<std::uint64_t>());
    CHECK(log.counts.cases_reordered ==
          ref["diagnostics"]["cases_whose_order_changed_by_time_sort"].get<std::uint64_t>());
}

}  // namespace

TEST_CASE("reference answers are reproduced exactly", "[importers][eventlog][corpus]") {
    const auto dir = test::corpus_dir("eventlogs");
    if (!dir) return test::corpus_missing("eventlogs");
    int checked = 0;
    for (const auto& [ref_name, twins] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"pm4py__running-example.xes.dfg.json",
              {"pm4py__running-example.xes", "pm4py__running-example.csv"}},
             {"pm4py__roadtraffic100traces.xes.dfg.json",
              {"pm4py__roadtraffic100traces.xes", "pm4py__roadtraffic100traces.csv"}},
             {"pm4py__helpdesk.xes.gz.dfg.json", {"pm4py__helpdesk.xes.gz"}}}) {
        const auto ref = nlohmann::json::parse(test::read_text(*dir / ref_name));
        for (const auto& log : twins) {
            check_against_reference(*dir / log, ref);
            ++checked;
        }
    }
    CHECK(checked == 5);
}

TEST_CASE("every corpus log reads with the manifest's counts", "[importers][eventlog][corpus]") {
    const auto dir = test::corpus_dir("eventlogs");
    if (!dir) return test::corpus_missing("eventlogs");
    int checked = 0;
    for (const auto& row : test::read_tsv(*dir / "MANIFEST.tsv")) {
        const std::string file = test::field(row, "local_file");
        const std::string format = test::field(row, "format");
        if (format.find("DFG") != std::string::npos) continue;
        INFO(file);
        importers::LogReadOptions o = corpus_log_options(file);
        auto read = importers::read_event_log_file((*dir / file).string(), o);
        REQUIRE(read);
        const auto& log = read->log;
        CHECK(log.cases.size() == std::stoull(test::field(row, "cases")));
        CHECK(log.counts.events_in_file == std::stoull(test::field(row, "events")));
        CHECK(eventlog::discover(log).events == std::stoull(test::field(row, "events_complete")));
        CHECK(log.counts.rows_bad == 0);
        ++checked;
    }
    CHECK(checked == 17);
}

TEST_CASE("every corpus CSV streamed gives discover's answer, or is read whole",
          "[importers][eventlog][corpus]") {
    const auto dir = test::corpus_dir("eventlogs");
    if (!dir) return test::corpus_missing("eventlogs");
    int streamed = 0, refused = 0;
    for (const auto& row : test::read_tsv(*dir / "MANIFEST.tsv")) {
        const std::string file = test::field(row, "local_file");
        if (file.size() < 4 || file.substr(file.size() - 4) != ".csv") continue;
        INFO(file);
        importers::LogReadOptions o = corpus_log_options(file);
        auto whole = importers::read_event_log_file((*dir / file).string(), o);
        REQUIRE(whole);
        eventlog::DiscoveryStream stream;
        o.sink = &stream;
        auto read = importers::read_event_log_file((*dir / file).string(), o);
        REQUIRE(read);
        if (read->sink_refused) {
            // Only a log with a case out of time order may be refused.
            CHECK(whole->log.counts.cases_reordered > 0);
            ++refused;
            continue;
        }
        REQUIRE(read->streamed);
        CHECK(read->log.cases.empty());
        CHECK(read->log.counts.events_in_file == whole->log.counts.events_in_file);
        const auto a = stream.finish(read->log, 10);
        const auto b = eventlog::discover(whole->log, 10);
        CHECK(read->log.activities() == whole->log.activities());
        test::check_same_discovery(a, b);
        ++streamed;
    }
    CHECK(streamed + refused >= 8);
    CHECK(streamed >= 1);
}
