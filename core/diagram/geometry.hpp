#pragma once
// mxGeometry as data. Coordinates are in the parent's frame (see drawio-format.md §1.6).
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagram/attributes.hpp"
#include "core/diagram/boxed.hpp"
#include "core/diagram/sparse_list.hpp"

namespace jstudio::diagram {

struct Point {
    double x = 0, y = 0;
    bool operator==(const Point&) const = default;
};

struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool contains(Point p) const { return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom(); }
    bool operator==(const Rect&) const = default;
};

// An XML element we do not model, kept as serialised text and written back in place.
struct RawXml {
    std::string xml;
    bool operator==(const RawXml&) const = default;
};

// Members most cells leave empty are Boxed (one pointer wide): a page may hold a million geometries.
struct Geometry {
    Rect bounds;                    // x, y, width, height (missing = 0)
    bool relative = false;          // edges, edge labels (x in -1..1 along the edge), ports (fractions)
    bool has_points_array = false;  // an <Array as="points"> was present, even if empty
    std::vector<Point> waypoints;   // <Array as="points">, in the edge parent's frame
    Boxed<Point> source_point, target_point;  // used only where that end is not glued
    Boxed<Point> offset;                      // label offset (vertices) / absolute shift (edge labels)
    Boxed<Rect> alternate_bounds;             // the other size of a collapsible cell
    Attributes extra;                         // attributes of <mxGeometry> we do not model
    SparseList<RawXml> extra_children;        // children with an unknown 'as', kept verbatim
    // 'as' of the modelled children in file order, so writing keeps it; empty when that is the writer's own
    // order (writer_child_order), so a geometry read back equals one built in memory.
    SparseList<std::string> child_order;
    Boxed<std::string> as;  // the 'as' attribute when it is not "geometry"

    bool operator==(const Geometry&) const = default;
};

// The order the draw.io writer puts a geometry's modelled children in when child_order is empty.
inline constexpr std::array<std::string_view, 5> writer_child_order = {"sourcePoint", "targetPoint", "points",
                                                                       "offset", "alternateBounds"};
// Empties child_order when it lists children in the writer's order (unknown names never are).
inline void drop_writer_child_order(Geometry& g) {
    auto rank = [](const std::string& as) {
        return std::find(writer_child_order.begin(), writer_child_order.end(), as) -
               writer_child_order.begin();
    };
    if (std::is_sorted(g.child_order.begin(), g.child_order.end(),
                       [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); }) &&
        std::none_of(g.child_order.begin(), g.child_order.end(),
                     [&](const std::string& as) { return rank(as) == std::ssize(writer_child_order); }))
        g.child_order.clear();
}

}  // namespace jstudio::diagram
