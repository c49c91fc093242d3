#pragma once
// draw.io's blurred drop shadows (shadow=1) for the cairo outputs: the PNG and PDF exporters and the studio's
// canvas draw a shadow's paths into an offscreen alpha mask, blur it, and lay it down in the shadow's colour.
#include <cairo.h>

#include <vector>

#include "core/render/display_list.hpp"

namespace jstudio::exporters {

// Blurs an 8-bit alpha image in place by a Gaussian of standard deviation `sigma` px (separable: rows, then
// columns; what lies outside the image counts as transparent). sigma <= 0 leaves it as it is.
void gaussian_blur_a8(unsigned char* data, int width, int height, int stride, double sigma);

// Draws one shadow layer (consecutive paths carrying the same render::ShadowLayer) on `cr` through its
// current transformation: the paths at their own opacities as one silhouette, blurred by the layer's
// standard deviation, then painted in the paths' colour at the layer's opacity.
void draw_shadow_layer(cairo_t* cr, const std::vector<const render::Path*>& paths);

}  // namespace jstudio::exporters
