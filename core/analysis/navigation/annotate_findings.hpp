#pragma once
// Draws findings onto a page: highlights and badges on a "Check findings" layer, suggested links (for
// warnings and errors only) as dashed arrows on a "Suggested links" layer, and a legend. New cells are
// appended after every existing cell and no existing cell is changed, so the user's own content stays
// byte-identical.
#include <vector>

#include "core/analysis/navigation/finding.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::analysis::navigation {

inline constexpr const char* findings_layer_name = "Check findings";
inline constexpr const char* suggestions_layer_name = "Suggested links";

// Returns the number of cells added (0 when there is nothing to show or the page has no root cell).
std::size_t annotate_page(diagram::Page& page, const std::vector<Finding>& findings);

}  // namespace jstudio::analysis::navigation
