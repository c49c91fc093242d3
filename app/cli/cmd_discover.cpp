// journey discover LOG: what customers did, from an event log (CSV, XES, gzip): directly-follows graph,
// start/end activities, variants, time in stage, case durations; optionally per segment and drawn as draw.io.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/eventlog_options.hpp"
#include "app/cli/report_error.hpp"
#include "core/eventlog/discovery.hpp"
#include "core/eventlog/observed_map.hpp"
#include "exporters/drawio/drawio_writer.hpp"

namespace jstudio::cli {

namespace {

struct DiscoverOptions {
    std::string input;
    std::string format = "text";
    std::string output;
    std::size_t top = 10;
    LogOptionFlags log;
};

nlohmann::json spread_json(const eventlog::Spread& s) {
    return {{"n", s.n},       {"median", s.median}, {"p90", s.p90},
            {"mean", s.mean}, {"min", s.min},       {"max", s.max}};
}

nlohmann::json discovery_json(const eventlog::EventLog& log, const eventlog::Discovery& d) {
    const auto name = [&](std::uint32_t a) { return log.activity_name(a); };
    nlohmann::json j;
    j["cases"] = d.cases;
    j["events"] = d.events;
    j["activities"] = d.activities.size();
    nlohmann::json counts = nlohmann::json::object(), starts = nlohmann::json::object(),
                   ends = nlohmann::json::object(), stages = nlohmann::json::array();
    for (const auto& a : d.activities) {
        counts[name(a.activity)] = a.events;
        if (a.starts) starts[name(a.activity)] = a.starts;
        if (a.ends) ends[name(a.activity)] = a.ends;
        stages.push_back({{"activity", name(a.activity)},
                          {"events", a.events},
                          {"cases", a.cases},
                          {"reach", d.cases ? double(a.cases) / double(d.cases) : 0.0},
                          {"starts", a.starts},
                          {"ends", a.ends},
                          {"time_in_stage_seconds", spread_json(a.time_in_stage)}});
    }
    j["activity_counts"] = counts;
    j["start_activities"] = starts;
    j["end_activities"] = ends;
    nlohmann::json dfg = nlohmann::json::array();
    for (const auto& e : d.edges)
        dfg.push_back({{"from", name(e.from)},
                       {"to", name(e.to)},
                       {"count", e.count},
                       {"duration_seconds", {{"median", e.duration.median}, {"p90", e.duration.p90}}}});
    j["dfg"] = dfg;
    j["dfg_edge_count"] = d.edges.size();
    j["dfg_total_arcs"] = d.total_arcs;
    j["variants_total"] = d.variants_total;
    nlohmann::json vars = nlohmann::json::array();
    for (const auto& v : d.variants) {
        nlohmann::json seq = nlohmann::json::array();
        for (auto a : v.activities) seq.push_back(name(a));
        vars.push_back({{"count", v.count}, {"length", v.activities.size()}, {"variant", seq}});
    }
    j["variants_top"] = vars;
    j["case_duration_seconds"] = {{"cases_with_duration", d.case_duration.n},
                                  {"median", d.case_duration.median},
                                  {"median_days", d.case_duration.median / 86400.0},
                                  {"p90", d.case_duration.p90},
                                  {"mean", d.case_duration.mean},
                                  {"min", d.case_duration.min},
                                  {"max", d.case_duration.max},
                                  {"cases_with_2plus_events", d.case_duration_2plus.n},
                                  {"median_2plus_events", d.case_duration_2plus.median}};
    j["stages"] = stages;
    j["consecutive_pairs_with_equal_timestamps"] = d.equal_time_pairs;
    return j;
}

std::string human_duration(double s) {
    char buf[64];
    if (s >= 86400)
        std::snprintf(buf, sizeof buf, "%.2f d", s / 86400);
    else if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%.2f h", s / 3600);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%.1f min", s / 60);
    else
        std::snprintf(buf, sizeof buf, "%.0f s", s);
    return buf;
}

void print_text(std::ostream& os, const eventlog::EventLog& log, const eventlog::Discovery& d) {
    const auto name = [&](std::uint32_t a) { return log.activity_name(a); };
    os << d.cases << " cases, " << d.events << " events, " << d.activities.size() << " activities, "
       << d.variants_total << " variants; median case duration " << human_duration(d.case_duration.median)
       << " (p90 " << human_duration(d.case_duration.p90) << ")\n";
    os << "activities (events, cases, starts, ends, median / p90 time to next step):\n";
    for (const auto& a : d.activities)
        os << "  " << name(a.activity) << ": " << a.events << ", " << a.cases << ", " << a.starts << ", "
           << a.ends << ", "
           << (a.time_in_stage.n
                   ? human_duration(a.time_in_stage.median) + " / " + human_duration(a.time_in_stage.p90)
                   : "-")
           << "\n";
    os << "directly-follows (" << d.edges.size() << " edges, " << d.total_arcs << " arcs):\n";
    for (const auto& e : d.edges)
        os << "  " << name(e.from) << " -> " << name(e.to) << ": " << e.count << " (median "
           << human_duration(e.duration.median) << ")\n";
    os << "top variants:\n";
    for (const auto& v : d.variants) {
        os << "  " << v.count << "x ";
        for (std::size_t i = 0; i < v.activities.size(); ++i) os << (i ? " > " : "") << name(v.activities[i]);
        os << "\n";
    }
}

int run_discover(const DiscoverOptions& opt) {
    auto read = read_log_for_cli(opt.input, opt.log);
    if (!read) return report_error(read.error());
    const auto& log = read->log;
    for (const auto& diag : read->diagnostics) std::cerr << "journey: " << diag.to_string() << "\n";
    const auto found = eventlog::discover(log, opt.top);

    nlohmann::json j = discovery_json(log, found);
    j["file"] = opt.input;
    j["format"] = read->format == importers::LogFormat::xes ? "xes" : "csv";
    if (read->format == importers::LogFormat::csv)
        j["columns"] = {{"case", read->columns.case_column},
                        {"activity", read->columns.activity_column},
                        {"timestamp", read->columns.time_column},
                        {"lifecycle", read->columns.lifecycle_column}};
    j["events_in_file"] = log.counts.events_in_file;
    j["events_lifecycle_skipped"] = log.counts.events_lifecycle_skipped;
    j["rows_bad"] = log.counts.rows_bad;

    std::vector<std::pair<std::string, eventlog::Discovery>> segments;
    if (!opt.log.segment.empty()) {
        nlohmann::json segs = nlohmann::json::array();
        for (auto& [value, part] : eventlog::split_by_segment(log)) {
            auto d = eventlog::discover(part, opt.top);
            auto sj = discovery_json(part, d);
            sj["segment"] = value;
            segs.push_back(std::move(sj));
            segments.emplace_back(value, std::move(d));
        }
        j["segment_column"] = opt.log.segment;
        j["segments"] = segs;
    }

    if (!opt.output.empty()) {
        const auto doc = eventlog::observed_map(log, found);
        if (auto st = exporters::save_drawio(doc, opt.output); !st) return report_error(st.error());
    }
    if (opt.format == "json") {
        std::cout << j.dump(2) << "\n";
        return exit_ok;
    }
    print_text(std::cout, log, found);
    if (!opt.log.segment.empty()) {
        std::cout << "\nby " << opt.log.segment
                  << " (cases, events, variants, median case duration, top variant share):\n";
        for (const auto& [value, d] : segments)
            std::cout << "  " << (value.empty() ? "(empty)" : value) << ": " << d.cases << ", " << d.events
                      << ", " << d.variants_total << ", " << human_duration(d.case_duration.median) << ", "
                      << (d.cases && !d.variants.empty()
                              ? std::to_string(100 * d.variants.front().count / d.cases) + "%"
                              : "-")
                      << "\n";
    }
    return exit_ok;
}

}  // namespace

void setup_discover(CLI::App& app, Action& action) {
    auto opt = std::make_shared<DiscoverOptions>();
    auto* sub = app.add_subcommand("discover",
                                   "Discover the journey customers took from an event log (CSV, XES, .gz)");
    sub->add_option("log", opt->input, "Event log: CSV or XES, plain or gzip; - for stdin")->required();
    sub->add_option("--format", opt->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
    sub->add_option("-o,--output", opt->output, "Draw the observed journey as a draw.io file");
    sub->add_option("--top", opt->top, "How many variants to list (0 = all)");
    add_log_options(*sub, opt->log);
    sub->callback([opt, &action] { action = [opt] { return run_discover(*opt); }; });
}

}  // namespace jstudio::cli
