#include "exporters/pptx/chart_part.hpp"

#include <sstream>

#include "core/text/xml_escape.hpp"
#include "exporters/pptx/zip_writer.hpp"

namespace jstudio::exporters {

namespace {

constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string esc(std::string_view t) {
    return text::xml_escape(t, text::ooxml);
}

// 0 → "A", 25 → "Z", 26 → "AA".
std::string column(std::size_t i) {
    std::string out;
    ++i;
    while (i) {
        out.insert(out.begin(), char('A' + (i - 1) % 26));
        i = (i - 1) / 26;
    }
    return out;
}

std::string number(double v) {
    std::ostringstream o;
    o.precision(15);
    o << v;
    return o.str();
}

std::string rich(const std::string& text, int size, bool bold) {
    std::ostringstream o;
    o << "<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"" << size << "\""
      << (bold ? " b=\"1\"" : "") << "/></a:pPr><a:r><a:rPr lang=\"en-US\" sz=\"" << size << "\""
      << (bold ? " b=\"1\"" : "") << "/><a:t>" << esc(text) << "</a:t></a:r></a:p></c:rich></c:tx>";
    return o.str();
}

std::string text_props(int size) {
    return "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"" + std::to_string(size) +
           "\"/></a:pPr><a:endParaRPr lang=\"en-US\"/></a:p></c:txPr>";
}

}  // namespace

std::string line_chart_xml(const LineChartData& chart, const std::string& workbook_rid) {
    const std::size_t n = chart.categories.size();
    const std::string last_row = std::to_string(n + 1);
    const bool columns = chart.kind == ChartKind::columns;
    std::ostringstream o;
    o << xml_head
      << "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      << "<c:date1904 val=\"0\"/><c:lang val=\"en-US\"/><c:roundedCorners val=\"0\"/><c:chart>";
    if (!chart.title.empty())
        o << "<c:title>" << rich(chart.title, 1800, true) << "<c:overlay val=\"0\"/></c:title>";
    o << "<c:autoTitleDeleted val=\"" << (chart.title.empty() ? 1 : 0) << "\"/><c:plotArea><c:layout/>"
      << (columns ? "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>"
                  : "<c:lineChart><c:grouping val=\"standard\"/>")
      << "<c:varyColors val=\"0\"/>";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const ChartSeries& ser = chart.series[s];
        const std::string col = column(s + 1);
        o << "<c:ser><c:idx val=\"" << s << "\"/><c:order val=\"" << s << "\"/><c:tx><c:strRef><c:f>Sheet1!$"
          << col << "$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>" << esc(ser.name)
          << "</c:v></c:pt></c:strCache></c:strRef></c:tx>";
        if (!ser.color.empty() && columns)
            o << "<c:spPr><a:solidFill><a:srgbClr val=\"" << ser.color << "\"/></a:solidFill></c:spPr>"
              << "<c:invertIfNegative val=\"0\"/>";
        else if (!ser.color.empty())
            o << "<c:spPr><a:ln w=\"38100\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"" << ser.color
              << "\"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size "
                 "val=\"9\"/>"
              << "<c:spPr><a:solidFill><a:srgbClr val=\"" << ser.color
              << "\"/></a:solidFill></c:spPr></c:marker>";
        o << "<c:dLbls><c:numFmt formatCode=\"" << esc(chart.number_format) << "\" sourceLinked=\"0\"/>"
          << "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" << text_props(columns ? 1000 : 1200)
          << "<c:dLblPos val=\"" << (columns ? "outEnd" : "t")
          << "\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName "
             "val=\"0\"/>"
             "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>";
        o << "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$" << last_row << "</c:f><c:strCache><c:ptCount val=\"" << n
          << "\"/>";
        for (std::size_t i = 0; i < n; ++i)
            o << "<c:pt idx=\"" << i << "\"><c:v>" << esc(chart.categories[i]) << "</c:v></c:pt>";
        o << "</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$" << col << "$2:$" << col << "$"
          << last_row << "</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"" << n
          << "\"/>";
        for (std::size_t i = 0; i < n && i < ser.values.size(); ++i)
            if (ser.values[i])
                o << "<c:pt idx=\"" << i << "\"><c:v>" << number(*ser.values[i]) << "</c:v></c:pt>";
        o << "</c:numCache></c:numRef></c:val>" << (columns ? "" : "<c:smooth val=\"0\"/>") << "</c:ser>";
    }
    if (columns)
        o << "<c:gapWidth val=\"80\"/><c:axId val=\"500000001\"/><c:axId val=\"500000002\"/></c:barChart>";
    else
        o << "<c:marker val=\"1\"/><c:axId val=\"500000001\"/><c:axId val=\"500000002\"/></c:lineChart>";
    o << "<c:catAx><c:axId val=\"500000001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
         "<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
         "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
      << text_props(1400)
      << "<c:crossAx val=\"500000002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn "
         "val=\"ctr\"/>"
         "<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
      << "<c:valAx><c:axId val=\"500000002\"/><c:scaling><c:orientation val=\"minMax\"/>";
    if (chart.max) o << "<c:max val=\"" << number(*chart.max) << "\"/>";
    if (chart.min) o << "<c:min val=\"" << number(*chart.min) << "\"/>";
    o << "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\">"
         "<a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>";
    if (!chart.value_axis_title.empty())
        o << "<c:title>" << rich(chart.value_axis_title, 1200, false) << "<c:overlay val=\"0\"/></c:title>";
    o << "<c:numFmt formatCode=\"" << esc(chart.number_format)
      << "\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
         "<c:tickLblPos val=\"nextTo\"/>"
      << text_props(1200) << "<c:crossAx val=\"500000001\"/><c:crosses val=\"autoZero\"/>"
      << "<c:crossBetween val=\"between\"/>";
    if (chart.major_unit) o << "<c:majorUnit val=\"" << number(*chart.major_unit) << "\"/>";
    o << "</c:valAx></c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>" << text_props(1400)
      << "</c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>" << text_props(1200)
      << "<c:externalData r:id=\"" << workbook_rid
      << "\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>";
    return o.str();
}

