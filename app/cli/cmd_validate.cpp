// journey validate MAP.drawio --events LOG: conformance of what customers did against the drawn journey:
// fitness, deviations, per-step reach / conversion / drop-off, optionally per segment and drawn onto the map.
#include <CLI/CLI.hpp>

#include <iostream>
#include <iterator>
#include <optional>
#include <vector>

#include "app/cli/commands.hpp"
#include "app/cli/eventlog_options.hpp"
#include "app/cli/report_error.hpp"
#include "core/base/file_io.hpp"
#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/conformance.hpp"
#include "core/eventlog/conformance_stream.hpp"
#include "core/eventlog/step_model.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/report/validate_report.hpp"
#include "importers/config/mapping_file.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct ValidateOptions {
    std::string map_file, events, page, format = "text", mapping, annotate, cases;
    double stall_days = 0;
    LogOptionFlags log;
};

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
    co.keep_deviations = !opt.cases.empty();  // the report needs only their tally
    if (!opt.mapping.empty()) {
        auto rows = importers::read_mapping_file(opt.mapping);
        if (!rows) return report_error(rows.error());
        co.mapping = std::move(rows.value());
    }
    // Streamed when it can be (no --cases list, no segments): memory then follows the cases, not the events.
    const bool can_stream = opt.cases.empty() && opt.log.segment.empty();
    eventlog::ConformanceStream stream(*map, co);
    auto read = read_log_for_cli(opt.events, opt.log, can_stream ? &stream : nullptr);
    if (!read) return report_error(read.error());
    std::optional<eventlog::Conformance> streamed;
    if (read->streamed) {
        streamed = stream.finish(read->log);
        // Activities named like step cards give the card-level view too, which needs the log itself.
        if (streamed->stages && streamed->card_events > 0) {
            streamed.reset();
            read = read_log_for_cli(opt.events, opt.log);
            if (!read) return report_error(read.error());
        }
    }
    for (const auto& d : read->diagnostics) std::cerr << "journey: " << d.to_string() << "\n";
    const bool aggregated = read->aggregated.has_value();
    if (aggregated && !opt.log.segment.empty())
        return report_error(make_error(ErrorCode::bad_usage,
                                       "--segment needs an event log; a directly-follows table has no cases",
                                       at_file(opt.events)));
    const auto r = streamed     ? std::move(*streamed)
                   : aggregated ? eventlog::check_conformance(read->log, *read->aggregated, *map, co)
                                : eventlog::check_conformance(read->log, *map, co);
    for (const auto& t : r.mapping_unresolved)
        std::cerr << "journey: " << opt.mapping << ": mapping target '" << t << "' is no step of the map\n";
    if (aggregated && !opt.cases.empty())
        return report_error(make_error(ErrorCode::bad_usage,
                                       "--cases needs an event log; a directly-follows table has no cases",
                                       at_file(opt.events)));

    // A journey map checked by its stages: activities named like step cards also give the card-level view.
    std::optional<eventlog::Conformance> cards;
    if (r.stages && r.card_events > 0 && !aggregated)
        if (auto cm = eventlog::card_model(pages[page_no]))
            cards = eventlog::check_conformance(read->log, *cm, co);

    std::vector<std::pair<std::string, eventlog::Conformance>> segments;
    if (!opt.log.segment.empty())
        for (auto& [value, part] : eventlog::split_by_segment(read->log))
            segments.emplace_back(value, eventlog::check_conformance(part, *map, co));

    if (!opt.cases.empty())
        if (auto st = write_file_atomic(opt.cases, exporters::write_cases_csv(r)); !st)
            return report_error(st.error());

    if (!opt.annotate.empty()) {
        // Segmented: one copy of the page per segment value, each with that segment's numbers, after the
        // page with everyone's.
        std::vector<diagram::Page> copies;
        for (const auto& [value, part] : segments) {
            diagram::Page copy = pages[page_no];
            const std::string base = pages[page_no].display_name(page_no);
            copy.name = base + " - " + opt.log.segment + " " + (value.empty() ? "(empty)" : value);
            if (copy.id) copy.id = *copy.id + "-" + std::to_string(copies.size() + 1);
            eventlog::annotate_map(copy, *map, part);
            copies.push_back(std::move(copy));
        }
        eventlog::annotate_map(pages[page_no], *map, r);
        pages.insert(pages.begin() + static_cast<std::ptrdiff_t>(page_no) + 1,
                     std::make_move_iterator(copies.begin()), std::make_move_iterator(copies.end()));
        if (auto st = exporters::save_drawio(doc->document, opt.annotate); !st)
            return report_error(st.error());
    }

    exporters::ValidateReportInput report{opt.map_file, opt.events,      opt.mapping,
                                          &r,           opt.log.segment, std::move(segments)};
    if (cards) report.cards = &*cards;
    std::cout << exporters::write_validate_report(report, *exporters::parse_report_format(opt.format));
    return exporters::has_conformance_findings(r) ? exit_findings : exit_ok;
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
                    "Time in a stage above this many days is a stall (default: above the stage's p90 time, "
                    "for stages with at least 10 stays; a mapping file's stall_days wins for its stage; "
                    "a negative value turns the check off)");
    sub->add_option("--cases", opt->cases,
                    "Write one CSV row per deviation of a case: case, kind (skip, backward, stall, drop-out, "
                    "late-entry, off-map), stage, to, when (UTC), days");
    sub->add_option(
        "--annotate", opt->annotate,
        "Write the map with per-stage reach, conversion, drop-off, time in stage, backward moves and stalls "
        "(a journey map's KPI lane gets them as cards), volumes and unexpected paths; with --segment one "
        "more page per segment value");
    sub->add_option("--format", opt->format, "Output: text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    add_log_options(*sub, opt->log);
    sub->callback([opt, &action] { action = [opt] { return run_validate(*opt); }; });
}

}  // namespace jstudio::cli
