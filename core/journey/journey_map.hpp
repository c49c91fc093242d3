#pragma once
// A customer-journey map: who (personas), what they try to do (scenario), the stages across, the lanes down,
// and the steps placed in that grid (held in a JourneyGraph).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/journey/journey_graph.hpp"

namespace jstudio::journey {

enum class MapKind { current_state, future_state, day_in_the_life, service_blueprint };
const char* to_string(MapKind kind);                          // "current-state", ...
std::optional<MapKind> map_kind_from(std::string_view text);  // nullopt for unknown text

enum class LaneKind {
    actions,
    touchpoints,
    thoughts,
    emotions,
    pain_points,
    opportunities,
    owner,
    kpis,
    frontstage,
    line_of_visibility,
    backstage,
    support,
    custom,
};
const char* to_string(LaneKind kind);  // "actions", "pain-points", "line-of-visibility", ...
std::optional<LaneKind> lane_kind_from(std::string_view text);

struct Persona {
    std::string id, name, role, quote;
    std::vector<std::string> goals, needs, frustrations;
    std::vector<std::pair<std::string, std::string>> icp;  // ideal-customer-profile fields, in order
    bool operator==(const Persona&) const = default;
};

struct Stage {
    std::string id, name, description;
    bool operator==(const Stage&) const = default;
};

struct Lane {
    std::string id, name;
    LaneKind kind = LaneKind::custom;
    bool operator==(const Lane&) const = default;
};

struct JourneyMap {
    std::string title;
    MapKind kind = MapKind::current_state;
    std::vector<Persona> personas;
    std::string scenario;
    std::vector<std::string> expectations;
    std::vector<Stage> stages;  // left to right
    std::vector<Lane> lanes;    // top to bottom
    JourneyGraph graph;

    int stage_index(std::string_view id) const;  // -1 when absent
    int lane_index(std::string_view id) const;   // -1 when absent
    const Persona* persona(std::string_view id) const;
    bool operator==(const JourneyMap&) const = default;
};

// What is wrong with a map; none of these stop it from being drawn.
struct Issue {
    enum class Code {
        step_in_no_stage,
        unknown_lane,
        emotion_out_of_range,
        unknown_persona,
        duplicate_step_id,
        no_stages,
        no_lanes
    };
    Code code;
    std::string step_id;  // "" for map-wide issues
    std::string message;  // "step 's4' ('Pay'): emotion 3 is outside -2..+2"
};
std::vector<Issue> validate(const JourneyMap& map);

// The text of the placeholder card `journey new` puts in each lane of a new stage ("Add a step" for
// actions); "" for lanes that hold no cards (the line of visibility).
const char* placeholder_label(LaneKind kind);
// True for a card still showing its lane's placeholder text: not a step yet.
bool is_placeholder(const JourneyMap& map, const Step& step);

}  // namespace jstudio::journey
