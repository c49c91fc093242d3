#pragma once
// A native, editable line or column chart for a slide: the chart part (DrawingML chart XML with cached
// values) and its embedded workbook (a minimal .xlsx holding the same numbers), so PowerPoint's "Edit Data"
// opens them.
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace jstudio::exporters {

struct ChartSeries {
    std::string name;
    std::vector<std::optional<double>> values;  // one per category; nullopt = gap
    std::string color;                          // RRGGBB
};

enum class ChartKind { line, columns };  // columns: clustered, one colour per series

struct LineChartData {
    ChartKind kind = ChartKind::line;
    std::string title, value_axis_title;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    std::optional<double> min, max, major_unit;
    std::string number_format = "General";
};

// The chart part; workbook_rid = the chart part's relationship id of the embedded workbook.
std::string line_chart_xml(const LineChartData& chart, const std::string& workbook_rid = "rId1");
// The workbook: Sheet1 with the categories in A2.., the series names in B1.., their values below.
Result<std::string> chart_workbook(const LineChartData& chart);

}  // namespace jstudio::exporters
