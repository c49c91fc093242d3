#include "core/layout/diagram_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/page_index.hpp"
#include "core/layout/journey_grid_layout.hpp"
#include "core/page/page_reading.hpp"
#include "core/render/label_text.hpp"

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

// The size of a label as drawn (draw.io's default edge label font is 11 px), with a pixel of background
// around it; nullopt when there is nothing to show.
std::optional<LabelSize> label_size(const Cell& cell) {
    const auto& style = cell.style_or_empty();
    if (style.flag("noLabel")) return std::nullopt;
    render::Font font;
    font.size = style.number("fontSize", 11);
    font.bold = static_cast<int>(style.number("fontStyle", 0)) & 1;
    const auto paragraphs = render::parse_label(cell.label(), cell.is_html_label(), font);
    if (render::plain_text(paragraphs).find_first_not_of(" \t\n") == std::string::npos) return std::nullopt;
    const auto placed = render::place_label(paragraphs, {});
    return LabelSize{placed.bounds.width + 2, placed.bounds.height + 2};
}

// The geometry children in the order the writer puts them, so a written and re-read page compares equal.
void normalize_child_order(diagram::Geometry& g) {
    auto present = [&](std::string_view as) {
        if (as == "sourcePoint") return g.source_point.has_value();
        if (as == "targetPoint") return g.target_point.has_value();
        if (as == "points") return g.has_points_array || !g.waypoints.empty();
        if (as == "offset") return g.offset.has_value();
        if (as == "alternateBounds") return g.alternate_bounds.has_value();
        return true;  // unknown children keep their place
    };
    std::vector<std::string> order;
    for (const auto& as : g.child_order)
        if (present(as) && std::find(order.begin(), order.end(), as) == order.end()) order.push_back(as);
    for (std::string_view as : diagram::writer_child_order)
        if (present(as) && std::find(order.begin(), order.end(), as) == order.end()) order.emplace_back(as);
    g.child_order = std::move(order);
    diagram::drop_writer_child_order(g);
}

// Where along a route (x in -1..1, as draw.io's relative edge-label geometry) a point is nearest, and that
// point: a label is stored as this anchor plus an absolute offset to its centre.
std::pair<double, XY> route_anchor(const std::vector<XY>& route, XY at) {
    double total = 0, best = std::numeric_limits<double>::max(), best_along = 0;
    XY best_point = route.front();
    for (std::size_t i = 1; i < route.size(); ++i) {
        const XY p = route[i - 1], q = route[i];
        const double dx = q.x - p.x, dy = q.y - p.y, length = std::hypot(dx, dy);
        double t = length > 0 ? ((at.x - p.x) * dx + (at.y - p.y) * dy) / (length * length) : 0;
        t = std::clamp(t, 0.0, 1.0);
        const XY c{p.x + dx * t, p.y + dy * t};
        const double d = std::hypot(at.x - c.x, at.y - c.y);
        if (d < best - 1e-9) {
            best = d;
            best_point = c;
            best_along = total + length * t;
        }
        total += length;
    }
    const double x = total > 0 ? 2 * best_along / total - 1 : 0;
    return {x, best_point};
}

