#pragma once
// The deck a consultant presents from a journey map: title, persona, overview, one slide per stage (lanes
// as rows, cards at 12 pt or more, the emotion curve through the stage, pain points and opportunities
// highlighted, transitions as labelled arrows to the slide edge), the pain points and opportunities as a
// native table sorted by emotion, and the emotion curve as a native chart with its workbook. Every slide
// has speaker notes from the map's data; every shape stays editable (no slide is a picture). A map that
// carries validation numbers (journey validate --annotate) gets a slide of reach, conversion and drop-off per
// stage as a native chart and table.
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/eventlog/stage_measures.hpp"
#include "core/journey/journey_map.hpp"
#include "exporters/pptx/pptx_writer.hpp"

namespace jstudio::exporters {

struct JourneyDeckOptions {
    std::string date;  // shown on the title slide; "" = today (UTC), e.g. "3 December 2026"
    std::vector<eventlog::StageMeasure> measures{};  // validation numbers per stage; empty = no such slide
};

// The slides (native content, no scenes): pass them to write_pptx.
Result<std::vector<PptxSlide>> journey_deck(const journey::JourneyMap& map,
                                            const JourneyDeckOptions& options = {});

// How a PPTX export treats a journey page: automatic = the journey deck for a journey map, one slide
// otherwise; journey = the deck asked for (a page that is no journey map is said and goes out as one slide);
// map = always one slide, the picture of the page.
enum class DeckChoice { automatic, journey, map };

struct PageDeck {
    std::vector<PptxSlide> slides{};  // the journey deck; empty = export the page as one slide
    std::string
        note{};  // why a journey page (or a page asked for as a deck) went out as one slide; "" = none
};

// The one decision the CLI (journey export --to pptx --deck) and the plugin's Export Slides share: the deck
// of a page named `name` (the map's title when it has none), with the validation numbers the page carries.
PageDeck journey_deck_for_page(const diagram::Page& page, const std::string& name, DeckChoice choice,
                               JourneyDeckOptions options = {});

// Smallest font size (points) the stage slides use for cards; the test asserts every run of a stage slide.
inline constexpr double min_card_font = 12;

}  // namespace jstudio::exporters
