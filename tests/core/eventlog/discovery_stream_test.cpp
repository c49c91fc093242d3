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
    explicit Both(const std::vector<Row>& rows) {
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
    SECTION("a row earlier than its case's last is refused") {
        Both b({{"A", "Lead", 10}, {"A", "Demo", 5}});
        CHECK(b.refused);
    }
}
