#pragma once
// The navigation checks, one per .cpp file named after it. Each returns its findings in screen order;
// settings give the severity and threshold. A disabled rule is skipped by run_checks, not here.
#include <vector>

#include "core/analysis/navigation/check_config.hpp"
#include "core/analysis/navigation/finding.hpp"
#include "core/analysis/navigation/nav_graph.hpp"

namespace jstudio::diagram {
struct Page;
}  // namespace jstudio::diagram
namespace jstudio::page {
class PageReading;
}  // namespace jstudio::page

namespace jstudio::analysis::navigation {

// Linked screens no entry leads to.
std::vector<Finding> find_unreachable(const NavGraph& g, const RuleSettings& s);
// Screens with a way in but no way on that are not exits.
std::vector<Finding> find_dead_ends(const NavGraph& g, const RuleSettings& s);
// Reachable screens with a way on, from which no path leads back to an entry (home).
std::vector<Finding> find_no_way_back(const NavGraph& g, const RuleSettings& s);
// One-way links with no way back, on pages where most links go both ways (threshold: that share, 0..1).
std::vector<Finding> find_one_way_links(const NavGraph& g, const RuleSettings& s);
// Screens more than threshold clicks from the nearest entry.
std::vector<Finding> find_too_deep(const NavGraph& g, const RuleSettings& s);
// Screens with no link at all.
std::vector<Finding> find_orphans(const NavGraph& g, const RuleSettings& s);
// Closed groups of screens (strong components) users can enter but never leave towards an exit.
std::vector<Finding> find_traps(const NavGraph& g, const RuleSettings& s);
// Screens every path from the entries to the exits must pass (dominator tree).
std::vector<Finding> find_bottlenecks(const NavGraph& g, const RuleSettings& s);
// Decisions with fewer than threshold (default 2) distinct ways out.
std::vector<Finding> find_weak_decisions(const NavGraph& g, const RuleSettings& s);
// Screens with no link of their own drawn on a link's arrow (the arrow runs under them): a step inserted on
// an arrow that still joins its old ends.
std::vector<Finding> find_steps_on_arrows(const page::PageReading& reading, const NavGraph& g,
                                          const RuleSettings& s);
// Edges with an end not glued to a shape: near a shape (threshold: distance in px) or glued to nothing.
std::vector<Finding> find_loose_edges(const diagram::Page& page, const NavGraph& g, const RuleSettings& s);
std::vector<Finding> find_loose_edges(const page::PageReading& reading, const NavGraph& g,
                                      const RuleSettings& s);

}  // namespace jstudio::analysis::navigation
