// Maps written by us, then edited as draw.io edits them (UserObject wrappers, draw.io-style new ids, html
// labels, cells moved by rewriting their geometry), read back.
#include <catch2/catch.hpp>

#include <regex>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_read.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/journey_json.hpp"
#include "templates/template_library.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using journey::JourneyMap;

namespace {

struct Written {
    std::string xml;
    diagram::Page page;
};

Written written_map() {
    auto map = templates::map_from_json_text(test::read_text(test::data_path("journey/shop_today.json")),
                                             "shop_today.json");
    REQUIRE(map);
    auto doc = templates::journey_document(*map);
    auto xml = exporters::write_drawio(doc);
    REQUIRE(xml);
    return {*xml, doc.pages.front()};
}

JourneyMap read_back(const std::string& xml) {
    auto read = importers::read_drawio(xml, "edited.drawio");
    REQUIRE(read);
    auto map = journey::read_journey(read->document.pages.front());
    REQUIRE(map);
    return std::move(*map);
}

void replace_once(std::string& text, const std::regex& re, const std::string& with) {
    std::smatch m;
    REQUIRE(std::regex_search(text, m, re));
    text = m.prefix().str() + with + m.suffix().str();
}

// Moves a top-level card so its centre lands on (cx, cy), as draw.io rewrites <mxGeometry x y>.
void move_card(std::string& xml, const std::string& id, const diagram::Page& page, double cx, double cy) {
    diagram::PageIndex idx(page);
    auto b = idx.absolute_bounds(id);
    REQUIRE(b);
    std::regex re("(id=\"" + id + "\">\\s*<mxCell[^>]*>\\s*<mxGeometry )x=\"[^\"]*\" y=\"[^\"]*\"");
    std::ostringstream geo;
    geo << "x=\"" << cx - b->width / 2 << "\" y=\"" << cy - b->height / 2 << "\"";
    std::smatch m;
    REQUIRE(std::regex_search(xml, m, re));
    xml = m.prefix().str() + m[1].str() + geo.str() + m.suffix().str();
}

diagram::Rect bounds(const diagram::Page& page, const std::string& id) {
    diagram::PageIndex idx(page);
    auto b = idx.absolute_bounds(id);
    REQUIRE(b);
    return *b;
}

void insert_cells(std::string& xml, const std::string& cells) {
    auto at = xml.find("</root>");
    REQUIRE(at != std::string::npos);
    xml.insert(at, cells);
}

const journey::Step& step(const JourneyMap& map, const std::string& id) {
    auto s = map.graph.find(id);
    REQUIRE(s);
    return map.graph.step(*s);
}

}  // namespace

TEST_CASE("an unedited map reads back as written", "[templates][journey][edit]") {
    auto [xml, page] = written_map();
    JourneyMap map = read_back(xml);
    CHECK(map.graph.step_count() == 5);
    CHECK(step(map, "s1").channel == "Web");
    CHECK(step(map, "e2").emotion == -1.0);
    CHECK(map.graph.transitions().size() == 1);
}

TEST_CASE("a card moved to another column and lane changes stage and lane", "[templates][journey][edit]") {
    auto [xml, page] = written_map();
    const auto col_b = bounds(page, "jm-stage-b");
    const auto row_pain = bounds(page, "jm-lane-pain");
    move_card(xml, "jm-step-s1", page, col_b.x + col_b.width / 2, row_pain.y + row_pain.height / 2);
    JourneyMap map = read_back(xml);
    const auto& s1 = step(map, "s1");
    CHECK(map.stages[static_cast<std::size_t>(s1.stage)].id == "b");
    CHECK(map.lanes[static_cast<std::size_t>(s1.lane)].id == "pain");
    CHECK(s1.channel == "Web");  // the tag moved with its card
    CHECK(map.graph.transitions().size() == 1);
    SECTION("an emotion card moved down two bands drops two points") {
        const auto e1 = bounds(page, "jm-step-e1");
        diagram::PageIndex idx(page);
        const double band_h = std::stod(idx.find("jm-lane-emotions")->data("band-height"));
        move_card(xml, "jm-step-e1", page, e1.x + e1.width / 2, e1.y + e1.height / 2 + 2 * band_h);
        JourneyMap moved = read_back(xml);
        CHECK(step(moved, "e1").emotion == -1.0);
        CHECK(step(moved, "e2").emotion == -1.0);
    }
}

