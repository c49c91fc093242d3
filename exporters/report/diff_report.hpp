#pragma once
// The report of `journey diff` and of the plugin's Compare With...: steps added, removed and changed, pain
// points resolved and new, and the mean emotion per stage. Text, JSON or Markdown.
#include <string>

#include "core/journey/journey_diff.hpp"
#include "exporters/report/report_format.hpp"

namespace jstudio::exporters {

std::string write_diff_report(const journey::JourneyDiff& diff, ReportFormat format);

}  // namespace jstudio::exporters
