#include "core/layout/diagram_layout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/page_index.hpp"
#include "core/layout/journey_grid_layout.hpp"
#include "core/layout/page_graph/follow_hosts.hpp"
#include "core/layout/page_graph/free_items.hpp"
#include "core/layout/page_graph/page_roles.hpp"
#include "core/layout/page_graph/region_groups.hpp"
#include "core/layout/page_graph/regions_kept.hpp"
#include "core/layout/route_position.hpp"
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

// The label as words: tags dropped, lower case, spaces trimmed.
std::string plain_words(const Cell& cell) {
    std::string out;
    bool tag = false;
    for (char ch : cell.label()) {
        if (ch == '<') tag = true;
        if (!tag) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (ch == '>') tag = false, out += ' ';
    }
    const auto a = out.find_first_not_of(" \t\n"), b = out.find_last_not_of(" \t\n");
    return a == std::string::npos ? std::string{} : out.substr(a, b - a + 1);
}

// A start node: labelled Start/Begin, or drawn as UML's initial state (a small filled circle, 30 to 40 px in
// the corpus; a dot of 16 px or less is a junction of wiring: aws-internet-of-things' 7.5 px dots, read as
// starts, filled the first layer when laid out with --force).
bool is_start(const Cell& cell) {
    const std::string words = plain_words(cell);
    if (words == "start" || words == "begin" || words == "start here" || words == "initial") return true;
    const auto& style = cell.style_or_empty();
    if (style.get_or("shape", "") == "startState" || style.has_name("startState")) return true;
    const bool circle = style.has_name("ellipse") || style.get_or("shape", "") == "ellipse";
    const auto fill = style.get_or("fillColor", "");
    return circle && words.empty() && cell.geometry && cell.geometry->bounds.width > 16 &&
           cell.geometry->bounds.width <= 40 && (fill == "#000000" || fill == "#000" || fill == "black");
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
        else if (rank.empty() && is_start(*cell))
            specs[i].place = RankPlace::first;  // the start node opens the flow, as drawn
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
// A container draw.io arranges itself (childLayout=stackLayout, tableLayout ...: an ER entity, a class, a
// list): one box for the layout, its rows untouched.
// A pool stacks its lanes with childLayout=stackLayout too: that is a pool, laid out lane by lane.
bool keeps_own_layout(const PageIndex& index, const Cell& c) {
    if (c.kind != CellKind::vertex || c.style_or_empty().get_or("childLayout", "").empty()) return false;
    for (const Cell* child : index.children(c.id))
        if (child->kind == CellKind::vertex && index.is_swimlane(*child)) return false;
    return true;
}

// A swimlane holding shapes next to swimlanes (a state machine with a composite state, drawn as nested
// swimlanes): a container, not a pool of lanes.
bool composite_swimlane(const PageIndex& index, const Cell& c) {
    if (c.kind != CellKind::vertex || !index.is_swimlane(c)) return false;
    bool lanes = false, shapes = false;
    for (const Cell* child : index.children(c.id)) {
        if (child->kind != CellKind::vertex || (child->geometry && child->geometry->relative)) continue;
        (index.is_swimlane(*child) ? lanes : shapes) = true;
    }
    return lanes && shapes;
}

bool lays_out_inside(const PageIndex& index, const Cell& c) {
    if (c.kind != CellKind::vertex || !index.is_container(c) || keeps_own_layout(index, c)) return false;
    if (index.is_swimlane(c) && !composite_swimlane(index, c)) {
        const Cell* parent = index.find(c.parent);
        if (!parent || !composite_swimlane(index, *parent)) return false;
    }
    const auto shape = c.style_or_empty().get_or("shape", "");
    if (shape == "table" || shape == "tableRow") return false;
    for (const Cell* child : index.children(c.id))  // ports (relative geometry) are not content
        if (child->kind == CellKind::vertex && !(child->geometry && child->geometry->relative)) return true;
    return false;
}

constexpr double container_padding = 20;

// One layout pass: the page's layers and swimlanes (scope empty), or the direct children of one container,
// which then fits its content. Containers inside count as nodes (they were laid out before).
// Bottom to top or right to left: the picture laid out top to bottom (left to right) mirrored along the flow,
// within the span its nodes, routes and labels take, so lane title bands stay where they are.
void mirror_along_flow(LayoutOutput& out, bool lr) {
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    auto see = [&](double a, double b) { lo = std::min(lo, a), hi = std::max(hi, b); };
    for (const auto& b : out.nodes) lr ? see(b.x, b.x + b.width) : see(b.y, b.y + b.height);
    for (const auto& route : out.edges)
        for (const auto& p : route) lr ? see(p.x, p.x) : see(p.y, p.y);
    for (const auto& centers : out.labels)
        for (const auto& p : centers) lr ? see(p.x, p.x) : see(p.y, p.y);
    if (lo > hi) return;
    const double sum = lo + hi;
    for (auto& b : out.nodes) (lr ? b.x : b.y) = sum - (lr ? b.x + b.width : b.y + b.height);
    for (auto& route : out.edges)
        for (auto& p : route) (lr ? p.x : p.y) = sum - (lr ? p.x : p.y);
    for (auto& centers : out.labels)
        for (auto& p : centers) (lr ? p.x : p.y) = sum - (lr ? p.x : p.y);
}

// Where the laid-out part of a page (--cells) goes: where it starts if nothing else is there, else just right
// of or below everything else on the page, whichever is nearer.
diagram::Point free_place(const diagram::Page& page, const std::vector<std::string>& node_ids,
                          const PageRoles& roles, const LayoutOutput& out, diagram::Point origin) {
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    auto see = [&](double ax, double ay, double bx, double by) {
        x0 = std::min(x0, ax), y0 = std::min(y0, ay), x1 = std::max(x1, bx), y1 = std::max(y1, by);
    };
    for (const auto& b : out.nodes) see(b.x, b.y, b.x + b.width, b.y + b.height);
    for (const auto& route : out.edges)
        for (const auto& p : route) see(p.x, p.y, p.x, p.y);
    const PageIndex index(page);
    const std::unordered_set<std::string> moving(node_ids.begin(), node_ids.end());
    std::vector<diagram::Rect> others;
    for (const Cell* layer : index.layers())
        for (const Cell* c : index.children(layer->id)) {
            if (c->kind != CellKind::vertex || moving.count(c->id)) continue;
            if (auto h = roles.host.find(c->id); h != roles.host.end() && moving.count(h->second)) continue;
            if (auto b = index.absolute_bounds(c->id); b && b->width > 0 && b->height > 0)
                others.push_back(*b);
        }
    constexpr double gap = 40;
    auto clear_at = [&](diagram::Point o) {
        for (const auto& r : others)
            if (o.x + x0 < r.right() + gap / 2 && r.x < o.x + x1 + gap / 2 &&
                o.y + y0 < r.bottom() + gap / 2 && r.y < o.y + y1 + gap / 2)
                return false;
        return true;
    };
    if (others.empty() || clear_at(origin)) return origin;
    double right = -INFINITY, bottom = -INFINITY;
    for (const auto& r : others) right = std::max(right, r.right()), bottom = std::max(bottom, r.bottom());
    const diagram::Point beside{right + gap - x0, origin.y}, below{origin.x, bottom + gap - y0};
    return std::abs(beside.x - origin.x) <= std::abs(below.y - origin.y) ? beside : below;
}

Result<DiagramLayoutReport> layout_scope(diagram::Page& page, const DiagramLayoutOptions& options,
                                         const std::string& scope, const PageRoles& roles) {
    const bool lr = options.layout.direction == Direction::left_to_right;
    std::vector<std::string> node_ids, lane_ids;
    std::unordered_map<std::string, std::string> pool_of;  // lane id -> its pool, for lanes inside one
    std::vector<int> node_lane;
    diagram::Point scope_origin{0, 0};
    double scope_header = 0;
    bool header_left = false;  // a swimlane drawn with its title band on the left (horizontal=0)
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
        // A port (a child with relative geometry: a region's logo at a fraction of its box plus an offset)
        // keeps its place on its parent: laid out as a node, its fraction became a place in pixels (40 times
        // the parent's height away) and the page read differently the next time.
        auto is_node = [&](const Cell& c) {
            return c.kind == CellKind::vertex && !c.style_or_empty().has_name("text") &&
                   !(c.geometry && c.geometry->relative) &&
                   !(scope.empty() && index.is_swimlane(c) && !lays_out_inside(index, c) &&
                     !keeps_own_layout(index, c)) &&
                   !roles.fixed.count(c.id);
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
                scope_header = style.number("startSize", index.is_swimlane(*container) ? 23 : 0);
            header_left = index.is_swimlane(*container) && !style.flag("horizontal", true);
            if (auto band = roles.caption_band.find(scope); band != roles.caption_band.end())
                // Past the page reading's reach (30 px), so the caption reads as the region's again, not
                // as the label of the shape under it.
                scope_header = std::max(scope_header, band->second + 15);
        }
        for (const Cell* layer : scope.empty() ? index.layers() : std::vector<const Cell*>{})
            for (const Cell* child : index.children(layer->id)) {
                if (child->kind != CellKind::vertex) continue;
                if (index.is_swimlane(*child) && !lays_out_inside(index, *child) &&
                    !keeps_own_layout(index, *child)) {
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
            // Rows in LR, columns in TB; the other way round when the lanes run along the flow.
            return lr != options.lanes_along_flow ? ba.y < bb.y : ba.x < bb.x;
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

    // The drawing's order: where the nodes are drawn across the flow (left to right in TB, top to bottom in
    // LR) and along it goes to the layout as the first order it tries, so a tree's children and the branches
    // keep their order, and a laid-out drawing laid out again stays as it is. The nodes themselves stay in
    // file order (grouped by lane), which no layout changes: every phase sees the same graph on a second run.
    std::vector<double> across(node_ids.size()), along(node_ids.size());
    {
        PageIndex index(page);
        for (std::size_t i = 0; i < node_ids.size(); ++i) {
            const auto b = index.absolute_bounds(node_ids[i]).value_or(diagram::Rect{});
            across[i] = lr ? b.y + b.height / 2 : b.x + b.width / 2;
            along[i] = lr ? b.x + b.width / 2 : b.y + b.height / 2;
        }
        std::vector<std::size_t> order(node_ids.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return node_lane[a] < node_lane[b]; });
        std::vector<std::string> ids;
        std::vector<int> lanes_of;
        std::vector<double> ac, al;
        for (std::size_t i : order) {
            ids.push_back(node_ids[i]);
            lanes_of.push_back(node_lane[i]);
            ac.push_back(across[i]);
            al.push_back(along[i]);
        }
        node_ids = std::move(ids);
        node_lane = std::move(lanes_of);
        across = std::move(ac);
        along = std::move(al);
    }

    const bool lanes_along =
        scope.empty() && options.lanes_along_flow && !lane_ids.empty() && pool_of.empty();

    // Current placement: the laid-out picture starts where the old one did.
    std::unordered_map<std::string, int> node_of;
    for (std::size_t i = 0; i < node_ids.size(); ++i) node_of[node_ids[i]] = static_cast<int>(i);
    diagram::Point origin{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    LayoutInput input;
    input.lane_count = static_cast<int>(lane_ids.size());
    std::vector<std::size_t> edge_cells;
    std::vector<std::pair<bool, bool>> loose_ends;  // per laid-out edge: source / target is a point
    // Per laid-out edge: the shape a loose source / target touched as drawn, when it is not the node itself
    // (a shape inside a container laid out as one node).
    std::vector<std::pair<std::string, std::string>> touched_inside;
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
        // What each host's decorations (not its children, which move with it already) reach past its box as
        // drawn: kept free of other nodes. A socket on a component's border reaching 30 px out of it, with
        // the next layer 24 px away, lay on the neighbour and was read as the neighbour's the next time.
        struct Reach {
            double left = 0, top = 0, right = 0, bottom = 0;
        };
        std::unordered_map<std::string, Reach> reaches;
        {
            std::unordered_map<std::string, diagram::Rect> host_box(roles.host_before.begin(),
                                                                    roles.host_before.end());
            for (const auto& [decoration, host] : roles.host) {
                if (!roles.on_host.count(decoration)) continue;
                const auto h = host_box.find(host);
                const auto d = roles.decoration_before.find(decoration);
                if (h == host_box.end() || d == roles.decoration_before.end()) continue;
                const diagram::Rect& n = h->second;
                const diagram::Rect& b = d->second;
                if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(b.width) ||
                    !std::isfinite(b.height))
                    continue;
                // Only what lies on the node (a badge on its border, a frame over it): text beside it
                // follows it at a distance and may give way.
                constexpr double touch = 1;
                if (b.x > n.right() + touch || n.x > b.right() + touch || b.y > n.bottom() + touch ||
                    n.y > b.bottom() + touch)
                    continue;
                auto& r = reaches[host];
                r.left = std::max(r.left, n.x - b.x);
                r.top = std::max(r.top, n.y - b.y);
                r.right = std::max(r.right, b.right() - n.right());
                r.bottom = std::max(r.bottom, b.bottom() - n.bottom());
            }
        }
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
            spec.drawn_across = across[i];
            spec.drawn_along = along[i];
            if (const auto r = reaches.find(node_ids[i]); r != reaches.end()) {
                spec.margin_left = r->second.left, spec.margin_top = r->second.top;
                spec.margin_right = r->second.right, spec.margin_bottom = r->second.bottom;
                // Laid out top to bottom (left to right) and mirrored: the page's bottom (right) is the
                // layout's top (left).
                if (options.reverse)
                    std::swap(lr ? spec.margin_left : spec.margin_top,
                              lr ? spec.margin_right : spec.margin_bottom);
            }
            input.nodes.push_back(spec);
        }
        if (origin.x == std::numeric_limits<double>::max() || !std::isfinite(origin.x)) origin = {0, 0};
        if (!scope.empty())
            origin = header_left ? diagram::Point{scope_origin.x + scope_header + container_padding,
                                                  scope_origin.y + container_padding}
                                 : diagram::Point{scope_origin.x + container_padding,
                                                  scope_origin.y + scope_header + container_padding};
        apply_rank_constraints(index, node_ids, options, input.nodes);
        // Lanes along the flow: a lane's nodes share one layer, the lanes' layers in lane order.
        if (lanes_along) {
            input.lane_count = 0;
            for (std::size_t i = 0; i < node_ids.size(); ++i) {
                auto& n = input.nodes[i];
                n.lane = -1;
                if (node_lane[i] >= 0 && n.stage < 0 && n.same_rank < 0 && n.place == RankPlace::any)
                    n.stage = node_lane[i];
            }
        }
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
            const auto drawn_loose = roles.loose_ends.find(c.id);
            auto end = [&](const std::string& term, const std::optional<diagram::Point>& point, bool& loose,
                           std::string& inside) {
                loose = term.empty();
                if (!loose) return owner(term);
                if (!point) return -1;
                // What the loose end touched as drawn, where the page reading saw the drawing.
                if (drawn_loose != roles.loose_ends.end()) {
                    const auto& touched =
                        &term == &c.source ? drawn_loose->second.first : drawn_loose->second.second;
                    const int node = touched.empty() ? -1 : owner(touched);
                    if (node >= 0 && touched != node_ids[node]) inside = touched;
                    return node;
                }
                return node_at({frame.x + point->x, frame.y + point->y});
            };
            bool loose_s = false, loose_t = false;
            std::string inside_s, inside_t;
            const int s =
                end(c.source, c.geometry ? c.geometry->source_point : std::nullopt, loose_s, inside_s);
            const int t =
                end(c.target, c.geometry ? c.geometry->target_point : std::nullopt, loose_t, inside_t);
            if (s >= 0 && s == t && !loose_s && !loose_t &&
                !(c.source == node_ids[s] && c.target == node_ids[t])) {
                // Inside a container laid out before: it moves with the container (unless its coordinates are
                // the container's own already).
                const auto holder = index.position(node_ids[s]);
                if (!(holder && index.is_inside(i, *holder)) && c.geometry) drifting.push_back({i, s});
                continue;
            }
            // A loose end on the node its other end is glued to (a legend's sample arrow from its box to a
            // swatch in it) is drawn on that node, not a loop around it: laid out as a loop its loose end
            // went beside the drawing, touched nothing the next time and the arrow was laid out otherwise.
            if (s >= 0 && t >= 0 && !(s == t && (loose_s || loose_t))) {
                EdgeSpec spec{s, t, {}};
                if (auto size = label_size(c)) spec.labels.push_back(*size);
                // The drawn route: the ends and the waypoints between, across and along the flow. An end
                // glued at a fixed point of its node (exitX/exitY, entryX/entryY, as the layout writes them)
                // starts there, else at the node's centre. From the centres, the first leg of a laid-out
                // arrow that leaves its node at a side port ran slanted through the next layer and put its
                // long edge's place there on the other side of another arrow's: two arrows between the same
                // two states, one each way, swapped their routes on the next layout (BeadSorter).
                auto drawn = [&](diagram::Point p) {
                    spec.drawn.push_back(lr ? XY{p.y, p.x} : XY{p.x, p.y});
                };
                auto end_point = [&](int node, const std::string& term, const char* kx, const char* ky) {
                    const auto& b = before[node];
                    const auto& style = c.style_or_empty();
                    const double fx = style.number(kx, NAN), fy = style.number(ky, NAN);
                    if (term == node_ids[node] && fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1)
                        return diagram::Point{b.x + fx * b.width, b.y + fy * b.height};
                    return diagram::Point{b.x + b.width / 2, b.y + b.height / 2};
                };
                drawn(end_point(s, c.source, "exitX", "exitY"));
                if (c.geometry)
                    for (const auto& w : c.geometry->waypoints) drawn({frame.x + w.x, frame.y + w.y});
                drawn(end_point(t, c.target, "entryX", "entryY"));
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
                touched_inside.push_back({std::move(inside_s), std::move(inside_t)});
                label_cells.push_back(std::move(children));
            } else if ((loose_s || loose_t) && (s >= 0 || t >= 0) && c.geometry) {
                const int with = s >= 0 && (!loose_s || t < 0) ? s : t;  // never -1
                // Drawn inside the box it follows (a legend's sample arrow in the legend's group): its
                // coordinates are the box's already, and moving it too took it twice the box's way.
                const auto holder = index.position(node_ids[with]);
                if (!(holder && index.is_inside(i, *holder))) drifting.push_back({i, with});
            }
        }
    }

    // Edges in file order, as the nodes: the same on every run.
    LayoutOutput out = layered_layout(input, options.layout);
    if (options.reverse) mirror_along_flow(out, lr);
    // --cells: the laid-out part goes where it is free, the rest of the page does not move.
    if (scope.empty() && !options.cells.empty() && lane_ids.empty() && !out.nodes.empty())
        origin = free_place(page, node_ids, roles, out, origin);
    // A whole page without lanes: the laid-out nodes start where the drawn ones did (routes and labels may
    // reach further out), so laying out a laid-out page leaves it where it is.
    if (scope.empty() && options.cells.empty() && lane_ids.empty() && !out.nodes.empty()) {
        double x0 = std::numeric_limits<double>::max(), y0 = x0;
        for (const auto& b : out.nodes) x0 = std::min(x0, b.x), y0 = std::min(y0, b.y);
        origin.x -= x0;
        origin.y -= y0;
    }

    // Lanes along the flow: each lane is the band of its layer, from halfway to the lane before to halfway to
    // the next, across the whole drawing plus its title band; the lanes start where they did.
    if (lanes_along) {
        constexpr double inf = std::numeric_limits<double>::max();
        const std::size_t count = lane_ids.size();
        std::vector<double> lo(count, inf), hi(count, -inf);
        double a0 = inf, a1 = -inf, header = 0;
        for (std::size_t i = 0; i < node_ids.size(); ++i) {
            const auto& b = out.nodes[i];
            const double l0 = lr ? b.x : b.y, l1 = lr ? b.x + b.width : b.y + b.height;
            a0 = std::min(a0, lr ? b.y : b.x);
            a1 = std::max(a1, lr ? b.y + b.height : b.x + b.width);
            if (node_lane[i] < 0) continue;
            lo[node_lane[i]] = std::min(lo[node_lane[i]], l0);
            hi[node_lane[i]] = std::max(hi[node_lane[i]], l1);
        }
        for (const auto& route : out.edges)
            for (const auto& p : route) a0 = std::min(a0, lr ? p.y : p.x), a1 = std::max(a1, lr ? p.y : p.x);
        {
            PageIndex index(page);
            for (const auto& id : lane_ids)
                header = std::max(
                    header, index.find(id)->style_or_empty().number("startSize", options.layout.lane_header));
        }
        const double pad = options.layout.lane_padding;
        std::vector<double> left(count), right(count);
        for (std::size_t l = 0; l < count; ++l) {
            if (lo[l] == inf) lo[l] = hi[l] = l > 0 ? right[l - 1] + pad : 0;  // no node laid out in it
            left[l] = l == 0 ? lo[l] - pad : right[l - 1];
            const double next = l + 1 < count ? lo[l + 1] : inf;
            right[l] = next < inf && next > hi[l] ? (hi[l] + next) / 2 : hi[l] + pad;
            right[l] = std::max(right[l], left[l] + 2 * pad);
        }
        const double top = a0 - pad - header, bottom = a1 + pad;
        out.lanes.clear();
        for (std::size_t l = 0; l < count; ++l)
            out.lanes.push_back(lr ? Box{left[l], top, right[l] - left[l], bottom - top}
                                   : Box{top, left[l], bottom - top, right[l] - left[l]});
        origin.x -= lr ? left[0] : top;
        origin.y -= lr ? top : left[0];
    }

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
    // A region drawn across containers (a security group over the instances of two subnets) stands behind
    // the shapes; a route goes over it. It is fitted round its members after the layout: where it stood
    // before that blocked one run into a shape and not the next, and the way in changed from one layout to
    // the next (ibm_vpc_architecture's VSIs).
    std::unordered_set<std::string> backdrops;
    for (const auto& region : roles.regions)
        if (region.across) backdrops.insert(region.id);
    auto backdrop = [&](const Cell& cell) { return backdrops.count(cell.id) > 0; };
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
            if (term != node_ids[node] && keeps_own_layout(index, *index.find(node_ids[node])) &&
                route.size() >= 2) {
                // A row of a table or list: out of the row's side nearest the port, round the table's side
                // to just outside the port, then on along the route.
                const auto row = index.absolute_bounds(term);
                if (!row) return std::nullopt;
                const diagram::Rect box = absolute[node];
                const XY r0 = at_start ? route.front() : route.back();
                const XY r1 = at_start ? route[1] : route[route.size() - 2];
                const XY a0{origin.x + r0.x, origin.y + r0.y};
                const double dx = r1.x - r0.x, dy = r1.y - r0.y, length = std::hypot(dx, dy);
                if (length < 1e-6) return std::nullopt;
                const double d = std::min(10.0, length / 2);
                const XY m{a0.x + d * dx / length, a0.y + d * dy / length};
                const bool right = a0.x >= box.x + box.width / 2;
                const double tx = right ? std::max(box.x + box.width + d, m.x) : std::min(box.x - d, m.x);
                const XY start{right ? row->x + row->width : row->x, row->y + row->height / 2};
                std::vector<XY> leg;
                for (const XY p : {start, XY{tx, start.y}, XY{tx, m.y}, m})
                    if (leg.empty() || std::abs(p.x - leg.back().x) > 1e-6 ||
                        std::abs(p.y - leg.back().y) > 1e-6)
                        leg.push_back(p);
                for (auto& p : leg) p = {p.x - origin.x, p.y - origin.y};
                if (at_start) {
                    route.erase(route.begin());
                    route.insert(route.begin(), leg.begin(), leg.end());
                } else {
                    route.pop_back();
                    route.insert(route.end(), leg.rbegin(), leg.rend());
                }
                return *row;
            }
            // Into a container laid out inside, or into a region moved as one block with its members (the
            // end's own shape is then a child of the node too).
            const Cell* cell = index.find(term);
            if (term == node_ids[node] ||
                !(lays_out_inside(index, *index.find(node_ids[node])) ||
                  (cell && cell->parent == node_ids[node]) || roles.rigid.count(node_ids[node])))
                return std::nullopt;
            // The shapes from the node down to the end's own shape (nested containers, regions and groups):
            // the route goes in one level at a time.
            std::vector<std::string> chain;
            for (const Cell* at = cell; at && at->id != node_ids[node] && chain.size() < 64;
                 at = index.find(at->parent))
                chain.push_back(at->id);
            if (!cell || cell->kind != CellKind::vertex || chain.empty() || chain.size() >= 64 ||
                index.find(chain.back())->parent != node_ids[node]) {
                give_up = true;
                return std::nullopt;
            }
            // One level: from the border of `container` (box) in to the side of its child `term`.
            auto one = [&](const std::string& child, const std::string& container,
                           const diagram::Rect box) -> std::optional<diagram::Rect> {
                const auto inner = index.absolute_bounds(child);
                if (!inner) return std::nullopt;
                // A shape that fills its rigid group (the card of a card-icon-caption group): its border is
                // the group's, the route ends on it as it is.
                if (roles.rigid.count(container) && std::abs(inner->x - box.x) <= 3 &&
                    std::abs(inner->y - box.y) <= 3 && std::abs(inner->right() - box.right()) <= 3 &&
                    std::abs(inner->bottom() - box.bottom()) <= 3)
                    return inner;
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
                // Straight in, where the border point lies above (below) the shape and nothing stands
                // between.
                const bool top_or_bottom =
                    std::abs(b.y - box.y) < 1e-6 || std::abs(b.y - box.y - box.height) < 1e-6;
                if (top_or_bottom && b.x > inner->x + 1 && b.x < inner->x + inner->width - 1) {
                    const bool from_top = std::abs(b.y - box.y) < 1e-6;
                    const double y0 = from_top ? b.y : inner->y + inner->height,
                                 y1 = from_top ? inner->y : b.y;
                    bool free = true;
                    for (const Cell* sibling : index.children(container)) {
                        if (sibling->id == child || sibling->kind != CellKind::vertex || backdrop(*sibling))
                            continue;
                        const auto sb = index.absolute_bounds(sibling->id);
                        if (sb && !(sibling->geometry && sibling->geometry->relative) && sb->x < b.x &&
                            sb->x + sb->width > b.x && sb->y < y1 && sb->y + sb->height > y0)
                            free = false;
                    }
                    if (free) {
                        const XY p{b.x - origin.x,
                                   (from_top ? inner->y : inner->y + inner->height) - origin.y};
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
                    for (const Cell* sibling : index.children(container)) {
                        if (sibling->id == child || sibling->kind != CellKind::vertex || backdrop(*sibling))
                            continue;
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
                            length +=
                                std::abs(path[i].x - path[i - 1].x) + std::abs(path[i].y - path[i - 1].y);
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
            std::string container = node_ids[node];
            diagram::Rect box = absolute[node];
            std::optional<diagram::Rect> inner;
            for (auto it = chain.rbegin(); it != chain.rend() && !give_up; ++it) {
                inner = one(*it, container, box);
                if (!inner) {
                    give_up = true;
                    return std::nullopt;
                }
                container = *it;
                box = *inner;
            }
            return inner;
        };
        if (!loose_ends[k].first) inner_s = enter(edge.source, s, true);
        if (!loose_ends[k].second) inner_t = enter(edge.target, t, false);
        // A loose end stops at the border of the shape it touched. When that shape is inside the node laid
        // out (an icon in a container), the route goes in to it: stopped at the container's border, the end
        // touched nothing the next time and the arrow was no longer laid out (ibm_vpc_architecture). Where
        // no way in is found, the container's border, as before.
        auto enter_loose = [&](const std::string& touched, int node, bool at_start) {
            if (touched.empty() || give_up) return;
            const auto drawn_route = route;
            enter(touched, node, at_start);
            if (give_up) route = drawn_route, give_up = false;
        };
        if (loose_ends[k].first) enter_loose(touched_inside[k].first, s, true);
        if (loose_ends[k].second) enter_loose(touched_inside[k].second, t, false);
        if (give_up) {  // draw.io routes it: no stale anchors
            diagram::Style style = edge.style_or_empty();
            style.set("edgeStyle", "orthogonalEdgeStyle");
            for (const char* key : {"exitX", "exitY", "exitPerimeter", "entryX", "entryY", "entryPerimeter"})
                style.remove(key);
            edge.style = style;
            if (!edge.geometry) {
                edge.geometry.emplace();
                edge.geometry->relative = true;
            }
            // The layout's route from container border to container border stays as waypoints: draw.io
            // routes the ends in from there, and a laid-out file laid out again reads the pass through the
            // middle layers where this layout put it (read from the straight line between the containers'
            // centres it could fall on the other side of a node, and the second layout was another picture).
            const auto frame = index.frame_origin(edge.id);
            const auto& laid = out.edges[k];
            auto& g = *edge.geometry;
            g.waypoints.clear();
            for (std::size_t p = 0; p < laid.size(); ++p)
                g.waypoints.push_back({origin.x + laid[p].x - frame.x, origin.y + laid[p].y - frame.y});
            g.has_points_array = !g.waypoints.empty();
            normalize_child_order(g);
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
            // An anchor within a twentieth of a pixel of the one the edge has is that one: the route of a
            // laid-out file laid out again comes from coordinates rounded to 1/100 px, and rewriting the
            // anchor for that difference would make the second layout a different file.
            auto anchor = [&](const char* key, double v, double size) {
                const double was = style.number(key, NAN);
                if (!(std::abs(was - v) * size < 0.05)) style.set(key, number(v));
            };
            anchor(x_key, (origin.x + p.x - b.x) / b.width, b.width);
            anchor(y_key, (origin.y + p.y - b.y) / b.height, b.height);
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
        // "points" keeps its place among the children when it had one (a laid-out file laid out again writes
        // the same order); a new one goes after the others.
        normalize_child_order(geometry);

        // Labels: the edge's own value first (when it shows), then its label children, as collected above.
        const auto& centers = out.labels[k];
        std::size_t next = 0;
        auto place = [&](diagram::Geometry& g, XY center) {
            std::vector<diagram::Point> route_points;
            route_points.reserve(route.size());
            for (const XY& r : route) route_points.push_back({r.x, r.y});
            const RoutePosition label_at = nearest_on_route(route_points, {center.x, center.y});
            const double x = label_at.relative_x();
            const diagram::Point anchor = label_at.point;
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
        auto shift = [&](auto& p) {
            if (p) p->x += dx, p->y += dy;
        };
        shift(g.source_point);
        shift(g.target_point);
        for (auto& p : g.waypoints) p.x += dx, p.y += dy;
        // A loose end carried onto another node (a gate's output wire ending in the next gate) would be read
        // as glued to it the next time, and the page laid out with one arrow more: it is drawn back along
        // its last leg until it touches no other node.
        const Cell& edge = page.cells[cell];
        const auto frame = index.frame_origin(edge.id);
        auto clear_of_others = [&](diagram::Point p) {
            constexpr double reach = 12;  // the page reading's touch (10 px) and a margin for rounding
            for (std::size_t i = 0; i < absolute.size(); ++i) {
                if (static_cast<int>(i) == node) continue;
                const auto& b = absolute[i];
                const double ox = std::max({b.x - p.x, 0.0, p.x - b.x - b.width}),
                             oy = std::max({b.y - p.y, 0.0, p.y - b.y - b.height});
                if (std::hypot(ox, oy) <= reach) return false;
            }
            return true;
        };
        // Back along the route, leg by leg from the loose end toward the node it follows: where the last leg
        // lies wholly within reach of the other node (a fault tree's input wire ending on the bus just
        // above the gate the layout put there), the end goes back past the waypoints in reach, which are
        // dropped; stopped at the last leg, the end stayed on the node and was read as glued to it.
        auto pull_back = [&](auto& end, bool at_source) {
            if (!end) return;
            const diagram::Point loose{frame.x + end->x, frame.y + end->y};
            if (clear_of_others(loose)) return;
            std::vector<diagram::Point> back{loose};  // the loose end, the waypoints, the node's centre
            if (at_source)
                for (const auto& w : g.waypoints) back.push_back({frame.x + w.x, frame.y + w.y});
            else
                for (auto w = g.waypoints.rbegin(); w != g.waypoints.rend(); ++w)
                    back.push_back({frame.x + w->x, frame.y + w->y});
            back.push_back(
                {absolute[node].x + absolute[node].width / 2, absolute[node].y + absolute[node].height / 2});
            for (std::size_t leg = 0; leg + 1 < back.size(); ++leg) {
                const diagram::Point to = back[leg], from = back[leg + 1];
                const double length = std::hypot(to.x - from.x, to.y - from.y);
                for (double step = leg == 0 ? 1 : 0; step < length; step += 1) {
                    const double t = (length - step) / length;
                    // Whole pixels, tested as written: a rounded end back within reach was drawn back a
                    // pixel more by the next layout.
                    const diagram::Point p{std::round(from.x + (to.x - from.x) * t - frame.x),
                                           std::round(from.y + (to.y - from.y) * t - frame.y)};
                    if (clear_of_others({frame.x + p.x, frame.y + p.y})) {
                        end = p;
                        if (leg == 0) return;
                        // The waypoints passed on the way back (legs before this one) go.
                        const auto passed = static_cast<std::ptrdiff_t>(leg);
                        if (at_source)
                            g.waypoints.erase(g.waypoints.begin(), g.waypoints.begin() + passed);
                        else
                            g.waypoints.erase(g.waypoints.end() - passed, g.waypoints.end());
                        g.has_points_array = !g.waypoints.empty();
                        normalize_child_order(g);
                        return;
                    }
                }
            }
        };
        if (edge.source.empty()) pull_back(g.source_point, true);
        if (edge.target.empty()) pull_back(g.target_point, false);
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
        // A region round one node stays much larger than it (the page reading's region round one node,
        // not its halo), so the laid-out page reads back the same.
        if (roles.grouped.count(scope) && absolute.size() == 1) {
            auto& b = container.geometry->bounds;
            const double node_area = absolute[0].width * absolute[0].height;
            for (int grow = 0; grow < 64 && b.width * b.height <= 2.6 * node_area; ++grow)
                b.width += 5, b.height += 5;
        }
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
        if (cell.kind != CellKind::vertex || !index.is_swimlane(cell) || keeps_own_layout(index, cell))
            continue;
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

Result<DiagramLayoutReport> layout_grouped(diagram::Page& page, const DiagramLayoutOptions& options,
                                           const PageRoles& roles);

// Coordinates the layout wrote, to 1/100 px: the sums behind them differ in their last bits from run to run
// of the same picture (3875.653846153846 / 3875.6538461538457), so without this laying out a laid-out file
// would rewrite numbers it does not change. A coordinate within a twentieth of a pixel of the one the cell
// had keeps that one: a laid-out file laid out again computes its places from numbers rounded to 1/100 px,
// and lands a hundredth off where the rounding fell the other way (384.07 / 384.08).
void tidy_numbers(diagram::Page& page, const diagram::Page& before) {
    constexpr double same = 0.05;
    auto round = [](double& v, double was) {
        if (std::abs(v - was) < same)
            v = was;
        else
            v = std::round(v * 100) / 100 + 0.0;
    };
    auto point = [&](diagram::Point& p, const diagram::Point* was) {
        round(p.x, was ? was->x : NAN), round(p.y, was ? was->y : NAN);
    };
    auto optional_point = [&](diagram::Boxed<diagram::Point>& p, const diagram::Point* was) {
        if (p) point(*p, was);
    };
    for (std::size_t i = 0; i < page.cells.size() && i < before.cells.size(); ++i) {
        auto& g = page.cells[i].geometry;
        if (!g || g == before.cells[i].geometry) continue;
        const diagram::Geometry* old = before.cells[i].id == page.cells[i].id && before.cells[i].geometry
                                           ? &*before.cells[i].geometry
                                           : nullptr;
        const diagram::Rect was =
            old && old->relative == g->relative ? old->bounds : diagram::Rect{NAN, NAN, NAN, NAN};
        if (!g->relative) {
            round(g->bounds.x, was.x), round(g->bounds.y, was.y);
            round(g->bounds.width, was.width), round(g->bounds.height, was.height);
        } else if (!(std::abs(g->bounds.x - was.x) < 1e-4)) {
            // a label's place along its edge, a fraction: to 1/10000 of the edge
            g->bounds.x = std::round(g->bounds.x * 1e4) / 1e4 + 0.0;
        } else {
            g->bounds.x = was.x;
        }
        const bool same_points = old && old->waypoints.size() == g->waypoints.size();
        for (std::size_t k = 0; k < g->waypoints.size(); ++k)
            point(g->waypoints[k], same_points ? &old->waypoints[k] : nullptr);
        auto had = [&](const diagram::Boxed<diagram::Point> diagram::Geometry::*which) {
            return old && old->*which ? &*(old->*which) : nullptr;
        };
        optional_point(g->source_point, had(&diagram::Geometry::source_point));
        optional_point(g->target_point, had(&diagram::Geometry::target_point));
        optional_point(g->offset, had(&diagram::Geometry::offset));
    }
}

// A rigid group (draw.io's invisible group) holds its content: where a shape reaches out of it (a group
// resized by hand after grouping), the group grows to the box round its content, the content staying where it
// is on the page.
void fit_rigid_groups(diagram::Page& page, const PageRoles& roles) {
    const PageIndex index(page);
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < page.cells.size(); ++i) position[page.cells[i].id] = i;
    // Inner groups first, so a group grown round its content is then held by the group round it (outer
    // first, the outer one was fitted before the inner one grew past it, and the next layout fitted it
    // again: SAP's nested groups of an icon and its caption). Page order among equals, for a stable result.
    std::vector<std::pair<int, std::size_t>> order;
    for (const auto& id : roles.rigid) {
        int depth = 0;
        for (const Cell* up = index.find(id); up && depth < 256; up = index.find(up->parent)) ++depth;
        order.emplace_back(-depth, position[id]);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [depth, at] : order) {
        const std::string& id = page.cells[at].id;
        const Cell* group = index.find(id);
        if (!group || !index.is_group(*group) || !group->geometry || group->geometry->relative) continue;
        const diagram::Rect g = group->geometry->bounds;
        double x0 = 0, y0 = 0, x1 = g.width, y1 = g.height;
        std::vector<std::size_t> content;
        for (const Cell* child : index.children(id)) {
            if (child->kind != CellKind::vertex || !child->geometry || child->geometry->relative) continue;
            const auto& b = child->geometry->bounds;
            if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(b.width) ||
                !std::isfinite(b.height))
                continue;
            x0 = std::min(x0, b.x), y0 = std::min(y0, b.y), x1 = std::max(x1, b.right()),
            y1 = std::max(y1, b.bottom());
            content.push_back(position[child->id]);
        }
        if (x0 == 0 && y0 == 0 && x1 == g.width && y1 == g.height) continue;
        for (std::size_t c : content)
            page.cells[c].geometry->bounds.x -= x0, page.cells[c].geometry->bounds.y -= y0;
        page.cells[position[id]].geometry->bounds = {g.x + x0, g.y + y0, x1 - x0, y1 - y0};
    }
}

// Swimlanes holding shapes all sit on a layer (no pool, no container above them) and none of them is empty.
bool lanes_stand_alone(const diagram::Page& page) {
    const PageIndex index(page);
    int count = 0;
    for (const auto& cell : page.cells) {
        if (cell.kind != CellKind::vertex || !index.is_swimlane(cell) || keeps_own_layout(index, cell) ||
            lays_out_inside(index, cell))
            continue;
        const Cell* parent = index.find(cell.parent);
        if (!parent || parent->kind != CellKind::layer) return false;
        bool shapes = false;
        for (const Cell* child : index.children(cell.id))
            shapes = shapes || (child->kind == CellKind::vertex && !index.is_swimlane(*child));
        if (!shapes) return false;
        ++count;
    }
    return count > 1;
}

// The direction the drawing reads in: lanes give the axis (rows: left to right) and the arrows the sense;
// without lanes the arrows' mean direction, when they show one.
void choose_direction(const diagram::Page& page, const PageRoles& roles, DiagramLayoutOptions& options) {
    const Direction given = options.layout.direction;
    const bool lanes = direction_of_lanes(page, Direction::top_to_bottom) ==
                       direction_of_lanes(page, Direction::left_to_right);
    if (options.direction_from_lanes && lanes) options.layout.direction = direction_of_lanes(page, given);
    if (!options.direction_from_drawing) return;
    const ReadingDirection drawn = reading_direction(page, roles);
    constexpr double clear = 0.25;  // a mean unit vector this long along one axis: the drawing shows a way
    if (drawn.arrows == 0 || drawn.strength < clear) return;
    const bool drawn_lr = drawn.flow == Flow::left_to_right || drawn.flow == Flow::right_to_left;
    const bool drawn_reverse = drawn.flow == Flow::bottom_to_top || drawn.flow == Flow::right_to_left;
    if (lanes && options.direction_from_lanes) {
        // The lanes' axis stays; the arrows say which way along it.
        if (drawn_lr == (options.layout.direction == Direction::left_to_right)) {
            options.reverse = drawn_reverse;
            return;
        }
        // The arrows cross the lanes' axis: the process runs from lane to lane. Lanes along the flow when
        // they stand alone on the page, each holding shapes; else the lanes' axis wins.
        if (!options.cells.empty() || !lanes_stand_alone(page)) return;
        options.lanes_along_flow = true;
    }
    options.layout.direction = drawn_lr ? Direction::left_to_right : Direction::top_to_bottom;
    options.reverse = drawn_reverse;
}

// One arrow for every five shapes: the corpus's drawings laid out as graphs (the gallery's flowcharts, ERDs,
// architecture drawings) have at least two in five (xtonwallet's architecture, 8 arrows for 19 shapes); the
// pictures have none (floor plans, maps, wireframes, infographics) or a few among many icons (Azure's drawn
// icon columns, 4 for 41; a story map, 9 for 50).
std::string too_few_arrows(int nodes, int edges) {
    if (nodes == 0) return "no shape to lay out";
    if (edges == 0)
        return std::to_string(nodes) + (nodes == 1 ? " shape" : " shapes") +
               " and no arrow between two of them";
    if (edges * 5 < nodes)
        return std::to_string(edges) + (edges == 1 ? " arrow" : " arrows") + " between " +
               std::to_string(nodes) + " shapes, fewer than one for every five";
    return {};
}

// A junction drawn by hand, not a shape: draw.io's waypoint shape, or an unlabelled dot or line (a Gantt
// chart's milestone dots, a mind map's branches drawn as one-pixel rectangles). Arrows through junctions are
// wiring: laid out, the junctions became nodes in layers and the wires a comb of bends (a house's IoT wiring,
// a sentence diagram). UML's initial state (30 to 40 px in the corpus) is larger than a dot.
bool is_junction(const Cell& cell) {
    if (cell.style_or_empty().get_or("shape", "") == "waypoint") return true;
    if (!cell.geometry || !plain_words(cell).empty()) return false;
    const auto& box = cell.geometry->bounds;
    return (box.width <= 16 && box.height <= 16) || box.width <= 1 || box.height <= 1;
}

// A symbol of a thing with a place: a P&ID's equipment, a floor plan's walls and furniture, a rack's devices,
// a screen mock-up's controls. Where they make most of the page, the drawing is of a plant, a floor, a rack
// or a screen, and its positions are its meaning (a P&ID's pipes run between equipment placed as built; laid
// out in layers, pid_3's solar collectors were stacked over each other).
bool is_place_symbol(const Cell& cell) {
    const auto shape = cell.style_or_empty().get_or("shape", "");
    for (std::string_view family : {"mxgraph.pid", "mxgraph.floorplan", "mxgraph.rack", "mxgraph.mockup"})
        if (shape.starts_with(family)) return true;
    return false;
}

// Why the drawing reads as a picture, or empty when it reads as a graph. Arrows count when glued at both ends
// to two different shapes (every vertex, at any depth: a table's rows and a group's icons count as drawn). An
// arrow from or to free text (a text cell: a callout pointing at a screenshot, as in a tutorial) is an
// annotation, not a link between two shapes: the layout never lays text out, so such arrows do not make the
// page a graph. Counted, an annotated screenshot was laid out (its few shapes lined up, no arrow between
// them), and the laid-out page, read again, was laid out in another direction. Nor do arrows through
// junctions, and junctions are not shapes.
std::string drawn_as_picture(const diagram::Page& page, const DiagramLayoutReport& report) {
    std::unordered_set<std::string_view> shapes, text, junctions;
    std::size_t places = 0;
    for (const auto& c : page.cells)
        if (c.kind == CellKind::vertex) {
            if (is_junction(c))
                junctions.insert(c.id);
            else
                shapes.insert(c.id);
            if (c.style_or_empty().has_name("text")) text.insert(c.id);
            if (is_place_symbol(c)) ++places;
        }
    if (places * 2 > shapes.size())
        return std::to_string(places) + " of " + std::to_string(shapes.size()) +
               " shapes are P&ID, floor-plan, rack or mock-up symbols: a drawing of a place, placed by hand";
    std::size_t arrows = 0, wiring = 0;
    for (const auto& c : page.cells)
        if (c.kind == CellKind::edge && c.source != c.target && !text.count(c.source) &&
            !text.count(c.target)) {
            if (shapes.count(c.source) && shapes.count(c.target))
                ++arrows;
            else if ((shapes.count(c.source) || junctions.count(c.source)) &&
                     (shapes.count(c.target) || junctions.count(c.target)))
                ++wiring;
        }
    if (arrows * 5 >= shapes.size()) return {};
    const auto drawn = too_few_arrows(static_cast<int>(shapes.size()), static_cast<int>(arrows));
    if (wiring > 0)
        return std::to_string(wiring) + " of " + std::to_string(arrows + wiring) +
               " arrows run through junctions drawn by hand (waypoints, dots, lines): wiring, not links; " +
               drawn;
    // Else the laid-out counts must agree: a table's rows count as drawn shapes, but an ERD's tables with
    // their relations are a graph.
    return too_few_arrows(report.nodes, report.edges);
}

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
            report.flow = Flow::left_to_right;  // stages run left to right (the summary said TB)
            return report;
        }
    }
    DiagramLayoutOptions options = given;
    {
        PageIndex index(page);
        for (const auto& id : options.cells)
            if (!index.find(id))
                return make_error(ErrorCode::bad_reference, "no cell '" + id + "' on this page");
    }
    auto progress = [&](double done, std::string_view what) {
        return !options.progress || options.progress(done, what);
    };
    if (!progress(0, "reading the page")) return make_error(ErrorCode::cancelled, "layout cancelled");
    const diagram::Page before = page;  // restored when cancelled
    PageRoles roles = page_roles(page);
    choose_direction(page, roles, options);
    if (options.cells.empty()) fit_rigid_groups(page, roles);
    FreeItems free;
    if (options.cells.empty() && !stacked_page(page)) {
        const page::PageReading reading(page);
        free = take_free_items(reading);
        // An arrow whose loose end touched a shape is laid out with it or follows it; it was told apart
        // by having moved, and one whose shape stayed (laid out again) was placed a second time, as free.
        std::erase_if(free.items, [&](const FreeItems::Item& item) {
            const auto touched = roles.loose_ends.find(item.id);
            return item.arrow && item.frame.empty() && touched != roles.loose_ends.end() &&
                   (!touched->second.first.empty() || !touched->second.second.empty());
        });
        // Text inside a rigid group moves with the group, as drawn (a caption under the group's icon read
        // as the label of an arrow passing by): placed along the arrow it left the group, and the next
        // layout grew the group round it. So does text inside a shape the arrow is not drawn in (a state's
        // body text, read as the label of the arrow entering the state: placed along it, it hung out of
        // the state's box).
        const PageIndex index(page);
        std::erase_if(free.edge_labels, [&](const FreeItems::EdgeLabel& label) {
            const Cell* cell = index.find(label.id);
            const Cell* edge = index.find(label.edge);
            const Cell* parent = cell ? index.find(cell->parent) : nullptr;
            return cell && (roles.rigid.count(cell->parent) || (parent && parent->kind == CellKind::vertex &&
                                                                edge && edge->parent != cell->parent));
        });
    }
    const auto drawn_regions = roles.regions;  // group_regions takes the ones it groups out of the roles
    // Only a whole-page layout regroups: with --cells the user chose what moves.
    const auto grouped = options.cells.empty() ? group_regions(page, roles) : std::vector<GroupedMember>{};
    auto report = layout_grouped(page, options, roles);
    ungroup_regions(page, grouped);
    if (!report) {
        if (report.error().code == ErrorCode::cancelled) page = before;
        return report;
    }
    if (!progress(0.9, "moving decorations, regions and notes")) {
        page = before;
        return make_error(ErrorCode::cancelled, "layout cancelled");
    }
    follow_hosts(page, roles);
    if (options.cells.empty()) place_free_items(page, free);
    tidy_numbers(page, before);
    report->flow = options.layout.direction == Direction::left_to_right
                       ? (options.reverse ? Flow::right_to_left : Flow::left_to_right)
                       : (options.reverse ? Flow::bottom_to_top : Flow::top_to_bottom);
    // With --cells the user chose the shapes to lay out: a graph or not, that is what was asked.
    // The drawing's own arrows too: a state machine whose states are drawn as swimlanes gives the layout no
    // arrow between nodes, but its arrows glued state to state say it is a graph all the same.
    if (options.cells.empty()) report->not_a_graph = drawn_as_picture(before, *report);
    // Regions not laid out as containers (drawn across others, or overlapping one) are refitted round their
    // shapes wherever the layout put them, and may then take in others (SAP's Build Process Automation: a
    // subaccount refitted over the third-party box); read again, the page says something else, and the next
    // layout lays that out.
    if (options.cells.empty() && report->not_a_graph.empty() && !drawn_regions.empty())
        report->regions_changed = regions_changed(page, drawn_regions, page_roles(page).regions);
    progress(1, "done");
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
            // A rigid group or container moves as one box with everything in it.
            if (roles.rigid.count(cell.id)) ok = false;
            for (const Cell* up = index.find(cell.parent); up && !is_layer_or_root(up);
                 up = index.find(up->parent)) {
                ok = ok && (index.is_swimlane(*up) || lays_out_inside(index, *up)) &&
                     !roles.rigid.count(up->id);
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
    double step = 0;
    for (const auto& [depth, id] : containers) {
        if (options.progress &&
            !options.progress(0.05 + 0.8 * step++ / (containers.size() + 1), "laying out containers"))
            return make_error(ErrorCode::cancelled, "layout cancelled");
        auto done = layout_scope(page, inner, id, roles);
        if (!done) return done.error();
        nodes += done->nodes;
        edges += done->edges;
        labels += done->labels;
    }
    if (options.progress &&
        !options.progress(0.05 + 0.8 * step / (containers.size() + 1), "laying out the page"))
        return make_error(ErrorCode::cancelled, "layout cancelled");
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
