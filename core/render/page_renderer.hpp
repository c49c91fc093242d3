#pragma once
// One draw.io page turned into a Scene: the display list every drawing backend draws, plus the shapes and
// edges as objects (bounds, shape name, colours, label runs, routed points) for backends that keep shapes
// editable, such as PPTX.
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/render/display_list.hpp"
#include "core/render/label_text.hpp"

namespace jstudio::render {

struct SceneShape {
    std::string cell_id;
    std::string shape;  // shape_name() of its style; "stencil" for shape=stencil(...)
    bool known = true;
    Rect bounds;  // page pixels
    double rotation = 0;
    std::optional<Color> fill, stroke;
    double stroke_width = 1;
    bool dashed = false, rounded = false;
    double opacity = 1;
    std::vector<Paragraph> label;
    HAlign align = HAlign::center;
    VAlign valign = VAlign::middle;
    LabelPlacement label_place;  // where the label is laid out (may lie outside bounds: labelPosition)
    bool vertical_label =
        false;          // horizontal=0: label_place is the upright box, turned -90° about its centre
    std::string image;  // shape=image: the image reference
    // shape=stencil(...) ("stencil"): the stencil's paths in page pixels, unrotated, for backends that draw
    // the shape as one free-form outline; empty for every other shape (shape_outline gives theirs).
    std::vector<Path> outline;
};

struct SceneEdge {
    std::string cell_id, source, target;  // source/target cell ids ("" = loose end)
    std::vector<Point> points;            // routed polyline, first and last on the terminals
    std::optional<Color> stroke;
    double stroke_width = 1;
    bool dashed = false, curved = false;
    std::string start_arrow, end_arrow;  // draw.io names, "none" when absent
    std::vector<Paragraph> label;
    Point label_at;  // centre of the edge's own label
};

struct Scene {
    DisplayList drawing;
    std::vector<SceneShape> shapes;  // drawing order
    std::vector<SceneEdge> edges;
    std::optional<Color> background;  // the page's background colour, if set
    Diagnostics warnings;             // unknown shapes, unreadable geometry
};

struct RenderOptions {
    bool hidden_layers = false;  // draw cells on hidden layers and hidden cells too
};

// The page's background image (mxGraphModel's backgroundImage JSON): its source and where it lies in page
// coordinates (x and y are 0 when the file leaves them out, as draw.io's mxImage).
struct BackgroundImage {
    std::string src;
    Rect box;
};
std::optional<BackgroundImage> background_image(const diagram::Page& page);

Scene render_page(const diagram::Page& page, const RenderOptions& options = {});

}  // namespace jstudio::render
