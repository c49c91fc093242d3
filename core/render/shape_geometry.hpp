#pragma once
// The outline of each draw.io vertex shape in page pixels, from its bounds and style.
#include <string>
#include <vector>

#include "core/diagram/style.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::render {

// A shape's drawing: outline paths (the first one carries the fill), plus extra stroked details (process
// bars, cylinder rim, note fold) that take the same stroke.
struct ShapeOutline {
    std::vector<Path> fill_paths;    // filled and stroked
    std::vector<Path> detail_paths;  // stroked only
    bool known = true;               // false: the shape name is not drawn by us and this is its bounding box
    bool stroke_fills = true;        // false: the fill paths are filled only (a swimlane with swimlaneHead=0)
};

// The shape name a style asks for: shape=..., or a named style that is a shape ("ellipse", "rhombus", ...);
// "rect" when neither. A table with a title (startSize > 0) is a "swimlane".
std::string shape_name(const diagram::Style& style);
// Names this module draws (for tests and the unknown-shape warning).
bool is_known_shape(const std::string& name);

ShapeOutline shape_outline(const std::string& name, const Rect& bounds, const diagram::Style& style);

// Where a ray from the shape's centre towards `toward` leaves the shape (draw.io's perimeter functions for
// rectangles, ellipses, rhombi and triangles; other shapes use the rectangle). Also draw.io's perimeter
// styles: "center" (the centre), "orthogonal" (straight across from `toward`: UML activation bars) and
// "lifeline:SIZE" (a UML lifeline: on its line, level with `toward`, below its SIZE px header).
Point perimeter_point(const std::string& name, const Rect& bounds, Point toward);

}  // namespace jstudio::render
