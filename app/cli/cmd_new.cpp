// journey new --template NAME: a journey map drawn from a template, as a draw.io file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "templates/template_library.hpp"

namespace jstudio::cli {

namespace {

struct NewOptions {
    std::string template_name;
    std::string output = "map.drawio";
    std::string persona, stages, title, template_dir;
    bool keep_content = false;
};

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string item = text.substr(start, comma - start);
        auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
        out.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
        start = comma + 1;
    }
    return out;
}

int run_new(const NewOptions& opt) {
    const auto folders = templates::template_search_path(opt.template_dir);
    auto info = templates::find_template(folders, opt.template_name);
    if (!info) return report_error(info.error());
    auto map = templates::load_template(info->file);
    if (!map) return report_error(map.error());
    templates::InstantiateOptions inst;
    inst.title = opt.title;
    inst.persona = opt.persona;
    if (!opt.stages.empty()) inst.stages = split_commas(opt.stages);
    inst.keep_content = opt.keep_content;
    const std::size_t template_stages = map->stages.size(), template_cards = map->graph.step_count();
    auto notes = templates::instantiate(*map, inst);
    if (!notes) return report_error(notes.error());
    for (const auto& note : *notes) std::cerr << "journey: warning: " << note << "\n";
    if (!inst.stages.empty() && !inst.keep_content && template_cards > 0)
        std::cerr << "journey: the template's " << template_stages << " stages and " << template_cards
                  << " sample cards were left out; the new stages start with a placeholder card per lane "
                     "(--keep-content maps the template's cards onto them by position)\n";
    for (const auto& issue : journey::validate(*map))
        std::cerr << "journey: " << info->file.string() << ": " << issue.message << "\n";
    auto doc = templates::journey_document(*map);
    if (auto saved = exporters::save_drawio(doc, opt.output); !saved) return report_error(saved.error());
    if (opt.output != "-")
        std::cerr << "journey: wrote " << opt.output << " (" << map->stages.size() << " stages, "
                  << map->lanes.size() << " lanes, " << map->graph.step_count() << " steps)\n";
    return exit_ok;
}

}  // namespace

void setup_new(CLI::App& app, Action& action) {
    auto opt = std::make_shared<NewOptions>();
    auto* cmd = app.add_subcommand("new", "Start a journey map from a template, written as a draw.io file");
    cmd->add_option("--template,-t", opt->template_name,
                    "template name (see `journey templates`) or a .json file")
        ->required();
    cmd->add_option("-o,--output", opt->output, "draw.io file to write, or - for stdout")
        ->capture_default_str();
    cmd->add_option("--persona", opt->persona, "name of the (first) persona");
    cmd->add_option("--stages", opt->stages, "stage names, comma-separated: \"Discover,Buy,Use\"");
    cmd->add_option("--title", opt->title, "map title");
    cmd->add_flag("--keep-content", opt->keep_content,
                  "with --stages: keep the template's cards, mapped onto the new stages by position "
                  "(default: the new stages start with a placeholder card per lane)");
    cmd->add_option("--template-dir", opt->template_dir,
                    "extra folder of template .json files (also $JOURNEY_TEMPLATE_PATH, ':'-separated)");
    cmd->callback([opt, &action] { action = [opt] { return run_new(*opt); }; });
}

}  // namespace jstudio::cli
