// journey validate MAP.drawio --events LOG: conformance of what customers did against the drawn journey:
// fitness, deviations, per-step reach / conversion / drop-off, optionally per segment and drawn onto the map.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <map>

#include "app/cli/commands.hpp"
#include "app/cli/eventlog_options.hpp"
#include "app/cli/report_error.hpp"
#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/conformance.hpp"
#include "core/eventlog/step_model.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct ValidateOptions {
    std::string map_file, events, page, format = "text", mapping, annotate;
    double stall_days = 0;
    LogOptionFlags log;
};

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

std::string pct(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
    return buf;
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

void print_report(std::ostream& os, const eventlog::Conformance& r, bool md) {
    const char* bullet = md ? "- " : "  ";
    if (r.aggregated)
        os << r.cases << " cases (from a directly-follows table: fitness, reach and stalls unavailable); "
           << r.late_entries << " enter at a step that is not a start\n";
    else
        os << r.cases << " cases, " << r.fitting_cases << " follow the map: fitness " << pct(r.fitness)
           << "; " << r.late_entries << " enter at a step that is not a start; " << r.stalls << " stall(s)\n";
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
    if (md) {
        os << "\n## Steps\n\n| step | " << (cases ? "reach | " : "visits | ")
           << "conversion | drop-off | entries | skipped | stalls |\n|---|---|---|---|---|---|---|\n";
        for (const auto& s : r.steps) {
            os << "| " << s.step << " | "
               << (cases ? std::to_string(s.cases) + " (" + pct(share(s.cases, r.cases)) + ")"
                         : std::to_string(s.visits))
               << " | " << pct(s.conversion(r.aggregated)) << " | " << s.drop_off() << " | " << s.entries
               << " | " << s.skipped << " | " << (cases ? std::to_string(s.stalls) : "n/a") << " |\n";
        }
        return;
    }
    os << "steps (" << (cases ? "reach" : "visits") << ", conversion, drop-off, entries, skipped, stalls):\n";
    for (const auto& s : r.steps)
        os << "  " << s.step << ": "
           << (cases ? std::to_string(s.cases) + " (" + pct(share(s.cases, r.cases)) + ")"
                     : std::to_string(s.visits))
           << ", " << pct(s.conversion(r.aggregated)) << ", " << s.drop_off() << ", " << s.entries << ", "
           << s.skipped << ", " << (cases ? std::to_string(s.stalls) : "n/a") << "\n";
}

// Segments side by side: one column per segment value, rows = fitness and each step's reach / conversion.
void print_segments(std::ostream& os, const std::string& column,
                    const std::vector<std::pair<std::string, eventlog::Conformance>>& segs, bool md) {
    if (segs.empty()) return;
    std::vector<std::string> head{"by " + column};
    for (const auto& [v, r] : segs) head.push_back(v.empty() ? "(empty)" : v);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"cases"});
    rows.push_back({"fitness"});
    for (const auto& [v, r] : segs) {
        rows[0].push_back(std::to_string(r.cases));
        rows[1].push_back(pct(r.fitness));
    }
    const auto& steps = segs.front().second.steps;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        std::vector<std::string> reach{steps[i].step + ": reach"}, conv{steps[i].step + ": conversion"},
            drop{steps[i].step + ": drop-off"};
        for (const auto& [v, r] : segs) {
            reach.push_back(pct(share(r.steps[i].cases, r.cases)));
            conv.push_back(pct(r.steps[i].conversion(false)));
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

int run_validate(const ValidateOptions& opt) {
    auto doc = importers::read_drawio_file(opt.map_file);
    if (!doc) return report_error(doc.error());
    auto& pages = doc->document.pages;
    std::size_t page_no = pages.empty() ? SIZE_MAX : 0;
    if (!opt.page.empty()) {
        page_no = SIZE_MAX;
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].display_name(i) == opt.page || pages[i].id.value_or("") == opt.page ||
                std::to_string(i + 1) == opt.page)
                page_no = i;
    }
    if (page_no == SIZE_MAX)
        return report_error(
            make_error(ErrorCode::bad_usage, "no page '" + opt.page + "'", at_file(opt.map_file)));
    auto map = eventlog::step_model(pages[page_no]);
    if (!map) {
        Error e = map.error();
        e.where = at_file(opt.map_file);
        return report_error(e);
    }
    eventlog::ConformanceOptions co;
    co.stall_seconds = opt.stall_days * 86400;
    if (!opt.mapping.empty()) {
        auto rows = read_mapping_file(opt.mapping);
        if (!rows) return report_error(rows.error());
        co.mapping = std::move(rows.value());
    }
    auto read = read_log_for_cli(opt.events, opt.log);
    if (!read) return report_error(read.error());
    for (const auto& d : read->diagnostics) std::cerr << "journey: " << d.to_string() << "\n";
    const bool aggregated = read->aggregated.has_value();
    if (aggregated && !opt.log.segment.empty())
        return report_error(make_error(ErrorCode::bad_usage,
                                       "--segment needs an event log; a directly-follows table has no cases",
                                       at_file(opt.events)));
    const auto r = aggregated ? eventlog::check_conformance(read->log, *read->aggregated, *map, co)
                              : eventlog::check_conformance(read->log, *map, co);
    for (const auto& t : r.mapping_unresolved)
        std::cerr << "journey: " << opt.mapping << ": mapping target '" << t << "' is no step of the map\n";

    std::vector<std::pair<std::string, eventlog::Conformance>> segments;
    if (!opt.log.segment.empty())
        for (auto& [value, part] : eventlog::split_by_segment(read->log))
            segments.emplace_back(value, eventlog::check_conformance(part, *map, co));

    if (!opt.annotate.empty()) {
        eventlog::annotate_map(pages[page_no], *map, r);
        if (auto st = exporters::save_drawio(doc->document, opt.annotate); !st)
            return report_error(st.error());
    }

    const bool findings = (!aggregated && r.fitting_cases < r.cases) || !r.unexpected.empty() ||
                          !r.steps_never_seen.empty() || r.stalls > 0 || r.late_entries > 0;
    if (opt.format == "json") {
        nlohmann::json j = result_json(r);
        j["map"] = opt.map_file;
        j["events"] = opt.events;
        if (!opt.mapping.empty()) {
            j["mapping"] = opt.mapping;
            j["mapping_unresolved"] = r.mapping_unresolved;
        }
        if (!segments.empty()) {
            j["segment_column"] = opt.log.segment;
            j["segments"] = nlohmann::json::array();
            for (const auto& [value, s] : segments) {
                nlohmann::json sj = result_json(s);
                sj["segment"] = value;
                j["segments"].push_back(std::move(sj));
            }
        }
        std::cout << j.dump(2) << "\n";
        return findings ? exit_findings : exit_ok;
    }
    const bool md = opt.format == "markdown";
    std::cout << (md ? "# " : "") << "Conformance of " << opt.events << " against " << opt.map_file << "\n"
              << (md ? "\n" : "");
    print_report(std::cout, r, md);
    print_segments(std::cout, opt.log.segment, segments, md);
    return findings ? exit_findings : exit_ok;
}

}  // namespace

