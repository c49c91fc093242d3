#include "templates/journey_json.hpp"

namespace jstudio::templates {

using journey::JourneyMap;
using json = nlohmann::ordered_json;

namespace {

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end()) return out;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

Error bad(const std::string& file, std::string message) {
    return make_error(ErrorCode::bad_usage, std::move(message), at_file(file));
}

}  // namespace

Result<JourneyMap> map_from_json(const json& j, const std::string& file) {
    if (!j.is_object()) return bad(file, "a journey template is a JSON object");
    JourneyMap map;
    map.title = str(j, "title");
    const std::string kind = str(j, "kind");
    auto k = journey::map_kind_from(kind);
    if (!kind.empty() && !k)
        return bad(file, "unknown kind '" + kind +
                             "' (current-state, future-state, day-in-the-life or service-blueprint)");
    map.kind = k.value_or(journey::MapKind::current_state);
    map.scenario = str(j, "scenario");
    map.expectations = strings(j, "expectations");
    for (const auto& p : j.value("personas", json::array())) {
        journey::Persona persona;
        persona.id = str(p, "id");
        persona.name = str(p, "name");
        if (persona.id.empty()) persona.id = "p" + std::to_string(map.personas.size() + 1);
        persona.role = str(p, "role");
        persona.quote = str(p, "quote");
        persona.goals = strings(p, "goals");
        persona.needs = strings(p, "needs");
        persona.frustrations = strings(p, "frustrations");
        if (auto icp = p.find("icp"); icp != p.end() && icp->is_object())
            for (auto it = icp->begin(); it != icp->end(); ++it)
                persona.icp.push_back({it.key(), it->is_string() ? it->get<std::string>() : it->dump()});
        map.personas.push_back(std::move(persona));
    }
    for (const auto& s : j.value("stages", json::array())) {
        journey::Stage stage{str(s, "id"), str(s, "name"), str(s, "description")};
        if (stage.id.empty()) return bad(file, "a stage has no id");
        if (stage.name.empty()) stage.name = stage.id;
        map.stages.push_back(std::move(stage));
    }
    for (const auto& l : j.value("lanes", json::array())) {
        journey::Lane lane{str(l, "id"), str(l, "name"), journey::LaneKind::custom};
        if (lane.id.empty()) return bad(file, "a lane has no id");
        const std::string lk = str(l, "kind");
        auto parsed = journey::lane_kind_from(lk.empty() ? lane.id : lk);
        if (!lk.empty() && !parsed) return bad(file, "lane '" + lane.id + "': unknown kind '" + lk + "'");
        lane.kind = parsed.value_or(journey::LaneKind::custom);
        if (lane.name.empty()) lane.name = lane.id;
        map.lanes.push_back(std::move(lane));
    }
    std::size_t n = 0;
    for (const auto& s : j.value("steps", json::array())) {
        ++n;
        journey::Step step;
        step.id = str(s, "id");
        if (step.id.empty()) step.id = "s" + std::to_string(n);
        step.label = str(s, "label");
        step.stage = map.stage_index(str(s, "stage"));
        step.lane = map.lane_index(str(s, "lane"));
        step.channel = str(s, "channel");
        if (auto e = s.find("emotion"); e != s.end()) {
            if (!e->is_number())
                return bad(file, "step '" + step.id + "': emotion must be a number from -2 to 2");
            step.emotion = e->get<double>();
        }
        step.persona = str(s, "persona");
        step.notes = str(s, "notes");
        step.owner = str(s, "owner");
        step.kpi = str(s, "kpi");
        map.graph.add_step(std::move(step));
    }
    for (const auto& t : j.value("transitions", json::array())) {
        auto from = map.graph.find(str(t, "from")), to = map.graph.find(str(t, "to"));
        if (!from || !to)
            return bad(file,
                       "transition '" + str(t, "from") + "' -> '" + str(t, "to") + "' names an unknown step");
        journey::Transition tr;
        tr.label = str(t, "label");
        auto kind_text = str(t, "kind");
        auto tk = journey::transition_kind_from(kind_text);
        if (!tk) return bad(file, "transition kind '" + kind_text + "' (intended, alternative or loop-back)");
        tr.kind = *tk;
        map.graph.add_transition(*from, *to, std::move(tr));
    }
    return map;
}

Result<JourneyMap> map_from_json_text(std::string_view text, const std::string& file) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return make_error(ErrorCode::bad_xml, "not valid JSON", at_file(file));
    return map_from_json(j, file);
}

json map_to_json(const JourneyMap& map) {
    json j;
    j["title"] = map.title;
    j["kind"] = journey::to_string(map.kind);
    j["scenario"] = map.scenario;
    j["expectations"] = map.expectations;
    j["personas"] = json::array();
    for (const auto& p : map.personas) {
        json icp = json::object();
        for (const auto& [k, v] : p.icp) icp[k] = v;
        j["personas"].push_back({{"id", p.id},
                                 {"name", p.name},
                                 {"role", p.role},
                                 {"quote", p.quote},
                                 {"goals", p.goals},
                                 {"needs", p.needs},
                                 {"frustrations", p.frustrations},
                                 {"icp", icp}});
    }
    j["stages"] = json::array();
    for (const auto& s : map.stages)
        j["stages"].push_back({{"id", s.id}, {"name", s.name}, {"description", s.description}});
    j["lanes"] = json::array();
    for (const auto& l : map.lanes)
        j["lanes"].push_back({{"id", l.id}, {"name", l.name}, {"kind", journey::to_string(l.kind)}});
    j["steps"] = json::array();
    auto id_at = [](const auto& v, int i) {
        return i >= 0 && i < static_cast<int>(v.size()) ? v[static_cast<std::size_t>(i)].id : std::string();
    };
    for (auto s : map.graph.steps()) {
        const auto& st = map.graph.step(s);
        json step = {{"id", st.id},
                     {"label", st.label},
                     {"stage", id_at(map.stages, st.stage)},
                     {"lane", id_at(map.lanes, st.lane)}};
        if (!st.cell_id.empty()) step["cell_id"] = st.cell_id;
        if (!st.channel.empty()) step["channel"] = st.channel;
        if (st.emotion) step["emotion"] = *st.emotion;
        if (!st.persona.empty()) step["persona"] = st.persona;
        if (!st.owner.empty()) step["owner"] = st.owner;
        if (!st.kpi.empty()) step["kpi"] = st.kpi;
        if (!st.notes.empty()) step["notes"] = st.notes;
        j["steps"].push_back(step);
    }
    j["transitions"] = json::array();
    for (const auto& t : map.graph.transitions()) {
        json tr = {{"from", map.graph.step(t.from).id},
                   {"to", map.graph.step(t.to).id},
                   {"kind", journey::to_string(t.transition.kind)}};
        if (!t.transition.label.empty()) tr["label"] = t.transition.label;
        j["transitions"].push_back(tr);
    }
    return j;
}

}  // namespace jstudio::templates
