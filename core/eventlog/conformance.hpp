#pragma once
// Conformance of an event log against a journey map: which cases follow the drawn paths, where customers
// enter, skip steps, go backwards, stall, and which observed transitions or steps the map lacks.
#include <cstdint>
#include <string>
#include <vector>

#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// The map as steps (matched to activities by name, case-insensitively, spaces trimmed) and allowed
// transitions.
struct JourneyMap {
    std::vector<std::string> steps;
    std::vector<std::pair<std::size_t, std::size_t>> transitions;  // indexes into steps
};

struct ConformanceOptions {
    double stall_seconds = 0;  // time in a step above this is a stall; 0 = no stall check
};

struct TransitionCount {
    std::string from, to;
    std::uint64_t count = 0;  // occurrences
    std::uint64_t cases = 0;  // cases with at least one
};

struct StepReport {
    std::string step;
    std::uint64_t cases = 0;    // reach
    std::uint64_t entries = 0;  // cases starting here
    std::uint64_t exits = 0;    // cases ending here
    std::uint64_t skipped = 0;  // cases that jumped over this step (forward move past it, not via it)
    std::uint64_t stalls = 0;   // stays above the threshold
    std::uint64_t transitions_out = 0, transitions_out_on_map = 0;
};

struct Conformance {
    std::uint64_t cases = 0, fitting_cases = 0;
    double fitness = 0;              // fitting_cases / cases
    std::uint64_t late_entries = 0;  // cases starting at a step that is not a map start step
    std::vector<StepReport> steps;   // in map order
    std::vector<std::string> steps_never_seen;
    std::vector<std::pair<std::string, std::uint64_t>> unmapped_activities;  // activity, events
    std::vector<TransitionCount> unexpected;  // seen in the log between map steps, not drawn (incl. skips)
    std::vector<TransitionCount> backward;    // moves to a step ranked earlier on the map
    std::vector<TransitionCount> skips;       // forward moves over at least one step, not drawn
    std::vector<TransitionCount> allowed;     // drawn transitions with their volume (0 = never used)
    std::uint64_t stalls = 0;
};

// Step rank = breadth-first distance from the start steps (no incoming transition; the first step if none).
Conformance check_conformance(const EventLog& log, const JourneyMap& map,
                              const ConformanceOptions& options = {});

// The name used to match a step with an activity: trimmed, lower case, HTML tags and entities of a draw.io
// label removed, runs of white space as one space.
std::string match_key(std::string_view label);

}  // namespace jstudio::eventlog
