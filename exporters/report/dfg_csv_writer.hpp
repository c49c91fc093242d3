#pragma once
// The pre-aggregated directly-follows table of docs/warehouse-dfg.md (from,to,count,median_seconds,
// p90_seconds; starts have an empty from, ends an empty to), written from a discovery so that `journey
// discover` and `journey validate` can read it back in place of the log.
#include <string>

#include "core/eventlog/discovery.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::exporters {

std::string write_dfg_csv(const eventlog::EventLog& log, const eventlog::Discovery& found);

}  // namespace jstudio::exporters
