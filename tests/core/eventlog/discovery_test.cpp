#include <catch2/catch.hpp>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

using namespace jstudio::eventlog;

namespace {
constexpr std::int64_t sec = 1000000;

// Cases as "id: a@t b@t ..." with t in seconds; "a" without '@' has no time.
EventLog make_log(
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::int64_t>>>> cases) {
    EventLog log;
    for (auto& [id, events] : cases) {
        Case c;
        c.id = id;
        for (auto& [act, t] : events) c.events.push_back({t * sec, log.activity_id(act), t >= 0});
        log.cases.push_back(std::move(c));
    }
    log.order_events();
    return log;
}

std::uint64_t edge_count(const EventLog& log, const Discovery& d, std::string_view from,
                         std::string_view to) {
    for (const auto& e : d.edges)
        if (log.activity_name(e.from) == from && log.activity_name(e.to) == to) return e.count;
    return 0;
}
}  // namespace

TEST_CASE("spread: median of even counts and linear p90", "[core][eventlog][discovery]") {
    auto s = spread_of({4, 1, 3, 2});
    CHECK(s.median == 2.5);
    CHECK(s.p90 == Approx(3.7));
    CHECK(s.min == 1);
    CHECK(s.max == 4);
    CHECK(spread_of({}).n == 0);
    CHECK(spread_of({7}).p90 == 7);
}

TEST_CASE("directly-follows graph, start/end, variants and durations", "[core][eventlog][discovery]") {
    // c3 is written out of time order: sorting must put Lead before Demo; c4 has a tie kept in file order.
    auto log = make_log({{"c1", {{"Lead", 0}, {"Demo", 100}, {"Won", 300}}},
                         {"c2", {{"Lead", 0}, {"Demo", 50}, {"Demo", 60}, {"Lost", 1000}}},
                         {"c3", {{"Demo", 200}, {"Lead", 10}, {"Won", 400}}},
                         {"c4", {{"Lead", 5}, {"Lost", 5}}}});
    CHECK(log.counts.cases_reordered == 1);
    const auto d = discover(log);
    CHECK(d.cases == 4);
    CHECK(d.events == 12);
    CHECK(d.total_arcs == 8);
    CHECK(d.edges.size() == 5);
    CHECK(edge_count(log, d, "Lead", "Demo") == 3);
    CHECK(edge_count(log, d, "Demo", "Won") == 2);
    CHECK(edge_count(log, d, "Demo", "Demo") == 1);  // self-loops count
    CHECK(edge_count(log, d, "Demo", "Lost") == 1);
    CHECK(edge_count(log, d, "Lead", "Lost") == 1);
    CHECK(log.activity_name(d.edges.front().from) == "Lead");  // busiest edge first
    CHECK(d.edges.front().duration.median == 100);             // Lead->Demo: 100, 50, 190 s
    CHECK(d.equal_time_pairs == 1);
    // Variants: Lead>Demo>Won twice, then the two singles by name order.
    REQUIRE(d.variants_total == 3);
    CHECK(d.variants[0].count == 2);
    CHECK(log.activity_name(d.variants[1].activities[1]) == "Demo");  // Lead>Demo>Demo>Lost < Lead>Lost
    CHECK(log.activity_name(d.variants[2].activities[1]) == "Lost");
    // Case durations 300, 1000, 390, 0: median (300+390)/2.
    CHECK(d.case_duration.median == 345);
    CHECK(d.case_duration.max == 1000);
    // Per activity: reach counts cases, not events.
    const auto& demo = *std::find_if(d.activities.begin(), d.activities.end(), [&](const ActivityStats& a) {
        return log.activity_name(a.activity) == "Demo";
    });
    CHECK(demo.events == 4);
    CHECK(demo.cases == 3);
    CHECK(demo.starts == 0);
    CHECK(demo.ends == 0);
    CHECK(demo.time_in_stage.n == 4);  // 200, 10, 940, 200
    CHECK(demo.time_in_stage.median == 200);
}

TEST_CASE("untimed events sort last and do not count in durations", "[core][eventlog][discovery]") {
    auto log = make_log({{"c1", {{"B", -1}, {"A", 10}, {"C", 20}}}, {"c2", {}}});
    CHECK(log.cases.size() == 1);  // the empty case is dropped
    CHECK(log.counts.cases_empty == 1);
    const auto d = discover(log);
    REQUIRE(d.variants.size() == 1);
    CHECK(log.activity_name(d.variants[0].activities.back()) == "B");
    CHECK(d.case_duration.median == 10);
}

TEST_CASE("top variants limit and segmentation", "[core][eventlog][discovery]") {
    auto log = make_log({{"a", {{"X", 0}}}, {"b", {{"Y", 0}}}, {"c", {{"X", 0}, {"Y", 1}}}});
    log.cases[0].segment = "web";
    log.cases[1].segment = "store";
    log.cases[2].segment = "web";
    CHECK(discover(log, 2).variants.size() == 2);
    CHECK(discover(log, 2).variants_total == 3);
    CHECK(discover(log, 0).variants.size() == 3);
    const auto parts = split_by_segment(log);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].first == "web");
    CHECK(parts[0].second.cases.size() == 2);
    CHECK(parts[1].first == "store");
    CHECK(discover(parts[1].second).events == 1);
    CHECK(parts[1].second.activity_name(1) == "Y");  // same ids as the whole log
}

TEST_CASE("activity names hold valid UTF-8 only", "[eventlog]") {
    jstudio::eventlog::EventLog log;
    SECTION("a broken byte becomes U+FFFD, and the broken name finds that activity again") {
        const auto id = log.activity_id(
            "a\xF0"
            "b");
        CHECK(log.activities().at(id) ==
              "a\xEF\xBF\xBD"
              "b");
        CHECK(log.activity_id("a\xF0"
                              "b") == id);
        CHECK(log.activity_id("a\xEF\xBF\xBD"
                              "b") == id);
    }
    SECTION("valid names are kept as they are") {
        const auto id = log.activity_id("Caf\xC3\xA9");
        CHECK(log.activities().at(id) == "Caf\xC3\xA9");
    }
}
