#include "core/eventlog/step_model.hpp"

#include <map>

#include "core/journey/journey_read.hpp"

namespace jstudio::eventlog {

namespace {

bool is_step_lane(const journey::JourneyMap& map, int lane) {
    if (lane < 0 || static_cast<std::size_t>(lane) >= map.lanes.size()) return true;
    switch (map.lanes[static_cast<std::size_t>(lane)].kind) {
        case journey::LaneKind::emotions:
        case journey::LaneKind::pain_points:
        case journey::LaneKind::opportunities:
        case journey::LaneKind::thoughts:
        case journey::LaneKind::owner:
        case journey::LaneKind::kpis:
        case journey::LaneKind::line_of_visibility:
            return false;
        default:
            return true;
    }
}

}  // namespace

Result<StepModel> step_model(const journey::JourneyMap& map) {
    StepModel model;
    std::map<std::string, std::size_t> step_of_name;
    std::map<std::uint32_t, std::size_t> step_of_vertex;
    for (journey::StepId id : map.graph.steps()) {
        const journey::Step& s = map.graph.step(id);
        if (!is_step_lane(map, s.lane)) continue;
        std::string name = s.activity.empty() ? s.label : s.activity;
        if (const auto nl = name.find('\n'); nl != std::string::npos) name = name.substr(0, nl);
        if (match_key(name).empty()) continue;
        auto [it, fresh] = step_of_name.try_emplace(match_key(name), model.steps.size());
        if (fresh) {
            model.steps.push_back(name);
            model.step_ids.push_back(s.cell_id);
        }
        step_of_vertex[id.index] = it->second;
    }
    for (const journey::TransitionRef& t : map.graph.transitions()) {
        auto from = step_of_vertex.find(t.from.index), to = step_of_vertex.find(t.to.index);
        if (from == step_of_vertex.end() || to == step_of_vertex.end()) continue;
        model.transitions.emplace_back(from->second, to->second);
        model.transition_ids.push_back(t.transition.cell_id);
    }
    if (model.steps.empty()) return make_error(ErrorCode::unsupported, "the page has no labelled steps", {});
    return model;
}

Result<StepModel> step_model(const diagram::Page& page) {
    auto map = journey::read_journey(page);
    if (!map) return map.error();
    return step_model(*map);
}

}  // namespace jstudio::eventlog
