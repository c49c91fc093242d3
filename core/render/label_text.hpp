#pragma once
// Labels as styled runs: draw.io's HTML labels (b, i, u, br, div, p, span/font with colour and size, lists)
// and plain labels turned into paragraphs of runs, then wrapped with real font metrics and placed in a box.
#include <memory>
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

struct LabelTable;

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
    // An HTML <table> in the label: the paragraph is the table (no runs), laid out as the browser lays it
    // out.
    std::shared_ptr<const LabelTable> table;
    bool operator==(const Paragraph&) const = default;
};

// One side of a table's or cell's border (CSS border, the border attribute). rank orders the styles the way
// collapsed borders resolve a conflict between equally wide ones (solid beats inset, ...).
struct TableBorder {
    double width = 0;
    Color color;
    int rank = 0;
    bool operator==(const TableBorder&) const = default;
};

// A width or height as written: px, or percent of the container (the table's, or the label's box).
struct TableLength {
    double value = 0;
    bool percent = false;
    bool operator==(const TableLength&) const = default;
};

struct LabelTableCell {
    std::vector<Paragraph> content;
    std::optional<Color> background;
    std::optional<TableBorder> border;  // its own (style), on every side
    std::optional<TableLength> width, height;
    std::optional<double> padding;  // style padding; none: the table's cellpadding
    VAlign valign = VAlign::middle;
    int colspan = 1;
    bool operator==(const LabelTableCell&) const = default;
};

struct LabelTableRow {
    std::vector<LabelTableCell> cells;
    std::optional<Color> background;
    std::optional<TableBorder> border;
    std::optional<TableLength> height;
    bool operator==(const LabelTableRow&) const = default;
};

struct LabelTable {
    std::vector<LabelTableRow> rows;
    std::optional<TableLength> width, height;
    double padding = 1, spacing = 2;                 // cellpadding, cellspacing (the browser's defaults)
    bool collapse = false;                           // border-collapse: collapse
    std::optional<TableBorder> border, cell_border;  // the table's own; every cell's (border attribute)
    std::optional<Color> background;
    double margin_left = 0;
    std::optional<HAlign>
        align;  // the align attribute or auto side margins: where the table sits in its block
    bool operator==(const LabelTable&) const = default;
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
    // html=1 with overflow=fill: draw.io makes the text block exactly the box (no spacing), so a table of
    // width and height 100 % fills the shape.
    bool fill = false;
};

struct PlacedLabel {
    std::vector<TextRun> runs;
    std::vector<Path> paths;  // drawn under the runs: HTML tables' backgrounds and borders
    Rect bounds;              // of the placed text
};

PlacedLabel place_label(const std::vector<Paragraph>& paragraphs, const LabelPlacement& placement);

}  // namespace jstudio::render
