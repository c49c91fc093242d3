#pragma once
// The shapes of draw.io's stencil libraries (the stencils/ folder of the draw.io data, core/base/drawio_data)
// as the shape library lists them: one entry per <shape> of each library file, named by draw.io's registry
// key (`shape=mxgraph.<library>.<name>`, lower case, spaces as '_'), so the renderer draws what it inserts.
// The files are only scanned for their <shapes> and <shape> tags (43 MB in about a tenth of a second), not
// read: a stencil is read when it is first drawn.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace jstudio::studio {

struct StencilEntry {
    std::string library;  // the file under stencils/ without ".xml": "basic", "cisco/routers"
    std::string name;     // as draw.io's sidebar shows it: "4 Point Star"
    std::string key;      // "mxgraph.basic.4_point_star"
    double width = 0, height = 0;
};

// Every shape of every library file under `stencils`, libraries in path order, shapes in file order.
std::vector<StencilEntry> scan_stencil_libraries(const std::filesystem::path& stencils);

// The entries of one library file's text (what scan_stencil_libraries does per file).
std::vector<StencilEntry> scan_stencil_library(std::string_view xml, const std::string& library);

}  // namespace jstudio::studio
