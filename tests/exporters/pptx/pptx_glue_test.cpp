// One-slide decks: a connector end is glued only where draw.io ends it at a connection site; an end at a
// port elsewhere stays where draw.io draws it; a bent route glued at neither end is a free-form line (drawn
// exactly by LibreOffice, which re-routes connectors); edge label backgrounds; rounded swimlanes.
#include <zip.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>

#include "core/render/page_renderer.hpp"
#include "exporters/pptx/pptx_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

using namespace jstudio;

namespace {

std::string slide_of(const std::string& deck) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(deck.data(), deck.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z);
    zip_stat_t st;
    REQUIRE(zip_stat(z, "ppt/slides/slide1.xml", 0, &st) == 0);
    zip_file_t* f = zip_fopen(z, "ppt/slides/slide1.xml", 0);
    std::string data(st.size, '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    zip_close(z);
    zip_error_fini(&err);
    return data;
}

// A fork bar 300 x 10 with a box above and below; a lane with rounded corners.
constexpr const char* page_xml = R"(<mxfile><diagram id="p" name="Glue"><mxGraphModel><root>
<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="bar" value="" style="fillColor=#000000;" vertex="1" parent="1"><mxGeometry x="100" y="200" width="300" height="10" as="geometry"/></mxCell>
<mxCell id="top" value="Top" style="rounded=0;" vertex="1" parent="1"><mxGeometry x="300" y="60" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="low" value="Low" style="rounded=0;" vertex="1" parent="1"><mxGeometry x="200" y="300" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="centre" style="edgeStyle=orthogonalEdgeStyle;" edge="1" parent="1" source="bar" target="low"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="port" value="go" style="edgeStyle=orthogonalEdgeStyle;entryX=0.85;entryY=0;entryDx=0;entryDy=0;labelBackgroundColor=none;" edge="1" parent="1" source="top" target="bar"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="loose" value="free" style="edgeStyle=orthogonalEdgeStyle;" edge="1" parent="1"><mxGeometry relative="1" as="geometry"><mxPoint x="20" y="20" as="sourcePoint"/><mxPoint x="80" y="380" as="targetPoint"/><Array as="points"><mxPoint x="50" y="20"/><mxPoint x="50" y="380"/></Array></mxGeometry></mxCell>
<mxCell id="lane" value="Lane" style="swimlane;rounded=1;startSize=30;" vertex="1" parent="1"><mxGeometry x="500" y="40" width="200" height="300" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>)";

}  // namespace

TEST_CASE("PPTX glue: ends at a site are glued, ends at other ports stay put, free routes are exact",
          "[pptx][glue]") {
    auto read = importers::read_drawio(page_xml, "glue.drawio");
    REQUIRE(read);
    const auto& page = read->document.pages[0];
    auto scene = render::render_page(page);
    auto deck = exporters::write_pptx({{&scene, &page, "Glue"}});
    REQUIRE(deck);
    pugi::xml_document x;
    REQUIRE(x.load_string(slide_of(*deck).c_str()));
    auto by_descr = [&](const std::string& id) {
        return x.select_node(("//*[*/p:cNvPr[@descr='draw.io cell " + id + "']]").c_str()).node();
    };
    SECTION("an edge from the bar's middle is glued at both ends") {
        auto c = by_descr("centre");
        REQUIRE(std::string(c.name()) == "p:cxnSp");
        CHECK(c.select_node(".//a:stCxn"));
        CHECK(c.select_node(".//a:endCxn"));
    }
    SECTION("an end at entryX=0.85 of the bar is not pulled to a site: glued at its source only") {
        auto c = by_descr("port");
        REQUIRE(c);
        CHECK(c.select_node(".//a:stCxn"));
        CHECK_FALSE(c.select_node(".//a:endCxn"));
    }
    SECTION("a bent route glued at neither end is a free-form line through its points") {
        auto c = by_descr("loose");
        REQUIRE(std::string(c.name()) == "p:sp");
        CHECK(c.select_nodes(".//a:custGeom//a:pt").size() == 4);
    }
    SECTION("edge labels: white behind by default, nothing behind with labelBackgroundColor=none") {
        std::map<std::string, pugi::xml_node> labels;
        for (auto n : x.select_nodes("//p:sp[p:nvSpPr/p:cNvSpPr[@txBox='1']]"))
            labels[n.node().select_node(".//a:t").node().text().get()] = n.node();
        REQUIRE(labels.count("go"));
        REQUIRE(labels.count("free"));
        CHECK(labels["go"].select_node("p:spPr/a:noFill"));
        CHECK(labels["free"].select_node("p:spPr/a:solidFill/a:srgbClr[@val='FFFFFF']"));
    }
    SECTION("a rounded swimlane: a rounded body and a header rounded at the top") {
        CHECK(x.select_node("//p:sp[p:nvSpPr/p:cNvPr[@name='Lane lane']]//a:prstGeom[@prst='roundRect']"));
        CHECK(by_descr("lane").select_node(".//a:prstGeom[@prst='round2SameRect']"));
    }
}
