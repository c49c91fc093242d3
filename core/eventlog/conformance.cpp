#include "core/eventlog/conformance.hpp"

#include "core/base/order_statistics.hpp"
#include "core/base/spill_file.hpp"
#include "core/eventlog/activity_steps.hpp"
#include "core/eventlog/block_vector.hpp"
#include "core/eventlog/conformance_stream.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstring>
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

namespace {

// ASCII base letter of a Latin-1 Supplement / Latin Extended-A code point (U+00C0..U+017F); 0 if none.
char latin_base(unsigned cp) {
    static const char* const latin1 =  // U+00C0..U+00FF
        "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
        "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
    static const char* const ext_a =  // U+0100..U+017F
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) return ext_a[cp - 0x100];
    return 0;
}

}  // namespace

std::string stage_key(std::string_view label) {
    const std::string text = match_key(label);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
            continue;
        }
        if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {  // two-byte sequence
            const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            const char base = latin_base(cp);
            if (base && base != '_') {
                out += base;
                if (cp == 0xDF) out += 's';                // ß
                if (cp == 0xC6 || cp == 0xE6) out += 'e';  // æ
            } else if (!base) {
                out.append(text, i, 2);
            }
            ++i;
            continue;
        }
        out += static_cast<char>(c);  // other scripts: kept byte for byte
    }
    return out;
}

const char* to_string(DeviationKind kind) {
    switch (kind) {
        case DeviationKind::skip:
            return "skip";
        case DeviationKind::backward:
            return "backward";
        case DeviationKind::stall:
            return "stall";
        case DeviationKind::drop_out:
            return "drop-out";
        case DeviationKind::late_entry:
            return "late-entry";
        case DeviationKind::off_map:
            return "off-map";
    }
    return "off-map";
}

double StepReport::conversion(bool aggregated) const {
    const std::uint64_t base = aggregated ? visits : cases;
    if (base == 0) return 0;
    return 1.0 - static_cast<double>(std::min(exits, base)) / static_cast<double>(base);
}

