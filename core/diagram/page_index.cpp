#include "core/diagram/page_index.hpp"

#include <algorithm>
#include <cmath>

namespace jstudio::diagram {

namespace {
// Guards every walk up the parent chain: an edited model may hold a cycle the reader never saw.
constexpr int max_depth = 256;
}  // namespace

PageIndex::PageIndex(const Page& page) : m_page(&page) {
    m_by_id.reserve(page.cells.size());
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const Cell& c = page.cells[i];
        m_by_id.emplace(c.id, i);  // first wins; the reader refuses duplicates
        if (c.parent.empty()) {
            if (!m_root) m_root = i;
        } else {
            m_children[c.parent].push_back(i);
        }
        if (c.kind == CellKind::edge) {
            if (!c.source.empty()) m_out[c.source].push_back(i);
            if (!c.target.empty()) m_in[c.target].push_back(i);
        }
    }
}

const Cell* PageIndex::find(std::string_view id) const {
    auto it = m_by_id.find(id);
    return it == m_by_id.end() ? nullptr : &m_page->cells[it->second];
}

std::optional<std::size_t> PageIndex::position(std::string_view id) const {
    auto it = m_by_id.find(id);
    if (it == m_by_id.end()) return std::nullopt;
    return it->second;
}

const Cell* PageIndex::root() const {
    return m_root ? &m_page->cells[*m_root] : nullptr;
}

std::vector<const Cell*> PageIndex::cells_at(const std::vector<std::size_t>* positions) const {
    std::vector<const Cell*> out;
    if (!positions) return out;
    out.reserve(positions->size());
    for (std::size_t p : *positions) out.push_back(&m_page->cells[p]);
    return out;
}

std::vector<const Cell*> PageIndex::layers() const {
    const Cell* r = root();
    return r ? children(r->id) : std::vector<const Cell*>{};
}

std::vector<const Cell*> PageIndex::children(std::string_view id) const {
    auto it = m_children.find(id);
    return cells_at(it == m_children.end() ? nullptr : &it->second);
}

const Cell* PageIndex::parent_of(std::string_view id) const {
    const Cell* c = find(id);
    return c && !c->parent.empty() ? find(c->parent) : nullptr;
}

const Cell* PageIndex::layer_of(std::string_view id) const {
    const Cell* c = find(id);
    for (int depth = 0; c && depth < max_depth; ++depth) {
        if (c->kind == CellKind::layer) return c;
        c = c->parent.empty() ? nullptr : find(c->parent);
    }
    return nullptr;
}

std::vector<const Cell*> PageIndex::outgoing(std::string_view vertex_id) const {
    auto it = m_out.find(vertex_id);
    return cells_at(it == m_out.end() ? nullptr : &it->second);
}

std::vector<const Cell*> PageIndex::incoming(std::string_view vertex_id) const {
    auto it = m_in.find(vertex_id);
    return cells_at(it == m_in.end() ? nullptr : &it->second);
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
    for (const Cell* child : children(cell.id))
        if (child->kind == CellKind::vertex) return true;
    return false;
}

Point PageIndex::frame_origin(std::string_view id) const {
    const Cell* c = find(id);
    if (!c || c->parent.empty()) return {};
    auto pos = position(c->parent);
    if (!pos) return {};
    const Cell& parent = m_page->cells[*pos];
    if (parent.kind != CellKind::vertex) return {};
    auto b = bounds_at(*pos, 0);
    return b ? Point{b->x, b->y} : Point{};
}

std::optional<Rect> PageIndex::absolute_bounds(std::string_view id) const {
    auto pos = position(id);
    if (!pos) return std::nullopt;
    return bounds_at(*pos, 0);
}

std::optional<Rect> PageIndex::bounds_at(std::size_t position, int depth) const {
    const Cell& c = m_page->cells[position];
    if (c.kind != CellKind::vertex || !c.geometry || depth > max_depth) return std::nullopt;
    const Geometry& g = *c.geometry;
    Rect r = g.bounds;
    const Cell* parent = c.parent.empty() ? nullptr : find(c.parent);
    if (!parent) return r;
    if (parent->kind == CellKind::vertex) {
        auto pb = bounds_at(*this->position(parent->id), depth + 1);
        if (!pb) return r;
        if (g.relative) {
            // Ports and decorations: x/y are fractions of the parent's size (mxGraphView.updateCellState).
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
    if (parent->kind == CellKind::edge && g.relative) {
        // Edge labels: x in -1..1 is the share of the edge's length, y a distance along the normal.
        std::vector<Point> line = edge_polyline(parent->id);
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
    return r;
}

std::vector<Point> PageIndex::edge_polyline(std::string_view edge_id) const {
    std::vector<Point> out;
    const Cell* e = find(edge_id);
    if (!e || e->kind != CellKind::edge || !e->geometry) return out;
    const Geometry& g = *e->geometry;
    Point origin = frame_origin(edge_id);
    auto centre = [](const Rect& r) { return Point{r.x + r.width / 2, r.y + r.height / 2}; };
    auto end_point = [&](const std::string& terminal,
                         const std::optional<Point>& loose) -> std::optional<Point> {
        if (!terminal.empty())
            if (auto b = absolute_bounds(terminal)) return centre(*b);
        if (loose) return Point{loose->x + origin.x, loose->y + origin.y};
        return std::nullopt;
    };
    if (auto s = end_point(e->source, g.source_point)) out.push_back(*s);
    for (const Point& p : g.waypoints) out.push_back({p.x + origin.x, p.y + origin.y});
    if (auto t = end_point(e->target, g.target_point)) out.push_back(*t);
    return out;
}

}  // namespace jstudio::diagram
