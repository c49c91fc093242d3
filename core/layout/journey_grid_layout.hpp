#pragma once
// Layout of a journey map (a page whose reading says is_journey_map()): the stage x lane grid is re-flowed,
// never replaced by a layered layout. Every card keeps the stage and lane it reads back in (read_journey),
// its order within its cell and its emotion score; cards are sized to their text, a stage column widens to
// fit its cards, each lane row fits its tallest cell, and headers, lane bands, visibility lines and the
// emotion scale follow the grid. The emotion curve is re-drawn through the emotion cards of each persona in
// stage order. Transitions are routed orthogonally around the cards (BoxRouter) and their labels put where
// they cover no card, header or other label. Title, persona and scenario cards stay where they are; shapes
// right of or below the grid move out with it. Laying out the result again changes nothing.
#include "core/base/result.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::page {
class PageReading;
}

namespace jstudio::layout {

struct JourneyLayoutOptions {
    double min_stage_width = 230;  // a column is never narrower (journey::DrawOptions::stage_width)
    double max_card_width = 470;   // a column widens until its cards have at most max_card_lines lines
    int max_card_lines = 6;
    double card_padding = 10;  // between a card and its cell of the grid
    double card_gap = 8;       // between stacked cards
};

struct JourneyLayoutReport {
    int steps = 0, transitions = 0, stages = 0, lanes = 0;
    int unrouted = 0;        // transitions no route was found for (left to draw.io)
    int labels_blocked = 0;  // labels that had to cover something
};

// A cheap test on metadata alone (journey-role stage-header and lane-header, as data or style key).
bool looks_like_journey_map(const diagram::Page& page);

// `reading` must be a reading of `page`, taken before the call; it is not used after the page changes.
Result<JourneyLayoutReport> layout_journey_map(diagram::Page& page, const page::PageReading& reading,
                                               const JourneyLayoutOptions& options = {});
// Reads the page itself.
Result<JourneyLayoutReport> layout_journey_map(diagram::Page& page, const JourneyLayoutOptions& options = {});

}  // namespace jstudio::layout
