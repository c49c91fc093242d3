// Journey > Check Navigation Links: the navigation rules `journey check` runs (core/analysis/navigation) on
// the active page, listed in the Journey Results panel; activating a finding selects and centres its cells.
// Journey > Mark Check Findings: the same findings drawn on their own layers (`journey check --annotate`), as
// one undo step.
#include "core/analysis/navigation/annotate_findings.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"
#include "plugin/journey/results_panel.hpp"

namespace jstudio::journey_plugin {

namespace nav = analysis::navigation;

namespace {

ResultTable findings_table(const diagram::Page& page, std::size_t page_index, const nav::PageReport& report) {
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& f : report.findings) ++counts[static_cast<int>(f.severity)];
    ResultTable table;
    table.title = "Check of '" + page.display_name(page_index) + "': " + std::to_string(report.screens) +
                  " screens, " + std::to_string(report.links) + " links; " + std::to_string(counts[2]) +
                  " error(s), " + std::to_string(counts[1]) + " warning(s), " + std::to_string(counts[0]) +
                  " info";
    table.headings = {"Severity", "Rule", "Finding"};
    for (const auto& f : report.findings)
        table.rows.push_back({{nav::to_string(f.severity), f.rule, f.message}, f.cells});
    return table;
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
                report = nav::run_checks(target->page(), nav::CheckConfig::defaults());
                progress.update(1, "Done");
            });
        if (finished) show_results(findings_table(target->page(), target->index, report));
    });

    plugin::MenuEntry mark{"Journey", "Mark Check Findings",
                           "Draw the check findings and suggested links on their own layers of this page",
                           ""};
    host.add_command(mark, [&host]() {
        const auto target = active_page(host, "Mark Check Findings");
        if (!target) return;
        const auto report = nav::run_checks(target->page(), nav::CheckConfig::defaults());
        show_results(findings_table(target->page(), target->index, report));
        diagram::Page edited = target->page();
        if (nav::annotate_page(edited, report.findings) == 0) {
            host.report_error("Mark Check Findings: nothing to mark, the page has no findings");
            return;
        }
        submit_page_edit(host, *target, "Mark check findings", edited);
    });
}

}  // namespace jstudio::journey_plugin
