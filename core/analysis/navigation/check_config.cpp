#include "core/analysis/navigation/check_config.hpp"

namespace jstudio::analysis::navigation {

const std::vector<RuleInfo>& rule_ids() {
    static const std::vector<RuleInfo> rules = {
        {"unreachable", "screens no entry leads to", ""},
        {"dead-end", "screens with no way on that are not exits", ""},
        {"trap", "groups of screens with no way out to an exit", ""},
        {"loose-edge", "arrows not attached to a shape at one or both ends",
         "distance in px counted as near"},
        {"orphan", "screens with no link at all", ""},
        {"step-on-arrow", "screens with no link drawn on an arrow that runs under them", ""},
        {"weak-decision", "decisions with too few ways out", "minimum number of ways out"},
        {"one-way-link", "one-way links with no way back where most links go both ways",
         "share of two-way links (0..1) from which one-way links are reported"},
        {"no-way-back", "screens from which no path leads back to the entry", ""},
        {"too-deep", "screens too many clicks from the entry", "maximum clicks"},
        {"bottleneck", "screens every path from entry to exit must pass", ""},
    };
    return rules;
}

CheckConfig CheckConfig::defaults() {
    CheckConfig c;
    auto set = [&](const char* id, Severity severity, double threshold = 0, bool enabled = true) {
        c.rules[id] = RuleSettings{enabled, severity, threshold};
    };
    set("unreachable", Severity::error);
    set("dead-end", Severity::warning);
    set("trap", Severity::error);
    set("loose-edge", Severity::warning, 10);
    set("orphan", Severity::warning);
    set("step-on-arrow", Severity::warning);
    set("weak-decision", Severity::warning, 2);
    set("one-way-link", Severity::info, 0.5);
    set("no-way-back", Severity::info);
    set("too-deep", Severity::info, 3);
    set("bottleneck", Severity::info);
    return c;
}

const RuleSettings& CheckConfig::rule(std::string_view id) const {
    static const RuleSettings fallback;
    auto it = rules.find(id);
    return it == rules.end() ? fallback : it->second;
}

RuleSettings* CheckConfig::find(std::string_view id) {
    auto it = rules.find(id);
    return it == rules.end() ? nullptr : &it->second;
}

}  // namespace jstudio::analysis::navigation
