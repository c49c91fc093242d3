#include <catch2/catch.hpp>

#include "core/codec/codec.hpp"
#include "exporters/raster/drawio_png.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "importers/drawio/png_chunks.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {
unsigned be32(std::string_view s, std::size_t at) {
    return (unsigned char)s[at] << 24 | (unsigned char)s[at + 1] << 16 | (unsigned char)s[at + 2] << 8 |
           (unsigned char)s[at + 3];
}
// Chunk types in file order.
std::vector<std::string> chunk_types(std::string_view png) {
    std::vector<std::string> out;
    for (std::size_t at = 8; at + 12 <= png.size(); at += 12 + be32(png, at))
        out.emplace_back(png.substr(at + 4, 4));
    return out;
}
}  // namespace

TEST_CASE(".drawio.png embeds the diagram the way draw.io does and reads back equal",
          "[raster][drawio-png]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    auto png = exporters::write_drawio_png(read->document, 0);
    REQUIRE(png);

    SECTION("one tEXt chunk 'mxfile' right before the first IDAT, with a valid CRC") {
        auto types = chunk_types(*png);
        auto idat = std::find(types.begin(), types.end(), "IDAT");
        REQUIRE(idat != types.end());
        REQUIRE(idat != types.begin());
        CHECK(*(idat - 1) == "tEXt");
        CHECK(std::count(types.begin(), types.end(), "tEXt") == 1);
        CHECK(types.front() == "IHDR");
        CHECK(types.back() == "IEND");
        // Locate it and check keyword, percent-encoding and CRC.
        std::size_t at = 8;
        while (png->substr(at + 4, 4) != "tEXt") at += 12 + be32(*png, at);
        std::size_t len = be32(*png, at);
        std::string_view data = std::string_view(*png).substr(at + 8, len);
        CHECK(data.substr(0, 7) == std::string_view("mxfile\0", 7));
        CHECK(data.substr(7, 9) == "%3Cmxfile");  // encodeURIComponent of "<mxfile"
        CHECK(data.find_first_of("<>\" ") == std::string_view::npos);
        CHECK(be32(*png, at + 8 + len) == codec::crc32(std::string_view(*png).substr(at + 4, 4 + len)));
    }
    SECTION("our reader gets the same pages back, from a PNG container") {
        auto back = importers::read_drawio(*png, "back.drawio.png");
        REQUIRE(back);
        CHECK(back->document.container == diagram::Container::png);
        CHECK(back->document.pages == read->document.pages);
    }
    SECTION("re-embedding replaces the diagram instead of adding a second one") {
        auto again = exporters::insert_png_text(*png, "mxfile", codec::percent_encode("<mxfile/>"));
        REQUIRE(again);
        auto types = chunk_types(*again);
        CHECK(std::count(types.begin(), types.end(), "tEXt") == 1);
        auto text = importers::extract_png_diagram(*again, 1 << 20);
        REQUIRE(text);
        CHECK(*text == "<mxfile/>");
    }
    SECTION("the picture itself is the page as write_png draws it") {
        auto plain = exporters::write_png(render::render_page(read->document.pages[0]));
        REQUIRE(plain);
        CHECK(png->size() > plain->size());
        CHECK(be32(*png, 16) == be32(*plain, 16));  // width
        CHECK(be32(*png, 20) == be32(*plain, 20));  // height
    }
}

TEST_CASE(".drawio.png keeps every page of a multi-page document", "[raster][drawio-png]") {
    diagram::Document doc = diagram::make_document();
    doc.pages.clear();
    doc.pages.push_back(diagram::make_page("p1", "One"));
    doc.pages.push_back(diagram::make_page("p2", "Two & <more>"));
    auto png = exporters::write_drawio_png(doc, 1);
    REQUIRE(png);
    auto back = importers::read_drawio(*png, "x.drawio.png");
    REQUIRE(back);
    REQUIRE(back->document.pages.size() == 2);
    CHECK(back->document.pages == doc.pages);
    CHECK_FALSE(exporters::write_drawio_png(doc, 2));
}

TEST_CASE("insert_png_text refuses what is not a PNG with image data", "[raster][drawio-png]") {
    CHECK(exporters::insert_png_text("GIF89a", "mxfile", "x").error().code == ErrorCode::bad_encoding);
    std::string only_sig("\x89PNG\r\n\x1a\n", 8);
    CHECK(exporters::insert_png_text(only_sig, "mxfile", "x").error().code == ErrorCode::bad_encoding);
    auto png = exporters::write_png(render::Scene{});
    REQUIRE(png);
    CHECK_FALSE(exporters::insert_png_text(*png, "", "x"));
}
