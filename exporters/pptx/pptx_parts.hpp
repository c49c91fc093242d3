#pragma once
// The fixed parts of a minimal PresentationML package (theme, master, layout, notes master).
#include <string>

namespace jstudio::exporters::pptx_parts {

extern const char* const theme;
extern const char* const slide_master;
extern const char* const slide_layout;
extern const char* const notes_master;

}  // namespace jstudio::exporters::pptx_parts
