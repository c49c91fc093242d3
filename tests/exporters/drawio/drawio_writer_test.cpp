#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/codec/codec.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using namespace jstudio::diagram;

namespace {
Cell vertex(std::string id, std::string label) {
    Cell c;
    c.id = std::move(id);
    c.parent = "1";
    c.kind = CellKind::vertex;
    c.vertex = true;
    c.value = std::move(label);
    c.geometry = Geometry{};
    c.geometry->bounds = {10, 20, 120, 60};
    return c;
}
}  // namespace

TEST_CASE("the writer writes what draw.io reads", "[exporters][drawio]") {
    Document doc = make_document("Checkout");
    doc.pages[0].cells.push_back(vertex("a", "Pay & go <now>\n\"quoted\" 'single'\ttab"));
    doc.pages[0].cells.back().set_data("stage", "Decision");

    SECTION("new files are plain, with escapes draw.io uses") {
        auto xml = exporters::write_drawio(doc);
        REQUIRE(xml);
        CHECK(xml.value().find("<mxGraphModel") != std::string::npos);
        CHECK(xml.value().find("Pay &amp; go &lt;now&gt;&#xa;&quot;quoted&quot; &#39;single&#39;&#x9;tab") !=
              std::string::npos);
        CHECK(xml.value().find("<UserObject label=") != std::string::npos);
        auto back = importers::read_drawio(xml.value(), "x");
        REQUIRE(back);
        CHECK(back->document == doc);
        CHECK(back->document.pages[0].cells[2].data("stage") == "Decision");
    }
    SECTION("compressed pages follow draw.io's recipe") {
        auto xml = exporters::write_drawio(doc, {exporters::Compression::compressed});
        REQUIRE(xml);
        auto start = xml.value().find("name=\"Checkout\">") + 16;
        auto end = xml.value().find("</diagram>");
        std::string text = xml.value().substr(start, end - start);
        auto decoded =
            codec::percent_decode(codec::inflate_raw(codec::base64_decode(text).value(), 1 << 20).value());
        REQUIRE(decoded);
        CHECK(decoded.value() == exporters::model_xml(doc.pages[0]));
    }
    SECTION("duplicate ids are never written") {
        doc.pages[0].cells.push_back(vertex("a", "again"));
        auto xml = exporters::write_drawio(doc);
        REQUIRE_FALSE(xml);
        CHECK(xml.error().where.cell_id == "a");

        const auto dir = test::temp_dir("writer");
        const auto path = (dir / "keep.drawio").string();
        std::ofstream(path) << "old";
        CHECK_FALSE(exporters::save_drawio(doc, path));
        CHECK(test::read_text(path) == "old");
        std::filesystem::remove_all(dir);
    }
    SECTION("duplicate page ids are never written") {
        doc.pages.push_back(make_page(*doc.pages[0].id, "Copy"));
        CHECK_FALSE(exporters::write_drawio(doc));
    }
}

// Issue 19 (memory of convert): save_drawio hands the text to the file in pieces of about a megabyte instead
// of holding it whole next to the model. The file must be exactly write_drawio's text, pieces and all; a
// document the writer refuses must leave the old file as it was.
TEST_CASE("save streams the text to disk: the same bytes as write_drawio", "[exporters][drawio][hostile]") {
    Document doc = make_document("Big");
    for (int i = 0; i < 30000; ++i)
        doc.pages[0].cells.push_back(
            vertex("v" + std::to_string(i), "Step <" + std::to_string(i) + "> & more"));
    doc.pages.push_back(make_page("p2", "Compressed"));
    doc.pages[1].compressed = true;
    doc.pages[1].cells.push_back(vertex("a", "A"));
    const auto dir = test::temp_dir("streamed-save");
    const std::string path = (dir / "big.drawio").string();
    auto expected = exporters::write_drawio(doc);
    REQUIRE(expected);
    REQUIRE(expected->size() > (std::size_t(3) << 20));  // several pieces
    REQUIRE(exporters::save_drawio(doc, path));
    CHECK(test::read_text(path) == expected.value());

    SECTION("a refused document leaves the old file") {
        Document bad = doc;
        bad.pages[0].cells.push_back(vertex("v7", "duplicate id"));
        auto saved = exporters::save_drawio(bad, path);
        REQUIRE(!saved);
        CHECK(saved.error().code == ErrorCode::bad_reference);
        CHECK(saved.error().where.file == path);
        CHECK(test::read_text(path) == expected.value());
        std::size_t files = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
        CHECK(files == 1);  // no temporary file left
    }
}
