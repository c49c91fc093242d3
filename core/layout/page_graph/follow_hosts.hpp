#pragma once
// Processor, after the layout: decorations keep their offset from their host, regions fit round the nodes
// they grouped with their old margins.
#include "core/diagram/document.hpp"
#include "core/layout/page_graph/page_roles.hpp"

namespace jstudio::layout {

void follow_hosts(diagram::Page& page, const PageRoles& roles);

}  // namespace jstudio::layout
