#pragma once
// Which navigation rules run, how severe their findings are, and their thresholds.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/navigation/finding.hpp"

namespace jstudio::analysis::navigation {

struct RuleSettings {
    bool enabled = true;
    Severity severity = Severity::warning;
    double threshold = 0;  // rule-specific; see rule_ids() and the defaults in check_config.cpp
};

struct RuleInfo {
    std::string_view id;
    std::string_view summary;
    std::string_view threshold;  // what the threshold means, "" when the rule has none
};

// All rules in report order.
const std::vector<RuleInfo>& rule_ids();

struct CheckConfig {
    std::map<std::string, RuleSettings, std::less<>> rules;  // every rule id has an entry
    std::vector<std::string> entries;  // cell ids or labels to use as entry points (overrides detection)
    std::vector<std::string> exits;    // likewise for exits

    static CheckConfig defaults();
    const RuleSettings& rule(std::string_view id) const;  // defaults for an unknown id
    RuleSettings* find(std::string_view id);              // nullptr for an unknown id
};

}  // namespace jstudio::analysis::navigation
