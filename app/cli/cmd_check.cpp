// journey check FILE: navigation checks on user flows and site maps (dead ends, unreachable screens, ...).
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/analysis/navigation/annotate_findings.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/report/check_report.hpp"
#include "importers/config/check_config_file.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

namespace nav = analysis::navigation;

struct CheckOptions {
    std::string input;
    std::string page = "all";
    std::vector<std::string> entries, exits, enable, disable, severities;
    std::optional<int> max_depth;
    std::string format = "text";
    std::string annotate;
    std::string fail_on;  // "" = the config file's, else error
    std::string config;
};

Status apply_options(const CheckOptions& opt, nav::CheckConfig& config) {
    auto rule = [&](const std::string& id) -> Result<nav::RuleSettings*> {
        if (auto* r = config.find(id)) return r;
        return make_error(ErrorCode::unsupported, "unknown rule '" + id + "'");
    };
    for (const auto& id : opt.enable) {
        auto r = rule(id);
        if (!r) return r.error();
        (*r)->enabled = true;
    }
    for (const auto& id : opt.disable) {
        auto r = rule(id);
        if (!r) return r.error();
        (*r)->enabled = false;
    }
    for (const auto& spec : opt.severities) {
        const auto eq = spec.find('=');
        auto r = rule(spec.substr(0, eq));
        if (!r) return r.error();
        auto s = eq == std::string::npos ? std::nullopt : nav::parse_severity(spec.substr(eq + 1));
        if (!s)
            return make_error(ErrorCode::unsupported,
                              "--severity wants RULE=info|warning|error, got '" + spec + "'");
        (*r)->severity = *s;
    }
    if (opt.max_depth) config.rules["too-deep"].threshold = *opt.max_depth;
    if (!opt.entries.empty()) config.entries = opt.entries;
    if (!opt.exits.empty()) config.exits = opt.exits;
    return Ok{};
}

int run_check(const CheckOptions& opt) {
    nav::CheckConfig config = nav::CheckConfig::defaults();
    nav::Severity fail_on = nav::Severity::error;
    if (!opt.config.empty()) {
        auto file = importers::read_check_config(opt.config);
        if (!file) return report_error(file.error());
        config = std::move(file->config);
        fail_on = file->fail_on.value_or(fail_on);
    }
    if (!opt.fail_on.empty()) fail_on = *nav::parse_severity(opt.fail_on);  // the option wins over the file
    if (auto st = apply_options(opt, config); !st) return report_error(st.error());

    auto read = importers::read_drawio_file(opt.input);
    if (!read) return report_error(read.error());
    diagram::Document& doc = read->document;
    std::vector<std::size_t> pages;
    if (opt.page == "all") {
        for (std::size_t i = 0; i < doc.pages.size(); ++i) pages.push_back(i);
    } else {
        std::size_t n = 0;
        try {
            n = std::stoul(opt.page);
        } catch (...) {
        }
        if (n < 1 || n > doc.pages.size())
            return report_error(make_error(
                ErrorCode::unsupported,
                "--page " + opt.page + ": the file has " + std::to_string(doc.pages.size()) + " page(s)",
                at_file(opt.input)));
        pages.push_back(n - 1);
    }

    exporters::CheckReportInput report{opt.input, &doc, {}, fail_on};
    for (std::size_t i : pages) {
        nav::PageReport r = nav::run_checks(doc.pages[i], config);
        r.page_index = i;
        report.pages.push_back(std::move(r));
    }
    exporters::write_check_report(std::cout, report, *exporters::parse_report_format(opt.format));
    std::cout.flush();

    if (!opt.annotate.empty()) {
        std::size_t added = 0;
        for (const auto& r : report.pages) added += nav::annotate_page(doc.pages[r.page_index], r.findings);
        if (auto st = exporters::save_drawio(doc, opt.annotate); !st) return report_error(st.error());
        if (opt.annotate != "-")
            std::cerr << "wrote " << opt.annotate << " (" << added << " annotation cells)\n";
    }
    for (const auto& d : read->diagnostics) std::cerr << d.to_string() << "\n";
    return exporters::count_findings(report.pages, fail_on).failed ? exit_findings : exit_ok;
}

}  // namespace

void setup_check(CLI::App& app, Action& action) {
    auto opt = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand("check",
                                   "Check the navigation of user flows and site maps: unreachable screens, "
                                   "dead ends, traps, loose arrows, ...");
    cmd->add_option("file", opt->input, "draw.io file, or - for stdin")->required();
    cmd->add_option("--page", opt->page, "page number (1-based) or all")->default_str("all");
    cmd->add_option("--entry", opt->entries,
                    "entry screen: cell id or label (repeatable; default: detected)");
    cmd->add_option("--exit", opt->exits, "exit screen: cell id or label (repeatable; default: detected)");
    cmd->add_option("--max-depth", opt->max_depth, "most clicks from the entry before too-deep (default 3)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--format", opt->format, "text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    cmd->add_option("--annotate", opt->annotate,
                    "write a copy with findings highlighted and suggested links drawn, on their own layers");
    cmd->add_option("--fail-on", opt->fail_on,
                    "exit 1 when findings at or above this severity exist (default error)")
        ->check(CLI::IsMember({"info", "warning", "error"}));
    cmd->add_option("--config", opt->config,
                    "JSON rule settings: {\"rules\": {\"too-deep\": {\"threshold\": 4}, "
                    "\"bottleneck\": false}, \"entries\": [...], \"fail_on\": \"warning\"}");
    cmd->add_option("--enable", opt->enable, "turn a rule on (repeatable)");
    cmd->add_option("--disable", opt->disable, "turn a rule off (repeatable)");
    cmd->add_option("--severity", opt->severities, "RULE=info|warning|error (repeatable)");
    std::string rules = "Rules:";
    for (const auto& r : nav::rule_ids()) rules += "\n  " + std::string(r.id) + ": " + std::string(r.summary);
    cmd->footer(rules);
    cmd->callback([opt, &action] { action = [opt] { return run_check(*opt); }; });
}

}  // namespace jstudio::cli
