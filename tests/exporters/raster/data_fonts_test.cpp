#include <catch2/catch.hpp>

#include <pango/pangocairo.h>

#include <filesystem>
#include <string>

#include "core/base/drawio_data.hpp"
#include "exporters/raster/data_fonts.hpp"

using namespace jstudio;

TEST_CASE("the sketch font installed with draw.io's data is what pango draws sketch labels with",
          "[exporters][raster]") {
    const auto data = drawio_data_dir();
    std::error_code ec;
    if (!data || !std::filesystem::exists(*data / "fonts" / "ArchitectsDaughter-latin.ttf", ec)) {
        WARN("no Architects Daughter in draw.io's data folder (scripts/install-deps.sh installs it)");
        return;
    }
    exporters::use_data_fonts();
    PangoFontMap* map = pango_cairo_font_map_get_default();
    PangoContext* context = pango_font_map_create_context(map);
    PangoFontDescription* wanted = pango_font_description_from_string("Architects Daughter 12");
    PangoFont* font = pango_font_map_load_font(map, context, wanted);
    REQUIRE(font);
    PangoFontDescription* got = pango_font_describe(font);
    // A WOFF file would be listed by fontconfig but skipped by pango: the fallback sans would answer.
    CHECK(std::string(pango_font_description_get_family(got)) == "Architects Daughter");
    pango_font_description_free(got);
    g_object_unref(font);
    pango_font_description_free(wanted);
    g_object_unref(context);
}

TEST_CASE("text in a font the machine lacks is drawn with the face it was measured with",
          "[exporters][raster]") {
    // Measured with Liberation Sans advances (core/text); drawn with fontconfig's fallback for an unknown
    // name (DejaVu Sans, wider), kanban's Permanent Marker labels ran out of their boxes.
    CHECK(exporters::drawn_family("Permanent Marker, cursive") == "Liberation Sans");
    CHECK(exporters::drawn_family("No Such Font Family 12345") == "Liberation Sans");
    CHECK(exporters::drawn_family("Arial") == "Liberation Sans");  // an alias, not Arial itself
    // A family fontconfig has stays the one asked for; those mapped to installed faces are unchanged.
    CHECK(exporters::drawn_family("Liberation Serif") == "Liberation Serif");
    CHECK(exporters::drawn_family("Verdana") == "DejaVu Sans");
    CHECK(exporters::drawn_family("Courier New") == "Liberation Mono");
    CHECK(exporters::drawn_family("Liberation Sans Narrow") == "Liberation Sans Narrow");  // fonts-liberation
}
