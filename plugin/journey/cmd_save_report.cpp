// Journey > Save Report...: what the Journey Results panel shows (check findings, a comparison, a conformance
// summary) saved as the report `journey check / diff / validate` prints: Markdown (.md), JSON (.json) or text
// (any other name), through the same writers (exporters/report).
#include "core/base/file_io.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/results_panel.hpp"

namespace jstudio::journey_plugin {

void add_save_report(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Save Report...",
                            "Save the Journey Results as a Markdown, JSON or text report", ""};
    host.add_command(entry, [&host]() {
        const ResultTable& shown = shown_results();
        if (!shown.report) {
            host.report_error(
                "Save Report: no report to save; run Check Navigation Links, Compare With... or Validate "
                "with "
                "CRM Data... first");
            return;
        }
        const std::string path = host.ask_path(
            "Save Report", "Markdown (*.md)|*.md|JSON (*.json)|*.json|Text (*.txt)|*.txt", true);
        if (path.empty()) return;
        const std::string text = shown.report(exporters::report_format_for_path(path));
        if (auto status = write_file_atomic(path, text); !status)
            host.report_error("Save Report: " + status.error().to_string());
    });
}

}  // namespace jstudio::journey_plugin
