#pragma once
// The first rows of an event log and the columns the reader would use, for an import wizard that lets a
// person check and fix the column mapping (case / activity / time, CRM presets) before reading the whole
// file.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "importers/eventlog/log_reader.hpp"

namespace jstudio::importers {

struct LogPreview {
    LogFormat format = LogFormat::csv;
    std::vector<std::string> header;             // CSV: the header line; XES: case, activity, time
    std::vector<std::vector<std::string>> rows;  // the first rows, one string per header column
    LogColumns columns;   // what read_event_log_file would use with these options ("" = cannot tell)
    std::string problem;  // why these options cannot read the log ("cannot tell which column..."), "" if fine
};

// `text` is the whole file (gunzipped). Fails only when the text is no log at all (empty, broken XES).
Result<LogPreview> preview_event_log(std::string_view text, const std::string& name,
                                     const LogReadOptions& options, std::size_t rows = 10);

}  // namespace jstudio::importers
