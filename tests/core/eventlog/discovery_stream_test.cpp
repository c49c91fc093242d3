#include <catch2/catch.hpp>

#include <algorithm>

#include "core/eventlog/discovery_stream.hpp"

using namespace jstudio::eventlog;

namespace {
constexpr std::int64_t sec = 1000000;

struct Row {
    std::string case_id, activity;
    std::int64_t t;  // seconds
};

// The rows given to a DiscoveryStream in file order, and the same rows as a whole log.
struct Both {
    EventLog names, whole;
    DiscoveryStream stream;
    bool refused = false;
    explicit Both(const std::vector<Row>& rows, std::size_t trie_slack = std::size_t(1) << 20)
        : stream(trie_slack) {
        std::vector<std::string> ids;
        for (const auto& r : rows) {
            auto it = std::find(ids.begin(), ids.end(), r.case_id);
            const auto index = static_cast<std::uint32_t>(it - ids.begin());
            if (it == ids.end()) {
                ids.push_back(r.case_id);
                whole.cases.push_back({r.case_id, "", {}});
            }
            whole.cases[index].events.push_back({r.t * sec, whole.activity_id(r.activity), true});
            if (!stream.add(index, names.activity_id(r.activity), r.t * sec)) refused = true;
        }
        whole.order_events();
    }
};

void check_spread(const Spread& a, const Spread& b) {
    CHECK(a.n == b.n);
    CHECK(a.median == b.median);
    CHECK(a.p90 == b.p90);
    CHECK(a.min == b.min);
    CHECK(a.max == b.max);
    CHECK(a.mean == Approx(b.mean).epsilon(1e-12));
}

// Every field of discover()'s answer, compared.
void check_same_discovery(const Discovery& a, const Discovery& b) {
    CHECK(a.cases == b.cases);
    CHECK(a.events == b.events);
    CHECK(a.total_arcs == b.total_arcs);
    CHECK(a.variants_total == b.variants_total);
    CHECK(a.equal_time_pairs == b.equal_time_pairs);
    REQUIRE(a.activities.size() == b.activities.size());
    for (std::size_t i = 0; i < a.activities.size(); ++i) {
        const auto &x = a.activities[i], &y = b.activities[i];
        CHECK(x.activity == y.activity);
        CHECK(x.events == y.events);
        CHECK(x.cases == y.cases);
        CHECK(x.starts == y.starts);
        CHECK(x.ends == y.ends);
        check_spread(x.time_in_stage, y.time_in_stage);
    }
    REQUIRE(a.edges.size() == b.edges.size());
    for (std::size_t i = 0; i < a.edges.size(); ++i) {
        CHECK(a.edges[i].from == b.edges[i].from);
        CHECK(a.edges[i].to == b.edges[i].to);
        CHECK(a.edges[i].count == b.edges[i].count);
        check_spread(a.edges[i].duration, b.edges[i].duration);
    }
    REQUIRE(a.variants.size() == b.variants.size());
    for (std::size_t i = 0; i < a.variants.size(); ++i) {
        CHECK(a.variants[i].activities == b.variants[i].activities);
        CHECK(a.variants[i].count == b.variants[i].count);
    }
    check_spread(a.case_duration, b.case_duration);
    check_spread(a.case_duration_2plus, b.case_duration_2plus);
}

}  // namespace

TEST_CASE("discovery stream: the same answer as discover on the whole log", "[core][eventlog][discovery]") {
    SECTION("rows in time order across cases (a CRM export), repeats, equal times, one-event cases") {
        Both b({{"A", "Lead", 1},
                {"B", "Lead", 2},
                {"A", "Demo", 5},
                {"C", "Demo", 6},
                {"B", "Demo", 9},
                {"A", "Demo", 9},
                {"B", "Proposal", 9},
                {"A", "Won", 20},
                {"D", "Lead", 21},
                {"B", "Lead", 30},
                {"B", "Demo", 31},
                {"E", "Lead", 40},
                {"E", "Demo", 44},
                {"E", "Proposal", 60},
                {"E", "Won", 61}});
        REQUIRE_FALSE(b.refused);
        check_same_discovery(b.stream.finish(b.names, 10), discover(b.whole, 10));
        Both again({{"A", "Lead", 1}, {"A", "Demo", 5}, {"B", "Lead", 2}, {"B", "Demo", 9}});
        check_same_discovery(again.stream.finish(again.names, 1), discover(again.whole, 1));
    }
    SECTION("top variants keep their order on count ties (by names)") {
        std::vector<Row> rows;
        for (int k = 0; k < 30; ++k) {
            const std::string id = "c" + std::to_string(k);
            rows.push_back({id, k % 3 ? "Lead" : "MQL", k});
            rows.push_back({id, k % 2 ? "Demo" : "Won", 100 + k * 7});
            if (k % 5 == 0) rows.push_back({id, "Lost", 400 + k});
        }
        Both b(rows);
        check_same_discovery(b.stream.finish(b.names, 3), discover(b.whole, 3));
    }
    SECTION("long cases each on a path of their own: past the trie's budget, sequences of bytes") {
        // 40 cases of 30 to 60 events over 9 activities, interleaved in time: the trie (slack 50 nodes)
        // overflows part way, and what was read before and after must add up the same.
        std::vector<Row> rows;
        const std::vector<std::string> acts = {"Lead",  "MQL", "SQL",  "Demo",   "Proposal",
                                               "Legal", "Won", "Lost", "Nurture"};
        unsigned x = 12345;
        for (int c = 0; c < 40; ++c) {
            int t = c * 3;
            const int n = 30 + c % 31;
            for (int k = 0; k < n; ++k) {
                x = x * 1103515245u + 12345u;
                t += 1 + static_cast<int>((x >> 16) % 50);
                rows.push_back({"c" + std::to_string(c), acts[(x >> 8) % acts.size()], t});
            }
            if (c % 4 == 0)  // some cases share one path
                for (int k = 0; k < 5; ++k) rows.push_back({"s" + std::to_string(c), acts[k], c + k});
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
        Both b(rows, 50);
        REQUIRE_FALSE(b.refused);
        check_same_discovery(b.stream.finish(b.names, 5), discover(b.whole, 5));
    }
    SECTION("a row earlier than its case's last is refused") {
        Both b({{"A", "Lead", 10}, {"A", "Demo", 5}});
        CHECK(b.refused);
    }
}
