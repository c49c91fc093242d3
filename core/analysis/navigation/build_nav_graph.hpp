#pragma once
// From a draw.io page to its navigation graph: which shapes are screens, which way links go, entries, exits.
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/navigation/nav_graph.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::page {
class PageReading;
}

namespace jstudio::analysis::navigation {

struct BuildOptions {
    std::vector<std::string> entries;  // cell ids or labels; when set, the only entries
    std::vector<std::string> exits;    // likewise
};

// Screens are what the page reading (core/page) calls nodes and journey cards, and containers an arrow is
// attached to; an arrow attached to a decoration (highlight frame, badge, free label) or a port counts for
// its host. Regions, titles, legends, notes and annotations are never screens.
// Edge direction comes from startArrow/endArrow: arrows at both ends or none mean both ways.
// Entries: marked (entry="1" on the UserObject, or options), else start shapes, else screens with no way in
// (else a screen labelled like a home page, else the topmost one). Exits likewise, with end shapes and
// screens with no way on.
NavGraph build_nav_graph(const diagram::Page& page, const BuildOptions& options = {});
// The same, reusing a reading of the page the caller already has.
NavGraph build_nav_graph(const page::PageReading& reading, const BuildOptions& options = {});

// The label as a designer reads it: HTML tags dropped, entities decoded, whitespace collapsed.
std::string plain_label(std::string_view label, bool html);

}  // namespace jstudio::analysis::navigation
