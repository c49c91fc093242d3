#pragma once
// Native, editable slide content laid out in points (1 pt = 12,700 EMU): shapes with text, text boxes,
// connectors glued to a shape's connection site, free-form lines, tables (a:tbl) and chart frames. The
// journey deck (journey_deck.cpp) builds its slides with it; write_pptx puts the result in the package.
#include <string>
#include <vector>

namespace jstudio::exporters::slide {

inline constexpr long long emu_per_pt = 12700;

struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // points
    double right() const { return x + w; }
    double bottom() const { return y + h; }
    double cx() const { return x + w / 2; }
    double cy() const { return y + h / 2; }
};

struct Run {
    std::string text;
    double size = 14;  // points
    bool bold = false, italic = false;
    std::string color = "000000";
};

struct Para {
    std::vector<Run> runs;
    char align = 'l';  // l, c (centre), r
    bool bullet = false;
};

// One paragraph of one run.
Para para(std::string text, double size, bool bold = false, std::string color = "000000", char align = 'l');

struct Look {
    std::string fill;  // RRGGBB; "" = no fill
    std::string line;  // RRGGBB; "" = no line
    double line_width = 0.75;
    std::string dash;           // "" solid, else ST_PresetLineDashVal ("dash", "sysDot", ...)
    std::string prst = "rect";  // preset geometry
    char anchor = 't';          // t, c (middle), b
    double inset = 5;           // text inset, points
    bool text_box = false;      // p:cNvSpPr txBox="1"
};

struct TableCell {
    std::vector<Para> paras;
    std::string fill;  // "" = none
};

class SlideBuilder {
  public:
    // A shape (preset geometry, fill, line, optional text); returns its shape id. The name says what it is
    // in PowerPoint's selection pane; descr goes to the alt text.
    long long shape(const Box& box, const Look& look, const std::vector<Para>& text, const std::string& name,
                    const std::string& descr = "");
    long long text(const Box& box, const std::vector<Para>& text, const std::string& name, char anchor = 't');
    // A straight arrow from a point to the connection site `site` of shape `id` (end glued) or from that
    // site to a point (start glued). Sites of rect/roundRect: 0 top, 1 left, 2 bottom, 3 right.
    long long arrow_to_shape(double x, double y, long long id, int site, const Box& target,
                             const std::string& color, double width, const std::string& name);
    long long arrow_from_shape(long long id, int site, const Box& source, double x, double y,
                               const std::string& color, double width, const std::string& name);
    // A free-form open polyline (an editable line shape) through points given in slide points.
    long long polyline(const std::vector<std::pair<double, double>>& points, const std::string& color,
                       double width, const std::string& name);
    // A native table: column widths (points), rows of cells; the first row is the header.
    long long table(const Box& box, const std::vector<double>& columns,
                    const std::vector<std::vector<TableCell>>& rows, const std::vector<double>& row_heights,
                    const std::string& name);
    // A chart frame showing the chart part the slide relates to by relationship id rid.
    long long chart(const Box& box, const std::string& rid, const std::string& name);

    const std::string& xml() const { return m_xml; }  // the shapes, to go after p:grpSpPr in p:spTree

  private:
    long long m_next = 2;
    std::string m_xml;
};

// The text body (p:txBody or a:txBody by tag) of paragraphs.
std::string text_body(const std::vector<Para>& text, char anchor, double inset, const char* tag = "p:txBody");

}  // namespace jstudio::exporters::slide
