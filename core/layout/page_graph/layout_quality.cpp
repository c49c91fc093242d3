#include "core/layout/page_graph/layout_quality.hpp"

#include <algorithm>
#include <cmath>

#include "core/diagram/clip_segment.hpp"
#include "core/page/page_reading.hpp"
#include "core/render/edge_geometry.hpp"

namespace jstudio::layout {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::Point;
using diagram::Rect;
using page::PageReading;
using page::Role;

constexpr std::uint32_t none = PageReading::none;

bool is_box(Role role) {
    return role == Role::node || page::is_journey_card(role);
}

// Does the segment p-q pass through the inside of r (shrunk by `inset`)?
bool segment_through(Point p, Point q, Rect r, double inset) {
    r = {r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset};
    const auto part = diagram::clip_segment(p, q, r);
    return part && part->second - part->first > 1e-9;
}

Point centre(const Rect& r) {
    return {r.x + r.width / 2, r.y + r.height / 2};
}

}  // namespace

std::vector<Point> edge_route(const diagram::PageIndex& index, const Cell& edge) {
    // Ends that are neither glued to something with a box nor loose points: no route to measure.
    if (index.edge_polyline(edge.id).size() < 2) return {};
    return render::drawn_route(index, edge);
}

const char* to_string(Flow flow) {
    switch (flow) {
        case Flow::top_to_bottom:
            return "TB";
        case Flow::left_to_right:
            return "LR";
        case Flow::bottom_to_top:
            return "BT";
        case Flow::right_to_left:
            return "RL";
    }
    return "TB";
}

ReadingDirection reading_direction(const diagram::Page& page) {
    return reading_direction(page, page_roles(page));
}

ReadingDirection reading_direction(const diagram::Page& page, const PageRoles& roles) {
    const PageReading reading(page);
    double sx = 0, sy = 0;
    // Arrows whose target lies wholly past its source along an axis (boxes apart), per way.
    int right = 0, left = 0, down = 0, up = 0;
    ReadingDirection out;
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Cell& c = page.cells[i];
        if (c.kind != CellKind::edge) continue;
        const auto loose = roles.loose_ends.find(c.id);
        const bool glued = loose == roles.loose_ends.end();
        if (glued && reading.role(i) != Role::connector) continue;
        const std::uint32_t s = reading.node_at(glued || c.source.size() ? c.source : loose->second.first),
                            t = reading.node_at(glued || c.target.size() ? c.target : loose->second.second);
        if (s == none || t == none || s == t || !reading.bounds(s) || !reading.bounds(t)) continue;
        const Rect& bs = *reading.bounds(s);
        const Rect& bt = *reading.bounds(t);
        right += bt.x >= bs.right(), left += bt.right() <= bs.x;
        down += bt.y >= bs.bottom(), up += bt.bottom() <= bs.y;
        const Point a = centre(bs), b = centre(bt);
        const double length = std::hypot(b.x - a.x, b.y - a.y);
        if (length < 1e-6) continue;
        sx += (b.x - a.x) / length;
        sy += (b.y - a.y) / length;
        ++out.arrows;
    }
    if (out.arrows == 0) return out;
    // Nearly every arrow going one way along one axis: the layers of a layered
    // drawing. The mean direction can say otherwise there (a layer of children spread wide under their parent
    // reads sideways), and a laid-out page then read in another direction than the one it was laid out in,
    // so laying it out again turned it (work_breakdown_structure, the mind maps).
    const double n = out.arrows, layered = 0.9;
    const double along_x = std::max(right, left) / n, along_y = std::max(down, up) / n;
    // Both (a wide layer of children right of and below a parent at its left end): the axis more arrows
    // follow.
    if (out.arrows >= 3 && (along_x >= layered || along_y >= layered) && along_x != along_y) {
        if (along_y > along_x)
            out.flow = down >= up ? Flow::top_to_bottom : Flow::bottom_to_top;
        else
            out.flow = right >= left ? Flow::left_to_right : Flow::right_to_left;
        out.strength = std::max(along_x, along_y);
        return out;
    }
    sx /= out.arrows;
    sy /= out.arrows;
    if (std::abs(sx) > std::abs(sy)) {
        out.flow = sx >= 0 ? Flow::left_to_right : Flow::right_to_left;
        out.strength = std::abs(sx);
    } else {
        out.flow = sy >= 0 ? Flow::top_to_bottom : Flow::bottom_to_top;
        out.strength = std::abs(sy);
    }
    return out;
}

