#pragma once
// The check config file both front ends load (`journey check --config`, the plugin's Check Settings...):
//   {"rules": {"too-deep": {"enabled": true, "severity": "warning", "threshold": 4}, "bottleneck": false},
//    "entries": ["Home"], "exits": ["Done"], "fail_on": "warning"}
// Every key is optional; a rule the file does not name keeps its default settings.
#include <optional>
#include <string>
#include <string_view>

#include "core/analysis/navigation/check_config.hpp"
#include "core/base/result.hpp"

namespace jstudio::importers {

struct CheckSettings {
    analysis::navigation::CheckConfig config = analysis::navigation::CheckConfig::defaults();
    std::optional<analysis::navigation::Severity> fail_on;  // when the file sets one
};

// `source` names the file in errors.
Result<CheckSettings> parse_check_config(std::string_view text, const std::string& source);
Result<CheckSettings> read_check_config(const std::string& path);

}  // namespace jstudio::importers
