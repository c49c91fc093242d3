// journey diff current.drawio future.drawio: a structural comparison of two journey maps.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/base/file_io.hpp"
#include "core/journey/journey_diff.hpp"
#include "core/journey/journey_read.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct DiffOptions {
    std::string before, after, format = "text", annotate;
};

struct Loaded {
    diagram::Document document;
    std::size_t page = 0;
    journey::JourneyMap map;
};

Result<Loaded> load(const std::string& path) {
    auto read = importers::read_drawio_file(path);
    if (!read) return read.error();
    Loaded out;
    out.document = std::move(read->document);
    for (std::size_t i = 0; i < out.document.pages.size(); ++i) {
        if (!journey::is_journey_page(out.document.pages[i])) continue;
        auto map = journey::read_journey(out.document.pages[i]);
        if (!map) return map.error();
        out.page = i;
        out.map = std::move(*map);
        return out;
    }
    return make_error(ErrorCode::unsupported, "no page of this file is a journey map (made by `journey new`)",
                      at_file(path));
}

nlohmann::json ref_json(const journey::StepRef& r) {
    return {{"step_id", r.step_id}, {"label", r.label}, {"stage", r.stage}, {"lane", r.lane}};
}

nlohmann::json diff_json(const journey::JourneyDiff& d) {
    nlohmann::json j;
    for (const char* k :
         {"added", "removed", "changed", "pain_points_resolved", "pain_points_new", "emotion_by_stage"})
        j[k] = nlohmann::json::array();
    for (const auto& r : d.added) j["added"].push_back(ref_json(r));
    for (const auto& r : d.removed) j["removed"].push_back(ref_json(r));
    for (const auto& c : d.changed) {
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& f : c.changes)
            changes.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
        j["changed"].push_back(
            {{"step_id", c.after.step_id}, {"label", c.after.label}, {"changes", changes}});
    }
    for (const auto& r : d.pain_points_resolved) j["pain_points_resolved"].push_back(ref_json(r));
    for (const auto& r : d.pain_points_new) j["pain_points_new"].push_back(ref_json(r));
    for (const auto& e : d.emotion_by_stage) {
        nlohmann::json row = {
            {"stage", e.stage}, {"before", nullptr}, {"after", nullptr}, {"change", nullptr}};
        if (e.before) row["before"] = *e.before;
        if (e.after) row["after"] = *e.after;
        if (e.before && e.after) row["change"] = *e.after - *e.before;
        j["emotion_by_stage"].push_back(row);
    }
    return j;
}

std::string opt(const std::optional<double>& v) {
    return v ? journey::format_emotion(*v) : "-";
}

std::string diff_text(const journey::JourneyDiff& d, bool markdown) {
    std::ostringstream o;
    auto head = [&](const std::string& title, std::size_t n) {
        if (markdown)
            o << "\n## " << title << " (" << n << ")\n\n";
        else
            o << title << " (" << n << "):\n";
    };
    auto item = [&](const journey::StepRef& r) {
        o << (markdown ? "- " : "  ") << "[" << r.step_id << "] " << (markdown ? "**" : "'") << r.label
          << (markdown ? "**" : "'") << " (" << r.stage << " / " << r.lane << ")\n";
    };
    if (markdown) o << "# Journey diff\n";
    head("Steps added", d.added.size());
    for (const auto& r : d.added) item(r);
    head("Steps removed", d.removed.size());
    for (const auto& r : d.removed) item(r);
    head("Steps changed", d.changed.size());
    for (const auto& c : d.changed) {
        o << (markdown ? "- " : "  ") << "[" << c.after.step_id << "] " << c.after.label << "\n";
        for (const auto& f : c.changes)
            o << (markdown ? "  - " : "      ") << f.field << ": '" << f.before << "' -> '" << f.after
              << "'\n";
    }
    head("Pain points resolved", d.pain_points_resolved.size());
    for (const auto& r : d.pain_points_resolved) item(r);
    head("Pain points new", d.pain_points_new.size());
    for (const auto& r : d.pain_points_new) item(r);
    head("Emotion by stage", d.emotion_by_stage.size());
    if (markdown && !d.emotion_by_stage.empty())
        o << "| Stage | Before | After | Change |\n|---|---|---|---|\n";
    for (const auto& e : d.emotion_by_stage) {
        const std::string change = e.before && e.after ? journey::format_emotion(*e.after - *e.before) : "-";
        if (markdown)
            o << "| " << e.stage << " | " << opt(e.before) << " | " << opt(e.after) << " | " << change
              << " |\n";
        else
            o << "  " << e.stage << ": " << opt(e.before) << " -> " << opt(e.after) << " (" << change
              << ")\n";
    }
    return o.str();
}

int run_diff(const DiffOptions& o) {
    auto before = load(o.before);
    if (!before) return report_error(before.error());
    auto after = load(o.after);
    if (!after) return report_error(after.error());
    const auto d = journey::diff_maps(before->map, after->map);
    if (o.format == "json")
        std::cout << diff_json(d).dump(2) << "\n";
    else
        std::cout << diff_text(d, o.format == "markdown");
    if (!o.annotate.empty()) {
        diagram::Document doc = after->document;
        journey::annotate_diff(doc.pages[after->page], before->document.pages[before->page], before->map,
                               after->map, d);
        if (auto saved = exporters::save_drawio(doc, o.annotate); !saved) return report_error(saved.error());
    }
    // As diff(1): 1 when the maps differ, so scripts can test it.
    const bool differ = d.has_step_changes() || !d.pain_points_new.empty() || !d.pain_points_resolved.empty();
    return differ ? exit_findings : exit_ok;
}

}  // namespace

void setup_diff(CLI::App& app, Action& action) {
    auto opt = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand("diff",
                                   "Compare two journey maps (current vs future): steps, pain points, "
                                   "emotion per stage; exit 1 if they differ");
    cmd->add_option("current", opt->before, "the first map (.drawio), e.g. the current state")->required();
    cmd->add_option("future", opt->after, "the second map (.drawio), e.g. the future state")->required();
    cmd->add_option("--format", opt->format, "text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    cmd->add_option("--annotate", opt->annotate,
                    "write a copy of the second map with changes marked on a layer 'Changes'");
    cmd->callback([opt, &action] { action = [opt] { return run_diff(*opt); }; });
}

}  // namespace jstudio::cli
