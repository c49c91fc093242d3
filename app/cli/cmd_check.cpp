// journey check FILE: navigation checks on user flows and site maps (dead ends, unreachable screens, ...).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <string_view>

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

// Standard output in 1 MiB pieces: a report of a big site map runs to tens of megabytes, and it is written
// as it is made instead of being built whole (as a JSON tree, then as a string) first.
class Out {
  public:
    ~Out() { flush(); }
    Out& operator<<(std::string_view text) {
        m_buffer.append(text);
        if (m_buffer.size() > (1u << 20)) flush();
        return *this;
    }
    Out& operator<<(char c) {
        m_buffer += c;
        return *this;
    }
    Out& operator<<(std::size_t n) { return *this << std::string_view(std::to_string(n)); }
    void flush() {
        std::cout.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }

  private:
    std::string m_buffer;
};

// A JSON string as nlohmann::json::dump writes it (ensure_ascii off): the output stays byte for byte what
// it was when the report was a JSON tree.
std::string json_string(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    static const char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
    return out;
}

struct Named {
    std::string id, label;
};

// What the report says about one page, with the labels of the cells it names looked up once.
struct PageSummary {
    std::size_t index = 0;  // 1-based
    std::string name;
    std::size_t screens = 0, links = 0;
    std::vector<Named> entries, exits;
    const std::vector<nav::Finding>* findings = nullptr;
    std::vector<std::pair<std::string, std::string>> suggestion_labels;  // per finding: from, to
};

PageSummary summarize(const diagram::Page& page, const diagram::PageIndex& idx, const nav::PageReport& r) {
    PageSummary p;
    p.index = r.page_index + 1;
    p.name = page.display_name(r.page_index);
    p.screens = r.screens;
    p.links = r.links;
    for (const auto& id : r.entries) p.entries.push_back({id, label_of(idx, id)});
    for (const auto& id : r.exits) p.exits.push_back({id, label_of(idx, id)});
    p.findings = &r.findings;
    p.suggestion_labels.reserve(r.findings.size());
    // Suggestions of one rule often share a screen (too-deep ones all start at the entry): the last label
    // worked out at each end is reused.
    std::pair<std::string_view, std::string> last_from, last_to;
    auto label = [&](std::pair<std::string_view, std::string>& last, const std::string& id) {
        if (last.first.data() == nullptr || last.first != id) last = {id, label_of(idx, id)};
        return last.second;
    };
    for (const nav::Finding& f : r.findings)
        p.suggestion_labels.emplace_back(f.suggestion ? label(last_from, f.suggestion->from_cell) : "",
                                         f.suggestion ? label(last_to, f.suggestion->to_cell) : "");
    return p;
}

// The JSON report, laid out as nlohmann::json::dump(2) lays out an object (keys in sorted order).
void write_json(Out& out, const std::string& file, const std::vector<PageSummary>& pages,
                const std::size_t counts[3], const std::string& fail_on, bool failing) {
    auto named = [&](const std::vector<Named>& list, const char* indent) {
        if (list.empty()) return out << "[]", void();
        out << "[\n";
        for (std::size_t i = 0; i < list.size(); ++i) {
            out << indent << "  {\n"
                << indent << "    \"id\": " << json_string(list[i].id) << ",\n"
                << indent << "    \"label\": " << json_string(list[i].label) << "\n"
                << indent << "  }" << (i + 1 < list.size() ? ",\n" : "\n");
        }
        out << indent << "]";
    };
    out << "{\n  \"file\": " << json_string(file) << ",\n  \"pages\": ";
    if (pages.empty())
        out << "[]";
    else
        out << "[\n";
    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
        const PageSummary& p = pages[pi];
        out << "    {\n      \"entries\": ";
        named(p.entries, "      ");
        out << ",\n      \"exits\": ";
        named(p.exits, "      ");
        out << ",\n      \"findings\": ";
        const auto& findings = *p.findings;
        if (findings.empty())
            out << "[]";
        else
            out << "[\n";
        for (std::size_t fi = 0; fi < findings.size(); ++fi) {
            const nav::Finding& f = findings[fi];
            out << "        {\n          \"cells\": ";
            if (f.cells.empty()) {
                out << "[]";
            } else {
                out << "[\n";
                for (std::size_t c = 0; c < f.cells.size(); ++c)
                    out << "            " << json_string(f.cells[c])
                        << (c + 1 < f.cells.size() ? ",\n" : "\n");
                out << "          ]";
            }
            out << ",\n          \"message\": " << json_string(f.message)
                << ",\n          \"rule\": " << json_string(f.rule)
                << ",\n          \"severity\": " << json_string(nav::to_string(f.severity));
            if (f.suggestion)
                out << ",\n          \"suggested_link\": {\n            \"from\": "
                    << json_string(f.suggestion->from_cell)
                    << ",\n            \"from_label\": " << json_string(p.suggestion_labels[fi].first)
                    << ",\n            \"to\": " << json_string(f.suggestion->to_cell)
                    << ",\n            \"to_label\": " << json_string(p.suggestion_labels[fi].second)
                    << "\n          }";
            out << "\n        }" << (fi + 1 < findings.size() ? ",\n" : "\n");
        }
        if (!findings.empty()) out << "      ]";
        out << ",\n      \"index\": " << p.index << ",\n      \"links\": " << p.links
            << ",\n      \"name\": " << json_string(p.name) << ",\n      \"screens\": " << p.screens
            << "\n    }" << (pi + 1 < pages.size() ? ",\n" : "\n");
    }
    if (!pages.empty()) out << "  ]";
    out << ",\n  \"summary\": {\n    \"error\": " << counts[2]
        << ",\n    \"fail_on\": " << json_string(fail_on)
        << ",\n    \"failed\": " << std::string_view(failing ? "true" : "false")
        << ",\n    \"info\": " << counts[0] << ",\n    \"warning\": " << counts[1] << "\n  }\n}\n";
}

