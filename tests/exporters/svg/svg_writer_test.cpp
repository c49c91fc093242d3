#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "exporters/svg/svg_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

TEST_CASE("SVG export is well-formed and draws every shape", "[svg]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    const auto& doc = read->document;
    auto scene = render::render_page(doc.pages[0]);
    std::string svg = exporters::write_svg(scene);
    pugi::xml_document x;
    REQUIRE(x.load_string(svg.c_str()));
    auto root = x.child("svg");
    REQUIRE(root);
    CHECK_FALSE(root.attribute("content"));
    std::size_t paths = 0;
    std::vector<std::string> texts;
    for (auto n : root.children()) {
        if (std::string(n.name()) == "path") ++paths;
        if (std::string(n.name()) == "text") texts.push_back(n.child_value());
    }
    // 4 shapes + 3 edge lines + 3 markers + the edge label's background.
    CHECK(paths == 11);
    CHECK(std::find(texts.begin(), texts.end(), "Start") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "Paid?") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "Odd") != texts.end());
    CHECK(svg.find("fill=\"#dae8fc\"") != std::string::npos);
    CHECK(svg.find("font-weight=\"bold\"") != std::string::npos);
}

TEST_CASE(".drawio.svg embeds the diagram and reads back to the same document", "[svg]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    auto svg = exporters::write_drawio_svg(read->document, 0);
    REQUIRE(svg);
    pugi::xml_document x;
    REQUIRE(x.load_string(svg->c_str()));
    std::string content = x.child("svg").attribute("content").value();
    CHECK(content.rfind("<mxfile", 0) == 0);
    CHECK(content.find("<mxGraphModel") != std::string::npos);  // plain, not compressed
    auto back = importers::read_drawio(*svg, "back.drawio.svg");
    REQUIRE(back);
    CHECK(back->document.pages == read->document.pages);
    CHECK(back->document.container == diagram::Container::svg);
}

TEST_CASE("draw.io's data URIs get their base64 marker", "[svg]") {
    CHECK(exporters::normalise_image_uri("data:image/png,AAAA") == "data:image/png;base64,AAAA");
    CHECK(exporters::normalise_image_uri("data:image/png;base64,AAAA") == "data:image/png;base64,AAAA");
    CHECK(exporters::normalise_image_uri("https://x/y.png") == "https://x/y.png");
}
