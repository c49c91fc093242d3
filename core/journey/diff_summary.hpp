#pragma once
// A journey diff as lines a person reads in a table (the studio's Compare With... panel): one line per added,
// removed or changed step, resolved or new pain point and stage emotion, with the cells it concerns.
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/journey/journey_diff.hpp"

namespace jstudio::journey {

struct DiffLine {
    std::string change;  // "added", "removed", "changed", "pain point resolved", "new pain point", "emotion"
    std::string step;    // the step's label, or the stage's name for "emotion"
    std::string where;   // "Stage / Lane"
    std::string detail;  // "channel: 'web' -> 'app'; emotion: '0' -> '1'", "-1 -> +1 (+2)"
    std::vector<std::string> cells;  // ids on the second map's page (none for removed steps)
};

// `after_page` is the page the second map was read from: step ids are its cell ids.
std::vector<DiffLine> summarize_diff(const JourneyDiff& diff, const diagram::Page& after_page);

}  // namespace jstudio::journey
