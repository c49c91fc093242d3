#pragma once
// The validation numbers `journey validate --annotate` put on a journey map checked by its stages (one card
// per stage in the KPI lane, core/eventlog/annotate_map.hpp), read back: reach, conversion to the next stage
// and drop-off per stage, so a deck or report made from the annotated map can show them again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/document.hpp"

namespace jstudio::eventlog {

struct StageMeasure {
    std::string stage;                      // the stage's name as the validation matched it
    std::uint64_t reach = 0;                // cases that reached the stage
    std::optional<double> reach_share;      // of all cases in the log (0..1)
    std::optional<double> to_next;          // share of the reach going on to the next stage; none at the last
    std::optional<std::uint64_t> drop_off;  // cases whose journey ended here; none at the last stage
    std::optional<double> drop_off_share;   // of the reach (0..1)
};

// Data attributes annotate_map writes on each stage card (the label says the same for people).
inline constexpr const char* measured_stage_key = "measured-stage";
inline constexpr const char* measured_reach_key = "measured-reach";
inline constexpr const char* measured_cases_key = "measured-cases";
inline constexpr const char* measured_to_next_key = "measured-to-next";
inline constexpr const char* measured_drop_off_key = "measured-drop-off";
inline constexpr const char* measured_final_key = "measured-final";

// The stage cards on the page, in page order (empty when the map carries no validation numbers). Cards
// annotated before the data attributes existed are read from their label and tooltip.
std::vector<StageMeasure> read_stage_measures(const diagram::Page& page);

}  // namespace jstudio::eventlog
