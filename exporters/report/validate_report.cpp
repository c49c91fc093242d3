#include "exporters/report/validate_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace jstudio::exporters {

namespace {

nlohmann::json counts_json(const std::vector<eventlog::TransitionCount>& v, bool aggregated) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : v) {
        nlohmann::json o = {{"from", t.from}, {"to", t.to}, {"count", t.count}};
        o["cases"] = aggregated ? nlohmann::json(nullptr) : nlohmann::json(t.cases);
        a.push_back(o);
    }
    return a;
}

double share(std::uint64_t part, std::uint64_t whole) {
    return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// null for what a directly-follows table cannot tell.
nlohmann::json known(bool available, const nlohmann::json& value) {
    return available ? value : nlohmann::json(nullptr);
}

nlohmann::json steps_json(const eventlog::Conformance& r) {
    const bool cases = !r.aggregated;
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : r.steps)
        steps.push_back({{"step", s.step},
                         {"final", s.final_step},
                         {"visits", s.visits},
                         {"cases", known(cases, s.cases)},
                         {"reach", known(cases, share(s.cases, r.cases))},
                         {"entries", s.entries},
                         {"exits", s.exits},
                         {"conversion", s.conversion(r.aggregated)},
                         {"drop_off", s.drop_off()},
                         {"drop_off_rate", share(s.drop_off(), cases ? s.cases : s.visits)},
                         {"skipped", s.skipped},
                         {"stalls", known(cases, s.stalls)},
                         {"transitions_out", s.transitions_out},
                         {"transitions_out_on_map", s.transitions_out_on_map}});
    return steps;
}

nlohmann::json result_json(const eventlog::Conformance& r) {
    const bool cases = !r.aggregated;
    nlohmann::json j;
    j["aggregated"] = r.aggregated;
    j["cases"] = r.cases;
    j["fitting_cases"] = known(cases, r.fitting_cases);
    j["fitness"] = known(cases, r.fitness);
    j["late_entries"] = r.late_entries;
    j["stalls"] = known(cases, r.stalls);
    j["steps_never_seen"] = r.steps_never_seen;
    j["unmapped_activities"] = nlohmann::json::array();
    for (const auto& [a, n] : r.unmapped_activities)
        j["unmapped_activities"].push_back({{"activity", a}, {"events", n}});
    j["ignored_events"] = r.ignored_events;
    j["unexpected_transitions"] = counts_json(r.unexpected, r.aggregated);
    j["backward_moves"] = counts_json(r.backward, r.aggregated);
    j["skips"] = counts_json(r.skips, r.aggregated);
    j["map_transitions"] = counts_json(r.allowed, r.aggregated);
    j["steps"] = steps_json(r);
    return j;
}

std::string write_json(const ValidateReportInput& in) {
    nlohmann::json j = result_json(*in.result);
    j["map"] = in.map_file;
    j["events"] = in.events;
    if (!in.mapping.empty()) {
        j["mapping"] = in.mapping;
        j["mapping_unresolved"] = in.result->mapping_unresolved;
    }
    if (!in.segments.empty()) {
        j["segment_column"] = in.segment_column;
        j["segments"] = nlohmann::json::array();
        for (const auto& [value, s] : in.segments) {
            nlohmann::json sj = result_json(s);
            sj["segment"] = value;
            j["segments"].push_back(std::move(sj));
        }
    }
    return j.dump(2) + "\n";
}

