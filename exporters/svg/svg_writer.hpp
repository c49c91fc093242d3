#pragma once
// SVG from a rendered page, and editable .drawio.svg files: the picture plus the whole diagram in the
// root's content attribute (plain mxfile XML, as draw.io writes since v23), so draw.io reopens it.
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/render/page_renderer.hpp"

namespace jstudio::exporters {

struct SvgOptions {
    double scale = 1;
    double margin = 1;                        // px around the drawing, before scaling
    std::optional<render::Color> background;  // nullopt: the page's own background, else transparent
    bool transparent = false;                 // ignore the page background
    std::string base_dir;                     // where relative image paths are looked up; files are embedded
    std::vector<std::string> image_dirs;      // folders local image files may be read from; empty = none
};

// content: the mxfile XML to embed ("" = a plain SVG).
std::string write_svg(const render::Scene& scene, const SvgOptions& options = {},
                      const std::string& content = {});

// The given page drawn, with the whole document embedded (draw.io shows that page first when reopening... it
// shows page 1; we embed the document unchanged).
Result<std::string> write_drawio_svg(const diagram::Document& document, std::size_t page_index,
                                     const SvgOptions& options = {});

// "data:image/png,AAAA" (draw.io's style form, no ";base64") → a URI browsers and librsvg accept.
std::string normalise_image_uri(const std::string& href);

}  // namespace jstudio::exporters
