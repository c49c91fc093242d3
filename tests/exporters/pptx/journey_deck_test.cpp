#include <zip.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>

#include "core/journey/journey_read.hpp"
#include "exporters/pptx/chart_part.hpp"
#include "exporters/pptx/journey_deck.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {

std::map<std::string, std::string> unzip_all(const std::string& bytes) {
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

// tests/data/render/journey-map.drawio is `journey new --template current-state`: one persona, 4 stages,
// 8 lanes, 4 pain points and 4 opportunities, emotion +1 0 -1 -2.
TEST_CASE("Journey deck: the slides a consultant presents, native and with notes", "[pptx][journey]") {
    auto read = importers::read_drawio_file(test::data_path("render/journey-map.drawio").string());
    REQUIRE(read);
    auto map = journey::read_journey(read->document.pages[0]);
    REQUIRE(map);
    auto slides = exporters::journey_deck(*map, {"1 January 2027"});
    REQUIRE(slides);
    // title, persona, overview, 4 stages, table, chart
    REQUIRE(slides->size() == 9);
    auto bytes = exporters::write_pptx(*slides);
    REQUIRE(bytes);
    auto parts = unzip_all(*bytes);
    for (const auto& [name, data] : parts) {
        if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
        pugi::xml_document x;
        INFO(name);
        CHECK(x.load_string(data.c_str()));
    }
    SECTION("every slide has notes and no picture") {
        for (int k = 1; k <= 9; ++k) {
            INFO("slide " << k);
            CHECK(parts.count("ppt/notesSlides/notesSlide" + std::to_string(k) + ".xml") == 1);
            CHECK(parts["ppt/slides/slide" + std::to_string(k) + ".xml"].find("<p:pic>") ==
                  std::string::npos);
        }
        CHECK(parts["ppt/slides/slide1.xml"].find("<a:t>1 January 2027</a:t>") != std::string::npos);
        CHECK(parts["ppt/notesSlides/notesSlide5.xml"].find("Emotion here: Maya Chen 0") !=
              std::string::npos);
    }
    SECTION("stage slides: cards at 12 pt or more, a glued transition arrow") {
        for (int k = 4; k <= 7; ++k) {
            pugi::xml_document x;
            REQUIRE(x.load_string(parts["ppt/slides/slide" + std::to_string(k) + ".xml"].c_str()));
            for (auto r : x.select_nodes("//a:rPr")) CHECK(r.node().attribute("sz").as_int() >= 1200);
            CHECK(x.select_nodes("//p:cxnSp//a:stCxn | //p:cxnSp//a:endCxn").size() >= 1);
        }
    }
    SECTION("the table is sorted by emotion, worst first, with owner and KPI") {
        pugi::xml_document x;
        REQUIRE(x.load_string(parts["ppt/slides/slide8.xml"].c_str()));
        auto rows = x.select_nodes("//a:tbl/a:tr");
        REQUIRE(rows.size() == 9);
        auto cell = [&](std::size_t r, int c) {
            return std::string(rows[r]
                                   .node()
                                   .select_nodes("a:tc")[std::size_t(c)]
                                   .node()
                                   .select_node(".//a:t")
                                   .node()
                                   .text()
                                   .get());
        };
        CHECK(cell(1, 0) == "Ask support");
        CHECK(cell(1, 1) == "-2");
        CHECK(cell(1, 4) == "Customer service");
        CHECK(cell(8, 0) == "Browse");
    }
    SECTION("the emotion chart: a chart part with cached values and its workbook") {
        REQUIRE(parts.count("ppt/charts/chart1.xml") == 1);
        REQUIRE(parts.count("ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx") == 1);
        pugi::xml_document c;
        REQUIRE(c.load_string(parts["ppt/charts/chart1.xml"].c_str()));
        auto ser = c.select_nodes("//c:ser");
        REQUIRE(ser.size() == 1);
        auto vals = c.select_nodes("//c:ser/c:val//c:pt/c:v");
        REQUIRE(vals.size() == 4);
        CHECK(std::string(vals[3].node().text().get()) == "-2");
        auto wb = unzip_all(parts["ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx"]);
        REQUIRE(wb.count("xl/worksheets/sheet1.xml") == 1);
        CHECK(wb["xl/worksheets/sheet1.xml"].find("<c r=\"B5\"><v>-2</v></c>") != std::string::npos);
        CHECK(wb["xl/worksheets/sheet1.xml"].find("<t>Ask support</t>") != std::string::npos);
        CHECK(parts["[Content_Types].xml"].find("Extension=\"xlsx\"") != std::string::npos);
        CHECK(parts["ppt/slides/_rels/slide9.xml.rels"].find("../charts/chart1.xml") != std::string::npos);
    }
}

TEST_CASE("Journey deck: a map without stages is refused", "[pptx][journey]") {
    journey::JourneyMap empty;
    CHECK_FALSE(exporters::journey_deck(empty));
}
