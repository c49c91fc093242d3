#pragma once
// draw.io's sketch style (sketch=1): shapes drawn by hand, as its rough.js canvas draws them. Every line is
// stroked twice along slightly bowed, jittered curves (its corners stay put), and a fill other than the
// shape's background becomes hachure: parallel strokes of the fill colour across the outline. The jitter is
// random in draw.io too; what matters for the picture is the same stroke weight, hachure angle, gap and
// weight, so ours is a fixed pseudo-random sequence seeded by the cell's id.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/diagram/style.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::render {

struct SketchStyle {
    double roughness = 1;             // jiggle
    double bowing = 1;                // how far a line's middle bends, per 200 px of length
    double max_offset = 2;            // px a control point moves at most (times roughness)
    double hachure_angle = -41;       // degrees
    double hachure_gap = -1;          // px between hachure lines; < 0: 4 × the stroke width
    double fill_weight = -1;          // px width of a hachure line; < 0: half the stroke width
    std::string fill_style = "auto";  // auto, solid, hachure, cross-hatch, zigzag, dots, dashed, zigzag-line
    bool multi_stroke = true;         // each outline line drawn twice
    bool multi_stroke_fill = true;    // each hachure line drawn twice
    std::uint32_t seed = 1;
};

// The sketch options a style sets (jiggle, bowing, hachureAngle, hachureGap, fillWeight, fillStyle,
// disableMultiStroke, disableMultiStrokeFill), seeded from the cell's id.
SketchStyle sketch_style(const diagram::Style& style, std::string_view cell_id);

// The paths draw.io's sketch canvas draws for `path`: its fill (solid when fillStyle says so, or when the
// fill is white or a gradient under fillStyle=auto; else hachure in the fill colour), then its outline as
// doubled jittered strokes. `seed_offset` varies the jitter between the paths of one shape.
std::vector<Path> sketch_path(const Path& path, const SketchStyle& style, std::uint32_t seed_offset = 0);

// The straight hachure lines (start, end pairs) across the closed outline of `path`, `gap` px apart at
// `angle_deg`, before any jitter (the even-odd inside of all its subpaths).
std::vector<std::pair<Point, Point>> hachure_lines(const Path& path, double angle_deg, double gap);

}  // namespace jstudio::render
