#pragma once
// SVG images (style image=data:image/svg+xml,... or draw.io's img/lib/*.svg) drawn with librsvg: into a
// cairo context as vectors (PNG and PDF export), or as pixels for backends that take bitmaps (the studio's
// canvas; a PNG fallback for slides).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::exporters {

// Drawing into a cairo context (PNG/PDF export): exporters/raster/svg_image_cairo.hpp.

// The SVG's own size in px (width/height, else its viewBox); {0, 0} when it has none or cannot be read.
render::Point svg_image_size(std::string_view svg);

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4, straight (not premultiplied) alpha, rows top down
};
// The SVG drawn at width x height pixels (stretched to them); at most 16384 px a side.
Result<RgbaImage> rasterise_svg(std::string_view svg, int width, int height);
// The same as a PNG file's bytes; stretch = false keeps the SVG's aspect (centred in the pixels, the rest
// transparent), as draw.io draws an image (imageAspect=1): the PNG fallback of an SVG picture on a slide.
Result<std::string> svg_to_png(std::string_view svg, int width, int height, bool stretch = true);

}  // namespace jstudio::exporters
