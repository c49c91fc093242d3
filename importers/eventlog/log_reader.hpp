#pragma once
// Reading event logs: CSV (any delimiter, presets for CRM exports), XES (IEEE 1849), each plain or gzip.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/file_io.hpp"
#include "core/base/result.hpp"
#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"
#include "core/eventlog/timestamp.hpp"

namespace jstudio::importers {

// dfg: a pre-aggregated directly-follows CSV (see docs/warehouse-dfg.md), read into
// LogReadResult::aggregated.
enum class LogFormat { automatic, csv, xes, dfg };
// Column names of CRM stage-history exports (see tests/data/eventlog/crm/README.md for where each vendor's
// columns come from). automatic: the vendor preset whose columns the header has, else the generic names.
enum class CsvPreset {
    automatic,
    none,                      // generic event-log column names only
    salesforce,                // Salesforce OpportunityHistory: OpportunityId, StageName, CreatedDate
    salesforce_field_history,  // Salesforce OpportunityFieldHistory, rows with Field = StageName
    salesforce_lead_history,   // Salesforce LeadHistory, rows with Field = Status
    hubspot,                   // HubSpot deal stage history: Deal ID, Deal Stage, a timestamp
    hubspot_property_history,  // HubSpot deals property history, rows with property = dealstage
    dynamics,                  // Microsoft Dynamics 365 opportunity sales process stages
    pipedrive,                 // Pipedrive deal updates (flow), rows with field_key = stage_id
    zoho,                      // Zoho CRM Deals stage history
};
const char* preset_name(CsvPreset preset);         // "salesforce-field-history", as --preset takes it
const char* preset_description(CsvPreset preset);  // "Salesforce OpportunityFieldHistory (Field = StageName)"
std::optional<CsvPreset> preset_from_name(std::string_view name);
const std::vector<CsvPreset>& all_presets();  // automatic, none, then every vendor preset
// The vendor preset whose documented columns `header` has (any case), or none.
CsvPreset detect_preset(const std::vector<std::string>& header);
enum class BadRows { skip, fatal };

struct LogReadOptions {
    LogFormat format = LogFormat::automatic;  // automatic: XES if the text starts with '<', else CSV
    // CSV column names; empty = detected from the header (or the preset).
    std::string case_column, activity_column, time_column, lifecycle_column;
    std::string segment_column;  // CSV column or XES trace/event attribute key; "" = no segmentation
    CsvPreset preset = CsvPreset::automatic;
    char delimiter = 0;  // 0 = the most frequent of , ; TAB | in the header line
    eventlog::TimeFormat time_format;
    BadRows bad_rows = BadRows::skip;
    std::size_t max_reported_rows = 20;  // bad rows listed one by one; the rest only counted
    // One CSV record or one XES element longer than this is refused: a gzip "one-line bomb" would otherwise
    // grow one buffer until memory runs out. 64 MiB, or less under a small memory budget (--max-memory).
    std::size_t max_record_bytes = std::min(std::size_t(64) << 20, input_byte_limit());
    // CSV without a segment column or a field history: each event goes to the sink as it is read and no
    // case is kept (LogReadResult::streamed). Other inputs ignore it and fill LogReadResult::log.
    eventlog::EventSink* sink = nullptr;
};

// Which CSV columns were used (for reports), or empty for XES.
struct LogColumns {
    std::string case_column, activity_column, time_column, lifecycle_column, segment_column;
    char delimiter = 0;
    CsvPreset preset = CsvPreset::none;  // the preset whose names were used (none: the generic ones)
    bool preset_detected = false;        // chosen from the header, not asked for
    // A field-history export holds every field's changes; only rows whose filter column holds the stage
    // field are events ("Field" = "StageName"). Empty when every row is an event.
    std::string filter_column, filter_value;
};

struct LogReadResult {
    eventlog::EventLog log;  // events already ordered by time inside each case
    // Set for a pre-aggregated directly-follows CSV: `log` then has the activity names and no cases, and
    // this holds what can be known without cases (Discovery::aggregated is true).
    std::optional<eventlog::Discovery> aggregated;
    LogColumns columns;
    LogFormat format = LogFormat::csv;
    Diagnostics diagnostics;  // bad rows (with csv_row), untimed events, skipped lifecycle values
    bool streamed = false;    // the events went to LogReadOptions::sink; `log` has the names, no cases
    // The sink refused an event (a case's rows not in time order, or the sink's own limit) and reading
    // stopped there: read the file again without a sink.
    bool sink_refused = false;
};

class ByteSource;

// Streams the file ("-" = stdin; gzip by its magic bytes): memory follows the cases and events kept, not
// the file size.
Result<LogReadResult> read_event_log_file(const std::string& path, const LogReadOptions& options = {});
Result<LogReadResult> read_csv_stream(ByteSource& source, const LogReadOptions& options);
// The lifecycle:transition value both readers keep: "complete", in any case.
bool is_complete_transition(std::string_view transition);
// Keeps every event carrying lifecycle:transition = complete (any case) or none at all; untimed events are
// kept and sorted last, as the reference method does.
Result<LogReadResult> read_xes_stream(ByteSource& source, const LogReadOptions& options);

// A pre-aggregated directly-follows CSV (docs/warehouse-dfg.md): columns from, to, count and optionally
// median_seconds, p90_seconds; a row with an empty `from` counts cases starting at `to`, an empty `to`
// cases ending at `from`.
Result<LogReadResult> read_dfg_stream(ByteSource& source, const LogReadOptions& options);
// True when the first line of `head` is a header naming from, to and count columns.
bool looks_like_dfg_csv(std::string_view head);

// Every record of a small CSV (mapping files): fields unquoted; delimiter 0 = detected from the first line.
std::vector<std::vector<std::string>> read_csv_rows(std::string_view text, char delimiter = 0);

// The same over bytes in memory.
Result<LogReadResult> read_csv_log(std::string_view text, const std::string& name,
                                   const LogReadOptions& options);
Result<LogReadResult> read_xes_log(std::string_view text, const std::string& name,
                                   const LogReadOptions& options);
Result<LogReadResult> read_dfg_csv(std::string_view text, const std::string& name,
                                   const LogReadOptions& options);

}  // namespace jstudio::importers
