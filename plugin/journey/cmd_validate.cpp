// Journey > Validate with CRM Data...: an import wizard for an event log (CSV or XES, plain or gzip; CRM
// exports through the Salesforce and HubSpot presets): pick the file, confirm the preset and the column
// mapping while the Journey Results panel previews the first rows and the detected columns, then the log is
// checked against the journey on this page and the result drawn over it as `journey validate --annotate`
// draws it (core/eventlog/annotate_map: volumes layer, unexpected paths layer, legend), as one undo step. An
// activity mapping file (`journey validate --mapping`) can be given with the stall threshold.
#include <map>
#include <memory>

#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/step_model.hpp"
#include "exporters/report/validate_report.hpp"
#include "importers/config/mapping_file.hpp"
#include "importers/eventlog/byte_source.hpp"
#include "importers/eventlog/log_preview.hpp"
#include "importers/eventlog/log_reader.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"
#include "plugin/journey/results_panel.hpp"

namespace jstudio::journey_plugin {

namespace {

using importers::CsvPreset;

using importers::preset_description;
using importers::preset_name;

void show_preview(const std::string& path, const importers::LogPreview& preview) {
    ResultTable table;
    if (preview.format == importers::LogFormat::xes) {
        table.title = "Preview of " + file_name(path) + " (XES)";
    } else {
        const auto& c = preview.columns;
        table.title = "Preview of " + file_name(path) +
                      (c.preset == CsvPreset::none ? std::string()
                                                   : std::string(" as ") + preset_description(c.preset)) +
                      ": case = '" + c.case_column + "', activity = '" + c.activity_column + "', time = '" +
                      c.time_column + "'" + (preview.problem.empty() ? "" : "; " + preview.problem);
    }
    table.headings = preview.header;
    for (const auto& row : preview.rows) table.rows.push_back({row, {}});
    show_results(table);
}

}  // namespace

void add_validate_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Validate with CRM Data...",
                            "Check what customers did (a CRM export or event log) against this journey", ""};
    host.add_command(entry, [&host]() {
        const std::string name = "Validate with CRM Data";
        const auto target = active_page(host, name);
        if (!target) return;
        auto journey = eventlog::step_model(target->page());
        if (!journey) {
            host.report_error(name + ": " + journey.error().message);
            return;
        }
        const std::string path = host.ask_path(
            name + ": event log", "Event logs (*.csv;*.xes;*.gz)|*.csv;*.xes;*.gz|All files|*", false);
        if (path.empty()) return;
        auto text = importers::read_all_bytes(path);
        if (!text) {
            host.report_error(name + ": " + text.error().to_string());
            return;
        }

        // Step 1: the preset; the one detected from the header is proposed, else the first that maps every
        // column.
        importers::LogReadOptions options;
        auto preview = importers::preview_event_log(*text, path, options);
        if (!preview) {
            host.report_error(name + ": " + preview.error().to_string());
            return;
        }
        const bool csv = preview->format == importers::LogFormat::csv;
        if (csv) {
            if (preview->problem.empty() && preview->columns.preset != CsvPreset::none) {
                options.preset = preview->columns.preset;  // detected from the header
            } else {
                for (CsvPreset p : importers::all_presets()) {
                    if (p == CsvPreset::automatic) continue;
                    options.preset = p;
                    preview = importers::preview_event_log(*text, path, options);
                    if (preview && preview->problem.empty()) break;
                }
                if (!preview || !preview->problem.empty()) options.preset = CsvPreset::none;
            }
            preview = importers::preview_event_log(*text, path, options);
            show_preview(path, *preview);
            std::vector<std::string> names;
            for (CsvPreset p : importers::all_presets())
                if (p != CsvPreset::automatic) names.emplace_back(preset_name(p));
            std::vector<plugin::HostServices::Field> preset{{"preset", preset_name(options.preset), names}};
            if (!host.ask(name + " (1/2): CRM export", preset)) return;
            const auto chosen = importers::preset_from_name(preset[0].value);
            if (!chosen) {
                host.report_error(name + ": no preset '" + preset[0].value + "'");
                return;
            }
            options.preset = *chosen;
            preview = importers::preview_event_log(*text, path, options);
        }
        show_preview(path, *preview);

        // Step 2: the columns (CSV), the stall threshold and the activity mapping file, proposed from the
        // preview.
        std::vector<plugin::HostServices::Field> fields;
        if (csv)
            fields = {{"case", preview->columns.case_column},
                      {"activity", preview->columns.activity_column},
                      {"time", preview->columns.time_column}};
        fields.push_back({"stall_days", "0"});
        fields.push_back({"mapping", ""});  // activity -> step file (CSV or JSON); "" = match by name
        if (!host.ask(name + (csv ? " (2/2): columns" : ": options"), fields)) return;
        if (csv) {
            options.case_column = fields[0].value;
            options.activity_column = fields[1].value;
            options.time_column = fields[2].value;
        }
        const std::string stall_days = fields[fields.size() - 2].value, mapping = fields.back().value;
        eventlog::ConformanceOptions conformance;
        try {
            conformance.stall_seconds = std::stod(stall_days) * 86400;
        } catch (...) {
            host.report_error(name + ": stall_days must be a number, not '" + stall_days + "'");
            return;
        }
        if (!mapping.empty()) {
            auto rows = importers::read_mapping_file(mapping);
            if (!rows) {
                host.report_error(name + ": " + rows.error().to_string());
                return;
            }
            conformance.mapping = std::move(*rows);
        }

        Result<importers::LogReadResult> read = make_error(ErrorCode::cancelled, "cancelled");
        eventlog::Conformance result;
        diagram::Page edited = target->page();
        bool cancelled = false;
        const bool finished = host.run_with_progress(name, [&](plugin::Progress& progress) {
            cancelled = !progress.update(0.05, "Reading " + path);
            if (cancelled) return;
            read = preview->format == importers::LogFormat::xes
                       ? importers::read_xes_log(*text, path, options)
                       : importers::read_csv_log(*text, path, options);
            if (!read) return;
            cancelled =
                !progress.update(0.6, "Checking " + std::to_string(read->log.cases.size()) + " cases");
            if (cancelled) return;
            result = eventlog::check_conformance(read->log, *journey, conformance);
            cancelled = !progress.update(0.9, "Drawing");
            if (cancelled) return;
            eventlog::annotate_map(edited, *journey, result);
            progress.update(1, "Done");
        });
        if (!finished || cancelled) return;
        if (!read) {
            host.report_error(name + ": " + read.error().to_string());
            return;
        }

        ResultTable table;
        table.title = std::to_string(result.cases) + " cases in " + file_name(path) + ", " +
                      std::to_string(result.fitting_cases) + " follow the map (" +
                      exporters::percent_text(result.fitness) + ")";
        table.headings = {"What", "Step or path", "Cases", "Detail"};
        std::map<std::string, std::string> cell_of;  // step name -> the cell drawing it
        for (std::size_t i = 0; i < journey->steps.size() && i < journey->step_ids.size(); ++i)
            cell_of[journey->steps[i]] = journey->step_ids[i];
        auto cells_of = [&](std::initializer_list<std::string> steps) {
            std::vector<std::string> cells;
            for (const auto& step : steps)
                if (auto it = cell_of.find(step); it != cell_of.end()) cells.push_back(it->second);
            return cells;
        };
        for (const auto& u : result.unexpected) {
            std::vector<std::string> cells = cells_of({u.from, u.to});
            table.rows.push_back({{"off the map", u.from + " -> " + u.to, std::to_string(u.cases),
                                   std::to_string(u.count) + " times"},
                                  cells});
        }
        for (std::size_t i = 0; i < result.steps.size(); ++i) {
            const auto& s = result.steps[i];
            table.rows.push_back(
                {{s.cases ? "step" : "never seen", s.step, std::to_string(s.cases),
                  std::to_string(s.entries) + " start here, " + std::to_string(s.exits) + " end here, " +
                      std::to_string(s.skipped) + " skipped, " + std::to_string(s.stalls) + " stalls"},
                 cells_of({s.step})});
        }
        for (const auto& [activity, events] : result.unmapped_activities)
            table.rows.push_back({{"not on the map", activity, "", std::to_string(events) + " events"}, {}});
        for (const auto& unresolved : result.mapping_unresolved)
            table.rows.push_back(
                {{"mapping target", unresolved, "", "is no step of the map (" + file_name(mapping) + ")"},
                 {}});
        const auto shared = std::make_shared<const eventlog::Conformance>(std::move(result));
        const std::string map_file = host.active_path().empty() ? "untitled" : host.active_path();
        table.report = [shared, map_file, path, mapping](exporters::ReportFormat format) {
            return exporters::write_validate_report({map_file, path, mapping, shared.get(), "", {}}, format);
        };
        show_results(table);
        submit_page_edit(host, *target, "Validate with CRM data", edited);
    });
}

}  // namespace jstudio::journey_plugin
