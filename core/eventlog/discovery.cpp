#include "core/eventlog/discovery.hpp"

#include "core/eventlog/discovery_stream.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
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

// The part of discovery that follows the per-case pass, shared by discover() and DiscoveryStream: spreads,
// time in stage and the orders of activities, edges and variants.
// `count(k)` is edge k's number of durations, `each(k, f)` calls f(seconds) for each in order, `release(k)`
// says they are no longer needed.
template <typename Count, typename Each, typename Release>
void assemble(Discovery& out, const std::vector<std::string>& names, std::vector<ActivityStats>& acts,
              std::vector<DfgEdge> edges, Count count, Each each, Release release,
              std::vector<Variant> variants, std::uint64_t variants_total, std::size_t top_variants) {
    const std::size_t n_act = acts.size();
    // Time in stage of an activity = the durations of the edges leaving it, read edge after edge rather than
    // kept twice.
    std::vector<std::vector<std::size_t>> edges_from(n_act);
    for (std::size_t k = 0; k < edges.size(); ++k) edges_from[edges[k].from].push_back(k);
    for (std::size_t i = 0; i < n_act; ++i) {
        acts[i].activity = static_cast<std::uint32_t>(i);
        std::size_t n = 0;
        for (auto k : edges_from[i]) n += count(k);
        acts[i].time_in_stage = spread_over(n, [&](auto&& f) {
            for (auto k : edges_from[i]) each(k, f);
        });
        if (acts[i].events > 0) out.activities.push_back(acts[i]);
    }
    std::sort(out.activities.begin(), out.activities.end(),
              [&](const ActivityStats& a, const ActivityStats& b) {
                  if (a.events != b.events) return a.events > b.events;
                  return names[a.activity] < names[b.activity];
              });
    for (std::size_t k = 0; k < edges.size(); ++k) {
        edges[k].duration = spread_over(count(k), [&](auto&& f) { each(k, f); });
        release(k);
    }
    std::sort(edges.begin(), edges.end(), [&](const DfgEdge& a, const DfgEdge& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.from != b.from) return names[a.from] < names[b.from];
        return names[a.to] < names[b.to];
    });
    out.edges = std::move(edges);

    out.variants_total = variants_total;
    out.variants = std::move(variants);
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
}

}  // namespace

Discovery discover(const EventLog& log, std::size_t top_variants) {
    Discovery out;
    const auto& names = log.activities();
    const std::size_t n_act = names.size();
    std::vector<ActivityStats> acts(n_act);
    std::vector<std::uint64_t> last_case_seen(n_act, UINT64_MAX);
    // Edge key = from * n_act + to; a dense matrix is fine for journey-sized alphabets, a map beyond.
    std::unordered_map<std::uint64_t, std::size_t> edge_index;
    // Journey-sized alphabets (up to 512 activities, a 1 MiB table) index edges in a dense table: no hashing
    // per event.
    const bool dense = n_act <= 512;
    std::vector<std::uint32_t> dense_index(dense ? n_act * n_act : 0, 0);  // edge number + 1; 0 = none
    std::vector<DfgEdge> edges;
    std::vector<std::vector<double>> edge_durations;
    std::unordered_map<std::vector<std::uint32_t>, std::uint64_t, VectorHash> variants;
    std::vector<double> durations, durations_2plus;
    std::vector<std::uint32_t> seq;
    // With the dense table, a counting pass sizes every duration list once: a million-event log otherwise
    // spends its time regrowing them.
    std::vector<std::uint32_t> pair_count(dense ? n_act * n_act : 0, 0);
    if (dense) {
        for (const Case& c : log.cases)
            for (std::size_t i = 0; i + 1 < c.events.size(); ++i)
                ++pair_count[std::uint64_t(c.events[i].activity) * n_act + c.events[i + 1].activity];
        durations.reserve(log.cases.size());
        durations_2plus.reserve(log.cases.size());
    }

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
            std::size_t edge_no;
            if (dense) {
                std::uint32_t& slot = dense_index[key];
                if (slot == 0) {
                    edges.push_back({e.activity, next.activity, 0, {}});
                    edge_durations.emplace_back().reserve(pair_count[key]);
                    slot = static_cast<std::uint32_t>(edges.size());
                }
                edge_no = slot - 1;
            } else {
                auto [it, fresh] = edge_index.try_emplace(key, edges.size());
                if (fresh) {
                    edges.push_back({e.activity, next.activity, 0, {}});
                    edge_durations.emplace_back();
                }
                edge_no = it->second;
            }
            ++edges[edge_no].count;
            ++out.total_arcs;
            if (e.has_time && next.has_time) {
                const double dt = seconds_between(e, next);
                edge_durations[edge_no].push_back(dt);
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

    std::vector<Variant> variant_list;
    variant_list.reserve(variants.size());
    for (auto& [seq_of, count] : variants) variant_list.push_back({seq_of, count});
    const std::uint64_t variants_total = variant_list.size();
    assemble(
        out, names, acts, std::move(edges), [&](std::size_t k) { return edge_durations[k].size(); },
        [&](std::size_t k, auto&& f) {
            for (const double d : edge_durations[k]) f(d);
        },
        [&](std::size_t k) { std::vector<double>().swap(edge_durations[k]); }, std::move(variant_list),
        variants_total, top_variants);
    out.case_duration = spread_of(std::move(durations));
    out.case_duration_2plus = spread_of(std::move(durations_2plus));
    return out;
}

void DurationList::push(std::int64_t us, SpillFile& file) {
    // (double)(s * 1e6) / 1e6 is s exactly: whole seconds read back as the values discover() computes.
    if (m_whole && us % 1000000 == 0 && us / 1000000 >= INT32_MIN && us / 1000000 <= INT32_MAX) {
        m_seconds.push_back(static_cast<std::int32_t>(us / 1000000), file);
        return;
    }
    if (m_whole) {  // the first fraction of a second: every duration becomes a double
        m_whole = false;
        m_seconds.for_each(file, [&](std::int32_t v) { m_any.push_back(v, file); });
        m_seconds.clear();
    }
    m_any.push_back(static_cast<double>(us) / 1e6, file);
}

DiscoveryStream::DiscoveryStream(std::size_t trie_slack) : m_trie_slack(trie_slack), m_children(1024) {
    m_nodes.grow_to(1);
}

namespace {

std::uint64_t child_key(std::uint32_t parent, std::uint32_t activity) {
    return ((std::uint64_t(parent) << 32) | activity) + 1;  // 0 marks a free slot
}

std::size_t slot_of(std::uint64_t key, std::size_t mask) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 29) & mask;
}

}  // namespace

