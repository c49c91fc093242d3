#pragma once
// Reading event logs: CSV (any delimiter, presets for CRM exports), XES (IEEE 1849), each plain or gzip.
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/eventlog/event_log.hpp"
#include "core/eventlog/timestamp.hpp"

namespace jstudio::importers {

enum class LogFormat { automatic, csv, xes };
enum class CsvPreset { none, salesforce, hubspot };
enum class BadRows { skip, fatal };

struct LogReadOptions {
    LogFormat format = LogFormat::automatic;  // automatic: XES if the text starts with '<', else CSV
    // CSV column names; empty = detected from the header (or the preset).
    std::string case_column, activity_column, time_column, lifecycle_column;
    std::string segment_column;  // CSV column or XES trace/event attribute key; "" = no segmentation
    CsvPreset preset = CsvPreset::none;
    char delimiter = 0;  // 0 = the most frequent of , ; TAB | in the header line
    eventlog::TimeFormat time_format;
    BadRows bad_rows = BadRows::skip;
    std::size_t max_reported_rows = 20;  // bad rows listed one by one; the rest only counted
};

// Which CSV columns were used (for reports), or empty for XES.
struct LogColumns {
    std::string case_column, activity_column, time_column, lifecycle_column, segment_column;
    char delimiter = 0;
};

struct LogReadResult {
    eventlog::EventLog log;  // events already ordered by time inside each case
    LogColumns columns;
    LogFormat format = LogFormat::csv;
    Diagnostics diagnostics;  // bad rows (with csv_row), untimed events, skipped lifecycle values
};

// The whole file, gunzipped when it starts with the gzip magic. "-" reads stdin.
Result<std::string> read_maybe_gzip(const std::string& path);

Result<LogReadResult> read_event_log_file(const std::string& path, const LogReadOptions& options = {});
Result<LogReadResult> read_csv_log(std::string_view text, const std::string& name,
                                   const LogReadOptions& options);
// Keeps every event carrying lifecycle:transition = complete (any case) or none at all; untimed events are
// kept and sorted last, as the reference method does.
Result<LogReadResult> read_xes_log(std::string& text, const std::string& name, const LogReadOptions& options);

}  // namespace jstudio::importers
