#pragma once
// Puts a conformance result onto the journey map it was computed against: volume and conversion on each
// drawn transition, reach and drop-off under each step, stalled steps outlined, transitions seen but not
// drawn as dashed arrows on their own layer, and a legend. New cells are appended after every existing
// cell and no existing cell is changed, so the user's content stays byte-identical.
#include "core/diagram/document.hpp"
#include "core/eventlog/conformance.hpp"

namespace jstudio::eventlog {

inline constexpr const char* volumes_layer_name = "Observed volumes";
inline constexpr const char* unexpected_layer_name = "Unexpected paths";

// `map` must carry step_ids and transition_ids of `page` (as journey validate builds it). Returns the
// number of cells added (0 when the page has no root cell).
std::size_t annotate_map(diagram::Page& page, const StepModel& map, const Conformance& result);

}  // namespace jstudio::eventlog
