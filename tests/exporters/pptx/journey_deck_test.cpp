#include <zip.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>

#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/conformance.hpp"
#include "core/eventlog/step_model.hpp"
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

// journey validate --annotate on the same map (core/eventlog/annotate_map): ten cases, 6 all the way, 3 stop
// at the second stage, 1 at the first.
TEST_CASE("Journey deck: the validation numbers on the map as a native chart and table", "[pptx][journey]") {
    auto read = importers::read_drawio_file(test::data_path("render/journey-map.drawio").string());
    REQUIRE(read);
    diagram::Page page = read->document.pages[0];
    auto model = eventlog::step_model(page);
    REQUIRE(model);
    REQUIRE(model->steps.size() == 4);
    eventlog::EventLog log;
    for (std::size_t upto : {3, 3, 3, 3, 3, 3, 1, 1, 1, 0}) {
        eventlog::Case c;
        c.id = "c" + std::to_string(log.cases.size());
        for (std::size_t k = 0; k <= upto; ++k)
            c.events.push_back({std::int64_t(k) * 86400LL * 1000000, log.activity_id(model->steps[k]), true});
        log.cases.push_back(std::move(c));
    }
    REQUIRE(eventlog::annotate_map(page, *model, eventlog::check_conformance(log, *model)) > 0);

    exporters::JourneyDeckOptions options;
    options.date = "1 January 2027";
    auto deck = exporters::journey_deck_for_page(page, "Shop", exporters::DeckChoice::automatic, options);
    CHECK(deck.note.empty());
    // title, persona, overview, 4 stages, table, emotion chart, validation numbers; the annotation layer's
    // cards are no journey steps.
    REQUIRE(deck.slides.size() == 10);
    auto bytes = exporters::write_pptx(deck.slides);
    REQUIRE(bytes);
    auto parts = unzip_all(*bytes);
    pugi::xml_document x;
    REQUIRE(x.load_string(parts["ppt/slides/slide10.xml"].c_str()));
    auto rows = x.select_nodes("//a:tbl/a:tr");
    REQUIRE(rows.size() == 5);
    auto cell = [&](std::size_t r, std::size_t c) {
        return std::string(
            rows[r].node().select_nodes("a:tc")[c].node().select_node(".//a:t").node().text().get());
    };
    CHECK(cell(0, 1) == "Reach");
    CHECK(cell(1, 0) == model->steps[0]);
    CHECK(cell(2, 1) == "9 (90%)");
    CHECK(cell(2, 2) == "67%");
    CHECK(cell(2, 3) == "3 (33%)");
    CHECK(cell(4, 2) == "–");  // the last stage: no next stage, no drop-off
    CHECK(cell(4, 3) == "–");
    // The chart: columns, one series each for reach, conversion and drop-off, as shares, with its workbook.
    REQUIRE(parts.count("ppt/charts/chart2.xml") == 1);
    CHECK(parts["ppt/slides/_rels/slide10.xml.rels"].find("../charts/chart2.xml") != std::string::npos);
    pugi::xml_document c;
    REQUIRE(c.load_string(parts["ppt/charts/chart2.xml"].c_str()));
    CHECK(c.select_nodes("//c:barChart/c:ser").size() == 3);
    auto reach = c.select_nodes("//c:ser[1]/c:val//c:pt/c:v");
    REQUIRE(reach.size() == 4);
    CHECK(reach[1].node().text().as_double() == Approx(0.9));
    auto drop = c.select_nodes("//c:ser[3]/c:val//c:pt/c:v");
    REQUIRE(drop.size() == 3);
    CHECK(drop[1].node().text().as_double() == Approx(1.0 / 3));
    auto wb = unzip_all(parts["ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx"]);
    CHECK(wb["xl/worksheets/sheet1.xml"].find("<c r=\"B3\"><v>0.9</v></c>") != std::string::npos);
    const auto& notes = parts["ppt/notesSlides/notesSlide10.xml"];
    CHECK(notes.find("The largest drop-off is at " + model->steps[1]) != std::string::npos);
    CHECK(parts["ppt/notesSlides/notesSlide1.xml"].find("reach, conversion and drop-off per stage") !=
          std::string::npos);

    SECTION("the same page without the numbers has no such slide; --deck map has no deck") {
        auto plain = exporters::journey_deck_for_page(read->document.pages[0], "Shop",
                                                      exporters::DeckChoice::automatic, options);
        CHECK(plain.slides.size() == 9);
        CHECK(exporters::journey_deck_for_page(page, "Shop", exporters::DeckChoice::map).slides.empty());
    }
}

TEST_CASE("Journey deck for a page: a page that is no journey map goes out as one slide", "[pptx][journey]") {
    auto read = importers::read_drawio_file(test::data_path("render/two_shapes.drawio").string());
    REQUIRE(read);
    const auto& page = read->document.pages[0];
    auto asked = exporters::journey_deck_for_page(page, "Flow", exporters::DeckChoice::journey);
    CHECK(asked.slides.empty());
    CHECK(asked.note == "page 'Flow' is not a journey map; exported as one slide");
    auto automatic = exporters::journey_deck_for_page(page, "Flow", exporters::DeckChoice::automatic);
    CHECK(automatic.slides.empty());
    CHECK(automatic.note.empty());
}
