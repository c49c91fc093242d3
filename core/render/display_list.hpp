#pragma once
// Backend-neutral drawing of one page: paths, text runs and images in page pixels, drawn in list order.
// Every exporter (SVG, cairo PNG/PDF) draws this list, so all of them show the same picture.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diagram/geometry.hpp"

namespace jstudio::render {

using diagram::Point;
using diagram::Rect;

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
    std::string hex() const;  // "#rrggbb"
};
// "#abc", "#aabbcc", "rgb(r,g,b)", a few CSS names; nullopt for "none", "" and anything unknown.
std::optional<Color> parse_color(std::string_view text);
// The opacity a colour value carries: rgba()'s fourth value, #rrggbbaa's last byte; 1 for anything else.
double color_alpha(std::string_view text);

struct Gradient {
    Color from, to;
    std::string direction = "south";          // draw.io gradientDirection: south, north, east, west, radial
    double from_opacity = 1, to_opacity = 1;  // times the path's fill opacity (draw.io's glass fades out)
};

// Marks a path as part of a drop shadow (draw.io's shadow=1, a CSS drop-shadow filter on the shape). A run of
// consecutive paths with equal marks is one layer: drawn at the paths' own opacities, blurred, then laid down
// at `opacity`, so where a shape's paths overlap its shadow darkens once, as the browser shades the
// silhouette.
struct ShadowLayer {
    double blur = 0;  // Gaussian standard deviation in px (CSS drop-shadow's blur radius is twice it)
    double opacity = 1;
    bool operator==(const ShadowLayer&) const = default;
};

struct PathOp {
    enum Kind { move, line, cubic, close } kind = move;
    Point p[3];  // move/line: p[0]; cubic: control 1, control 2, end
};

struct Path {
    std::vector<PathOp> ops;
    std::optional<Color> fill;  // nullopt = no fill
    std::optional<Gradient> gradient;
    std::optional<Color> stroke;  // nullopt = no stroke
    double stroke_width = 1;
    std::vector<double> dash;  // on/off lengths in px; empty = solid
    double fill_opacity = 1, stroke_opacity = 1;
    bool round_joins = false;
    std::optional<ShadowLayer> shadow;

    Path& move_to(Point p);
    Path& line_to(Point p);
    Path& cubic_to(Point c1, Point c2, Point end);
    Path& close();
    Rect bounds() const;  // of all points, control points included
};
// An SVG elliptical arc from `from` to `to` appended as cubic Béziers (SVG 1.1 F.6.5 centre parameterisation,
// a quarter turn at most per curve; a line when the radii leave no ellipse).
void append_arc(Path& path, Point from, double rx, double ry, double rotation_deg, bool large, bool sweep,
                Point to);

struct Font {
    std::string family = "Helvetica";
    double size = 12;  // px
    bool bold = false, italic = false, underline = false;
    Color color;
    bool operator==(const Font&) const = default;
};

// One run of text with a single font, placed with its baseline start at (x, y).
struct TextRun {
    std::string text;
    Font font;
    double x = 0, y = 0, width = 0;
    double opacity = 1;
    double rotation = 0;  // degrees clockwise about pivot (-90: reads bottom to top, draw.io's horizontal=0)
    Point pivot;
};

struct Image {
    Rect box;
    std::string href;    // data URI or file/URL as written in the style
    double opacity = 1;  // the cell's opacity (0..1)
};

using Item = std::variant<Path, TextRun, Image>;

struct DisplayList {
    Rect bounds;  // everything drawn, stroke and text included
    std::vector<Item> items;
};

// Builders for path outlines used by shapes and markers.
Path rect_path(const Rect& r);
Path ellipse_path(const Rect& r);
Path rounded_rect_path(const Rect& r, double radius);
Path polygon_path(const std::vector<Point>& points, bool closed = true);

}  // namespace jstudio::render
