#pragma once
// draw.io shapes that carry their own drawing: `shape=stencil(BASE64)`, the base64 of raw-deflated,
// percent-encoded mxGraph stencil XML (<shape w h aspect strokewidth><background/><foreground/></shape>).
// A Stencil is that XML read into plain drawing commands; draw_stencil turns it into display-list items in a
// cell's bounds. Core reads no XML: the importers install the reader (set_stencil_parser), and
// inline_stencil decodes a style's stencil once per distinct text.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::render {

// One element of the stencil, its numbers in the stencil's own space (0..width, 0..height), in the order
// of the element's attributes as listed per kind.
struct StencilOp {
    // The numbers in v per kind; str holds the colour ("none" for none), dash pattern, family or text.
    enum Kind {
        path,          // (none) begins an outline; the commands up to the next outline extend it
        move,          // x y
        line,          // x y
        quad,          // x1 y1 x2 y2
        curve,         // x1 y1 x2 y2 x3 y3
        arc,           // rx ry x-axis-rotation large-arc-flag sweep-flag x y (as SVG)
        close,         // (none)
        rect,          // x y w h: an outline of its own
        ellipse,       // x y w h: an outline of its own
        roundrect,     // x y w h arcsize (percent; 0 = draw.io's default 15): an outline of its own
        fill,          // (none) paints the current outline with the current state, then drops it
        stroke,        // (none) likewise
        fillstroke,    // (none) likewise
        save,          // (none) pushes the state (colours, widths, alpha, dash, font)
        restore,       // (none) pops it
        stroke_color,  // str
        fill_color,    // str
        font_color,    // str
        stroke_width,  // width, fixed (1: not scaled with the shape)
        dashed,        // on (1/0)
        dash_pattern,  // str: lengths separated by spaces, in stroke widths
        alpha,         // 0..1
        fill_alpha,    // 0..1
        stroke_alpha,  // 0..1
        font_size,     // size
        font_style,    // draw.io fontStyle bits
        font_family,   // str
        text,          // str; x y vertical(1/0) rotation align(0/1/2: left/center/right) valign(0/1/2)
    };
    Kind kind = path;
    std::array<double, 7> v{};
    std::string str;  // the colour, dash pattern, font family or text of those kinds
    bool operator==(const StencilOp&) const = default;
};

struct Stencil {
    std::string name;
    double width = 100, height = 100;    // w, h (default 100); not positive and finite: draws nothing
    bool fixed_aspect = false;           // aspect="fixed": scaled by the smaller factor and centred
    std::optional<double> stroke_width;  // nullopt = "inherit" (the cell's strokeWidth, not scaled)
    std::vector<StencilOp> background, foreground;  // drawn in this order with one state
    std::vector<std::string> not_drawn;             // elements read but not drawn (image, include-shape, ...)
    bool operator==(const Stencil&) const = default;
};

// What the cell's style gives the stencil's starting state.
struct StencilPaint {
    std::optional<Color> fill, stroke;
    std::optional<Gradient> gradient;  // for fills until the stencil sets its own fill colour
    double stroke_width = 1;           // the cell's strokeWidth
    bool dashed = false;
    std::vector<double> dash_pattern{3, 3};                    // in stroke widths, as the style's dashPattern
    double opacity = 1, fill_opacity = 1, stroke_opacity = 1;  // 0..1, multiplied
    std::string direction = "east";                            // north/south turn the shape a quarter
    bool flip_h = false, flip_v = false;
    Font font;
};

// The stencil drawn in bounds (page pixels), unrotated: Path and TextRun items in drawing order.
std::vector<Item> draw_stencil(const Stencil& stencil, const Rect& bounds, const StencilPaint& paint);

// The reader of stencil XML (the importers install theirs, see importers/drawio/stencil_reader.hpp).
using StencilParser = Result<Stencil> (*)(std::string_view xml);
void set_stencil_parser(StencilParser parser);
bool has_stencil_parser();

// Stencils by name, draw.io's `shape=mxgraph.<library>.<name>` from its stencil libraries: the importers
// install the lookup that reads the library files (importers/drawio/stencil_library.hpp). The lookup is
// given the shape name as written and answers nullptr for a name no library has.
using StencilLookup = std::shared_ptr<const Stencil> (*)(std::string_view shape_name);
void set_stencil_lookup(StencilLookup lookup);
// The stencil `shape_name` names; nullptr when no lookup is installed or no library has it.
std::shared_ptr<const Stencil> named_stencil(std::string_view shape_name);
// The library file a stencil name lives in, as draw.io's registry finds it (getBasenameForStencil):
// "mxgraph.cisco.routers.router" → "cisco/routers" (stencils/cisco/routers.xml), "mxgraph.aws4.lambda" →
// "aws4"; nullopt for names not of the form mxgraph.<library>.<name>.
std::optional<std::string> stencil_library_file(std::string_view shape_name);

// "stencil(BASE64)" → BASE64; nullopt when the shape value is not an inline stencil.
std::optional<std::string_view> inline_stencil_text(std::string_view shape_value);
// BASE64 → the stencil XML: base64, raw inflate (at most max_stencil_bytes), decodeURIComponent.
inline constexpr std::size_t max_stencil_bytes = 16u << 20;
Result<std::string> inline_stencil_xml(std::string_view base64);
// BASE64 → the stencil, decoded and read once per distinct text (failures too) and shared; thread-safe.
Result<std::shared_ptr<const Stencil>> inline_stencil(std::string_view base64);

}  // namespace jstudio::render