// Reads rank constraints from the cells (rank data/style, journey stage) and the options into the specs.
void apply_rank_constraints(const PageIndex& index, const std::vector<std::string>& node_ids,
                            const DiagramLayoutOptions& options, std::vector<NodeSpec>& specs) {
    std::unordered_map<std::string, int> node_of;
    for (std::size_t i = 0; i < node_ids.size(); ++i) node_of[node_ids[i]] = static_cast<int>(i);
    std::map<std::string, int> groups;
    auto group = [&](const std::string& name) {
        return groups.emplace(name, static_cast<int>(groups.size())).first->second;
    };
    for (std::size_t i = 0; i < node_ids.size(); ++i) {
        const Cell* cell = index.find(node_ids[i]);
        std::string rank = cell->data("rank");
        if (rank.empty()) rank = cell->style_or_empty().get_or("rank", "");
        if (rank == "min" || rank == "first" || rank == "source")
            specs[i].place = RankPlace::first;
        else if (rank == "max" || rank == "last" || rank == "sink")
            specs[i].place = RankPlace::last;
        else if (rank.rfind("same:", 0) == 0 && rank.size() > 5)
            specs[i].same_rank = group("cell:" + rank.substr(5));
    }
    auto mark = [&](const std::vector<std::string>& ids, auto set) {
        for (const auto& id : ids)
            if (auto it = node_of.find(id); it != node_of.end()) set(specs[it->second]);
    };
    mark(options.first, [](NodeSpec& n) { n.place = RankPlace::first; });
    mark(options.last, [](NodeSpec& n) { n.place = RankPlace::last; });
    for (std::size_t g = 0; g < options.same_rank.size(); ++g) {
        const int id = group("option:" + std::to_string(g));
        mark(options.same_rank[g], [&](NodeSpec& n) { n.same_rank = id; });
    }
    if (!options.stage_columns) return;
    // Stage order: the stage headers' order across the page, else the stages' cells' mean position.
    std::map<std::string, std::pair<double, int>> stage_pos;  // stage -> (sum of positions, count)
    std::map<std::string, double> header_pos;
    for (const auto& cell : index.page().cells) {
        if (cell.kind != CellKind::vertex || cell.data("journey-role") != "stage-header") continue;
        const auto stage = cell.data("stage");
        if (auto b = index.absolute_bounds(cell.id); b && !stage.empty()) header_pos[stage] = b->x;
    }
    std::vector<std::string> stage_of(node_ids.size());
    for (std::size_t i = 0; i < node_ids.size(); ++i) {
        const Cell* cell = index.find(node_ids[i]);
        stage_of[i] = cell->data("stage");
        if (stage_of[i].empty()) continue;
        const auto b = index.absolute_bounds(cell->id).value_or(diagram::Rect{});
        auto& [sum, count] = stage_pos[stage_of[i]];
        sum += b.x;
        ++count;
    }
    std::vector<std::pair<double, std::string>> stages;
    for (const auto& [stage, sc] : stage_pos) {
        const auto h = header_pos.find(stage);
        stages.emplace_back(h != header_pos.end() ? h->second : sc.first / sc.second, stage);
    }
    std::sort(stages.begin(), stages.end());
    std::map<std::string, int> stage_index;
    for (std::size_t k = 0; k < stages.size(); ++k) stage_index[stages[k].second] = static_cast<int>(k);
    for (std::size_t i = 0; i < node_ids.size(); ++i)
        if (!stage_of[i].empty() && specs[i].place == RankPlace::any)
            specs[i].stage = stage_index[stage_of[i]];
}

}  // namespace

