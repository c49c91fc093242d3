#include "core/layout/page_graph/region_groups.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/diagram/page_index.hpp"

namespace jstudio::layout {

using diagram::Cell;
using diagram::CellKind;
using diagram::PageIndex;

std::vector<GroupedMember> group_regions(diagram::Page& page, PageRoles& roles) {
    std::vector<GroupedMember> grouped;
    PageIndex index(page);
    std::vector<const PageRoles::Region*> chosen;
    std::unordered_map<std::string, int> membership;
    for (const auto& r : roles.regions)
        for (const auto& m : r.members) ++membership[m];
    for (const auto& r : roles.regions) {
        const Cell* cell = index.find(r.id);
        const Cell* parent = cell ? index.find(cell->parent) : nullptr;
        if (!cell || !cell->geometry || !parent || parent->kind != CellKind::layer) continue;
        const auto box = index.absolute_bounds(r.id);
        bool alone = box.has_value();
        for (const auto& other : roles.regions) {
            if (&other == &r || !alone) continue;
            const auto ob = index.absolute_bounds(other.id);
            alone = !ob || ob->x >= box->right() || box->x >= ob->right() || ob->y >= box->bottom() ||
                    box->y >= ob->bottom();
        }
        for (const auto& m : r.members) alone = alone && membership[m] == 1;
        if (alone) chosen.push_back(&r);
    }
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < page.cells.size(); ++i) position[page.cells[i].id] = i;
    for (const auto* r : chosen) {
        const diagram::Rect frame = page.cells[position[r->id]].geometry->bounds;
        for (const auto& m : r->members) {
            Cell& member = page.cells[position[m]];
            if (!member.geometry) continue;
            grouped.push_back({m, member.parent, r->id});
            member.parent = r->id;
            member.geometry->bounds.x -= frame.x;
            member.geometry->bounds.y -= frame.y;
        }
        roles.fixed.erase(r->id);
    }
    roles.regions.erase(std::remove_if(roles.regions.begin(), roles.regions.end(),
                                       [&](const PageRoles::Region& r) {
                                           return std::find(chosen.begin(), chosen.end(), &r) != chosen.end();
                                       }),
                        roles.regions.end());
    return grouped;
}

void ungroup_regions(diagram::Page& page, const std::vector<GroupedMember>& grouped) {
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < page.cells.size(); ++i) position[page.cells[i].id] = i;
    for (const auto& g : grouped) {
        Cell& member = page.cells[position[g.id]];
        const auto& frame = page.cells[position[g.region]].geometry->bounds;
        member.parent = g.parent;
        member.geometry->bounds.x += frame.x;
        member.geometry->bounds.y += frame.y;
    }
}

}  // namespace jstudio::layout
