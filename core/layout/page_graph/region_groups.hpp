#pragma once
// Processor: a region that groups nodes is laid out as the box around them: for the layout its members become
// its children (a container laid out inside first, then placed as one box), and afterwards go back to their
// own parent at their new place. A region drawn inside another one becomes a container inside the other's
// (laid out first, then placed with the outer region's other members). Regions that partly overlap another
// region, or whose members are not all on the region's own layer, keep the simpler treatment (refit round
// their members, follow_hosts).
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/layout/page_graph/page_roles.hpp"

namespace jstudio::layout {

struct GroupedMember {
    std::string id, parent, region;
};

// Before the layout: the chosen regions take their members as children (and leave roles.regions).
std::vector<GroupedMember> group_regions(diagram::Page& page, PageRoles& roles);
// After it: the members go back to their own parent at their new place.
void ungroup_regions(diagram::Page& page, const std::vector<GroupedMember>& grouped);

}  // namespace jstudio::layout
