#include "exporters/report/validate_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace jstudio::exporters {

namespace {

nlohmann::json counts_json(const std::vector<eventlog::TransitionCount>& v, bool aggregated) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : v) {
        nlohmann::json o = {{"from", t.from}, {"to", t.to}, {"count", t.count}};
        o["cases"] = aggregated ? nlohmann::json(nullptr) : nlohmann::json(t.cases);
        if (!aggregated) o["examples"] = t.examples;
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
        steps.push_back(
            {{"step", s.step},
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
             {"transitions_out_on_map", s.transitions_out_on_map},
             {"backward", s.backward},
             {"to_next", known(cases, s.to_next)},
             {"to_next_rate", known(cases, share(s.to_next, s.cases))},
             {"stays", known(cases, s.stays)},
             {"median_seconds", known(cases && s.median_seconds >= 0, s.median_seconds)},
             {"p90_seconds", known(cases && s.p90_seconds >= 0, s.p90_seconds)},
             {"stall_threshold_seconds", known(cases && s.stall_threshold >= 0, s.stall_threshold)},
             {"stall_rule", s.stall_rule},
             {"designed_emotion", known(s.designed_emotion.has_value(), s.designed_emotion.value_or(0))},
             {"drop_examples", s.drop_examples},
             {"stall_examples", s.stall_examples},
             {"skip_examples", s.skip_examples}});
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
    j["by_stages"] = r.stages;
    j["late_entry_examples"] = r.late_examples;
    j["card_events"] = r.card_events;
    nlohmann::json dev = nlohmann::json::object();
    for (std::size_t k = 0; k < eventlog::deviation_kinds; ++k)
        if (r.tally[k].count)
            dev[eventlog::to_string(static_cast<eventlog::DeviationKind>(k))] = {{"count", r.tally[k].count},
                                                                                 {"cases", r.tally[k].cases}};
    j["deviations"] = dev;
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
    if (in.cards) j["cards"] = result_json(*in.cards);
    if (!in.segments.empty()) {
        j["segment_column"] = in.segment_column;
        j["segments"] = nlohmann::json::array();
        for (const auto& [value, s] : in.segments) {
            nlohmann::json sj = result_json(s);
            sj["segment"] = value;
            j["segments"].push_back(std::move(sj));
        }
    }
    // Names come from the user's files, in any bytes: invalid UTF-8 becomes U+FFFD instead of an exception.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string examples_text(const std::vector<std::string>& ids, std::uint64_t total) {
    if (ids.empty()) return "";
    std::string out = " (e.g. ";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + ids[i];
    if (total > ids.size()) out += ", ...";
    return out + ")";
}

std::string emotion_text(const std::optional<double>& e) {
    if (!e) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f", *e);
    return buf;
}

