// journey check FILE: navigation checks on user flows and site maps (dead ends, unreachable screens, ...).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/analysis/navigation/annotate_findings.hpp"
#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "core/base/file_io.hpp"
#include "core/diagram/page_index.hpp"
#include "exporters/drawio/drawio_writer.hpp"
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

Error config_error(const std::string& file, const std::string& message) {
    return make_error(ErrorCode::unsupported, message, at_file(file));
}

// The config file: {"rules": {"too-deep": {"enabled": true, "severity": "warning", "threshold": 4},
// "bottleneck": false}, "entries": ["Home"], "exits": ["Done"], "fail_on": "warning"}.
Status apply_config_file(const std::string& file, nav::CheckConfig& config, std::string& fail_on) {
    auto text = read_file(file);
    if (!text) return text.error();
    nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return config_error(file, "not a JSON object");
    if (j.contains("rules")) {
        if (!j["rules"].is_object()) return config_error(file, "\"rules\" must be an object");
        for (auto& [id, value] : j["rules"].items()) {
            nav::RuleSettings* rule = config.find(id);
            if (!rule) return config_error(file, "unknown rule '" + id + "'");
            if (value.is_boolean()) {
                rule->enabled = value.get<bool>();
                continue;
            }
            if (!value.is_object())
                return config_error(file, "rule '" + id + "': expected true, false or an object");
            if (value.contains("enabled")) {
                if (!value["enabled"].is_boolean())
                    return config_error(file, "rule '" + id + "': enabled must be true or false");
                rule->enabled = value["enabled"].get<bool>();
            }
            if (value.contains("severity")) {
                auto s = value["severity"].is_string()
                             ? nav::parse_severity(value["severity"].get<std::string>())
                             : std::nullopt;
                if (!s)
                    return config_error(file, "rule '" + id + "': severity must be info, warning or error");
                rule->severity = *s;
            }
            if (value.contains("threshold")) {
                if (!value["threshold"].is_number())
                    return config_error(file, "rule '" + id + "': threshold must be a number");
                rule->threshold = value["threshold"].get<double>();
            }
        }
    }
    for (auto [key, list] : {std::pair{"entries", &config.entries}, {"exits", &config.exits}})
        if (j.contains(key)) {
            if (!j[key].is_array())
                return config_error(file, std::string("\"") + key + "\" must be a list of ids or labels");
            for (auto& v : j[key]) {
                if (!v.is_string())
                    return config_error(file, std::string("\"") + key + "\" must hold strings");
                list->push_back(v.get<std::string>());
            }
        }
    if (j.contains("fail_on")) {
        if (!j["fail_on"].is_string() || !nav::parse_severity(j["fail_on"].get<std::string>()))
            return config_error(file, "fail_on must be info, warning or error");
        fail_on = j["fail_on"].get<std::string>();
    }
    return Ok{};
}

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

std::string label_of(const diagram::PageIndex& idx, const std::string& id) {
    const diagram::Cell* c = idx.find(id);
    return c ? nav::plain_label(c->label(), true) : std::string();
}

nlohmann::json report_json(const diagram::Page& page, const nav::PageReport& r) {
    const diagram::PageIndex idx(page);
    auto named = [&](const std::vector<std::string>& ids) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& id : ids) a.push_back({{"id", id}, {"label", label_of(idx, id)}});
        return a;
    };
    nlohmann::json findings = nlohmann::json::array();
    for (const nav::Finding& f : r.findings) {
        nlohmann::json jf = {{"rule", f.rule},
                             {"severity", nav::to_string(f.severity)},
                             {"cells", f.cells},
                             {"message", f.message}};
        if (f.suggestion)
            jf["suggested_link"] = {{"from", f.suggestion->from_cell},
                                    {"from_label", label_of(idx, f.suggestion->from_cell)},
                                    {"to", f.suggestion->to_cell},
                                    {"to_label", label_of(idx, f.suggestion->to_cell)}};
        findings.push_back(std::move(jf));
    }
    return {{"index", r.page_index + 1},   {"name", page.display_name(r.page_index)},
            {"screens", r.screens},        {"links", r.links},
            {"entries", named(r.entries)}, {"exits", named(r.exits)},
            {"findings", findings}};
}

