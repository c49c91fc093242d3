#pragma once
// Editable PowerPoint decks: one 16:9 slide per page, the diagram fitted with margins, shapes as native
// preset geometries with fill, line and text runs, edges as connectors glued to the shapes' connection sites.
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/render/page_renderer.hpp"

namespace jstudio::exporters {

// A chart on a slide: the chart part and its embedded workbook; the slide's graphic frame names it by rid.
struct PptxChart {
    std::string rid;        // the slide's relationship id of the chart part
    std::string chart_xml;  // the chart part; its workbook relationship is rId1
    std::string workbook;   // the .xlsx bytes
};

// A slide is either a rendered page (scene) or native content built elsewhere (shapes, e.g. the journey
// deck's slides from exporters/pptx/slide_builder.hpp).
struct PptxSlide {
    PptxSlide() = default;
    PptxSlide(const render::Scene* scene_, const diagram::Page* page_, std::string title_)
        : scene(scene_), page(page_), title(std::move(title_)) {}
    const render::Scene* scene = nullptr;
    const diagram::Page* page = nullptr;  // for speaker notes (page name and metadata); may be null
    std::string title;
    std::string shapes;             // without a scene: the p:spTree content after p:grpSpPr
    std::string notes;              // speaker notes; "" = the title and the page's metadata
    std::vector<PptxChart> charts;  // charts the shapes show
};

struct PptxOptions {
    long long slide_width = 12192000, slide_height = 6858000;  // EMU; 16:9 widescreen
    long long margin = 457200;                                 // EMU (0.5 in) on every side
    double max_zoom = 2;                  // small diagrams grow at most this much (1 = draw.io px at 96 dpi)
    std::string base_dir;                 // where relative image paths are looked up (the diagram's folder)
    std::vector<std::string> image_dirs;  // folders local image files may be read from; empty = none
};

// The .pptx file bytes.
Result<std::string> write_pptx(const std::vector<PptxSlide>& slides, const PptxOptions& options = {});

// Preset geometry (ST_ShapeType) used for a draw.io shape name; "" = drawn as a free-form (custGeom).
std::string preset_for(const std::string& shape, bool rounded);

}  // namespace jstudio::exporters
