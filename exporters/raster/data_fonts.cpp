#include "exporters/raster/data_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "core/base/drawio_data.hpp"
#include "core/text/font_family.hpp"
#include "core/text/text_metrics.hpp"

namespace jstudio::exporters {

void use_data_fonts() {
    static std::once_flag once;
    std::call_once(once, [] {
        const auto data = drawio_data_dir();
        if (!data) return;
        const std::filesystem::path fonts = *data / "fonts";
        std::error_code ec;
        if (!std::filesystem::is_directory(fonts, ec)) return;
        FcConfig* config = FcConfigGetCurrent();
        if (!config || !FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(fonts.c_str())))
            return;
        // Pango's font map reads fontconfig's font list once (in a thread of its own since 1.44): told again,
        // or the added fonts are not offered.
        PangoFontMap* map = pango_cairo_font_map_get_default();
        if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    });
}

namespace {

// Whether fontconfig draws `name` (a family, as text::first_family gives it) with a font of that family, not
// with a substitute (an alias such as Arial -> Liberation Sans, or its fallback for a name it does not know).
bool fontconfig_has(const std::string& name) {
    FcPattern* pattern = FcPatternCreate();
    if (!pattern) return false;
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    bool has = false;
    FcChar8* found = nullptr;
    // A font lists every family name it answers to (DejaVu Sans Condensed is DejaVu Sans too).
    for (int i = 0; match && !has && FcPatternGetString(match, FC_FAMILY, i, &found) == FcResultMatch; ++i)
        has = found && text::first_family(reinterpret_cast<const char*>(found)) == name;
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
    return has;
}

}  // namespace

std::string drawn_family(std::string_view family) {
    std::string name = text::installed_family(family);
    // Only a family measured with Liberation Sans that is not Liberation Sans is in question: the others are
    // mapped to fonts the project installs (DejaVu, Liberation, Architects Daughter).
    if (text::face_of_family(family) != text::Face::liberation_sans || text::is_monospace_family(family) ||
        name == "Liberation Sans")
        return name;
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> known;
    const std::lock_guard lock(mutex);
    if (auto it = known.find(name); it != known.end()) return it->second;
    use_data_fonts();
    // The first family of the list: the one the text was measured for.
    std::string drawn = fontconfig_has(text::first_family(name)) ? name : "Liberation Sans";
    known.emplace(name, drawn);
    return drawn;
}

}  // namespace jstudio::exporters