TEST_CASE("a plain shape dropped into a lane becomes a step", "[templates][journey][edit]") {
    auto [xml, page] = written_map();
    const auto col_a = bounds(page, "jm-stage-a");
    const auto row_pain = bounds(page, "jm-lane-pain");
    std::ostringstream cells;
    // What draw.io writes for a rectangle from the General palette, and one far outside the grid.
    cells << "<mxCell id=\"aB3xY9kLmN0pQ1rS2tU-12\" value=\"Too many &lt;b&gt;filters&lt;/b&gt;\" "
          << "style=\"rounded=0;whiteSpace=wrap;html=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\""
          << col_a.x + 20 << "\" y=\"" << row_pain.y + 10
          << "\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell>"
          << "<mxCell id=\"aB3xY9kLmN0pQ1rS2tU-13\" value=\"A note\" style=\"text;html=1;\" vertex=\"1\" "
             "parent=\"1\"><mxGeometry x=\"5000\" y=\"10\" width=\"60\" height=\"30\" "
             "as=\"geometry\"/></mxCell>";
    insert_cells(xml, cells.str());
    JourneyMap map = read_back(xml);
    REQUIRE(map.graph.step_count() == 6);
    const auto& s = step(map, "aB3xY9kLmN0pQ1rS2tU-12");
    CHECK(s.cell_id == "aB3xY9kLmN0pQ1rS2tU-12");
    CHECK(s.label == "Too many filters");
    CHECK(map.stages[static_cast<std::size_t>(s.stage)].id == "a");
    CHECK(map.lanes[static_cast<std::size_t>(s.lane)].id == "pain");
    CHECK(s.channel.empty());
    CHECK_FALSE(s.emotion);
    CHECK(journey::validate(map).empty());
}

TEST_CASE("deleted cards are gone, edited labels kept, new edges are transitions",
          "[templates][journey][edit]") {
    auto [xml, page] = written_map();
    // Delete s2 as draw.io does: the card and the edges glued to it go.
    replace_once(xml, std::regex("<UserObject[^>]*id=\"jm-step-s2\">[\\s\\S]*?</UserObject>\\s*"), "");
    replace_once(xml, std::regex("<UserObject[^>]*id=\"jm-t-s1-s2\">[\\s\\S]*?</UserObject>\\s*"), "");
    // Edit two labels: an html one as draw.io's editor writes it (one <div> per line), and the stage name.
    replace_once(
        xml, std::regex("label=\"Searches\""),
        "label=\"&lt;div&gt;Compares &amp;amp; picks&lt;/div&gt;&lt;div&gt;in the app&lt;/div&gt;\"");
    replace_once(xml, std::regex("label=\"&lt;b&gt;Buy&lt;/b&gt;\""), "label=\"Checkout\"");
    // Copy-paste of the x1 card: same UserObject attributes, new draw.io id.
    std::smatch m;
    REQUIRE(
        std::regex_search(xml, m, std::regex("<UserObject[^>]*id=\"jm-step-x1\">[\\s\\S]*?</UserObject>")));
    std::string copy = std::regex_replace(m.str(), std::regex("id=\"jm-step-x1\""), "id=\"Qw7Er-5\"");
    copy = std::regex_replace(copy, std::regex("label=\"Hidden fees\""), "label=\"Slow delivery\"");
    // A new edge from s1 to x1, drawn with draw.io's default connector.
    insert_cells(
        xml, copy +
                 "<mxCell id=\"Qw7Er-6\" style=\"edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;"
                 "jettySize=auto;html=1;\" edge=\"1\" parent=\"1\" source=\"jm-step-s1\" "
                 "target=\"jm-step-x1\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>"
                 "<mxCell id=\"Qw7Er-7\" style=\"dashed=1;html=1;\" edge=\"1\" parent=\"1\" "
                 "source=\"jm-step-x1-channel-nope\" target=\"Qw7Er-5\"><mxGeometry relative=\"1\" "
                 "as=\"geometry\"/></mxCell>");
    JourneyMap map = read_back(xml);
    CHECK_FALSE(map.graph.find("s2"));
    REQUIRE(map.graph.step_count() == 5);
    CHECK(step(map, "s1").label == "Compares & picks\nin the app");
    CHECK(map.stages[1].name == "Checkout");
    const auto& pasted = step(map, "Qw7Er-5");  // step-id x1 taken: the copy is known by its cell id
    CHECK(pasted.label == "Slow delivery");
    CHECK(map.lanes[static_cast<std::size_t>(pasted.lane)].id == "pain");
    auto t = map.graph.transitions();
    REQUIRE(t.size() == 1);  // the dangling one (unknown source) is not a transition
    CHECK(map.graph.step(t[0].from).id == "s1");
    CHECK(map.graph.step(t[0].to).id == "x1");
    CHECK(t[0].transition.cell_id == "Qw7Er-6");
    CHECK(t[0].transition.kind == journey::TransitionKind::intended);
}

