#include "core/eventlog/conformance.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text/html_text.hpp"

namespace jstudio::eventlog {

std::string match_key(std::string_view label) {
    // Labels may be HTML whatever their html flag says: <br> and friends separate words.
    std::string out = text::html_to_text(label, text::html_one_line);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

double StepReport::conversion(bool aggregated) const {
    const std::uint64_t base = aggregated ? visits : cases;
    if (base == 0) return 0;
    return 1.0 - static_cast<double>(std::min(exits, base)) / static_cast<double>(base);
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

constexpr std::size_t none = SIZE_MAX;
constexpr std::size_t ignored = SIZE_MAX - 1;

// The map as the walks below need it: which step each activity is, step ranks, drawn pairs, starts.
struct MapModel {
    const StepModel& map;
    std::size_t n;
    std::vector<std::size_t> step_of_activity;  // none, ignored or a step index
    std::vector<std::vector<std::size_t>> succ;
    std::set<std::pair<std::size_t, std::size_t>> drawn;
    std::vector<long> rank;
    std::vector<bool> is_start;

    MapModel(const EventLog& log, const StepModel& m, const ConformanceOptions& options, Conformance& out)
        : map(m), n(m.steps.size()), succ(n), rank(n, -1), is_start(n, false) {
        std::unordered_map<std::string, std::size_t> step_of_key, step_of_id;
        for (std::size_t i = 0; i < n; ++i) {
            step_of_key.emplace(match_key(map.steps[i]), i);
            if (i < map.step_ids.size() && !map.step_ids[i].empty()) step_of_id.emplace(map.step_ids[i], i);
        }
        std::unordered_map<std::string, std::size_t> mapped;  // activity key -> step / ignored
        for (const auto& row : options.mapping) {
            const std::string target = std::string(trim_view(row.target));
            std::size_t step = none;
            if (target == "-") {
                step = ignored;
            } else if (auto it = step_of_id.find(target); it != step_of_id.end()) {
                step = it->second;
            } else if (auto jt = step_of_key.find(match_key(target)); jt != step_of_key.end()) {
                step = jt->second;
            }
            if (step == none) {
                if (std::find(out.mapping_unresolved.begin(), out.mapping_unresolved.end(), target) ==
                    out.mapping_unresolved.end())
                    out.mapping_unresolved.push_back(target);
                continue;
            }
            mapped[match_key(row.activity)] = step;
        }
        step_of_activity.assign(log.activities().size(), none);
        for (std::size_t a = 0; a < log.activities().size(); ++a) {
            const std::string key = match_key(log.activities()[a]);
            if (auto it = mapped.find(key); it != mapped.end())
                step_of_activity[a] = it->second;
            else if (auto jt = step_of_key.find(key); jt != step_of_key.end())
                step_of_activity[a] = jt->second;
        }
        std::vector<bool> has_in(n, false);
        for (auto [s, t] : map.transitions) {
            succ[s].push_back(t);
            has_in[t] = true;
            drawn.insert({s, t});
        }
        // Rank by breadth-first distance from the starts; steps out of reach follow in map order.
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
        out.steps.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            out.steps[i].step = map.steps[i];
            out.steps[i].final_step = succ[i].empty();
        }
    }

    static std::string_view trim_view(std::string_view s) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
        return s;
    }

    // Steps jumped over by a forward move: the inner steps of a shortest drawn path (none if there is none).
    std::vector<std::size_t> inner_path(std::size_t from, std::size_t to) const {
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
    }
};

void finish(Conformance& out, const EventLog& log, const MapModel& model,
            const std::unordered_map<std::size_t, std::uint64_t>& unmapped,
            std::map<std::pair<std::string, std::string>, PairStats>& unexpected,
            std::map<std::pair<std::string, std::string>, PairStats>& backward,
            std::map<std::pair<std::string, std::string>, PairStats>& skips,
            std::map<std::pair<std::string, std::string>, PairStats>& allowed) {
    out.fitness = out.cases ? static_cast<double>(out.fitting_cases) / static_cast<double>(out.cases) : 0;
    for (std::size_t i = 0; i < model.n; ++i)
        if (out.steps[i].visits == 0) out.steps_never_seen.push_back(model.map.steps[i]);
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
}

}  // namespace

