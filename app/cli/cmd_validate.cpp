// journey validate MAP.drawio --events LOG: conformance of what customers did against the drawn journey.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

#include "app/cli/commands.hpp"
#include "app/cli/eventlog_options.hpp"
#include "app/cli/report_error.hpp"
#include "core/diagram/page_index.hpp"
#include "core/eventlog/conformance.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct ValidateOptions {
    std::string map_file, events, page, format = "text";
    double stall_days = 0;
    LogOptionFlags log;
};

// Map steps: vertices with a `stage` or `step` attribute (that value is the step name) or else a label;
// transitions: edges glued to two steps. Containers (swimlanes, groups) are not steps.
Result<eventlog::JourneyMap> map_from_page(const diagram::Page& page) {
    diagram::PageIndex idx(page);
    eventlog::JourneyMap map;
    std::map<std::string, std::size_t> step_of_cell, step_of_name;
    for (const auto& c : page.cells) {
        if (c.kind != diagram::CellKind::vertex || idx.is_container(c)) continue;
        std::string name = c.data("stage");
        if (name.empty()) name = c.data("step");
        if (name.empty()) name = c.label();
        if (eventlog::match_key(name).empty()) continue;
        auto [it, fresh] = step_of_name.try_emplace(eventlog::match_key(name), map.steps.size());
        if (fresh) map.steps.push_back(name);
        step_of_cell[c.id] = it->second;
    }
    for (const auto& c : page.cells) {
        if (c.kind != diagram::CellKind::edge) continue;
        auto s = step_of_cell.find(c.source), t = step_of_cell.find(c.target);
        if (s != step_of_cell.end() && t != step_of_cell.end())
            map.transitions.emplace_back(s->second, t->second);
    }
    if (map.steps.empty()) return make_error(ErrorCode::unsupported, "the page has no labelled steps", {});
    return map;
}

nlohmann::json counts_json(const std::vector<eventlog::TransitionCount>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& t : v)
        a.push_back({{"from", t.from}, {"to", t.to}, {"count", t.count}, {"cases", t.cases}});
    return a;
}

