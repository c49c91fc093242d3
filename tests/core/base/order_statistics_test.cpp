#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/base/order_statistics.hpp"
#include "core/eventlog/discovery.hpp"

using namespace jstudio;

TEST_CASE("order keys sort as their values", "[core][base][order]") {
    const std::vector<double> doubles{-1e300, -2.5, -1e-300, -0.0, 0.0, 1e-300, 1, 2.5, 86400, 1e300};
    for (std::size_t i = 0; i + 1 < doubles.size(); ++i) {
        CHECK(order_key(doubles[i]) < order_key(doubles[i + 1]));
        CHECK(from_order_key<double>(order_key(doubles[i])) == doubles[i]);
    }
    const std::vector<float> floats{-3e38f, -1.0f, -0.0f, 0.0f, 1e-40f, 1.0f, 3e38f};
    for (std::size_t i = 0; i + 1 < floats.size(); ++i) {
        CHECK(order_key(floats[i]) < order_key(floats[i + 1]));
        CHECK(from_order_key<float>(order_key(floats[i])) == floats[i]);
    }
    const std::vector<std::int32_t> ints{INT32_MIN, -5, -1, 0, 1, 7, INT32_MAX};
    for (std::size_t i = 0; i + 1 < ints.size(); ++i) {
        CHECK(order_key(ints[i]) < order_key(ints[i + 1]));
        CHECK(from_order_key<std::int32_t>(order_key(ints[i])) == ints[i]);
    }
}

TEST_CASE("keys_at_ranks finds the keys a sort puts at those ranks", "[core][base][order]") {
    std::mt19937_64 rng(11);
    for (const std::size_t gather_limit :
         {std::size_t(0), std::size_t(3), std::size_t(100), std::size_t(1) << 16}) {
        SECTION("gather limit " + std::to_string(gather_limit)) {
            for (const std::size_t n : {std::size_t(1), std::size_t(2), std::size_t(9), std::size_t(5000)}) {
                std::vector<std::uint64_t> wide;
                std::vector<std::uint32_t> narrow;
                for (std::size_t i = 0; i < n; ++i) {
                    // Many equal keys and keys that share long prefixes, as durations do.
                    const std::uint64_t x = rng() % 4 == 0 ? 42 : (rng() >> (rng() % 60));
                    wide.push_back(x);
                    narrow.push_back(static_cast<std::uint32_t>(x * 2654435761u));
                }
                std::vector<std::size_t> ranks{0, n - 1, n / 2, (n * 9) / 10};
                auto sorted_wide = wide;
                auto sorted_narrow = narrow;
                std::sort(sorted_wide.begin(), sorted_wide.end());
                std::sort(sorted_narrow.begin(), sorted_narrow.end());
                const auto got_wide = keys_at_ranks<std::uint64_t>(
                    [&](auto&& f) {
                        for (auto x : wide) f(x);
                    },
                    ranks, gather_limit);
                const auto got_narrow = keys_at_ranks<std::uint32_t>(
                    [&](auto&& f) {
                        for (auto x : narrow) f(x);
                    },
                    ranks, gather_limit);
                for (std::size_t r = 0; r < ranks.size(); ++r) {
                    INFO("n " << n << " rank " << ranks[r]);
                    CHECK(got_wide[r] == sorted_wide[ranks[r]]);
                    CHECK(got_narrow[r] == sorted_narrow[ranks[r]]);
                }
            }
        }
    }
}

TEST_CASE("spread_over reading values through equals spread_of holding them", "[core][base][order]") {
    std::mt19937_64 rng(3);
    for (const std::size_t n :
         {std::size_t(1), std::size_t(2), std::size_t(10), std::size_t(1001), std::size_t(4000)}) {
        std::vector<double> v;
        for (std::size_t i = 0; i < n; ++i)
            v.push_back(rng() % 5 == 0 ? 86400.0 : static_cast<double>(rng() % 1000000) / 7.0);
        const auto held = eventlog::spread_of(v);
        const auto read = eventlog::spread_over(
            n,
            [&](auto&& f) {
                for (double x : v) f(x);
            },
            /*gather_limit=*/5);
        INFO("n " << n);
        CHECK(read.n == held.n);
        CHECK(read.median == held.median);
        CHECK(read.p90 == held.p90);
        CHECK(read.mean == held.mean);
        CHECK(read.min == held.min);
        CHECK(read.max == held.max);
    }
}
