#include "core/journey/journey_map.hpp"

#include <cmath>
#include <set>
#include <sstream>

namespace jstudio::journey {

namespace {
constexpr std::pair<MapKind, const char*> map_kinds[] = {
    {MapKind::current_state, "current-state"},
    {MapKind::future_state, "future-state"},
    {MapKind::day_in_the_life, "day-in-the-life"},
    {MapKind::service_blueprint, "service-blueprint"},
};
constexpr std::pair<LaneKind, const char*> lane_kinds[] = {
    {LaneKind::actions, "actions"},
    {LaneKind::touchpoints, "touchpoints"},
    {LaneKind::thoughts, "thoughts"},
    {LaneKind::emotions, "emotions"},
    {LaneKind::pain_points, "pain-points"},
    {LaneKind::opportunities, "opportunities"},
    {LaneKind::owner, "owner"},
    {LaneKind::kpis, "kpis"},
    {LaneKind::frontstage, "frontstage"},
    {LaneKind::line_of_visibility, "line-of-visibility"},
    {LaneKind::backstage, "backstage"},
    {LaneKind::support, "support"},
    {LaneKind::custom, "custom"},
};

std::string describe(const Step& s) {
    return "step '" + s.id + "'" + (s.label.empty() ? "" : " ('" + s.label.substr(0, 40) + "')");
}
}  // namespace

const char* to_string(MapKind kind) {
    for (auto [k, name] : map_kinds)
        if (k == kind) return name;
    return "current-state";
}
std::optional<MapKind> map_kind_from(std::string_view text) {
    for (auto [k, name] : map_kinds)
        if (text == name) return k;
    return std::nullopt;
}
const char* placeholder_label(LaneKind kind) {
    switch (kind) {
        case LaneKind::actions:
            return "Add a step";
        case LaneKind::touchpoints:
            return "Add a touchpoint";
        case LaneKind::thoughts:
            return "Add a thought";
        case LaneKind::emotions:
            return "How does it feel?";
        case LaneKind::pain_points:
            return "Add a pain point";
        case LaneKind::opportunities:
            return "Add an opportunity";
        case LaneKind::owner:
            return "Add an owner";
        case LaneKind::kpis:
            return "Add a KPI";
        case LaneKind::frontstage:
            return "Add a frontstage action";
        case LaneKind::line_of_visibility:
            return "";
        case LaneKind::backstage:
            return "Add a backstage action";
        case LaneKind::support:
            return "Add a support process";
        case LaneKind::custom:
            return "Add a card";
    }
    return "Add a card";
}

bool is_placeholder(const JourneyMap& map, const Step& step) {
    if (step.lane < 0 || static_cast<std::size_t>(step.lane) >= map.lanes.size()) return false;
    const std::string_view text = placeholder_label(map.lanes[static_cast<std::size_t>(step.lane)].kind);
    return !text.empty() && step.label == text;
}

const char* to_string(LaneKind kind) {
    for (auto [k, name] : lane_kinds)
        if (k == kind) return name;
    return "custom";
}
std::optional<LaneKind> lane_kind_from(std::string_view text) {
    for (auto [k, name] : lane_kinds)
        if (text == name) return k;
    return std::nullopt;
}

int JourneyMap::stage_index(std::string_view id) const {
    for (std::size_t i = 0; i < stages.size(); ++i)
        if (stages[i].id == id) return static_cast<int>(i);
    return -1;
}
int JourneyMap::lane_index(std::string_view id) const {
    for (std::size_t i = 0; i < lanes.size(); ++i)
        if (lanes[i].id == id) return static_cast<int>(i);
    return -1;
}
const Persona* JourneyMap::persona(std::string_view id) const {
    for (const auto& p : personas)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<Issue> validate(const JourneyMap& map) {
    std::vector<Issue> out;
    using C = Issue::Code;
    if (map.stages.empty()) out.push_back({C::no_stages, "", "the map has no stages"});
    if (map.lanes.empty()) out.push_back({C::no_lanes, "", "the map has no lanes"});
    std::set<std::string> seen;
    for (StepId id : map.graph.steps()) {
        const Step& s = map.graph.step(id);
        if (!seen.insert(s.id).second)
            out.push_back({C::duplicate_step_id, s.id, describe(s) + ": another step has the same id"});
        if (s.stage < 0 || s.stage >= static_cast<int>(map.stages.size()))
            out.push_back({C::step_in_no_stage, s.id, describe(s) + ": is in no stage"});
        if (s.lane < 0 || s.lane >= static_cast<int>(map.lanes.size()))
            out.push_back({C::unknown_lane, s.id, describe(s) + ": is in an unknown lane"});
        if (s.emotion &&
            (!std::isfinite(*s.emotion) || *s.emotion < emotion_min || *s.emotion > emotion_max)) {
            std::ostringstream msg;
            msg << describe(s) << ": emotion " << *s.emotion << " is outside -2..+2";
            out.push_back({C::emotion_out_of_range, s.id, msg.str()});
        }
        if (!s.persona.empty() && !map.persona(s.persona))
            out.push_back(
                {C::unknown_persona, s.id, describe(s) + ": persona '" + s.persona + "' is not on the map"});
    }
    return out;
}

}  // namespace jstudio::journey
