// libFuzzer target for `journey check`: draw.io bytes read, every page checked, the report written in text,
// JSON and Markdown, the findings annotated onto the pages. Beyond "no crash": the JSON report is valid JSON,
// the annotated document writes and reads back, and checking it gives exactly the original findings (the
// README's promise for --annotate).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/analysis/navigation/annotate_findings.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/report/check_report.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace {

using namespace jstudio;
namespace nav = analysis::navigation;

bool same_findings(const std::vector<nav::Finding>& a, const std::vector<nav::Finding>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].rule != b[i].rule || a[i].cells != b[i].cells || a[i].message != b[i].message) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    importers::ReadOptions options;
    options.max_inflated_bytes = 4 << 20;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto read = importers::read_drawio(bytes, "fuzz", options);
    if (!read) return 0;
    auto doc = read->document;
    const auto config = nav::CheckConfig::defaults();
    exporters::CheckReportInput report{"fuzz.drawio", &doc, {}, nav::Severity::warning};
    for (std::size_t i = 0; i < doc.pages.size() && i < 4; ++i) {
        auto r = nav::run_checks(doc.pages[i], config);
        r.page_index = i;
        report.pages.push_back(std::move(r));
    }
    (void)exporters::write_check_report(report, exporters::ReportFormat::text);
    (void)exporters::write_check_report(report, exporters::ReportFormat::markdown);
    const auto json = exporters::write_check_report(report, exporters::ReportFormat::json);
    if (!nlohmann::json::accept(json)) std::abort();

    auto annotated = doc;
    for (const auto& r : report.pages) nav::annotate_page(annotated.pages[r.page_index], r.findings);
    auto xml = exporters::write_drawio(annotated);
    if (!xml) return 0;
    auto again = importers::read_drawio(xml.value(), "fuzz-annotated", options);
    if (!again) std::abort();  // the annotated copy must read
    for (const auto& r : report.pages) {
        const auto second = nav::run_checks(again->document.pages[r.page_index], config);
        if (!same_findings(second.findings, r.findings)) std::abort();
    }
    return 0;
}
