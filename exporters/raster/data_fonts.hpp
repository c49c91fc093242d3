#pragma once
// Fonts that come with draw.io's data rather than with the system: Architects Daughter, draw.io's sketch font
// (scripts/install-deps.sh puts it in the data folder's fonts/). Text is measured with its advances
// (core/text), so it must be drawn with it too, not with fontconfig's fallback for a name it lacks.
#include <string>
#include <string_view>

namespace jstudio::exporters {

// Adds the data folder's fonts/ to the fonts fontconfig (and so pango, cairo and the studio's canvas) offers.
// Once per process, before the first text is laid out; without the folder, nothing changes.
void use_data_fonts();

// The family to draw text of `family` with: text::installed_family's choice when fontconfig has that family
// (after use_data_fonts), else the face the text was measured with (Liberation Sans). A font the machine
// lacks (Permanent Marker, Rock Salt, Arial Black) was measured with Liberation Sans advances and drawn with
// fontconfig's fallback for a name it does not know, DejaVu Sans, which is wider: the text ran out of the
// boxes it was measured for. Remembered per family.
std::string drawn_family(std::string_view family);

}  // namespace jstudio::exporters
