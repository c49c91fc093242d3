// libFuzzer target for `journey discover`: a CSV event log read, discovered, drawn as a draw.io flowchart
// (observed_map, laid out) and reported. Beyond "no crash": the drawing writes as a .drawio that reads back
// to the same model (whatever bytes the activity names hold), and the JSON report is valid JSON.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/observed_map.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/report/discover_report.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "importers/eventlog/log_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jstudio;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    importers::LogReadOptions options;
    options.max_record_bytes = 1 << 16;
    auto read = importers::read_csv_log(text, "fuzz.csv", options);
    if (!read) return 0;
    const auto& log = read->log;
    if (log.activities().size() > 200) return 0;  // keep the layout of one run small
    const auto found = eventlog::discover(log);

    exporters::DiscoverReportInput report;
    report.file = "fuzz.csv";
    report.log_format = "csv";
    report.log = &log;
    report.found = &found;
    (void)exporters::write_discover_report(report, exporters::ReportFormat::text);
    (void)exporters::write_discover_report(report, exporters::ReportFormat::markdown);
    if (!nlohmann::json::accept(exporters::write_discover_report(report, exporters::ReportFormat::json)))
        std::abort();

    const auto doc = eventlog::observed_map(log, found);
    auto xml = exporters::write_drawio(doc);
    if (!xml) std::abort();  // the drawing of a log that read must write
    auto again = importers::read_drawio(xml.value(), "fuzz-discovered.drawio");
    if (!again) std::abort();  // ... and read back
    if (!(again->document.pages == doc.pages)) std::abort();
    return 0;
}
