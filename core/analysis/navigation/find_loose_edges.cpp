// Loose edge: an arrow end not glued to any shape. When the end point lies on or within threshold px of a
// screen, the arrow looks connected but is not (draw.io will not move it with the shape, and the link does
// not count); otherwise it points at nothing. An arrow with neither end glued is reported once, unless both
// its ends lie on the same shape (then it is part of that shape's drawing).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/analysis/navigation/checks.hpp"
#include "core/diagram/page_index.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::analysis::navigation {

namespace {

double distance(const diagram::Rect& r, diagram::Point p) {
    const double dx = std::max({r.x - p.x, 0.0, p.x - r.right()});
    const double dy = std::max({r.y - p.y, 0.0, p.y - r.bottom()});
    return std::hypot(dx, dy);
}

// The screens an unglued end point may sit on, bucketed on a grid so that each end looks at the few screens
// around it instead of every screen of the page (a site map of 100,000 screens has thousands of loose ends).
class ScreenGrid {
  public:
    ScreenGrid(const NavGraph& g, double tolerance) : m_graph(g), m_tolerance(tolerance) {
        // Buckets about the size of a typical screen: a screen then covers a handful of buckets.
        std::vector<double> sizes;
        sizes.reserve(g.screen_count());
        for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
            const diagram::Rect& r = g.screen(ScreenId{v}).bounds;
            if (std::isfinite(r.width) && std::isfinite(r.height))
                sizes.push_back(std::max(r.width, r.height));
        }
        if (!sizes.empty()) {
            std::nth_element(sizes.begin(), sizes.begin() + std::ssize(sizes) / 2, sizes.end());
            m_cell = sizes[sizes.size() / 2];
        }
        m_cell = std::max({m_cell, 2 * tolerance, 1.0});
        if (!std::isfinite(m_cell)) m_cell = 1e300;  // an infinite tolerance: every screen is checked
        for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
            const diagram::Rect& r = g.screen(ScreenId{v}).bounds;
            if (r.width <= 0 && r.height <= 0) continue;  // never matched, as before
            const double x0 = std::floor((r.x - tolerance) / m_cell),
                         x1 = std::floor((r.right() + tolerance) / m_cell);
            const double y0 = std::floor((r.y - tolerance) / m_cell),
                         y1 = std::floor((r.bottom() + tolerance) / m_cell);
            // Huge, far-off or non-finite shapes (a backdrop panel, a hostile file) are few: each end checks
            // them all. Written as !(...) so that NaN lands here too.
            const bool gridded = std::fabs(x0) < max_grid && std::fabs(x1) < max_grid &&
                                 std::fabs(y0) < max_grid && std::fabs(y1) < max_grid &&
                                 (x1 - x0 + 1) * (y1 - y0 + 1) <= max_buckets_per_screen;
            if (!gridded) {
                m_everywhere.push_back(v);
                continue;
            }
            for (double gx = x0; gx <= x1; ++gx)
                for (double gy = y0; gy <= y1; ++gy) m_buckets.emplace_back(key(gx, gy), v);
        }
        std::sort(m_buckets.begin(), m_buckets.end());
    }

    // Nearest screen within tolerance, the smallest when nested; the lowest screen index breaks a tie, as the
    // full scan in screen order did.
    std::optional<ScreenId> near(diagram::Point p) const {
        std::optional<ScreenId> best;
        double best_distance = std::numeric_limits<double>::infinity(), best_area = 0;
        auto consider = [&](std::uint32_t v) {
            const diagram::Rect& r = m_graph.screen(ScreenId{v}).bounds;
            if (p.x < r.x - m_tolerance || p.x > r.right() + m_tolerance || p.y < r.y - m_tolerance ||
                p.y > r.bottom() + m_tolerance)
                return;
            const double d = distance(r, p), area = r.width * r.height;
            if (d > m_tolerance) return;
            if (!best || d < best_distance || (d == best_distance && area < best_area) ||
                (d == best_distance && area == best_area && v < best->index)) {
                best = ScreenId{v};
                best_distance = d;
                best_area = area;
            }
        };
        for (std::uint32_t v : m_everywhere) consider(v);
        if (std::isfinite(p.x) && std::isfinite(p.y) && std::fabs(p.x / m_cell) < max_grid &&
            std::fabs(p.y / m_cell) < max_grid) {
            const std::uint64_t k = key(std::floor(p.x / m_cell), std::floor(p.y / m_cell));
            auto it = std::lower_bound(m_buckets.begin(), m_buckets.end(), std::pair{k, std::uint32_t{0}});
            for (; it != m_buckets.end() && it->first == k; ++it) consider(it->second);
        }
        return best;
    }

  private:
    static constexpr double max_buckets_per_screen = 64;
    static constexpr double max_grid = 1e9;  // grid coordinates fit 32 bits

    static std::uint64_t key(double gx, double gy) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(static_cast<std::int32_t>(gx))) << 32) |
               static_cast<std::uint32_t>(static_cast<std::int32_t>(gy));
    }

    const NavGraph& m_graph;
    double m_tolerance;
    double m_cell = 0;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> m_buckets;  // (bucket, screen), sorted
    std::vector<std::uint32_t> m_everywhere;                         // screens checked for every end
};

