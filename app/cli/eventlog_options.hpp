#pragma once
// Flags shared by `journey discover` and `journey validate` for reading an event log.
#include <string>

#include "core/base/result.hpp"
#include "importers/eventlog/log_reader.hpp"

namespace CLI {
class App;
}

namespace jstudio::cli {

struct LogOptionFlags {
    std::string case_column, activity_column, time_column, lifecycle_column, segment;
    std::string preset = "auto", date_order = "auto", epoch = "auto", log_format = "auto", delimiter;
    bool strict = false;
};

void add_log_options(CLI::App& sub, LogOptionFlags& flags);
// Reads the log; a CRM preset in use (detected or asked for) is said on stderr with the columns it picked,
// so a wrong guess is seen before the numbers are trusted.
// With a sink, a CSV log is streamed into it when it can be (LogReadResult::streamed); when the sink refuses
// the order of the rows, the file is read again whole (stdin, which cannot be read twice, never streams).
Result<importers::LogReadResult> read_log_for_cli(const std::string& path, const LogOptionFlags& flags,
                                                  eventlog::EventSink* sink = nullptr);

}  // namespace jstudio::cli
