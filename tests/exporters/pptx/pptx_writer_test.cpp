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
    CHECK(std::string(first.select_node(".//a:tailEnd").node().attribute("type").value()) == "stealth");
    // Text runs keep their formatting.
    CHECK(parts["ppt/slides/slide1.xml"].find("b=\"1\"") != std::string::npos);
    CHECK(parts["ppt/slides/slide1.xml"].find("<a:t>Paid?</a:t>") != std::string::npos);
    // Speaker notes carry the page name and its metadata.
    CHECK(parts["ppt/notesSlides/notesSlide1.xml"].find("persona: Ana") != std::string::npos);
}

TEST_CASE("PPTX: images become pictures with media parts", "[pptx][image]") {
    auto read = importers::read_drawio_file(test::data_path("render/images.drawio").string());
    REQUIRE(read);
    auto scene = render::render_page(read->document.pages[0]);
    exporters::PptxOptions o;
    o.base_dir = test::data_path("render").string();
    o.image_dirs = {o.base_dir};
    auto deck = exporters::write_pptx({{&scene, &read->document.pages[0], "Images"}}, o);
    REQUIRE(deck);
    auto parts = unzip(*deck);
    // Two distinct images (the embedded blue one is used twice but stored once); the web image is not
    // fetched.
    CHECK(parts.count("ppt/media/image1.png") == 1);
    CHECK(parts.count("ppt/media/image2.png") == 1);
    CHECK(parts.count("ppt/media/image3.png") == 0);
    CHECK(parts["ppt/media/image2.png"] == test::read_text(test::data_path("render/red.png")));
    CHECK(parts["[Content_Types].xml"].find("<Default Extension=\"png\" ContentType=\"image/png\"/>") !=
          std::string::npos);
    pugi::xml_document slide, slide_rels;
    REQUIRE(slide.load_string(parts["ppt/slides/slide1.xml"].c_str()));
    REQUIRE(slide_rels.load_string(parts["ppt/slides/_rels/slide1.xml.rels"].c_str()));
    std::map<std::string, std::string> targets;
    for (auto r : slide_rels.child("Relationships").children("Relationship"))
        targets[r.attribute("Id").value()] = r.attribute("Target").value();
    std::vector<std::string> pics;
    for (auto pic : slide.select_nodes("//p:pic")) {
        std::string rid = pic.node().select_node(".//a:blip").node().attribute("r:embed").value();
        REQUIRE(targets.count(rid));
        pics.push_back(targets[rid]);
    }
    CHECK(pics ==
          std::vector<std::string>{"../media/image1.png", "../media/image2.png", "../media/image1.png"});
    // Labels of pictures are text boxes; the connector from a picture is not glued (no preset sites).
    std::string xml = parts["ppt/slides/slide1.xml"];
    CHECK(xml.find("<a:t>Embedded</a:t>") != std::string::npos);
    CHECK(xml.find("<a:t>File</a:t>") != std::string::npos);
    CHECK(xml.find("<a:t>Web</a:t>") != std::string::npos);
    CHECK(xml.find("a:stCxn") == std::string::npos);
    CHECK(xml.find("a:endCxn") != std::string::npos);
}

namespace {
// The path a preset connector draws on the slide: preset points in its unflipped box (ECMA
// presetShapeDefinitions), then flipH/flipV and rot about the box centre (as check_pptx.sh does).
std::vector<std::pair<double, double>> connector_path(pugi::xml_node cxn) {
    auto xfrm = cxn.child("p:spPr").child("a:xfrm");
    double x = xfrm.child("a:off").attribute("x").as_double(),
           y = xfrm.child("a:off").attribute("y").as_double();
    double w = xfrm.child("a:ext").attribute("cx").as_double(),
           h = xfrm.child("a:ext").attribute("cy").as_double();
    bool fh = xfrm.attribute("flipH").as_bool(), fv = xfrm.attribute("flipV").as_bool();
    double rot = xfrm.attribute("rot").as_double() / 60000 * 3.14159265358979 / 180;
    auto geom = cxn.child("p:spPr").child("a:prstGeom");
    std::string prst = geom.attribute("prst").value();
    std::vector<double> adj = {50000, 50000, 50000};
    for (auto gd : geom.child("a:avLst").children("a:gd")) {
        std::string name = gd.attribute("name").value();
        adj[std::size_t(name.back() - '1')] = std::stod(std::string(gd.attribute("fmla").value()).substr(4));
    }
    double x1 = w * adj[0] / 1e5, y2 = h * adj[1] / 1e5, x3 = w * adj[2] / 1e5;
    std::vector<std::pair<double, double>> local;
    if (prst == "straightConnector1") local = {{0, 0}, {w, h}};
    if (prst == "bentConnector2") local = {{0, 0}, {w, 0}, {w, h}};
    if (prst == "bentConnector3") local = {{0, 0}, {x1, 0}, {x1, h}, {w, h}};
    if (prst == "bentConnector4") local = {{0, 0}, {x1, 0}, {x1, y2}, {w, y2}, {w, h}};
    if (prst == "bentConnector5") local = {{0, 0}, {x1, 0}, {x1, y2}, {x3, y2}, {x3, h}, {w, h}};
    std::vector<std::pair<double, double>> out;
    for (auto [u, v] : local) {
        if (fh) u = w - u;
        if (fv) v = h - v;
        double dx = u - w / 2, dy = v - h / 2;
        out.push_back({x + w / 2 + dx * std::cos(rot) - dy * std::sin(rot),
                       y + h / 2 + dx * std::sin(rot) + dy * std::cos(rot)});
    }
    return out;
}
}  // namespace

