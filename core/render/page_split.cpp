#include "core/render/page_split.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "core/diagram/page_index.hpp"
#include "core/journey/label_text.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::render {

using diagram::Cell;
using diagram::CellKind;
using diagram::PageIndex;

namespace {

struct Column {
    std::string id, name;
    Rect box;
};

Point centre(const Rect& r) {
    return {r.x + r.width / 2, r.y + r.height / 2};
}

bool touches(const Rect& a, const Rect& w) {
    return a.x <= w.right() && a.right() >= w.x && a.y <= w.bottom() && a.bottom() >= w.y;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

// What happens to a cell on one part.
struct Fate {
    bool keep = false;
    double dx = 0;      // added to its absolute x
    double dy = 0;      // added to its absolute y (the grid moves up into the space of the left-out cards)
    bool clip = false;  // spans the grid: cut to the part's columns
    double new_x = 0, new_width = 0;  // absolute, for clipped cells
};

}  // namespace

std::vector<StagePart> split_stages(const diagram::Page& page, const std::string& page_name,
                                    std::size_t stages_per_part) {
    // Stage columns, the title, persona and lane bands as the page reading (core/page) takes them; a
    // decoration goes wherever its host goes.
    const page::PageReading reading(page);
    const PageIndex& idx = reading.index();
    auto role = [&](const Cell& c) { return reading.role_of(c.id).value_or(page::Role::node); };
    std::vector<Column> cols;
    for (const Cell& c : page.cells) {
        if (c.kind != CellKind::vertex || role(c) != page::Role::stage_header) continue;
        auto b = idx.absolute_bounds(c.id);
        if (!b) continue;
        std::string name = first_line(journey::html_to_text(c.label()));
        cols.push_back({c.data("stage"), name.empty() ? c.data("stage") : name, *b});
    }
    if (cols.empty()) return {};
    std::stable_sort(cols.begin(), cols.end(),
                     [](const Column& a, const Column& b) { return a.box.x < b.box.x; });
    const double cols_x = cols.front().box.x;
    double grid_top = cols.front().box.y;
    for (const auto& c : cols) grid_top = std::min(grid_top, c.box.y);
    const double pitch = cols.size() > 1 ? cols[1].box.x - cols[0].box.x : cols[0].box.width + 6;
    auto column_end = [&](std::size_t i) {
        return i + 1 < cols.size() ? cols[i + 1].box.x : cols[i].box.x + pitch;
    };
    stages_per_part = std::max<std::size_t>(1, stages_per_part);
    // The persona and scenario cards stay out, so the grid moves up to just below the title.
    double lift = 0;
    for (const Cell& c : page.cells)
        if (role(c) == page::Role::map_title)
            if (auto b = idx.absolute_bounds(c.id); b && b->bottom() + 16 < grid_top)
                lift = std::max(lift, grid_top - (b->bottom() + 16));

    std::vector<StagePart> parts;
    for (std::size_t first = 0; first < cols.size(); first += stages_per_part) {
        const std::size_t last = std::min(cols.size(), first + stages_per_part) - 1;
        const double left = cols[first].box.x, end = column_end(last), clip_right = cols[last].box.right();
        const double dx = cols_x - left;

        std::map<std::string, Fate, std::less<>> fates;
        std::function<const Fate&(const Cell&)> fate_of = [&](const Cell& c) -> const Fate& {
            if (auto it = fates.find(c.id); it != fates.end()) return it->second;
            Fate f;
            const Cell* parent = idx.find(c.parent);
            auto b = idx.absolute_bounds(c.id);
            if (c.kind == CellKind::root || c.kind == CellKind::layer || !parent) {
                f.keep = c.kind == CellKind::root || c.kind == CellKind::layer;
            } else if (c.kind == CellKind::edge) {
                const Cell* s = idx.find(c.source);
                const Cell* t = idx.find(c.target);
                bool ends_kept = (!s || fate_of(*s).keep) && (!t || fate_of(*t).keep);
                bool parent_kept = fate_of(*parent).keep;
                f.keep = ends_kept && parent_kept && (s || t);
                f.dx = (s && fate_of(*s).dx != 0) || (t && fate_of(*t).dx != 0) ? dx : 0;
                f.dy = -lift;
                if (parent->kind != CellKind::layer) f.dx = f.dy = 0;  // moves with its container
            } else if (parent->kind != CellKind::layer && parent->kind != CellKind::root) {
                const Fate& pf = fate_of(*parent);
                f.keep = pf.keep;
                if (pf.keep && pf.clip && b) {
                    double cx = centre(*b).x;
                    f.keep = cx >= left && cx <= clip_right;
                }
            } else if (const auto host = reading.node_at(c.id);
                       role(c) == page::Role::decoration && host != page::PageReading::none) {
                f = fate_of(page.cells[host]);
            } else if (b) {
                const page::Role r = role(c);
                const Point m = centre(*b);
                if (r == page::Role::map_title) {
                    f.keep = true;
                    return fates[c.id] = f;
                } else if (r == page::Role::persona || r == page::Role::scenario || m.y < grid_top) {
                    f.keep = false;
                } else if (r == page::Role::lane_band || r == page::Role::visibility_line ||
                           (b->x < left - 1 && b->right() > clip_right + 1 && m.x >= cols_x)) {
                    f.keep = f.clip = true;
                    f.new_x = std::max(b->x, left) + dx;
                    f.new_width = std::max(0.0, std::min(b->right(), clip_right) - std::max(b->x, left));
                } else if (m.x < cols_x) {
                    f.keep = true;  // the lane header column
                } else {
                    f.keep = m.x >= left && m.x < end;
                    f.dx = dx;
                }
                f.dy = -lift;
            }
            return fates[c.id] = f;
        };

        StagePart part;
        part.page = page;
        part.page.cells.clear();
        if (page.id) part.page.id = *page.id + "-stages-" + cols[first].id;
        part.title = page_name + " \u2013 " + cols[first].name;
        if (last != first) part.title += " \u2026 " + cols[last].name;
        part.page.name = part.title;
        for (std::size_t i = first; i <= last; ++i) part.stage_ids.push_back(cols[i].id);
        for (const Cell& c : page.cells) {
            const Fate& f = fate_of(c);
            if (!f.keep) continue;
            Cell copy = c;
            if (copy.geometry) {
                auto& g = *copy.geometry;
                if (f.clip) {
                    auto b = idx.absolute_bounds(c.id);
                    if (b) g.bounds.x += f.new_x - b->x;
                    g.bounds.width = f.new_width;
                    g.bounds.y += f.dy;
                } else if (const Cell* parent = idx.find(c.parent); parent && fate_of(*parent).clip) {
                    // Inside a clipped container: undo the container's move, then shift with the columns.
                    auto pb = idx.absolute_bounds(parent->id);
                    if (pb && !g.relative) g.bounds.x += dx - (fate_of(*parent).new_x - pb->x);
                } else if (f.dx != 0 || f.dy != 0) {
                    auto move = [&](diagram::Point& p) { p.x += f.dx, p.y += f.dy; };
                    if (c.kind == CellKind::edge) {
                        for (auto& w : g.waypoints) move(w);
                        if (g.source_point) move(*g.source_point);
                        if (g.target_point) move(*g.target_point);
                    } else if (!g.relative) {
                        g.bounds.x += f.dx, g.bounds.y += f.dy;
                    }
                }
            }
            part.page.cells.push_back(std::move(copy));
        }
        double right = cols_x + (clip_right - left);
        part.page.model.set("pageWidth", std::to_string(long(std::ceil(right + 40))));
        parts.push_back(std::move(part));
    }
    return parts;
}

std::vector<Rect> tile_windows(const Rect& b, const TileOptions& o) {
    auto count = [&](double length, double tile) {
        if (length <= tile) return 1;
        double step = tile * (1 - std::clamp(o.overlap, 0.0, 0.9));
        return int(std::ceil((length - tile) / step - 1e-9)) + 1;
    };
    const int nx = count(b.width, o.width), ny = count(b.height, o.height);
    auto start = [](double from, double length, double tile, int n, int i) {
        // Spread evenly: the step never exceeds tile × (1 − overlap), so neighbours overlap at least that
        // much.
        return n == 1 ? from + (length - tile) / 2 : from + i * (length - tile) / (n - 1);
    };
    std::vector<Rect> out;
    for (int r = 0; r < ny; ++r)
        for (int c = 0; c < nx; ++c)
            out.push_back({start(b.x, b.width, o.width, nx, c), start(b.y, b.height, o.height, ny, r),
                           o.width, o.height});
    return out;
}

Scene crop_scene(const Scene& scene, const Rect& w) {
    Scene out;
    out.background = scene.background;
    out.drawing.bounds = w;
    for (const Item& item : scene.drawing.items) {
        Rect r;
        if (const auto* p = std::get_if<Path>(&item)) {
            r = p->bounds();
            double pad = p->stroke ? p->stroke_width / 2 : 0;
            r = {r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad};
        } else if (const auto* t = std::get_if<TextRun>(&item)) {
            r = {t->x, t->y - t->font.size, t->width, t->font.size * 1.3};
        } else if (const auto* im = std::get_if<Image>(&item)) {
            r = im->box;
        }
        if (touches(r, w)) out.drawing.items.push_back(item);
    }
    for (const SceneShape& s : scene.shapes)
        if (touches(s.bounds, w)) out.shapes.push_back(s);
    for (const SceneEdge& e : scene.edges) {
        bool in = false;
        for (std::size_t i = 1; i < e.points.size() && !in; ++i) {
            Point a = e.points[i - 1], b = e.points[i];
            in = touches({std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)},
                         w);
        }
        if (in) out.edges.push_back(e);
    }
    return out;
}

}  // namespace jstudio::render
