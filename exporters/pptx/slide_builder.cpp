#include "exporters/pptx/slide_builder.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/text/xml_escape.hpp"

namespace jstudio::exporters::slide {

namespace {

std::string esc(std::string_view t) {
    return text::xml_escape(t, text::ooxml);
}

long long emu(double pt) {
    return std::llround(pt * emu_per_pt);
}

std::string xfrm(const Box& b, const std::string& extra = "") {
    std::ostringstream o;
    o << "<a:xfrm" << extra << "><a:off x=\"" << emu(b.x) << "\" y=\"" << emu(b.y) << "\"/><a:ext cx=\""
      << std::max(0LL, emu(b.w)) << "\" cy=\"" << std::max(0LL, emu(b.h)) << "\"/></a:xfrm>";
    return o.str();
}

std::string solid(const std::string& rgb) {
    return "<a:solidFill><a:srgbClr val=\"" + rgb + "\"/></a:solidFill>";
}

std::string line(const std::string& color, double width, const std::string& dash,
                 const std::string& tail = "") {
    if (color.empty()) return "<a:ln><a:noFill/></a:ln>";
    std::string o = "<a:ln w=\"" + std::to_string(emu(width)) + "\">" + solid(color);
    if (!dash.empty()) o += "<a:prstDash val=\"" + dash + "\"/>";
    if (!tail.empty()) o += "<a:tailEnd type=\"" + tail + "\" w=\"med\" len=\"med\"/>";
    return o + "</a:ln>";
}

std::pair<double, double> site_point(const Box& b, int site) {
    switch (site) {
        case 0:
            return {b.cx(), b.y};
        case 1:
            return {b.x, b.cy()};
        case 2:
            return {b.cx(), b.bottom()};
        default:
            return {b.right(), b.cy()};
    }
}

}  // namespace

Para para(std::string text, double size, bool bold, std::string color, char align) {
    Para p;
    p.align = align;
    p.runs.push_back({std::move(text), size, bold, false, std::move(color)});
    return p;
}

std::string text_body(const std::vector<Para>& text, char anchor, double inset, const char* tag) {
    std::ostringstream o;
    const char* a = anchor == 'c' ? "ctr" : anchor == 'b' ? "b" : "t";
    long long in = emu(inset);
    o << "<" << tag << "><a:bodyPr wrap=\"square\" lIns=\"" << in << "\" tIns=\"" << in << "\" rIns=\"" << in
      << "\" bIns=\"" << in << "\" anchor=\"" << a
      << "\" rtlCol=\"0\"><a:noAutofit/></a:bodyPr><a:lstStyle/>";
    if (text.empty()) o << "<a:p><a:endParaRPr lang=\"en-US\" sz=\"1200\"/></a:p>";
    for (const Para& p : text) {
        const char* algn = p.align == 'c' ? "ctr" : p.align == 'r' ? "r" : "l";
        o << "<a:p><a:pPr algn=\"" << algn << "\"";
        if (p.bullet)
            o << " marL=\"228600\" indent=\"-228600\"><a:buFont typeface=\"Arial\"/><a:buChar "
                 "char=\"&#8226;\"/>"
                 "</a:pPr>";
        else
            o << "><a:buNone/></a:pPr>";
        double last = 12;
        for (const Run& r : p.runs) {
            last = r.size;
            o << "<a:r><a:rPr lang=\"en-US\" sz=\"" << std::llround(r.size * 100) << "\""
              << (r.bold ? " b=\"1\"" : "") << (r.italic ? " i=\"1\"" : "") << " dirty=\"0\">"
              << solid(r.color) << "<a:latin typeface=\"Helvetica\"/></a:rPr><a:t>" << esc(r.text)
              << "</a:t></a:r>";
        }
        o << "<a:endParaRPr lang=\"en-US\" sz=\"" << std::llround(last * 100) << "\"/></a:p>";
    }
    o << "</" << tag << ">";
    return o.str();
}

long long SlideBuilder::shape(const Box& box, const Look& look, const std::vector<Para>& text,
                              const std::string& name, const std::string& descr) {
    long long id = m_next++;
    std::ostringstream o;
    o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << id << "\" name=\"" << esc(name) << " " << id << "\"";
    if (!descr.empty()) o << " descr=\"" << esc(descr) << "\"";
    o << "/><p:cNvSpPr" << (look.text_box ? " txBox=\"1\"" : "") << "/><p:nvPr/></p:nvSpPr><p:spPr>"
      << xfrm(box) << "<a:prstGeom prst=\"" << look.prst << "\"><a:avLst/></a:prstGeom>"
      << (look.fill.empty() ? "<a:noFill/>" : solid(look.fill)) << line(look.line, look.line_width, look.dash)
      << "</p:spPr>" << text_body(text, look.anchor, look.inset) << "</p:sp>";
    m_xml += o.str();
    return id;
}

long long SlideBuilder::text(const Box& box, const std::vector<Para>& paras, const std::string& name,
                             char anchor) {
    Look look;
    look.anchor = anchor;
    look.inset = 0;
    look.text_box = true;
    return shape(box, look, paras, name);
}

namespace {

std::string straight(long long id, const std::string& name, double sx, double sy, double ex, double ey,
                     const std::string& glue, const std::string& color, double width) {
    Box b{std::min(sx, ex), std::min(sy, ey), std::abs(ex - sx), std::abs(ey - sy)};
    std::string flips = std::string(ex < sx ? " flipH=\"1\"" : "") + (ey < sy ? " flipV=\"1\"" : "");
    std::ostringstream o;
    o << "<p:cxnSp><p:nvCxnSpPr><p:cNvPr id=\"" << id << "\" name=\"" << esc(name) << " " << id
      << "\"/><p:cNvCxnSpPr>" << glue << "</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>" << xfrm(b, flips)
      << "<a:prstGeom prst=\"straightConnector1\"><a:avLst/></a:prstGeom>"
      << line(color, width, "", "triangle") << "</p:spPr></p:cxnSp>";
    return o.str();
}

}  // namespace

long long SlideBuilder::arrow_to_shape(double x, double y, long long target_id, int site, const Box& target,
                                       const std::string& color, double width, const std::string& name) {
    long long id = m_next++;
    auto [ex, ey] = site_point(target, site);
    m_xml +=
        straight(id, name, x, y, ex, ey,
                 "<a:endCxn id=\"" + std::to_string(target_id) + "\" idx=\"" + std::to_string(site) + "\"/>",
                 color, width);
    return id;
}

long long SlideBuilder::arrow_from_shape(long long source_id, int site, const Box& source, double x, double y,
                                         const std::string& color, double width, const std::string& name) {
    long long id = m_next++;
    auto [sx, sy] = site_point(source, site);
    m_xml +=
        straight(id, name, sx, sy, x, y,
                 "<a:stCxn id=\"" + std::to_string(source_id) + "\" idx=\"" + std::to_string(site) + "\"/>",
                 color, width);
    return id;
}

long long SlideBuilder::polyline(const std::vector<std::pair<double, double>>& points,
                                 const std::string& color, double width, const std::string& name) {
    if (points.size() < 2) return 0;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (auto [x, y] : points)
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    Box b{x0, y0, std::max(x1 - x0, 0.01), std::max(y1 - y0, 0.01)};
    long long id = m_next++;
    std::ostringstream o;
    o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << id << "\" name=\"" << esc(name) << " " << id
      << "\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>" << xfrm(b)
      << "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/>"
      << "<a:pathLst><a:path w=\"" << emu(b.w) << "\" h=\"" << emu(b.h) << "\" fill=\"none\">";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const char* tag = i ? "a:lnTo" : "a:moveTo";
        o << "<" << tag << "><a:pt x=\"" << emu(points[i].first - x0) << "\" y=\""
          << emu(points[i].second - y0) << "\"/></" << tag << ">";
    }
    o << "</a:path></a:pathLst></a:custGeom><a:noFill/>" << line(color, width, "") << "</p:spPr></p:sp>";
    m_xml += o.str();
    return id;
}

