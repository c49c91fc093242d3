// Journey > Validate with CRM Data...: an import wizard for an event log (CSV or XES, plain or gzip; CRM
// exports of Salesforce, HubSpot, Dynamics 365, Pipedrive and Zoho recognised by their header): pick the
// file; (1/3) the preset, the detected one said in the dialog's title and the preview's, while the Journey
// Results panel previews the first rows; (2/3) the columns; then the log is read and the panel shows the
// stage mapping (each CRM stage and the map stage it counts as); (3/3) the stall threshold and an activity
// mapping file (`journey validate --mapping`). The log is then checked against the journey on this page,
// the panel lists the findings and every deviating case (kind, case id, stage, when, how long), and the
// result is drawn over the map as `journey validate --annotate` draws it (core/eventlog/annotate_map), as
// one undo step.
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>

#include "core/eventlog/activity_steps.hpp"
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

void show_preview(const std::string& path, const importers::LogPreview& preview, bool detected = false) {
    ResultTable table;
    if (preview.format == importers::LogFormat::xes) {
        table.title = "Preview of " + file_name(path) + " (XES)";
    } else {
        const auto& c = preview.columns;
        table.title = "Preview of " + file_name(path) +
                      (c.preset == CsvPreset::none ? std::string()
                                                   : std::string(" as ") + preset_description(c.preset) +
                                                         (detected ? " (detected from the header)" : "")) +
                      ": case = '" + c.case_column + "', activity = '" + c.activity_column + "', time = '" +
                      c.time_column + "'" + (preview.problem.empty() ? "" : "; " + preview.problem);
    }
    table.headings = preview.header;
    for (const auto& row : preview.rows) table.rows.push_back({row, {}});
    show_results(table);
}

// "2024-03-05 14:02" (UTC) for a deviation's time, "" when unknown.
std::string when_text(const eventlog::Deviation& d) {
    if (!d.has_time) return "";
    const std::time_t t = static_cast<std::time_t>(d.when / 1000000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min);
    return text;
}

