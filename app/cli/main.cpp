// journey: every capability headless, for scripts and CI.
#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <iostream>

#include "app/cli/commands.hpp"

int main(int argc, char** argv) {
    using namespace jstudio::cli;
    CLI::App app{"journey: customer-journey maps and flowcharts, headless (draw.io files in and out)"};
    app.set_version_flag("--version", std::string("journey ") + JSTUDIO_VERSION);
    app.require_subcommand(1);
    Action action;
    for (const auto& setup : all_commands()) setup(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version are "successes" in CLI11; every other parse error is bad usage.
        return app.exit(e) == 0 ? exit_ok : exit_usage;
    }
    try {
        return action ? action() : exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "journey: internal error: " << e.what() << "\n";
        return exit_usage;
    }
}
