#include "exporters/report/discover_report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

#include "exporters/report/markdown_text.hpp"

namespace jstudio::exporters {

namespace {

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
        const bool known = !d.aggregated;  // a directly-follows table has no reach nor time in stage
        stages.push_back(
            {{"activity", name(a.activity)},
             {"events", a.events},
             {"cases", known ? nlohmann::json(a.cases) : nlohmann::json(nullptr)},
             {"reach", known ? nlohmann::json(d.cases ? double(a.cases) / double(d.cases) : 0.0)
                             : nlohmann::json(nullptr)},
             {"starts", a.starts},
             {"ends", a.ends},
             {"time_in_stage_seconds", known ? spread_json(a.time_in_stage) : nlohmann::json(nullptr)}});
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
    j["aggregated"] = d.aggregated;
    if (d.aggregated) {
        for (const char* k : {"variants_total", "variants_top", "case_duration_seconds",
                              "consecutive_pairs_with_equal_timestamps"})
            j[k] = nullptr;
        j["unavailable"] = {"variants", "case_duration", "reach", "time_in_stage"};
    }
    return j;
}

std::string write_json(const DiscoverReportInput& in) {
    const auto& log = *in.log;
    nlohmann::json j = discovery_json(log, *in.found);
    j["file"] = in.file;
    j["format"] = in.log_format;
    if (in.columns)
        j["columns"] = {{"case", in.columns->case_column},
                        {"activity", in.columns->activity_column},
                        {"timestamp", in.columns->time_column},
                        {"lifecycle", in.columns->lifecycle_column}};
    j["events_in_file"] = log.counts.events_in_file;
    j["events_lifecycle_skipped"] = log.counts.events_lifecycle_skipped;
    j["rows_bad"] = log.counts.rows_bad;
    if (!in.segment_column.empty()) {
        nlohmann::json segs = nlohmann::json::array();
        for (const auto& s : in.segments) {
            auto sj = discovery_json(*s.log, s.found);
            sj["segment"] = s.value;
            segs.push_back(std::move(sj));
        }
        j["segment_column"] = in.segment_column;
        j["segments"] = segs;
    }
    // Names come from the user's files, in any bytes: invalid UTF-8 becomes U+FFFD instead of an exception.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string variant_text(const eventlog::EventLog& log, const eventlog::Variant& v) {
    std::string out;
    for (std::size_t i = 0; i < v.activities.size(); ++i)
        out += (i ? " > " : "") + log.activity_name(v.activities[i]);
    return out;
}

std::string time_in_stage(const eventlog::ActivityStats& a) {
    return a.time_in_stage.n
               ? duration_text(a.time_in_stage.median) + " / " + duration_text(a.time_in_stage.p90)
               : "-";
}

std::string top_variant_share(const eventlog::Discovery& d) {
    return d.cases && !d.variants.empty() ? std::to_string(100 * d.variants.front().count / d.cases) + "%"
                                          : "-";
}

void write_aggregated_text(std::ostream& os, const eventlog::EventLog& log, const eventlog::Discovery& d) {
    const auto name = [&](std::uint32_t a) { return log.activity_name(a); };
    os << d.cases << " cases, " << d.events << " events, " << d.activities.size()
       << " activities (from a directly-follows table: variants, case durations, reach and time in stage "
          "unavailable)\n";
    os << "activities (events, starts, ends):\n";
    for (const auto& a : d.activities)
        os << "  " << name(a.activity) << ": " << a.events << ", " << a.starts << ", " << a.ends << "\n";
    os << "directly-follows (" << d.edges.size() << " edges, " << d.total_arcs << " arcs):\n";
    for (const auto& e : d.edges)
        os << "  " << name(e.from) << " -> " << name(e.to) << ": " << e.count
           << (e.duration.n ? " (median " + duration_text(e.duration.median) + ")" : std::string()) << "\n";
}

void write_text(std::ostream& os, const DiscoverReportInput& in) {
    const auto& log = *in.log;
    const auto& d = *in.found;
    if (d.aggregated) {
        write_aggregated_text(os, log, d);
    } else {
        const auto name = [&](std::uint32_t a) { return log.activity_name(a); };
        os << d.cases << " cases, " << d.events << " events, " << d.activities.size() << " activities, "
           << d.variants_total << " variants; median case duration " << duration_text(d.case_duration.median)
           << " (p90 " << duration_text(d.case_duration.p90) << ")\n";
        os << "activities (events, cases, starts, ends, median / p90 time to next step):\n";
        for (const auto& a : d.activities)
            os << "  " << name(a.activity) << ": " << a.events << ", " << a.cases << ", " << a.starts << ", "
               << a.ends << ", " << time_in_stage(a) << "\n";
        os << "directly-follows (" << d.edges.size() << " edges, " << d.total_arcs << " arcs):\n";
        for (const auto& e : d.edges)
            os << "  " << name(e.from) << " -> " << name(e.to) << ": " << e.count << " (median "
               << duration_text(e.duration.median) << ")\n";
        os << "top variants:\n";
        for (const auto& v : d.variants) os << "  " << v.count << "x " << variant_text(log, v) << "\n";
    }
    if (in.segment_column.empty()) return;
    os << "\nby " << in.segment_column
       << " (cases, events, variants, median case duration, top variant share):\n";
    for (const auto& s : in.segments)
        os << "  " << (s.value.empty() ? "(empty)" : s.value) << ": " << s.found.cases << ", "
           << s.found.events << ", " << s.found.variants_total << ", "
           << duration_text(s.found.case_duration.median) << ", " << top_variant_share(s.found) << "\n";
}

// The text report's content as headed tables; what a directly-follows table cannot tell is left out.
void write_markdown(std::ostream& os, const DiscoverReportInput& in) {
    const auto& log = *in.log;
    const auto& d = *in.found;
    const auto name = [&](std::uint32_t a) { return markdown_cell(log.activity_name(a)); };
    os << "# Discovery: " << markdown_cell(in.file) << "\n\n"
       << d.cases << " cases, " << d.events << " events, " << d.activities.size() << " activities";
    if (d.aggregated)
        os << " (from a directly-follows table: variants, case durations, reach and time in stage "
              "unavailable)\n";
    else
        os << ", " << d.variants_total << " variants; median case duration "
           << duration_text(d.case_duration.median) << " (p90 " << duration_text(d.case_duration.p90)
           << ")\n";
    os << "\n## Activities\n\n";
    if (d.aggregated) {
        os << "| activity | events | starts | ends |\n|---|---|---|---|\n";
        for (const auto& a : d.activities)
            os << "| " << name(a.activity) << " | " << a.events << " | " << a.starts << " | " << a.ends
               << " |\n";
    } else {
        os << "| activity | events | cases | starts | ends | median / p90 time to next step |\n"
              "|---|---|---|---|---|---|\n";
        for (const auto& a : d.activities)
            os << "| " << name(a.activity) << " | " << a.events << " | " << a.cases << " | " << a.starts
               << " | " << a.ends << " | " << time_in_stage(a) << " |\n";
    }
    os << "\n## Directly-follows (" << d.edges.size() << " edges, " << d.total_arcs << " arcs)\n\n"
       << "| from | to | count | median |\n|---|---|---|---|\n";
    for (const auto& e : d.edges)
        os << "| " << name(e.from) << " | " << name(e.to) << " | " << e.count << " | "
           << (e.duration.n ? duration_text(e.duration.median) : "-") << " |\n";
    if (!d.aggregated) {
        os << "\n## Top variants\n\n| cases | variant |\n|---|---|\n";
        for (const auto& v : d.variants)
            os << "| " << v.count << " | " << markdown_cell(variant_text(log, v)) << " |\n";
    }
    if (in.segment_column.empty()) return;
    os << "\n## By " << markdown_cell(in.segment_column)
       << "\n\n| segment | cases | events | variants | median case duration | top variant share |\n"
          "|---|---|---|---|---|---|\n";
    for (const auto& s : in.segments)
        os << "| " << (s.value.empty() ? "(empty)" : markdown_cell(s.value)) << " | " << s.found.cases
           << " | " << s.found.events << " | " << s.found.variants_total << " | "
           << duration_text(s.found.case_duration.median) << " | " << top_variant_share(s.found) << " |\n";
}

}  // namespace

std::string duration_text(double s) {
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

std::string write_discover_report(const DiscoverReportInput& in, ReportFormat format) {
    if (format == ReportFormat::json) return write_json(in);
    std::ostringstream os;
    if (format == ReportFormat::markdown)
        write_markdown(os, in);
    else
        write_text(os, in);
    return os.str();
}

}  // namespace jstudio::exporters
