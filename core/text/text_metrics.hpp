#pragma once
// Text measurement with real font metrics: Liberation Sans advance widths, which match Helvetica and Arial
// (draw.io's default font), so a label that fits here fits in draw.io. No rendering library needed.
#include <string>
#include <string_view>
#include <vector>

namespace jstudio::text {

// Whose advance widths a proportional font is measured with (see font_family.hpp for the font drawn).
enum class Face {
    liberation_sans,      // Helvetica, Arial and every font not named below
    dejavu_sans,          // Verdana, Tahoma, Comic Sans MS
    dejavu_serif,         // Georgia
    liberation_serif,     // Times New Roman, serif, and Humor Sans (Chromium's default font stands in for it)
    architects_daughter,  // draw.io's sketch font
};

struct FontSpec {
    double size = 12;        // px, as draw.io's fontSize
    bool bold = false;       // italic has the same advances in Liberation Sans
    bool monospace = false;  // Courier New, Consolas, monospace...: every character 0.6 em (Liberation Mono)
    Face face = Face::liberation_sans;
};

// Whether a draw.io fontFamily is a monospace font (the first family of a CSS list decides).
// The first family of a CSS font list, lower case, without quotes and surrounding spaces.
std::string first_family(std::string_view family);
bool is_monospace_family(std::string_view family);
// Whether a draw.io fontFamily is drawn with DejaVu Sans: Verdana, Tahoma and Comic Sans MS, which draw.io's
// reference pictures alias to it (and which are much wider than Arial: Liberation Sans advances would wrap
// a Verdana label a word or two later than draw.io does), and DejaVu Sans itself.
bool is_dejavu_family(std::string_view family);
// The face a draw.io fontFamily is measured with: Georgia is DejaVu Serif in draw.io's reference pictures too
// (its serif fallback would otherwise be Liberation Serif, much narrower: 40 px titles stayed on one line
// where draw.io wraps them), and Architects Daughter is installed with draw.io's data (install-deps.sh).
Face face_of_family(std::string_view family);
// The FontSpec for a draw.io font: size, bold, fontFamily.
FontSpec font_spec(double size, bool bold, std::string_view family);

// draw.io's mxConstants.LINE_HEIGHT: lines are 1.2 font sizes apart.
inline constexpr double line_height_factor = 1.2;

// Width in px of one line of UTF-8 text. Characters outside the table count as the average lower-case width.
double text_width(std::string_view utf8, const FontSpec& font);
// Greedy word wrap into lines no wider than max_width (explicit '\n' breaks kept); a word wider than the line
// is broken between characters.
std::vector<std::string> wrap_text(std::string_view utf8, double max_width, const FontSpec& font);

struct TextBlock {
    double width = 0, height = 0;
    std::vector<std::string> lines;
};
// The block a wrapped label occupies: widest line, lines × line height.
TextBlock measure_block(std::string_view utf8, double max_width, const FontSpec& font);

}  // namespace jstudio::text