LayoutQuality measure_layout(const diagram::Page& page) {
    const PageReading reading(page);
    LayoutQuality q;
    q.direction = reading_direction(page, page_roles(page));
    std::vector<std::size_t> boxes;
    for (std::size_t i = 0; i < reading.size(); ++i)
        if (is_box(reading.role(i)) && reading.bounds(i) && page.cells[i].kind == CellKind::vertex)
            boxes.push_back(i);
    q.nodes = static_cast<int>(boxes.size());

    // Edges through nodes.
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Cell& c = page.cells[i];
        if (c.kind != CellKind::edge || reading.role(i) != Role::connector) continue;
        const auto line = edge_route(reading.index(), c);
        if (line.size() < 2) continue;
        ++q.edges;
        std::vector<std::size_t> ends;
        for (const auto* terminal : {&c.source, &c.target}) {
            if (terminal->empty()) continue;
            if (auto p = reading.index().position(*terminal)) ends.push_back(*p);
            if (auto n = reading.node_at(*terminal); n != none) ends.push_back(n);
        }
        for (std::size_t b : boxes) {
            bool skip = false;
            for (std::size_t e : ends)
                skip = skip || e == b || reading.index().is_inside(e, b) || reading.index().is_inside(b, e);
            if (skip) continue;
            const Rect r = *reading.bounds(b);
            // A loose end (a point, not glued) on the box or inside it ends there: a line drawn from border
            // to border inside a box (a divider) does not run through it.
            auto at = [&](Point p) {
                return p.x >= r.x - 2 && p.x <= r.x + r.width + 2 && p.y >= r.y - 2 &&
                       p.y <= r.y + r.height + 2;
            };
            if ((c.source.empty() && at(line.front())) || (c.target.empty() && at(line.back()))) continue;
            bool through = false;
            for (std::size_t k = 1; k < line.size() && !through; ++k)
                through = segment_through(line[k - 1], line[k], r, 2);
            if (through) {
                ++q.edges_through_nodes;
                q.problems.push_back("edge " + c.id + " runs through node " + page.cells[b].id);
                break;
            }
        }
    }

    // Node overlaps.
    for (std::size_t a = 0; a < boxes.size(); ++a)
        for (std::size_t b = a + 1; b < boxes.size(); ++b) {
            const Rect ra = *reading.bounds(boxes[a]), rb = *reading.bounds(boxes[b]);
            const double w = std::min(ra.right(), rb.right()) - std::max(ra.x, rb.x),
                         h = std::min(ra.bottom(), rb.bottom()) - std::max(ra.y, rb.y);
            if (w <= 2 || h <= 2) continue;
            if (reading.index().is_inside(boxes[b], boxes[a]) ||
                reading.index().is_inside(boxes[a], boxes[b]))
                continue;
            ++q.node_overlaps;
            q.problems.push_back("nodes " + page.cells[boxes[a]].id + " and " + page.cells[boxes[b]].id +
                                 " overlap");
        }

    // Children outside their container, group, swimlane, lane or pool; overlapping sibling lanes.
    auto holds = [](Role r) {
        return r == Role::container || r == Role::group || r == Role::swimlane || r == Role::pool ||
               r == Role::lane;
    };
    std::vector<std::size_t> lanes;
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const Cell& c = page.cells[i];
        if (c.kind != CellKind::vertex || !reading.bounds(i)) continue;
        if (reading.role(i) == Role::lane || reading.role(i) == Role::swimlane) lanes.push_back(i);
        if (c.geometry && c.geometry->relative) continue;
        if (!is_content(reading.role(i)) || reading.role(i) == Role::decoration) continue;
        const auto parent = reading.index().parent_position(i);
        if (!parent || !holds(reading.role(*parent)) || !reading.bounds(*parent)) continue;
        const Rect p = *reading.bounds(*parent), r = *reading.bounds(i);
        constexpr double slack = 1;
        if (r.x < p.x - slack || r.y < p.y - slack || r.right() > p.right() + slack ||
            r.bottom() > p.bottom() + slack) {
            ++q.children_outside;
            q.problems.push_back("cell " + c.id + " reaches out of its parent " + page.cells[*parent].id);
        }
    }
    for (std::size_t a = 0; a < lanes.size(); ++a)
        for (std::size_t b = a + 1; b < lanes.size(); ++b) {
            if (reading.index().parent_position(lanes[a]) != reading.index().parent_position(lanes[b]))
                continue;
            const Rect ra = *reading.bounds(lanes[a]), rb = *reading.bounds(lanes[b]);
            const double w = std::min(ra.right(), rb.right()) - std::max(ra.x, rb.x),
                         h = std::min(ra.bottom(), rb.bottom()) - std::max(ra.y, rb.y);
            if (w <= 1 || h <= 1) continue;
            ++q.lane_overlaps;
            q.problems.push_back("lanes " + page.cells[lanes[a]].id + " and " + page.cells[lanes[b]].id +
                                 " overlap");
        }
    return q;
}

std::vector<HostOffset> host_offsets(const diagram::Page& page) {
    const PageReading reading(page);
    std::vector<HostOffset> out;
    for (std::size_t i = 0; i < reading.size(); ++i) {
        if (reading.role(i) != Role::decoration || !reading.bounds(i)) continue;
        const std::uint32_t host = reading.host(i);
        if (host == none || !reading.bounds(host) || page.cells[host].kind != CellKind::vertex) continue;
        const Rect d = *reading.bounds(i), h = *reading.bounds(host);
        out.push_back({page.cells[i].id, page.cells[host].id, d.x - h.x, d.y - h.y});
    }
    return out;
}

}  // namespace jstudio::layout
