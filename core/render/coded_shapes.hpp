#pragma once
// draw.io's shapes that are defined in its JavaScript (not in stencil XML): BPMN events and gateways, UML
// lifelines and frames, folder, component, cube, rack cabinets, block arrows, Bootstrap and mock-up widgets.
// Each is drawn into a small recording canvas with draw.io's geometry (its path calls, the same sizes and
// defaults), giving paths in page pixels with their own paint, plus any text the shape draws itself.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagram/style.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::render {

// What the cell's style asks the shape to paint with (before the shape changes it for its parts).
struct CodedPaint {
    std::optional<Color> fill, stroke;
    double stroke_width = 1;
    bool dashed = false;
};

struct CodedPath {
    Path path;                // in page pixels, turned to the shape's direction; not turned by `rotation`
    bool dashed = false;      // stroked with the style's dash pattern
    bool shape_fill = false;  // filled with the style's fill colour (its gradient applies)
};

// Text the shape draws itself (rack unit numbers, a button's caption): centred at `at` unless left-aligned.
struct CodedText {
    std::string text;
    Point at;
    double size = 12;
    Color color;
    bool bold = false;
    bool left = false;  // at is the left end, vertically centred
};

// A library stencil the shape draws inside itself (a Kubernetes icon's frame and symbol, an AWS group's
// icon), filled with `fill`, after the paths.
struct CodedStencil {
    std::string name;  // mxgraph.<library>.<name>
    Rect box;
    std::optional<Color> fill;
};

struct CodedDrawing {
    std::vector<CodedPath> paths;
    std::vector<CodedText> texts;
    std::vector<CodedStencil> stencils;
    std::optional<Rect> label_box;  // where the shape puts its label when not the whole bounds
};

// True for the names coded_shape draws.
bool is_coded_shape(std::string_view name);

// The drawing of a code-defined shape in `bounds` (page pixels); nullopt when `name` is not one of them.
std::optional<CodedDrawing> coded_shape(const std::string& name, const Rect& bounds,
                                        const diagram::Style& style, const CodedPaint& paint);

}  // namespace jstudio::render