long long SlideBuilder::table(const Box& box, const std::vector<double>& columns,
                              const std::vector<std::vector<TableCell>>& rows,
                              const std::vector<double>& row_heights, const std::string& name) {
    long long id = m_next++;
    std::ostringstream o;
    o << "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"" << id << "\" name=\"" << esc(name) << " " << id
      << "\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/>"
      << "</p:nvGraphicFramePr><p:xfrm><a:off x=\"" << emu(box.x) << "\" y=\"" << emu(box.y)
      << "\"/><a:ext cx=\"" << emu(box.w) << "\" cy=\"" << emu(box.h)
      << "\"/></p:xfrm><a:graphic><a:graphicData "
      << "uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\" "
         "bandRow=\"1\"/><a:tblGrid>";
    for (double w : columns) o << "<a:gridCol w=\"" << emu(w) << "\"/>";
    o << "</a:tblGrid>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        o << "<a:tr h=\"" << emu(r < row_heights.size() ? row_heights[r] : 20) << "\">";
        for (const TableCell& c : rows[r]) {
            o << "<a:tc>" << text_body(c.paras, 't', 0, "a:txBody") << "<a:tcPr marL=\"" << emu(5)
              << "\" marR=\"" << emu(5) << "\" marT=\"" << emu(3) << "\" marB=\"" << emu(3) << "\">";
            for (const char* side : {"a:lnL", "a:lnR", "a:lnT", "a:lnB"})
                o << "<" << side << " w=\"" << emu(0.75) << "\">" << solid("BFBFBF") << "</" << side << ">";
            o << (c.fill.empty() ? "<a:noFill/>" : solid(c.fill)) << "</a:tcPr></a:tc>";
        }
        o << "</a:tr>";
    }
    o << "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>";
    m_xml += o.str();
    return id;
}

long long SlideBuilder::chart(const Box& box, const std::string& rid, const std::string& name) {
    long long id = m_next++;
    std::ostringstream o;
    o << "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"" << id << "\" name=\"" << esc(name) << " " << id
      << "\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"" << emu(box.x)
      << "\" y=\"" << emu(box.y) << "\"/><a:ext cx=\"" << emu(box.w) << "\" cy=\"" << emu(box.h)
      << "\"/></p:xfrm><a:graphic><a:graphicData "
         "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
      << "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"" << rid
      << "\"/></a:graphicData></a:graphic></p:graphicFrame>";
    m_xml += o.str();
    return id;
}

}  // namespace jstudio::exporters::slide
