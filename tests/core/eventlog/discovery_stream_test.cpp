#include <catch2/catch.hpp>

#include <algorithm>

#include "core/eventlog/discovery_stream.hpp"
#include "tests/support/discovery_compare.hpp"

using namespace jstudio::eventlog;
using jstudio::test::check_same_discovery;

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
    SECTION("arcs with tens of thousands of durations: read back from the temporary file") {
        // 20,000 cases alternating between two activities: 80,000 durations on one arc, past the chunk an arc
        // keeps in memory and past what spread_over holds at once; the late half seconds turn an arc's whole
        // seconds, most of them already in the file, into doubles.
        EventLog names, whole;
        DiscoveryStream stream;
        const std::uint32_t acts[2] = {names.activity_id("Call"), names.activity_id("Email")};
        whole.activity_id("Call");
        whole.activity_id("Email");
        constexpr std::uint32_t cases = 20000;
        std::vector<std::int64_t> t(cases, 0);
        unsigned x = 99;
        for (int k = 0; k < 8; ++k) {
            for (std::uint32_t c = 0; c < cases; ++c) {
                if (k == 0) whole.cases.push_back({"c" + std::to_string(c), "", {}});
                x = x * 1103515245u + 12345u;
                t[c] += static_cast<std::int64_t>((x >> 16) % 90000) * sec;
                if (k == 7 && c == cases - 1) t[c] += sec / 2;
                const std::uint32_t act = acts[k % 2];
                whole.cases[c].events.push_back({t[c], act, true});
                REQUIRE(stream.add(c, act, t[c]));
            }
        }
        whole.order_events();
        const auto streamed = stream.finish(names, 5);
        REQUIRE(streamed.edges.size() == 2);
        CHECK(streamed.edges[0].count == 80000);
        check_same_discovery(streamed, discover(whole, 5));
    }
    SECTION("a row earlier than its case's last is refused") {
        Both b({{"A", "Lead", 10}, {"A", "Demo", 5}});
        CHECK(b.refused);
    }
}
