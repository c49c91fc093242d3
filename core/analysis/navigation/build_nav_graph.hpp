#pragma once
// From a draw.io page to its navigation graph: which shapes are screens, which way links go, entries, exits.
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/navigation/nav_graph.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::diagram {
class PageIndex;
}

namespace jstudio::analysis::navigation {

struct BuildOptions {
    std::vector<std::string> entries;  // cell ids or labels; when set, the only entries
    std::vector<std::string> exits;    // likewise
};

// Screens are visible vertices except layers, containers used as groups or lanes, edge labels, ports,
// text-only cells and notes (each still counts when an edge is glued to it), and shapes inside a screen.
// Edge direction comes from startArrow/endArrow: arrows at both ends or none mean both ways.
// Entries: marked (entry="1" on the UserObject, or options), else start shapes, else screens with no way in
// (else a screen labelled like a home page, else the topmost one). Exits likewise, with end shapes and
// screens with no way on.
NavGraph build_nav_graph(const diagram::Page& page, const BuildOptions& options = {});
// The same, reusing an index of the page the caller already has.
NavGraph build_nav_graph(const diagram::PageIndex& index, const BuildOptions& options = {});

// The label as a designer reads it: HTML tags dropped, entities decoded, whitespace collapsed.
std::string plain_label(std::string_view label, bool html);

}  // namespace jstudio::analysis::navigation
