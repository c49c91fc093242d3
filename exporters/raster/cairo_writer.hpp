#pragma once
// PNG and PDF of rendered pages through cairo (shapes) and pango (text).
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/render/page_renderer.hpp"

namespace jstudio::exporters {

struct RasterOptions {
    double scale = 1;   // drawing units (draw.io px) → output px or pt
    double dpi = 0;     // PNG only: > 0 overrides scale with dpi / 96
    double margin = 1;  // px around the drawing, before scaling
    std::optional<render::Color>
        background;            // nullopt: the page's background, else transparent (PNG) / white
    bool transparent = false;  // ignore the page background
    bool crop = true;  // crop to the drawing; false: from the page origin (0,0) to the drawing's far corner
    std::string base_dir;                 // where relative image paths are looked up (the diagram's folder)
    std::vector<std::string> image_dirs;  // folders local image files may be read from; empty = none
};

// The PNG file bytes of one page.
Result<std::string> write_png(const render::Scene& scene, const RasterOptions& options = {});
// The PDF file bytes, one PDF page per scene, each sized to its drawing.
Result<std::string> write_pdf(const std::vector<render::Scene>& scenes, const RasterOptions& options = {});

}  // namespace jstudio::exporters
