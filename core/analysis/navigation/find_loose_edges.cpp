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

// For each unglued end point, the nearest screen within tolerance: the smallest when nested, the lowest
// screen index on a tie. The ends are few and the screens many (a site map of 100,000 screens with a few
// hundred loose ends), so the ends are bucketed on a grid and each screen visits the buckets it covers: one
// pass over the screens, memory for the ends only.
class NearestScreens {
  public:
    NearestScreens(const NavGraph& g, const std::vector<diagram::Point>& ends, double tolerance)
        : m_graph(g), m_ends(ends), m_tolerance(tolerance), m_best(ends.size()) {
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
        for (std::uint32_t e = 0; e < ends.size(); ++e) {
            const diagram::Point p = ends[e];
            // An end off the grid (not finite, or far out) is only ever near a screen that is off it too.
            if (std::isfinite(p.x) && std::isfinite(p.y) && std::fabs(p.x / m_cell) < max_grid &&
                std::fabs(p.y / m_cell) < max_grid)
                m_buckets.emplace_back(key(std::floor(p.x / m_cell), std::floor(p.y / m_cell)), e);
        }
        std::sort(m_buckets.begin(), m_buckets.end());
        for (std::uint32_t v = 0; v < g.screen_count(); ++v) visit(v);
    }

    std::optional<ScreenId> at(std::size_t end) const {
        if (!m_best[end].found) return std::nullopt;
        return m_best[end].screen;
    }

  private:
    static constexpr double max_buckets_per_screen = 64;
    static constexpr double max_grid = 1e9;  // grid coordinates fit 32 bits

    struct Best {
        bool found = false;
        ScreenId screen;
        double distance = 0, area = 0;
    };

    static std::uint64_t key(double gx, double gy) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(static_cast<std::int32_t>(gx))) << 32) |
               static_cast<std::uint32_t>(static_cast<std::int32_t>(gy));
    }

    void visit(std::uint32_t v) {
        const diagram::Rect& r = m_graph.screen(ScreenId{v}).bounds;
        if (r.width <= 0 && r.height <= 0) return;  // never matched
        const double x0 = std::floor((r.x - m_tolerance) / m_cell),
                     x1 = std::floor((r.right() + m_tolerance) / m_cell);
        const double y0 = std::floor((r.y - m_tolerance) / m_cell),
                     y1 = std::floor((r.bottom() + m_tolerance) / m_cell);
        // Huge, far-off or non-finite shapes (a backdrop panel, a hostile file) are few: they look at every
        // end. Written as !(...) so that NaN lands here too.
        const bool gridded = std::fabs(x0) < max_grid && std::fabs(x1) < max_grid &&
                             std::fabs(y0) < max_grid && std::fabs(y1) < max_grid &&
                             (x1 - x0 + 1) * (y1 - y0 + 1) <= max_buckets_per_screen;
        if (!gridded) {
            for (std::size_t e = 0; e < m_ends.size(); ++e) consider(v, r, e);
            return;
        }
        for (double gx = x0; gx <= x1; ++gx)
            for (double gy = y0; gy <= y1; ++gy) {
                const std::uint64_t k = key(gx, gy);
                auto it =
                    std::lower_bound(m_buckets.begin(), m_buckets.end(), std::pair{k, std::uint32_t{0}});
                for (; it != m_buckets.end() && it->first == k; ++it) consider(v, r, it->second);
            }
    }

    void consider(std::uint32_t v, const diagram::Rect& r, std::size_t e) {
        const diagram::Point p = m_ends[e];
        if (p.x < r.x - m_tolerance || p.x > r.right() + m_tolerance || p.y < r.y - m_tolerance ||
            p.y > r.bottom() + m_tolerance)
            return;
        const double d = distance(r, p), area = r.width * r.height;
        if (d > m_tolerance) return;
        Best& best = m_best[e];
        if (!best.found || d < best.distance || (d == best.distance && area < best.area) ||
            (d == best.distance && area == best.area && v < best.screen.index))
            best = Best{true, ScreenId{v}, d, area};
    }

    const NavGraph& m_graph;
    const std::vector<diagram::Point>& m_ends;
    double m_tolerance;
    double m_cell = 0;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> m_buckets;  // (bucket, end), sorted
    std::vector<Best> m_best;                                        // per end
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
    // First every arrow with an unglued end and where its free ends lie; then the screens near those points,
    // all in one pass; then the findings, in page order.
    struct Loose {
        std::size_t cell;
        bool source_glued, target_glued;
        std::optional<diagram::Point> source_point, target_point;
        std::size_t source_end = 0, target_end = 0;  // into ends, when the point is set
    };
    std::vector<Loose> loose;
    std::vector<diagram::Point> ends;
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
        Loose l{i, source_glued, target_glued, std::nullopt, std::nullopt};
        l.source_point =
            source_glued || !edge.geometry ? std::nullopt : end_point(edge.geometry->source_point);
        l.target_point =
            target_glued || !edge.geometry ? std::nullopt : end_point(edge.geometry->target_point);
        if (l.source_point) {
            l.source_end = ends.size();
            ends.push_back(*l.source_point);
        }
        if (l.target_point) {
            l.target_end = ends.size();
            ends.push_back(*l.target_point);
        }
        loose.push_back(l);
    }
    if (loose.empty()) return out;
    const NearestScreens near(g, ends, tolerance);
    for (const Loose& l : loose) {
        const diagram::Cell& edge = page.cells[l.cell];
        const bool source_glued = l.source_glued, target_glued = l.target_glued;
        const auto& source_point = l.source_point;
        const auto& target_point = l.target_point;
        auto resolve = [&](const std::string& id) -> std::optional<ScreenId> {
            for (const diagram::Cell* c = idx.find(id); c && c->kind == diagram::CellKind::vertex;
                 c = idx.parent_of(c->id))
                if (auto sid = g.find(c->id)) return sid;
            return std::nullopt;
        };
        const std::optional<ScreenId> source = source_glued   ? resolve(edge.source)
                                               : source_point ? near.at(l.source_end)
                                                              : std::nullopt;
        const std::optional<ScreenId> target = target_glued   ? resolve(edge.target)
                                               : target_point ? near.at(l.target_end)
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
