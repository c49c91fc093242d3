#pragma once
// SVG images drawn into a cairo context with librsvg, as vectors (PNG and PDF export).
#include <cairo.h>

#include <string_view>

#include "core/render/display_list.hpp"

namespace jstudio::exporters {

// Draws the SVG document into box (page units of cr), its aspect kept (centred) unless stretch. False when
// librsvg cannot read it (nothing drawn).
bool draw_svg_image(cairo_t* cr, std::string_view svg, const render::Rect& box, bool stretch = false);

}  // namespace jstudio::exporters