Result<std::string> chart_workbook(const LineChartData& chart) {
    const char* ns_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const char* ns_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const std::string ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    ZipWriter zip;
    zip.add("[Content_Types].xml",
            std::string(xml_head) +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" "
                "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" +
                ct + "sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" +
                ct + "worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"" + ct +
                "styles+xml\"/></Types>");
    zip.add("_rels/.rels",
            std::string(xml_head) +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"" +
                ns_rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    zip.add("xl/workbook.xml",
            std::string(xml_head) + "<workbook xmlns=\"" + ns_main + "\" xmlns:r=\"" + ns_rel +
                "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    zip.add("xl/_rels/workbook.xml.rels",
            std::string(xml_head) +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"" +
                ns_rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
                ns_rel + "/styles\" Target=\"styles.xml\"/></Relationships>");
    zip.add("xl/styles.xml",
            std::string(xml_head) + "<styleSheet xmlns=\"" + ns_main +
                "\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill "
                "patternType=\"gray125\"/></fill></fills><borders "
                "count=\"1\"><border><left/><right/><top/><bottom/>"
                "<diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" "
                "fillId=\"0\" "
                "borderId=\"0\"/></cellStyleXfs><cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" "
                "fillId=\"0\" "
                "borderId=\"0\" xfId=\"0\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" "
                "xfId=\"0\" "
                "builtinId=\"0\"/></cellStyles></styleSheet>");
    std::ostringstream s;
    s << xml_head << "<worksheet xmlns=\"" << ns_main << "\"><sheetData>";
    auto str = [&](const std::string& ref, const std::string& v) {
        s << "<c r=\"" << ref << "\" t=\"inlineStr\"><is><t>" << esc(v) << "</t></is></c>";
    };
    s << "<row r=\"1\">";
    str("A1", "Category");
    for (std::size_t k = 0; k < chart.series.size(); ++k) str(column(k + 1) + "1", chart.series[k].name);
    s << "</row>";
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        const std::string r = std::to_string(i + 2);
        s << "<row r=\"" << r << "\">";
        str("A" + r, chart.categories[i]);
        for (std::size_t k = 0; k < chart.series.size(); ++k)
            if (i < chart.series[k].values.size() && chart.series[k].values[i])
                s << "<c r=\"" << column(k + 1) << r << "\"><v>" << number(*chart.series[k].values[i])
                  << "</v></c>";
        s << "</row>";
    }
    s << "</sheetData></worksheet>";
    zip.add("xl/worksheets/sheet1.xml", s.str());
    return zip.finish("chart workbook");
}

}  // namespace jstudio::exporters
