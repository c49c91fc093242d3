#pragma once
// Reads a journey map back from a page written by draw_map and then edited in draw.io (or a flowchart as a
// journey of its nodes). The metadata says what
// a cell is; where it now sits says its stage and lane:
// - a card moved to another column or lane changes stage/lane (its centre, in page coordinates);
// - a card moved up or down in the emotions lane changes its score (one band per level);
// - a plain new shape dropped inside the grid becomes a step of that lane and stage;
// - deleted cards are gone, edited labels (HTML or plain) are kept as plain text;
// - an edge drawn between two cards becomes a transition (dashed = alternative).
#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::page {
class PageReading;
}

namespace jstudio::journey {

// True when the page holds the stage and lane headers draw_map writes.
bool is_journey_page(const diagram::Page& page);

// The journey on a page, from the one page reading (core/page): on a journey map its persona, stages,
// lanes and cards; on any other page its nodes as steps and the connectors between them as transitions
// (no stages or lanes). Oddities go to diagnostics.
Result<JourneyMap> read_journey(const page::PageReading& reading, Diagnostics* diagnostics = nullptr);
Result<JourneyMap> read_journey(const diagram::Page& page, Diagnostics* diagnostics = nullptr);

}  // namespace jstudio::journey
