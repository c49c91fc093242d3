#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <unordered_map>

#include "core/eventlog/activity_steps.hpp"
#include "core/eventlog/conformance_stream.hpp"

using namespace jstudio::eventlog;

namespace {
constexpr std::int64_t sec = 1000000;

struct Row {
    std::string case_id, activity;
    std::int64_t t;  // seconds
};

// A five-stage pipeline as `journey new --stages` draws it: each stage leads to the next.
StepModel pipeline() {
    StepModel m;
    m.steps = {"Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"};
    m.step_ids = {"s1", "s2", "s3", "s4", "s5"};
    for (std::size_t i = 0; i + 1 < m.steps.size(); ++i) m.transitions.emplace_back(i, i + 1);
    m.stages = true;
    return m;
}

// The rows given to a ConformanceStream in file order (as the CSV reader gives them: ids and names first
// seen, then the event), and the same rows as a whole log.
struct Both {
    EventLog names, whole;
    ConformanceStream stream;
    bool refused = false;
    Both(const std::vector<Row>& rows, const StepModel& map, const ConformanceOptions& options)
        : stream(map, options) {
        std::unordered_map<std::string, std::uint32_t> ids;
        for (const auto& r : rows) {
            const auto [it, fresh] = ids.try_emplace(r.case_id, static_cast<std::uint32_t>(ids.size()));
            const std::uint32_t index = it->second;
            if (fresh) {
                whole.cases.push_back({r.case_id, "", {}});
                stream.case_seen(index, r.case_id);
            }
            whole.cases[index].events.push_back({r.t * sec, whole.activity_id(r.activity), true});
            const auto known = names.activities().size();
            const auto a = names.activity_id(r.activity);
            if (a == known) stream.activity_seen(a, r.activity);
            if (!stream.add(index, a, r.t * sec)) refused = true;
        }
        whole.order_events();
    }
};

void check_counts(const std::vector<TransitionCount>& a, const std::vector<TransitionCount>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].from == b[i].from);
        CHECK(a[i].to == b[i].to);
        CHECK(a[i].count == b[i].count);
        CHECK(a[i].cases == b[i].cases);
        CHECK(a[i].examples == b[i].examples);
    }
}

// Every field of check_conformance()'s answer but the deviations list, compared.
void check_same(const Conformance& a, const Conformance& b) {
    CHECK(a.cases == b.cases);
    CHECK(a.fitting_cases == b.fitting_cases);
    CHECK(a.fitness == b.fitness);
    CHECK(a.late_entries == b.late_entries);
    CHECK(a.late_examples == b.late_examples);
    CHECK(a.steps_never_seen == b.steps_never_seen);
    CHECK(a.unmapped_activities == b.unmapped_activities);
    CHECK(a.stalls == b.stalls);
    CHECK(a.ignored_events == b.ignored_events);
    CHECK(a.card_events == b.card_events);
    CHECK(a.stages == b.stages);
    check_counts(a.unexpected, b.unexpected);
    check_counts(a.backward, b.backward);
    check_counts(a.skips, b.skips);
    check_counts(a.allowed, b.allowed);
    for (std::size_t k = 0; k < deviation_kinds; ++k) {
        CHECK(a.tally[k].count == b.tally[k].count);
        CHECK(a.tally[k].cases == b.tally[k].cases);
    }
    REQUIRE(a.steps.size() == b.steps.size());
    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        const auto &x = a.steps[i], &y = b.steps[i];
        INFO(x.step);
        CHECK(x.visits == y.visits);
        CHECK(x.cases == y.cases);
        CHECK(x.entries == y.entries);
        CHECK(x.exits == y.exits);
        CHECK(x.skipped == y.skipped);
        CHECK(x.stalls == y.stalls);
        CHECK(x.transitions_out == y.transitions_out);
        CHECK(x.transitions_out_on_map == y.transitions_out_on_map);
        CHECK(x.backward == y.backward);
        CHECK(x.to_next == y.to_next);
        CHECK(x.median_seconds == y.median_seconds);
        CHECK(x.p90_seconds == y.p90_seconds);
        CHECK(x.stays == y.stays);
        CHECK(x.stall_threshold == y.stall_threshold);
        CHECK(x.stall_rule == y.stall_rule);
        CHECK(x.drop_examples == y.drop_examples);
        CHECK(x.stall_examples == y.stall_examples);
        CHECK(x.skip_examples == y.skip_examples);
    }
}

