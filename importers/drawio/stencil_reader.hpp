#pragma once
// Reads mxGraph stencil XML (<shape name w h aspect strokewidth><background/><foreground/></shape>, the
// text inside draw.io's shape=stencil(...)) into core's render::Stencil. Unknown elements and numbers that
// are not numbers are errors, so a stencil is drawn as written or not at all.
#include <string_view>

#include "core/base/result.hpp"
#include "core/render/stencil.hpp"

namespace jstudio::importers {

Result<render::Stencil> read_stencil_xml(std::string_view xml);

// Installs read_stencil_xml as the renderer's stencil reader (render::set_stencil_parser). Reading a draw.io
// file does this, so every document read can be drawn with its inline stencils.
void use_stencil_reader();

}  // namespace jstudio::importers