void DiscoveryStream::grow_children() {
    std::vector<ChildSlot, HugePageAllocator<ChildSlot>> slots(m_children.size() * 2);
    const std::size_t mask = slots.size() - 1;
    for (const ChildSlot& c : m_children) {
        if (!c.parent1) continue;
        std::size_t h = slot_of(child_key(c.parent1 - 1, c.activity), mask);
        while (slots[h].parent1) h = (h + 1) & mask;
        slots[h] = c;
    }
    m_children.swap(slots);
}

std::uint32_t DiscoveryStream::edge(std::uint32_t from, std::uint32_t to) {
    if (from >= m_pair_width || to >= m_pair_width) {  // a new activity: widen the pair table
        const std::size_t width =
            std::max<std::size_t>({16, m_pair_width * 2, std::size_t(from) + 1, std::size_t(to) + 1});
        std::vector<std::uint32_t> table(width * width, 0);
        for (std::size_t f = 0; f < m_pair_width; ++f)
            for (std::size_t t = 0; t < m_pair_width; ++t)
                table[f * width + t] = m_edge_of_pair[f * m_pair_width + t];
        m_edge_of_pair.swap(table);
        m_pair_width = width;
    }
    std::uint32_t& slot = m_edge_of_pair[std::size_t(from) * m_pair_width + to];
    if (!slot) {
        m_edges.push_back({from, to, 0, {}});
        m_edge_durations.emplace_back();
        slot = static_cast<std::uint32_t>(m_edges.size());
    }
    return slot - 1;
}

std::uint32_t DiscoveryStream::child(std::uint32_t parent, std::uint32_t activity) {
    std::size_t mask = m_children.size() - 1, h = slot_of(child_key(parent, activity), mask);
    for (; m_children[h].parent1; h = (h + 1) & mask)
        if (m_children[h].parent1 == parent + 1 && m_children[h].activity == activity)
            return m_children[h].node;
    const auto id = static_cast<std::uint32_t>(m_nodes.size());
    m_nodes.push_back({parent, activity});
    m_children[h] = {parent + 1, activity, id};
    if (++m_child_count * 2 > m_children.size()) grow_children();
    return id;
}

