#include "core/eventlog/page_map.hpp"

#include <map>

#include "core/diagram/page_index.hpp"

namespace jstudio::eventlog {

Result<JourneyMap> map_from_page(const diagram::Page& page) {
    diagram::PageIndex idx(page);
    JourneyMap map;
    std::map<std::string, std::size_t> step_of_cell, step_of_name;
    for (const auto& c : page.cells) {
        if (c.kind != diagram::CellKind::vertex || idx.is_container(c)) continue;
        std::string name = c.data("stage");
        if (name.empty()) name = c.data("step");
        if (name.empty()) name = c.label();
        if (match_key(name).empty()) continue;
        auto [it, fresh] = step_of_name.try_emplace(match_key(name), map.steps.size());
        if (fresh) {
            map.steps.push_back(name);
            map.step_ids.push_back(c.id);
        }
        step_of_cell[c.id] = it->second;
    }
    for (const auto& c : page.cells) {
        if (c.kind != diagram::CellKind::edge) continue;
        auto s = step_of_cell.find(c.source), t = step_of_cell.find(c.target);
        if (s != step_of_cell.end() && t != step_of_cell.end()) {
            map.transitions.emplace_back(s->second, t->second);
            map.transition_ids.push_back(c.id);
        }
    }
    if (map.steps.empty()) return make_error(ErrorCode::unsupported, "the page has no labelled steps", {});
    return map;
}

}  // namespace jstudio::eventlog
