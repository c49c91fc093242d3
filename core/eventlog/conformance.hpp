#pragma once
// Conformance of an event log against a journey map: which cases follow the drawn paths, where customers
// enter, skip steps, go backwards, stall, and which observed transitions or steps the map lacks.
#include <cstdint>
#include <string>
#include <vector>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// What conformance checks a log against: the steps of the journey on a page (matched to activities by name,
// case-insensitively, spaces trimmed) and the allowed transitions; built from journey::JourneyMap by
// step_model (step_model.hpp).
struct StepModel {
    std::vector<std::string> steps;
    std::vector<std::pair<std::size_t, std::size_t>> transitions;  // indexes into steps
    std::vector<std::string> step_ids;        // draw.io cell id per step (may be empty): mapping targets
    std::vector<std::string> transition_ids;  // draw.io edge id per transition (may be empty)
};

// One row of a mapping file: the activity (matched with match_key) goes to the step whose cell id is
// `target`, else whose name matches it; target "-" marks an activity that is not a journey step (its
// events are ignored, not reported as unmapped and not held against fitness).
struct MappingRow {
    std::string activity, target;
};

struct ConformanceOptions {
    double stall_seconds = 0;         // time in a step above this is a stall; 0 = no stall check
    std::vector<MappingRow> mapping;  // consulted before matching activity names with step names
};

struct TransitionCount {
    std::string from, to;
    std::uint64_t count = 0;  // occurrences
    std::uint64_t cases = 0;  // cases with at least one
};

struct StepReport {
    std::string step;
    bool final_step = false;    // no drawn transition leaves it: ending here is completion, not drop-off
    std::uint64_t visits = 0;   // events mapped to the step
    std::uint64_t cases = 0;    // reach (0 when aggregated: unknown)
    std::uint64_t entries = 0;  // cases starting here
    std::uint64_t exits = 0;    // cases ending here
    std::uint64_t skipped = 0;  // cases that jumped over this step (forward move past it, not via it)
    std::uint64_t stalls = 0;   // stays above the threshold
    std::uint64_t transitions_out = 0, transitions_out_on_map = 0;
    // Cases whose journey ends here although the step is not final.
    std::uint64_t drop_off() const { return final_step ? 0 : exits; }
    // Share of the cases reaching the step that go on from it (1 - exits / reach); aggregated input has no
    // reach, so visits stand in for it there.
    double conversion(bool aggregated) const;
};

struct Conformance {
    // From a pre-aggregated directly-follows table: fitness, reach, stalls and the per-case counts
    // (TransitionCount::cases) are unknown and left 0; counts are occurrences.
    bool aggregated = false;
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
    std::uint64_t ignored_events = 0;             // of activities mapped to "-"
    std::vector<std::string> mapping_unresolved;  // mapping targets that name no step
};

// Step rank = breadth-first distance from the start steps (no incoming transition; the first step if none).
Conformance check_conformance(const EventLog& log, const StepModel& map,
                              const ConformanceOptions& options = {});
// The same from a directly-follows graph without cases (Discovery::aggregated): activity names come from
// `names`. Edges touching an activity that maps to no step are left out (the case path through it is not
// known).
Conformance check_conformance(const EventLog& names, const Discovery& dfg, const StepModel& map,
                              const ConformanceOptions& options = {});

// The name used to match a step with an activity: trimmed, lower case, HTML tags and entities of a draw.io
// label removed, runs of white space as one space.
std::string match_key(std::string_view label);

}  // namespace jstudio::eventlog
