#include "core/diagram/page_index.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace jstudio::diagram {

namespace {
// Guards every walk up the parent chain: an edited model may hold a cycle the reader never saw.
constexpr int max_depth = 256;
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

// What m_bounds holds for a cell.
enum BoundsKind : std::uint8_t {
    bounds_unknown,  // not worked out yet (only while the index is built)
    bounds_busy,     // being worked out: met again means a parent cycle
    bounds_none,     // no bounds (not a vertex, no geometry)
    bounds_cached,   // m_bounds holds them
    bounds_live,     // they hang on an edge's route (edge labels): worked out on each call
};

std::size_t hash_id(std::string_view id) {
    return std::hash<std::string_view>{}(id);
}
std::uint32_t tag_of(std::size_t hash) {
    return static_cast<std::uint32_t>(hash >> 32);  // the slot comes from the low bits
}
}  // namespace

std::span<const std::uint32_t> PageIndex::Runs::at(std::size_t position) const {
    if (position + 1 >= begin.size()) return {};
    return {items.data() + begin[position], items.data() + begin[position + 1]};
}

PageIndex::PageIndex(const Page& page) : m_page(&page) {
    const auto& cells = page.cells;
    const std::size_t n = cells.size();
    // A power of two at least twice the cell count: short probe runs, a mask instead of a division.
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    m_slots.assign(capacity, Slot{none, 0});
    {
        std::size_t total = 0;
        for (const Cell& c : cells) total += c.id.size();
        m_ids.reserve(total);
        m_id_begin.resize(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            m_id_begin[i] = m_ids.size();
            m_ids += cells[i].id;
        }
        m_id_begin[n] = m_ids.size();
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t hash = hash_id(id_at(static_cast<std::uint32_t>(i)));
        for (std::size_t s = hash & (capacity - 1);; s = (s + 1) & (capacity - 1)) {
            if (m_slots[s].at == none) {
                m_slots[s] = {static_cast<std::uint32_t>(i), tag_of(hash)};
                break;
            }
            // first wins; the reader refuses duplicates
            if (m_slots[s].tag == tag_of(hash) &&
                id_at(m_slots[s].at) == id_at(static_cast<std::uint32_t>(i)))
                break;
        }
    }
    m_parent.assign(n, none);
    m_source.assign(n, none);
    m_target.assign(n, none);
    Positions& source = m_source;
    Positions& target = m_target;
    // Cells come in runs sharing a parent (a layer holds most of a page): the last parent found is reused.
    std::string_view last_parent;
    std::optional<std::uint32_t> last_parent_at;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = cells[i];
        const auto at = static_cast<std::uint32_t>(i);
        if (c.parent.empty()) {
            if (!m_root) m_root = i;
        } else {
            if (c.parent != last_parent || !last_parent_at) {
                last_parent = c.parent;
                last_parent_at = slot_of(c.parent);
            }
            if (last_parent_at)
                m_parent[i] = *last_parent_at;
            else
                m_lost_children[c.parent].push_back(at);
        }
        if (c.kind == CellKind::edge) {
            if (!c.source.empty()) {
                if (auto p = slot_of(c.source))
                    source[i] = *p;
                else
                    m_lost_out[c.source].push_back(at);
            }
            if (!c.target.empty()) {
                if (auto p = slot_of(c.target))
                    target[i] = *p;
                else
                    m_lost_in[c.target].push_back(at);
            }
        }
    }
    // Counting sort by owner: each run keeps file order.
    auto runs = [n](const Positions& owner, Runs& out) {
        out.begin.assign(n + 1, 0);
        for (std::uint32_t o : owner)
            if (o != none) ++out.begin[o + 1];
        for (std::size_t i = 0; i < n; ++i) out.begin[i + 1] += out.begin[i];
        out.items.resize(out.begin[n]);
        Positions fill(out.begin.begin(), out.begin.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            if (owner[i] != none) out.items[fill[owner[i]]++] = static_cast<std::uint32_t>(i);
    };
    runs(m_parent, m_children);
    runs(source, m_out);
    runs(target, m_in);

    m_bounds.assign(n, Rect{});
    m_bounds_kind.assign(n, bounds_unknown);
    for (std::size_t i = 0; i < n; ++i) cache_bounds(i, 0);
}

