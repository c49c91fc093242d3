#include "core/layout/diagram_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "core/diagram/page_index.hpp"

namespace jstudio::layout {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::PageIndex;

bool has_shape(const Cell& cell, std::string_view name) {
    const auto& style = cell.style_or_empty();
    return style.has_name(name) || style.get_or("shape", "") == name;
}

std::string number(double v) {
    if (std::abs(v - std::round(v)) < 1e-6) return std::to_string(static_cast<long long>(std::llround(v)));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

}  // namespace

Result<DiagramLayoutReport> layout_page(diagram::Page& page, const DiagramLayoutOptions& options) {
    const bool lr = options.layout.direction == Direction::left_to_right;
    std::vector<std::string> node_ids, lane_ids;
    std::vector<int> node_lane;
    {
        PageIndex index(page);
        std::set<std::string, std::less<>> wanted(options.cells.begin(), options.cells.end());
        for (const auto& id : options.cells)
            if (!index.find(id))
                return make_error(ErrorCode::bad_reference, "no cell '" + id + "' on this page");
        // Free text (annotations) is not part of the flow and stays where the user put it.
        auto is_node = [&](const Cell& c) {
            return c.kind == CellKind::vertex && !index.is_container(c) &&
                   !c.style_or_empty().has_name("text");
        };
        std::vector<const Cell*> lanes;
        for (const Cell* layer : index.layers())
            for (const Cell* child : index.children(layer->id)) {
                if (child->kind != CellKind::vertex) continue;
                if (index.is_swimlane(*child)) {
                    const bool lane_wanted = wanted.empty() || wanted.count(child->id);
                    bool any = false;
                    for (const Cell* c : index.children(child->id))
                        if (is_node(*c) && (lane_wanted || wanted.count(c->id))) any = true;
                    if (any) lanes.push_back(child);
                } else if (is_node(*child) && (wanted.empty() || wanted.count(child->id))) {
                    node_ids.push_back(child->id);
                    node_lane.push_back(-1);
                }
            }
        // Lanes keep their order on the page (then file order).
        std::stable_sort(lanes.begin(), lanes.end(), [&](const Cell* a, const Cell* b) {
            const auto ba = index.absolute_bounds(a->id).value_or(diagram::Rect{});
            const auto bb = index.absolute_bounds(b->id).value_or(diagram::Rect{});
            return lr ? ba.y < bb.y : ba.x < bb.x;
        });
        for (std::size_t l = 0; l < lanes.size(); ++l) {
            lane_ids.push_back(lanes[l]->id);
            const bool lane_wanted = wanted.empty() || wanted.count(lanes[l]->id);
            for (const Cell* c : index.children(lanes[l]->id))
                if (is_node(*c) && (lane_wanted || wanted.count(c->id))) {
                    node_ids.push_back(c->id);
                    node_lane.push_back(static_cast<int>(l));
                }
        }
    }

    // Current placement: the laid-out picture starts where the old one did.
    std::unordered_map<std::string, int> node_of;
    for (std::size_t i = 0; i < node_ids.size(); ++i) node_of[node_ids[i]] = static_cast<int>(i);
    diagram::Point origin{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    LayoutInput input;
    input.lane_count = static_cast<int>(lane_ids.size());
    std::vector<std::size_t> edge_cells;
    {
        PageIndex index(page);
        auto widen = [&](const std::string& id) {
            if (auto b = index.absolute_bounds(id)) {
                origin.x = std::min(origin.x, b->x);
                origin.y = std::min(origin.y, b->y);
            }
        };
        for (const auto& id : lane_ids) widen(id);
        for (std::size_t i = 0; i < node_ids.size(); ++i) {
            const Cell* cell = index.find(node_ids[i]);
            if (node_lane[i] < 0) widen(node_ids[i]);
            NodeSpec spec;
            spec.width = cell->geometry ? cell->geometry->bounds.width : 0;
            spec.height = cell->geometry ? cell->geometry->bounds.height : 0;
            if (!(spec.width > 0) || !std::isfinite(spec.width)) spec.width = 120;
            if (!(spec.height > 0) || !std::isfinite(spec.height)) spec.height = 60;
            spec.lane = node_lane[i];
            spec.center_ports = has_shape(*cell, "rhombus") || has_shape(*cell, "ellipse");
            input.nodes.push_back(spec);
        }
        if (origin.x == std::numeric_limits<double>::max() || !std::isfinite(origin.x)) origin = {0, 0};
        // An edge glued to a node, or to something inside a node (a port), joins that node.
        auto owner = [&](const std::string& id) -> int {
            std::string at = id;
            for (int depth = 0; depth < 64 && !at.empty(); ++depth) {
                if (auto it = node_of.find(at); it != node_of.end()) return it->second;
                const Cell* c = index.find(at);
                if (!c) return -1;
                at = c->parent;
            }
            return -1;
        };
        for (std::size_t i = 0; i < page.cells.size(); ++i) {
            const Cell& c = page.cells[i];
            if (c.kind != CellKind::edge || c.source.empty() || c.target.empty()) continue;
            const int s = owner(c.source), t = owner(c.target);
            if (s < 0 || t < 0) continue;
            input.edges.push_back({s, t});
            edge_cells.push_back(i);
        }
    }

    const LayoutOutput out = layered_layout(input, options.layout);

    // Write lanes, then nodes (relative to their lane), then edges (relative to the edge's parent frame).
    std::unordered_map<std::string, diagram::Point> lane_origin;
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < page.cells.size(); ++i) position[page.cells[i].id] = i;
    for (std::size_t l = 0; l < lane_ids.size(); ++l) {
        Cell& lane = page.cells[position[lane_ids[l]]];
        if (!lane.geometry) lane.geometry.emplace();
        const auto& box = out.lanes[l];
        lane.geometry->bounds = {origin.x + box.x, origin.y + box.y, box.width, box.height};
        lane_origin[lane.id] = {origin.x + box.x, origin.y + box.y};
    }
    std::vector<diagram::Rect> absolute(node_ids.size());
    for (std::size_t i = 0; i < node_ids.size(); ++i) {
        Cell& cell = page.cells[position[node_ids[i]]];
        const auto& box = out.nodes[i];
        absolute[i] = {origin.x + box.x, origin.y + box.y, box.width, box.height};
        diagram::Point frame{0, 0};
        if (node_lane[i] >= 0) frame = lane_origin[lane_ids[node_lane[i]]];
        if (!cell.geometry) cell.geometry.emplace();
        cell.geometry->bounds = {absolute[i].x - frame.x, absolute[i].y - frame.y, box.width, box.height};
    }
    PageIndex index(page);
    for (std::size_t k = 0; k < edge_cells.size(); ++k) {
        Cell& edge = page.cells[edge_cells[k]];
        const auto& route = out.edges[k];
        if (route.size() < 2) continue;
        const auto [s, t] = input.edges[k];
        diagram::Style style = edge.style_or_empty();
        style.set("edgeStyle", "orthogonalEdgeStyle");
        style.remove("curved");
        style.remove("elbow");
        auto end = [&](const char* x_key, const char* y_key, const char* perimeter, XY p,
                       const std::string& term, int node) {
            if (term != node_ids[node]) return;  // glued to a port inside the node: leave its own anchor
            const auto& b = absolute[node];
            style.set(x_key, number((origin.x + p.x - b.x) / b.width));
            style.set(y_key, number((origin.y + p.y - b.y) / b.height));
            style.set(perimeter, "0");
        };
        end("exitX", "exitY", "exitPerimeter", route.front(), edge.source, s);
        end("entryX", "entryY", "entryPerimeter", route.back(), edge.target, t);
        style.remove("exitDx");
        style.remove("exitDy");
        style.remove("entryDx");
        style.remove("entryDy");
        edge.style = style;
        if (!edge.geometry) {
            edge.geometry.emplace();
            edge.geometry->relative = true;
        }
        const auto frame = index.frame_origin(edge.id);
        edge.geometry->waypoints.clear();
        for (std::size_t p = 1; p + 1 < route.size(); ++p)
            edge.geometry->waypoints.push_back(
                {origin.x + route[p].x - frame.x, origin.y + route[p].y - frame.y});
        auto& geometry = *edge.geometry;
        geometry.has_points_array = !geometry.waypoints.empty();
        // Keep the element order the reader would record, so a written and re-read page compares equal.
        auto& order = geometry.child_order;
        order.erase(std::remove(order.begin(), order.end(), "points"), order.end());
        if (geometry.has_points_array) order.push_back("points");
    }

    DiagramLayoutReport report;
    report.nodes = static_cast<int>(node_ids.size());
    report.edges = static_cast<int>(edge_cells.size());
    report.lanes = static_cast<int>(lane_ids.size());
    report.stats = out.stats;
    return report;
}

}  // namespace jstudio::layout
