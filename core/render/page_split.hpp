#pragma once
// Cutting one page into several parts for slides and per-part files:
// - stages: a journey map (core/journey) as one page per group of stage columns, each keeping the title and
//   the lane headers, lane bands clipped to the columns shown, the columns moved next to the lane headers;
// - tiles: a large rendered page as a grid of overlapping windows with the aspect of a 16:9 slide.
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/render/page_renderer.hpp"

namespace jstudio::render {

struct StagePart {
    diagram::Page page;
    std::string title;                   // "<page name> – <first stage>[ … <last stage>]"
    std::vector<std::string> stage_ids;  // the stages shown, left to right
};

// One part per stages_per_part adjacent stage columns (found by their stage-header cells). A page without
// stage headers gives an empty vector. Persona and scenario cards (above the grid) are left out; cells and
// edges of other columns are left out; an edge is kept only when both its ends are kept.
std::vector<StagePart> split_stages(const diagram::Page& page, const std::string& page_name,
                                    std::size_t stages_per_part = 1);

struct TileOptions {
    double width = 1184, height = 624;  // page px per tile: a 16:9 slide's area inside 0.5 in margins at 100%
    double overlap = 0.1;               // share of the tile repeated on the neighbouring tile
};

// The windows covering bounds row by row, each exactly width × height (a page that fits gives one window
// centred on it); neighbours overlap by at least overlap × size.
std::vector<Rect> tile_windows(const Rect& bounds, const TileOptions& options = {});

// The part of a scene inside window: shapes, edges and drawing items that touch it; drawing.bounds = window
// so every backend frames exactly the window.
Scene crop_scene(const Scene& scene, const Rect& window);

}  // namespace jstudio::render
