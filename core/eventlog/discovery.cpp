#include "core/eventlog/discovery.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace jstudio::eventlog {

Spread spread_of(std::vector<double> v) {
    Spread s;
    s.n = v.size();
    if (v.empty()) return s;
    // Selection instead of a full sort: the statistics need four order statistics, not the whole order.
    const std::size_t n = v.size();
    const auto [lo_it, hi_it] = std::minmax_element(v.begin(), v.end());
    s.min = *lo_it;
    s.max = *hi_it;
    s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(n);
    const auto kth = [&](std::size_t k) {
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
        return v[k];
    };
    // After nth_element(k), everything right of k is >= v[k], so the next rank is the minimum of that part.
    const auto next_after = [&](std::size_t k) {
        return k + 1 < n ? *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(k + 1), v.end()) : v[k];
    };
    const double rank = 0.9 * static_cast<double>(n - 1);
    const auto p = static_cast<std::size_t>(std::floor(rank));
    const double vp = kth(p);
    s.p90 = vp + (next_after(p) - vp) * (rank - static_cast<double>(p));
    const double mid = kth(n / 2);
    s.median = n % 2
                   ? mid
                   : (*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2)) + mid) / 2;
    return s;
}

namespace {

struct VectorHash {
    std::size_t operator()(const std::vector<std::uint32_t>& v) const {
        std::size_t h = v.size();
        for (auto x : v) h = h * 1000003u ^ x;
        return h;
    }
};

double seconds_between(const Event& a, const Event& b) {
    return static_cast<double>(b.time_us - a.time_us) / 1e6;
}

}  // namespace

Discovery discover(const EventLog& log, std::size_t top_variants) {
    Discovery out;
    const auto& names = log.activities();
    const std::size_t n_act = names.size();
    std::vector<ActivityStats> acts(n_act);
    std::vector<std::vector<double>> stays(n_act);
    std::vector<std::uint64_t> last_case_seen(n_act, UINT64_MAX);
    // Edge key = from * n_act + to; a dense matrix is fine for journey-sized alphabets, a map beyond.
    std::unordered_map<std::uint64_t, std::size_t> edge_index;
    std::vector<DfgEdge> edges;
    std::vector<std::vector<double>> edge_durations;
    std::unordered_map<std::vector<std::uint32_t>, std::uint64_t, VectorHash> variants;
    std::vector<double> durations, durations_2plus;
    std::vector<std::uint32_t> seq;

    for (std::uint64_t ci = 0; ci < log.cases.size(); ++ci) {
        const Case& c = log.cases[ci];
        if (c.events.empty()) continue;
        ++out.cases;
        out.events += c.events.size();
        seq.clear();
        for (std::size_t i = 0; i < c.events.size(); ++i) {
            const Event& e = c.events[i];
            seq.push_back(e.activity);
            ActivityStats& a = acts[e.activity];
            ++a.events;
            if (last_case_seen[e.activity] != ci) {
                last_case_seen[e.activity] = ci;
                ++a.cases;
            }
            if (i + 1 == c.events.size()) break;
            const Event& next = c.events[i + 1];
            const std::uint64_t key = std::uint64_t(e.activity) * n_act + next.activity;
            auto [it, fresh] = edge_index.try_emplace(key, edges.size());
            if (fresh) {
                edges.push_back({e.activity, next.activity, 0, {}});
                edge_durations.emplace_back();
            }
            ++edges[it->second].count;
            ++out.total_arcs;
            if (e.has_time && next.has_time) {
                const double dt = seconds_between(e, next);
                edge_durations[it->second].push_back(dt);
                stays[e.activity].push_back(dt);
                if (dt == 0) ++out.equal_time_pairs;
            }
        }
        ++acts[c.events.front().activity].starts;
        ++acts[c.events.back().activity].ends;
        ++variants[seq];
        // Duration over timed events only: untimed ones sort last, so the last timed one is the latest.
        const Event& first = c.events.front();
        auto last =
            std::find_if(c.events.rbegin(), c.events.rend(), [](const Event& e) { return e.has_time; });
        if (first.has_time) {
            const double d = seconds_between(first, *last);
            durations.push_back(d);
            if (c.events.size() >= 2) durations_2plus.push_back(d);
        }
    }

    for (std::size_t i = 0; i < n_act; ++i) {
        acts[i].activity = static_cast<std::uint32_t>(i);
        acts[i].time_in_stage = spread_of(std::move(stays[i]));
        if (acts[i].events > 0) out.activities.push_back(acts[i]);
    }
    std::sort(out.activities.begin(), out.activities.end(),
              [&](const ActivityStats& a, const ActivityStats& b) {
                  if (a.events != b.events) return a.events > b.events;
                  return names[a.activity] < names[b.activity];
              });
    for (std::size_t i = 0; i < edges.size(); ++i)
        edges[i].duration = spread_of(std::move(edge_durations[i]));
    std::sort(edges.begin(), edges.end(), [&](const DfgEdge& a, const DfgEdge& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.from != b.from) return names[a.from] < names[b.from];
        return names[a.to] < names[b.to];
    });
    out.edges = std::move(edges);

    out.variants_total = variants.size();
    out.variants.reserve(variants.size());
    for (auto& [s, n] : variants) out.variants.push_back({s, n});
    const auto name_less = [&](const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
        return std::lexicographical_compare(
            a.begin(), a.end(), b.begin(), b.end(),
            [&](std::uint32_t x, std::uint32_t y) { return names[x] < names[y]; });
    };
    const auto variant_less = [&](const Variant& a, const Variant& b) {
        if (a.count != b.count) return a.count > b.count;
        return name_less(a.activities, b.activities);
    };
    if (top_variants && out.variants.size() > top_variants) {
        std::partial_sort(out.variants.begin(),
                          out.variants.begin() + static_cast<std::ptrdiff_t>(top_variants),
                          out.variants.end(), variant_less);
        out.variants.resize(top_variants);
    } else {
        std::sort(out.variants.begin(), out.variants.end(), variant_less);
    }

    out.case_duration = spread_of(std::move(durations));
    out.case_duration_2plus = spread_of(std::move(durations_2plus));
    return out;
}

std::vector<std::pair<std::string, EventLog>> split_by_segment(const EventLog& log) {
    std::vector<std::pair<std::string, EventLog>> out;
    std::map<std::string, std::size_t> index;
    for (const Case& c : log.cases) {
        auto [it, fresh] = index.try_emplace(c.segment, out.size());
        if (fresh) {
            EventLog part;
            for (const auto& name : log.activities()) part.activity_id(name);  // same ids as the whole log
            out.emplace_back(c.segment, std::move(part));
        }
        out[it->second].second.cases.push_back(c);
    }
    return out;
}

}  // namespace jstudio::eventlog