// The stage mapping the check will use: every CRM stage (activity) of the log, the map stage it counts as
// and its number of events; stages on the map are highlighted from their row. Returns "4 of 5 CRM stages on
// the map".
std::string show_stage_mapping(const std::string& path, const eventlog::EventLog& log,
                               const eventlog::StepModel& map, const eventlog::ConformanceOptions& options) {
    const auto steps = eventlog::activity_steps(log, map, options);
    std::vector<std::uint64_t> events(steps.size(), 0);
    for (const auto& c : log.cases)
        for (const auto& e : c.events) ++events[e.activity];
    std::map<std::string, std::string> cell_of;
    for (std::size_t i = 0; i < map.steps.size() && i < map.step_ids.size(); ++i)
        cell_of.emplace(map.steps[i], map.step_ids[i]);
    ResultTable table;
    std::size_t on_map = 0;
    table.headings = {"CRM stage", "Map stage", "Events"};
    for (std::size_t a = 0; a < steps.size(); ++a) {
        if (!events[a]) continue;
        on_map += !steps[a].empty() && steps[a] != "-";
        std::vector<std::string> cells;
        if (auto it = cell_of.find(steps[a]); it != cell_of.end() && !it->second.empty())
            cells.push_back(it->second);
        table.rows.push_back({{log.activity_name(static_cast<std::uint32_t>(a)),
                               steps[a].empty()  ? "(not on the map)"
                               : steps[a] == "-" ? "(ignored)"
                                                 : steps[a],
                               std::to_string(events[a])},
                              cells});
    }
    const std::string summary =
        std::to_string(on_map) + " of " + std::to_string(table.rows.size()) + " CRM stages on the map";
    table.title = "Stage mapping of " + file_name(path) + ": " + summary;
    show_results(table);
    return summary;
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
        const CsvPreset detected =
            csv && preview->problem.empty() ? preview->columns.preset : CsvPreset::none;
        if (csv) {
            if (detected != CsvPreset::none) {
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
            show_preview(path, *preview, detected != CsvPreset::none);
            std::vector<std::string> names;
            for (CsvPreset p : importers::all_presets())
                if (p != CsvPreset::automatic) names.emplace_back(preset_name(p));
            std::vector<plugin::HostServices::Field> preset{{"preset", preset_name(options.preset), names}};
            const std::string said =
                detected == CsvPreset::none
                    ? "no CRM export detected"
                    : std::string("detected ") + preset_name(detected) + ": " + preset_description(detected);
            if (!host.ask(name + " (1/3): CRM export, " + said, preset)) return;
            const auto chosen = importers::preset_from_name(preset[0].value);
            if (!chosen) {
                host.report_error(name + ": no preset '" + preset[0].value + "'");
                return;
            }
            options.preset = *chosen;
            preview = importers::preview_event_log(*text, path, options);
        }
        show_preview(path, *preview, detected != CsvPreset::none && options.preset == detected);

        // Step 2: the columns (CSV), proposed from the preview.
        if (csv) {
            std::vector<plugin::HostServices::Field> columns{{"case", preview->columns.case_column},
                                                             {"activity", preview->columns.activity_column},
                                                             {"time", preview->columns.time_column}};
            if (!host.ask(name + " (2/3): columns", columns)) return;
            options.case_column = columns[0].value;
            options.activity_column = columns[1].value;
            options.time_column = columns[2].value;
        }

        // The log, read once; its stages as the check will map them are shown before the last step.
        Result<importers::LogReadResult> read = make_error(ErrorCode::cancelled, "cancelled");
        const bool was_read = host.run_with_progress(name, [&](plugin::Progress& progress) {
            if (!progress.update(0.05, "Reading " + path)) return;
            read = preview->format == importers::LogFormat::xes
                       ? importers::read_xes_log(*text, path, options)
                       : importers::read_csv_log(*text, path, options);
            progress.update(1, "Read");
        });
        if (!was_read || (!read && read.error().code == ErrorCode::cancelled)) return;
        if (!read) {
            host.report_error(name + ": " + read.error().to_string());
            return;
        }
        const std::string mapped = show_stage_mapping(path, read->log, *journey, {});

        // Step 3: the stall threshold and the activity mapping file.
        std::vector<plugin::HostServices::Field> fields{
            {"stall_days", "0"}, {"mapping", ""}};  // activity -> step file (CSV or JSON); "" = match by name
        if (!host.ask(name + (csv ? " (3/3): " : ": ") + mapped + "; stalls and mapping file", fields))
            return;
        const std::string stall_days = fields[0].value, mapping = fields[1].value;
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

        eventlog::Conformance result;
        diagram::Page edited = target->page();
        bool cancelled = false;
        const bool finished = host.run_with_progress(name, [&](plugin::Progress& progress) {
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
        // The cases list: every deviation of a case, as `journey validate --cases` writes it (the first
        // thousand; the report has them all).
        constexpr std::size_t listed = 1000;
        std::size_t deviating = 0;
        {
            std::string last;
            for (const auto& d : result.deviations)
                if (d.case_id != last) {
                    ++deviating;
                    last = d.case_id;
                }
        }
        for (std::size_t k = 0; k < result.deviations.size() && k < listed; ++k) {
            const auto& d = result.deviations[k];
            char days[32] = "";
            if (d.seconds >= 0) std::snprintf(days, sizeof days, ", %.1f days", d.seconds / 86400);
            table.rows.push_back({{std::string("case: ") + eventlog::to_string(d.kind), d.case_id,
                                   d.step + (d.to.empty() ? "" : " -> " + d.to), when_text(d) + days},
                                  d.to.empty() ? cells_of({d.step}) : cells_of({d.step, d.to})});
        }
        if (result.deviations.size() > listed)
            table.rows.push_back(
                {{"cases", std::to_string(result.deviations.size() - listed) + " more deviations", "",
                  "Save Report for all"},
                 {}});
        table.title += ", " + std::to_string(deviating) + " deviating case(s) listed below";
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
