#pragma once
// An event log as process mining sees it: cases, each an ordered list of (activity, time) events.
// Activities are interned so analyses work on small integers; names are kept once.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jstudio::eventlog {

struct Event {
    std::int64_t time_us = 0;  // microseconds since 1970-01-01T00:00:00Z; meaningless when !has_time
    std::uint32_t activity = 0;
    bool has_time = false;
};

struct Case {
    std::string id;
    std::string segment;  // value of the segmentation attribute, "" when none was asked for
    std::vector<Event> events;
};

// Counts an importer fills in besides the cases, so reports can say what was left out and why.
struct LogCounts {
    std::uint64_t events_in_file = 0;            // every event / data row seen
    std::uint64_t events_lifecycle_skipped = 0;  // lifecycle present and not "complete"
    std::uint64_t events_untimed = 0;            // kept without a usable timestamp (sorted last)
    std::uint64_t rows_bad = 0;                  // CSV rows skipped as bad
    std::uint64_t rows_other_field = 0;          // field-history rows about another field than the stage
    std::uint64_t cases_empty = 0;               // cases dropped because no event was left
    std::uint64_t cases_reordered = 0;           // cases whose file order differs from time order
};

// Takes events one at a time, in file order, instead of an EventLog holding them all (a reader given one
// keeps no cases). case_index numbers cases by first appearance. add() returns false when the sink cannot
// go on (an event earlier than the case's previous one, or a sink's own limit): the caller reads it whole.
struct SinkEvent {
    std::uint32_t case_index = 0, activity = 0;
    std::int64_t time_us = 0;
};
class EventSink {
  public:
    virtual ~EventSink() = default;
    virtual bool add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) = 0;
    // Several events in file order; returns how many were taken (it stops at the first one refused). A
    // sink overrides it to fetch the state of several cases from memory at once (rows of a log in time
    // order each touch another case, and each such touch is a cache miss).
    virtual std::size_t add_batch(const SinkEvent* events, std::size_t count) {
        for (std::size_t k = 0; k < count; ++k)
            if (!add(events[k].case_index, events[k].activity, events[k].time_us)) return k;
        return count;
    }
    // A case number given for the first time, with the case's id (before any add() for it; a case whose
    // rows are all left out is seen and never added to).
    virtual void case_seen(std::uint32_t /*case_index*/, std::string_view /*id*/) {}
    // An activity id given for the first time (ids come in order: 0, 1, 2 ...), before any add() with it.
    virtual void activity_seen(std::uint32_t /*activity*/, std::string_view /*name*/) {}
};

class EventLog {
  public:
    std::uint32_t activity_id(std::string_view name);
    const std::vector<std::string>& activities() const { return m_activities; }
    const std::string& activity_name(std::uint32_t id) const { return m_activities[id]; }

    // Stable sort of each case by time (ties keep file order, untimed events last), then drops empty cases.
    void order_events();

    std::vector<Case> cases;
    LogCounts counts;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::string> m_activities;
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_activity_ids;
};

}  // namespace jstudio::eventlog
