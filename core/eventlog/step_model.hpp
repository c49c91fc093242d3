#pragma once
// The journey on a page (journey::read_journey, from the one page reading) as the steps and transitions a
// log is checked against.
#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/eventlog/conformance.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::eventlog {

// On a journey map (it has stages) the stages are the expected path: one step per stage header, in order,
// each leading to the next (StepModel::stages); the step cards of the lanes customers act in are aliases of
// their stage (an activity named like a card is in that card's stage); placeholder cards ("Add a step") are
// left out. On a flowchart: card_model.
Result<StepModel> step_model(const journey::JourneyMap& map);
// The same for a page: read_journey on its page reading, then step_model; on a journey map step_ids are
// the stage header cells and kpi_lane_id the KPI lane's header.
Result<StepModel> step_model(const diagram::Page& page);

// The step-level model: on a journey map, the cards of the lanes customers act in (pain points,
// opportunities and emotion cards are what the map says about steps, not steps; placeholders are not
// steps); on a flowchart, its nodes. A step's name is its activity (a flowchart's stage/step attribute),
// else its label; cards with the same name are one step (the first card's cell id is its step id).
// Transitions: the map's transitions between steps. Error when no step has a name.
Result<StepModel> card_model(const journey::JourneyMap& map);
Result<StepModel> card_model(const diagram::Page& page);

}  // namespace jstudio::eventlog
