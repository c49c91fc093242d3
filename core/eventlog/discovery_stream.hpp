#pragma once
// discover() fed one event at a time, for logs too big to hold: per case a node of the variant trie (which
// stands for the case's activities so far) and its first and last time; per arc its duration, in a
// temporary file past 16 KiB an arc (the exact median and p90 need them all; they are found by reading the
// durations through two or three times). Memory follows the cases, the distinct paths and the arcs, not the
// events.
// Same answer as discover() on the ordered log when every case's events come in time order (equal times
// keep file order); add() refuses an event that does not, and the caller falls back to reading the log
// whole. Long cases that each take a path of their own would make the trie as big as the events: past its
// budget each case's activities are kept instead as one byte each in 16-byte chunks (12 activities per
// chunk), and the variants are counted at the end (a log of more than 255 activities is then refused).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/spill_file.hpp"
#include "core/eventlog/block_vector.hpp"
#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// The durations of one arc: whole seconds in 4 bytes each while every one is whole (CRM exports keep
// seconds), doubles from the first that is not; past a chunk, in `file`.
class DurationList {
  public:
    void push(std::int64_t microseconds, SpillFile& file);
    std::size_t size() const { return m_whole ? m_seconds.size() : m_any.size(); }
    // f(double seconds) in push order.
    template <typename F>
    void for_each(const SpillFile& file, F&& f) const {
        if (m_whole)
            m_seconds.for_each(file, [&](std::int32_t s) { f(static_cast<double>(s)); });
        else
            m_any.for_each(file, f);
    }

  private:
    SpillVector<std::int32_t> m_seconds;
    SpillVector<double> m_any;
    bool m_whole = true;
};

class DiscoveryStream : public EventSink {
  public:
    // `trie_slack`: trie nodes allowed beyond trie_budget_per_case per case before the sequence mode
    // (tests make it small).
    explicit DiscoveryStream(std::size_t trie_slack = std::size_t(1) << 16);
    bool add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) override;
    // Asks for every event's case state, then for the trie nodes they lead to, then adds them in order.
    std::size_t add_batch(const SinkEvent* events, std::size_t count) override;
    // `names`: the log whose activity ids add() was given (the reader interns them there).
    Discovery finish(const EventLog& names, std::size_t top_variants = 10);

  private:
    // Open addressing: (parent, activity) -> node, 12 bytes a slot; parent + 1 = 0 marks a free slot.
    struct ChildSlot {
        std::uint32_t parent1 = 0, activity = 0, node = 0;
    };
    // 8 bytes: a node's depth is counted at the end.
    struct Node {
        std::uint32_t parent = 0, activity = 0;
    };
    std::uint32_t child(std::uint32_t parent, std::uint32_t activity);
    std::uint32_t edge(std::uint32_t from, std::uint32_t to);
    void grow_children();
    void release();
    // Past this many trie nodes per case (plus m_trie_slack) the trie costs more than the events it stands
    // for: add() turns to the sequence mode.
    static constexpr std::size_t trie_budget_per_case = 4;
    std::size_t m_trie_slack;

    BlockVector<Node, 17> m_nodes;                                    // [0] = the root (no event yet)
    std::vector<ChildSlot, HugePageAllocator<ChildSlot>> m_children;  // see ChildSlot
    std::size_t m_child_count = 0;
    // Per case (by index), together so a row touches one cache line: first and last time, trie node and
    // last activity (the arc of the next event is found from it in the pair table).
    struct CaseState {
        std::int64_t first = 0, last = 0;
        std::uint32_t node = 0;  // 0: no event yet
        std::uint32_t activity = 0;
    };
    BlockVector<CaseState, 17> m_cases;
    std::vector<std::uint64_t> m_activity_events;
    std::vector<DfgEdge> m_edges;
    std::vector<DurationList> m_edge_durations;
    std::unique_ptr<SpillFile> m_spill = std::make_unique<SpillFile>();  // the arcs' durations past a chunk
    std::vector<std::uint32_t> m_edge_of_pair;  // from * m_pair_width + to -> edge + 1 (0 = none)
    std::size_t m_pair_width = 0;
    std::uint64_t m_equal_time_pairs = 0, m_arcs = 0, m_cases_seen = 0;

    // Sequence mode (the trie over its budget): CaseState::node is the case's last activity + 1, and its
    // activities sit in a chain of chunks.
    bool to_sequences();
    void append(std::uint32_t case_index, std::uint32_t activity);
    bool m_sequences = false;
    struct Chunk {
        std::uint32_t next = 0;
        std::uint8_t activities[12];
    };
    struct Sequence {
        std::uint32_t head = 0, tail = 0, length = 0;
    };
    BlockVector<Chunk, 17> m_chunks;
    BlockVector<Sequence, 18> m_sequence_of;  // per case
};

}  // namespace jstudio::eventlog