namespace {

struct PairStats {
    std::uint64_t count = 0, cases = 0, last_case = UINT64_MAX;
    std::vector<std::string> examples;
};

std::vector<TransitionCount> sorted_counts(
    const std::map<std::pair<std::string, std::string>, PairStats>& m) {
    std::vector<TransitionCount> out;
    for (const auto& [k, v] : m) out.push_back({k.first, k.second, v.count, v.cases, v.examples});
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
    std::vector<bool> via_alias;                // the activity matched a step card's name (aliases)
    std::vector<double> mapped_stall;           // per step: the mapping file's threshold in seconds, or 0
    std::vector<std::vector<std::size_t>> succ;
    std::set<std::pair<std::size_t, std::size_t>> drawn;
    std::vector<long> rank;
    std::vector<bool> is_start;

    // Name lookups, kept for activities named after construction (add_activity, as a stream meets them).
    std::unordered_map<std::string, std::size_t> step_of_key, step_of_id, step_of_loose, alias_of_key,
        alias_of_loose;
    std::unordered_map<std::string, std::size_t> mapped;  // activity key -> step / ignored

    // An activity's step: by exact name, by loose stage name, then by a card's name.
    std::size_t lookup(const std::string& name, bool& alias) const {
        alias = false;
        const std::string key = match_key(name);
        if (auto it = step_of_key.find(key); it != step_of_key.end()) return it->second;
        const std::string loose = stage_key(name);
        if (!loose.empty())
            if (auto it = step_of_loose.find(loose); it != step_of_loose.end()) return it->second;
        alias = true;
        if (auto it = alias_of_key.find(key); it != alias_of_key.end()) return it->second;
        if (!loose.empty())
            if (auto it = alias_of_loose.find(loose); it != alias_of_loose.end()) return it->second;
        alias = false;
        return none;
    }

    // The next activity id's step (ids in order).
    void add_activity(const std::string& name) {
        const std::string key = match_key(name);
        bool alias = false;
        std::size_t step = none;
        if (auto it = mapped.find(key); it != mapped.end())
            step = it->second;
        else
            step = lookup(name, alias);
        step_of_activity.push_back(step);
        via_alias.push_back(alias);
    }

    MapModel(const EventLog& log, const StepModel& m, const ConformanceOptions& options, Conformance& out)
        : map(m), n(m.steps.size()), mapped_stall(n, 0), succ(n), rank(n, -1), is_start(n, false) {
        for (std::size_t i = 0; i < n; ++i) {
            step_of_key.emplace(match_key(map.steps[i]), i);
            step_of_loose.emplace(stage_key(map.steps[i]), i);
            if (i < map.step_ids.size() && !map.step_ids[i].empty()) step_of_id.emplace(map.step_ids[i], i);
        }
        for (const auto& [name, stage] : map.aliases) {
            if (stage >= n) continue;
            alias_of_key.emplace(match_key(name), stage);
            alias_of_loose.emplace(stage_key(name), stage);
        }
        for (const auto& row : options.mapping) {
            const std::string target = std::string(trim_view(row.target));
            std::size_t step = none;
            if (target == "-") {
                step = ignored;
            } else if (auto it = step_of_id.find(target); it != step_of_id.end()) {
                step = it->second;
            } else {
                bool alias = false;
                step = lookup(target, alias);
            }
            if (step == none) {
                if (std::find(out.mapping_unresolved.begin(), out.mapping_unresolved.end(), target) ==
                    out.mapping_unresolved.end())
                    out.mapping_unresolved.push_back(target);
                continue;
            }
            if (row.stall_days > 0 && step < n) mapped_stall[step] = row.stall_days * 86400;
            if (!trim_view(row.activity).empty()) mapped[match_key(row.activity)] = step;
        }
        for (const auto& name : log.activities()) add_activity(name);
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
        out.stages = map.stages;
        for (std::size_t i = 0; i < n; ++i) {
            out.steps[i].step = map.steps[i];
            out.steps[i].final_step = succ[i].empty();
            if (i < map.designed_emotion.size()) out.steps[i].designed_emotion = map.designed_emotion[i];
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

namespace {

// The rank (0-based) of the nearest-rank percentile p of `count` sorted values.
std::size_t percentile_rank(std::size_t count, double p) {
    auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(count)));
    return std::clamp<std::size_t>(k, 1, count) - 1;
}

// A step's time in it from the number of its stays and their median and p90 (nearest rank; -1 for no stay),
// and the stall threshold that follows.
void step_times(StepReport& r, std::size_t stays, double median, double p90, double mapped_stall,
                const ConformanceOptions& options) {
    r.stays = stays;
    r.median_seconds = median;
    r.p90_seconds = p90;
    if (mapped_stall > 0) {
        r.stall_threshold = mapped_stall;
        r.stall_rule = "mapping";
    } else if (options.stall_seconds > 0) {
        r.stall_threshold = options.stall_seconds;
        r.stall_rule = "--stall-days";
    } else if (options.stall_seconds < 0) {
        r.stall_rule = "off";
    } else if (stays >= min_stays_for_p90) {
        r.stall_threshold = r.p90_seconds;
        r.stall_rule = "p90";
    } else {
        r.stall_rule = "fewer than " + std::to_string(min_stays_for_p90) + " stays";
    }
}

void keep_example(std::vector<std::string>& v, const std::string& id, std::size_t limit) {
    if (v.size() < limit && (v.empty() || v.back() != id)) v.push_back(id);
}

}  // namespace

Conformance check_conformance(const EventLog& log, const StepModel& map, const ConformanceOptions& options) {
    Conformance out;
    const MapModel model(log, map, options, out);
    const std::size_t n = model.n;
    const std::size_t limit = options.examples;

    // Pass 1: time in each step, over stays that end by moving to another step (a repeated record of the
    // same step continues the stay; activities off the map are passed over). The log's last time closes
    // the stays of cases that end.
    std::vector<std::vector<float>> stay_seconds(n);
    std::int64_t log_end = INT64_MIN;
    for (const Case& c : log.cases) {
        std::size_t cur = none;
        std::int64_t entry = 0;
        bool entry_timed = false;
        for (const Event& e : c.events) {
            if (e.has_time) log_end = std::max(log_end, e.time_us);
            const std::size_t s = model.step_of_activity[e.activity];
            if (s >= ignored || s == cur) continue;
            if (cur != none && entry_timed && e.has_time)
                stay_seconds[cur].push_back(static_cast<float>(static_cast<double>(e.time_us - entry) / 1e6));
            cur = s;
            entry = e.time_us;
            entry_timed = e.has_time;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        auto& v = stay_seconds[i];
        std::sort(v.begin(), v.end());
        const auto at = [&](double p) { return v.empty() ? -1.0 : double(v[percentile_rank(v.size(), p)]); };
        step_times(out.steps[i], v.size(), at(0.5), at(0.9), model.mapped_stall[i], options);
        std::vector<float>().swap(v);
    }

    // Pairs of steps are counted under their names (two steps may share one), keyed by number during the
    // pass and by name only at the end: no strings built per move.
    std::vector<std::size_t> name_no(n);
    {
        std::unordered_map<std::string, std::size_t> first;
        for (std::size_t i = 0; i < n; ++i) name_no[i] = first.try_emplace(map.steps[i], i).first->second;
    }
    using PairTable = std::unordered_map<std::uint64_t, PairStats>;
    const auto pair_key = [&](std::size_t a, std::size_t b) {
        return std::uint64_t(name_no[a]) * n + name_no[b];
    };
    PairTable unexpected_no, backward_no, skips_no, allowed_no;
    for (auto [s, t] : map.transitions) allowed_no[pair_key(s, t)];
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> inner_paths;  // from * n + to -> inner_path
    std::array<std::uint64_t, deviation_kinds> last_case_of_kind;
    last_case_of_kind.fill(UINT64_MAX);
    std::unordered_map<std::size_t, std::uint64_t> unmapped;
    std::vector<std::uint64_t> last_seen(n, UINT64_MAX), last_skipped(n, UINT64_MAX),
        last_next(n, UINT64_MAX);
    const auto bump = [&](PairStats& p, std::uint64_t case_no, const std::string& id) {
        ++p.count;
        if (p.last_case != case_no) {
            p.last_case = case_no;
            ++p.cases;
            if (p.examples.size() < limit) p.examples.push_back(id);
        }
    };

    // Pass 2: moves, stalls, drop-outs, per case.
    for (std::uint64_t ci = 0; ci < log.cases.size(); ++ci) {
        const Case& c = log.cases[ci];
        if (c.events.empty()) continue;
        ++out.cases;
        bool fits = true;
        std::size_t prev_step = none;
        std::int64_t entry = 0;  // when the current stay began
        bool entry_timed = false;
        const auto deviation = [&](DeviationKind kind, std::size_t step, std::size_t to, std::int64_t when,
                                   bool timed, double seconds) {
            DeviationTally& t = out.tally[static_cast<std::size_t>(kind)];
            ++t.count;
            if (last_case_of_kind[static_cast<std::size_t>(kind)] != ci) {
                last_case_of_kind[static_cast<std::size_t>(kind)] = ci;
                ++t.cases;
            }
            if (!options.keep_deviations) return;
            Deviation d;
            d.case_id = c.id;
            d.kind = kind;
            d.step = map.steps[step];
            if (to != none) d.to = map.steps[to];
            d.when = when;
            d.has_time = timed;
            d.seconds = seconds;
            out.deviations.push_back(std::move(d));
        };
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
            if (model.via_alias[e.activity]) ++out.card_events;
            ++out.steps[s].visits;
            if (last_seen[s] != ci) {
                last_seen[s] = ci;
                ++out.steps[s].cases;
            }
            if (prev_step == none) {
                ++out.steps[s].entries;
                if (!model.is_start[s]) {
                    ++out.late_entries;
                    keep_example(out.late_examples, c.id, limit);
                    deviation(DeviationKind::late_entry, s, none, e.time_us, e.has_time, -1);
                    fits = false;
                }
            } else if (s != prev_step) {  // a repeated stage record is not a move
                const bool timed = entry_timed && e.has_time;
                const double stay = timed ? static_cast<double>(e.time_us - entry) / 1e6 : -1;
                StepReport& from = out.steps[prev_step];
                // Compared as pass 1 kept it (float), so a stay equal to the p90 is not above it.
                if (timed && from.stall_threshold >= 0 &&
                    static_cast<double>(static_cast<float>(stay)) > from.stall_threshold) {
                    ++from.stalls;
                    ++out.stalls;
                    keep_example(from.stall_examples, c.id, limit);
                    deviation(DeviationKind::stall, prev_step, none, entry, entry_timed, stay);
                }
                const std::uint64_t key = pair_key(prev_step, s);
                ++from.transitions_out;
                if (model.drawn.count({prev_step, s})) {
                    ++from.transitions_out_on_map;
                    bump(allowed_no[key], ci, c.id);
                    if (last_next[prev_step] != ci) {
                        last_next[prev_step] = ci;
                        ++from.to_next;
                    }
                } else {
                    fits = false;
                    bump(unexpected_no[key], ci, c.id);
                    DeviationKind kind = DeviationKind::off_map;
                    if (model.rank[s] > model.rank[prev_step]) {
                        auto [at, fresh] = inner_paths.try_emplace(std::uint64_t(prev_step) * n + s);
                        if (fresh) at->second = model.inner_path(prev_step, s);
                        const auto& inner = at->second;
                        if (!inner.empty()) {
                            kind = DeviationKind::skip;
                            bump(skips_no[key], ci, c.id);
                            for (auto k : inner)
                                if (last_skipped[k] != ci) {
                                    last_skipped[k] = ci;
                                    ++out.steps[k].skipped;
                                    keep_example(out.steps[k].skip_examples, c.id, limit);
                                }
                        }
                    }
                    if (model.rank[s] < model.rank[prev_step]) kind = DeviationKind::backward;
                    deviation(kind, prev_step, s, e.time_us, e.has_time, stay);
                }
                if (model.rank[s] < model.rank[prev_step]) {
                    bump(backward_no[key], ci, c.id);
                    ++from.backward;
                }
            }
            if (s != prev_step) {
                entry = e.time_us;
                entry_timed = e.has_time;
            }
            prev_step = s;
        }
        if (prev_step != none) {
            StepReport& last = out.steps[prev_step];
            ++last.exits;
            if (!last.final_step) {
                keep_example(last.drop_examples, c.id, limit);
                const bool timed = entry_timed && log_end != INT64_MIN;
                deviation(DeviationKind::drop_out, prev_step, none, entry, entry_timed,
                          timed ? static_cast<double>(log_end - entry) / 1e6 : -1);
            }
        }
        if (fits) ++out.fitting_cases;
    }
    std::map<std::pair<std::string, std::string>, PairStats> unexpected, backward, skips, allowed;
    const auto by_name = [&](PairTable& from, std::map<std::pair<std::string, std::string>, PairStats>& to) {
        for (auto& [key, stats] : from) to[{map.steps[key / n], map.steps[key % n]}] = std::move(stats);
    };
    by_name(unexpected_no, unexpected);
    by_name(backward_no, backward);
    by_name(skips_no, skips);
    by_name(allowed_no, allowed);
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

namespace jstudio::eventlog {

namespace {

// The first `limit` distinct case numbers of a finding, smallest first (the cases that come first in the
// log, as check_conformance keeps its examples).
class FirstCases {
  public:
    void add(std::uint32_t case_no, std::size_t limit) {
        if (limit == 0 || (m_cases.size() >= limit && case_no >= m_cases.back())) return;
        const auto at = std::lower_bound(m_cases.begin(), m_cases.end(), case_no);
        if (at != m_cases.end() && *at == case_no) return;
        m_cases.insert(at, case_no);
        if (m_cases.size() > limit) m_cases.pop_back();
    }
    const std::vector<std::uint32_t>& cases() const { return m_cases; }

  private:
    std::vector<std::uint32_t> m_cases;
};

}  // namespace

struct ConformanceStream::Impl {
    static constexpr std::uint16_t no_step = UINT16_MAX;
    static constexpr std::size_t max_steps = 64, max_pair_slots = 128;
    enum Table : std::size_t { allowed_table, unexpected_table, skips_table, backward_table, tables };
    // One case's walk so far: 64 bytes whatever its length.
    struct Walk {
        std::int64_t entry = 0;  // when the current stay began
        std::int64_t last = 0;   // the latest event's time (a row earlier than this is refused)
        std::uint64_t reached = 0, skipped = 0, moved_on = 0;    // by step
        std::array<std::uint64_t, max_pair_slots / 64> pairs{};  // by pair slot: seen in this case
        std::uint16_t step = no_step;                            // current step
        std::uint8_t kinds = 0;                                  // by DeviationKind: seen in this case
        bool seen = false, fits = true;
    };
    struct PairEntry {
        std::uint64_t key = 0;  // table * n * n + pair key
        std::uint64_t count = 0, cases = 0;
        FirstCases examples;
    };

    const StepModel map;  // copies: the stream may outlive what it was given
    const ConformanceOptions options;
    Conformance out;
    MapModel model;
    std::size_t n;
    bool usable = true;
    std::vector<std::uint64_t> drawn_to;  // per step: the steps a drawn transition leads to, as bits
    std::vector<std::size_t> name_no;
    std::vector<std::uint16_t> slot_of;  // (table * n * n + pair key) -> pair slot + 1
    std::vector<PairEntry> pairs;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> inner_paths;
    BlockVector<Walk, 15> walks;         // 2 MiB blocks
    std::string ids;                     // case ids one after the other
    std::vector<std::uint64_t> id_ends;  // case k = ids[id_ends[k], id_ends[k + 1])
    // Per step: float seconds bits << 32 | case number, past 16 KiB a step in `spill` (the median, the p90
    // and the stays above it need every stay; they are found by reading them through a few times).
    std::vector<SpillVector<std::uint64_t>> stays;
    SpillFile spill;
    std::vector<std::uint64_t> unmapped;  // per activity
    std::int64_t log_end = INT64_MIN;
    FirstCases late;
    std::vector<FirstCases> skip_examples;

    static EventLog no_names() { return {}; }

    Impl(const StepModel& m, const ConformanceOptions& o)
        : map(m),
          options(o),
          model(no_names(), map, options, out),
          n(m.steps.size()),
          drawn_to(n, 0),
          name_no(n),
          stays(n),
          skip_examples(n) {
        usable = n <= max_steps;
        if (!usable) return;
        for (auto [s, t] : map.transitions) drawn_to[s] |= std::uint64_t(1) << t;
        std::unordered_map<std::string, std::size_t> first;
        for (std::size_t i = 0; i < n; ++i) name_no[i] = first.try_emplace(map.steps[i], i).first->second;
        slot_of.assign(tables * n * n, 0);
        id_ends.push_back(0);
    }

    std::uint64_t pair_key(std::size_t a, std::size_t b) const {
        return std::uint64_t(name_no[a]) * n + name_no[b];
    }

    // Counts one move under a table; false when the log has more kinds of move than a walk has bits for.
    bool bump(Table table, std::uint64_t key, std::uint32_t case_no, Walk& w) {
        const std::uint64_t k = table * n * n + key;
        std::uint16_t& slot = slot_of[k];
        if (!slot) {
            if (pairs.size() >= max_pair_slots) return false;
            pairs.push_back({k, 0, 0, {}});
            slot = static_cast<std::uint16_t>(pairs.size());
        }
        PairEntry& p = pairs[slot - 1u];
        ++p.count;
        const std::uint64_t bit = std::uint64_t(1) << ((slot - 1u) % 64);
        std::uint64_t& word = w.pairs[(slot - 1u) / 64];
        if (!(word & bit)) {
            word |= bit;
            ++p.cases;
            p.examples.add(case_no, options.examples);
        }
        return true;
    }

    void deviation(DeviationKind kind, Walk& w) {
        DeviationTally& t = out.tally[static_cast<std::size_t>(kind)];
        ++t.count;
        const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind));
        if (!(w.kinds & bit)) {
            w.kinds |= bit;
            ++t.cases;
        }
    }

    bool add(std::uint32_t case_no, std::uint32_t activity, std::int64_t t) {
        if (!usable) return false;
        if (case_no >= walks.size()) walks.grow_to(std::size_t(case_no) + 1);
        Walk& w = walks[case_no];
        if (w.seen && t < w.last) return false;
        w.seen = true;
        w.last = t;
        log_end = std::max(log_end, t);
        if (activity >= model.step_of_activity.size()) return false;  // never named (activity_seen)
        const std::size_t s = model.step_of_activity[activity];
        if (s == ignored) {
            ++out.ignored_events;
            return true;
        }
        if (s == none) {
            if (activity >= unmapped.size()) unmapped.resize(activity + 1, 0);
            ++unmapped[activity];
            w.fits = false;
            return true;
        }
        if (model.via_alias[activity]) ++out.card_events;
        StepReport& to = out.steps[s];
        ++to.visits;
        const std::uint64_t bit = std::uint64_t(1) << s;
        if (!(w.reached & bit)) {
            w.reached |= bit;
            ++to.cases;
        }
        const std::size_t prev = w.step;
        if (prev == no_step) {
            ++to.entries;
            if (!model.is_start[s]) {
                ++out.late_entries;
                late.add(case_no, options.examples);
                deviation(DeviationKind::late_entry, w);
                w.fits = false;
            }
        } else if (s != prev) {
            const double stay = static_cast<double>(t - w.entry) / 1e6;
            const float seconds = static_cast<float>(stay);
            std::uint32_t bits;
            std::memcpy(&bits, &seconds, 4);
            stays[prev].push_back((std::uint64_t(bits) << 32) | case_no, spill);
            StepReport& from = out.steps[prev];
            const std::uint64_t key = pair_key(prev, s);
            ++from.transitions_out;
            if (drawn_to[prev] & bit) {
                ++from.transitions_out_on_map;
                if (!bump(allowed_table, key, case_no, w)) return false;
                const std::uint64_t prev_bit = std::uint64_t(1) << prev;
                if (!(w.moved_on & prev_bit)) {
                    w.moved_on |= prev_bit;
                    ++from.to_next;
                }
            } else {
                w.fits = false;
                if (!bump(unexpected_table, key, case_no, w)) return false;
                DeviationKind kind = DeviationKind::off_map;
                if (model.rank[s] > model.rank[prev]) {
                    auto [at, fresh] = inner_paths.try_emplace(std::uint64_t(prev) * n + s);
                    if (fresh) at->second = model.inner_path(prev, s);
                    if (!at->second.empty()) {
                        kind = DeviationKind::skip;
                        if (!bump(skips_table, key, case_no, w)) return false;
                        for (auto k : at->second) {
                            const std::uint64_t kb = std::uint64_t(1) << k;
                            if (!(w.skipped & kb)) {
                                w.skipped |= kb;
                                ++out.steps[k].skipped;
                                skip_examples[k].add(case_no, options.examples);
                            }
                        }
                    }
                }
                if (model.rank[s] < model.rank[prev]) kind = DeviationKind::backward;
                deviation(kind, w);
            }
            if (model.rank[s] < model.rank[prev]) {
                if (!bump(backward_table, key, case_no, w)) return false;
                ++from.backward;
            }
        }
        if (s != prev) w.entry = t;
        w.step = static_cast<std::uint16_t>(s);
        return true;
    }

    std::string id(std::uint32_t case_no) const {
        if (std::size_t(case_no) + 1 >= id_ends.size()) return {};
        return ids.substr(id_ends[case_no], id_ends[case_no + 1] - id_ends[case_no]);
    }
    std::vector<std::string> named(const FirstCases& f) const {
        std::vector<std::string> v;
        for (auto c : f.cases()) v.push_back(id(c));
        return v;
    }

    Conformance finish(const EventLog& names) {
        const std::size_t limit = options.examples;
        // Time in step, thresholds, then the stays above them. Stays are never negative (a row earlier than
        // the case's last is refused), so their float bits order as their seconds.
        for (std::size_t i = 0; i < n; ++i) {
            const auto& v = stays[i];
            const auto seconds_of = [](std::uint64_t stay) {
                return std::bit_cast<float>(static_cast<std::uint32_t>(stay >> 32));
            };
            double median = -1, p90 = -1;
            if (!v.empty()) {
                const auto bits = keys_at_ranks<std::uint32_t>(
                    [&](auto&& f) { v.for_each(spill, [&](std::uint64_t x) { f(std::uint32_t(x >> 32)); }); },
                    {percentile_rank(v.size(), 0.5), percentile_rank(v.size(), 0.9)});
                median = std::bit_cast<float>(bits[0]);
                p90 = std::bit_cast<float>(bits[1]);
            }
            StepReport& r = out.steps[i];
            step_times(r, v.size(), median, p90, model.mapped_stall[i], options);
            if (r.stall_threshold >= 0) {
                FirstCases stalled;
                v.for_each(spill, [&](std::uint64_t stay) {
                    if (static_cast<double>(seconds_of(stay)) <= r.stall_threshold) return;
                    const auto case_no = static_cast<std::uint32_t>(stay);
                    ++r.stalls;
                    ++out.stalls;
                    stalled.add(case_no, limit);
                    deviation(DeviationKind::stall, walks[case_no]);
                });
                r.stall_examples = named(stalled);
            }
            stays[i].clear();
        }
        for (std::size_t c = 0; c < walks.size(); ++c) {
            Walk& w = walks[c];
            if (!w.seen) continue;
            ++out.cases;
            if (w.step != no_step) {
                StepReport& last = out.steps[w.step];
                ++last.exits;
                if (!last.final_step) {
                    if (last.drop_examples.size() < limit)
                        last.drop_examples.push_back(id(static_cast<std::uint32_t>(c)));
                    deviation(DeviationKind::drop_out, w);
                }
            }
            if (w.fits) ++out.fitting_cases;
        }
        walks.clear();
        out.late_examples = named(late);
        for (std::size_t k = 0; k < n; ++k) out.steps[k].skip_examples = named(skip_examples[k]);
        std::array<std::map<std::pair<std::string, std::string>, PairStats>, tables> by_name;
        for (auto [s, t] : map.transitions) by_name[allowed_table][{map.steps[s], map.steps[t]}];
        for (const PairEntry& p : pairs) {
            const std::size_t table = p.key / (n * n), key = p.key % (n * n);
            PairStats& st = by_name[table][{map.steps[key / n], map.steps[key % n]}];
            st.count = p.count;
            st.cases = p.cases;
            st.examples = named(p.examples);
        }
        std::unordered_map<std::size_t, std::uint64_t> unmapped_by_id;
        for (std::size_t a = 0; a < unmapped.size(); ++a)
            if (unmapped[a]) unmapped_by_id[a] = unmapped[a];
        eventlog::finish(out, names, model, unmapped_by_id, by_name[unexpected_table],
                         by_name[backward_table], by_name[skips_table], by_name[allowed_table]);
        return std::move(out);
    }
};

ConformanceStream::ConformanceStream(const StepModel& map, const ConformanceOptions& options)
    : m_impl(std::make_unique<Impl>(map, options)) {}
ConformanceStream::~ConformanceStream() = default;

bool ConformanceStream::add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) {
    if (m_impl->add(case_index, activity, time_us)) return true;
    m_impl->usable = false;
    m_impl->walks.clear();
    for (auto& v : m_impl->stays) v.clear();
    return false;
}

std::size_t ConformanceStream::add_batch(const SinkEvent* events, std::size_t count) {
    auto& walks = m_impl->walks;
    std::uint32_t top = 0;
    for (std::size_t k = 0; k < count; ++k) top = std::max(top, events[k].case_index);
    if (top >= walks.size()) walks.grow_to(std::size_t(top) + 1);
    for (std::size_t k = 0; k < count; ++k) __builtin_prefetch(&walks[events[k].case_index]);
    for (std::size_t k = 0; k < count; ++k)
        if (!add(events[k].case_index, events[k].activity, events[k].time_us)) return k;
    return count;
}

void ConformanceStream::case_seen(std::uint32_t case_index, std::string_view id) {
    if (std::size_t(case_index) + 1 != m_impl->id_ends.size()) return;  // numbers come in order
    m_impl->ids.append(id);
    m_impl->id_ends.push_back(m_impl->ids.size());
}

void ConformanceStream::activity_seen(std::uint32_t activity, std::string_view name) {
    if (activity == m_impl->model.step_of_activity.size()) m_impl->model.add_activity(std::string(name));
}

Conformance ConformanceStream::finish(const EventLog& names) {
    return m_impl->finish(names);
}

}  // namespace jstudio::eventlog

namespace jstudio::eventlog {

std::vector<std::string> activity_steps(const EventLog& log, const StepModel& map,
                                        const ConformanceOptions& options) {
    Conformance scratch;
    const MapModel model(log, map, options, scratch);
    std::vector<std::string> out;
    for (const std::size_t s : model.step_of_activity)
        out.push_back(s == ignored ? "-" : s == none ? "" : map.steps[s]);
    return out;
}

}  // namespace jstudio::eventlog