std::string names(const std::vector<Named>& list) {
    std::string out;
    for (const auto& e : list) {
        if (!out.empty()) out += ", ";
        out += e.label.empty() ? e.id : "'" + e.label + "'";
    }
    return out.empty() ? "none" : out;
}

std::string md_cell(std::string_view text) {
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
    std::vector<nav::PageReport> reports;
    std::vector<PageSummary> summaries;
    reports.reserve(pages.size());  // summaries point into the reports
    for (std::size_t i : pages) {
        const diagram::PageIndex index(doc.pages[i]);  // for the checks, then for the labels in the report
        nav::PageReport r = nav::run_checks(index, config);
        r.page_index = i;
        for (const auto& f : r.findings) {
            ++counts[static_cast<int>(f.severity)];
            if (f.severity >= threshold) failing = true;
        }
        reports.push_back(std::move(r));
        summaries.push_back(summarize(doc.pages[i], index, reports.back()));
    }

    Out out;
    if (opt.format == "json") {
        write_json(out, opt.input, summaries, counts, fail_on, failing);
    } else if (opt.format == "markdown") {
        out << "# Navigation check: " << md_cell(opt.input) << "\n\n";
        for (const auto& p : summaries) {
            out << "## Page " << p.index << ": " << md_cell(p.name) << "\n\n"
                << p.screens << " screens, " << p.links << " links; entries: " << md_cell(names(p.entries))
                << "; exits: " << md_cell(names(p.exits)) << "\n\n";
            if (p.findings->empty()) {
                out << "No findings.\n\n";
                continue;
            }
            out << "| Severity | Rule | Finding | Suggested link |\n|---|---|---|---|\n";
            for (std::size_t fi = 0; fi < p.findings->size(); ++fi) {
                const nav::Finding& f = (*p.findings)[fi];
                std::string link;
                if (f.suggestion)
                    link = p.suggestion_labels[fi].first + " → " + p.suggestion_labels[fi].second;
                out << "| " << nav::to_string(f.severity) << " | " << f.rule << " | " << md_cell(f.message)
                    << " | " << md_cell(link) << " |\n";
            }
            out << "\n";
        }
        out << "**Summary:** " << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0]
            << " info.\n";
    } else {
        for (const auto& p : summaries) {
            out << opt.input << ": page " << p.index << " '" << p.name << "': " << p.screens << " screens, "
                << p.links << " links; entries " << names(p.entries) << "; exits " << names(p.exits) << "\n";
            for (const auto& f : *p.findings) {
                out << "  " << nav::to_string(f.severity) << " [" << f.rule << "] " << f.message << " ("
                    << (f.cells.empty() ? std::string_view() : std::string_view(f.cells[0])) << ")\n";
            }
        }
        out << counts[2] << " error(s), " << counts[1] << " warning(s), " << counts[0] << " info\n";
    }
    out.flush();

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
