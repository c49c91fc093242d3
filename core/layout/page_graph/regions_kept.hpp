#pragma once
// Check, after the layout: the laid-out page, read again, shows each region round the shapes it held as
// drawn. A region is a box the author drew round shapes (an account, a subnet, a third-party system) and
// what it holds is what the drawing says; a layout that moves other shapes into it, or its own out, says
// something else.
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/layout/page_graph/page_roles.hpp"

namespace jstudio::layout {

// Why the regions of `laid_out` (read again: `now`) hold other shapes than the regions `drawn` held, naming
// the regions (label, else id) and how many shapes each takes in or loses; empty when every region holds
// the same shapes.
std::string regions_changed(const diagram::Page& laid_out, const std::vector<PageRoles::Region>& drawn,
                            const std::vector<PageRoles::Region>& now);

}  // namespace jstudio::layout
