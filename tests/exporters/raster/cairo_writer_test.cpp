#include <catch2/catch.hpp>

#include "exporters/raster/cairo_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {
unsigned be32(const std::string& s, std::size_t at) {
    return (unsigned char)s[at] << 24 | (unsigned char)s[at + 1] << 16 | (unsigned char)s[at + 2] << 8 |
           (unsigned char)s[at + 3];
}
}  // namespace

TEST_CASE("PNG and PDF through cairo", "[raster]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    auto scene = render::render_page(read->document.pages[0]);
    const auto& b = scene.drawing.bounds;
    SECTION("PNG size follows the drawing, margin and scale") {
        auto png = exporters::write_png(scene, {});
        REQUIRE(png);
        REQUIRE(png->substr(1, 3) == "PNG");
        CHECK(be32(*png, 16) == unsigned(std::ceil(b.width + 2)));
        exporters::RasterOptions o;
        o.dpi = 192;
        auto big = exporters::write_png(scene, o);
        REQUIRE(big);
        CHECK(be32(*big, 16) == unsigned(std::ceil((b.width + 2) * 2)));
    }
    SECTION("PDF has one page per scene") {
        auto pdf = exporters::write_pdf({scene, scene}, {});
        REQUIRE(pdf);
        CHECK(pdf->rfind("%PDF", 0) == 0);
        std::size_t pages = 0;
        for (std::size_t at = 0; (at = pdf->find("/Type /Page\n", at)) != std::string::npos; ++at) ++pages;
        for (std::size_t at = 0; (at = pdf->find("/Type /Page ", at)) != std::string::npos; ++at) ++pages;
        CHECK(pages == 2);
    }
    SECTION("absurd sizes are refused, not allocated") {
        exporters::RasterOptions o;
        o.scale = 1000;
        CHECK_FALSE(exporters::write_png(scene, o));
    }
}
