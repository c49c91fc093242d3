#pragma once
// Reads mxGraph stencil XML (<shape name w h aspect strokewidth><background/><foreground/></shape>, the
// text inside draw.io's shape=stencil(...)) into core's render::Stencil. Unknown elements and numbers that
// are not numbers are errors, so a stencil is drawn as written or not at all.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/render/stencil.hpp"

namespace jstudio::importers {

Result<render::Stencil> read_stencil_xml(std::string_view xml);

// A draw.io stencil library file (<shapes name="mxgraph.cisco.routers"><shape name="Router">...): every
// shape read, named as draw.io's registry names it (stencil_key of "<library>.<name>"); shapes that cannot
// be read are left out and named in errors.
struct StencilSet {
    std::vector<render::Stencil> stencils;
    std::vector<std::string> errors;
};
Result<StencilSet> read_stencil_set_xml(std::string_view xml);
// draw.io's registry key of a stencil name: lower case, spaces as '_' ("mxgraph.cisco.routers.router").
std::string stencil_key(std::string_view name);

// Installs read_stencil_xml as the renderer's stencil reader (render::set_stencil_parser). Reading a draw.io
// file does this, so every document read can be drawn with its inline stencils.
void use_stencil_reader();

}  // namespace jstudio::importers
