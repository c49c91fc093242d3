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

namespace {

// Containers whose content no arrow links: every container (group, container=1, a shape holding shapes) that
// is not a swimlane and does not arrange its rows itself, unless an edge runs between two cells inside it.
std::unordered_set<std::string> rigid_containers(const diagram::PageIndex& index, const diagram::Page& page) {
    std::unordered_set<std::string> linked;
    std::unordered_set<std::string> above;
    auto ancestors = [&](const std::string& id, auto&& f) {
        const Cell* c = index.find(id);
        for (int depth = 0; c && depth < 256; ++depth) {
            c = index.find(c->parent);
            if (!c || c->kind != CellKind::vertex) return;
            f(c->id);
        }
    };
    for (const auto& e : page.cells) {
        if (e.kind != CellKind::edge || e.source.empty() || e.target.empty()) continue;
        above.clear();
        ancestors(e.source, [&](const std::string& a) { above.insert(a); });
        ancestors(e.target, [&](const std::string& a) {
            if (above.count(a)) linked.insert(a);
        });
    }
    std::unordered_set<std::string> rigid;
    for (const auto& c : page.cells) {
        if (c.kind != CellKind::vertex || !index.is_container(c) || index.is_swimlane(c) ||
            linked.count(c.id))
            continue;
        const auto& style = c.style_or_empty();
        const auto shape = style.get_or("shape", "");
        if (!style.get_or("childLayout", "").empty() || shape == "table" || shape == "tableRow") continue;
        bool content = false;
        for (const Cell* child : index.children(c.id))
            content = content ||
                      (child->kind == CellKind::vertex && !(child->geometry && child->geometry->relative));
        if (content) rigid.insert(c.id);
    }
    return rigid;
}

}  // namespace

