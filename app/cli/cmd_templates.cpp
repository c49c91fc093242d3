// journey templates: the journey-map templates found on the search path, one line each.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "templates/template_library.hpp"

namespace jstudio::cli {

namespace {

struct TemplatesOptions {
    std::string template_dir;
    std::string format = "text";
};

int run_templates(const TemplatesOptions& opt) {
    const auto folders = templates::template_search_path(opt.template_dir);
    const auto list = templates::list_templates(folders);
    if (opt.format == "json") {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& t : list)
            j.push_back({{"name", t.name},
                         {"kind", t.kind},
                         {"description", t.description},
                         {"file", t.file.string()}});
        std::cout << j.dump(2) << "\n";
        return exit_ok;
    }
    if (list.empty()) {
        std::cerr << "journey: no templates found; use --template-dir or set JOURNEY_TEMPLATE_PATH\n";
        return exit_usage;
    }
    std::size_t width = 0;
    for (const auto& t : list) width = std::max(width, t.name.size());
    for (const auto& t : list)
        std::cout << t.name << std::string(width - t.name.size() + 2, ' ') << t.description << "\n";
    return exit_ok;
}

}  // namespace

void setup_templates(CLI::App& app, Action& action) {
    auto opt = std::make_shared<TemplatesOptions>();
    auto* cmd = app.add_subcommand("templates", "List the journey-map templates with a one-line description");
    cmd->add_option("--template-dir", opt->template_dir,
                    "extra folder of template .json files (also $JOURNEY_TEMPLATE_PATH, ':'-separated)");
    cmd->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([opt, &action] { action = [opt] { return run_templates(*opt); }; });
}

}  // namespace jstudio::cli
