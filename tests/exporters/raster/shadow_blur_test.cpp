#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

#include "exporters/raster/cairo_writer.hpp"
#include "exporters/raster/shadow_blur.hpp"
#include "exporters/svg/svg_writer.hpp"

using namespace jstudio;
using render::Color;
using render::Path;

namespace {
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
// The red channel of one pixel of an opaque PNG (the pictures here are grey on white).
int red(const std::string& png, int x, int y) {
    PngReader reader{&png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(read_png, &reader);
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    std::uint32_t argb = 0;
    std::memcpy(&argb, cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + x * 4, 4);
    cairo_surface_destroy(s);
    return int((argb >> 16) & 0xFF);
}
Path shadow_rect(double x, double y, double w, double h, double blur) {
    Path p = render::rect_path({x, y, w, h});
    p.fill = Color{0, 0, 0};
    p.shadow = render::ShadowLayer{blur, 0.25};
    return p;
}
// A scene on white holding `items`, framed to (0,0)-(100,100) by an invisible path.
render::Scene scene_of(std::vector<render::Item> items) {
    render::Scene scene;
    scene.background = Color{255, 255, 255};
    scene.drawing.bounds = {0, 0, 100, 100};
    scene.drawing.items = std::move(items);
    return scene;
}
}  // namespace

TEST_CASE("gaussian_blur_a8 spreads a point into a Gaussian of the given deviation", "[raster][shadow]") {
    const int n = 41, stride = 44;
    std::vector<unsigned char> img(std::size_t(stride * n), 0);
    img[std::size_t(20 * stride + 20)] = 255;
    SECTION("the weight is kept, spread symmetrically with the Gaussian's fall-off") {
        exporters::gaussian_blur_a8(img.data(), n, n, stride, 2.5);
        int total = 0;
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x) total += img[std::size_t(y * stride + x)];
        // 255 spread over about 2 pi sigma^2 = 39 pixels rounds each to a few units: the sum stays near 255.
        CHECK(total == Approx(255).margin(40));
        const int centre = img[std::size_t(20 * stride + 20)];
        CHECK(centre == Approx(255 / (2 * 3.14159 * 2.5 * 2.5)).margin(1.5));
        CHECK(img[std::size_t(20 * stride + 15)] == img[std::size_t(20 * stride + 25)]);
        CHECK(img[std::size_t(15 * stride + 20)] == img[std::size_t(25 * stride + 20)]);
        // At one sigma... two and a half pixels: between 2 and 3 px the value falls by about exp(-1/2).
        CHECK(img[std::size_t(20 * stride + 22)] > img[std::size_t(20 * stride + 23)]);
        CHECK(img[std::size_t(20 * stride + 30)] == 0);
    }
    SECTION("no deviation leaves the image as it was") {
        exporters::gaussian_blur_a8(img.data(), n, n, stride, 0);
        CHECK(std::accumulate(img.begin(), img.end(), 0) == 255);
    }
}

TEST_CASE("a drop shadow is blurred and laid down once in every output", "[raster][shadow]") {
    SECTION("PNG: soft edges where the sharp shadow's were") {
        auto sharp = exporters::write_png(scene_of({shadow_rect(20, 20, 40, 40, 0)}), {});
        auto soft = exporters::write_png(scene_of({shadow_rect(20, 20, 40, 40, 1)}), {});
        REQUIRE(sharp);
        REQUIRE(soft);
        // Margin 1: page (x, y) is pixel (x + 1, y + 1). Well inside: 25 % black either way.
        CHECK(red(*sharp, 41, 41) == Approx(191).margin(2));
        CHECK(red(*soft, 41, 41) == Approx(191).margin(2));
        // One pixel outside the edge: white when sharp, a little grey blurred; just inside, lighter blurred.
        CHECK(red(*sharp, 61, 41) == 255);
        CHECK(red(*sharp, 62, 41) == 255);
        CHECK(red(*soft, 61, 41) < 245);
        CHECK(red(*soft, 62, 41) < 254);
        CHECK(red(*soft, 60, 41) > red(*sharp, 60, 41) + 10);
    }
    SECTION("PNG: overlapping paths of one shadow darken once") {
        auto png = exporters::write_png(
            scene_of({shadow_rect(20, 20, 40, 40, 1), shadow_rect(30, 30, 40, 40, 1)}), {});
        REQUIRE(png);
        CHECK(red(*png, 46, 46) == Approx(191).margin(2));  // in both: still 25 %, not 44 %
    }
    SECTION("PNG: a shadow's blur is in page pixels, scaled with the picture") {
        exporters::RasterOptions twice;
        twice.scale = 2;
        auto png = exporters::write_png(scene_of({shadow_rect(20, 20, 40, 40, 1)}), twice);
        REQUIRE(png);
        // 1.5 page px beyond the edge (3 px at 2x) is still in the blur's reach; 4 page px is not.
        CHECK(red(*png, 2 * 61 + 2, 82) < 254);
        CHECK(red(*png, 2 * 64 + 2, 82) == 255);
    }
    SECTION("SVG: a filtered group at the shadow's opacity around the shadow's paths") {
        const std::string svg =
            exporters::write_svg(scene_of({shadow_rect(20, 20, 40, 40, 1), shadow_rect(30, 30, 40, 40, 1),
                                           render::rect_path({0, 0, 5, 5})}));
        CHECK(svg.find("<g opacity=\"0.25\" filter=\"url(#shadow1)\">") != std::string::npos);
        CHECK(svg.find("<feGaussianBlur stdDeviation=\"1\"/>") != std::string::npos);
        // Both shadow paths in the one group, the plain path after it.
        const auto open = svg.find("<g opacity"), close = svg.find("</g>");
        REQUIRE(close != std::string::npos);
        CHECK(svg.find("<path", open) < close);
        CHECK(svg.find("<path", svg.find("<path", open) + 1) < close);
        CHECK(svg.find("<path", close) != std::string::npos);
        CHECK(svg.find("shadow2") == std::string::npos);
    }
}