std::string names(const nlohmann::json& list) {
    std::string out;
    for (const auto& e : list) {
        if (!out.empty()) out += ", ";
        const std::string label = e["label"].get<std::string>();
        out += label.empty() ? e["id"].get<std::string>() : "'" + label + "'";
    }
    return out.empty() ? "none" : out;
}

std::string md_cell(std::string text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

int run_check(const CheckOptions& cli_opt) {
    CheckOptions opt = cli_opt;
    nav::CheckConfig config = nav::CheckConfig::defaults();
    std::string fail_on = "error";
    if (!opt.config.empty())
        if (auto st = apply_config_file(opt.config, config, fail_on); !st) return report_error(st.error());
    if (!opt.fail_on.empty()) fail_on = opt.fail_on;  // the option wins over the config file
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

    const nav::Severity threshold = *nav::parse_severity(fail_on);
    std::size_t counts[3] = {0, 0, 0};
    bool failing = false;
    nlohmann::json j = {{"file", opt.input}, {"pages", nlohmann::json::array()}};
    std::vector<nav::PageReport> reports;
    for (std::size_t i : pages) {
        nav::PageReport r = nav::run_checks(doc.pages[i], config);
        r.page_index = i;
        for (const auto& f : r.findings) {
            ++counts[static_cast<int>(f.severity)];
            if (f.severity >= threshold) failing = true;
        }
        j["pages"].push_back(report_json(doc.pages[i], r));
        reports.push_back(std::move(r));
    }
    j["summary"] = {{"error", counts[2]},
                    {"warning", counts[1]},
                    {"info", counts[0]},
                    {"fail_on", fail_on},
                    {"failed", failing}};

    std::ostringstream out;
    if (opt.format == "json") {
        out << j.dump(2) << "\n";
    } else if (opt.format == "markdown") {
        out << "# Navigation check: " << md_cell(opt.input) << "\n\n";
        for (const auto& p : j["pages"]) {
            out << "## Page " << p["index"] << ": " << md_cell(p["name"].get<std::string>()) << "\n\n"
                << p["screens"] << " screens, " << p["links"]
                << " links; entries: " << md_cell(names(p["entries"]))
                << "; exits: " << md_cell(names(p["exits"])) << "\n\n";
            if (p["findings"].empty()) {
                out << "No findings.\n\n";
                continue;
            }
            out << "| Severity | Rule | Finding | Suggested link |\n|---|---|---|---|\n";
            for (const auto& f : p["findings"]) {
                std::string link;
                if (f.contains("suggested_link")) {
                    const auto& s = f["suggested_link"];
                    link = s["from_label"].get<std::string>() + " → " + s["to_label"].get<std::string>();
                }
                out << "| " << f["severity"].get<std::string>() << " | " << f["rule"].get<std::string>()
                    << " | " << md_cell(f["message"].get<std::string>()) << " | " << md_cell(link) << " |\n";
            }
            out << "\n";
        }
        out << "**Summary:** " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
            << " info.\n";
    } else {
        for (const auto& p : j["pages"]) {
            out << opt.input << ": page " << p["index"] << " '" << p["name"].get<std::string>()
                << "': " << p["screens"] << " screens, " << p["links"] << " links; entries "
                << names(p["entries"]) << "; exits " << names(p["exits"]) << "\n";
            for (const auto& f : p["findings"]) {
                out << "  " << f["severity"].get<std::string>() << " [" << f["rule"].get<std::string>()
                    << "] " << f["message"].get<std::string>() << " (" << f["cells"][0].get<std::string>()
                    << ")\n";
            }
        }
        out << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0] << " info\n";
    }
    std::cout << out.str();

    if (!opt.annotate.empty()) {
        std::size_t added = 0;
        for (const auto& r : reports) added += nav::annotate_page(doc.pages[r.page_index], r.findings);
        if (auto st = exporters::save_drawio(doc, opt.annotate); !st) return report_error(st.error());
        if (opt.annotate != "-")
            std::cerr << "wrote " << opt.annotate << " (" << added << " annotation cells)\n";
    }
    for (const auto& d : read->diagnostics) std::cerr << d.to_string() << "\n";
    return failing ? exit_findings : exit_ok;
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