void write_result(std::ostream& os, const eventlog::Conformance& r, bool md) {
    const char* bullet = md ? "- " : "  ";
    const char* unit = r.stages ? "stage" : "step";
    if (r.stages)
        os << "Checked against the map's " << r.steps.size() << " stages, in order"
           << (r.card_events ? " (" + std::to_string(r.card_events) + " events matched through step cards)"
                             : std::string())
           << "\n"
           << (md ? "\n" : "");
    if (r.aggregated)
        os << r.cases << " cases (from a directly-follows table: fitness, reach and stalls unavailable); "
           << r.late_entries << " enter at a " << unit << " that is not a start\n";
    else
        os << r.cases << " cases, " << r.fitting_cases << " follow the map: fitness "
           << percent_text(r.fitness) << "; " << r.late_entries << " enter at a " << unit
           << " that is not a start" << examples_text(r.late_examples, r.late_entries) << "; " << r.stalls
           << " stall(s)\n";
    const auto list = [&](const char* title, const std::vector<eventlog::TransitionCount>& v) {
        if (v.empty()) return;
        os << (md ? "\n## " : "") << title << (md ? "\n\n" : ":\n");
        for (const auto& t : v) {
            os << bullet << t.from << " -> " << t.to << ": " << t.count << " times";
            if (!r.aggregated) os << " in " << t.cases << " cases" << examples_text(t.examples, t.cases);
            os << "\n";
        }
    };
    list("transitions seen but not on the map", r.unexpected);
    list(r.stages ? "skips (forward past stages)" : "skips (forward past drawn steps)", r.skips);
    list("backward moves", r.backward);
    const bool cases = !r.aggregated;
    if (cases) {
        bool any = false;
        for (const auto& s : r.steps) any = any || s.drop_off() > 0;
        if (any) {
            os << (md ? "\n## " : "") << "drop-outs (journeys ending at a " << unit << " that is not final)"
               << (md ? "\n\n" : ":\n");
            for (const auto& s : r.steps)
                if (s.drop_off())
                    os << bullet << s.step << ": " << s.drop_off() << " cases"
                       << examples_text(s.drop_examples, s.drop_off()) << "\n";
        }
        os << (md ? "\n## " : "") << "stalls (time in " << unit << " above its threshold)"
           << (md ? "\n\n" : ":\n");
        for (const auto& s : r.steps) {
            os << bullet << s.step << ": ";
            if (s.stall_threshold < 0) {
                os << "no threshold" << (s.stall_rule.empty() ? "" : " (" + s.stall_rule + ")") << "\n";
                continue;
            }
            os << s.stalls << " above " << stay_text(s.stall_threshold) << " (" << s.stall_rule << ")"
               << examples_text(s.stall_examples, s.stalls) << "\n";
        }
    }
    if (!r.steps_never_seen.empty()) {
        os << (md ? "\n## " : "") << "map " << unit << "s never seen" << (md ? "\n\n" : ":\n");
        for (const auto& s : r.steps_never_seen) os << bullet << s << "\n";
    }
    if (!r.unmapped_activities.empty()) {
        os << (md ? "\n## " : "") << "activities not on the map" << (md ? "\n\n" : ":\n");
        for (const auto& [a, n] : r.unmapped_activities) os << bullet << a << ": " << n << " events\n";
    }
    const auto reach = [&](const eventlog::StepReport& s) {
        return cases ? std::to_string(s.cases) + " (" + percent_text(share(s.cases, r.cases)) + ")"
                     : std::to_string(s.visits);
    };
    if (md) {
        os << "\n## " << (r.stages ? "Stages" : "Steps") << "\n\n| " << unit << " | "
           << (cases ? "reach | " : "visits | ")
           << "conversion | drop-off | entries | skipped | stalls | backward | median time | p90 time | "
           << (r.stages ? "to next stage" : "on along the map") << " |\n"
           << "|---|---|---|---|---|---|---|---|---|---|---|\n";
        for (const auto& s : r.steps)
            os << "| " << s.step << " | " << reach(s) << " | " << percent_text(s.conversion(r.aggregated))
               << " | " << s.drop_off() << " | " << s.entries << " | " << s.skipped << " | "
               << (cases ? std::to_string(s.stalls) : "n/a") << " | " << s.backward << " | "
               << stay_text(s.median_seconds) << " | " << stay_text(s.p90_seconds) << " | "
               << (cases ? percent_text(share(s.to_next, s.cases)) : "n/a") << " |\n";
    } else {
        os << unit << "s (" << (cases ? "reach" : "visits")
           << ", conversion, drop-off, entries, skipped, stalls):\n";
        for (const auto& s : r.steps)
            os << "  " << s.step << ": " << reach(s) << ", " << percent_text(s.conversion(r.aggregated))
               << ", " << s.drop_off() << ", " << s.entries << ", " << s.skipped << ", "
               << (cases ? std::to_string(s.stalls) : "n/a") << "\n";
        if (cases) {
            os << "time in " << unit << " (median, p90 over the stays ending in a move), moving on "
               << (r.stages ? "to the next stage" : "along the map") << ", backward moves:\n";
            for (const auto& s : r.steps)
                os << "  " << s.step << ": " << stay_text(s.median_seconds) << ", "
                   << stay_text(s.p90_seconds) << " (" << s.stays << " stays); " << s.to_next << " ("
                   << percent_text(share(s.to_next, s.cases)) << ") on; " << s.backward << " backward\n";
        }
    }
    bool emotions = false;
    for (const auto& s : r.steps) emotions = emotions || s.designed_emotion.has_value();
    if (emotions && cases) {
        if (md) {
            os << "\n## Designed emotion and measured drop-off\n\n| stage | designed emotion (-2..+2) | "
                  "drop-off | drop-off rate |\n|---|---|---|---|\n";
            for (const auto& s : r.steps)
                os << "| " << s.step << " | " << emotion_text(s.designed_emotion) << " | " << s.drop_off()
                   << " | " << percent_text(share(s.drop_off(), s.cases)) << " |\n";
        } else {
            os << "designed emotion (-2..+2) and measured drop-off per stage:\n";
            for (const auto& s : r.steps)
                os << "  " << s.step << ": " << emotion_text(s.designed_emotion) << ", " << s.drop_off()
                   << " (" << percent_text(share(s.drop_off(), s.cases)) << ")\n";
        }
    }
}