TEST_CASE("PPTX: connectors keep routes with 1 to 4 bends as presets, more as a free-form line",
          "[pptx][bends]") {
    auto read = importers::read_drawio_file(test::data_path("render/bends.drawio").string());
    REQUIRE(read);
    auto scene = render::render_page(read->document.pages[0]);
    auto deck = exporters::write_pptx({{&scene, &read->document.pages[0], "Bends"}});
    REQUIRE(deck);
    auto parts = unzip(*deck);
    pugi::xml_document slide;
    REQUIRE(slide.load_string(parts["ppt/slides/slide1.xml"].c_str()));
    // Page px → EMU from shape A (draw.io x=40 y=40 w=100).
    pugi::xml_node a = slide.select_node("//p:sp[p:nvSpPr/p:cNvPr[@descr='draw.io cell a']]").node();
    REQUIRE(a);
    double k = a.select_node(".//a:ext").node().attribute("cx").as_double() / 100;
    double ox = a.select_node(".//a:off").node().attribute("x").as_double() - 40 * k;
    double oy = a.select_node(".//a:off").node().attribute("y").as_double() - 40 * k;
    auto px = [&](std::pair<double, double> p) { return std::pair{(p.first - ox) / k, (p.second - oy) / k}; };
    std::map<std::string, pugi::xml_node> by_cell;
    for (auto n : slide.select_nodes("//p:cxnSp"))
        by_cell[n.node().select_node(".//p:cNvPr").node().attribute("descr").value()] = n.node();
    auto path_of = [&](const std::string& id) {
        REQUIRE(by_cell.count("draw.io cell " + id));
        std::vector<std::pair<double, double>> out;
        for (auto p : connector_path(by_cell["draw.io cell " + id])) out.push_back(px(p));
        return out;
    };
    auto near = [](std::pair<double, double> p, double x, double y) {
        return std::abs(p.first - x) < 0.5 && std::abs(p.second - y) < 0.5;
    };
    SECTION("3 bends: bentConnector4 through the waypoints, ellipse right → box top") {
        CHECK(std::string(by_cell["draw.io cell three"]
                              .select_node(".//a:prstGeom")
                              .node()
                              .attribute("prst")
                              .value()) == "bentConnector4");
        auto p = path_of("three");
        REQUIRE(p.size() == 5);
        CHECK(near(p[0], 140, 265));
        CHECK(near(p[1], 200, 265));
        CHECK(near(p[2], 200, 180));
        CHECK(near(p[3], 450, 180));
        CHECK(near(p[4], 450, 240));
    }
    SECTION("4 bends: bentConnector5, leaving the decision to the left") {
        CHECK(
            std::string(
                by_cell["draw.io cell four"].select_node(".//a:prstGeom").node().attribute("prst").value()) ==
            "bentConnector5");
        auto p = path_of("four");
        REQUIRE(p.size() == 6);
        CHECK(near(p[0], 400, 65));
        CHECK(near(p[1], 360, 65));
        CHECK(near(p[2], 360, 150));
        CHECK(near(p[3], 10, 150));
        CHECK(near(p[4], 10, 265));
        CHECK(near(p[5], 40, 265));
    }
    SECTION("a U turn with both ends at one x: a hair-wide bentConnector3 with the detour as adj1") {
        auto p = path_of("u");
        REQUIRE(p.size() == 4);
        CHECK(near(p[0], 500, 65));
        CHECK(near(p[1], 560, 65));
        CHECK(near(p[2], 560, 265));
        CHECK(near(p[3], 500, 265));
    }
    SECTION("6 bends: no connector but a free-form line through all 8 points, arrow kept") {
        CHECK(by_cell.count("draw.io cell six") == 0);
        pugi::xml_node six = slide.select_node("//p:sp[p:nvSpPr/p:cNvPr[@descr='draw.io cell six']]").node();
        REQUIRE(six);
        CHECK(six.select_nodes(".//a:custGeom//a:pt").size() == 8);
        CHECK(six.select_node(".//a:ln/a:tailEnd[@type='stealth']"));
        CHECK_FALSE(six.select_node(".//a:stCxn"));
    }
    SECTION("glued ends stay glued") {
        CHECK(by_cell["draw.io cell three"].select_node(".//a:stCxn"));
        CHECK(by_cell["draw.io cell three"].select_node(".//a:endCxn"));
    }
}
