#pragma once
// The report of `journey validate` and of the plugin's Validate with CRM Data: fitness, deviations (paths off
// the map, skips, backward moves), steps never seen, activities not on the map and per step reach /
// conversion / drop-off; optionally the same per segment side by side. Text, JSON or Markdown.
#include <cstdint>
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
    // A journey map checked by its stages: the same log against its step cards (card_model), the finer
    // view within the stages; null when no activity matched a card.
    const eventlog::Conformance* cards{};
};

// What makes `journey validate` exit 1: cases off the map, paths not drawn, steps never seen, stalls or
// cases entering at a step that is not a start.
bool has_conformance_findings(const eventlog::Conformance& result);

std::string write_validate_report(const ValidateReportInput& input, ReportFormat format);

// "12.5%": the one way shares are written in every report (and the plugin's results panel).
std::string percent_text(double share);
// "4.5 d", "6.0 h", "12 min", "40 s"; "-" for a negative (unknown) duration.
std::string stay_text(double seconds);
// "2024-03-01T09:00:00Z".
std::string utc_text(std::int64_t microseconds);

// `journey validate --cases`: one row per deviation of a case (case,kind,stage,to,when,days), in log order.
std::string write_cases_csv(const eventlog::Conformance& result);

}  // namespace jstudio::exporters
