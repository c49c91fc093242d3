#pragma once
// Two answers of discover() compared field by field (a streamed discovery against the whole log's).
#include <catch2/catch.hpp>

#include "core/eventlog/discovery.hpp"

namespace jstudio::test {

inline void check_spread(const eventlog::Spread& a, const eventlog::Spread& b) {
    CHECK(a.n == b.n);
    CHECK(a.median == b.median);
    CHECK(a.p90 == b.p90);
    CHECK(a.min == b.min);
    CHECK(a.max == b.max);
    CHECK(a.mean == Approx(b.mean).epsilon(1e-12));
}

// Every field of discover()'s answer, compared.
inline void check_same_discovery(const eventlog::Discovery& a, const eventlog::Discovery& b) {
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

}  // namespace jstudio::test
