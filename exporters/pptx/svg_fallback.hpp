#pragma once
// The PNG PowerPoint shows in place of an SVG picture where it cannot draw SVG (and what older readers and
// LibreOffice 7.4 show): the SVG rasterised with librsvg. For now inside exporters/pptx; once the shared SVG
// rasteriser of exporters/raster lands, this should call it instead.
#include <string>

#include "core/base/result.hpp"

namespace jstudio::exporters {

// PNG bytes of the SVG drawn into width x height pixels (aspect kept, centred); an error when librsvg cannot
// read it.
Result<std::string> svg_to_png(const std::string& svg, int width, int height);

}  // namespace jstudio::exporters