PageRoles page_roles(const diagram::Page& page) {
    using page::Role;
    if (stacked_page(page)) return {};
    const page::PageReading reading(page);
    PageRoles roles;
    roles.rigid = rigid_containers(reading.index(), page);
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
        std::uint32_t host = reading.node_at(i);
        // A region's caption follows its region.
        if (host == page::PageReading::none && reading.host(i) != page::PageReading::none &&
            reading.role(reading.host(i)) == Role::region) {
            host = reading.host(i);
            if (reading.bounds(i) && reading.bounds(host)) {
                double& band = roles.caption_band[page.cells[host].id];
                band = std::max(band, reading.bounds(i)->bottom() - reading.bounds(host)->y);
            }
        }
        // A decoration drawn as a child of its host moves with it already. One inside a rigid group (the
        // caption of a group's icon, read as the label of a node outside the group) moves with the group,
        // which holds its content as drawn: taken out of it after its host, the caption left the group, and
        // the next layout grew the group round it (SAP's icon-and-caption groups).
        const auto group = reading.index().parent_position(i);
        const bool carried = host != page::PageReading::none && group && roles.rigid.count(c.parent) &&
                             !reading.index().is_inside(host, *group);
        if (reading.role(i) == Role::decoration && host != page::PageReading::none && !carried &&
            c.parent != page.cells[host].id) {
            roles.host[c.id] = page.cells[host].id;
            hosts.insert(page.cells[host].id);
            if (reading.bounds(i)) roles.decoration_before[c.id] = *reading.bounds(i);
            const auto rule = reading.rule(i);
            if (rule == page::Rule::badge_on || rule == page::Rule::frame_over ||
                rule == page::Rule::halo_behind)
                roles.on_host.insert(c.id);
        }
    }
    // A drawn grid (lane and milestone headers, the tiles between them) is the drawing's frame, not boxes
    // round the nodes in it: its unlabelled tiles stay where drawn, as do the groups holding only tiles (a
    // milestone bar). Fitted round their nodes instead, the tiles left empty would stay behind alone, and the
    // next reading would see a broken grid (empty tiles as nodes, headers as badges) and lay the page out
    // differently again. A labelled region touching the grid ('Data Management' in a column of an
    // architecture drawing) is a group of its own and still fits round its nodes.
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Cell& c = page.cells[i];
        const Role r = reading.role(i);
        if (c.kind != CellKind::vertex || (r != Role::group && r != Role::container)) continue;
        bool tiles = false, only_tiles = true;
        for (const Cell* child : reading.index().children(c.id)) {
            if (child->kind != CellKind::vertex) continue;
            const auto p = reading.index().position(child->id);
            const bool tile = p && reading.role(*p) == Role::region && reading.in_drawn_grid(*p);
            tiles = tiles || tile, only_tiles = only_tiles && tile;
        }
        if (tiles && only_tiles) roles.fixed.insert(c.id);
    }
    for (const auto& id : hosts)
        if (auto p = reading.index().position(id))
            if (reading.bounds(*p)) roles.host_before.emplace_back(id, *reading.bounds(*p));
    // Regions: the nodes they contain (on the same layer), and how far they reach past them.
    for (std::size_t i = 0; i < reading.size(); ++i) {
        if (reading.role(i) != Role::region || reading.rule(i) == page::Rule::separator_line ||
            !reading.bounds(i) || (reading.in_drawn_grid(i) && reading.plain_label(i).empty()))
            continue;
        const diagram::Rect r = *reading.bounds(i);
        PageRoles::Region region{page.cells[i].id, {}, 0, 0, 0, 0};
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        for (std::size_t j = 0; j < reading.size(); ++j) {
            // Nodes, and groups and containers, which the layout places as one box.
            const Role rj = reading.role(j);
            if ((rj != Role::node && rj != Role::group && rj != Role::container) || !reading.bounds(j) ||
                page.cells[j].parent != page.cells[i].parent || roles.fixed.count(page.cells[j].id))
                continue;
            const diagram::Rect& b = *reading.bounds(j);
            // Inside, or nearly (a group's box drawn a few pixels past the region's border).
            const double w = std::min(b.right(), r.right()) - std::max(b.x, r.x),
                         h = std::min(b.bottom(), r.bottom()) - std::max(b.y, r.y);
            const bool within =
                b.x >= r.x && b.y >= r.y && b.right() <= r.right() && b.bottom() <= r.bottom();
            if (!within && !(w > 0 && h > 0 && w * h >= 0.9 * b.width * b.height)) continue;
            region.members.push_back(page.cells[j].id);
            x0 = std::min(x0, b.x), y0 = std::min(y0, b.y), x1 = std::max(x1, b.right()),
            y1 = std::max(y1, b.bottom());
        }
        // None beside it: the nodes behind it inside other containers (at any depth) are what it frames.
        // Left where it was drawn, the layout moved them out from behind it, and the next reading took it
        // for a node (and the shapes the layout put on it for its badges).
        if (region.members.empty())
            for (std::size_t j = 0; j < reading.size(); ++j) {
                if (reading.role(j) != Role::node || !reading.bounds(j) ||
                    roles.fixed.count(page.cells[j].id) || page.cells[j].parent == page.cells[i].parent)
                    continue;
                const bool below_region = reading.index().is_inside(j, i);  // held by the region already
                const diagram::Rect& b = *reading.bounds(j);
                if (below_region ||
                    !(b.x >= r.x && b.y >= r.y && b.right() <= r.right() && b.bottom() <= r.bottom()))
                    continue;
                region.members.push_back(page.cells[j].id);
                region.across = true;
                x0 = std::min(x0, b.x), y0 = std::min(y0, b.y), x1 = std::max(x1, b.right()),
                y1 = std::max(y1, b.bottom());
            }
        if (region.members.empty()) continue;
        region.left = std::max(0.0, x0 - r.x), region.top = std::max(0.0, y0 - r.y),
        region.right = std::max(0.0, r.right() - x1), region.bottom = std::max(0.0, r.bottom() - y1);
        roles.regions.push_back(std::move(region));
    }
    // Loose arrow ends: the smallest shape they touch, as drawn.
    std::vector<std::size_t> touchable;
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Role r = reading.role(i);
        if (page.cells[i].kind == CellKind::vertex && reading.bounds(i) &&
            (r == Role::node || r == Role::group || r == Role::container || r == Role::region ||
             page::is_journey_card(r)))
            touchable.push_back(i);
    }
    auto touched = [&](diagram::Point p) -> std::string {
        constexpr double reach = 10, on = 2;
        std::size_t found = SIZE_MAX;
        double best_d = INFINITY, best_area = INFINITY;
        for (std::size_t i : touchable) {
            const diagram::Rect& b = *reading.bounds(i);
            const double dx = std::max({b.x - p.x, 0.0, p.x - b.right()}),
                         dy = std::max({b.y - p.y, 0.0, p.y - b.bottom()});
            double d = std::hypot(dx, dy);
            if (d > reach) continue;
            if (d <= on) d = 0;
            const double a = b.width * b.height;
            if (d < best_d || (d == best_d && a < best_area)) best_d = d, best_area = a, found = i;
        }
        return found == SIZE_MAX ? std::string{} : page.cells[found].id;
    };
    for (const auto& c : page.cells) {
        if (c.kind != CellKind::edge || !c.geometry || (!c.source.empty() && !c.target.empty())) continue;
        const auto frame = reading.index().frame_origin(c.id);
        auto at = [&](const std::string& term, const std::optional<diagram::Point>& point) {
            if (!term.empty() || !point) return std::string{};
            return touched({frame.x + point->x, frame.y + point->y});
        };
        roles.loose_ends[c.id] = {at(c.source, c.geometry->source_point),
                                  at(c.target, c.geometry->target_point)};
    }
    return roles;
}

}  // namespace jstudio::layout
