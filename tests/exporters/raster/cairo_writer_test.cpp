#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/codec/codec.hpp"
#include "exporters/raster/cairo_writer.hpp"
#include "exporters/raster/svg_image.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {
unsigned be32(const std::string& s, std::size_t at) {
    return (unsigned char)s[at] << 24 | (unsigned char)s[at + 1] << 16 | (unsigned char)s[at + 2] << 8 |
           (unsigned char)s[at + 3];
}

struct PngReader {
    const std::string* bytes;
    std::size_t at = 0;
};
cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}
// The colour of one pixel of a PNG file, as 0xRRGGBB (opaque pixels only).
std::uint32_t pixel(const std::string& png, int x, int y) {
    PngReader reader{&png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_png, &reader);
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    std::uint32_t argb = 0;
    std::memcpy(&argb, cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + x * 4, 4);
    cairo_surface_destroy(s);
    return argb & 0xFFFFFF;
}
bool near(std::uint32_t a, std::uint32_t b) {
    for (int shift : {0, 8, 16})
        if (std::abs(int((a >> shift) & 0xFF) - int((b >> shift) & 0xFF)) > 12) return false;
    return true;
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

TEST_CASE("JPEG images are drawn, not left as frames", "[raster]") {
    auto read = importers::read_drawio_file(test::data_path("render/jpeg_image.drawio").string());
    REQUIRE(read);
    auto scene = render::render_page(read->document.pages[0]);
    exporters::RasterOptions o;
    o.margin = 0;
    o.base_dir = test::data_path("render").string();
    o.image_dirs = {o.base_dir};
    auto png = exporters::write_png(scene, o);
    REQUIRE(png);
    // blue.jpg is a solid #1565C0 picture; JPEG may shift a channel by a few levels.
    CHECK(near(pixel(*png, 40, 20), 0x1565C0));
    CHECK(near(pixel(*png, 160, 20), 0xFFFFFF));  // the white box beside it
    SECTION("a missing file still shows as a frame, never a blue fill") {
        o.base_dir = test::data_path("navigation").string();
        o.image_dirs = {o.base_dir};
        auto frame = exporters::write_png(scene, o);
        REQUIRE(frame);
        CHECK_FALSE(near(pixel(*frame, 40, 20), 0x1565C0));
    }
    SECTION("a file outside the allowed folders is not read (a frame, no blue)") {
        o.image_dirs = {test::data_path("navigation").string()};
        auto frame = exporters::write_png(scene, o);
        REQUIRE(frame);
        CHECK_FALSE(near(pixel(*frame, 40, 20), 0x1565C0));
        o.image_dirs.clear();
        frame = exporters::write_png(scene, o);
        REQUIRE(frame);
        CHECK_FALSE(near(pixel(*frame, 40, 20), 0x1565C0));
    }
}

TEST_CASE("SVG images are drawn with librsvg, not left as frames", "[raster]") {
    // A red square SVG as draw.io writes it in a style (data:image/svg+xml,BASE64 without ";base64").
    const std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
        "height=\"10\" "
        "fill=\"#d02020\"/></svg>";
    const std::string uri = "data:image/svg+xml," + codec::base64_encode(svg);
    const std::string xml =
        "<mxfile><diagram id=\"p\" name=\"p\"><mxGraphModel><root><mxCell id=\"0\"/>"
        "<mxCell id=\"1\" parent=\"0\"/><mxCell id=\"i\" parent=\"1\" vertex=\"1\" "
        "style=\"shape=image;image=" +
        uri +
        ";\"><mxGeometry x=\"0\" y=\"0\" width=\"80\" height=\"40\" as=\"geometry\"/></mxCell>"
        "</root></mxGraphModel></diagram></mxfile>";
    auto read = importers::read_drawio(xml, "svg_image.drawio");
    REQUIRE(read);
    auto scene = render::render_page(read->document.pages[0]);
    exporters::RasterOptions o;
    o.margin = 0;
    o.background = render::Color{255, 255, 255};
    auto png = exporters::write_png(scene, o);
    REQUIRE(png);
    // The square keeps its aspect, centred in the 80 x 40 box: red in the middle, white at the sides.
    CHECK(near(pixel(*png, 40, 20), 0xD02020));
    CHECK(near(pixel(*png, 45, 35), 0xD02020));
    CHECK(near(pixel(*png, 5, 20), 0xFFFFFF));
    SECTION("the PNG fallback and the pixels for bitmap backends") {
        auto pixels = exporters::rasterise_svg(svg, 20, 10);
        REQUIRE(pixels);
        CHECK(pixels->width == 20);
        CHECK(int(pixels->rgba[0]) == 0xD0);
        CHECK(int(pixels->rgba[3]) == 255);
        auto fallback = exporters::svg_to_png(svg, 20, 10);
        REQUIRE(fallback);
        CHECK(near(pixel(*fallback, 19, 9), 0xD02020));
        CHECK_FALSE(exporters::rasterise_svg("<not svg", 10, 10));
        CHECK_FALSE(exporters::rasterise_svg(svg, 0, 10));
    }
}
