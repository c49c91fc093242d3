#pragma once
// What conformance checking takes each activity of a log for, so a user can see the stage mapping before
// the check: by the mapping rows, then the step (stage) names, then the step cards' names.
#include <string>
#include <vector>

#include "core/eventlog/conformance.hpp"
#include "core/eventlog/event_log.hpp"

namespace jstudio::eventlog {

// Per activity id of `log`: the name of the step it counts as, "-" when the mapping ignores it, "" when it
// is on no step.
std::vector<std::string> activity_steps(const EventLog& log, const StepModel& map,
                                        const ConformanceOptions& options = {});

}  // namespace jstudio::eventlog
