#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>

#include "core/codec/codec.hpp"
#include "exporters/image/image_source.hpp"
#include "exporters/svg/svg_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

TEST_CASE("load_image: data URIs in draw.io's and the standard form, files, no web", "[image]") {
    const std::string red = test::read_text(test::data_path("render/red.png"));
    const std::string b64 = codec::base64_encode(red);
    const std::string dir = test::data_path("render").string();
    SECTION("draw.io's data:image/png,BASE64 (no ;base64 marker)") {
        auto im = exporters::load_image("data:image/png," + b64);
        REQUIRE(im);
        CHECK(im->bytes == red);
        CHECK(im->mime == "image/png");
        CHECK(im->extension == "png");
    }
    SECTION("standard ;base64 form") {
        auto im = exporters::load_image("data:image/png;base64," + b64);
        REQUIRE(im);
        CHECK(im->bytes == red);
    }
    SECTION("plain-text SVG, percent-encoded") {
        auto im = exporters::load_image(
            "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E");
        REQUIRE(im);
        CHECK(im->bytes == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        CHECK(im->mime == "image/svg+xml");
    }
    SECTION("a file relative to the diagram's folder, or file://, inside an allowed folder") {
        auto im = exporters::load_image("red.png", dir, {dir});
        REQUIRE(im);
        CHECK(im->bytes == red);
        auto abs = exporters::load_image("file://" + dir + "/red.png", {}, {dir});
        REQUIRE(abs);
        CHECK(abs->bytes == red);
        CHECK_FALSE(exporters::load_image("missing.png", dir, {dir}));
    }
    SECTION("local files are never read unless their folder is allowed (draw.io reads none)") {
        for (const std::string& href :
             {std::string("red.png"), "file://" + dir + "/red.png", dir + "/red.png"}) {
            auto im = exporters::load_image(href, dir);
            REQUIRE_FALSE(im);
            CHECK(im.error().code == ErrorCode::unsupported);
            CHECK(im.error().message.find("--allow-images-from") != std::string::npos);
        }
        const std::string sub = test::data_path("navigation").string();
        // "..", absolute paths and file:// out of the allowed folder are refused, as is a link leading out.
        CHECK_FALSE(exporters::load_image("../render/red.png", sub, {sub}));
        CHECK_FALSE(exporters::load_image(dir + "/red.png", sub, {sub}));
        CHECK_FALSE(exporters::load_image("file:///etc/passwd", sub, {sub}));
        CHECK(exporters::load_image("../render/red.png", sub, {dir}));  // resolved inside an allowed one
        auto tmp = std::filesystem::temp_directory_path() / ("jstudio-img-" + std::to_string(::getpid()));
        std::filesystem::create_directories(tmp);
        std::filesystem::remove(tmp / "link.png");
        std::filesystem::create_symlink(std::filesystem::path(dir) / "red.png", tmp / "link.png");
        CHECK_FALSE(exporters::load_image("link.png", tmp.string(), {tmp.string()}));
        CHECK(exporters::load_image("link.png", tmp.string(), {tmp.string(), dir}));
        std::filesystem::remove_all(tmp);
    }
    SECTION("web URLs are not fetched, unknown bytes are refused") {
        CHECK(exporters::load_image("https://example.com/a.png").error().code == ErrorCode::unsupported);
        CHECK(exporters::load_image("data:image/png," + codec::base64_encode("hello")).error().code ==
              ErrorCode::unsupported);
        CHECK_FALSE(exporters::load_image("data:image/png;base64"));
    }
    SECTION("format sniffing") {
        CHECK(exporters::sniff_image_mime("\xff\xd8\xff\xe0") == "image/jpeg");
        CHECK(exporters::sniff_image_mime("GIF89a") == "image/gif");
        CHECK(exporters::sniff_image_mime("<?xml version='1.0'?><svg>") == "image/svg+xml");
        CHECK(exporters::sniff_image_mime("BM") == "");
    }
}

TEST_CASE("SVG export embeds image files as data URIs", "[image][svg]") {
    auto read = importers::read_drawio_file(test::data_path("render/images.drawio").string());
    REQUIRE(read);
    exporters::SvgOptions o;
    o.base_dir = test::data_path("render").string();
    o.image_dirs = {o.base_dir};
    std::string svg = exporters::write_svg(render::render_page(read->document.pages[0]), o);
    const std::string red = codec::base64_encode(test::read_text(test::data_path("render/red.png")));
    CHECK(svg.find("xlink:href=\"data:image/png;base64," + red + "\"") != std::string::npos);
    CHECK(svg.find("xlink:href=\"https://example.com/x.png\"") != std::string::npos);
    CHECK(svg.find("xlink:href=\"red.png\"") == std::string::npos);
}

// Issue 19: a header claiming gigapixels made the decoders allocate and fill all of it (a 65000 x 65000 JPEG
// took 24-39 s to refuse under AddressSanitizer). The size is now read from the header and refused before any
// decoder sees the bytes.
TEST_CASE("declared image size: read from the header, gigapixels refused before decoding",
          "[image][hostile]") {
    std::string jpeg = test::read_text(test::data_path("render/blue.jpg"));
    const std::string png = test::read_text(test::data_path("render/red.png"));
    SECTION("a real JPEG: the frame header after APP0 and the quantisation tables") {
        const auto size = exporters::declared_image_size(jpeg);
        REQUIRE(size);
        CHECK(size->width > 0);
        CHECK(size->height > 0);
        auto ok = exporters::decodable_image_size(jpeg);
        REQUIRE(ok);
        CHECK(ok->width == size->width);
    }
    SECTION("a real PNG: IHDR") {
        const auto size = exporters::declared_image_size(png);
        REQUIRE(size);
        CHECK(exporters::decodable_image_size(png));
    }
    SECTION("a JPEG claiming 65000 x 65000 is refused, naming the size") {
        const auto sof = jpeg.find("\xff\xc0");
        REQUIRE(sof != std::string::npos);
        jpeg[sof + 5] = jpeg[sof + 7] = char(0xFD);  // 65000 = 0xFDE8
        jpeg[sof + 6] = jpeg[sof + 8] = char(0xE8);
        const auto size = exporters::declared_image_size(jpeg);
        REQUIRE(size);
        CHECK(size->width == 65000);
        CHECK(size->height == 65000);
        auto refused = exporters::decodable_image_size(jpeg);
        REQUIRE(!refused);
        CHECK(refused.error().code == ErrorCode::too_large);
        CHECK(refused.error().message.find("65000 x 65000") != std::string::npos);
    }
    SECTION("a progressive frame (SOF2) counts; DHT (C4) does not") {
        std::string j("\xff\xd8\xff\xc4\x00\x04\x00\x00\xff\xc2\x00\x0b\x08\x00\x10\x00\x20\x01\x01\x11\x00",
                      21);
        const auto size = exporters::declared_image_size(j);
        REQUIRE(size);
        CHECK(size->width == 32);
        CHECK(size->height == 16);
    }
    SECTION("a PNG claiming 100000 x 100000 is refused") {
        std::string huge = png;
        const std::string side("\x00\x01\x86\xa0", 4);  // 100000
        huge.replace(16, 4, side);
        huge.replace(20, 4, side);
        CHECK(!exporters::decodable_image_size(huge));
    }
    SECTION("GIF: the logical screen") {
        const std::string gif("GIF89a\x10\x00\x08\x00\x00\x00\x00", 13);
        const auto size = exporters::declared_image_size(gif);
        REQUIRE(size);
        CHECK(size->width == 16);
        CHECK(size->height == 8);
    }
    SECTION("headers cut short, scans before a frame, garbage: no size, refused") {
        CHECK(!exporters::declared_image_size(jpeg.substr(0, 100)));
        CHECK(!exporters::declared_image_size(std::string("\xff\xd8\xff\xda\x00\x02", 6)));
        CHECK(!exporters::declared_image_size(std::string("\xff\xd8\xff\xe0\x00\x00", 6)));
        CHECK(!exporters::declared_image_size(png.substr(0, 20)));
        CHECK(!exporters::declared_image_size("GIF8"));
        CHECK(!exporters::declared_image_size("<svg/>"));
        CHECK(!exporters::decodable_image_size(jpeg.substr(0, 100)));
    }
}
