#pragma once
// Fonts that come with draw.io's data rather than with the system: Architects Daughter, draw.io's sketch font
// (scripts/install-deps.sh puts it in the data folder's fonts/). Text is measured with its advances
// (core/text), so it must be drawn with it too, not with fontconfig's fallback for a name it lacks.

namespace jstudio::exporters {

// Adds the data folder's fonts/ to the fonts fontconfig (and so pango, cairo and the studio's canvas) offers.
// Once per process, before the first text is laid out; without the folder, nothing changes.
void use_data_fonts();

}  // namespace jstudio::exporters
