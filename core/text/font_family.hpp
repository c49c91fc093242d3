#pragma once
// The font a backend asks the system for. Text is laid out with Liberation Sans advances (text_metrics.hpp),
// which match Helvetica's (Verdana, Tahoma and Comic Sans MS: DejaVu Sans's, and drawn with it); asking
// fontconfig for "Helvetica" gives whatever the machine aliases it to (Nimbus Sans once fonts-urw-base35 is
// installed), so text would no longer fit the measured boxes and the canvas and the exports would differ.
// Every backend that picks a font by name goes through this.
#include <string>
#include <string_view>

#include "core/text/text_metrics.hpp"

namespace jstudio::text {

inline std::string installed_family(std::string_view family) {
    if (family.empty() || family == "Helvetica" || family == "Helvetica Neue") return "Liberation Sans";
    // Monospace text is laid out at 0.6 em a character: a monospace font the machine has, never the
    // proportional fallback fontconfig gives for a font it lacks (Consolas, Lucida Console).
    // (draw.io's reference pictures: Courier New is Liberation Mono, the others DejaVu Sans Mono.)
    if (is_monospace_family(family))
        return family.rfind("Courier", 0) == 0 ? "Liberation Mono" : "DejaVu Sans Mono";
    // Verdana, Tahoma, Comic Sans MS are laid out with DejaVu Sans advances (draw.io's reference pictures
    // draw them with it): drawn with it too, so a machine that has Verdana draws what was measured.
    if (is_dejavu_family(family)) return "DejaVu Sans";
    // Georgia is measured with DejaVu Serif (text_metrics.hpp): drawn with it for the same reason.
    if (face_of_family(family) == Face::dejavu_serif) return "DejaVu Serif";
    if (face_of_family(family) == Face::liberation_serif) return "Liberation Serif";
    return std::string(family);
}

}  // namespace jstudio::text
