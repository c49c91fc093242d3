#pragma once
// Conformance of an event log against a journey map: which cases follow the drawn paths, where customers
// enter, skip steps, go backwards, stall, and which observed transitions or steps the map lacks.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// What conformance checks a log against: the steps of the journey on a page (matched to activities by name,
// case-insensitively, spaces trimmed; failing that by stage_key) and the allowed transitions; built from
// journey::JourneyMap by step_model (step_model.hpp). On a journey map the steps are its stages, in order.
struct StepModel {
    std::vector<std::string> steps;
    std::vector<std::pair<std::size_t, std::size_t>> transitions;  // indexes into steps
    std::vector<std::string> step_ids;        // draw.io cell id per step (may be empty): mapping targets
    std::vector<std::string> transition_ids;  // draw.io edge id per transition (may be empty)
    // Journey maps only: the steps are the stage headers (step_ids their header cells) and
    // `aliases` the step cards (activity name -> stage index), so an activity named like a card counts as
    // being in the card's stage (step_model.hpp's card_model gives the card-level view).
    bool stages = false;
    std::vector<std::pair<std::string, std::size_t>> aliases{};
    std::vector<std::optional<double>> designed_emotion{};  // per stage: mean of its emotion cards, if any
    std::string kpi_lane_id{};                              // cell id of the KPI lane header, "" if none
};

// One row of a mapping file: the activity (matched with match_key) goes to the step whose cell id is
// `target`, else whose name matches it; target "-" marks an activity that is not a journey step (its
// events are ignored, not reported as unmapped and not held against fitness).
// `stall_days` > 0 sets the stall threshold of the target step (the activity may then be empty).
struct MappingRow {
    std::string activity, target;
    double stall_days = 0;
};

// Stays shorter than this many per step give no p90 stall threshold (a tenth of nine stays is no tail).
inline constexpr std::size_t min_stays_for_p90 = 10;

struct ConformanceOptions {
    // Time in a step above this is a stall; 0 = the step's p90 time (when it has min_stays_for_p90 stays);
    // a mapping row's stall_days wins over both for its step; negative = no stall check.
    double stall_seconds = 0;
    std::vector<MappingRow> mapping;  // consulted before matching activity names with step names
    std::size_t examples = 5;         // example case ids kept per finding
    // false: Conformance::deviations stays empty and only Conformance::tally counts them (a noisy log's
    // list of deviations outgrows the log itself).
    bool keep_deviations = true;
};

struct TransitionCount {
    std::string from, to;
    std::uint64_t count = 0;              // occurrences
    std::uint64_t cases = 0;              // cases with at least one
    std::vector<std::string> examples{};  // the first case ids, in log order
};

// One deviation of one case, as `journey validate --cases` lists them.
enum class DeviationKind { skip, backward, stall, drop_out, late_entry, off_map };
const char* to_string(
    DeviationKind kind);  // "skip", "backward", "stall", "drop-out", "late-entry", "off-map"

struct Deviation {
    std::string case_id;
    DeviationKind kind = DeviationKind::off_map;
    std::string step;       // the step left (skip, backward, off-map), stalled in, dropped out of, entered
    std::string to;         // skip / backward / off-map: the step moved to
    std::int64_t when = 0;  // microseconds since the epoch: when it happened (entry for stalls)
    bool has_time = false;  // false when the log has no usable time for it
    double seconds = -1;    // how long: time in `step` (until the move, or until the log's last event for
                            // a drop-out); -1 unknown
};

// Deviations of one kind: how many, in how many cases.
struct DeviationTally {
    std::uint64_t count = 0, cases = 0;
};
inline constexpr std::size_t deviation_kinds = 6;

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
    std::uint64_t backward = 0;  // moves from this step to one ranked earlier
    std::uint64_t to_next = 0;   // cases moving on along a drawn transition (stages: to the next stage)
    double median_seconds = -1;  // time in step over stays that ended by a move (-1: none / unknown)
    double p90_seconds = -1;
    std::uint64_t stays = 0;      // such stays
    double stall_threshold = -1;  // seconds; -1 = no stall check for this step
    std::string stall_rule;       // where the threshold comes from: "p90", "--stall-days", "mapping", or
                                  // why there is none ("fewer than 10 stays")
    std::optional<double> designed_emotion;  // the map's emotion for the stage (StepModel::designed_emotion)
    std::vector<std::string> drop_examples, stall_examples, skip_examples;
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
    bool stages = false;                          // checked against a journey map's stages
    std::vector<std::string> late_examples;
    std::uint64_t card_events = 0;      // events matched through a step card's name (StepModel::aliases)
    std::vector<Deviation> deviations;  // per case in log order, then in time order (not when aggregated)
    // By DeviationKind, counted whether or not ConformanceOptions::keep_deviations lists them.
    std::array<DeviationTally, deviation_kinds> tally{};
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
// The looser name used for stages: match_key without accents (Latin letters), punctuation and spaces,
// so "Closed-Won", "closed won" and "Clôsed Won" meet.
std::string stage_key(std::string_view label);

}  // namespace jstudio::eventlog