namespace {

// Containers laid out inside (not swimlanes, which are lanes, nor tables, whose rows are not a flow) that
// hold at least one vertex.
bool lays_out_inside(const PageIndex& index, const Cell& c) {
    if (c.kind != CellKind::vertex || index.is_swimlane(c) || !index.is_container(c)) return false;
    const auto shape = c.style_or_empty().get_or("shape", "");
    if (shape == "table" || shape == "tableRow") return false;
    for (const Cell* child : index.children(c.id))  // ports (relative geometry) are not content
        if (child->kind == CellKind::vertex && !(child->geometry && child->geometry->relative)) return true;
    return false;
}

constexpr double container_padding = 20;

// One layout pass: the page's layers and swimlanes (scope empty), or the direct children of one container,
// which then fits its content. Containers inside count as nodes (they were laid out before).
// What the page reading (core/page) says about the cells, taken once before any pass moves them: cells
// that are not laid out (decorations, regions, titles, legends, notes, annotations), the
// host of each decoration, and the nodes each region groups.
struct PageRoles {
    std::unordered_set<std::string> fixed;
    std::unordered_map<std::string, std::string> host;  // decoration -> the node it belongs to
    struct Region {
        std::string id;
        std::vector<std::string> members;
        double left = 0, top = 0, right = 0, bottom = 0;  // margins round the members
    };
    std::vector<Region> regions;
    std::vector<std::pair<std::string, diagram::Rect>> host_before;  // hosts of moved decorations
};

PageRoles page_roles(const diagram::Page& page) {
    using page::Role;
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

// After the layout: decorations keep their offset from their host, regions fit round the nodes they
// grouped with their old margins.
void follow_hosts(diagram::Page& page, const PageRoles& roles) {
    PageIndex index(page);
    std::unordered_map<std::string, diagram::Point> moved;
    for (const auto& [id, before] : roles.host_before)
        if (auto now = index.absolute_bounds(id)) moved[id] = {now->x - before.x, now->y - before.y};
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
    for (auto& c : page.cells) {
        if (!c.geometry) continue;
        if (auto h = roles.host.find(c.id); h != roles.host.end()) {
            if (auto d = moved.find(h->second); d != moved.end()) {
                c.geometry->bounds.x += d->second.x;
                c.geometry->bounds.y += d->second.y;
            }
        } else if (auto r = region_bounds.find(c.id); r != region_bounds.end()) {
            c.geometry->bounds = r->second;
        }
    }
}

Result<DiagramLayoutReport> layout_scope(diagram::Page& page, const DiagramLayoutOptions& options,
                                         const std::string& scope, const PageRoles& roles) {
    const bool lr = options.layout.direction == Direction::left_to_right;
    std::vector<std::string> node_ids, lane_ids;
    std::unordered_map<std::string, std::string> pool_of;  // lane id -> its pool, for lanes inside one
    std::vector<int> node_lane;
    diagram::Point scope_origin{0, 0};
    double scope_header = 0;
    {
        PageIndex index(page);
        std::set<std::string, std::less<>> wanted(options.cells.begin(), options.cells.end());
        for (const auto& id : options.cells)
            if (!index.find(id))
                return make_error(ErrorCode::bad_reference, "no cell '" + id + "' on this page");
        // Free text (annotations) is not part of the flow and stays where the user put it. Containers are
        // boxes like any other (their content was laid out first); swimlanes are lanes, not nodes.
        // Decorations, regions, titles, legends and notes are not laid out either (page reading): they follow
        // their host or fit round their nodes afterwards (follow_hosts).
        auto is_node = [&](const Cell& c) {
            return c.kind == CellKind::vertex && !c.style_or_empty().has_name("text") &&
                   !(scope.empty() && index.is_swimlane(c)) && !roles.fixed.count(c.id);
        };
        std::vector<const Cell*> lanes;
        if (!scope.empty()) {
            for (const Cell* c : index.children(scope))
                if (is_node(*c)) {
                    node_ids.push_back(c->id);
                    node_lane.push_back(-1);
                }
            const auto frame = index.absolute_bounds(scope).value_or(diagram::Rect{});
            scope_origin = {frame.x, frame.y};
            const Cell* container = index.find(scope);
            const auto& style = container->style_or_empty();
            if (!container->label().empty()) scope_header = 20;  // its title
            if (index.is_swimlane(*container) || style.get("startSize"))
                scope_header = style.number("startSize", 0);
        }
        for (const Cell* layer : scope.empty() ? index.layers() : std::vector<const Cell*>{})
            for (const Cell* child : index.children(layer->id)) {
                if (child->kind != CellKind::vertex) continue;
                if (index.is_swimlane(*child)) {
                    // A pool (a swimlane holding swimlanes, as in draw.io's cross-functional flowcharts): its
                    // swimlanes are the lanes, and it is fitted around them afterwards.
                    std::vector<const Cell*> inner;
                    for (const Cell* c : index.children(child->id))
                        if (c->kind == CellKind::vertex && index.is_swimlane(*c)) inner.push_back(c);
                    if (inner.empty())
                        inner.push_back(child);
                    else
                        for (const Cell* lane : inner) pool_of[lane->id] = child->id;
                    // A pool keeps all its lanes (empty ones too, in their place) once any of them is laid
                    // out.
                    const bool pool = !pool_of.empty() && pool_of.count(inner.front()->id);
                    std::vector<const Cell*> used;
                    for (const Cell* lane : inner) {
                        const bool lane_wanted =
                            wanted.empty() || wanted.count(lane->id) || wanted.count(child->id);
                        bool any = false;
                        for (const Cell* c : index.children(lane->id))
                            if (is_node(*c) && (lane_wanted || wanted.count(c->id))) any = true;
                        if (any || (pool && (wanted.empty() || wanted.count(child->id))))
                            used.push_back(lane);
                    }
                    if (pool && used.size() < inner.size() &&
                        std::none_of(used.begin(), used.end(), [&](const Cell* lane) {
                            for (const Cell* c : index.children(lane->id))
                                if (is_node(*c)) return true;
                            return false;
                        }))
                        used.clear();
                    lanes.insert(lanes.end(), used.begin(), used.end());
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
        // Shapes drawn over a lane but not put in it (their parent is the layer, as when a template's shapes
        // were pasted over the lanes) belong to the lane holding their centre: they stay in it.
        if (scope.empty() && !lanes.empty())
            for (std::size_t i = 0; i < node_ids.size(); ++i) {
                const auto box = index.absolute_bounds(node_ids[i]);
                if (!box) continue;
                const double cx = box->x + box->width / 2, cy = box->y + box->height / 2;
                for (std::size_t l = 0; l < lanes.size(); ++l) {
                    const auto lane = index.absolute_bounds(lanes[l]->id);
                    if (lane && cx > lane->x && cx < lane->x + lane->width && cy > lane->y &&
                        cy < lane->y + lane->height) {
                        node_lane[i] = static_cast<int>(l);
                        break;
                    }
                }
            }
        for (std::size_t l = 0; l < lanes.size(); ++l) {
            lane_ids.push_back(lanes[l]->id);
            const bool lane_wanted =
                wanted.empty() || wanted.count(lanes[l]->id) || wanted.count(lanes[l]->parent);
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
    std::vector<std::pair<bool, bool>> loose_ends;      // per laid-out edge: source / target is a point
    std::vector<std::vector<std::size_t>> label_cells;  // per laid-out edge: its label children (after value)
    std::vector<std::pair<std::size_t, int>> drifting;  // edges with a loose end that follow one node
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < page.cells.size(); ++i) position[page.cells[i].id] = i;
    auto position_of = [&](const std::string& id) { return position.at(id); };
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
        if (!scope.empty())
            origin = {scope_origin.x + container_padding, scope_origin.y + scope_header + container_padding};
        apply_rank_constraints(index, node_ids, options, input.nodes);
        // An edge glued to a node, or to something inside a node (a port), joins that node.
        auto owner = [&](const std::string& id) -> int {
            std::string at = id;
            for (int depth = 0; depth < 64 && !at.empty(); ++depth) {
                if (auto it = node_of.find(at); it != node_of.end()) return it->second;
                if (auto h = roles.host.find(at); h != roles.host.end()) {  // a frame or badge: its host
                    at = h->second;
                    continue;
                }
                const Cell* c = index.find(at);
                if (!c) return -1;
                at = c->parent;
            }
            return -1;
        };
        // A loose end (a point, not glued) that lies on a node's border or inside it belongs to that node:
        // the edge is laid out with it. Other loose ends move with the edge's one attached end.
        std::vector<diagram::Rect> before(node_ids.size());
        for (std::size_t i = 0; i < node_ids.size(); ++i)
            before[i] = index.absolute_bounds(node_ids[i]).value_or(diagram::Rect{});
        auto node_at = [&](diagram::Point p) -> int {
            constexpr double reach = 10;
            int found = -1;
            double best = std::numeric_limits<double>::max();
            for (std::size_t i = 0; i < before.size(); ++i) {
                const auto& b = before[i];
                const double dx = std::max({b.x - p.x, 0.0, p.x - b.x - b.width}),
                             dy = std::max({b.y - p.y, 0.0, p.y - b.y - b.height});
                const double d = std::hypot(dx, dy);
                if (d <= reach && d < best) best = d, found = static_cast<int>(i);
            }
            return found;
        };
        for (std::size_t i = 0; i < page.cells.size(); ++i) {
            const Cell& c = page.cells[i];
            if (c.kind != CellKind::edge) continue;
            const auto frame = index.frame_origin(c.id);
            auto end = [&](const std::string& term, const std::optional<diagram::Point>& point, bool& loose) {
                loose = term.empty();
                if (!loose) return owner(term);
                if (!point) return -1;
                return node_at({frame.x + point->x, frame.y + point->y});
            };
            bool loose_s = false, loose_t = false;
            const int s = end(c.source, c.geometry ? c.geometry->source_point : std::nullopt, loose_s);
            const int t = end(c.target, c.geometry ? c.geometry->target_point : std::nullopt, loose_t);
            if (s >= 0 && s == t && !loose_s && !loose_t &&
                !(c.source == node_ids[s] && c.target == node_ids[t])) {
                // Inside a container laid out before: it moves with the container (unless its coordinates are
                // the container's own already).
                bool inside = false;
                for (const Cell* up = index.find(c.parent); up && !inside; up = index.find(up->parent))
                    inside = up->id == node_ids[s];
                if (!inside && c.geometry) drifting.push_back({i, s});
                continue;
            }
            if (s >= 0 && t >= 0 && !(loose_s && loose_t && s == t)) {
                EdgeSpec spec{s, t, {}};
                if (auto size = label_size(c)) spec.labels.push_back(*size);
                std::vector<std::size_t> children;
                for (const Cell* child : index.children(c.id))
                    if (child->kind == CellKind::vertex && child->geometry && child->geometry->relative)
                        if (auto size = label_size(*child)) {
                            spec.labels.push_back(*size);
                            children.push_back(position_of(child->id));
                        }
                input.edges.push_back(std::move(spec));
                edge_cells.push_back(i);
                loose_ends.push_back({loose_s, loose_t});
                label_cells.push_back(std::move(children));
            } else if ((loose_s || loose_t) && (s >= 0 || t >= 0) && c.geometry) {
                drifting.push_back({i, s >= 0 && !loose_s ? s : t});
            }
        }
    }

    const LayoutOutput out = layered_layout(input, options.layout);

    // Write lanes, then nodes (relative to their lane), then edges (relative to the edge's parent frame).
    std::unordered_map<std::string, diagram::Point> lane_origin;
    std::vector<diagram::Rect> previous(node_ids.size());
    {
        PageIndex index(page);
        for (std::size_t i = 0; i < node_ids.size(); ++i)
            previous[i] = index.absolute_bounds(node_ids[i]).value_or(diagram::Rect{});
    }
    // Pools first: each one's box is its lanes' union plus its own title band, where that band was.
    std::unordered_map<std::string, diagram::Point> pool_origin;
    {
        std::unordered_map<std::string, diagram::Rect> pool_box;
        std::vector<std::string> pools;
        for (std::size_t l = 0; l < lane_ids.size(); ++l) {
            const auto pool = pool_of.find(lane_ids[l]);
            if (pool == pool_of.end()) continue;
            const std::string& parent = pool->second;
            const auto& box = out.lanes[l];
            const diagram::Rect r{origin.x + box.x, origin.y + box.y, box.width, box.height};
            auto [at, fresh] = pool_box.emplace(parent, r);
            if (fresh) pools.push_back(parent);
            auto& u = at->second;
            const double right = std::max(u.x + u.width, r.x + r.width),
                         bottom = std::max(u.y + u.height, r.y + r.height);
            u.x = std::min(u.x, r.x);
            u.y = std::min(u.y, r.y);
            u.width = right - u.x;
            u.height = bottom - u.y;
        }
        for (const auto& id : pools) {
            Cell& pool = page.cells[position[id]];
            const auto& style = pool.style_or_empty();
            const double band = style.number("startSize", 40);
            const bool title_left = !style.flag("horizontal", true);
            diagram::Rect box = pool_box[id];
            if (title_left) {
                box.x -= band;
                box.width += band;
            } else {
                box.y -= band;
                box.height += band;
            }
            if (!pool.geometry) pool.geometry.emplace();
            pool.geometry->bounds = box;  // pools sit on a layer: absolute
            pool_origin[id] = {box.x, box.y};
        }
    }
    for (std::size_t l = 0; l < lane_ids.size(); ++l) {
        Cell& lane = page.cells[position[lane_ids[l]]];
        if (!lane.geometry) lane.geometry.emplace();
        const auto& box = out.lanes[l];
        diagram::Point frame{0, 0};
        if (const auto it = pool_origin.find(lane.parent); it != pool_origin.end()) frame = it->second;
        lane.geometry->bounds = {origin.x + box.x - frame.x, origin.y + box.y - frame.y, box.width,
                                 box.height};
        lane_origin[lane.id] = {origin.x + box.x, origin.y + box.y};
    }
    std::vector<diagram::Rect> absolute(node_ids.size());
    for (std::size_t i = 0; i < node_ids.size(); ++i) {
        Cell& cell = page.cells[position[node_ids[i]]];
        const auto& box = out.nodes[i];
        absolute[i] = {origin.x + box.x, origin.y + box.y, box.width, box.height};
        diagram::Point frame{0, 0};
        if (node_lane[i] >= 0 && cell.parent == lane_ids[node_lane[i]])
            frame = lane_origin[lane_ids[node_lane[i]]];
        if (!scope.empty()) frame = scope_origin;
        if (!cell.geometry) cell.geometry.emplace();
        cell.geometry->bounds = {absolute[i].x - frame.x, absolute[i].y - frame.y, box.width, box.height};
    }
    PageIndex index(page);
    for (std::size_t k = 0; k < edge_cells.size(); ++k) {
        Cell& edge = page.cells[edge_cells[k]];
        if (out.edges[k].size() < 2) continue;
        std::vector<XY> route = out.edges[k];
        const int s = input.edges[k].source, t = input.edges[k].target;
        // An end inside a container node: carried on from the container's border along the free margin to
        // the side of the inner shape (when the run into it is clear), else left to draw.io's own routing.
        std::optional<diagram::Rect> inner_s, inner_t;
        bool give_up = false;
        auto enter = [&](const std::string& term, int node, bool at_start) -> std::optional<diagram::Rect> {
            if (term == node_ids[node] || !lays_out_inside(index, *index.find(node_ids[node])))
                return std::nullopt;
            const Cell* cell = index.find(term);
            if (!cell || cell->parent != node_ids[node] || cell->kind != CellKind::vertex) {
                give_up = true;
                return std::nullopt;
            }
            const auto inner = index.absolute_bounds(term);
            if (!inner) return std::nullopt;
            const diagram::Rect box = absolute[node];
            const double m = container_padding / 2;
            const double left = box.x + m, right = box.x + box.width - m, top = box.y + m,
                         bottom = box.y + box.height - m;
            const XY border = at_start ? route.front() : route.back();
            XY b{origin.x + border.x, origin.y + border.y};
            // The corridor point next to the border point, then round the corridor to the chosen side.
            XY c = b;
            if (std::abs(b.y - box.y) < 1e-6)
                c.y = top;
            else if (std::abs(b.y - box.y - box.height) < 1e-6)
                c.y = bottom;
            else if (std::abs(b.x - box.x) < 1e-6)
                c.x = left;
            else
                c.x = right;
            // Straight in, where the border point lies above (below) the shape and nothing stands between.
            const bool top_or_bottom =
                std::abs(b.y - box.y) < 1e-6 || std::abs(b.y - box.y - box.height) < 1e-6;
            if (top_or_bottom && b.x > inner->x + 1 && b.x < inner->x + inner->width - 1) {
                const bool from_top = std::abs(b.y - box.y) < 1e-6;
                const double y0 = from_top ? b.y : inner->y + inner->height, y1 = from_top ? inner->y : b.y;
                bool free = true;
                for (const Cell* sibling : index.children(node_ids[node])) {
                    if (sibling->id == term || sibling->kind != CellKind::vertex) continue;
                    const auto sb = index.absolute_bounds(sibling->id);
                    if (sb && !(sibling->geometry && sibling->geometry->relative) && sb->x < b.x &&
                        sb->x + sb->width > b.x && sb->y < y1 && sb->y + sb->height > y0)
                        free = false;
                }
                if (free) {
                    const XY p{b.x - origin.x, (from_top ? inner->y : inner->y + inner->height) - origin.y};
                    if (at_start)
                        route.front() = p;
                    else
                        route.back() = p;
                    return inner;
                }
            }
            // Otherwise out of one side of the shape to the corridor (where nothing stands between), and
            // round the corridor to the point by the border: the shortest such way.
            auto blocked = [&](double x0, double y0, double x1, double y1) {
                for (const Cell* sibling : index.children(node_ids[node])) {
                    if (sibling->id == term || sibling->kind != CellKind::vertex) continue;
                    if (sibling->geometry && sibling->geometry->relative) continue;
                    const auto sb = index.absolute_bounds(sibling->id);
                    if (sb && sb->x < std::max(x0, x1) + 1 && sb->x + sb->width > std::min(x0, x1) - 1 &&
                        sb->y < std::max(y0, y1) + 1 && sb->y + sb->height > std::min(y0, y1) - 1)
                        return true;
                }
                return false;
            };
            auto side_of = [&](XY p) {
                return std::abs(p.y - top) < 1e-6      ? 0
                       : std::abs(p.x - right) < 1e-6  ? 1
                       : std::abs(p.y - bottom) < 1e-6 ? 2
                                                       : 3;
            };
            const XY corners[4] = {
                {right, top}, {right, bottom}, {left, bottom}, {left, top}};  // after side i
            auto around = [&](XY a, XY z) {
                std::vector<XY> best_path;
                double best_length = std::numeric_limits<double>::max();
                for (int dir : {1, 3}) {  // clockwise, counter-clockwise
                    std::vector<XY> path{a};
                    for (int side = side_of(a); side != side_of(z); side = (side + dir) % 4)
                        path.push_back(corners[dir == 1 ? side : (side + 3) % 4]);
                    path.push_back(z);
                    double length = 0;
                    for (std::size_t i = 1; i < path.size(); ++i)
                        length += std::abs(path[i].x - path[i - 1].x) + std::abs(path[i].y - path[i - 1].y);
                    if (length < best_length) best_length = length, best_path = path;
                }
                return best_path;
            };
            const double cx = inner->x + inner->width / 2, cy = inner->y + inner->height / 2;
            const std::pair<XY, XY> exits[4] = {{{cx, inner->y}, {cx, top}},
                                                {{inner->x + inner->width, cy}, {right, cy}},
                                                {{cx, inner->y + inner->height}, {cx, bottom}},
                                                {{inner->x, cy}, {left, cy}}};
            std::vector<XY> leg;
            double shortest = std::numeric_limits<double>::max();
            for (const auto& [at, corridor] : exits) {
                if (blocked(at.x, at.y, corridor.x, corridor.y)) continue;
                auto path = around(corridor, c);
                double length = std::abs(at.x - corridor.x) + std::abs(at.y - corridor.y);
                for (std::size_t i = 1; i < path.size(); ++i)
                    length += std::abs(path[i].x - path[i - 1].x) + std::abs(path[i].y - path[i - 1].y);
                if (length < shortest) {
                    shortest = length;
                    leg = {at};
                    for (const auto& p : path)
                        if (std::abs(p.x - leg.back().x) > 1e-6 || std::abs(p.y - leg.back().y) > 1e-6)
                            leg.push_back(p);
                }
            }
            if (leg.empty()) {
                give_up = true;
                return std::nullopt;
            }
            std::reverse(leg.begin(), leg.end());  // from the corridor point by the border to the shape
            for (auto& p : leg) p = {p.x - origin.x, p.y - origin.y};
            if (at_start) {
                std::reverse(leg.begin(), leg.end());
                route.erase(route.begin());
                route.insert(route.begin(), leg.begin(), leg.end());
            } else {
                route.pop_back();
                route.insert(route.end(), leg.begin(), leg.end());
            }
            return inner;
        };
        inner_s = enter(edge.source, s, true);
        inner_t = enter(edge.target, t, false);
        if (give_up) {  // draw.io routes it: no stale waypoints or anchors
            diagram::Style style = edge.style_or_empty();
            style.set("edgeStyle", "orthogonalEdgeStyle");
            for (const char* key : {"exitX", "exitY", "exitPerimeter", "entryX", "entryY", "entryPerimeter"})
                style.remove(key);
            edge.style = style;
            if (edge.geometry) {
                edge.geometry->waypoints.clear();
                edge.geometry->has_points_array = false;
                normalize_child_order(*edge.geometry);
            }
            continue;
        }
        diagram::Style style = edge.style_or_empty();
        style.set("edgeStyle", "orthogonalEdgeStyle");
        style.remove("curved");
        style.remove("elbow");
        const auto [loose_s, loose_t] = loose_ends[k];
        const auto frame = index.frame_origin(edge.id);
        auto end = [&](const char* x_key, const char* y_key, const char* perimeter, XY p,
                       const std::string& term, int node, bool loose) {
            if (loose) {  // a point end: it follows the node it touched; constraints do not apply to it
                style.remove(x_key);
                style.remove(y_key);
                style.remove(perimeter);
                return;
            }
            const auto& inner = x_key[0] == 'e' && x_key[1] == 'x' ? inner_s : inner_t;
            if (term != node_ids[node] && !inner) return;  // glued to a port inside the node: its own anchor
            const auto& b = inner ? *inner : absolute[node];
            style.set(x_key, number((origin.x + p.x - b.x) / b.width));
            style.set(y_key, number((origin.y + p.y - b.y) / b.height));
            style.set(perimeter, "0");
        };
        end("exitX", "exitY", "exitPerimeter", route.front(), edge.source, s, loose_s);
        end("entryX", "entryY", "entryPerimeter", route.back(), edge.target, t, loose_t);
        style.remove("exitDx");
        style.remove("exitDy");
        style.remove("entryDx");
        style.remove("entryDy");
        edge.style = style;
        if (!edge.geometry) {
            edge.geometry.emplace();
            edge.geometry->relative = true;
        }
        auto in_frame = [&](XY p) {
            return diagram::Point{origin.x + p.x - frame.x, origin.y + p.y - frame.y};
        };
        auto& geometry = *edge.geometry;
        geometry.waypoints.clear();
        for (std::size_t p = 1; p + 1 < route.size(); ++p) geometry.waypoints.push_back(in_frame(route[p]));
        if (loose_s) geometry.source_point = in_frame(route.front());
        if (loose_t) geometry.target_point = in_frame(route.back());
        geometry.has_points_array = !geometry.waypoints.empty();
        auto& order = geometry.child_order;
        order.erase(std::remove(order.begin(), order.end(), "points"), order.end());
        normalize_child_order(geometry);

        // Labels: the edge's own value first (when it shows), then its label children, as collected above.
        const auto& centers = out.labels[k];
        std::size_t next = 0;
        auto place = [&](diagram::Geometry& g, XY center) {
            const auto [x, anchor] = route_anchor(route, center);
            g.relative = true;
            g.bounds.x = std::abs(x) < 1e-9 ? 0 : x;
            g.bounds.y = 0;
            g.offset = diagram::Point{center.x - anchor.x, center.y - anchor.y};
            normalize_child_order(g);
        };
        if (centers.size() > label_cells[k].size()) place(geometry, centers[next++]);
        for (std::size_t child : label_cells[k]) {
            Cell& label = page.cells[child];
            if (!label.geometry) label.geometry.emplace();
            place(*label.geometry, centers[next++]);
        }
    }
    // Edges with one end in the air and the other on a node that moved: the whole edge moves with the node.
    for (const auto& [cell, node] : drifting) {
        auto& g = *page.cells[cell].geometry;
        const double dx = absolute[node].x - previous[node].x, dy = absolute[node].y - previous[node].y;
        auto shift = [&](std::optional<diagram::Point>& p) {
            if (p) p->x += dx, p->y += dy;
        };
        shift(g.source_point);
        shift(g.target_point);
        for (auto& p : g.waypoints) p.x += dx, p.y += dy;
    }

    // A container fits its content (nodes and routes) with a margin all round, keeping its place.
    if (!scope.empty() && !node_ids.empty()) {
        double right = 0, bottom = 0;
        for (const auto& b : absolute) {
            right = std::max(right, b.x + b.width - scope_origin.x);
            bottom = std::max(bottom, b.y + b.height - scope_origin.y);
        }
        for (const auto& route : out.edges)
            for (const auto& p : route) {
                right = std::max(right, origin.x + p.x - scope_origin.x);
                bottom = std::max(bottom, origin.y + p.y - scope_origin.y);
            }
        Cell& container = page.cells[position[scope]];
        if (!container.geometry) container.geometry.emplace();
        container.geometry->bounds.width = right + container_padding;
        container.geometry->bounds.height = bottom + container_padding;
    }

    DiagramLayoutReport report;
    report.nodes = static_cast<int>(node_ids.size());
    report.edges = static_cast<int>(edge_cells.size());
    report.lanes = static_cast<int>(lane_ids.size());
    report.stats = out.stats;
    report.labels = out.stats.labels_clear + out.stats.labels_blocked;
    return report;
}

}  // namespace

Direction direction_of_lanes(const diagram::Page& page, Direction fallback) {
    // Lanes are the swimlanes holding shapes (a pool holds swimlanes); the majority's title side decides.
    const PageIndex index(page);
    int rows = 0, columns = 0;
    for (const auto& cell : page.cells) {
        if (cell.kind != CellKind::vertex || !index.is_swimlane(cell)) continue;
        bool shapes = false;
        for (const Cell* child : index.children(cell.id))
            shapes = shapes || (child->kind == CellKind::vertex && !index.is_swimlane(*child));
        if (!shapes) continue;
        (cell.style_or_empty().flag("horizontal", true) ? columns : rows) += 1;
    }
    if (rows == columns) return fallback;
    return rows > columns ? Direction::left_to_right : Direction::top_to_bottom;
}

constexpr int max_container_depth = 100;

namespace {

// A region that groups nodes is laid out as the box around them: for the layout its members become its
// children (a container laid out inside first, then placed as one box), and afterwards go back to their own
// parent at their new place. Regions that overlap another region, or whose members are not all on the
// region's own layer, keep the simpler treatment (refit round their members, follow_hosts).
struct GroupedMember {
    std::string id, parent, region;
};

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

Result<DiagramLayoutReport> layout_grouped(diagram::Page& page, const DiagramLayoutOptions& options,
                                           const PageRoles& roles);

}  // namespace

Result<DiagramLayoutReport> layout_page(diagram::Page& page, const DiagramLayoutOptions& given) {
    // A journey map keeps its stage x lane grid: never a layered layout across it.
    if (given.cells.empty() && looks_like_journey_map(page)) {
        const page::PageReading reading(page);
        if (reading.is_journey_map()) {
            auto journey = layout_journey_map(page, reading);
            if (!journey) return journey.error();
            DiagramLayoutReport report;
            report.nodes = journey->steps;
            report.edges = journey->transitions;
            report.lanes = journey->lanes;
            report.stats.layers = journey->stages;
            report.stats.labels_blocked = journey->labels_blocked;
            report.direction = Direction::left_to_right;
            return report;
        }
    }
    DiagramLayoutOptions options = given;
    if (options.direction_from_lanes)
        options.layout.direction = direction_of_lanes(page, given.layout.direction);
    {
        PageIndex index(page);
        for (const auto& id : options.cells)
            if (!index.find(id))
                return make_error(ErrorCode::bad_reference, "no cell '" + id + "' on this page");
    }
    PageRoles roles = page_roles(page);
    // Only a whole-page layout regroups: with --cells the user chose what moves.
    const auto grouped = options.cells.empty() ? group_regions(page, roles) : std::vector<GroupedMember>{};
    auto report = layout_grouped(page, options, roles);
    ungroup_regions(page, grouped);
    if (report) follow_hosts(page, roles);
    return report;
}

namespace {

Result<DiagramLayoutReport> layout_grouped(diagram::Page& page, const DiagramLayoutOptions& options,
                                           const PageRoles& roles) {
    // Containers first, the deepest first, so each is laid out inside and sized before its parent places it.
    std::vector<std::pair<int, std::string>> containers;
    {
        PageIndex index(page);
        for (const auto& id : options.cells)
            if (!index.find(id))
                return make_error(ErrorCode::bad_reference, "no cell '" + id + "' on this page");
        std::set<std::string, std::less<>> wanted(options.cells.begin(), options.cells.end());
        for (const auto& cell : page.cells) {
            if (!lays_out_inside(index, cell)) continue;
            // Every container above must be laid out too (or be a swimlane), up to a layer.
            int depth = 0;
            bool ok = true, chosen = wanted.empty() || wanted.count(cell.id) > 0;
            auto is_layer_or_root = [&](const Cell* c) {
                const Cell* parent = index.find(c->parent);
                return c->parent.empty() || !parent || parent->parent.empty();
            };
            for (const Cell* up = index.find(cell.parent); up && !is_layer_or_root(up);
                 up = index.find(up->parent)) {
                ok = ok && (index.is_swimlane(*up) || lays_out_inside(index, *up));
                chosen = chosen || wanted.count(up->id) > 0;
                // Each level is laid out on its own and sizes its parent, so time grows with the cube of
                // the depth (3,000 nested groups: 48 s) and a hostile file would hang layout; no drawn
                // diagram nests groups this deep. The walk stops here too, so it stays linear.
                if (++depth > max_container_depth) {
                    Location where;
                    where.cell_id = cell.id;
                    where.line = cell.source_line;
                    return make_error(ErrorCode::unsupported,
                                      "groups and containers nested more than " +
                                          std::to_string(max_container_depth) + " deep; layout stops here",
                                      where);
                }
            }
            if (ok && chosen) containers.emplace_back(depth, cell.id);
        }
    }
    std::stable_sort(containers.begin(), containers.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    DiagramLayoutOptions inner = options;
    inner.cells.clear();
    int nodes = 0, edges = 0, labels = 0;
    for (const auto& [depth, id] : containers) {
        auto done = layout_scope(page, inner, id, roles);
        if (!done) return done.error();
        nodes += done->nodes;
        edges += done->edges;
        labels += done->labels;
    }
    auto report = layout_scope(page, options, "", roles);
    if (!report) return report;
    report->nodes += nodes;
    report->edges += edges;
    report->labels += labels;
    report->containers = static_cast<int>(containers.size());
    report->direction = options.layout.direction;
    return report;
}

}  // namespace

}  // namespace jstudio::layout
