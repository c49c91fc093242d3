#include "core/page/page_reading.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "core/page/detail/spatial_grid.hpp"
#include "core/text/html_text.hpp"

namespace jstudio::page {

using diagram::Cell;
using diagram::CellKind;
using diagram::Rect;
using diagram::Style;

namespace {

constexpr std::uint32_t none = PageReading::none;

// The layers and cells an --annotate writes (check, validate, diff), also in files written before the
// annotators marked their layers with journey-role=annotation.
bool is_annotation_layer(const Cell& layer) {
    if (layer.data("journey-role") == "annotation" ||
        layer.style_or_empty().get_or("journey-role", "") == "annotation")
        return true;
    const std::string name = layer.label();
    const bool our_id = layer.id.rfind("jstudio-", 0) == 0 || layer.id.rfind("jm-diff-", 0) == 0;
    return our_id && (name == "Check findings" || name == "Suggested links" || name == "Changes" ||
                      name == "Observed volumes" || name == "Unexpected paths");
}

std::optional<Role> journey_role(std::string_view r) {
    // journey_draw's names; "title" is the map's title there.
    if (r == "title") return Role::map_title;
    static constexpr Role journey[] = {
        Role::persona,       Role::scenario,    Role::stage_header, Role::lane_header,    Role::lane_band,
        Role::step,          Role::pain_point,  Role::opportunity,  Role::emotion,        Role::emotion_scale,
        Role::emotion_curve, Role::channel_tag, Role::transition,   Role::visibility_line};
    for (Role j : journey)
        if (r == to_string(j)) return j;
    return std::nullopt;
}

bool is_text_like(const Style& s, bool has_label) {
    if (s.has_name("text") || s.get_or("shape", "") == "text") return true;
    // A label with neither fill nor border reads as free text.
    return has_label && s.get_or("fillColor", "") == "none" && s.get_or("strokeColor", "") == "none";
}

bool is_note_like(const Style& s) {
    const std::string shape = s.get_or("shape", "");
    return shape == "note" || shape == "callout" || s.has_name("note") || s.has_name("callout");
}

bool is_line_like(const Style& s, const Rect& b) {
    const std::string shape = s.get_or("shape", "");
    return s.has_name("line") || shape == "line" || std::min(b.width, b.height) < 6;
}

double area(const Rect& r) {
    return std::max(r.width, 0.0) * std::max(r.height, 0.0);
}

double overlap_area(const Rect& a, const Rect& b) {
    const double w = std::min(a.right(), b.right()) - std::max(a.x, b.x);
    const double h = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

bool contains(const Rect& outer, const Rect& inner, double slack = 1) {
    return inner.x >= outer.x - slack && inner.y >= outer.y - slack &&
           inner.right() <= outer.right() + slack && inner.bottom() <= outer.bottom() + slack;
}

// Gap between two rectangles (0 when they touch or overlap).
double gap(const Rect& a, const Rect& b) {
    const double dx = std::max({0.0, a.x - b.right(), b.x - a.right()});
    const double dy = std::max({0.0, a.y - b.bottom(), b.y - a.bottom()});
    return std::hypot(dx, dy);
}

// Two rectangles share a side when an edge of one lies on an edge of the other over at least half the
// shorter length: tiles of a drawn grid (lane headers, table rows, title bars), never two spaced screens.
bool share_side(const Rect& a, const Rect& b) {
    constexpr double eps = 1.0;
    auto overlap = [](double a0, double a1, double b0, double b1) {
        return std::min(a1, b1) - std::max(a0, b0);
    };
    auto near = [&](double u, double v) { return std::abs(u - v) <= eps; };
    const bool vertical_touch =
        near(a.x, b.x) || near(a.right(), b.right()) || near(a.x, b.right()) || near(a.right(), b.x);
    const bool horizontal_touch =
        near(a.y, b.y) || near(a.bottom(), b.bottom()) || near(a.y, b.bottom()) || near(a.bottom(), b.y);
    return (vertical_touch &&
            overlap(a.y, a.bottom(), b.y, b.bottom()) >= std::min(a.height, b.height) / 2) ||
           (horizontal_touch && overlap(a.x, a.right(), b.x, b.right()) >= std::min(a.width, b.width) / 2);
}

std::string first_word(const std::string& text) {
    std::size_t b = 0;
    while (b < text.size() && !std::isalpha(static_cast<unsigned char>(text[b]))) ++b;
    std::size_t e = b;
    while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
    std::string w = text.substr(b, e - b);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

double distance_to_segment(diagram::Point p, diagram::Point a, diagram::Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

double distance_to_rect(diagram::Point p, const Rect& r) {
    const double dx = std::max({0.0, r.x - p.x, p.x - r.right()});
    const double dy = std::max({0.0, r.y - p.y, p.y - r.bottom()});
    return std::hypot(dx, dy);
}

}  // namespace

// Decides every role in passes: structure and metadata, swimlanes and containers, legends, journey grid,
// then geometry among what is left (boxes first, largest first, so a badge or frame finds its host's role
// decided), then free text, then parts of nodes.
class Reader {
  public:
    explicit Reader(PageReading& out)
        : m_out(out), m_page(out.page()), m_idx(out.index()), m_n(out.page().cells.size()) {}

    void run() {
        m_out.m_cells.assign(m_n, {});
        m_out.m_bounds.assign(m_n, std::nullopt);
        m_decided.assign(m_n, 0);
        m_parent.assign(m_n, none);
        m_glue.assign(m_n, 0);
        m_label.assign(m_n, 0);
        for (std::size_t i = 0; i < m_n; ++i) {
            const Cell& c = m_page.cells[i];
            if (!c.parent.empty())
                if (auto p = m_idx.position(c.parent)) m_parent[i] = static_cast<std::uint32_t>(*p);
            if (c.kind == CellKind::edge) {
                for (const std::string* end : {&c.source, &c.target})
                    if (!end->empty())
                        if (auto p = m_idx.position(*end)) ++m_glue[*p];
            }
        }
        // Absolute bounds: a plain child adds its parent's position (parents come first in draw.io files);
        // relative children (ports, edge labels) and files in another order ask the index.
        for (std::size_t i = 0; i < m_n; ++i) {
            const Cell& c = m_page.cells[i];
            if (c.kind != CellKind::vertex || !c.geometry) continue;
            const std::uint32_t p = m_parent[i];
            if (p == none || cell(p).kind != CellKind::vertex) {
                if (p == none || cell(p).kind == CellKind::layer || cell(p).kind == CellKind::root)
                    m_out.m_bounds[i] = c.geometry->bounds;
                else
                    m_out.m_bounds[i] = m_idx.absolute_bounds(c.id);
            } else if (p < i && !c.geometry->relative && m_out.m_bounds[p]) {
                Rect r = c.geometry->bounds;
                r.x += m_out.m_bounds[p]->x;
                r.y += m_out.m_bounds[p]->y;
                m_out.m_bounds[i] = r;
            } else {
                m_out.m_bounds[i] = m_idx.absolute_bounds(c.id);
            }
        }
        structure_and_metadata();
        containers();
        legends();
        journey_grid();
        geometry();
        free_text();
        parts();
        legend_boxes();
    }

  private:
    PageReading& m_out;
    const diagram::Page& m_page;
    const diagram::PageIndex& m_idx;
    std::size_t m_n;
    std::vector<char> m_decided;
    std::vector<std::uint32_t> m_parent;
    std::vector<std::uint32_t> m_glue;  // arrow ends attached
    std::vector<char> m_label;          // 0 unknown, 1 empty, 2 has text

    void set(std::size_t i, Role role, Rule rule, std::uint32_t host = none) {
        m_out.m_cells[i].role = role, m_out.m_cells[i].rule = rule, m_out.m_cells[i].host = host;
        m_decided[i] = 1;
    }
    bool glued(std::size_t i) const { return m_glue[i] > 0; }
    bool labelled(std::size_t i) {
        if (!m_label[i]) m_label[i] = m_out.plain_label(i).empty() ? 1 : 2;
        return m_label[i] == 2;
    }
    const Cell& cell(std::size_t i) const { return m_page.cells[i]; }
    bool parent_is(std::size_t i, CellKind kind) const {
        return m_parent[i] != none && cell(m_parent[i]).kind == kind;
    }

    void structure_and_metadata() {
        bool stage = false, lane = false;
        std::vector<char> annotation_layer(m_n, 0);
        for (std::size_t i = 0; i < m_n; ++i) {
            const Cell& c = cell(i);
            if (c.kind == CellKind::root) {
                set(i, Role::root, Rule::structure);
                continue;
            }
            if (c.kind == CellKind::layer) {
                set(i, Role::layer, Rule::structure);
                annotation_layer[i] = is_annotation_layer(c);
                continue;
            }
            const std::string data_role = c.wrapper ? c.data("journey-role") : std::string();
            const std::string r =
                data_role.empty() ? c.style_or_empty().get_or("journey-role", "") : data_role;
            if (r == "stage-header") stage = true;
            if (r == "lane-header") lane = true;
        }
        m_out.m_journey_map = stage && lane;
        for (std::size_t i = 0; i < m_n; ++i) {
            if (m_decided[i]) continue;
            const Cell& c = cell(i);
            // Inside an annotation layer (cells are listed after their parents in draw.io files, but a
            // hand-edited file may not be: walk up).
            {
                std::uint32_t p = m_parent[i];
                for (int depth = 0; p != none && depth < 256; ++depth, p = m_parent[p])
                    if (annotation_layer[p]) break;
                if (p != none && annotation_layer[p]) {
                    set(i, Role::annotation, Rule::annotation_layer);
                    continue;
                }
            }
            const std::string data_role = c.wrapper ? c.data("journey-role") : std::string();
            const std::string r =
                data_role.empty() ? c.style_or_empty().get_or("journey-role", "") : data_role;
            if (!r.empty()) {
                if (auto j = journey_role(r)) {
                    set(i, *j, Rule::journey_metadata);
                    continue;
                }
                if (r.rfind("diff-", 0) == 0) {  // journey diff's frames and legend
                    set(i, Role::annotation, Rule::annotation_layer);
                    continue;
                }
                if (auto g = role_from(r); g && *g != Role::root && *g != Role::layer) {
                    set(i, *g, Rule::user_override);
                    continue;
                }
            }
            if (!c.is_visible()) {
                set(i, Role::hidden, Rule::invisible);
                continue;
            }
            if (c.kind == CellKind::edge) {
                set(i, Role::connector, Rule::edge);
                continue;
            }
            if (c.kind != CellKind::vertex) continue;
            if (parent_is(i, CellKind::edge)) {
                set(i, Role::edge_label, Rule::edge_child, m_parent[i]);
                continue;
            }
            if (c.style_or_empty().has_name("edgeLabel")) {
                set(i, Role::edge_label, Rule::edge_label_style);
                continue;
            }
            if (parent_is(i, CellKind::vertex) && c.geometry && c.geometry->relative) {
                set(i, Role::port, Rule::relative_child, m_parent[i]);
                continue;
            }
        }
        // A hidden container hides what it holds; an edge label of a hidden edge is hidden with it.
        for (std::size_t i = 0; i < m_n; ++i) {
            if (m_decided[i] && m_out.m_cells[i].role != Role::edge_label) continue;
            std::uint32_t p = m_parent[i];
            for (int depth = 0; p != none && depth < 256; ++depth, p = m_parent[p])
                if (m_decided[p] && m_out.m_cells[p].role == Role::hidden) {
                    set(i, Role::hidden, Rule::invisible);
                    break;
                }
        }
    }

    void containers() {
        for (std::size_t i = 0; i < m_n; ++i) {
            if (m_decided[i] || cell(i).kind != CellKind::vertex) continue;
            const Style& s = cell(i).style_or_empty();
            if (m_idx.is_swimlane(cell(i)) && s.get_or("container", "1") != "0") {
                bool holds_lanes = false, holds_linked = false;
                for (const Cell* child : m_idx.children(cell(i).id)) {
                    holds_lanes =
                        holds_lanes || (child->kind == CellKind::vertex && m_idx.is_swimlane(*child));
                    if (auto p = m_idx.position(child->id)) holds_linked = holds_linked || glued(*p);
                }
                // draw.io's lists and ER entities: a swimlane stacking rows. One node; the rows are parts.
                // A kanban column stacks cards too, but they stand apart from its sides: rows span its width.
                bool rows = true;
                const double width = cell(i).geometry ? cell(i).geometry->bounds.width : 0;
                for (const Cell* child : m_idx.children(cell(i).id))
                    if (child->kind == CellKind::vertex && child->geometry && !child->geometry->relative &&
                        child->geometry->bounds.width < 0.9 * width)
                        rows = false;
                if (s.get_or("childLayout", "") == "stackLayout" && rows && !holds_lanes && !holds_linked) {
                    set(i, Role::node, Rule::table);
                    continue;
                }
                const bool in_lane = m_parent[i] != none && m_idx.is_swimlane(cell(m_parent[i]));
                set(i,
                    holds_lanes ? Role::pool
                    : in_lane   ? Role::lane
                                : Role::swimlane,
                    Rule::swimlane_style);
                continue;
            }
            if (s.has_name("group")) {
                set(i, Role::group, Rule::group_style);
                continue;
            }
            const std::string shape = s.get_or("shape", "");
            if (shape == "table") {
                set(i, Role::node, Rule::table);
                continue;
            }
            if (s.get_or("container", "") == "1") {
                set(i, Role::container, Rule::container_style);
                continue;
            }
        }
        // A shape holding shapes that arrows attach to is their container; one holding only unlinked shapes
        // is a node with parts (a wireframe screen and its widgets), decided with the other shapes.
        for (std::size_t i = 0; i < m_n; ++i) {
            if (m_decided[i] || cell(i).kind != CellKind::vertex) continue;
            for (const Cell* child : m_idx.children(cell(i).id)) {
                if (child->kind != CellKind::vertex) continue;
                auto p = m_idx.position(child->id);
                if (p && glued(*p) && !(child->geometry && child->geometry->relative)) {
                    set(i, Role::container, Rule::holds_linked);
                    break;
                }
            }
        }
    }

    void legends() {
        for (std::size_t i = 0; i < m_n; ++i) {
            if (cell(i).kind != CellKind::vertex) continue;
            const bool inside_legend = m_parent[i] != none && m_decided[m_parent[i]] &&
                                       m_out.m_cells[m_parent[i]].role == Role::legend;
            if (inside_legend && (!m_decided[i] || m_out.m_cells[i].rule != Rule::user_override)) {
                set(i, Role::legend, Rule::legend_label);
                continue;
            }
            if (m_decided[i] && m_out.m_cells[i].role != Role::container &&
                m_out.m_cells[i].role != Role::group && m_out.m_cells[i].role != Role::swimlane)
                continue;
            if (glued(i)) continue;
            const std::string w = first_word(m_out.plain_label(i));
            // "Legend", "Key", or a swatch that says what a colour or line means ("red = out of scope").
            const std::string label = m_out.plain_label(i);
            const auto eq = label.find(" = ");
            if (w == "legend" || w == "key" || (eq != std::string::npos && eq > 0 && eq < 24))
                set(i, Role::legend, Rule::legend_label);
        }
    }

    // A plain shape dropped inside a journey map's grid is a step of that stage and lane (as read_journey
    // places it); lines there are drawing, not steps.
    void journey_grid() {
        if (!m_out.m_journey_map) return;
        double left = INFINITY, right = -INFINITY, top = INFINITY, bottom = -INFINITY;
        for (std::size_t i = 0; i < m_n; ++i) {
            if (!m_decided[i] || !m_out.m_bounds[i]) continue;
            const Rect& b = *m_out.m_bounds[i];
            const Role r = m_out.m_cells[i].role;
            if (r == Role::stage_header) left = std::min(left, b.x), right = std::max(right, b.right());
            if (r == Role::lane_header) top = std::min(top, b.y), bottom = std::max(bottom, b.bottom());
        }
        for (std::size_t i = 0; i < m_n; ++i) {
            if (m_decided[i] || cell(i).kind != CellKind::vertex || !m_out.m_bounds[i]) continue;
            if (!parent_is(i, CellKind::layer)) continue;
            const Rect& b = *m_out.m_bounds[i];
            const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
            if (cx < left || cx > right || cy < top || cy > bottom) continue;
            if (is_line_like(cell(i).style_or_empty(), b)) continue;
            set(i, Role::step, Rule::journey_grid);
        }
    }

    // Shapes that are candidates for geometry: undecided vertices with bounds whose parent is not an
    // undecided vertex (those are parts, decided with their holder).
    bool top_level(std::size_t i) const {
        const std::uint32_t p = m_parent[i];
        if (p == none || cell(p).kind != CellKind::vertex) return true;
        if (!m_decided[p]) return false;
        const Role r = m_out.m_cells[p].role;
        return r != Role::node && !is_journey_card(r);  // children of a node are its parts
    }

    int nodeness(std::size_t i) { return (labelled(i) ? 4 : 0) + (glued(i) ? 2 : 0); }

    // Site maps often draw every page as draw.io's note shape (a page with a folded corner): when arrows
    // attach to two or more notes, notes are shapes like any other here, not free notes.
    bool m_notes_are_nodes = false;

    void geometry() {
        std::size_t linked_notes = 0;
        for (std::size_t i = 0; i < m_n; ++i)
            if (cell(i).kind == CellKind::vertex && glued(i) && is_note_like(cell(i).style_or_empty()))
                ++linked_notes;
        m_notes_are_nodes = linked_notes >= 2;
        std::vector<std::uint32_t> boxes;
        std::vector<std::uint32_t> hosts;  // decided cells that can host a decoration
        for (std::size_t i = 0; i < m_n; ++i) {
            if (cell(i).kind != CellKind::vertex || !m_out.m_bounds[i]) continue;
            if (m_decided[i]) {
                const Role r = m_out.m_cells[i].role;
                if (r == Role::node || is_journey_card(r)) hosts.push_back(static_cast<std::uint32_t>(i));
                continue;
            }
            if (!top_level(i)) continue;
            const Style& s = cell(i).style_or_empty();
            if (is_text_like(s, true) || (is_note_like(s) && !m_notes_are_nodes)) continue;  // free_text
            boxes.push_back(static_cast<std::uint32_t>(i));
        }
        detail::SpatialGrid grid;
        grid.reserve(m_n, boxes.size() + hosts.size());
        for (std::uint32_t i : boxes) grid.insert(i, *m_out.m_bounds[i]);
        for (std::uint32_t i : hosts) grid.insert(i, *m_out.m_bounds[i]);
        const std::unordered_set<std::uint32_t> tiles = grid_tiles(boxes, grid);
        mark_headed_grids(tiles, grid);
        // Largest first: a badge, frame or widget then finds its host already decided.
        std::stable_sort(boxes.begin(), boxes.end(), [&](std::uint32_t a, std::uint32_t b) {
            return area(*m_out.m_bounds[a]) > area(*m_out.m_bounds[b]);
        });
        std::vector<std::uint32_t> near;
        for (std::uint32_t i : boxes) {
            const Rect& b = *m_out.m_bounds[i];
            const Style& s = cell(i).style_or_empty();
            if (is_line_like(s, b)) {
                if (glued(i))
                    set(i, Role::node, Rule::shape);
                else
                    set(i, Role::region, Rule::separator_line);
                continue;
            }
            near.clear();
            grid.query(Rect{b.x - 4, b.y - 4, b.width + 8, b.height + 8}, near);
            std::size_t contained = 0, contained_glued = 0;
            std::uint32_t only = none;
            const bool tile = tiles.count(i) > 0;
            for (std::uint32_t j : near) {
                if (j == i) continue;
                const Rect& o = *m_out.m_bounds[j];
                // Shapes piled on one corner are a graph not laid out yet (every generator writes (0,0)),
                // not a panel with things inside it.
                const bool same_corner = std::abs(o.x - b.x) < 0.5 && std::abs(o.y - b.y) < 0.5;
                if (area(o) < area(b) && contains(b, o) && !same_corner) {
                    ++contained;
                    only = j;
                    if (glued(j)) ++contained_glued;
                }
            }
            if (decide_host_relation(i, near)) continue;
            if (contained >= 2) {
                if (!glued(i) || contained_glued >= 2)
                    set(i, Role::region, Rule::behind_nodes);
                else
                    set(i, Role::node, Rule::shape);
                continue;
            }
            if (contained == 1 && !glued(i)) {
                const Rect& o = *m_out.m_bounds[only];
                if (area(b) > 2.5 * area(o)) {
                    set(i, Role::region, Rule::around_node);
                    continue;
                }
                if (!labelled(i) && (glued(only) || labelled(only))) {  // a frame or halo round one node
                    set(i, Role::decoration, i < only ? Rule::halo_behind : Rule::frame_over, only);
                    continue;
                }
            }
            if (tile && !glued(i)) {
                set(i, Role::region, Rule::grid_tile);
                continue;
            }
            set(i, Role::node, Rule::shape);
        }
    }

    // Tiles of a drawn grid (lane headers, a title bar and the boxes in it): unlinked shapes sharing a side
    // with a shape at least twice as long along that side, or unlabelled ones sharing a side with anything;
    // then, transitively, unlinked shapes of about the same size sharing a side with a tile (the next lane
    // header). Labelled cards that merely touch each other (a story map's "touching = dependency") are not.
    std::unordered_set<std::uint32_t> grid_tiles(const std::vector<std::uint32_t>& boxes,
                                                 const detail::SpatialGrid& grid) {
        std::unordered_set<std::uint32_t> tiles;
        std::vector<std::uint32_t> queue, near;
        auto sides = [&](std::uint32_t i, auto&& f) {
            const Rect& b = *m_out.m_bounds[i];
            near.clear();
            grid.query(Rect{b.x - 2, b.y - 2, b.width + 4, b.height + 4}, near);
            for (std::uint32_t j : near)
                if (j != i && share_side(b, *m_out.m_bounds[j])) f(j);
        };
        for (std::uint32_t i : boxes) {
            if (glued(i)) continue;
            const Rect& b = *m_out.m_bounds[i];
            bool seed = false;
            sides(i, [&](std::uint32_t j) {
                const Rect& o = *m_out.m_bounds[j];
                const bool longer = o.width >= 2 * b.width || o.height >= 2 * b.height;
                seed = seed || longer || !labelled(i);
            });
            if (seed && tiles.insert(i).second) queue.push_back(i);
        }
        while (!queue.empty()) {
            const std::uint32_t t = queue.back();
            queue.pop_back();
            const Rect tb = *m_out.m_bounds[t];
            std::vector<std::uint32_t> next;
            sides(t, [&](std::uint32_t j) {
                if (m_decided[j] || glued(j) || tiles.count(j)) return;
                const Rect& o = *m_out.m_bounds[j];
                const double ratio = area(o) / std::max(area(tb), 1e-9);
                if (ratio >= 0.5 && ratio <= 2) next.push_back(j);
            });
            for (std::uint32_t j : next)
                if (tiles.insert(j).second) queue.push_back(j);
        }
        return tiles;
    }

    // Marks the tiles of each drawn grid with headers: the tiles joined by shared sides, at least one of them
    // labelled (a lane or column header, a title bar). Unlabelled bands that merely touch (coloured areas
    // behind a site map's branches) are not a grid.
    void mark_headed_grids(const std::unordered_set<std::uint32_t>& tiles, const detail::SpatialGrid& grid) {
        std::unordered_set<std::uint32_t> seen;
        std::vector<std::uint32_t> component, near;
        for (std::uint32_t start : tiles) {
            if (!seen.insert(start).second) continue;
            component.assign(1, start);
            bool headed = false;
            for (std::size_t k = 0; k < component.size(); ++k) {
                const std::uint32_t t = component[k];
                headed = headed || labelled(t);
                const Rect& b = *m_out.m_bounds[t];
                near.clear();
                grid.query(Rect{b.x - 2, b.y - 2, b.width + 4, b.height + 4}, near);
                for (std::uint32_t j : near)
                    if (j != t && tiles.count(j) && share_side(b, *m_out.m_bounds[j]) &&
                        seen.insert(j).second)
                        component.push_back(j);
            }
            if (headed)
                for (std::uint32_t t : component) m_out.m_cells[t].tile = true;
        }
    }

    // Decides i as a decoration of a neighbour when it is a badge on it, a frame over it or a halo behind
    // it. Neighbours larger than i are decided already (largest first); a similar-sized neighbour that is
    // not yet decided is compared by how much it looks like a node (label, arrows).
    bool decide_host_relation(std::uint32_t i, const std::vector<std::uint32_t>& near) {
        const Rect& b = *m_out.m_bounds[i];
        std::uint32_t best = none;
        Rule best_rule = Rule::shape;
        double best_overlap = 0;
        for (std::uint32_t j : near) {
            if (j == i) continue;
            const Rect& o = *m_out.m_bounds[j];
            const double ov = overlap_area(b, o);
            const bool decided_node = m_decided[j] && (m_out.m_cells[j].role == Role::node ||
                                                       is_journey_card(m_out.m_cells[j].role));
            if (m_decided[j] && !decided_node) continue;
            // Badge: much smaller, on the host's border, just outside it, or tucked in a corner of it. An
            // icon deep inside a large box is a component of it (architecture drawings), not its badge.
            const double inset =
                std::min({b.x - o.x, b.y - o.y, o.right() - b.right(), o.bottom() - b.bottom()});
            if (area(b) <= 0.25 * area(o) &&
                std::max(b.width, b.height) <= 0.6 * std::max(o.width, o.height) && gap(b, o) <= 4 &&
                inset <= 12 && (decided_node || !m_decided[j]) && !(glued(i) && labelled(i) && ov == 0)) {
                const Rule rule = Rule::badge_on;
                if (ov >= best_overlap && (best == none || area(o) < area(*m_out.m_bounds[best]))) {
                    best = j;
                    best_rule = rule;
                    best_overlap = ov;
                }
                continue;
            }
            // Frame or halo: about the same size, mostly overlapping, and less of a node than the other.
            const double smaller = std::min(area(b), area(o));
            const double ratio = area(b) / std::max(area(o), 1e-9);
            if (smaller > 0 && ov >= 0.5 * smaller && ratio >= 0.4 && ratio <= 2.5 && !labelled(i) &&
                nodeness(i) < nodeness(j) + (decided_node ? 1 : 0) && !holds_beside(i, j, near)) {
                if (ov > best_overlap) {
                    best = j;
                    best_rule = i < j ? Rule::halo_behind : Rule::frame_over;
                    best_overlap = ov;
                }
            }
        }
        if (best == none) return false;
        // A badge is decided only against a node; an undecided neighbour is a node when it has a label or
        // arrows (otherwise both may be plain shapes: leave i alone).
        if (!m_decided[best] && nodeness(best) == 0) return false;
        set(i, Role::decoration, best_rule, best);
        return true;
    }

    // i holds a shape of its own (labelled or linked) that j does not: a band round j and more (a pool's
    // background round a subprocess and the event before it), not j's frame or halo.
    bool holds_beside(std::uint32_t i, std::uint32_t j, const std::vector<std::uint32_t>& near) {
        const Rect& b = *m_out.m_bounds[i];
        const Rect& host = *m_out.m_bounds[j];
        for (std::uint32_t k : near) {
            if (k == i || k == j) continue;
            const Rect& o = *m_out.m_bounds[k];
            if (area(o) < area(b) && contains(b, o) && !contains(host, o) && (glued(k) || labelled(k)))
                return true;
        }
        return false;
    }

    void free_text() {
        std::vector<std::uint32_t> texts;
        detail::SpatialGrid nodes, edges;
        nodes.reserve(m_n, 0);
        double top_of_nodes = INFINITY;
        for (std::size_t i = 0; i < m_n; ++i) {
            const Cell& c = cell(i);
            if (m_decided[i]) {
                const Role r = m_out.m_cells[i].role;
                if ((r == Role::node || is_journey_card(r)) && m_out.m_bounds[i]) {
                    nodes.insert(static_cast<std::uint32_t>(i), *m_out.m_bounds[i]);
                    top_of_nodes = std::min(top_of_nodes, m_out.m_bounds[i]->y);
                }
                continue;
            }
            if (c.kind == CellKind::vertex && m_out.m_bounds[i] && top_level(i))
                texts.push_back(static_cast<std::uint32_t>(i));
        }
        if (texts.empty()) return;
        std::vector<std::uint32_t> regions;  // boxes round nodes, for their captions
        for (std::size_t i = 0; i < m_n; ++i)
            if (m_decided[i] && m_out.m_cells[i].role == Role::region &&
                m_out.m_cells[i].rule != Rule::separator_line && m_out.m_bounds[i] &&
                cell(i).kind == CellKind::vertex)
                regions.push_back(static_cast<std::uint32_t>(i));
        std::vector<std::vector<diagram::Point>> lines;  // per edge in `edges`
        for (std::size_t i = 0; i < m_n; ++i) {
            if (cell(i).kind != CellKind::edge || !m_decided[i] || m_out.m_cells[i].role == Role::annotation)
                continue;
            auto line = m_idx.edge_polyline(cell(i).id);
            if (line.size() < 2) continue;
            // draw.io routes an orthogonal or elbow edge without waypoints itself: the polyline from centre
            // to centre is a diagonal it never draws. Both elbows stand in for the route it may take.
            const Style& es = cell(i).style_or_empty();
            if (line.size() == 2 && es.get("edgeStyle") && line[0].x != line[1].x && line[0].y != line[1].y) {
                const diagram::Point a = line[0], b = line[1];
                line = {a, {b.x, a.y}, b, {a.x, b.y}, a};
            }
            Rect box{line[0].x, line[0].y, 0, 0};
            for (const auto& p : line) {
                const double r = std::max(box.right(), p.x), btm = std::max(box.bottom(), p.y);
                box.x = std::min(box.x, p.x), box.y = std::min(box.y, p.y);
                box.width = r - box.x, box.height = btm - box.y;
            }
            edges.insert(static_cast<std::uint32_t>(lines.size()), box);
            lines.push_back(std::move(line));
            m_edge_of_line.push_back(static_cast<std::uint32_t>(i));
        }
        std::vector<std::uint32_t> near;
        for (std::uint32_t i : texts) {
            const Rect& b = *m_out.m_bounds[i];
            const Style& s = cell(i).style_or_empty();
            if (glued(i)) {
                set(i, Role::node, is_text_like(s, true) ? Rule::text_linked : Rule::shape);
                continue;
            }
            const bool note = is_note_like(s);
            // Nearest node within 30 px.
            constexpr double reach = 30;
            near.clear();
            nodes.query(Rect{b.x - reach, b.y - reach, b.width + 2 * reach, b.height + 2 * reach}, near);
            std::uint32_t host = none;
            double best = reach;
            for (std::uint32_t j : near) {
                const double d = gap(b, *m_out.m_bounds[j]);
                if (d <= best) best = d, host = j;
            }
            // Text in the top band of a region, with no node of that region near it, is the region's
            // caption ("Subaccount" in its box), not the label of a shape outside the box.
            {
                std::uint32_t region = none;
                for (std::uint32_t r : regions)
                    if (contains(*m_out.m_bounds[r], b) &&
                        (region == none || area(*m_out.m_bounds[r]) < area(*m_out.m_bounds[region])))
                        region = r;
                if (region != none &&
                    (host == none || !contains(*m_out.m_bounds[region], *m_out.m_bounds[host])) &&
                    b.y - m_out.m_bounds[region]->y <= std::min(40.0, m_out.m_bounds[region]->height / 4) &&
                    b.bottom() - m_out.m_bounds[region]->y <=
                        std::min(60.0, m_out.m_bounds[region]->height / 3)) {
                    set(i, Role::decoration, Rule::text_near_shape, region);
                    continue;
                }
            }
            if (host != none) {
                set(i, Role::decoration, Rule::text_near_shape, host);
                continue;
            }
            // Nearest edge within 20 px of the text's centre or box.
            constexpr double edge_reach = 20;
            near.clear();
            edges.query(
                Rect{b.x - edge_reach, b.y - edge_reach, b.width + 2 * edge_reach, b.height + 2 * edge_reach},
                near);
            const diagram::Point centre{b.x + b.width / 2, b.y + b.height / 2};
            double best_edge = edge_reach + std::max(b.width, b.height) / 2;
            std::uint32_t edge_host = none;
            for (std::uint32_t k : near) {
                const auto& line = lines[k];
                for (std::size_t s2 = 1; s2 < line.size(); ++s2) {
                    double d = distance_to_segment(centre, line[s2 - 1], line[s2]);
                    // The label's box may lie on the line while its centre is further away.
                    d = std::min(d, distance_to_rect(line[s2 - 1], b) + edge_reach);
                    if (d < best_edge) best_edge = d, edge_host = m_edge_of_line[k];
                }
            }
            if (edge_host != none) {
                set(i, Role::decoration, Rule::text_near_edge, edge_host);
                continue;
            }
            if (note) {
                set(i, Role::note, Rule::note_shape);
                continue;
            }
            if (!is_text_like(s, true)) {
                set(i, Role::node, Rule::shape);
                continue;
            }
            const double font = s.number("fontSize", 11);
            if (b.bottom() <= top_of_nodes + 1 || font >= 20)
                set(i, Role::title, Rule::text_above_all);
            else
                set(i, Role::note, Rule::text_alone);
        }
    }

    // A box whose top holds a "Legend"/"Key" label is the legend, with everything drawn in it (the key's
    // swatches and icons are no nodes).
    void legend_boxes() {
        for (std::size_t l = 0; l < m_n; ++l) {
            if (m_out.m_cells[l].role != Role::legend || m_out.m_cells[l].rule != Rule::legend_label ||
                !m_out.m_bounds[l])
                continue;
            const std::string w = first_word(m_out.plain_label(l));
            if (w != "legend" && w != "key") continue;
            const Rect& label = *m_out.m_bounds[l];
            std::uint32_t box = none;
            for (std::size_t i = 0; i < m_n; ++i) {
                const Role r = m_out.m_cells[i].role;
                if (i == l || !m_out.m_bounds[i] ||
                    (r != Role::region && r != Role::node && r != Role::legend))
                    continue;
                const Rect& b = *m_out.m_bounds[i];
                if (!contains(b, label) || label.y - b.y > 0.25 * b.height) continue;
                if (box == none || area(b) < area(*m_out.m_bounds[box])) box = static_cast<std::uint32_t>(i);
            }
            // A legend drawn as one box (a swimlane titled "Legend") is its own frame.
            if (box == none && !is_text_like(cell(l).style_or_empty(), true))
                box = static_cast<std::uint32_t>(l);
            if (box == none) continue;
            const Rect frame = *m_out.m_bounds[box];
            set(box, Role::legend, Rule::legend_label);
            for (std::size_t i = 0; i < m_n; ++i) {
                if (!m_out.m_bounds[i] || cell(i).kind != CellKind::vertex || glued(i)) continue;
                const Role r = m_out.m_cells[i].role;
                if ((r == Role::node || r == Role::decoration || r == Role::note || r == Role::region) &&
                    contains(frame, *m_out.m_bounds[i]))
                    set(i, Role::legend, Rule::legend_label);
            }
            // The key's sample arrows ("Mutual trust" -->) are drawn in the box: legend too, not loose links.
            for (std::size_t i = 0; i < m_n; ++i) {
                if (cell(i).kind != CellKind::edge || m_out.m_cells[i].role != Role::connector) continue;
                const auto line = m_idx.edge_polyline(cell(i).id);
                if (line.size() >= 2 && std::all_of(line.begin(), line.end(), [&](const diagram::Point& p) {
                        return frame.contains(p);
                    }))
                    set(i, Role::legend, Rule::legend_label);
            }
        }
    }

    void parts() {
        // Children of nodes and decorations, in page order (parents come first in draw.io files; a second
        // sweep catches hand-edited files that list them later).
        for (int sweep = 0; sweep < 2; ++sweep)
            for (std::size_t i = 0; i < m_n; ++i) {
                if (m_decided[i] || cell(i).kind != CellKind::vertex) continue;
                const std::uint32_t p = m_parent[i];
                if (p == none || !m_decided[p]) continue;
                const Role pr = m_out.m_cells[p].role;
                if (glued(i)) {
                    set(i, Role::node, Rule::shape);
                } else if (pr == Role::node || is_journey_card(pr)) {
                    set(i, Role::decoration, Rule::part_of_node, p);
                } else if (pr == Role::decoration || pr == Role::legend || pr == Role::annotation ||
                           pr == Role::hidden || pr == Role::region || pr == Role::title ||
                           pr == Role::note) {
                    const Reading& pr_reading = m_out.m_cells[p];
                    set(i, pr, pr_reading.rule, pr == Role::decoration ? pr_reading.host : none);
                }
            }
        // Whatever is left (vertices without bounds) is a plain node.
        for (std::size_t i = 0; i < m_n; ++i)
            if (!m_decided[i] && cell(i).kind == CellKind::vertex) set(i, Role::node, Rule::shape);
    }

    using Reading = decltype(PageReading::m_cells)::value_type;
    std::vector<std::uint32_t> m_edge_of_line;
};

PageReading::PageReading(const diagram::Page& page) : m_page(&page), m_index(page) {
    Reader(*this).run();
}

std::optional<Role> PageReading::role_of(std::string_view cell_id) const {
    auto p = m_index.position(cell_id);
    if (!p) return std::nullopt;
    return m_cells[*p].role;
}

std::uint32_t PageReading::node_at(std::string_view cell_id) const {
    auto p = m_index.position(cell_id);
    return p ? node_at(*p) : none;
}

std::uint32_t PageReading::node_at(std::size_t position) const {
    std::size_t p = position;
    for (int depth = 0; depth < 64 && p < m_cells.size(); ++depth) {
        const Reading& r = m_cells[p];
        if (r.role == Role::node || is_journey_card(r.role)) return static_cast<std::uint32_t>(p);
        if ((r.role == Role::decoration || r.role == Role::port) && r.host != none) {
            p = r.host;
            continue;
        }
        return none;
    }
    return none;
}

std::string PageReading::plain_label(std::size_t position) const {
    const Cell& c = m_page->cells[position];
    const std::string label = c.label();
    if (label.empty()) return {};
    const bool html = c.is_html_label() || label.find('<') != std::string::npos;
    return text::html_to_text(label, html ? text::html_one_line : text::plain_one_line);
}

std::vector<std::uint32_t> PageReading::cells_with(std::initializer_list<Role> roles) const {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < m_cells.size(); ++i)
        if (std::find(roles.begin(), roles.end(), m_cells[i].role) != roles.end())
            out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

}  // namespace jstudio::page
