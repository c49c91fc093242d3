#pragma once
// Draws the page reading onto the page, for a person to check it by eye: a layer "Roles" with an outline
// per cell coloured by role (dashed for what belongs to a host) and its role's name, and a line from every
// decoration to its host. The layer is marked as an annotation, so reading the copy gives the same roles.
#include <cstddef>

#include "core/diagram/document.hpp"

namespace jstudio::page {

inline constexpr const char* roles_layer_name = "Roles";

// Returns the number of cells added (0 on a page without a root).
std::size_t annotate_roles(diagram::Page& page);

}  // namespace jstudio::page
