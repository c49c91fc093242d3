#include "exporters/raster/data_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <filesystem>
#include <mutex>

#include "core/base/drawio_data.hpp"

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

}  // namespace jstudio::exporters
