#pragma once
// A draw.io page read as the journey a log is checked against.
#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/eventlog/conformance.hpp"

namespace jstudio::eventlog {

// Steps: vertices with a `stage` or `step` attribute (that value is the step name) or else a label; cells
// with the same name are one step (the first cell's id is its step_id). Transitions: edges glued to two
// steps. Containers (swimlanes, groups) are not steps. Error when no step is found.
Result<JourneyMap> map_from_page(const diagram::Page& page);

}  // namespace jstudio::eventlog
