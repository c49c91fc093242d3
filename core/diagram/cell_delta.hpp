#pragma once
// The difference between two versions of a page's cells as a list of per-cell changes, in the form an
// undoable command replays (plugin/include/jstudio/cell_command.hpp): features edit a copy of the page with
// their usual core function, and the editor turns "before/after" into one small undo step instead of a
// whole-page copy.
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/document.hpp"

namespace jstudio::diagram {

struct CellDelta {
    std::string id;
    std::optional<Cell> before, after;  // nullopt = absent on that side
    std::size_t position = 0;           // removed: index in before.cells; added: index in after.cells
};

// Removals first (by falling position), then replacements, then additions (by rising position). Cells whose
// order relative to the others changed come out as a removal plus an addition, so replaying keeps z-order.
std::vector<CellDelta> diff_cells(const Page& before, const Page& after);

// Replays deltas forwards (Do) or backwards (Undo) exactly as CellCommand does; turns `before` into `after`
// and back. Returns false when a delta does not fit the page (the page is then partly changed).
bool apply_cell_deltas(std::vector<Cell>& cells, const std::vector<CellDelta>& deltas, bool undo);

}  // namespace jstudio::diagram
