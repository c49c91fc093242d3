#pragma once
// What customers did, from an ordered event log: directly-follows graph, start/end activities, variants,
// per-activity statistics and case durations. The counting rules are those of the reference answers in
// shared/corpus/eventlogs/*.dfg.json (see shared/notes/eventlogs.md §2).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/order_statistics.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// Median and 90th percentile of a set of durations in seconds (linear interpolation between ranks, as
// numpy's default; the median is the mean of the middle two for an even count, as statistics.median).
struct Spread {
    std::uint64_t n = 0;
    double median = 0, p90 = 0, mean = 0, min = 0, max = 0;
};
Spread spread_of(std::vector<double> seconds);
// The same over n values read through by for_each(f) (f(double) for each, the same values in the same order
// every time) without holding them: past `gather_limit` values two to four readings (order statistics by
// radix selection), else one reading into a vector for spread_of.
template <typename ForEach>
Spread spread_over(std::size_t n, ForEach&& for_each, std::size_t gather_limit = std::size_t(1) << 16);

struct DfgEdge {
    std::uint32_t from = 0, to = 0;
    std::uint64_t count = 0;
    Spread duration;  // seconds between the two events, over pairs where both have a time
};

struct ActivityStats {
    std::uint32_t activity = 0;
    std::uint64_t events = 0;
    std::uint64_t cases = 0;   // reach: cases with at least one such event
    std::uint64_t starts = 0;  // cases that begin here
    std::uint64_t ends = 0;    // cases that end here (drop-off when it is not a final step)
    Spread time_in_stage;      // seconds from this event to the next event of the same case
};

struct Variant {
    std::vector<std::uint32_t> activities;
    std::uint64_t count = 0;
};

struct Discovery {
    // From a pre-aggregated directly-follows table, not from cases: cases = sum of starts, events = arcs +
    // cases; reach (ActivityStats::cases), time in stage, variants and case durations are unknown (0).
    bool aggregated = false;
    std::uint64_t cases = 0, events = 0;
    std::vector<ActivityStats> activities;  // by event count descending, then name
    std::vector<DfgEdge> edges;             // by count descending, then from/to names
    std::uint64_t total_arcs = 0;
    std::uint64_t variants_total = 0;
    std::vector<Variant> variants;       // by count descending, then the name sequence
    Spread case_duration;                // last minus first timed event, every case (1 event = 0 s)
    Spread case_duration_2plus;          // cases with at least two events
    std::uint64_t equal_time_pairs = 0;  // consecutive pairs with the same timestamp (order = file order)
};

// top_variants = 0 keeps every variant.
Discovery discover(const EventLog& log, std::size_t top_variants = 10);

// One log per distinct Case::segment, in first-appearance order, sharing the activity names of `log`.
std::vector<std::pair<std::string, EventLog>> split_by_segment(const EventLog& log);

template <typename ForEach>
Spread spread_over(std::size_t n, ForEach&& for_each, std::size_t gather_limit) {
    if (n <= gather_limit) {
        std::vector<double> v;
        v.reserve(n);
        for_each([&](double x) { v.push_back(x); });
        return spread_of(std::move(v));
    }
    Spread s;
    s.n = n;
    double sum = 0;  // in order, as std::accumulate in spread_of
    s.min = s.max = 0;
    bool first = true;
    for_each([&](double x) {
        sum += x;
        if (first || x < s.min) s.min = x;
        if (first || x > s.max) s.max = x;
        first = false;
    });
    s.mean = sum / static_cast<double>(n);
    // The ranks spread_of reads: the p90's two neighbours, the middle one or two.
    const double rank = 0.9 * static_cast<double>(n - 1);
    const auto p = static_cast<std::size_t>(std::floor(rank));
    std::vector<std::size_t> ranks{p, std::min(p + 1, n - 1), n / 2, n % 2 ? n / 2 : n / 2 - 1};
    const auto keys = keys_at_ranks<std::uint64_t>(
        [&](auto&& f) { for_each([&](double x) { f(order_key(x)); }); }, ranks, gather_limit);
    const auto value = [&](std::size_t i) { return from_order_key<double>(keys[i]); };
    s.p90 = value(0) + (value(1) - value(0)) * (rank - static_cast<double>(p));
    s.median = n % 2 ? value(2) : (value(3) + value(2)) / 2;
    return s;
}

}  // namespace jstudio::eventlog