Conformance check_conformance(const EventLog& log, const StepModel& map, const ConformanceOptions& options) {
    Conformance out;
    const MapModel model(log, map, options, out);
    const std::size_t n = model.n;
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
            const std::size_t s = model.step_of_activity[e.activity];
            if (s == ignored) {
                ++out.ignored_events;
                continue;
            }
            if (s == none) {
                ++unmapped[e.activity];
                fits = false;
                continue;  // unmapped activities are left out of the step path
            }
            ++out.steps[s].visits;
            if (last_seen[s] != ci) {
                last_seen[s] = ci;
                ++out.steps[s].cases;
            }
            if (prev_step == none) {
                ++out.steps[s].entries;
                if (!model.is_start[s]) {
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
                    if (model.drawn.count({prev_step, s})) {
                        ++out.steps[prev_step].transitions_out_on_map;
                        bump(allowed[key], ci);
                    } else {
                        fits = false;
                        bump(unexpected[key], ci);
                        if (model.rank[s] > model.rank[prev_step]) {
                            const auto inner = model.inner_path(prev_step, s);
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
                    if (model.rank[s] < model.rank[prev_step]) bump(backward[key], ci);
                }
            }
            prev_step = s;
            prev_event = &e;
        }
        if (prev_step != none) ++out.steps[prev_step].exits;
        if (fits) ++out.fitting_cases;
    }
    finish(out, log, model, unmapped, unexpected, backward, skips, allowed);
    return out;
}

Conformance check_conformance(const EventLog& names, const Discovery& dfg, const StepModel& map,
                              const ConformanceOptions& options) {
    Conformance out;
    out.aggregated = true;
    const MapModel model(names, map, options, out);
    std::map<std::pair<std::string, std::string>, PairStats> unexpected, backward, skips, allowed;
    for (auto [s, t] : map.transitions) allowed[{map.steps[s], map.steps[t]}];
    std::unordered_map<std::size_t, std::uint64_t> unmapped;
    out.cases = dfg.cases;
    for (const auto& a : dfg.activities) {
        const std::size_t s = model.step_of_activity[a.activity];
        if (s == ignored) {
            out.ignored_events += a.events;
        } else if (s == none) {
            unmapped[a.activity] += a.events;
        } else {
            out.steps[s].visits += a.events;
            out.steps[s].entries += a.starts;
            out.steps[s].exits += a.ends;
            if (a.starts && !model.is_start[s]) out.late_entries += a.starts;
        }
    }
    const auto add = [](PairStats& p, std::uint64_t count) { p.count += count; };
    for (const auto& e : dfg.edges) {
        const std::size_t from = model.step_of_activity[e.from], to = model.step_of_activity[e.to];
        if (from >= ignored || to >= ignored || from == to) continue;
        const std::pair<std::string, std::string> key{map.steps[from], map.steps[to]};
        out.steps[from].transitions_out += e.count;
        if (model.drawn.count({from, to})) {
            out.steps[from].transitions_out_on_map += e.count;
            add(allowed[key], e.count);
            continue;
        }
        add(unexpected[key], e.count);
        if (model.rank[to] > model.rank[from]) {
            const auto inner = model.inner_path(from, to);
            if (!inner.empty()) {
                add(skips[key], e.count);
                for (auto k : inner) out.steps[k].skipped += e.count;
            }
        }
        if (model.rank[to] < model.rank[from]) add(backward[key], e.count);
    }
    finish(out, names, model, unmapped, unexpected, backward, skips, allowed);
    return out;
}

}  // namespace jstudio::eventlog
