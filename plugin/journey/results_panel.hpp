#pragma once
// The "Journey Results" panel (docked at the bottom): one table the commands fill in turn: check findings,
// the comparison of two maps, the event-log preview and the conformance summary, the template list. Journey >
// Save Report... writes what it shows as the CLI's text, JSON or Markdown report.
// Activating a row (double click, Enter, or Journey > Next Result) runs the row's action, e.g. selecting
// and centring the cells of a finding.
#include <functional>
#include <string>
#include <vector>

#include "exporters/report/report_format.hpp"
#include "plugin/include/jstudio/plugin_api.hpp"

namespace jstudio::journey_plugin {

struct ResultRow {
    std::vector<std::string> columns;
    std::vector<std::string> cells;  // cell ids of the active page to select when the row is activated
};

struct ResultTable {
    std::string title;  // "3 findings on 'Checkout'"
    std::vector<std::string> headings;
    std::vector<ResultRow> rows;
    // The same results as the `journey` report writers give them (exporters/report), for Save Report...;
    // empty for a table that is no report (the event-log preview).
    std::function<std::string(exporters::ReportFormat)> report;
};

void add_results_panel(plugin::HostServices& host);  // creates the panel and its Next Result command
void drop_results_panel();                           // on detach: forget the window the host removes
void show_results(const ResultTable& table);         // replaces what the panel shows
const ResultTable& shown_results();                  // what it shows (empty table before any command)

}  // namespace jstudio::journey_plugin
