#include <zip.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>

#include "exporters/pptx/pptx_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {

std::map<std::string, std::string> unzip(const std::string& bytes) {
    std::map<std::string, std::string> parts;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z);
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, zip_uint64_t(i), 0, &st);
        zip_file_t* f = zip_fopen_index(z, zip_uint64_t(i), 0);
        std::string data(st.size, '\0');
        zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        parts[st.name] = data;
    }
    zip_close(z);
    zip_error_fini(&err);
    return parts;
}

}  // namespace

TEST_CASE("PPTX: well-formed parts, native shapes, glued connectors, notes", "[pptx]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    const auto& page = read->document.pages[0];
    auto scene = render::render_page(page);
    auto bytes = exporters::write_pptx({{&scene, &page, "Flow"}});
    REQUIRE(bytes);
    auto parts = unzip(*bytes);
    for (const char* name :
         {"[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml",
          "ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout1.xml", "ppt/theme/theme1.xml",
          "ppt/notesSlides/notesSlide1.xml"})
        CHECK(parts.count(name) == 1);
    for (const auto& [name, data] : parts) {
        pugi::xml_document x;
        INFO(name);
        CHECK(x.load_string(data.c_str()));
    }
    CHECK(parts["ppt/presentation.xml"].find("cx=\"12192000\" cy=\"6858000\"") != std::string::npos);

    pugi::xml_document slide;
    REQUIRE(slide.load_string(parts["ppt/slides/slide1.xml"].c_str()));
    std::map<std::string, std::string> preset_by_id;
    std::set<std::string> ids;
    for (auto sp : slide.select_nodes("//p:sp")) {
        auto n = sp.node();
        std::string id = n.select_node("p:nvSpPr/p:cNvPr").node().attribute("id").value();
        CHECK(ids.insert(id).second);
        preset_by_id[id] = n.select_node("p:spPr/a:prstGeom").node().attribute("prst").value();
    }
    std::multiset<std::string> presets;
    for (auto& [id, p] : preset_by_id) presets.insert(p);
    CHECK(presets.count("roundRect") == 1);
    CHECK(presets.count("flowChartDecision") == 1);
    CHECK(presets.count("ellipse") == 1);
    CHECK(presets.count("") == 1);  // the unknown shape as a free-form

    auto connectors = slide.select_nodes("//p:cxnSp");
    REQUIRE(connectors.size() == 3);
    for (auto c : connectors) {
        auto st = c.node().select_node(".//a:stCxn").node();
        auto en = c.node().select_node(".//a:endCxn").node();
        REQUIRE(st);
        REQUIRE(en);
        CHECK(preset_by_id.count(st.attribute("id").value()) == 1);
        CHECK(preset_by_id.count(en.attribute("id").value()) == 1);
        CHECK(std::string(c.node().select_node(".//a:prstGeom").node().attribute("prst").value())
                  .find("Connector") != std::string::npos);
    }
    // Start (rect, right site 3) → Paid? (decision, left site 1), horizontal straight connector.
    auto first = connectors[0].node();
    CHECK(std::string(first.select_node(".//a:stCxn").node().attribute("idx").value()) == "3");
    CHECK(std::string(first.select_node(".//a:endCxn").node().attribute("idx").value()) == "1");
    CHECK(std::string(first.select_node(".//a:tailEnd").node().attribute("type").value()) == "triangle");
    // Text runs keep their formatting.
    CHECK(parts["ppt/slides/slide1.xml"].find("b=\"1\"") != std::string::npos);
    CHECK(parts["ppt/slides/slide1.xml"].find("<a:t>Paid?</a:t>") != std::string::npos);
    // Speaker notes carry the page name and its metadata.
    CHECK(parts["ppt/notesSlides/notesSlide1.xml"].find("persona: Ana") != std::string::npos);
}
