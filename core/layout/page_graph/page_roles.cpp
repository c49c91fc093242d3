#include "core/layout/page_graph/page_roles.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/page/page_reading.hpp"

namespace jstudio::layout {

using diagram::Cell;
using diagram::CellKind;

bool stacked_page(const diagram::Page& page) {
    std::map<std::pair<double, double>, int> at;
    int vertices = 0, most = 0;
    for (const auto& c : page.cells) {
        if (c.kind != CellKind::vertex || !c.geometry) continue;
        ++vertices;
        most = std::max(most, ++at[{c.geometry->bounds.x, c.geometry->bounds.y}]);
    }
    return most >= 3 && 2 * most > vertices;
}

PageRoles page_roles(const diagram::Page& page) {
    using page::Role;
    if (stacked_page(page)) return {};
    const page::PageReading reading(page);
    PageRoles roles;
    std::unordered_set<std::string> hosts;
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Cell& c = page.cells[i];
        if (c.kind != CellKind::vertex) continue;
        // Journey headers and cards stay in the flow as before (the journey grid is the map's own layout).
        switch (reading.role(i)) {
            case Role::decoration:
            case Role::region:
            case Role::title:
            case Role::legend:
            case Role::note:
            case Role::annotation:
            case Role::hidden:
                break;
            default:
                continue;
        }
        roles.fixed.insert(c.id);
        const std::uint32_t host = reading.node_at(i);
        // A decoration drawn as a child of its host moves with it already.
        if (reading.role(i) == Role::decoration && host != page::PageReading::none &&
            c.parent != page.cells[host].id) {
            roles.host[c.id] = page.cells[host].id;
            hosts.insert(page.cells[host].id);
            if (reading.bounds(i)) roles.decoration_before[c.id] = *reading.bounds(i);
        }
    }
    for (const auto& id : hosts)
        if (auto p = reading.index().position(id))
            if (reading.bounds(*p)) roles.host_before.emplace_back(id, *reading.bounds(*p));
    // Regions: the nodes they contain (on the same layer), and how far they reach past them.
    for (std::size_t i = 0; i < reading.size(); ++i) {
        if (reading.role(i) != Role::region || reading.rule(i) == page::Rule::separator_line ||
            !reading.bounds(i))
            continue;
        const diagram::Rect r = *reading.bounds(i);
        PageRoles::Region region{page.cells[i].id, {}, 0, 0, 0, 0};
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        for (std::size_t j = 0; j < reading.size(); ++j) {
            if (reading.role(j) != Role::node || !reading.bounds(j) ||
                page.cells[j].parent != page.cells[i].parent)
                continue;
            const diagram::Rect& b = *reading.bounds(j);
            if (b.x < r.x || b.y < r.y || b.right() > r.right() || b.bottom() > r.bottom()) continue;
            region.members.push_back(page.cells[j].id);
            x0 = std::min(x0, b.x), y0 = std::min(y0, b.y), x1 = std::max(x1, b.right()),
            y1 = std::max(y1, b.bottom());
        }
        if (region.members.empty()) continue;
        region.left = x0 - r.x, region.top = y0 - r.y, region.right = r.right() - x1,
        region.bottom = r.bottom() - y1;
        roles.regions.push_back(std::move(region));
    }
    return roles;
}

}  // namespace jstudio::layout
