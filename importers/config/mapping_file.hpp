#pragma once
// The activity -> step mapping file both front ends load (`journey validate --mapping`, the plugin's
// Validate with CRM Data... wizard): JSON (an object {"activity": "step"} or an array of
// {"activity", "step"}) or CSV with a header naming an `activity` column and a `step` / `stage` / `target` /
// `step_id` column. The step is a cell id or a step name; "-" ignores the activity. An optional
// `stall_days` column (JSON: member) sets that step's stall threshold; such a row may leave the activity
// empty.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/eventlog/conformance.hpp"

namespace jstudio::importers {

// `source` names the file in errors.
Result<std::vector<eventlog::MappingRow>> parse_mapping(std::string_view text, const std::string& source);
Result<std::vector<eventlog::MappingRow>> read_mapping_file(const std::string& path);

}  // namespace jstudio::importers
