#pragma once
// draw.io's default stylesheet (its theme styles/default.xml): the named styles a style string may start
// with ("text;", "swimlane;", "label;", "edgeLabel;", "ellipse;", "image;" ...) and the default edge style.
// A cell's style is drawn as draw.io resolves it: the defaults, then each named style's keys, then the
// cell's own key=value pairs, later ones winning.
#include <string_view>

#include "core/diagram/style.hpp"

namespace jstudio::render {

// The style with draw.io's stylesheet applied: a Style whose get() answers what draw.io's resolved style
// answers (named styles expanded before the cell's own keys; the named tokens are kept, so has_name still
// works). Unknown named styles add nothing.
diagram::Style resolved_style(const diagram::Style& style, bool edge);

// The key=value text of one named style of the stylesheet ("" when there is no such style), its `extend`
// chain included.
std::string_view named_style(std::string_view name);

}  // namespace jstudio::render
