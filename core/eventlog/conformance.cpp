#include "core/eventlog/conformance.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

namespace jstudio::eventlog {

std::string match_key(std::string_view label) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < label.size(); ++i) {
        char c = label[i];
        if (c == '<') {  // html label: <br> and friends separate words
            const auto end = label.find('>', i);
            if (end != std::string_view::npos) {
                i = end;
                space = true;
                continue;
            }
        }
        if (c == '&') {
            const auto end = label.find(';', i);
            if (end != std::string_view::npos && end - i <= 6) {
                const auto ent = label.substr(i, end - i + 1);
                c = ent == "&amp;"    ? '&'
                    : ent == "&lt;"   ? '<'
                    : ent == "&gt;"   ? '>'
                    : ent == "&quot;" ? '"'
                                      : ' ';
                i = end;
            }
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

namespace {

struct PairStats {
    std::uint64_t count = 0, cases = 0, last_case = UINT64_MAX;
};

std::vector<TransitionCount> sorted_counts(
    const std::map<std::pair<std::string, std::string>, PairStats>& m) {
    std::vector<TransitionCount> out;
    for (const auto& [k, v] : m) out.push_back({k.first, k.second, v.count, v.cases});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    return out;
}

}  // namespace

Conformance check_conformance(const EventLog& log, const JourneyMap& map, const ConformanceOptions& options) {
    Conformance out;
    const std::size_t n = map.steps.size();
    std::unordered_map<std::string, std::size_t> step_of_key;
    for (std::size_t i = 0; i < n; ++i) step_of_key.emplace(match_key(map.steps[i]), i);
    constexpr std::size_t none = SIZE_MAX;
    std::vector<std::size_t> step_of_activity(log.activities().size(), none);
    for (std::size_t a = 0; a < log.activities().size(); ++a)
        if (auto it = step_of_key.find(match_key(log.activities()[a])); it != step_of_key.end())
            step_of_activity[a] = it->second;

    std::vector<std::vector<std::size_t>> succ(n);
    std::vector<bool> has_in(n, false);
    std::set<std::pair<std::size_t, std::size_t>> drawn;
    for (auto [s, t] : map.transitions) {
        succ[s].push_back(t);
        has_in[t] = true;
        drawn.insert({s, t});
    }
    // Rank by breadth-first distance from the starts; steps out of reach follow in map order.
    std::vector<long> rank(n, -1);
    std::deque<std::size_t> queue;
    for (std::size_t i = 0; i < n; ++i)
        if (!has_in[i]) {
            rank[i] = 0;
            queue.push_back(i);
        }
    if (queue.empty() && n > 0) {
        rank[0] = 0;
        queue.push_back(0);
    }
    std::vector<bool> is_start(n, false);
    for (auto s : queue) is_start[s] = true;
    while (!queue.empty()) {
        const auto v = queue.front();
        queue.pop_front();
        for (auto w : succ[v])
            if (rank[w] < 0) {
                rank[w] = rank[v] + 1;
                queue.push_back(w);
            }
    }
    long next_rank = 0;
    for (auto r : rank) next_rank = std::max(next_rank, r + 1);
    for (auto& r : rank)
        if (r < 0) r = next_rank++;
    // Steps jumped over by a forward move: the inner steps of a shortest drawn path (none if there is none).
    const auto inner_path = [&](std::size_t from, std::size_t to) {
        std::vector<std::size_t> prev(n, none);
        std::deque<std::size_t> q{from};
        prev[from] = from;
        while (!q.empty() && prev[to] == none) {
            const auto v = q.front();
            q.pop_front();
            for (auto w : succ[v])
                if (prev[w] == none) {
                    prev[w] = v;
                    q.push_back(w);
                }
        }
        std::vector<std::size_t> path;
        if (prev[to] == none) return path;
        for (auto v = prev[to]; v != from; v = prev[v]) path.push_back(v);
        return path;
    };

    out.steps.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.steps[i].step = map.steps[i];
    std::map<std::pair<std::string, std::string>, PairStats> unexpected, backward, skips, allowed;
    for (auto [s, t] : map.transitions) allowed[{map.steps[s], map.steps[t]}];
    std::unordered_map<std::size_t, std::uint64_t> unmapped;
    std::vector<std::uint64_t> last_seen(n, UINT64_MAX), last_skipped(n, UINT64_MAX);
    const auto bump = [](PairStats& p, std::uint64_t case_no) {
        ++p.count;
        if (p.last_case != case_no) {
            p.last_case = case_no;
            ++p.cases;
        }
    };

    for (std::uint64_t ci = 0; ci < log.cases.size(); ++ci) {
        const Case& c = log.cases[ci];
        if (c.events.empty()) continue;
        ++out.cases;
        bool fits = true;
        std::size_t prev_step = none;
        const Event* prev_event = nullptr;
        for (const Event& e : c.events) {
            const std::size_t s = step_of_activity[e.activity];
            if (s == none) {
                ++unmapped[e.activity];
                fits = false;
                continue;  // unmapped activities are left out of the step path
            }
            if (last_seen[s] != ci) {
                last_seen[s] = ci;
                ++out.steps[s].cases;
            }
            if (prev_step == none) {
                ++out.steps[s].entries;
                if (!is_start[s]) {
                    ++out.late_entries;
                    fits = false;
                }
            } else {
                if (options.stall_seconds > 0 && prev_event->has_time && e.has_time &&
                    static_cast<double>(e.time_us - prev_event->time_us) / 1e6 > options.stall_seconds) {
                    ++out.steps[prev_step].stalls;
                    ++out.stalls;
                }
                if (s != prev_step) {  // a repeated stage record is not a move
                    const std::pair<std::string, std::string> key{map.steps[prev_step], map.steps[s]};
                    ++out.steps[prev_step].transitions_out;
                    if (drawn.count({prev_step, s})) {
                        ++out.steps[prev_step].transitions_out_on_map;
                        bump(allowed[key], ci);
                    } else {
                        fits = false;
                        bump(unexpected[key], ci);
                        if (rank[s] > rank[prev_step]) {
                            const auto inner = inner_path(prev_step, s);
                            if (!inner.empty()) {
                                bump(skips[key], ci);
                                for (auto k : inner)
                                    if (last_skipped[k] != ci) {
                                        last_skipped[k] = ci;
                                        ++out.steps[k].skipped;
                                    }
                            }
                        }
                    }
                    if (rank[s] < rank[prev_step]) bump(backward[key], ci);
                }
            }
            prev_step = s;
            prev_event = &e;
        }
        if (prev_step != none) ++out.steps[prev_step].exits;
        if (fits) ++out.fitting_cases;
    }
    out.fitness = out.cases ? static_cast<double>(out.fitting_cases) / static_cast<double>(out.cases) : 0;
    for (std::size_t i = 0; i < n; ++i)
        if (out.steps[i].cases == 0) out.steps_never_seen.push_back(map.steps[i]);
    for (const auto& [a, count] : unmapped)
        out.unmapped_activities.emplace_back(log.activity_name(static_cast<std::uint32_t>(a)), count);
    std::sort(out.unmapped_activities.begin(), out.unmapped_activities.end(),
              [](const auto& a, const auto& b) {
                  return a.second != b.second ? a.second > b.second : a.first < b.first;
              });
    out.unexpected = sorted_counts(unexpected);
    out.backward = sorted_counts(backward);
    out.skips = sorted_counts(skips);
    out.allowed = sorted_counts(allowed);
    return out;
}

}  // namespace jstudio::eventlog
