#include "core/layout/page_graph/follow_hosts.hpp"

#include <algorithm>
#include <cmath>

#include "core/diagram/page_index.hpp"

namespace jstudio::layout {

using diagram::PageIndex;

void follow_hosts(diagram::Page& page, const PageRoles& roles) {
    PageIndex index(page);
    std::unordered_map<std::string, diagram::Point> moved;
    std::unordered_map<std::string, diagram::Rect> region_bounds;
    for (const auto& region : roles.regions) {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        for (const auto& m : region.members)
            if (auto b = index.absolute_bounds(m))
                x0 = std::min(x0, b->x), y0 = std::min(y0, b->y), x1 = std::max(x1, b->right()),
                y1 = std::max(y1, b->bottom());
        if (!std::isfinite(x0)) continue;
        const auto origin = index.frame_origin(region.id);
        region_bounds[region.id] = {x0 - region.left - origin.x, y0 - region.top - origin.y,
                                    x1 - x0 + region.left + region.right,
                                    y1 - y0 + region.top + region.bottom};
    }
    // How far each host moved (a region refitted here: to its new place).
    for (const auto& [id, before] : roles.host_before) {
        auto now = index.absolute_bounds(id);
        if (auto r = region_bounds.find(id); r != region_bounds.end()) {
            const auto origin = index.frame_origin(id);
            now = diagram::Rect{r->second.x + origin.x, r->second.y + origin.y, r->second.width,
                                r->second.height};
        }
        if (now) moved[id] = {now->x - before.x, now->y - before.y};
    }
    for (auto& c : page.cells) {
        if (!c.geometry) continue;
        if (auto h = roles.host.find(c.id); h != roles.host.end()) {
            // Where it was plus its host's move, in its own frame (which may have moved too).
            const auto was = roles.decoration_before.find(c.id);
            if (auto d = moved.find(h->second);
                d != moved.end() && was != roles.decoration_before.end() && !c.geometry->relative) {
                const auto frame = index.frame_origin(c.id);
                c.geometry->bounds.x = was->second.x + d->second.x - frame.x;
                c.geometry->bounds.y = was->second.y + d->second.y - frame.y;
            }
        } else if (auto r = region_bounds.find(c.id); r != region_bounds.end()) {
            c.geometry->bounds = r->second;
        }
    }
}

}  // namespace jstudio::layout
