#pragma once
// discover() fed one event at a time, for logs too big to hold: per case a node of the variant trie (which
// stands for the case's activities so far) and its first and last time; per arc its duration (the median
// and p90 need them all). Memory follows the cases, the distinct paths and the arcs, not the events.
// Same answer as discover() on the ordered log when every case's events come in time order (equal times
// keep file order); add() refuses an event that does not, and also refuses once the trie outgrows its budget
// (long cases that each take a path of their own), and the caller falls back to reading the log whole.
#include <cstdint>
#include <vector>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// The durations of one arc: whole seconds in 4 bytes each while every one is whole (CRM exports keep
// seconds), doubles from the first that is not.
class DurationList {
  public:
    void push(std::int64_t microseconds);
    void append_to(std::vector<double>& into) const;  // in seconds, in push order

  private:
    std::vector<std::int32_t> m_seconds;
    std::vector<double> m_any;
    bool m_whole = true;
};

class DiscoveryStream : public EventSink {
  public:
    DiscoveryStream();
    bool add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) override;
    // Asks for every event's case state, then for the trie nodes they lead to, then adds them in order.
    std::size_t add_batch(const SinkEvent* events, std::size_t count) override;
    // `names`: the log whose activity ids add() was given (the reader interns them there).
    Discovery finish(const EventLog& names, std::size_t top_variants = 10);

  private:
    // Open addressing: (parent, activity) -> node and its arc, in one slot so that a row's lookup is one
    // cache line; key 0 is free (the root is never a child).
    struct ChildSlot {
        std::uint64_t key = 0;
        std::uint32_t node = 0, edge = UINT32_MAX;
    };
    struct Node {
        std::uint32_t parent = 0, activity = 0, depth = 0;
        std::uint32_t edge =
            UINT32_MAX;  // arc from the parent's activity to this one (UINT32_MAX at depth 1)
    };
    const ChildSlot& child(std::uint32_t parent, std::uint32_t activity);
    std::uint32_t edge(std::uint32_t from, std::uint32_t to);
    void grow_children();
    void release();
    // add() refuses once the trie has more nodes than this many per case (plus a million): past that it
    // costs more than the events it stands for.
    static constexpr std::size_t trie_budget_per_case = 4;

    std::vector<Node> m_nodes;          // [0] = the root (no event yet)
    std::vector<ChildSlot> m_children;  // see ChildSlot
    std::size_t m_child_count = 0;
    // Per case (by index), together so a row touches one cache line: first and last time, trie node.
    struct CaseState {
        std::int64_t first = 0, last = 0;
        std::uint32_t node = 0;  // 0: no event yet
    };
    std::vector<CaseState> m_cases;
    std::vector<std::uint64_t> m_activity_events;
    std::vector<DfgEdge> m_edges;
    std::vector<DurationList> m_edge_durations;
    std::vector<std::uint32_t> m_edge_of_pair;  // from * m_pair_width + to -> edge + 1 (0 = none)
    std::size_t m_pair_width = 0;
    std::uint64_t m_equal_time_pairs = 0, m_arcs = 0, m_cases_seen = 0;
};

}  // namespace jstudio::eventlog
