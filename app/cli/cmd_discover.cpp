// journey discover LOG: what customers did, from an event log (CSV, XES, gzip): directly-follows graph,
// start/end activities, variants, time in stage, case durations; optionally per segment and drawn as draw.io.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/eventlog_options.hpp"
#include "app/cli/report_error.hpp"
#include "core/base/file_io.hpp"
#include "core/eventlog/discovery.hpp"
#include "core/eventlog/discovery_stream.hpp"
#include "core/eventlog/observed_map.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/report/dfg_csv_writer.hpp"
#include "exporters/report/discover_report.hpp"

namespace jstudio::cli {

namespace {

struct DiscoverOptions {
    std::string input;
    std::string format = "text";
    std::string output, dfg_csv;
    std::size_t top = 10;
    LogOptionFlags log;
};

int run_discover(const DiscoverOptions& opt) {
    // Streamed when it can be: memory then follows the cases and arcs, not the events.
    eventlog::DiscoveryStream stream;
    auto read = read_log_for_cli(opt.input, opt.log, opt.log.segment.empty() ? &stream : nullptr);
    if (!read) return report_error(read.error());
    const auto& log = read->log;
    for (const auto& diag : read->diagnostics) std::cerr << "journey: " << diag.to_string() << "\n";
    if (read->aggregated && !opt.log.segment.empty())
        return report_error(make_error(ErrorCode::bad_usage,
                                       "--segment needs an event log; a directly-follows table has no cases",
                                       at_file(opt.input)));
    const auto found = read->aggregated ? *read->aggregated
                       : read->streamed ? stream.finish(log, opt.top)
                                        : eventlog::discover(log, opt.top);

    exporters::DiscoverReportInput report;
    report.file = opt.input;
    report.log_format = read->format == importers::LogFormat::xes   ? "xes"
                        : read->format == importers::LogFormat::dfg ? "dfg"
                                                                    : "csv";
    if (read->format == importers::LogFormat::csv)
        report.columns = {read->columns.case_column, read->columns.activity_column, read->columns.time_column,
                          read->columns.lifecycle_column};
    report.log = &log;
    report.found = &found;
    report.segment_column = opt.log.segment;
    std::vector<std::pair<std::string, eventlog::EventLog>> parts;
    if (!opt.log.segment.empty()) parts = eventlog::split_by_segment(log);
    for (const auto& [value, part] : parts)
        report.segments.push_back({value, &part, eventlog::discover(part, opt.top)});

    if (!opt.dfg_csv.empty())
        if (auto st = write_file_atomic(opt.dfg_csv, exporters::write_dfg_csv(log, found)); !st)
            return report_error(st.error());
    if (!opt.output.empty()) {
        const auto doc = eventlog::observed_map(log, found);
        if (auto st = exporters::save_drawio(doc, opt.output); !st) return report_error(st.error());
    }
    std::cout << exporters::write_discover_report(report, *exporters::parse_report_format(opt.format));
    return exit_ok;
}

}  // namespace

void setup_discover(CLI::App& app, Action& action) {
    auto opt = std::make_shared<DiscoverOptions>();
    auto* sub = app.add_subcommand("discover",
                                   "Discover the journey customers took from an event log (CSV, XES, .gz)");
    sub->add_option("log", opt->input, "Event log: CSV or XES, plain or gzip; - for stdin")->required();
    sub->add_option("--format", opt->format, "Output: text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    sub->add_option("-o,--output", opt->output, "Draw the observed journey as a draw.io file");
    sub->add_option("--top", opt->top, "How many variants to list (0 = all)");
    sub->add_option(
        "--dfg-csv", opt->dfg_csv,
        "Write the directly-follows table (from,to,count,median_seconds,p90_seconds; starts have an "
        "empty from, ends an empty to) that discover and validate also read");
    add_log_options(*sub, opt->log);
    sub->callback([opt, &action] { action = [opt] { return run_discover(*opt); }; });
}

}  // namespace jstudio::cli
