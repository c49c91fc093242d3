#pragma once
// The deck a consultant presents from a journey map: title, persona, overview, one slide per stage (lanes
// as rows, cards at 12 pt or more, the emotion curve through the stage, pain points and opportunities
// highlighted, transitions as labelled arrows to the slide edge), the pain points and opportunities as a
// native table sorted by emotion, and the emotion curve as a native chart with its workbook. Every slide
// has speaker notes from the map's data; every shape stays editable (no slide is a picture).
#include <string>
#include <vector>

#include "core/journey/journey_map.hpp"
#include "exporters/pptx/pptx_writer.hpp"

namespace jstudio::exporters {

struct JourneyDeckOptions {
    std::string date;  // shown on the title slide; "" = today (UTC), e.g. "3 December 2026"
};

// The slides (native content, no scenes): pass them to write_pptx.
Result<std::vector<PptxSlide>> journey_deck(const journey::JourneyMap& map,
                                            const JourneyDeckOptions& options = {});

// Smallest font size (points) the stage slides use for cards; the test asserts every run of a stage slide.
inline constexpr double min_card_font = 12;

}  // namespace jstudio::exporters