bool DiscoveryStream::add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) {
    if (case_index >= m_cases.size()) m_cases.grow_to(std::size_t(case_index) + 1);
    CaseState& c = m_cases[case_index];
    if (c.node == 0) ++m_cases_seen;
    // Out of time order for its case: refused, and what was kept is let go before the caller reads the log
    // whole.
    if (c.node != 0 && time_us < c.last) {
        release();
        return false;
    }
    if (activity >= m_activity_events.size()) m_activity_events.resize(std::size_t(activity) + 1, 0);
    if (!m_sequences && m_nodes.size() > trie_budget_per_case * m_cases_seen + m_trie_slack &&
        !to_sequences()) {
        release();
        return false;
    }
    ++m_activity_events[activity];
    if (m_sequences) {
        if (activity > 255) {
            release();
            return false;
        }
        if (c.node == 0) {
            c.first = time_us;
        } else {
            const std::uint32_t e = edge(c.node - 1, activity);
            ++m_edges[e].count;
            ++m_arcs;
            m_edge_durations[e].push(time_us - c.last, *m_spill);
            if (time_us == c.last) ++m_equal_time_pairs;
        }
        append(case_index, activity);
        c.last = time_us;
        c.node = activity + 1;
        return true;
    }
    const std::uint32_t next = child(c.node, activity);
    if (c.node == 0) {
        c.first = time_us;
    } else {
        const std::uint32_t e = edge(c.activity, activity);
        ++m_edges[e].count;
        ++m_arcs;
        m_edge_durations[e].push(time_us - c.last, *m_spill);
        if (time_us == c.last) ++m_equal_time_pairs;
    }
    c.last = time_us;
    c.node = next;
    c.activity = activity;
    return true;
}

void DiscoveryStream::append(std::uint32_t case_index, std::uint32_t activity) {
    if (case_index >= m_sequence_of.size()) m_sequence_of.grow_to(m_cases.size());
    Sequence& q = m_sequence_of[case_index];
    if (q.length % 12 == 0) {
        const auto at = static_cast<std::uint32_t>(m_chunks.size());
        m_chunks.grow_to(std::size_t(at) + 1);
        if (q.length == 0)
            q.head = at;
        else
            m_chunks[q.tail].next = at;
        q.tail = at;
    }
    m_chunks[q.tail].activities[q.length % 12] = static_cast<std::uint8_t>(activity);
    ++q.length;
}

// Each case's trie path written out as its sequence, then the trie let go.
bool DiscoveryStream::to_sequences() {
    if (m_activity_events.size() > 256) return false;
    m_sequences = true;
    m_sequence_of.clear();
    m_sequence_of.grow_to(m_cases.size());
    std::vector<std::uint32_t> path;
    for (std::size_t k = 0; k < m_cases.size(); ++k) {
        CaseState& c = m_cases[k];
        if (c.node == 0) continue;
        path.clear();
        for (std::uint32_t u = c.node; u != 0; u = m_nodes[u].parent) path.push_back(m_nodes[u].activity);
        for (auto a = path.rbegin(); a != path.rend(); ++a) append(static_cast<std::uint32_t>(k), *a);
        c.node = path.front() + 1;
    }
    m_nodes.clear();
    decltype(m_children)().swap(m_children);
    return true;
}

std::size_t DiscoveryStream::add_batch(const SinkEvent* events, std::size_t count) {
    std::uint32_t top = 0;
    for (std::size_t k = 0; k < count; ++k) top = std::max(top, events[k].case_index);
    if (top >= m_cases.size()) m_cases.grow_to(std::size_t(top) + 1);
    for (std::size_t k = 0; k < count; ++k) __builtin_prefetch(&m_cases[events[k].case_index]);
    // The child slot each event will probe (a hint: an earlier event of the same batch may move the case).
    const std::size_t mask = m_children.size() - 1;
    for (std::size_t k = 0; k < count && !m_sequences; ++k) {
        const std::uint32_t node = m_cases[events[k].case_index].node;
        __builtin_prefetch(&m_children[slot_of(child_key(node, events[k].activity), mask)]);
    }
    for (std::size_t k = 0; k < count; ++k)
        if (!add(events[k].case_index, events[k].activity, events[k].time_us)) return k;
    return count;
}

void DiscoveryStream::release() {
    DiscoveryStream empty;
    std::swap(m_nodes, empty.m_nodes);
    std::swap(m_children, empty.m_children);
    std::swap(m_cases, empty.m_cases);
    std::swap(m_edge_durations, empty.m_edge_durations);
    std::swap(m_spill, empty.m_spill);
    std::swap(m_edges, empty.m_edges);
    std::swap(m_chunks, empty.m_chunks);
    std::swap(m_sequence_of, empty.m_sequence_of);
}

