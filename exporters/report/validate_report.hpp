#pragma once
// The report of `journey validate` and of the plugin's Validate with CRM Data: fitness, deviations (paths off
// the map, skips, backward moves), steps never seen, activities not on the map and per step reach /
// conversion / drop-off; optionally the same per segment side by side. Text, JSON or Markdown.
#include <string>
#include <utility>
#include <vector>

#include "core/eventlog/conformance.hpp"
#include "exporters/report/report_format.hpp"

namespace jstudio::exporters {

struct ValidateReportInput {
    std::string map_file, events;  // as the user named them: head the report
    std::string mapping;           // the activity mapping file, "" when none was given
    const eventlog::Conformance* result{};
    std::string segment_column;                                           // "" = not segmented
    std::vector<std::pair<std::string, eventlog::Conformance>> segments;  // value, its conformance
};

// What makes `journey validate` exit 1: cases off the map, paths not drawn, steps never seen, stalls or
// cases entering at a step that is not a start.
bool has_conformance_findings(const eventlog::Conformance& result);

std::string write_validate_report(const ValidateReportInput& input, ReportFormat format);

// "12.5%": the one way shares are written in every report (and the plugin's results panel).
std::string percent_text(double share);

}  // namespace jstudio::exporters
