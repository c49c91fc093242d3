#pragma once
// Labels as styled runs: draw.io's HTML labels (b, i, u, br, div, p, span/font with colour and size, lists)
// and plain labels turned into paragraphs of runs, then wrapped with real font metrics and placed in a box.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/render/display_list.hpp"

namespace jstudio::render {

enum class HAlign { left, center, right };
enum class VAlign { top, middle, bottom };

struct StyledRun {
    std::string text;
    Font font;
    bool operator==(const StyledRun&) const = default;
};

// A line of the label as written; wrapping may split it into several drawn lines.
struct Paragraph {
    std::vector<StyledRun> runs;
    // text-align of the HTML block (div, p, ...) the line is in; none: the label's align. As in the
    // browser, such lines are aligned within the label's text block (as wide as its widest line), and the
    // block is placed by the label's align.
    std::optional<HAlign> align;
    // Blank space above the line and, for the label's last line, below it (px): the margins of the HTML
    // blocks it starts and ends (p, headings, lists), adjoining ones collapsed as the browser does.
    double space_before = 0, space_after = 0;
    bool operator==(const Paragraph&) const = default;
};

// html = the cell's html=1 flag. Markup in a non-HTML label is text. Entities are decoded either way for
// HTML.
std::vector<Paragraph> parse_label(std::string_view value, bool html, const Font& base);
// The label's text without markup, paragraphs joined by '\n'.
std::string plain_text(const std::vector<Paragraph>& paragraphs);
// Keeps the first max_bytes bytes of text (cut at a UTF-8 character boundary, later paragraphs dropped);
// true when something was cut. Text backends (pango) allocate many times a label's size at once, so a
// hostile 100 MB label must be bounded before any backend sees it.
bool truncate_label(std::vector<Paragraph>& paragraphs, std::size_t max_bytes);
// The longest prefix of `text` of at most max_bytes that does not split a UTF-8 character.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

struct LabelPlacement {
    Rect box;  // the area the text is aligned in (already reduced by spacing)
    HAlign align = HAlign::center;
    VAlign valign = VAlign::middle;
    bool wrap = false;  // whiteSpace=wrap: wrap at box.width
    // html=1: draw.io lays the label out in a foreignObject div 2 px wider than the box (mxSvgCanvas2D's
    // foreignObjectPadding), rounded to whole pixels, so a line wraps only when wider than round(width + 2).
    bool html = false;
    // html=1 with overflow=hidden: draw.io caps the text block at the box's height (max-height) before it
    // aligns it, so text taller than the box starts at the box's top whatever the vertical align, and the
    // lines that fall below the box are cut off.
    bool clip = false;
};

struct PlacedLabel {
    std::vector<TextRun> runs;
    Rect bounds;  // of the placed text
};

PlacedLabel place_label(const std::vector<Paragraph>& paragraphs, const LabelPlacement& placement);

}  // namespace jstudio::render