std::optional<std::uint32_t> PageIndex::slot_of(std::string_view id) const {
    const std::size_t mask = m_slots.size() - 1;
    const std::size_t hash = hash_id(id);
    for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
        const Slot slot = m_slots[s];
        if (slot.at == none) return std::nullopt;
        if (slot.tag == tag_of(hash) && id_at(slot.at) == id) return slot.at;
    }
}

const Cell* PageIndex::find(std::string_view id) const {
    auto at = slot_of(id);
    return at ? &m_page->cells[*at] : nullptr;
}

std::optional<std::size_t> PageIndex::position(std::string_view id) const {
    auto at = slot_of(id);
    if (!at) return std::nullopt;
    return *at;
}

const Cell* PageIndex::root() const {
    return m_root ? &m_page->cells[*m_root] : nullptr;
}

std::optional<std::size_t> PageIndex::parent_position(std::size_t position) const {
    if (position >= m_parent.size() || m_parent[position] == none) return std::nullopt;
    return m_parent[position];
}

bool PageIndex::is_inside(std::size_t position, std::size_t ancestor) const {
    // Bounded as layer_of: a parent cycle in a damaged file ends the walk, not the program.
    std::uint32_t p = position < m_parent.size() ? m_parent[position] : none;
    for (int depth = 0; p != none && depth < max_depth; ++depth, p = m_parent[p])
        if (p == ancestor) return true;
    return false;
}

bool PageIndex::is_inside(std::string_view id, std::string_view ancestor) const {
    const auto cell = slot_of(id), holder = slot_of(ancestor);
    return cell && holder && is_inside(*cell, *holder);
}

std::optional<std::size_t> PageIndex::source_position(std::size_t edge_position) const {
    if (edge_position >= m_source.size() || m_source[edge_position] == none) return std::nullopt;
    return m_source[edge_position];
}

std::optional<std::size_t> PageIndex::target_position(std::size_t edge_position) const {
    if (edge_position >= m_target.size() || m_target[edge_position] == none) return std::nullopt;
    return m_target[edge_position];
}

std::span<const std::uint32_t> PageIndex::child_positions(std::size_t position) const {
    return m_children.at(position);
}

std::vector<const Cell*> PageIndex::cells_at(std::span<const std::uint32_t> positions) const {
    std::vector<const Cell*> out;
    out.reserve(positions.size());
    for (std::uint32_t p : positions) out.push_back(&m_page->cells[p]);
    return out;
}

std::vector<const Cell*> PageIndex::lost(const std::unordered_map<std::string_view, Positions>& map,
                                         std::string_view id) const {
    auto it = map.find(id);
    return it == map.end() ? std::vector<const Cell*>{} : cells_at(it->second);
}

std::vector<const Cell*> PageIndex::layers() const {
    return m_root ? cells_at(m_children.at(*m_root)) : std::vector<const Cell*>{};
}

std::vector<const Cell*> PageIndex::children(std::string_view id) const {
    if (auto at = slot_of(id)) return cells_at(m_children.at(*at));
    return lost(m_lost_children, id);
}

const Cell* PageIndex::parent_of(std::string_view id) const {
    auto at = slot_of(id);
    return at && m_parent[*at] != none ? &m_page->cells[m_parent[*at]] : nullptr;
}

const Cell* PageIndex::layer_of(std::string_view id) const {
    auto at = slot_of(id);
    std::uint32_t p = at ? *at : none;
    for (int depth = 0; p != none && depth < max_depth; ++depth) {
        if (m_page->cells[p].kind == CellKind::layer) return &m_page->cells[p];
        p = m_parent[p];
    }
    return nullptr;
}

std::vector<const Cell*> PageIndex::outgoing(std::string_view vertex_id) const {
    if (auto at = slot_of(vertex_id)) return cells_at(m_out.at(*at));
    return lost(m_lost_out, vertex_id);
}

