#pragma once
// Each subcommand is one file: an options struct, a setup_… that binds flags, a run_… that does the work.
#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace jstudio::cli {

enum ExitCode : int { exit_ok = 0, exit_findings = 1, exit_usage = 2 };

// Set by a subcommand's callback; running the work after parsing keeps usage errors apart from findings.
using Action = std::function<int()>;
using Setup = void (*)(CLI::App&, Action&);

void setup_info(CLI::App& app, Action& action);
void setup_convert(CLI::App& app, Action& action);
void setup_layout(CLI::App& app, Action& action);
void setup_discover(CLI::App& app, Action& action);
void setup_templates(CLI::App& app, Action& action);
void setup_new(CLI::App& app, Action& action);
void setup_diff(CLI::App& app, Action& action);
void setup_export(CLI::App& app, Action& action);
void setup_validate(CLI::App& app, Action& action);
void setup_check(CLI::App& app, Action& action);

// Registered subcommands in --help order. New commands add a line in commands.cpp.
const std::vector<Setup>& all_commands();

}  // namespace jstudio::cli