TEST_CASE("a page that is not a journey map reads as the journey of its nodes",
          "[templates][journey][edit]") {
    const std::string xml = R"(<mxfile><diagram id="p" name="Flow"><mxGraphModel><root>
      <mxCell id="0"/><mxCell id="1" parent="0"/>
      <mxCell id="t" value="Checkout flow" style="text;fontSize=24;" vertex="1" parent="1">
        <mxGeometry x="0" y="0" width="200" height="30" as="geometry"/></mxCell>
      <UserObject id="a" label="Cart" stage="Basket"><mxCell style="rounded=1;" vertex="1" parent="1">
        <mxGeometry x="0" y="100" width="120" height="60" as="geometry"/></mxCell></UserObject>
      <mxCell id="b" value="Pay" style="rounded=1;" vertex="1" parent="1">
        <mxGeometry x="300" y="100" width="120" height="60" as="geometry"/></mxCell>
      <mxCell id="f" value="" style="fillColor=none;strokeColor=#ff0000;opacity=50;" vertex="1" parent="1">
        <mxGeometry x="295" y="95" width="130" height="70" as="geometry"/></mxCell>
      <mxCell id="e" style="dashed=1;" edge="1" parent="1" source="a" target="f">
        <mxGeometry relative="1" as="geometry"/></mxCell>
    </root></mxGraphModel></diagram></mxfile>)";
    auto read = importers::read_drawio(xml, "flow.drawio");
    REQUIRE(read);
    auto map = journey::read_journey(read->document.pages.front());
    REQUIRE(map);
    CHECK(map->stages.empty());
    CHECK(map->lanes.empty());
    CHECK(map->title == "Flow");
    REQUIRE(map->graph.step_count() == 2);  // the title and the highlight frame are no steps
    const auto steps = map->graph.steps();
    CHECK(map->graph.step(steps[0]).label == "Cart");
    CHECK(map->graph.step(steps[0]).activity == "Basket");
    CHECK(map->graph.step(steps[1]).label == "Pay");
    auto t = map->graph.transitions();
    REQUIRE(t.size() == 1);  // drawn to the frame: a transition to the step under it
    CHECK(map->graph.step(t[0].to).cell_id == "b");
    CHECK(t[0].transition.kind == journey::TransitionKind::alternative);
}