// The finer view: per step card, reach and conversion (the cards' own deviations are not repeated).
void write_cards(std::ostream& os, const eventlog::Conformance& c, bool md) {
    if (md) {
        os << "\n## Steps within the stages\n\n| step | reach | conversion | drop-off | median time |\n"
              "|---|---|---|---|---|\n";
        for (const auto& s : c.steps)
            if (s.visits)
                os << "| " << s.step << " | " << s.cases << " (" << percent_text(share(s.cases, c.cases))
                   << ") | " << percent_text(s.conversion(false)) << " | " << s.drop_off() << " | "
                   << stay_text(s.median_seconds) << " |\n";
        return;
    }
    os << "steps within the stages (reach, conversion, drop-off, median time):\n";
    for (const auto& s : c.steps)
        if (s.visits)
            os << "  " << s.step << ": " << s.cases << " (" << percent_text(share(s.cases, c.cases)) << "), "
               << percent_text(s.conversion(false)) << ", " << s.drop_off() << ", "
               << stay_text(s.median_seconds) << "\n";
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

std::string stay_text(double seconds) {
    if (seconds < 0) return "-";
    char buf[48];
    if (seconds >= 86400)
        std::snprintf(buf, sizeof buf, "%.1f d", seconds / 86400);
    else if (seconds >= 3600)
        std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600);
    else if (seconds >= 60)
        std::snprintf(buf, sizeof buf, "%.0f min", seconds / 60);
    else
        std::snprintf(buf, sizeof buf, "%.0f s", seconds);
    return buf;
}

std::string utc_text(std::int64_t us) {
    std::int64_t secs = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
    std::int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    std::int64_t rem = secs - days * 86400;
    // civil_from_days (Howard Hinnant)
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                  static_cast<long long>(rem % 60));
    return buf;
}

std::string write_cases_csv(const eventlog::Conformance& r) {
    const auto field = [](const std::string& v) {
        if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
        std::string q = "\"";
        for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    std::string out = "case,kind,stage,to,when,days\n";
    for (const auto& d : r.deviations) {
        char days[32] = "";
        if (d.seconds >= 0) std::snprintf(days, sizeof days, "%.2f", d.seconds / 86400);
        out += field(d.case_id) + "," + eventlog::to_string(d.kind) + "," + field(d.step) + "," +
               field(d.to) + "," + (d.has_time ? utc_text(d.when) : std::string()) + "," + days + "\n";
    }
    return out;
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
    if (in.cards && !in.result->aggregated) write_cards(os, *in.cards, md);
    write_segments(os, in.segment_column, in.segments, md);
    return os.str();
}

}  // namespace jstudio::exporters