std::vector<const Cell*> PageIndex::incoming(std::string_view vertex_id) const {
    if (auto at = slot_of(vertex_id)) return cells_at(m_in.at(*at));
    return lost(m_lost_in, vertex_id);
}

std::vector<const Cell*> PageIndex::edges_of(std::string_view vertex_id) const {
    auto out = outgoing(vertex_id);
    for (const Cell* e : incoming(vertex_id))
        if (e->source != e->target) out.push_back(e);  // a self-loop is listed once
    return out;
}

bool PageIndex::is_swimlane(const Cell& cell) const {
    const Style& s = cell.style_or_empty();
    return s.has_name("swimlane") || s.get_or("shape", "") == "swimlane";
}

bool PageIndex::is_group(const Cell& cell) const {
    return cell.style_or_empty().has_name("group");
}

bool PageIndex::is_container(const Cell& cell) const {
    if (cell.kind != CellKind::vertex) return false;
    const Style& s = cell.style_or_empty();
    if (auto c = s.get("container")) return *c == "1";
    if (is_swimlane(cell) || is_group(cell)) return true;
    const std::string shape = s.get_or("shape", "");
    if (shape == "table" || shape == "tableRow") return true;
    // A vertex that already holds other vertices acts as one (draw.io groups made by hand-edited files).
    auto at = slot_of(cell.id);
    if (!at) return false;
    const auto children = m_children.at(*at);
    return std::any_of(children.begin(), children.end(),
                       [&](std::uint32_t p) { return m_page->cells[p].kind == CellKind::vertex; });
}

Point PageIndex::frame_origin(std::string_view id) const {
    auto at = slot_of(id);
    if (!at || m_parent[*at] == none) return {};
    const std::uint32_t parent = m_parent[*at];
    if (m_page->cells[parent].kind != CellKind::vertex) return {};
    auto b = absolute_bounds_at(parent);
    return b ? Point{b->x, b->y} : Point{};
}

std::optional<Rect> PageIndex::absolute_bounds(std::string_view id) const {
    auto at = slot_of(id);
    if (!at) return std::nullopt;
    return absolute_bounds_at(*at);
}

std::optional<Rect> PageIndex::absolute_bounds_at(std::size_t position) const {
    if (position >= m_bounds_kind.size()) return std::nullopt;
    switch (m_bounds_kind[position]) {
        case bounds_cached:
            return m_bounds[position];
        case bounds_live:
            return bounds_at(position, 0);
        default:
            return std::nullopt;
    }
}

// Works out and keeps the bounds of a vertex whose frame is a chain of vertices (almost all of them); the
// few hanging on an edge's route are marked live, since an edge's waypoints may be edited under the index.
void PageIndex::cache_bounds(std::size_t position, int depth) {
    std::uint8_t& kind = m_bounds_kind[position];
    if (kind != bounds_unknown) return;
    const Cell& c = m_page->cells[position];
    if (c.kind != CellKind::vertex || !c.geometry) {
        kind = bounds_none;
        return;
    }
    const Geometry& g = *c.geometry;
    const std::uint32_t parent = m_parent[position];
    const CellKind parent_kind = parent == none ? CellKind::other : m_page->cells[parent].kind;
    if (parent_kind == CellKind::edge && g.relative) {
        kind = bounds_live;
        return;
    }
    Rect r = g.bounds;
    if (parent_kind == CellKind::vertex && depth < max_depth) {
        kind = bounds_busy;
        cache_bounds(parent, depth + 1);
        const std::uint8_t parent_bounds = m_bounds_kind[parent];
        if (parent_bounds == bounds_live) {
            kind = bounds_live;
            return;
        }
        if (parent_bounds == bounds_cached) {
            const Rect& pb = m_bounds[parent];
            if (g.relative) {
                // Ports and decorations: x/y are fractions of the parent's size
                // (mxGraphView.updateCellState).
                r.x = pb.x + g.bounds.x * pb.width;
                r.y = pb.y + g.bounds.y * pb.height;
                if (g.offset) {
                    r.x += g.offset->x;
                    r.y += g.offset->y;
                }
            } else {
                r.x += pb.x;
                r.y += pb.y;
            }
        }
        // A parent met again (a cycle) or past max_depth has no bounds: the cell keeps its own, as before.
    }
    m_bounds[position] = r;
    kind = bounds_cached;
}