void write_result(std::ostream& os, const eventlog::Conformance& r, bool md) {
    const char* bullet = md ? "- " : "  ";
    if (r.aggregated)
        os << r.cases << " cases (from a directly-follows table: fitness, reach and stalls unavailable); "
           << r.late_entries << " enter at a step that is not a start\n";
    else
        os << r.cases << " cases, " << r.fitting_cases << " follow the map: fitness "
           << percent_text(r.fitness) << "; " << r.late_entries << " enter at a step that is not a start; "
           << r.stalls << " stall(s)\n";
    const auto list = [&](const char* title, const std::vector<eventlog::TransitionCount>& v) {
        if (v.empty()) return;
        os << (md ? "\n## " : "") << title << (md ? "\n\n" : ":\n");
        for (const auto& t : v) {
            os << bullet << t.from << " -> " << t.to << ": " << t.count << " times";
            if (!r.aggregated) os << " in " << t.cases << " cases";
            os << "\n";
        }
    };
    list("transitions seen but not on the map", r.unexpected);
    list("skips (forward past drawn steps)", r.skips);
    list("backward moves", r.backward);
    if (!r.steps_never_seen.empty()) {
        os << (md ? "\n## " : "") << "map steps never seen" << (md ? "\n\n" : ":\n");
        for (const auto& s : r.steps_never_seen) os << bullet << s << "\n";
    }
    if (!r.unmapped_activities.empty()) {
        os << (md ? "\n## " : "") << "activities not on the map" << (md ? "\n\n" : ":\n");
        for (const auto& [a, n] : r.unmapped_activities) os << bullet << a << ": " << n << " events\n";
    }
    const bool cases = !r.aggregated;
    const auto reach = [&](const eventlog::StepReport& s) {
        return cases ? std::to_string(s.cases) + " (" + percent_text(share(s.cases, r.cases)) + ")"
                     : std::to_string(s.visits);
    };
    if (md) {
        os << "\n## Steps\n\n| step | " << (cases ? "reach | " : "visits | ")
           << "conversion | drop-off | entries | skipped | stalls |\n|---|---|---|---|---|---|---|\n";
        for (const auto& s : r.steps)
            os << "| " << s.step << " | " << reach(s) << " | " << percent_text(s.conversion(r.aggregated))
               << " | " << s.drop_off() << " | " << s.entries << " | " << s.skipped << " | "
               << (cases ? std::to_string(s.stalls) : "n/a") << " |\n";
        return;
    }
    os << "steps (" << (cases ? "reach" : "visits") << ", conversion, drop-off, entries, skipped, stalls):\n";
    for (const auto& s : r.steps)
        os << "  " << s.step << ": " << reach(s) << ", " << percent_text(s.conversion(r.aggregated)) << ", "
           << s.drop_off() << ", " << s.entries << ", " << s.skipped << ", "
           << (cases ? std::to_string(s.stalls) : "n/a") << "\n";
}

// Segments side by side: one column per segment value, rows = fitness and each step's reach / conversion.
void write_segments(std::ostream& os, const std::string& column,
                    const std::vector<std::pair<std::string, eventlog::Conformance>>& segs, bool md) {
    if (segs.empty()) return;
    std::vector<std::string> head{"by " + column};
    for (const auto& [v, r] : segs) head.push_back(v.empty() ? "(empty)" : v);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"cases"});
    rows.push_back({"fitness"});
    for (const auto& [v, r] : segs) {
        rows[0].push_back(std::to_string(r.cases));
        rows[1].push_back(percent_text(r.fitness));
    }
    const auto& steps = segs.front().second.steps;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        std::vector<std::string> reach{steps[i].step + ": reach"}, conv{steps[i].step + ": conversion"},
            drop{steps[i].step + ": drop-off"};
        for (const auto& [v, r] : segs) {
            reach.push_back(percent_text(share(r.steps[i].cases, r.cases)));
            conv.push_back(percent_text(r.steps[i].conversion(false)));
            drop.push_back(std::to_string(r.steps[i].drop_off()));
        }
        rows.push_back(reach);
        rows.push_back(conv);
        rows.push_back(drop);
    }
    if (md) {
        os << "\n## By " << column << "\n\n|";
        for (const auto& h : head) os << " " << h << " |";
        os << "\n|";
        for (std::size_t k = 0; k < head.size(); ++k) os << "---|";
        os << "\n";
        for (const auto& row : rows) {
            os << "|";
            for (const auto& c : row) os << " " << c << " |";
            os << "\n";
        }
        return;
    }
    std::vector<std::size_t> width(head.size(), 0);
    for (std::size_t k = 0; k < head.size(); ++k) width[k] = head[k].size();
    for (const auto& row : rows)
        for (std::size_t k = 0; k < row.size(); ++k) width[k] = std::max(width[k], row[k].size());
    const auto line = [&](const std::vector<std::string>& cells) {
        os << " ";
        for (std::size_t k = 0; k < cells.size(); ++k)
            os << " " << cells[k] << std::string(width[k] - cells[k].size() + 1, ' ');
        os << "\n";
    };
    os << "\n";
    line(head);
    for (const auto& row : rows) line(row);
}

}  // namespace

std::string percent_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
    return buf;
}

bool has_conformance_findings(const eventlog::Conformance& r) {
    return (!r.aggregated && r.fitting_cases < r.cases) || !r.unexpected.empty() ||
           !r.steps_never_seen.empty() || r.stalls > 0 || r.late_entries > 0;
}

std::string write_validate_report(const ValidateReportInput& in, ReportFormat format) {
    if (format == ReportFormat::json) return write_json(in);
    const bool md = format == ReportFormat::markdown;
    std::ostringstream os;
    os << (md ? "# " : "") << "Conformance of " << in.events << " against " << in.map_file << "\n"
       << (md ? "\n" : "");
    write_result(os, *in.result, md);
    write_segments(os, in.segment_column, in.segments, md);
    return os.str();
}

}  // namespace jstudio::exporters
