// Journey > Check Navigation Links: the navigation rules `journey check` runs (core/analysis/navigation) on
// the active page, listed in the Journey Results panel; activating a finding selects and centres its cells.
// Journey > Mark Check Findings: the same findings drawn on their own layers (`journey check --annotate`), as
// one undo step.
// Journey > Check Settings...: the check config file `journey check --config` reads (rules on or off, their
// severity and thresholds, entries, exits, fail-on), used by both commands until another is loaded.
#include <memory>

#include "core/analysis/navigation/annotate_findings.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "exporters/report/check_report.hpp"
#include "importers/config/check_config_file.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"
#include "plugin/journey/results_panel.hpp"

namespace jstudio::journey_plugin {

namespace nav = analysis::navigation;

namespace {

// The loaded config file ("" = the built-in rules), for the rest of the session.
struct LoadedCheckSettings {
    std::string path;
    importers::CheckSettings settings;
};
LoadedCheckSettings g_loaded;

nav::Severity fail_on() {
    return g_loaded.settings.fail_on.value_or(nav::Severity::error);
}

// `file` heads the saved report, as the file name heads `journey check`'s.
ResultTable findings_table(const std::string& file, const ActivePage& target, const nav::PageReport& report) {
    const auto totals = exporters::count_findings({report}, fail_on());
    ResultTable table;
    table.title = "Check of '" + target.page().display_name(target.index) +
                  "': " + std::to_string(report.screens) + " screens, " + std::to_string(report.links) +
                  " links; " + std::to_string(totals.errors) + " error(s), " +
                  std::to_string(totals.warnings) + " warning(s), " + std::to_string(totals.infos) + " info" +
                  (g_loaded.path.empty() ? "" : " (settings: " + file_name(g_loaded.path) + ")");
    table.headings = {"Severity", "Rule", "Finding"};
    for (const auto& f : report.findings)
        table.rows.push_back({{nav::to_string(f.severity), f.rule, f.message}, f.cells});
    // The report reads page names and labels: a copy, so later edits do not change what was found.
    auto input = std::make_shared<exporters::CheckReportInput>();
    auto document = std::make_shared<const diagram::Document>(*target.document);
    input->file = file.empty() ? "untitled" : file;
    input->pages = {report};
    input->fail_on = fail_on();
    table.report = [input, document](exporters::ReportFormat format) {
        exporters::CheckReportInput in = *input;
        in.document = document.get();
        return exporters::write_check_report(in, format);
    };
    return table;
}

nav::PageReport run_configured_checks(const ActivePage& target) {
    nav::PageReport report = nav::run_checks(target.page(), g_loaded.settings.config);
    report.page_index = target.index;
    return report;
}

}  // namespace

void add_check_commands(plugin::HostServices& host) {
    plugin::MenuEntry check{"Journey", "Check Navigation Links",
                            "Find dead ends, unreachable screens, traps and loose arrows on this page",
                            "Ctrl+Shift+K"};
    host.add_command(check, [&host]() {
        const auto target = active_page(host, "Check Navigation Links");
        if (!target) return;
        nav::PageReport report;
        const bool finished =
            host.run_with_progress("Check Navigation Links", [&](plugin::Progress& progress) {
                if (!progress.update(0.05,
                                     "Checking " + std::to_string(target->page().cells.size()) + " cells"))
                    return;
                report = run_configured_checks(*target);
                progress.update(1, "Done");
            });
        if (finished) show_results(findings_table(host.active_path(), *target, report));
    });

    plugin::MenuEntry mark{"Journey", "Mark Check Findings",
                           "Draw the check findings and suggested links on their own layers of this page",
                           ""};
    host.add_command(mark, [&host]() {
        const auto target = active_page(host, "Mark Check Findings");
        if (!target) return;
        const auto report = run_configured_checks(*target);
        show_results(findings_table(host.active_path(), *target, report));
        diagram::Page edited = target->page();
        if (nav::annotate_page(edited, report.findings) == 0) {
            host.report_error("Mark Check Findings: nothing to mark, the page has no findings");
            return;
        }
        submit_page_edit(host, *target, "Mark check findings", edited);
    });

    plugin::MenuEntry settings{"Journey", "Check Settings...",
                               "Load a check config file (as journey check --config): rules, severities, "
                               "thresholds, entries, exits",
                               ""};
    host.add_command(settings, [&host]() {
        std::vector<plugin::HostServices::Field> fields{{"config", g_loaded.path}};
        if (!host.ask("Check Settings: config file (JSON; empty = the built-in rules)", fields)) return;
        const std::string path = fields[0].value;
        if (path.empty()) {
            g_loaded = {};
            return;
        }
        auto read = importers::read_check_config(path);
        if (!read) {
            host.report_error("Check Settings: " + read.error().to_string());
            return;  // the settings in use stay
        }
        g_loaded = {path, std::move(*read)};
    });
}

}  // namespace jstudio::journey_plugin
