#pragma once
// mxGeometry as data. Coordinates are in the parent's frame (see drawio-format.md §1.6).
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/attributes.hpp"

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

struct Geometry {
    Rect bounds;                    // x, y, width, height (missing = 0)
    bool relative = false;          // edges, edge labels (x in -1..1 along the edge), ports (fractions)
    std::vector<Point> waypoints;   // <Array as="points">, in the edge parent's frame
    bool has_points_array = false;  // an <Array as="points"> was present, even if empty
    std::optional<Point> source_point, target_point;  // used only where that end is not glued
    std::optional<Point> offset;           // label offset (vertices) / absolute shift (edge labels)
    std::optional<Rect> alternate_bounds;  // the other size of a collapsible cell
    Attributes extra;                      // attributes of <mxGeometry> we do not model
    std::vector<RawXml> extra_children;    // children with an unknown 'as', kept verbatim
    std::vector<std::string> child_order;  // 'as' of the modelled children in file order, so writing keeps it
    std::string as = "geometry";

    bool operator==(const Geometry&) const = default;
};

}  // namespace jstudio::diagram
