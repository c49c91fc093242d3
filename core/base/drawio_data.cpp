#include "core/base/drawio_data.hpp"

#include <cstdlib>

#ifndef JSTUDIO_DRAWIO_DATA_DIR
#define JSTUDIO_DRAWIO_DATA_DIR "/usr/local/share/journey-studio/drawio"
#endif

namespace jstudio {

std::optional<std::filesystem::path> drawio_data_dir() {
    std::filesystem::path dir = JSTUDIO_DRAWIO_DATA_DIR;
    if (const char* env = std::getenv("JSTUDIO_DRAWIO_DATA"); env && *env) dir = env;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir / "stencils", ec)) return std::nullopt;
    return dir;
}

}  // namespace jstudio