int run_validate(const ValidateOptions& opt) {
    auto doc = importers::read_drawio_file(opt.map_file);
    if (!doc) return report_error(doc.error());
    const auto& pages = doc->document.pages;
    const diagram::Page* page = pages.empty() ? nullptr : &pages.front();
    if (!opt.page.empty()) {
        page = nullptr;
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].display_name(i) == opt.page || pages[i].id.value_or("") == opt.page ||
                std::to_string(i + 1) == opt.page)
                page = &pages[i];
    }
    if (!page)
        return report_error(
            make_error(ErrorCode::bad_usage, "no page '" + opt.page + "'", at_file(opt.map_file)));
    auto map = map_from_page(*page);
    if (!map) {
        Error e = map.error();
        e.where = at_file(opt.map_file);
        return report_error(e);
    }
    auto read = read_log_for_cli(opt.events, opt.log);
    if (!read) return report_error(read.error());
    for (const auto& d : read->diagnostics) std::cerr << "journey: " << d.to_string() << "\n";
    eventlog::ConformanceOptions co;
    co.stall_seconds = opt.stall_days * 86400;
    const auto r = eventlog::check_conformance(read->log, *map, co);

    nlohmann::json j;
    j["map"] = opt.map_file;
    j["events"] = opt.events;
    j["cases"] = r.cases;
    j["fitting_cases"] = r.fitting_cases;
    j["fitness"] = r.fitness;
    j["late_entries"] = r.late_entries;
    j["stalls"] = r.stalls;
    j["steps_never_seen"] = r.steps_never_seen;
    j["unmapped_activities"] = nlohmann::json::array();
    for (const auto& [a, n] : r.unmapped_activities)
        j["unmapped_activities"].push_back({{"activity", a}, {"events", n}});
    j["unexpected_transitions"] = counts_json(r.unexpected);
    j["backward_moves"] = counts_json(r.backward);
    j["skips"] = counts_json(r.skips);
    j["map_transitions"] = counts_json(r.allowed);
    j["steps"] = nlohmann::json::array();
    for (const auto& s : r.steps)
        j["steps"].push_back({{"step", s.step},
                              {"cases", s.cases},
                              {"reach", r.cases ? double(s.cases) / double(r.cases) : 0.0},
                              {"entries", s.entries},
                              {"exits", s.exits},
                              {"skipped", s.skipped},
                              {"stalls", s.stalls},
                              {"transitions_out", s.transitions_out},
                              {"transitions_out_on_map", s.transitions_out_on_map}});
    const bool findings = r.fitting_cases < r.cases || !r.steps_never_seen.empty() || r.stalls > 0;
    if (opt.format == "json") {
        std::cout << j.dump(2) << "\n";
        return findings ? exit_findings : exit_ok;
    }
    const bool md = opt.format == "markdown";
    const char* bullet = md ? "- " : "  ";
    std::cout << (md ? "# " : "") << "Conformance of " << opt.events << " against " << opt.map_file << "\n"
              << (md ? "\n" : "");
    std::cout << r.cases << " cases, " << r.fitting_cases << " follow the map: fitness "
              << static_cast<int>(r.fitness * 1000 + 0.5) / 10.0 << "%; " << r.late_entries
              << " enter at a step that is not a start; " << r.stalls << " stall(s)\n";
    const auto list = [&](const char* title, const std::vector<eventlog::TransitionCount>& v) {
        if (v.empty()) return;
        std::cout << (md ? "\n## " : "") << title << (md ? "\n\n" : ":\n");
        for (const auto& t : v)
            std::cout << bullet << t.from << " -> " << t.to << ": " << t.count << " times in " << t.cases
                      << " cases\n";
    };
    list("transitions seen but not on the map", r.unexpected);
    list("skips (forward past drawn steps)", r.skips);
    list("backward moves", r.backward);
    if (!r.steps_never_seen.empty()) {
        std::cout << (md ? "\n## " : "") << "map steps never seen" << (md ? "\n\n" : ":\n");
        for (const auto& s : r.steps_never_seen) std::cout << bullet << s << "\n";
    }
    if (!r.unmapped_activities.empty()) {
        std::cout << (md ? "\n## " : "") << "activities not on the map" << (md ? "\n\n" : ":\n");
        for (const auto& [a, n] : r.unmapped_activities) std::cout << bullet << a << ": " << n << " events\n";
    }
    std::cout << (md ? "\n## " : "") << "steps (cases, entries, exits, skipped, stalls)"
              << (md ? "\n\n" : ":\n");
    for (const auto& s : r.steps)
        std::cout << bullet << s.step << ": " << s.cases << ", " << s.entries << ", " << s.exits << ", "
                  << s.skipped << ", " << s.stalls << "\n";
    return findings ? exit_findings : exit_ok;
}

}  // namespace

void setup_validate(CLI::App& app, Action& action) {
    auto opt = std::make_shared<ValidateOptions>();
    auto* sub = app.add_subcommand(
        "validate", "Check an event log against a journey map (fitness, skips, backward moves, stalls)");
    sub->add_option("map", opt->map_file, "The journey map (.drawio)")->required();
    sub->add_option("--events", opt->events, "Event log: CSV or XES, plain or gzip")->required();
    sub->add_option("--page", opt->page, "Page name, id or 1-based number (default: the first page)");
    sub->add_option("--stall-days", opt->stall_days,
                    "Time in a step above this many days is a stall (default: off)");
    sub->add_option("--format", opt->format, "Output: text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    add_log_options(*sub, opt->log);
    sub->callback([opt, &action] { action = [opt] { return run_validate(*opt); }; });
}

}  // namespace jstudio::cli
