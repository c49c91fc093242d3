#pragma once
// Draws a journey map onto a draw.io page: persona cards and scenario on top, stage headers across, lane
// headers down, step cards in the stage × lane grid (sized with real font metrics so every label fits),
// channel tags, the emotion curve per persona, transitions as edges. Every cell carries its meaning as
// UserObject attributes (journey-role, stage, lane, step-id, channel, emotion, persona) for read_journey.
#include <string>

#include "core/diagram/document.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::journey {

// The journey-role attribute values this module writes.
namespace role {
inline constexpr const char* title = "title";
inline constexpr const char* persona = "persona";
inline constexpr const char* scenario = "scenario";
inline constexpr const char* stage_header = "stage-header";
inline constexpr const char* lane_header = "lane-header";
inline constexpr const char* lane_band = "lane-band";
inline constexpr const char* step = "step";
inline constexpr const char* pain_point = "pain-point";
inline constexpr const char* opportunity = "opportunity";
inline constexpr const char* emotion = "emotion";
inline constexpr const char* channel_tag = "channel-tag";
inline constexpr const char* emotion_scale = "emotion-scale";
inline constexpr const char* emotion_curve = "emotion-curve";
inline constexpr const char* visibility_line = "visibility-line";
inline constexpr const char* transition = "transition";
}  // namespace role

// Roles whose cells are steps of the map.
bool is_step_role(std::string_view journey_role);

struct DrawOptions {
    double stage_width = 230;   // one column per stage
    double header_width = 170;  // the lane header column
    double card_padding = 10;   // between a card and its cell of the grid
    double card_gap = 8;        // between stacked cards
};

// Gives every step and transition that has none the cell id draw_map will use ("jm-step-<step id>", ...).
void assign_cell_ids(JourneyMap& map);

// The map as a page on its own; cell ids come from assign_cell_ids rules. Pure data, no file format.
diagram::Page draw_map(const JourneyMap& map, const std::string& page_id, const std::string& page_name,
                       const DrawOptions& options = {});

// The persona's colour for its emotion curve (a fixed palette, cycled).
const char* persona_colour(std::size_t persona_index);
// Fill colour for an emotion score (-2 red .. +2 green).
const char* emotion_fill(double score);

}  // namespace jstudio::journey