// Cases walking the stages (forward, skips, back steps, repeats, off-map activities), their rows
// interleaved as a CRM export sorted by time interleaves them.
std::vector<Row> interleaved_log(unsigned seed, int cases) {
    const std::vector<std::string> stages = {"Prospecting", "Qualification", "Proposal", "Negotiation",
                                             "Closed Won",  "Webinar",       "Spam"};
    std::mt19937 rng(seed);
    std::vector<Row> rows;
    for (int c = 0; c < cases; ++c) {
        std::int64_t t = rng() % 100000;
        int s = rng() % 5 == 0 ? 1 : 0;  // some enter late
        const int n = 1 + static_cast<int>(rng() % 9);
        for (int k = 0; k < n; ++k) {
            if (k) {
                const int move = static_cast<int>(rng() % 7);
                s = std::clamp(s + (move < 3 ? 1 : move == 3 ? 2 : move == 4 ? -1 : 0), 0, 4);
                t += 60 + static_cast<std::int64_t>(rng() % (move == 6 ? 900000 : 90000));
            }
            const bool off = rng() % 13 == 0;
            rows.push_back({"case" + std::to_string(c), off ? stages[5 + rng() % 2] : stages[s], t});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
    return rows;
}

}  // namespace

TEST_CASE("ConformanceStream gives check_conformance's answer without holding the events",
          "[core][eventlog][conformance]") {
    const StepModel map = pipeline();
    SECTION("interleaved logs, stall thresholds from each stage's p90") {
        for (unsigned seed : {1u, 2u, 3u, 4u}) {
            INFO("seed " << seed);
            Both both(interleaved_log(seed, 400), map, {});
            REQUIRE_FALSE(both.refused);
            const auto streamed = both.stream.finish(both.names);
            const auto whole = check_conformance(both.whole, map, {});
            CHECK(whole.stalls > 0);
            CHECK(whole.skips.size() > 0);
            CHECK(whole.backward.size() > 0);
            check_same(streamed, whole);
        }
    }
    SECTION("thousands of stays per stage: read back from the temporary file") {
        // About 8,000 stays a stage, past the chunk a stage keeps in memory.
        Both both(interleaved_log(5, 9000), map, {});
        REQUIRE_FALSE(both.refused);
        const auto whole = check_conformance(both.whole, map, {});
        CHECK(whole.steps[0].stays > 4000);
        CHECK(whole.stalls > 0);
        check_same(both.stream.finish(both.names), whole);
    }
    SECTION("a fixed stall threshold and a mapping file (an ignored activity, a stage's own threshold)") {
        ConformanceOptions options;
        options.stall_seconds = 0.5 * 86400;
        options.mapping = {{"Spam", "-", 0}, {"", "Proposal", 0.2}};
        Both both(interleaved_log(7, 300), map, options);
        REQUIRE_FALSE(both.refused);
        const auto streamed = both.stream.finish(both.names);
        const auto whole = check_conformance(both.whole, map, options);
        CHECK(whole.ignored_events > 0);
        CHECK(whole.steps[2].stall_rule == "mapping");
        check_same(streamed, whole);
    }
    SECTION("equal times keep file order") {
        const std::vector<Row> rows = {
            {"a", "Prospecting", 10}, {"a", "Proposal", 10}, {"a", "Qualification", 10}};
        Both both(rows, map, {});
        REQUIRE_FALSE(both.refused);
        check_same(both.stream.finish(both.names), check_conformance(both.whole, map, {}));
    }
    SECTION("a row earlier than its case's last one is refused") {
        const std::vector<Row> rows = {
            {"a", "Prospecting", 10}, {"b", "Prospecting", 5}, {"a", "Qualification", 9}};
        const Both both(rows, map, {});
        CHECK(both.refused);
    }
    SECTION("a map of more than 64 steps is refused") {
        StepModel big;
        for (int i = 0; i < 65; ++i) big.steps.push_back("step " + std::to_string(i));
        const Both both({{"a", "step 1", 1}}, big, {});
        CHECK(both.refused);
    }
}

TEST_CASE("activity_steps says which step each activity counts as", "[core][eventlog][conformance]") {
    const StepModel map = pipeline();
    EventLog log;
    for (const char* a : {"closed-won", "Webinar", "Spam", "PROPOSAL"}) log.activity_id(a);
    ConformanceOptions options;
    options.mapping = {{"Spam", "-", 0}};
    CHECK(activity_steps(log, map, options) == std::vector<std::string>{"Closed Won", "", "-", "Proposal"});
}