std::string edge_name(const diagram::Cell& edge, const diagram::PageIndex& idx) {
    std::string label = plain_label(edge.label(), true);
    if (label.empty())
        for (const diagram::Cell* child : idx.children(edge.id))
            if (child->kind == diagram::CellKind::vertex && !child->label().empty()) {
                label = plain_label(child->label(), true);
                break;
            }
    return label.empty() ? "An arrow" : "The arrow '" + label + "'";
}

}  // namespace

std::vector<Finding> find_loose_edges(const diagram::Page& page, const NavGraph& g, const RuleSettings& s) {
    const page::PageReading reading(page);
    return find_loose_edges(reading, g, s);
}

std::vector<Finding> find_loose_edges(const page::PageReading& reading, const NavGraph& g,
                                      const RuleSettings& s) {
    std::vector<Finding> out;
    const diagram::PageIndex& idx = reading.index();
    const diagram::Page& page = idx.page();
    const double tolerance = std::max(0.0, s.threshold);
    std::optional<ScreenGrid> grid;  // built at the first unglued end: most pages have none
    auto screen_near = [&](diagram::Point p) {
        if (!grid) grid.emplace(g, tolerance);
        return grid->near(p);
    };
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const diagram::Cell& edge = page.cells[i];
        // Arrows a user drew: not annotations (suggested links are drawn loose on purpose), not hidden ones.
        const page::Role role = reading.role(i);
        if (edge.kind != diagram::CellKind::edge ||
            (role != page::Role::connector && role != page::Role::transition))
            continue;
        const bool source_glued = !edge.source.empty() && idx.find(edge.source);
        const bool target_glued = !edge.target.empty() && idx.find(edge.target);
        if (source_glued && target_glued) continue;
        const diagram::Point origin = idx.frame_origin(edge.id);
        auto end_point = [&](const std::optional<diagram::Point>& p) -> std::optional<diagram::Point> {
            if (!p) return std::nullopt;
            return diagram::Point{p->x + origin.x, p->y + origin.y};
        };
        const auto source_point =
            source_glued || !edge.geometry ? std::nullopt : end_point(edge.geometry->source_point);
        const auto target_point =
            target_glued || !edge.geometry ? std::nullopt : end_point(edge.geometry->target_point);
        auto resolve = [&](const std::string& id) -> std::optional<ScreenId> {
            for (const diagram::Cell* c = idx.find(id); c && c->kind == diagram::CellKind::vertex;
                 c = idx.parent_of(c->id))
                if (auto sid = g.find(c->id)) return sid;
            return std::nullopt;
        };
        const std::optional<ScreenId> source = source_glued   ? resolve(edge.source)
                                               : source_point ? screen_near(*source_point)
                                                              : std::nullopt;
        const std::optional<ScreenId> target = target_glued   ? resolve(edge.target)
                                               : target_point ? screen_near(*target_point)
                                                              : std::nullopt;
        // Both ends free and lying on the same shape: a line drawn as part of that shape (an underline, a
        // divider), not an attempt at a link.
        if (!source_glued && !target_glued && source && source == target) continue;
        const std::string what = edge_name(edge, idx);
        Finding f{"loose-edge", s.severity, {edge.id}, {}, std::nullopt, {}};
        if (source_point) f.markers.push_back(*source_point);
        if (target_point) f.markers.push_back(*target_point);
        auto name = [&](std::optional<ScreenId> id) {
            return id ? g.screen(*id).name() : std::string("nothing");
        };
        const bool near_source = !source_glued && source, near_target = !target_glued && target;
        if (near_source || near_target) {
            std::string looks;
            if (near_source) looks = "starts on " + name(source);
            if (near_target) looks += (looks.empty() ? "ends on " : " and ends on ") + name(target);
            f.message = what + " from " + name(source) + " to " + name(target) +
                        " looks connected but is not: it " + looks +
                        " without being attached, so the link does not count and will not follow the shape";
            if (near_source) f.cells.push_back(g.screen(*source).cell_id);
            if (near_target) f.cells.push_back(g.screen(*target).cell_id);
            if (source && target && source != target) {
                f.suggestion = suggest_link(g.screen(*source), g.screen(*target));
                f.message += "; attach both ends";
            }
        } else if (!source_glued && !target_glued) {
            f.message = what + " is not attached to any shape at either end";
        } else {
            f.message = what +
                        (source_glued ? " from " + name(source) + " points at nothing: its end"
                                      : " to " + name(target) + " starts from nothing: its start") +
                        " is not attached to any shape";
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
