#pragma once
// check_conformance() fed one event at a time, for logs too big to hold: per case a fixed-size walk state
// (current stage and when it was entered, the stages reached, skipped and moved on from as bit sets, the
// kinds of deviation and the pairs of steps seen as bit sets); per stay in a stage its length and its case
// (8 bytes: the median, the p90 and the stall check need them all). Memory follows the cases and the stays,
// not the events: no event is kept.
// Same answer as check_conformance() on the ordered log, except Conformance::deviations (never listed:
// `journey validate --cases` reads the log whole), when every case's events come in time order. add()
// refuses an event that does not, and refuses a map of more than 64 steps or a log with more than 128
// distinct kinds of move (pairs of steps by table): the caller then reads the log whole.
#include <cstdint>
#include <memory>

#include "core/eventlog/conformance.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

class ConformanceStream : public EventSink {
  public:
    ConformanceStream(const StepModel& map, const ConformanceOptions& options);
    ~ConformanceStream() override;
    bool add(std::uint32_t case_index, std::uint32_t activity, std::int64_t time_us) override;
    std::size_t add_batch(const SinkEvent* events, std::size_t count) override;
    void case_seen(std::uint32_t case_index, std::string_view id) override;
    void activity_seen(std::uint32_t activity, std::string_view name) override;
    // `names`: the log whose activity ids add() was given (the reader interns them there).
    Conformance finish(const EventLog& names);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace jstudio::eventlog