void setup_validate(CLI::App& app, Action& action) {
    auto opt = std::make_shared<ValidateOptions>();
    auto* sub = app.add_subcommand(
        "validate", "Check an event log against a journey map (fitness, skips, backward moves, stalls)");
    sub->add_option("map", opt->map_file, "The journey map (.drawio)")->required();
    sub->add_option("--events", opt->events,
                    "Event log: CSV or XES, plain or gzip; or a directly-follows CSV (from,to,count,...)")
        ->required();
    sub->add_option("--page", opt->page, "Page name, id or 1-based number (default: the first page)");
    sub->add_option(
        "--mapping", opt->mapping,
        "Activity -> step file: CSV (activity,step) or JSON ({\"activity\": \"step\"}); the step is a "
        "cell id or a step name, '-' ignores the activity");
    sub->add_option("--stall-days", opt->stall_days,
                    "Time in a step above this many days is a stall (default: off)");
    sub->add_option(
        "--annotate", opt->annotate,
        "Write the map with volumes, conversion, drop-off, stalls and unexpected paths drawn on it");
    sub->add_option("--format", opt->format, "Output: text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    add_log_options(*sub, opt->log);
    sub->callback([opt, &action] { action = [opt] { return run_validate(*opt); }; });
}

}  // namespace jstudio::cli