// The bounds of a cell hanging on an edge's route, worked out from the edge as it is now.
std::optional<Rect> PageIndex::bounds_at(std::size_t position, int depth) const {
    const Cell& c = m_page->cells[position];
    if (depth > max_depth) return std::nullopt;
    if (m_bounds_kind[position] == bounds_cached) return m_bounds[position];
    if (m_bounds_kind[position] != bounds_live) return std::nullopt;
    const Geometry& g = *c.geometry;
    const std::uint32_t parent = m_parent[position];
    Rect r = g.bounds;
    if (m_page->cells[parent].kind == CellKind::vertex) {
        auto pb = bounds_at(parent, depth + 1);
        if (!pb) return r;
        if (g.relative) {
            r.x = pb->x + g.bounds.x * pb->width;
            r.y = pb->y + g.bounds.y * pb->height;
            if (g.offset) {
                r.x += g.offset->x;
                r.y += g.offset->y;
            }
        } else {
            r.x += pb->x;
            r.y += pb->y;
        }
        return r;
    }
    // Edge labels: x in -1..1 is the share of the edge's length, y a distance along the normal.
    std::vector<Point> line = polyline_at(parent, depth + 1);
    if (line.size() < 2) return r;
    double total = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    double want = (g.bounds.x / 2 + 0.5) * total, run = 0;
    Point at = line.front(), normal{0, 0};
    for (std::size_t i = 1; i < line.size(); ++i) {
        double dx = line[i].x - line[i - 1].x, dy = line[i].y - line[i - 1].y, len = std::hypot(dx, dy);
        if (len == 0) continue;
        normal = {dy / len, -dx / len};
        if (run + len >= want || i + 1 == line.size()) {
            double t = std::clamp((want - run) / len, 0.0, 1.0);
            at = {line[i - 1].x + dx * t, line[i - 1].y + dy * t};
            break;
        }
        run += len;
    }
    at.x += normal.x * g.bounds.y;
    at.y += normal.y * g.bounds.y;
    if (g.offset) {
        at.x += g.offset->x;
        at.y += g.offset->y;
    }
    return Rect{at.x - g.bounds.width / 2, at.y - g.bounds.height / 2, g.bounds.width, g.bounds.height};
}

std::vector<Point> PageIndex::edge_polyline(std::string_view edge_id) const {
    auto at = slot_of(edge_id);
    return at ? polyline_at(*at, 0) : std::vector<Point>{};
}

std::vector<Point> PageIndex::polyline_at(std::size_t position, int depth) const {
    std::vector<Point> out;
    const Cell* e = &m_page->cells[position];
    if (e->kind != CellKind::edge || !e->geometry || depth > max_depth) return out;
    const Geometry& g = *e->geometry;
    Point origin{};
    if (const std::uint32_t parent = m_parent[position];
        parent != none && m_page->cells[parent].kind == CellKind::vertex)
        if (auto b = bounds_at(parent, depth + 1)) origin = {b->x, b->y};
    auto centre = [](const Rect& r) { return Point{r.x + r.width / 2, r.y + r.height / 2}; };
    auto end_point = [&](const std::string& terminal,
                         const std::optional<Point>& loose) -> std::optional<Point> {
        if (!terminal.empty())
            if (auto t = slot_of(terminal))
                if (auto b = bounds_at(*t, depth + 1)) return centre(*b);
        if (loose) return Point{loose->x + origin.x, loose->y + origin.y};
        return std::nullopt;
    };
    if (auto s = end_point(e->source, g.source_point)) out.push_back(*s);
    for (const Point& p : g.waypoints) out.push_back({p.x + origin.x, p.y + origin.y});
    if (auto t = end_point(e->target, g.target_point)) out.push_back(*t);
    return out;
}

}  // namespace jstudio::diagram
