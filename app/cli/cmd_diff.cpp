// journey diff current.drawio future.drawio: a structural comparison of two journey maps.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/base/file_io.hpp"
#include "core/journey/journey_diff.hpp"
#include "core/journey/journey_read.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/report/diff_report.hpp"
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

int run_diff(const DiffOptions& o) {
    auto before = load(o.before);
    if (!before) return report_error(before.error());
    auto after = load(o.after);
    if (!after) return report_error(after.error());
    const auto d = journey::diff_maps(before->map, after->map);
    std::cout << exporters::write_diff_report(d, *exporters::parse_report_format(o.format));
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