Discovery DiscoveryStream::finish(const EventLog& names, std::size_t top_variants) {
    Discovery out;
    const std::size_t n_act = names.activities().size();
    std::vector<ActivityStats> acts(n_act);
    for (std::size_t a = 0; a < n_act && a < m_activity_events.size(); ++a)
        acts[a].events = m_activity_events[a];
    // Depth of each trie node (a parent is numbered before its children), and the cases ending there.
    std::vector<std::uint32_t> depth_of(m_nodes.size(), 0), ends_at(m_nodes.size(), 0);
    for (std::size_t u = 1; u < m_nodes.size(); ++u) depth_of[u] = depth_of[m_nodes[u].parent] + 1;
    std::vector<double> durations, durations_2plus;
    durations.reserve(m_cases.size());
    // Sequence mode: each case's activities (one byte each) -> how many cases took that path.
    std::unordered_map<std::string, std::uint64_t> paths;
    std::string path;
    for (std::size_t k = 0; k < m_cases.size(); ++k) {
        const CaseState& c = m_cases[k];
        if (c.node == 0) continue;  // a case whose rows were all left out
        ++out.cases;
        std::uint32_t depth = 0;
        if (m_sequences) {
            const Sequence& q = m_sequence_of[k];
            depth = q.length;
            path.resize(q.length);
            std::uint32_t chunk = q.head;
            for (std::uint32_t i = 0; i < q.length; ++i) {
                if (i && i % 12 == 0) chunk = m_chunks[chunk].next;
                path[i] = static_cast<char>(m_chunks[chunk].activities[i % 12]);
            }
            ++paths[path];
        } else {
            depth = depth_of[c.node];
            ++ends_at[c.node];
        }
        out.events += depth;
        const double d = static_cast<double>(c.last - c.first) / 1e6;
        durations.push_back(d);
        if (depth >= 2) durations_2plus.push_back(d);
    }
    m_cases.clear();
    m_chunks.clear();
    m_sequence_of.clear();
    // Reach, starts and ends from every path; Variant lists (4 bytes an activity) only for the paths that
    // make the top: on a log where every case takes a path of its own they would be 4 bytes an event.
    std::vector<Variant> variants;
    std::vector<std::size_t> stamp(n_act, SIZE_MAX);
    std::vector<std::pair<std::uint64_t, const std::string*>> ranked;
    ranked.reserve(paths.size());
    for (const auto& [p, count] : paths) {
        for (const char a : p) {
            const auto id = static_cast<std::uint32_t>(static_cast<unsigned char>(a));
            if (stamp[id] != ranked.size()) {
                stamp[id] = ranked.size();
                acts[id].cases += count;
            }
        }
        acts[static_cast<unsigned char>(p.front())].starts += count;
        acts[static_cast<unsigned char>(p.back())].ends += count;
        ranked.push_back({count, &p});
    }
    std::uint64_t variants_total = ranked.size();
    if (top_variants && ranked.size() > top_variants) {
        // The order assemble() sorts variants in: count, then the sequence of names.
        const auto& act_names = names.activities();
        const auto byte_less = [&](char x, char y) {
            return act_names[static_cast<unsigned char>(x)] < act_names[static_cast<unsigned char>(y)];
        };
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top_variants),
                          ranked.end(), [&](const auto& a, const auto& b) {
                              if (a.first != b.first) return a.first > b.first;
                              return std::lexicographical_compare(a.second->begin(), a.second->end(),
                                                                  b.second->begin(), b.second->end(),
                                                                  byte_less);
                          });
        ranked.resize(top_variants);
    }
    for (const auto& [count, p] : ranked) {
        Variant var;
        var.count = count;
        for (const char a : *p) var.activities.push_back(static_cast<unsigned char>(a));
        variants.push_back(std::move(var));
    }
    std::vector<std::pair<std::uint64_t, const std::string*>>().swap(ranked);
    std::unordered_map<std::string, std::uint64_t>().swap(paths);
    // One variant per trie node where cases end: its path from the root is the activity sequence.
    std::fill(stamp.begin(), stamp.end(), SIZE_MAX);
    for (std::size_t v = 1; v < m_nodes.size(); ++v) {
        const std::uint64_t count = ends_at[v];
        if (!count) continue;
        Variant var;
        var.count = count;
        var.activities.resize(depth_of[v]);
        std::size_t i = var.activities.size();
        for (std::uint32_t u = static_cast<std::uint32_t>(v); u != 0; u = m_nodes[u].parent) {
            const std::uint32_t a = m_nodes[u].activity;
            var.activities[--i] = a;
            if (stamp[a] != v) {
                stamp[a] = v;
                acts[a].cases += count;
            }
        }
        acts[var.activities.front()].starts += count;
        acts[var.activities.back()].ends += count;
        variants.push_back(std::move(var));
        ++variants_total;
    }
    out.total_arcs = m_arcs;
    out.equal_time_pairs = m_equal_time_pairs;
    const SpillFile& spill = *m_spill;
    assemble(
        out, names.activities(), acts, std::move(m_edges),
        [&](std::size_t k) { return m_edge_durations[k].size(); },
        [&](std::size_t k, auto&& f) { m_edge_durations[k].for_each(spill, f); },
        [&](std::size_t k) { m_edge_durations[k] = {}; }, std::move(variants), variants_total, top_variants);
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
