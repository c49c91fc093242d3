#include "core/eventlog/step_model.hpp"

#include <map>

#include "core/journey/journey_read.hpp"
#include "core/page/page_reading.hpp"

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

std::string step_name(const journey::Step& s) {
    std::string name = s.activity.empty() ? s.label : s.activity;
    if (const auto nl = name.find('\n'); nl != std::string::npos) name = name.substr(0, nl);
    return name;
}

// The stages as the path: one step per stage header, in order, each leading to the next; the step cards
// (placeholders left out) as aliases of their stage; the emotion cards' mean per stage.
StepModel stage_model(const journey::JourneyMap& map) {
    StepModel model;
    model.stages = true;
    const std::size_t n = map.stages.size();
    for (std::size_t i = 0; i < n; ++i) {
        model.steps.push_back(map.stages[i].name);
        model.step_ids.emplace_back();
        if (i + 1 < n) {
            model.transitions.emplace_back(i, i + 1);
            model.transition_ids.emplace_back();
        }
    }
    std::vector<double> sum(n, 0);
    std::vector<int> count(n, 0);
    for (journey::StepId id : map.graph.steps()) {
        const journey::Step& s = map.graph.step(id);
        if (s.stage < 0 || static_cast<std::size_t>(s.stage) >= n || journey::is_placeholder(map, s))
            continue;
        const auto stage = static_cast<std::size_t>(s.stage);
        const bool emotion_lane =
            s.lane >= 0 && static_cast<std::size_t>(s.lane) < map.lanes.size() &&
            map.lanes[static_cast<std::size_t>(s.lane)].kind == journey::LaneKind::emotions;
        if (emotion_lane && s.emotion) {
            sum[stage] += *s.emotion;
            ++count[stage];
        }
        if (!is_step_lane(map, s.lane)) continue;
        const std::string name = step_name(s);
        if (!match_key(name).empty()) model.aliases.emplace_back(name, stage);
    }
    for (std::size_t i = 0; i < n; ++i)
        model.designed_emotion.push_back(count[i] ? std::optional<double>(sum[i] / count[i]) : std::nullopt);
    return model;
}

}  // namespace

Result<StepModel> card_model(const journey::JourneyMap& map) {
    StepModel model;
    std::map<std::string, std::size_t> step_of_name;
    std::map<std::uint32_t, std::size_t> step_of_vertex;
    for (journey::StepId id : map.graph.steps()) {
        const journey::Step& s = map.graph.step(id);
        if (!is_step_lane(map, s.lane) || journey::is_placeholder(map, s)) continue;
        const std::string name = step_name(s);
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

Result<StepModel> step_model(const journey::JourneyMap& map) {
    if (!map.stages.empty()) return stage_model(map);
    return card_model(map);
}

Result<StepModel> step_model(const diagram::Page& page) {
    const page::PageReading reading(page);
    auto map = journey::read_journey(reading);
    if (!map) return map.error();
    auto model = step_model(*map);
    if (!model || !model->stages) return model;
    // The header cells: stage headers are the steps' cells (annotations go under them), the KPI lane's
    // header gives the row the KPI cards go in.
    std::map<std::string, std::string> header_of_stage;
    std::string kpi_lane;
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const diagram::Cell& c = page.cells[i];
        const page::Role r = reading.role(i);
        if (r == page::Role::stage_header) {
            std::string id = c.data("stage");
            header_of_stage.emplace(id.empty() ? c.id : id, c.id);
        } else if (r == page::Role::lane_header && kpi_lane.empty()) {
            const int lane = map->lane_index(c.data("lane").empty() ? c.id : c.data("lane"));
            if (lane >= 0 && map->lanes[static_cast<std::size_t>(lane)].kind == journey::LaneKind::kpis)
                kpi_lane = c.id;
        }
    }
    for (std::size_t i = 0; i < map->stages.size(); ++i)
        if (auto it = header_of_stage.find(map->stages[i].id); it != header_of_stage.end())
            model->step_ids[i] = it->second;
    model->kpi_lane_id = kpi_lane;
    return model;
}

Result<StepModel> card_model(const diagram::Page& page) {
    auto map = journey::read_journey(page);
    if (!map) return map.error();
    return card_model(*map);
}

}  // namespace jstudio::eventlog
