#include "app/cli/eventlog_options.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace jstudio::cli {

void add_log_options(CLI::App& sub, LogOptionFlags& f) {
    sub.add_option("--case", f.case_column,
                   "CSV column holding the case id (default: detected from the header)");
    sub.add_option("--activity", f.activity_column, "CSV column holding the activity / stage");
    sub.add_option("--time", f.time_column, "CSV column holding the timestamp");
    sub.add_option("--lifecycle", f.lifecycle_column,
                   "CSV column holding the lifecycle (only 'complete' rows are kept)");
    std::vector<std::string> names;
    for (auto p : importers::all_presets()) names.emplace_back(importers::preset_name(p));
    sub.add_option("--preset", f.preset,
                   "Column names of a CRM export: auto (from the header), none (generic), salesforce "
                   "(OpportunityHistory), salesforce-field-history, salesforce-lead-history, hubspot, "
                   "hubspot-property-history, dynamics, pipedrive, zoho")
        ->check(CLI::IsMember(names))
        ->capture_default_str();
    sub.add_option("--segment", f.segment,
                   "Give every metric per value of this column (XES: trace attribute)");
    sub.add_option("--date-order", f.date_order,
                   "Read 03/04/2024 as day-first (dmy) or month-first (mdy); auto decides from the data")
        ->check(CLI::IsMember({"auto", "dmy", "mdy"}));
    sub.add_option("--epoch", f.epoch, "Bare numbers are epoch s or ms (auto: >= 1e11 is ms)")
        ->check(CLI::IsMember({"auto", "s", "ms"}));
    sub.add_option("--log-format", f.log_format,
                   "csv, xes, dfg (a directly-follows table, docs/warehouse-dfg.md) or auto (by the first "
                   "character and the header)")
        ->check(CLI::IsMember({"auto", "csv", "xes", "dfg"}));
    sub.add_option("--delimiter", f.delimiter,
                   "CSV delimiter (default: the most frequent of , ; TAB | in the header)");
    sub.add_flag("--strict", f.strict, "Stop at the first bad CSV row instead of skipping it");
}

Result<importers::LogReadResult> read_log_for_cli(const std::string& path, const LogOptionFlags& f,
                                                  eventlog::EventSink* sink) {
    importers::LogReadOptions o;
    o.case_column = f.case_column;
    o.activity_column = f.activity_column;
    o.time_column = f.time_column;
    o.lifecycle_column = f.lifecycle_column;
    o.segment_column = f.segment;
    o.preset = importers::preset_from_name(f.preset).value_or(importers::CsvPreset::automatic);
    o.time_format.order = f.date_order == "dmy"   ? eventlog::DateOrder::day_first
                          : f.date_order == "mdy" ? eventlog::DateOrder::month_first
                                                  : eventlog::DateOrder::automatic;
    o.time_format.epoch = f.epoch == "s"    ? eventlog::EpochUnit::seconds
                          : f.epoch == "ms" ? eventlog::EpochUnit::milliseconds
                                            : eventlog::EpochUnit::automatic;
    o.format = f.log_format == "csv"   ? importers::LogFormat::csv
               : f.log_format == "xes" ? importers::LogFormat::xes
               : f.log_format == "dfg" ? importers::LogFormat::dfg
                                       : importers::LogFormat::automatic;
    if (!f.delimiter.empty()) {
        if (f.delimiter == "\\t" || f.delimiter == "tab" || f.delimiter == "TAB")
            o.delimiter = '\t';
        else if (f.delimiter.size() == 1)
            o.delimiter = f.delimiter[0];
        else
            return make_error(ErrorCode::bad_usage, "--delimiter takes one character (or 'tab')");
    }
    o.bad_rows = f.strict ? importers::BadRows::fatal : importers::BadRows::skip;
    if (path != "-") o.sink = sink;
    auto read = importers::read_event_log_file(path, o);
    if (read && read->sink_refused) {
        o.sink = nullptr;
        read = importers::read_event_log_file(path, o);
    }
    if (read && read->format == importers::LogFormat::csv &&
        read->columns.preset != importers::CsvPreset::none) {
        const auto& c = read->columns;
        std::cerr << "journey: " << path << ": read as " << importers::preset_description(c.preset)
                  << (c.preset_detected ? ", detected from the header" : "") << " (--preset "
                  << importers::preset_name(c.preset) << "): case '" << c.case_column << "', stage '"
                  << c.activity_column << "', time '" << c.time_column << "'";
        if (read->log.counts.rows_other_field > 0)
            std::cerr << "; " << read->log.counts.rows_other_field << " row(s) about other fields skipped";
        std::cerr << "\n";
    }
    return read;
}

}  // namespace jstudio::cli
