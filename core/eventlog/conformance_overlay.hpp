#pragma once
// What customers really did, drawn over the journey map they were checked against: the studio's "Validate
// with CRM data" overlay (what `journey validate` prints, put on the page).
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/eventlog/conformance.hpp"

namespace jstudio::eventlog {

// The journey a page draws, as conformance reads it, and the cells behind each step and transition.
// Steps: vertices that are not containers, named by their `stage` or `step` attribute, else their label
// (shapes with the same name are one step); transitions: edges glued to two steps.
struct PageJourney {
    JourneyMap map;
    std::vector<std::vector<std::string>> step_cells;  // per map step, the vertices drawing it
    std::vector<std::string> transition_edges;         // per map transition, its edge
};
Result<PageJourney> journey_from_page(const diagram::Page& page);  // error when the page has no step

inline constexpr const char* overlay_layer_name = "CRM data";

// On a new layer, leaving every existing cell as it was: each step's number of cases above it (red "never
// seen" when none), each drawn transition's volume and conversion at its middle ("12 cases, 60%"; conversion
// = cases taking it / cases reaching its source step), the observed transitions the map lacks as dashed red
// arrows labelled with their cases, and a summary note. Returns the number of cells added.
std::size_t annotate_conformance(diagram::Page& page, const PageJourney& journey, const Conformance& result);

}  // namespace jstudio::eventlog
