#pragma once
// The report of `journey discover`: what customers did, from an event log: cases, events, activities with
// their time in stage, the directly-follows graph, the top variants and case durations; optionally per
// segment. Text, JSON or Markdown.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"
#include "exporters/report/report_format.hpp"

namespace jstudio::exporters {

// The CSV columns a log was read with (reported so a wrong guess shows).
struct LogColumnNames {
    std::string case_column, activity_column, time_column, lifecycle_column;
};

struct DiscoverSegment {
    std::string value;                // the segment column's value ("" = empty)
    const eventlog::EventLog* log{};  // the cases of this segment: activity names
    eventlog::Discovery found;
};

struct DiscoverReportInput {
    std::string file;                       // as the user named it
    std::string log_format;                 // "csv", "xes" or "dfg"
    std::optional<LogColumnNames> columns;  // CSV only
    const eventlog::EventLog* log{};
    const eventlog::Discovery* found{};  // discover(*log) or the directly-follows table read
    std::string segment_column;          // "" = not segmented
    std::vector<DiscoverSegment> segments;
};

std::string write_discover_report(const DiscoverReportInput& input, ReportFormat format);

// "3.50 d", "2.00 h", "4.5 min", "12 s".
std::string duration_text(double seconds);

}  // namespace jstudio::exporters
