// Loose edge: an arrow end not glued to any shape. When the end point lies on or within threshold px of a
// screen, the arrow looks connected but is not (draw.io will not move it with the shape, and the link does
// not count); otherwise it points at nothing. An arrow with neither end glued is reported once, unless both
// its ends lie on the same shape (then it is part of that shape's drawing).
#include <algorithm>
#include <cmath>
#include <limits>

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

// The screen an unglued end point sits on: nearest within tolerance, the smallest when nested.
std::optional<ScreenId> screen_near(const NavGraph& g, diagram::Point p, double tolerance) {
    std::optional<ScreenId> best;
    double best_distance = std::numeric_limits<double>::infinity(), best_area = 0;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const diagram::Rect& r = g.screen(ScreenId{v}).bounds;
        if (r.width <= 0 && r.height <= 0) continue;
        // Cheap rejection first: this runs over every screen for each loose end.
        if (p.x < r.x - tolerance || p.x > r.right() + tolerance || p.y < r.y - tolerance ||
            p.y > r.bottom() + tolerance)
            continue;
        const double d = distance(r, p), area = r.width * r.height;
        if (d > tolerance) continue;
        if (!best || d < best_distance || (d == best_distance && area < best_area)) {
            best = ScreenId{v};
            best_distance = d;
            best_area = area;
        }
    }
    return best;
}

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
                                               : source_point ? screen_near(g, *source_point, tolerance)
                                                              : std::nullopt;
        const std::optional<ScreenId> target = target_glued   ? resolve(edge.target)
                                               : target_point ? screen_near(g, *target_point, tolerance)
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
                f.suggestion = SuggestedLink{g.screen(*source).cell_id, g.screen(*target).cell_id};
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
