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
    auto box_of = [&](const PageRoles::Region& r) { return index.absolute_bounds(r.id); };
    auto inside = [](const diagram::Rect& a, const diagram::Rect& b) {  // a within b
        return a.x >= b.x && a.y >= b.y && a.right() <= b.right() && a.bottom() <= b.bottom();
    };
    for (const auto& r : roles.regions) {
        const Cell* cell = index.find(r.id);
        const Cell* parent = cell ? index.find(cell->parent) : nullptr;
        if (!cell || !cell->geometry || !parent || parent->kind != CellKind::layer || r.across) continue;
        const auto box = box_of(r);
        bool alone = box.has_value();
        // Regions apart from each other, or one inside the other (a subaccount drawn inside a platform, a
        // subprocess inside its band): nested ones become nested containers.
        for (const auto& other : roles.regions) {
            if (&other == &r || !alone) continue;
            const auto ob = box_of(other);
            if (!ob) continue;
            const bool apart = ob->x >= box->right() || box->x >= ob->right() || ob->y >= box->bottom() ||
                               box->y >= ob->bottom();
            const Cell* other_cell = index.find(other.id);
            const bool nested = (inside(*ob, *box) || inside(*box, *ob)) && other_cell &&
                                other_cell->parent == cell->parent && !(*ob == *box);
            alone = apart || nested;
        }
        if (alone) chosen.push_back(&r);
    }
    // Inner regions first: each takes its members, then the region round it takes it with the rest.
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&](const PageRoles::Region* a, const PageRoles::Region* b) {
                         const auto ba = box_of(*a), bb = box_of(*b);
                         return ba->width * ba->height < bb->width * bb->height;
                     });
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < page.cells.size(); ++i) position[page.cells[i].id] = i;
    std::unordered_map<std::string, std::string> top;  // member -> what now stands for it on the layer
    for (const auto* r : chosen) {
        const diagram::Rect frame = page.cells[position[r->id]].geometry->bounds;
        std::vector<std::string> items;
        for (const auto& m : r->members) {
            auto t = top.find(m);
            const std::string item = t == top.end() ? m : t->second;
            if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
        }
        for (const auto& id : items) {
            Cell& member = page.cells[position[id]];
            if (!member.geometry) continue;
            grouped.push_back({id, member.parent, r->id});
            member.parent = r->id;
            member.geometry->bounds.x -= frame.x;
            member.geometry->bounds.y -= frame.y;
        }
        for (const auto& m : r->members) top[m] = r->id;
        roles.fixed.erase(r->id);
        roles.grouped.insert(r->id);
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
    // Outer regions first: an inner region is back on the layer before its own members leave it.
    for (auto it = grouped.rbegin(); it != grouped.rend(); ++it) {
        const auto& g = *it;
        Cell& member = page.cells[position[g.id]];
        const auto& frame = page.cells[position[g.region]].geometry->bounds;
        member.parent = g.parent;
        member.geometry->bounds.x += frame.x;
        member.geometry->bounds.y += frame.y;
    }
}

}  // namespace jstudio::layout
