#pragma once
// discover() fed one event at a time, for logs too big to hold: per case a node of the variant trie (which
// stands for the case's activities so far) and its first and last time; per arc its duration (the median
// and p90 need them all). Memory follows the cases, the distinct paths and the arcs, not the events.
// Same answer as discover() on the ordered log when every case's events come in time order (equal times
// keep file order); add() refuses an event that does not, and the caller falls back to reading the log whole.
#include <cstdint>
#include <vector>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

class DiscoveryStream : public EventSink {
  public:
    DiscoveryStream();
    bool add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) override;
    // `names`: the log whose activity ids add() was given (the reader interns them there).
    Discovery finish(const EventLog& names, std::size_t top_variants = 10);

  private:
    struct Node {
        std::uint32_t parent = 0, activity = 0, depth = 0;
        std::uint32_t edge =
            UINT32_MAX;  // arc from the parent's activity to this one (UINT32_MAX at depth 1)
    };
    std::uint32_t child(std::uint32_t parent, std::uint32_t activity);
    std::uint32_t edge(std::uint32_t from, std::uint32_t to);
    void grow_children();

    std::vector<Node> m_nodes;  // [0] = the root (no event yet)
    // Open addressing: (parent, activity) -> node; key 0 is free (the root is never a child).
    std::vector<std::uint64_t> m_child_keys;
    std::vector<std::uint32_t> m_child_nodes;
    std::size_t m_child_count = 0;
    // Per case (by index): trie node, first and last time.
    std::vector<std::uint32_t> m_case_node;
    std::vector<std::int64_t> m_case_first, m_case_last;
    std::vector<std::uint64_t> m_activity_events;
    std::vector<DfgEdge> m_edges;
    std::vector<std::vector<double>> m_edge_durations;
    std::vector<std::uint32_t> m_edge_of_pair;  // from * m_pair_width + to -> edge + 1 (0 = none)
    std::size_t m_pair_width = 0;
    std::uint64_t m_equal_time_pairs = 0, m_arcs = 0;
};

}  // namespace jstudio::eventlog
