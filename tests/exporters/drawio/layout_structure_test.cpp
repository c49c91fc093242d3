// Layout keeps the structure a drawing shows (issue 15's gallery defects, one small page each): a group of a
// card, its icon and its caption moves as one; a group smaller than its content grows to hold it; a region
// drawn inside another stays inside it with its members; an arrow's loose end stays with the shape it was
// drawn on; a band round a subprocess and an event beside it is a region, not the subprocess's halo; laid out
// twice, each page gives the same file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/diagram/page_index.hpp"
#include "core/layout/diagram_layout.hpp"
#include "core/layout/page_graph/layout_quality.hpp"
#include "core/page/page_reading.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

using namespace jstudio;

namespace {

std::string page_xml(const std::string& cells) {
    return R"(<mxfile><diagram id="d" name="p"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>)" +
           cells + "</root></mxGraphModel></diagram></mxfile>";
}

diagram::Document page_of(const std::string& cells) {
    auto doc = importers::read_drawio(page_xml(cells), "structure.drawio");
    REQUIRE(doc);
    return doc->document;
}

layout::DiagramLayoutOptions automatic() {
    layout::DiagramLayoutOptions options;  // as `journey layout` without options
    options.direction_from_lanes = true;
    options.direction_from_drawing = true;
    return options;
}

// Lays the document's page out, writes it, reads it back, lays it out again: the two files must be equal.
std::string layout_twice(diagram::Document& doc, const layout::DiagramLayoutOptions& options) {
    REQUIRE(layout::layout_page(doc.pages[0], options));
    auto first = exporters::write_drawio(doc);
    REQUIRE(first);
    auto again = importers::read_drawio(*first, "again.drawio");
    REQUIRE(again);
    auto doc2 = again->document;
    REQUIRE(layout::layout_page(doc2.pages[0], options));
    auto second = exporters::write_drawio(doc2);
    REQUIRE(second);
    CHECK(*first == *second);
    return *first;
}

bool within(const diagram::Rect& inner, const diagram::Rect& outer, double slack = 0.5) {
    return inner.x >= outer.x - slack && inner.y >= outer.y - slack &&
           inner.right() <= outer.right() + slack && inner.bottom() <= outer.bottom() + slack;
}

}  // namespace

TEST_CASE("layout moves a group with no arrow inside as one box, its content as drawn",
          "[exporters][layout][structure]") {
    // SAP's architecture drawings: a card, an icon on it and a caption, grouped; arrows go to the card.
    auto doc = page_of(R"(
<mxCell id="user" value="User" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="100" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="g" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="200" y="85" width="240" height="70" as="geometry"/></mxCell>
<mxCell id="card" value="" style="rounded=1;" vertex="1" parent="g"><mxGeometry width="240" height="70" as="geometry"/></mxCell>
<mxCell id="icon" value="" style="shape=cloud;" vertex="1" parent="g"><mxGeometry x="14" y="14" width="30" height="30" as="geometry"/></mxCell>
<mxCell id="caption" value="Cloud Solutions" style="text;html=1;" vertex="1" parent="g"><mxGeometry x="52" y="10" width="180" height="50" as="geometry"/></mxCell>
<mxCell id="g2" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="200" y="250" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="m1" value="Milestone 1" style="" vertex="1" parent="g2"><mxGeometry width="100" height="40" as="geometry"/></mxCell>
<mxCell id="m2" value="Milestone 2" style="" vertex="1" parent="g2"><mxGeometry x="100" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="e" edge="1" parent="1" source="user" target="card"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="f" edge="1" parent="1" source="user" target="m1"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    const diagram::Page before = doc.pages[0];
    CHECK(layout::measure_layout(before).children_outside == 1);  // m2 reaches out of its group
    layout_twice(doc, automatic());
    const auto& page = doc.pages[0];
    const diagram::PageIndex was(before), now(page);
    SECTION("the card, its icon and its caption keep their places in the group") {
        for (const char* id : {"card", "icon", "caption"}) {
            INFO(id);
            CHECK(now.find(id)->geometry->bounds == was.find(id)->geometry->bounds);
        }
        CHECK(now.find("g")->geometry->bounds.width == 240);
        CHECK(now.find("g")->geometry->bounds.height == 70);
    }
    SECTION("a group drawn smaller than its content grows round it; the content stays where it is") {
        const auto g2 = *now.absolute_bounds("g2");
        CHECK(g2.width == 200);
        CHECK(now.absolute_bounds("m2")->x - now.absolute_bounds("m1")->x == 100);
        for (const char* id : {"m1", "m2"}) CHECK(within(*now.absolute_bounds(id), g2));
    }
    const auto after = layout::measure_layout(page);
    INFO(after.problems.size());
    CHECK(after.children_outside == 0);
    CHECK(after.edges_through_nodes == 0);
    CHECK(after.node_overlaps <= layout::measure_layout(before).node_overlaps);
}

TEST_CASE("layout keeps a region drawn inside another inside it, each round its own shapes",
          "[exporters][layout][structure]") {
    // A platform holding a subaccount (two services, each an icon grouped with its caption) and one service
    // beside it, arrows from outside.
    auto doc = page_of(R"(
<mxCell id="platform" value="" style="rounded=1;fillColor=#EBF8FF;" vertex="1" parent="1"><mxGeometry x="200" y="0" width="300" height="400" as="geometry"/></mxCell>
<mxCell id="sub" value="" style="rounded=1;fillColor=#FFFFFF;" vertex="1" parent="1"><mxGeometry x="220" y="40" width="260" height="170" as="geometry"/></mxCell>
<mxCell id="ga" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="240" y="90" width="90" height="80" as="geometry"/></mxCell>
<mxCell id="a" value="" style="ellipse;" vertex="1" parent="ga"><mxGeometry x="20" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="at" value="Work Zone" style="text;html=1;" vertex="1" parent="ga"><mxGeometry y="50" width="90" height="30" as="geometry"/></mxCell>
<mxCell id="gb" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="370" y="90" width="90" height="80" as="geometry"/></mxCell>
<mxCell id="b" value="" style="ellipse;" vertex="1" parent="gb"><mxGeometry x="20" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="bt" value="Task Center" style="text;html=1;" vertex="1" parent="gb"><mxGeometry y="50" width="90" height="30" as="geometry"/></mxCell>
<mxCell id="c" value="Identity" style="" vertex="1" parent="1"><mxGeometry x="290" y="280" width="120" height="80" as="geometry"/></mxCell>
<mxCell id="client" value="Client" style="" vertex="1" parent="1"><mxGeometry x="0" y="100" width="80" height="50" as="geometry"/></mxCell>
<mxCell id="apps" value="Apps" style="" vertex="1" parent="1"><mxGeometry x="600" y="100" width="80" height="50" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="client" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="b" target="apps"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e4" edge="1" parent="1" source="a" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex now(doc.pages[0]);
    const auto platform = *now.absolute_bounds("platform"), sub = *now.absolute_bounds("sub");
    CHECK(within(sub, platform));
    for (const char* id : {"ga", "gb"}) {
        INFO(id);
        CHECK(within(*now.absolute_bounds(id), sub));
        CHECK(now.find(id)->parent == "1");
    }
    CHECK(within(*now.absolute_bounds("c"), platform));
    CHECK_FALSE(within(*now.absolute_bounds("c"), sub));
    for (const char* id : {"client", "apps"}) CHECK_FALSE(within(*now.absolute_bounds(id), platform));
    const auto after = layout::measure_layout(doc.pages[0]);
    CHECK(after.edges_through_nodes == 0);
    CHECK(after.children_outside == 0);
}

TEST_CASE("an arrow's loose end stays with the shape it was drawn on", "[exporters][layout][structure]") {
    // An architecture drawing: a block arrow drawn from inside the blockchain cloud up to the library in the
    // background script; the region grows when its content is laid out and comes to cover where the arrow
    // started, but the arrow still starts at the cloud.
    auto doc = page_of(R"(
<mxCell id="region" value="" style="rounded=1;fillColor=#d5e8d4;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="400" height="100" as="geometry"/></mxCell>
<mxCell id="m1" value="Accounts" style="" vertex="1" parent="1"><mxGeometry x="10" y="30" width="120" height="40" as="geometry"/></mxCell>
<mxCell id="m2" value="Library" style="" vertex="1" parent="1"><mxGeometry x="140" y="30" width="120" height="40" as="geometry"/></mxCell>
<mxCell id="m3" value="Vault" style="" vertex="1" parent="1"><mxGeometry x="270" y="30" width="120" height="40" as="geometry"/></mxCell>
<mxCell id="cloud" value="Blockchain" style="ellipse;shape=cloud;" vertex="1" parent="1"><mxGeometry x="0" y="110" width="400" height="100" as="geometry"/></mxCell>
<mxCell id="arrow" value="" style="shape=flexArrow;endArrow=classic;startArrow=classic;" edge="1" parent="1" target="m2"><mxGeometry relative="1" as="geometry"><mxPoint x="200" y="115" as="sourcePoint"/><mxPoint x="200" y="80" as="targetPoint"/></mxGeometry></mxCell>
)");
    auto options = automatic();
    options.direction_from_drawing = false;
    options.layout.direction = layout::Direction::left_to_right;
    layout_twice(doc, options);
    const diagram::PageIndex now(doc.pages[0]);
    const auto& g = *now.find("arrow")->geometry;
    REQUIRE(g.source_point);
    const auto cloud = *now.absolute_bounds("cloud"), region = *now.absolute_bounds("region");
    const diagram::Point p{g.source_point->x, g.source_point->y};  // the arrow sits on the layer
    INFO("source point " << p.x << "," << p.y);
    CHECK(p.x >= cloud.x - 1);
    CHECK(p.x <= cloud.right() + 1);
    CHECK(p.y >= cloud.y - 1);
    CHECK(p.y <= cloud.bottom() + 1);
    CHECK_FALSE(
        (p.x > region.x + 1 && p.x < region.right() - 1 && p.y > region.y + 1 && p.y < region.bottom() - 1));
}

TEST_CASE("a band round a subprocess and an event beside it is a region that keeps both",
          "[exporters][layout][structure]") {
    // BPMN: the Factory band holds the timer event and the subprocess it starts (the band about the
    // subprocess's size, so it once read as the subprocess's halo and was left behind).
    const std::string cells = R"(
<mxCell id="band" value="" style="rounded=1;fillColor=#f5f5f5;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="700" height="300" as="geometry"/></mxCell>
<mxCell id="sub" value="" style="rounded=1;fillColor=#f5f5f5;" vertex="1" parent="1"><mxGeometry x="150" y="30" width="500" height="240" as="geometry"/></mxCell>
<mxCell id="timer" value="" style="ellipse;" vertex="1" parent="1"><mxGeometry x="50" y="120" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="p" value="Compose" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="200" y="100" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="q" value="Produce" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="450" y="100" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="end" value="" style="ellipse;" vertex="1" parent="1"><mxGeometry x="800" y="120" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="timer" target="sub"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="p" target="q"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="sub" target="end"><mxGeometry relative="1" as="geometry"/></mxCell>
)";
    auto doc = page_of(cells);
    {
        const page::PageReading reading(doc.pages[0]);
        CHECK(reading.role_of("band") == page::Role::region);
        CHECK(reading.role_of("sub") == page::Role::region);
    }
    const auto offsets = layout::host_offsets(doc.pages[0]);
    layout_twice(doc, automatic());
    const diagram::PageIndex now(doc.pages[0]);
    for (const auto& o : offsets) {  // nothing left astray from a host
        const auto d = *now.absolute_bounds(o.decoration), h = *now.absolute_bounds(o.host);
        INFO(o.decoration << " on " << o.host);
        CHECK(std::abs(d.x - h.x - o.dx) <= 3);
        CHECK(std::abs(d.y - h.y - o.dy) <= 3);
    }
    const auto band = *now.absolute_bounds("band"), sub = *now.absolute_bounds("sub");
    CHECK(within(sub, band));
    CHECK(within(*now.absolute_bounds("timer"), band));
    for (const char* id : {"p", "q"}) CHECK(within(*now.absolute_bounds(id), sub));
    CHECK_FALSE(within(*now.absolute_bounds("end"), band));
}

TEST_CASE("a caption in a region's top band stays the region's caption, clear of its shapes",
          "[exporters][layout][structure]") {
    // SAP's "Subaccount": the caption sits in its box's top band, a logo just above the box is nearer to it
    // than any shape in the box.
    auto doc = page_of(R"(
<mxCell id="logo" value="BTP" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="70" height="18" as="geometry"/></mxCell>
<mxCell id="sub" value="" style="rounded=1;fillColor=#FFFFFF;" vertex="1" parent="1"><mxGeometry x="0" y="40" width="300" height="150" as="geometry"/></mxCell>
<mxCell id="caption" value="Subaccount" style="text;html=1;" vertex="1" parent="1"><mxGeometry x="10" y="48" width="120" height="30" as="geometry"/></mxCell>
<mxCell id="a" value="Work Zone" style="" vertex="1" parent="1"><mxGeometry x="40" y="120" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="b" value="Task Center" style="" vertex="1" parent="1"><mxGeometry x="180" y="120" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="client" value="Client" style="" vertex="1" parent="1"><mxGeometry x="-200" y="120" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="client" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    {
        const page::PageReading reading(doc.pages[0]);
        const auto at = reading.index().position("caption");
        REQUIRE(at);
        CHECK(reading.role(*at) == page::Role::decoration);
        CHECK(reading.host(*at) == *reading.index().position("sub"));
    }
    const diagram::PageIndex was(doc.pages[0]);
    const auto dx = was.absolute_bounds("caption")->x - was.absolute_bounds("sub")->x,
               dy = was.absolute_bounds("caption")->y - was.absolute_bounds("sub")->y;
    layout_twice(doc, automatic());
    const diagram::PageIndex now(doc.pages[0]);
    const auto caption = *now.absolute_bounds("caption"), sub = *now.absolute_bounds("sub");
    CHECK(caption.x - sub.x == Approx(dx));
    CHECK(caption.y - sub.y == Approx(dy));
    for (const char* id : {"a", "b"}) {
        INFO(id);
        const auto box = *now.absolute_bounds(id);
        CHECK(within(box, sub));
        CHECK(box.y >= caption.bottom());
    }
}

TEST_CASE("a region round one node stays a region round it, laid out again",
          "[exporters][layout][structure]") {
    // flowchart_1's tiles: a box much larger than the one task in it. Fitted with the usual 20 px margin it
    // would read back as the task's halo, and a second layout would move it.
    auto doc = page_of(R"(
<mxCell id="tile" value="" style="fillColor=#BAC8D3;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="600" height="100" as="geometry"/></mxCell>
<mxCell id="task" value="Task" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="200" y="25" width="127" height="50" as="geometry"/></mxCell>
<mxCell id="start" value="Start" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="-300" y="25" width="127" height="50" as="geometry"/></mxCell>
<mxCell id="end" value="End" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="800" y="25" width="127" height="50" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="start" target="task"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="task" target="end"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const page::PageReading reading(doc.pages[0]);
    CHECK(reading.role_of("tile") == page::Role::region);
    CHECK(within(*reading.index().absolute_bounds("task"), *reading.index().absolute_bounds("tile")));
}

TEST_CASE("a drawn grid of lanes and milestones stays as drawn, and the page laid out again is the same",
          "[exporters][layout][structure]") {
    // flowchart_1's grid, 2 x 2: a title bar, lane headers, a milestone bar (a group drawn narrower than its
    // milestones) and tiles, three of them holding a task, one empty. Fitted round their tasks, the tiles
    // moved and the title bar moved with the milestone bar: the next reading saw the milestones and empty
    // tile as nodes and a lane header as a milestone's badge, and laid the page out differently.
    auto doc = page_of(R"(
<mxCell id="project" value="Project" style="fillColor=#23445D;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="690" height="80" as="geometry"/></mxCell>
<mxCell id="version" value="v 1.0" style="fillColor=#5d7f99;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="90" height="80" as="geometry"/></mxCell>
<mxCell id="lane1" value="Lane 1" style="fillColor=#23445D;" vertex="1" parent="1"><mxGeometry x="0" y="80" width="50" height="200" as="geometry"/></mxCell>
<mxCell id="lane11" value="Lane 1.1" style="fillColor=#5d7f99;" vertex="1" parent="1"><mxGeometry x="50" y="80" width="40" height="100" as="geometry"/></mxCell>
<mxCell id="lane12" value="Lane 1.2" style="fillColor=#5d7f99;" vertex="1" parent="1"><mxGeometry x="50" y="180" width="40" height="100" as="geometry"/></mxCell>
<mxCell id="tile11" value="" style="fillColor=#BAC8D3;" vertex="1" parent="1"><mxGeometry x="90" y="80" width="300" height="100" as="geometry"/></mxCell>
<mxCell id="tile12" value="" style="fillColor=#BAC8D3;" vertex="1" parent="1"><mxGeometry x="390" y="80" width="300" height="100" as="geometry"/></mxCell>
<mxCell id="tile21" value="" style="fillColor=#BAC8D3;" vertex="1" parent="1"><mxGeometry x="90" y="180" width="300" height="100" as="geometry"/></mxCell>
<mxCell id="tile22" value="" style="fillColor=#BAC8D3;" vertex="1" parent="1"><mxGeometry x="390" y="180" width="300" height="100" as="geometry"/></mxCell>
<mxCell id="bar" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="90" y="40" width="300" height="40" as="geometry"/></mxCell>
<mxCell id="m1" value="Milestone 1" style="fillColor=#5d7f99;" vertex="1" parent="bar"><mxGeometry width="300" height="40" as="geometry"/></mxCell>
<mxCell id="m2" value="Milestone 2" style="fillColor=#5d7f99;" vertex="1" parent="bar"><mxGeometry x="300" width="300" height="40" as="geometry"/></mxCell>
<mxCell id="t1" value="" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="110" y="105" width="127" height="50" as="geometry"/></mxCell>
<mxCell id="t2" value="" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="450" y="105" width="127" height="50" as="geometry"/></mxCell>
<mxCell id="t3" value="" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="240" y="205" width="127" height="50" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="t1" target="t2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="t1" target="t3"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="t3" target="t2"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    const diagram::Page drawn = doc.pages[0];
    const diagram::PageIndex drawn_index(drawn);
    const std::string laid_out = layout_twice(doc, automatic());
    auto read = importers::read_drawio(laid_out, "laid-out.drawio");
    REQUIRE(read);
    const page::PageReading reading(read->document.pages[0]);
    for (const char* id : {"project", "version", "lane1", "lane11", "lane12", "tile11", "tile12", "tile21",
                           "tile22", "m1", "m2"}) {
        INFO(id);
        CHECK(reading.role_of(id) == page::Role::region);
        const auto now = reading.index().absolute_bounds(id);
        const auto was = drawn_index.absolute_bounds(id);
        REQUIRE(now);
        REQUIRE(was);
        CHECK(now->x == Approx(was->x));
        CHECK(now->y == Approx(was->y));
        CHECK(now->width == Approx(was->width));
        CHECK(now->height == Approx(was->height));
    }
    for (const char* id : {"t1", "t2", "t3"}) CHECK(reading.role_of(id) == page::Role::node);
}

TEST_CASE("a labelled region that touches a drawn grid still fits round its nodes",
          "[exporters][layout][structure]") {
    // azure_2: column headers, a background picture whose top lies on the headers' bottom and a 'Data
    // Management' box whose bottom lies on the picture's: read as one grid with headers. The unlabelled
    // background stays as drawn; the labelled box is a group of its own and goes with its two cards.
    auto doc = page_of(R"(
<mxCell id="event" value="Event" style="fillColor=#2196F3;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="165" height="60" as="geometry"/></mxCell>
<mxCell id="compute" value="Compute" style="fillColor=#2196F3;" vertex="1" parent="1"><mxGeometry x="180" y="0" width="165" height="60" as="geometry"/></mxCell>
<mxCell id="cloud" value="" style="fillColor=#BAC8D3;" vertex="1" parent="1"><mxGeometry x="40" y="60" width="300" height="600" as="geometry"/></mxCell>
<mxCell id="dm" value="Data Management" style="fillColor=#FFFFFF;verticalAlign=top;" vertex="1" parent="1"><mxGeometry x="200" y="400" width="140" height="260" as="geometry"/></mxCell>
<mxCell id="a" value="Blobs" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="220" y="450" width="100" height="50" as="geometry"/></mxCell>
<mxCell id="b" value="Tables" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="220" y="560" width="100" height="50" as="geometry"/></mxCell>
<mxCell id="c" value="Devices" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="60" y="100" width="100" height="50" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="c" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    const std::string laid_out = layout_twice(doc, automatic());
    auto read = importers::read_drawio(laid_out, "laid-out.drawio");
    REQUIRE(read);
    const diagram::PageIndex index(read->document.pages[0]);
    const auto dm = index.absolute_bounds("dm");
    REQUIRE(dm);
    CHECK(within(*index.absolute_bounds("a"), *dm));
    CHECK(within(*index.absolute_bounds("b"), *dm));
    const auto cloud = index.absolute_bounds("cloud");
    REQUIRE(cloud);
    CHECK(cloud->x == Approx(40));
    CHECK(cloud->y == Approx(60));
    CHECK(cloud->width == Approx(300));
    CHECK(cloud->height == Approx(600));
}

TEST_CASE("a laid-out page with sizes in thirds of a pixel gives the same file laid out again",
          "[exporters][layout][structure]") {
    // water_cycle, venn_2, lean_mapping_1: the second layout places the region and the anchors from
    // coordinates rounded to 1/100 px, and lands a hundredth off the first (384.07 / 384.08).
    auto doc = page_of(R"(
<mxCell id="r" value="Region" style="rounded=0;fillColor=#eeeeee;verticalAlign=top;" vertex="1" parent="1"><mxGeometry x="10" y="10" width="400.5" height="300.25" as="geometry"/></mxCell>
<mxCell id="a" value="A" style="" vertex="1" parent="1"><mxGeometry x="40" y="60" width="73.333" height="41.667" as="geometry"/></mxCell>
<mxCell id="b" value="B" style="" vertex="1" parent="1"><mxGeometry x="40" y="160" width="96.667" height="33.333" as="geometry"/></mxCell>
<mxCell id="c" value="C" style="" vertex="1" parent="1"><mxGeometry x="200" y="160" width="51.111" height="47.777" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="a" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    const auto first = layout_twice(doc, automatic());
    // The region was fitted round its nodes (the layout did move things).
    const diagram::PageIndex now(doc.pages[0]);
    CHECK(now.absolute_bounds("r")->width < 300);
    CHECK(first.find("width=\"400.5\"") == std::string::npos);
}

TEST_CASE("a region's port (a logo placed relative to it) keeps its place, laid out twice",
          "[exporters][layout][structure]") {
    // The GCP templates: the Google Cloud Platform logo is a child of the platform's region with relative
    // geometry (a fraction of the region's box plus an offset), not a node to lay out inside the region.
    auto doc = page_of(R"(
<mxCell id="r" value="Cloud Platform" style="fillColor=#F6F6F6;strokeColor=none;verticalAlign=top;align=left;spacingLeft=30;" vertex="1" parent="1"><mxGeometry x="100" y="50" width="460" height="331" as="geometry"/></mxCell>
<mxCell id="logo" value="" style="shape=cloud;" vertex="1" parent="r"><mxGeometry width="23" height="20" relative="1" as="geometry"><mxPoint x="20" y="10" as="offset"/></mxGeometry></mxCell>
<mxCell id="a" value="Load balancer" style="" vertex="1" parent="1"><mxGeometry x="140" y="200" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Engine" style="" vertex="1" parent="1"><mxGeometry x="380" y="120" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="c" value="Compute" style="" vertex="1" parent="1"><mxGeometry x="380" y="280" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="a" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex now(doc.pages[0]);
    const auto& logo = now.find("logo")->geometry;
    REQUIRE(logo);
    CHECK(logo->relative);
    CHECK(logo->bounds.x == 0);
    CHECK(logo->bounds.y == 0);
}

TEST_CASE("a legend moves as one block: its box, label, swatches and their text together",
          "[exporters][layout][structure]") {
    // SAP's solution diagrams, the business model canvas: the laid-out drawing comes to lie under the legend,
    // which moves out of its way; moved item by item, its box went one way and its labels another, and the
    // next reading found no legend there.
    auto doc = page_of(R"(
<mxCell id="a" value="Start" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Step" style="" vertex="1" parent="1"><mxGeometry x="0" y="100" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="c" value="Other step" style="" vertex="1" parent="1"><mxGeometry x="0" y="300" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="d" value="End" style="" vertex="1" parent="1"><mxGeometry x="0" y="400" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="a" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="b" target="d"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e4" edge="1" parent="1" source="c" target="d"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="box" value="" style="rounded=0;fillColor=#FFFFFF;strokeColor=#eaecee;" vertex="1" parent="1"><mxGeometry x="160" y="100" width="200" height="90" as="geometry"/></mxCell>
<mxCell id="lbl" value="Legend" style="text;html=1;align=left;verticalAlign=top;" vertex="1" parent="1"><mxGeometry x="170" y="105" width="60" height="26" as="geometry"/></mxCell>
<mxCell id="sw" value="" style="rounded=0;fillColor=#ff0000;" vertex="1" parent="1"><mxGeometry x="170" y="150" width="16" height="16" as="geometry"/></mxCell>
<mxCell id="swt" value="Access" style="text;html=1;align=left;" vertex="1" parent="1"><mxGeometry x="194" y="146" width="60" height="23" as="geometry"/></mxCell>
)");
    {
        const page::PageReading reading(doc.pages[0]);
        REQUIRE(reading.role_of("box") == page::Role::legend);
        REQUIRE(reading.role_of("swt") == page::Role::legend);
    }
    const diagram::Page before = doc.pages[0];
    layout_twice(doc, automatic());
    const diagram::PageIndex was(before), now(doc.pages[0]);
    const auto box0 = *was.absolute_bounds("box"), box1 = *now.absolute_bounds("box");
    CHECK(!(box0 == box1));  // the legend had to move
    for (const char* id : {"lbl", "sw", "swt"}) {
        INFO(id);
        const auto a = *was.absolute_bounds(id), b = *now.absolute_bounds(id);
        CHECK(b.x - box1.x == Approx(a.x - box0.x));
        CHECK(b.y - box1.y == Approx(a.y - box0.y));
    }
    const page::PageReading again(doc.pages[0]);
    CHECK(again.role_of("swt") == page::Role::legend);
}

TEST_CASE("an arrow fan laid out left to right reads left to right again, laid out twice",
          "[exporters][layout][structure]") {
    // The mind maps and work_breakdown_structure: a layer of children spread far along it reads across the
    // flow by the arrows' mean direction; the laid-out page was then laid out again the other way.
    auto doc = page_of(R"(
<mxCell id="user" value="User" style="" vertex="1" parent="1"><mxGeometry x="0" y="100" width="48" height="48" as="geometry"/></mxCell>
<mxCell id="n0" value="Service 0" style="" vertex="1" parent="1"><mxGeometry x="300" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e0" edge="1" parent="1" source="user" target="n0"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n1" value="Service 1" style="" vertex="1" parent="1"><mxGeometry x="550" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="user" target="n1"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n2" value="Service 2" style="" vertex="1" parent="1"><mxGeometry x="800" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="user" target="n2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n3" value="Service 3" style="" vertex="1" parent="1"><mxGeometry x="1050" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="user" target="n3"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n4" value="Service 4" style="" vertex="1" parent="1"><mxGeometry x="1300" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e4" edge="1" parent="1" source="user" target="n4"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n5" value="Service 5" style="" vertex="1" parent="1"><mxGeometry x="1550" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e5" edge="1" parent="1" source="user" target="n5"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n6" value="Service 6" style="" vertex="1" parent="1"><mxGeometry x="1800" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e6" edge="1" parent="1" source="user" target="n6"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="n7" value="Service 7" style="" vertex="1" parent="1"><mxGeometry x="2050" y="80" width="188" height="108" as="geometry"/></mxCell>
<mxCell id="e7" edge="1" parent="1" source="user" target="n7"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());  // doc holds the first layout
    CHECK(layout::reading_direction(doc.pages[0]).flow == layout::Flow::left_to_right);
}

TEST_CASE("nested groups that reach out of each other are fitted inside out, laid out twice",
          "[exporters][layout][structure]") {
    // SAP's icon-and-caption groups: an outer group holding an icon and an inner group whose caption reaches
    // out of it. Fitted outer first, the inner group grew past the outer one and the next layout fitted it
    // again, moving the page.
    auto doc = page_of(R"(
<mxCell id="user" value="User" style="" vertex="1" parent="1"><mxGeometry x="0" y="100" width="48" height="48" as="geometry"/></mxCell>
<mxCell id="g0" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="300" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h0" value="" style="group" vertex="1" connectable="0" parent="g0"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t0" value="Identity provider 0" style="text;html=1;align=center;" vertex="1" parent="h0"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i0" value="" style="shape=cloud;" vertex="1" parent="g0"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e0" edge="1" parent="1" source="user" target="i0"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g1" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="550" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h1" value="" style="group" vertex="1" connectable="0" parent="g1"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t1" value="Identity provider 1" style="text;html=1;align=center;" vertex="1" parent="h1"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i1" value="" style="shape=cloud;" vertex="1" parent="g1"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="user" target="i1"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g2" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="800" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h2" value="" style="group" vertex="1" connectable="0" parent="g2"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t2" value="Identity provider 2" style="text;html=1;align=center;" vertex="1" parent="h2"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i2" value="" style="shape=cloud;" vertex="1" parent="g2"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="user" target="i2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g3" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="1050" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h3" value="" style="group" vertex="1" connectable="0" parent="g3"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t3" value="Identity provider 3" style="text;html=1;align=center;" vertex="1" parent="h3"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i3" value="" style="shape=cloud;" vertex="1" parent="g3"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="user" target="i3"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g4" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="1300" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h4" value="" style="group" vertex="1" connectable="0" parent="g4"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t4" value="Identity provider 4" style="text;html=1;align=center;" vertex="1" parent="h4"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i4" value="" style="shape=cloud;" vertex="1" parent="g4"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e4" edge="1" parent="1" source="user" target="i4"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g5" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="1550" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h5" value="" style="group" vertex="1" connectable="0" parent="g5"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t5" value="Identity provider 5" style="text;html=1;align=center;" vertex="1" parent="h5"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i5" value="" style="shape=cloud;" vertex="1" parent="g5"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e5" edge="1" parent="1" source="user" target="i5"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g6" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="1800" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h6" value="" style="group" vertex="1" connectable="0" parent="g6"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t6" value="Identity provider 6" style="text;html=1;align=center;" vertex="1" parent="h6"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i6" value="" style="shape=cloud;" vertex="1" parent="g6"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e6" edge="1" parent="1" source="user" target="i6"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g7" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="2050" y="80" width="185.12" height="84.23" as="geometry"/></mxCell>
<mxCell id="h7" value="" style="group" vertex="1" connectable="0" parent="g7"><mxGeometry y="35" width="185.12" height="55" as="geometry"/></mxCell>
<mxCell id="t7" value="Identity provider 7" style="text;html=1;align=center;" vertex="1" parent="h7"><mxGeometry x="-2.88" y="-15" width="188" height="70" as="geometry"/></mxCell>
<mxCell id="i7" value="" style="shape=cloud;" vertex="1" parent="g7"><mxGeometry x="63" y="-18" width="50" height="50" as="geometry"/></mxCell>
<mxCell id="e7" edge="1" parent="1" source="user" target="i7"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex now(doc.pages[0]);
    for (int k = 0; k < 8; ++k) {
        const std::string g = "g" + std::to_string(k), h = "h" + std::to_string(k),
                          t = "t" + std::to_string(k);
        INFO(g);
        CHECK(within(*now.absolute_bounds(t), *now.absolute_bounds(h)));
        CHECK(within(*now.absolute_bounds(h), *now.absolute_bounds(g)));
    }
}

TEST_CASE("a mind map laid out top to bottom reads top to bottom again, laid out twice",
          "[exporters][layout][structure]") {
    // mind_map_3: a topic and its arguments drawn in two columns. Laid out top to bottom they make one wide
    // layer with the topic above its left end: nearly every arrow goes both right and down, and the mean
    // direction read the laid-out page left to right, so the second layout turned it.
    auto doc = page_of(R"(
<mxCell id="main" value="Main topic" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="235" y="0" width="95" height="25" as="geometry"/></mxCell>
<mxCell id="a0" value="Argument 1" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="10" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e0" style="curved=1;" edge="1" parent="1" source="main" target="a0"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a1" value="Argument 2" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="31" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e1" style="curved=1;" edge="1" parent="1" source="main" target="a1"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a2" value="Argument 3" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="52" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e2" style="curved=1;" edge="1" parent="1" source="main" target="a2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a3" value="Argument 4" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="73" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e3" style="curved=1;" edge="1" parent="1" source="main" target="a3"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a4" value="Argument 5" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="94" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e4" style="curved=1;" edge="1" parent="1" source="main" target="a4"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a5" value="Argument 6" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="115" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e5" style="curved=1;" edge="1" parent="1" source="main" target="a5"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a6" value="Argument 7" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="136" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e6" style="curved=1;" edge="1" parent="1" source="main" target="a6"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a7" value="Argument 8" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="157" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e7" style="curved=1;" edge="1" parent="1" source="main" target="a7"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a8" value="Argument 9" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="178" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e8" style="curved=1;" edge="1" parent="1" source="main" target="a8"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a9" value="Argument 10" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="199" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e9" style="curved=1;" edge="1" parent="1" source="main" target="a9"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a10" value="Argument 11" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="220" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e10" style="curved=1;" edge="1" parent="1" source="main" target="a10"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a11" value="Argument 12" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="0" y="241" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e11" style="curved=1;" edge="1" parent="1" source="main" target="a11"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a12" value="Argument 13" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="10" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e12" style="curved=1;" edge="1" parent="1" source="main" target="a12"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a13" value="Argument 14" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="31" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e13" style="curved=1;" edge="1" parent="1" source="main" target="a13"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a14" value="Argument 15" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="52" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e14" style="curved=1;" edge="1" parent="1" source="main" target="a14"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a15" value="Argument 16" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="73" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e15" style="curved=1;" edge="1" parent="1" source="main" target="a15"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a16" value="Argument 17" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="94" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e16" style="curved=1;" edge="1" parent="1" source="main" target="a16"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a17" value="Argument 18" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="115" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e17" style="curved=1;" edge="1" parent="1" source="main" target="a17"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a18" value="Argument 19" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="136" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e18" style="curved=1;" edge="1" parent="1" source="main" target="a18"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a19" value="Argument 20" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="157" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e19" style="curved=1;" edge="1" parent="1" source="main" target="a19"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a20" value="Argument 21" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="178" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e20" style="curved=1;" edge="1" parent="1" source="main" target="a20"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a21" value="Argument 22" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="199" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e21" style="curved=1;" edge="1" parent="1" source="main" target="a21"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a22" value="Argument 23" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="220" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e22" style="curved=1;" edge="1" parent="1" source="main" target="a22"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="a23" value="Argument 24" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="480" y="241" width="70" height="13" as="geometry"/></mxCell>
<mxCell id="e23" style="curved=1;" edge="1" parent="1" source="main" target="a23"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());  // doc holds the first layout
    CHECK(layout::reading_direction(doc.pages[0]).flow == layout::Flow::top_to_bottom);
}

TEST_CASE("a legend's sample arrow drawn in the legend's group stays in it",
          "[exporters][layout][structure]") {
    // SAP's legends are groups holding a frame, labels and sample arrows with two loose ends. The group moves
    // as one box; the arrow, in the group's coordinates already, was moved once more by the group's shift
    // (out of the legend, read as a connector the next time).
    auto doc = page_of(R"(
<mxCell id="a" value="Start" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Step" style="" vertex="1" parent="1"><mxGeometry x="300" y="200" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="-400" y="300" width="323" height="96" as="geometry"/></mxCell>
<mxCell id="frame" value="" style="rounded=0;fillColor=#FFFFFF;strokeColor=#eaecee;" vertex="1" parent="g"><mxGeometry width="323" height="96" as="geometry"/></mxCell>
<mxCell id="lbl" value="Legend" style="text;html=1;align=left;verticalAlign=top;" vertex="1" parent="g"><mxGeometry x="10" y="5" width="60" height="26" as="geometry"/></mxCell>
<mxCell id="sample" style="endArrow=classic;" edge="1" parent="g"><mxGeometry width="50" height="50" relative="1" as="geometry"><mxPoint x="215" y="42" as="sourcePoint"/><mxPoint x="237" y="42" as="targetPoint"/></mxGeometry></mxCell>
<mxCell id="trust" value="Mutual Trust" style="text;html=1;align=left;" vertex="1" parent="g"><mxGeometry x="246" y="30" width="73" height="23" as="geometry"/></mxCell>

)");
    const diagram::Page before = doc.pages[0];
    layout_twice(doc, automatic());
    const diagram::PageIndex was(before), now(doc.pages[0]);
    CHECK(!(*was.absolute_bounds("g") == *now.absolute_bounds("g")));  // the legend moved
    const auto& sample = now.find("sample")->geometry;
    REQUIRE(sample);
    REQUIRE(sample->source_point);
    CHECK(sample->source_point->x == 215);
    CHECK(sample->source_point->y == 42);
    CHECK(sample->target_point->x == 237);
    const page::PageReading again(doc.pages[0]);
    CHECK(again.role_of("sample") == page::Role::legend);
}

TEST_CASE("an arrow drawn on a box, from a loose point to the box or one loose end to the other, stays on it",
          "[exporters][layout][structure]") {
    // SAP's legends: a sample arrow from a point on the legend's box to a swatch of it was laid out as a loop
    // round the box (its loose end beside the drawing, touching nothing the next time: 25 -> 19 arrows laid
    // out on Authorization_L1); one with two loose ends on the box followed it, and laid out again (the box
    // staying) was taken for a free arrow on the drawing and moved off it.
    auto doc = page_of(R"(
<mxCell id="a" value="Start" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="k" value="Box" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="300" y="300" width="300" height="120" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a" target="k"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="loop" style="endArrow=classic;" edge="1" parent="1" target="k"><mxGeometry relative="1" as="geometry"><mxPoint x="320" y="300" as="sourcePoint"/></mxGeometry></mxCell>
<mxCell id="free" style="endArrow=classic;" edge="1" parent="1"><mxGeometry relative="1" as="geometry"><mxPoint x="340" y="350" as="sourcePoint"/><mxPoint x="380" y="350" as="targetPoint"/></mxGeometry></mxCell>
)");
    const diagram::Page before = doc.pages[0];
    const auto first = layout_twice(doc, automatic());
    const diagram::PageIndex was(before), now(doc.pages[0]);
    const auto box = *now.absolute_bounds("k");
    CHECK(!(*was.absolute_bounds("k") == box));  // the box moved
    auto on_box = [&](const std::string& id, bool source) {
        const auto& g = now.find(id)->geometry;
        REQUIRE(g);
        const auto& p = source ? g->source_point : g->target_point;
        REQUIRE(p);
        return within({p->x, p->y, 0, 0}, box, 1);
    };
    CHECK(on_box("loop", true));
    CHECK(on_box("free", true));
    CHECK(on_box("free", false));
}

TEST_CASE("a page of shapes with few or no arrows between them reads as a picture, not a graph",
          "[exporters][layout][structure]") {
    // Floor plans, maps, wireframes and infographics were laid out in layers: their shapes lost the places
    // that are their only structure, and the laid-out page read otherwise the next time (a room on a wall
    // became its decoration), so a second layout differed. The report says so; `journey layout` then leaves
    // the page as drawn.
    std::string rooms;
    for (int i = 0; i < 5; ++i)
        rooms += "<mxCell id=\"r" + std::to_string(i) + "\" value=\"Room " + std::to_string(i) +
                 "\" style=\"\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"" + std::to_string(i * 100) +
                 "\" y=\"0\" width=\"100\" height=\"80\" as=\"geometry\"/></mxCell>";
    SECTION("no arrow") {
        auto doc = page_of(rooms);
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph == "5 shapes and no arrow between two of them");
    }
    SECTION("one arrow among six shapes") {
        auto doc = page_of(rooms + R"(
<mxCell id="r5" value="Hall" style="" vertex="1" parent="1"><mxGeometry x="0" y="200" width="100" height="80" as="geometry"/></mxCell>
<mxCell id="e" edge="1" parent="1" source="r0" target="r5"><mxGeometry relative="1" as="geometry"/></mxCell>)");
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph == "1 arrow between 6 shapes, fewer than one for every five");
    }
    SECTION("states drawn as swimlanes with arrows glued between them are a graph") {
        // StateSmith's state machines: the layout lays out no arrow between nodes there, the drawing has
        // them.
        auto doc = page_of(R"(
<mxCell id="s1" value="STATE_1" style="shape=swimlane;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="140" height="80" as="geometry"/></mxCell>
<mxCell id="b1" value="enter / x++" style="text;" vertex="1" parent="s1"><mxGeometry y="30" width="140" height="40" as="geometry"/></mxCell>
<mxCell id="s2" value="STATE_2" style="shape=swimlane;" vertex="1" parent="1"><mxGeometry x="300" y="0" width="140" height="80" as="geometry"/></mxCell>
<mxCell id="b2" value="enter / y++" style="text;" vertex="1" parent="s2"><mxGeometry y="30" width="140" height="40" as="geometry"/></mxCell>
<mxCell id="e1" value="EV1" edge="1" parent="1" source="s1" target="s2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" value="EV2" edge="1" parent="1" source="s2" target="s1"><mxGeometry relative="1" as="geometry"/></mxCell>)");
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph.empty());
    }
    SECTION("arrows from text callouts to a screenshot do not make a graph") {
        // drawio-in-teams-tutorial: numbered tips (text cells) with arrows glued to two screenshots. The
        // layout never lays text out: it lined the screenshots up, no arrow between them, and the laid-out
        // page read again was laid out in another direction.
        std::string tips;
        for (int i = 0; i < 4; ++i)
            tips += "<mxCell id=\"t" + std::to_string(i) + "\" value=\"" + std::to_string(i + 1) +
                    ". Click here\" style=\"text;html=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"-300\" "
                    "y=\"" +
                    std::to_string(i * 60) + "\" width=\"160\" height=\"28\" as=\"geometry\"/></mxCell>" +
                    "<mxCell id=\"a" + std::to_string(i) + "\" edge=\"1\" parent=\"1\" source=\"t" +
                    std::to_string(i) + "\" target=\"" + (i < 2 ? "s0" : "s1") +
                    "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
        auto doc = page_of(tips + R"(
<mxCell id="s0" value="" style="shape=image;image=data:image/png,x;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="240" height="160" as="geometry"/></mxCell>
<mxCell id="s1" value="" style="shape=image;image=data:image/png,x;" vertex="1" parent="1"><mxGeometry x="300" y="200" width="240" height="160" as="geometry"/></mxCell>)");
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph == "2 shapes and no arrow between two of them");
    }
    SECTION("arrows through junctions drawn by hand are wiring, not links") {
        // A circuit (electrical_1), a house's IoT wiring, a Gantt chart's milestone dots, an infographic's
        // leader lines: arrows end on draw.io's waypoint shape, an unlabelled dot or a one-pixel line. Laid
        // out, the junctions became nodes in layers and the circuit a row of parts.
        std::string circuit;
        for (int i = 0; i < 4; ++i) {
            const auto n = std::to_string(i);
            circuit += "<mxCell id=\"r" + n + "\" value=\"" + n +
                       "0 Ohm\" style=\"\" vertex=\"1\" parent=\"1\">" + "<mxGeometry x=\"" +
                       std::to_string(i * 150) +
                       "\" y=\"0\" width=\"100\" height=\"20\" as=\"geometry\"/></mxCell>";
            const char* dot = i % 2 ? "shape=waypoint;" : "ellipse;fillColor=#000000;";
            circuit += "<mxCell id=\"j" + n + "\" value=\"\" style=\"" + dot +
                       "\" vertex=\"1\" parent=\"1\">" + "<mxGeometry x=\"" + std::to_string(i * 150 + 120) +
                       "\" y=\"6\" width=\"8\" height=\"8\" as=\"geometry\"/></mxCell>";
            circuit += "<mxCell id=\"a" + n + "\" edge=\"1\" parent=\"1\" source=\"r" + n + "\" target=\"j" +
                       n + "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
            circuit += "<mxCell id=\"b" + n + "\" edge=\"1\" parent=\"1\" source=\"j" + n + "\" target=\"r" +
                       std::to_string((i + 1) % 4) +
                       "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
        }
        auto doc = page_of(circuit);
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph ==
              "8 of 8 arrows run through junctions drawn by hand (waypoints, dots, lines): wiring, not "
              "links; 4 "
              "shapes and no arrow between two of them");
        SECTION("laid out anyway (--force), a junction dot is not a start") {
            // aws-internet-of-things' wiring dots (7.5 px, black) read as UML initial states and filled
            // the first layer. The laid-out page is here: j0, an 8 px black dot, comes after r0.
            const diagram::PageIndex index(doc.pages[0]);
            const auto r0 = index.absolute_bounds("r0"), j0 = index.absolute_bounds("j0");
            REQUIRE(r0);
            REQUIRE(j0);
            CHECK(report->flow == layout::Flow::left_to_right);
            CHECK(j0->x > r0->right());
        }
        SECTION("a UML initial state is larger than a dot: a start, not a junction") {
            auto chart = page_of(R"(
<mxCell id="i" value="" style="ellipse;fillColor=#000000;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="30" height="30" as="geometry"/></mxCell>
<mxCell id="s1" value="Idle" style="" vertex="1" parent="1"><mxGeometry x="100" y="0" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="s2" value="Busy" style="" vertex="1" parent="1"><mxGeometry x="300" y="0" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="i" target="s1"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="s1" target="s2"><mxGeometry relative="1" as="geometry"/></mxCell>)");
            const auto states = layout::layout_page(chart.pages[0], automatic());
            REQUIRE(states);
            CHECK(states->not_a_graph.empty());
        }
    }
    SECTION("a drawing made mostly of P&ID, floor-plan, rack or mock-up symbols is a picture of a place") {
        // pid_3: pipes glued between pumps, tanks and heat exchangers, one for every shape; laid out in
        // layers, its solar collectors were stacked over each other and the plant lost its places.
        auto plant = page_of(R"(
<mxCell id="p" value="Pump" style="shape=mxgraph.pid.pumps.centrifugal_pump_1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="40" height="40" as="geometry"/></mxCell>
<mxCell id="t" value="Tank" style="shape=mxgraph.pid.vessels.tank;" vertex="1" parent="1"><mxGeometry x="200" y="0" width="40" height="80" as="geometry"/></mxCell>
<mxCell id="h" value="Heater" style="shape=mxgraph.pid.heat_exchangers.heater;" vertex="1" parent="1"><mxGeometry x="400" y="0" width="60" height="60" as="geometry"/></mxCell>
<mxCell id="n" value="Hot side" style="text;" vertex="1" parent="1"><mxGeometry x="400" y="80" width="60" height="20" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="p" target="t"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="t" target="h"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="h" target="p"><mxGeometry relative="1" as="geometry"/></mxCell>)");
        auto flowchart = plant;
        const auto report = layout::layout_page(plant.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph ==
              "3 of 4 shapes are P&ID, floor-plan, rack or mock-up symbols: a drawing of a place, placed by "
              "hand");
        SECTION("the same arrows between plain boxes are a graph") {
            for (auto& cell : flowchart.pages[0].cells)
                if (cell.id == "p" || cell.id == "t" || cell.id == "h") cell.style.reset();
            const auto boxes = layout::layout_page(flowchart.pages[0], automatic());
            REQUIRE(boxes);
            CHECK(boxes->not_a_graph.empty());
        }
    }
    SECTION("one arrow among five shapes is a graph, and so is any page laid out with --cells") {
        auto doc = page_of(rooms + R"(
<mxCell id="e" edge="1" parent="1" source="r0" target="r4"><mxGeometry relative="1" as="geometry"/></mxCell>)");
        auto copy = doc;
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph.empty());
        auto chosen = automatic();
        chosen.cells = {"r1", "r2"};
        const auto some = layout::layout_page(copy.pages[0], chosen);
        REQUIRE(some);
        CHECK(some->not_a_graph.empty());
    }
}

TEST_CASE("an arrow into a walled-in shape keeps the layout's route between the containers, laid out twice",
          "[exporters][layout][structure]") {
    // website-roles-products and gitflow-feature-flags: an arrow whose end is walled in by its siblings is
    // left to draw.io to route; written without waypoints, the second layout read its pass through the middle
    // layers from the straight line between the ends and put it on the other side of a node.
    auto doc = page_of(R"(
<mxCell id="a" value="A" style="rounded=0;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="m" value="M" style="rounded=0;" vertex="1" parent="1"><mxGeometry x="0" y="120" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="c" value="" style="rounded=0;container=1;" vertex="1" parent="1"><mxGeometry x="-400" y="260" width="800" height="200" as="geometry"/></mxCell>
<mxCell id="w" value="" style="" vertex="1" parent="c"><mxGeometry x="20" y="70" width="140" height="60" as="geometry"/></mxCell>
<mxCell id="t" value="T" style="" vertex="1" parent="c"><mxGeometry x="560" y="80" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="n" value="" style="" vertex="1" parent="c"><mxGeometry x="560" y="20" width="80" height="60" as="geometry"/></mxCell>
<mxCell id="s" value="" style="" vertex="1" parent="c"><mxGeometry x="560" y="120" width="80" height="60" as="geometry"/></mxCell>
<mxCell id="l" value="" style="" vertex="1" parent="c"><mxGeometry x="420" y="70" width="140" height="60" as="geometry"/></mxCell>
<mxCell id="r" value="" style="" vertex="1" parent="c"><mxGeometry x="640" y="70" width="140" height="60" as="geometry"/></mxCell>
<mxCell id="am" edge="1" parent="1" source="a" target="m"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="mw" edge="1" parent="1" source="m" target="w"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="at" edge="1" parent="1" source="a" target="t"><mxGeometry relative="1" as="geometry"><Array as="points"><mxPoint x="-300" y="20"/><mxPoint x="-300" y="300"/></Array></mxGeometry></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const auto a = index.absolute_bounds("a"), c = index.absolute_bounds("c");
    REQUIRE(a);
    REQUIRE(c);
    const diagram::Cell* at = index.find("at");
    REQUIRE(at);
    REQUIRE(at->geometry);
    const auto& points = at->geometry->waypoints;
    REQUIRE(points.size() >= 2);  // from A's border to the container's, where the layout drew it
    CHECK(points.front().y == Approx(a->bottom()));
    CHECK(points.back().y == Approx(c->y));
    CHECK(points.front().x == Approx(points.back().x));  // straight down, left of M as drawn
}

TEST_CASE("an arrow's loose end carried onto another node is drawn back clear of it, laid out twice",
          "[exporters][layout][structure]") {
    // logic_circuit_2: a gate's output wire (one loose end) follows its gate, and the layout put the next
    // gate under its loose end; read again, the wire was glued to that gate and laid out as a second arrow.
    auto doc = page_of(R"(
<mxCell id="a" value="A" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="b" value="B" style="" vertex="1" parent="1"><mxGeometry x="0" y="300" width="80" height="120" as="geometry"/></mxCell>
<mxCell id="ab" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="out" edge="1" parent="1" source="a"><mxGeometry relative="1" as="geometry"><mxPoint x="40" y="150" as="targetPoint"/></mxGeometry></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const auto a = index.absolute_bounds("a"), b = index.absolute_bounds("b");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(b->y < 150);  // the layout brought B up under the wire's end as drawn
    const diagram::Cell* out = index.find("out");
    REQUIRE(out);
    REQUIRE(out->geometry);
    REQUIRE(out->geometry->target_point);
    const diagram::Point end = *out->geometry->target_point;
    CHECK(end.y > a->bottom());  // still out of A, on the way to B
    CHECK(end.y < b->y - 10);    // but clear of B's reach
}

TEST_CASE("a loose end drawn back clear of a node in whole pixels stays clear, laid out twice",
          "[exporters][layout][structure]") {
    // sentence-trees: the end drawn back to 12 px from a node and rounded to a whole pixel came back within
    // 12 px, and the next layout drew it back one pixel more.
    auto doc = page_of(R"(
<mxCell id="a" value="A" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="80" height="40.6" as="geometry"/></mxCell>
<mxCell id="b" value="B" style="" vertex="1" parent="1"><mxGeometry x="0" y="300" width="80" height="120" as="geometry"/></mxCell>
<mxCell id="ab" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="out" edge="1" parent="1" source="a"><mxGeometry relative="1" as="geometry"><mxPoint x="40" y="150.55" as="targetPoint"/></mxGeometry></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const auto b = index.absolute_bounds("b");
    REQUIRE(b);
    const diagram::Cell* out = index.find("out");
    REQUIRE(out);
    REQUIRE(out->geometry);
    REQUIRE(out->geometry->target_point);
    CHECK(out->geometry->target_point->y < b->y - 12);
}

TEST_CASE("a loose end whose last leg lies on another node is drawn back past its waypoints, laid out twice",
          "[exporters][layout][structure]") {
    // fault_tree_5: input wires N and M end on the bus above gate O; the layout put gate A right under the
    // bus, the whole last leg within reach of it, so the end stayed on A and was read as glued there the
    // next time (two arrows more laid out).
    auto doc = page_of(R"(
<mxCell id="o" value="" style="shape=mxgraph.electrical.logic_gates.or;html=1;" vertex="1" parent="1"><mxGeometry x="730" y="450" width="100" height="60" as="geometry"/></mxCell>
<mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="1" source="q" target="o"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="q" value="Q" style="ellipse;html=1;" vertex="1" parent="1"><mxGeometry x="730" y="560" width="30" height="30" as="geometry"/></mxCell>
<mxCell id="e2" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="1" source="n"><mxGeometry relative="1" as="geometry"><mxPoint x="760" y="530" as="targetPoint"/><Array as="points"><mxPoint x="685" y="540"/><mxPoint x="760" y="540"/></Array></mxGeometry></mxCell>
<mxCell id="n" value="N" style="ellipse;html=1;" vertex="1" parent="1"><mxGeometry x="670" y="560" width="30" height="30" as="geometry"/></mxCell>
<mxCell id="e3" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="1" source="m"><mxGeometry relative="1" as="geometry"><mxPoint x="760" y="530" as="targetPoint"/><Array as="points"><mxPoint x="625" y="540"/><mxPoint x="760" y="540"/></Array></mxGeometry></mxCell>
<mxCell id="m" value="M" style="ellipse;html=1;" vertex="1" parent="1"><mxGeometry x="610" y="560" width="30" height="30" as="geometry"/></mxCell>
<mxCell id="e4" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="1" source="a" target="o"><mxGeometry relative="1" as="geometry"><Array as="points"><mxPoint x="860" y="540"/><mxPoint x="800" y="540"/></Array></mxGeometry></mxCell>
<mxCell id="a" value="" style="shape=mxgraph.electrical.logic_gates.and;html=1;" vertex="1" parent="1"><mxGeometry x="810" y="570" width="100" height="60" as="geometry"/></mxCell>
<mxCell id="e5" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="1" source="p" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="p" value="P" style="ellipse;html=1;" vertex="1" parent="1"><mxGeometry x="810" y="680" width="30" height="30" as="geometry"/></mxCell>
<mxCell id="e6" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="1" source="r" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="r" value="R" style="ellipse;html=1;" vertex="1" parent="1"><mxGeometry x="880" y="680" width="30" height="30" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    for (const char* id : {"e2", "e3"}) {
        const diagram::Cell* wire = index.find(id);
        REQUIRE(wire);
        REQUIRE(wire->geometry);
        REQUIRE(wire->geometry->target_point);
        const diagram::Point end = *wire->geometry->target_point;
        for (const char* other : {"o", "a", "p", "r", "q"}) {
            const auto b = index.absolute_bounds(other);
            REQUIRE(b);
            const double dx = std::max({b->x - end.x, 0.0, end.x - b->right()}),
                         dy = std::max({b->y - end.y, 0.0, end.y - b->bottom()});
            CHECK(std::hypot(dx, dy) > 10);  // touches no other node: not read as glued to it
        }
    }
}

TEST_CASE("a badge reaching out of its node keeps the neighbours clear of it, laid out twice",
          "[exporters][layout][structure]") {
    // component_4: the sockets (lollipops) on a component's left border reach 30 px out of it; the module
    // wired to them was put one layer gap (24 px) before the component, under the sockets, and the next
    // reading took them for the module's badges.
    auto doc = page_of(R"(
<mxCell id="m" value="Module" style="shape=component;" vertex="1" parent="1"><mxGeometry x="110" y="220" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="c" value="Component" style="" vertex="1" parent="1"><mxGeometry x="350" y="135" width="180" height="90" as="geometry"/></mxCell>
<mxCell id="s1" value="" style="shape=lollipop;direction=south;" vertex="1" parent="1"><mxGeometry x="320" y="155" width="30" height="10" as="geometry"/></mxCell>
<mxCell id="s2" value="" style="shape=lollipop;direction=south;" vertex="1" parent="1"><mxGeometry x="320" y="195" width="30" height="10" as="geometry"/></mxCell>
<mxCell id="e" edge="1" parent="1" source="m" target="s2"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    const page::PageReading drawn(doc.pages[0]);
    REQUIRE(drawn.role(*drawn.index().position("s1")) == page::Role::decoration);
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const auto m = index.absolute_bounds("m"), c = index.absolute_bounds("c");
    REQUIRE(m);
    REQUIRE(c);
    for (const char* id : {"s1", "s2"}) {
        const auto s = index.absolute_bounds(id);
        REQUIRE(s);
        CHECK(s->right() == Approx(c->x));  // still on the component's border
        CHECK(s->x >= m->right());          // clear of the module
    }
}

TEST_CASE("a region drawn across containers fits round the shapes behind it, laid out twice",
          "[exporters][layout][structure]") {
    // ibm_vpc_architecture's security groups over the instances of two subnets, UML-communication-diagram's
    // loop frame across lifelines: no shape behind the region is its sibling, so it grouped none and stayed
    // where drawn; the layout moved the shapes out from behind it and the next reading took it for a node.
    auto doc = page_of(R"(
<mxCell id="r" value="Security group" style="rounded=0;fillColor=none;dashed=1;verticalAlign=top;" vertex="1" parent="1"><mxGeometry x="20" y="20" width="460" height="100" as="geometry"/></mxCell>
<mxCell id="c1" value="Subnet 1" style="swimlane;" vertex="1" parent="1"><mxGeometry x="0" y="-20" width="200" height="320" as="geometry"/></mxCell>
<mxCell id="a1" value="VSI 1" style="" vertex="1" parent="c1"><mxGeometry x="40" y="60" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="a2" value="Disk 1" style="" vertex="1" parent="c1"><mxGeometry x="40" y="220" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="c2" value="Subnet 2" style="swimlane;" vertex="1" parent="1"><mxGeometry x="300" y="-20" width="200" height="320" as="geometry"/></mxCell>
<mxCell id="b1" value="VSI 2" style="" vertex="1" parent="c2"><mxGeometry x="40" y="60" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b2" value="Disk 2" style="" vertex="1" parent="c2"><mxGeometry x="40" y="220" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a1" target="a2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="b1" target="b2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="a1" target="b1"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const auto r = index.absolute_bounds("r"), a1 = index.absolute_bounds("a1"),
               b1 = index.absolute_bounds("b1");
    REQUIRE(r);
    REQUIRE(a1);
    REQUIRE(b1);
    CHECK(within(*a1, *r));  // both instances still behind their security group
    CHECK(within(*b1, *r));
    const page::PageReading reading(doc.pages[0]);
    CHECK(reading.role(*reading.index().position("r")) == page::Role::region);
}

TEST_CASE("two arrows between the same two nodes, one each way, keep their routes, laid out twice",
          "[exporters][layout][structure]") {
    // BeadSorter: read from the nodes' centres, the laid-out arrow leaving Start at a side port ran slanted
    // through the middle layer, on the other side of the arrow coming back; the next layout swapped their
    // ports and routes. An end glued at a fixed point (exitX/exitY, entryX/entryY) starts there.
    auto doc = page_of(R"(
<mxCell id="s" value="Start" style="" vertex="1" parent="1"><mxGeometry x="300" y="0" width="370" height="140" as="geometry"/></mxCell>
<mxCell id="m" value="Check" style="" vertex="1" parent="1"><mxGeometry x="600" y="250" width="60" height="30" as="geometry"/></mxCell>
<mxCell id="a" value="Adjust" style="" vertex="1" parent="1"><mxGeometry x="100" y="400" width="340" height="400" as="geometry"/></mxCell>
<mxCell id="t" value="Tour" style="" vertex="1" parent="1"><mxGeometry x="500" y="400" width="370" height="130" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="s" target="m"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="m" target="t"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" value="BUTTON2" edge="1" parent="1" source="s" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e4" value="BUTTON2" edge="1" parent="1" source="a" target="s"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e5" edge="1" parent="1" source="m" target="a"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
}

TEST_CASE("text inside a group of an icon and its caption stays in the group, laid out twice",
          "[exporters][layout][structure]") {
    // SAP Build_Work_Zone_L2: a caption in an icon's group read as the label of a shape or an arrow outside
    // the group followed that shape or arrow out of the group; the next layout grew the group round it.
    const std::string group = R"(
<mxCell id="g" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="0" y="0" width="100" height="110" as="geometry"/></mxCell>
<mxCell id="i" value="" style="shape=image;image=data:image/png,x;" vertex="1" parent="g"><mxGeometry x="36" y="0" width="28" height="28" as="geometry"/></mxCell>)";
    std::string rest;
    SECTION("a caption read as the label of a shape outside the group") {
        rest = R"(
<mxCell id="c" value="Application Clients" style="text;html=1;align=center;" vertex="1" parent="g"><mxGeometry x="0" y="50" width="100" height="30" as="geometry"/></mxCell>
<mxCell id="n" value="Server" style="" vertex="1" parent="1"><mxGeometry x="110" y="40" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="m" value="Store" style="" vertex="1" parent="1"><mxGeometry x="400" y="40" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="i" target="n"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="n" target="m"><mxGeometry relative="1" as="geometry"/></mxCell>)";
    }
    SECTION("a caption read as the label of an arrow passing the group") {
        rest = R"(
<mxCell id="c" value="Mobile or Desktop" style="text;html=1;align=center;" vertex="1" parent="g"><mxGeometry x="0" y="90" width="100" height="20" as="geometry"/></mxCell>
<mxCell id="p" value="Portal" style="" vertex="1" parent="1"><mxGeometry x="-300" y="95" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="q" value="Store" style="" vertex="1" parent="1"><mxGeometry x="300" y="95" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="i" target="q"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="p" target="q"><mxGeometry relative="1" as="geometry"/></mxCell>)";
    }
    auto doc = page_of(group + rest);
    const auto drawn = doc.pages[0].cells;
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const diagram::Cell* c = index.find("c");
    REQUIRE(c);
    REQUIRE(c->geometry);
    const diagram::Cell* was = nullptr;
    for (const auto& cell : drawn)
        if (cell.id == "c") was = &cell;
    REQUIRE(was);
    CHECK(c->geometry->bounds == was->geometry->bounds);  // where it was drawn in its group
    const auto g = index.absolute_bounds("g"), box = index.absolute_bounds("c");
    REQUIRE(g);
    REQUIRE(box);
    CHECK(within(*box, *g));
}

TEST_CASE("an arrow's loose end on an icon inside a container stays on the icon, laid out twice",
          "[exporters][layout][structure]") {
    // ibm_vpc_architecture: the VPN connection's arrow ends loose on an icon inside the IBM Cloud container.
    // The container is laid out as one node, and the end was left on the container's border, where it
    // touched nothing the next time: the arrow was no longer laid out and the page read as a picture.
    auto doc = page_of(R"(
<mxCell id="p" value="Network" style="swimlane;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="600" height="400" as="geometry"/></mxCell>
<mxCell id="x" value="VPN" style="" vertex="1" parent="p"><mxGeometry x="20" y="60" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="c" value="Cloud" style="swimlane;" vertex="1" parent="p"><mxGeometry x="200" y="40" width="300" height="300" as="geometry"/></mxCell>
<mxCell id="i" value="Gateway" style="" vertex="1" parent="c"><mxGeometry x="40" y="120" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="j" value="Router" style="" vertex="1" parent="c"><mxGeometry x="180" y="220" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="ij" edge="1" parent="c" source="i" target="j"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="xy" edge="1" parent="1" source="x"><mxGeometry relative="1" as="geometry"><mxPoint x="240" y="190" as="targetPoint"/></mxGeometry></mxCell>
)");
    layout_twice(doc, automatic());
    const diagram::PageIndex index(doc.pages[0]);
    const auto icon = index.absolute_bounds("i");
    REQUIRE(icon);
    const diagram::Cell* arrow = index.find("xy");
    REQUIRE(arrow);
    REQUIRE(arrow->geometry);
    REQUIRE(arrow->geometry->target_point);
    const diagram::Point frame = index.frame_origin("xy");
    const diagram::Point end{frame.x + arrow->geometry->target_point->x,
                             frame.y + arrow->geometry->target_point->y};
    const double dx = std::max({icon->x - end.x, 0.0, end.x - icon->right()}),
                 dy = std::max({icon->y - end.y, 0.0, end.y - icon->bottom()});
    CHECK(std::hypot(dx, dy) <= 2);  // on the icon's border, not the container's
}

TEST_CASE("a region drawn across containers does not stand in the way of an arrow into them, laid out twice",
          "[exporters][layout][structure]") {
    // ibm_vpc_architecture's security group across two subnets of a zone. The region is fitted round the
    // instances after the layout; where it stood before that decided whether the arrow to the load balancer
    // ran straight out of its subnet or round it (the fitted region reaches below the shrunk subnets), so
    // the second layout routed it another way.
    auto doc = page_of(R"(
<mxCell id="vpc" value="VPC" style="swimlane;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="600" height="500" as="geometry"/></mxCell>
<mxCell id="z" value="Zone" style="swimlane;" vertex="1" parent="vpc"><mxGeometry x="20" y="40" width="540" height="280" as="geometry"/></mxCell>
<mxCell id="s1" value="Subnet 1" style="swimlane;" vertex="1" parent="z"><mxGeometry x="20" y="40" width="220" height="220" as="geometry"/></mxCell>
<mxCell id="v1" value="VSI 1" style="" vertex="1" parent="s1"><mxGeometry x="70" y="50" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="s2" value="Subnet 2" style="swimlane;" vertex="1" parent="z"><mxGeometry x="280" y="40" width="220" height="220" as="geometry"/></mxCell>
<mxCell id="v2" value="VSI 2" style="" vertex="1" parent="s2"><mxGeometry x="70" y="50" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="sg" value="Security group" style="rounded=0;fillColor=none;dashed=1;verticalAlign=top;" vertex="1" parent="z"><mxGeometry x="40" y="70" width="460" height="170" as="geometry"/></mxCell>
<mxCell id="lb" value="Load balancer" style="" vertex="1" parent="vpc"><mxGeometry x="250" y="400" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="vpc" source="v1" target="lb"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="vpc" source="v2" target="lb"><mxGeometry relative="1" as="geometry"/></mxCell>
)");
    layout_twice(doc, automatic());
    const page::PageReading reading(doc.pages[0]);
    CHECK(reading.role(*reading.index().position("sg")) == page::Role::region);
}

TEST_CASE("arrows with loose ends on nodes count in the drawing's reading direction",
          "[exporters][layout][structure]") {
    // SAP Task Center L2: the subaccount's chain of services runs left to right with arrows drawn loose, end
    // on icon; the two arrows glued at both ends run down. Read from the glued ones alone the page was laid
    // out top to bottom, and the laid-out page (its chain glued nowhere either) read left to right the next
    // time, so a second layout turned it.
    std::string chain;
    for (int i = 0; i < 4; ++i)
        chain += "<mxCell id=\"s" + std::to_string(i) + "\" value=\"Service " + std::to_string(i) +
                 "\" style=\"\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"" + std::to_string(200 + i * 160) +
                 "\" y=\"200\" width=\"80\" height=\"40\" as=\"geometry\"/></mxCell>";
    for (int i = 0; i < 3; ++i)
        chain += "<mxCell id=\"l" + std::to_string(i) +
                 "\" edge=\"1\" parent=\"1\"><mxGeometry relative=\"1\" " + "as=\"geometry\"><mxPoint x=\"" +
                 std::to_string(280 + i * 160) + "\" y=\"220\" as=\"sourcePoint\"/><mxPoint x=\"" +
                 std::to_string(360 + i * 160) + "\" y=\"220\" as=\"targetPoint\"/></mxGeometry></mxCell>";
    auto doc = page_of(chain + R"(
<mxCell id="u" value="User" style="" vertex="1" parent="1"><mxGeometry x="0" y="0" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="c" value="Client" style="" vertex="1" parent="1"><mxGeometry x="0" y="100" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="d" value="Directory" style="" vertex="1" parent="1"><mxGeometry x="0" y="300" width="80" height="40" as="geometry"/></mxCell>
<mxCell id="g0" edge="1" parent="1" source="u" target="c"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="g1" edge="1" parent="1" source="c" target="d"><mxGeometry relative="1" as="geometry"/></mxCell>)");
    const auto drawn = layout::reading_direction(doc.pages[0]);
    CHECK(drawn.arrows == 5);
    CHECK(drawn.flow == layout::Flow::left_to_right);
    layout_twice(doc, automatic());
    CHECK(layout::reading_direction(doc.pages[0]).flow == layout::Flow::left_to_right);
}

TEST_CASE("a layout that would change what a region holds is reported", "[exporters][layout][structure]") {
    // Two regions drawn overlapping (an account and a network across it) are not laid out as containers:
    // each is refitted round its shapes where the layout put them. With a chain running to and fro between
    // them, each refitted box took in the other's shapes (SAP Build Process Automation: the network band
    // refitted over the whole subaccount), and the next layout laid out that other drawing.
    const std::string regions = R"(
<mxCell id="A" value="Account" style="rounded=0;fillColor=none;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="400" height="200" as="geometry"/></mxCell>
<mxCell id="a1" value="a1" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="20" y="40" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="a2" value="a2" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="160" y="40" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="a1" target="b1"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="b1" target="a2"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" edge="1" parent="1" source="a2" target="b2"><mxGeometry relative="1" as="geometry"/></mxCell>)";
    SECTION("overlapping regions whose shapes the layout interleaves") {
        auto doc = page_of(regions + R"(
<mxCell id="B" value="Network" style="dashed=1;fillColor=none;" vertex="1" parent="1"><mxGeometry x="300" y="100" width="400" height="200" as="geometry"/></mxCell>
<mxCell id="b1" value="b1" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="450" y="220" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="b2" value="b2" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="580" y="220" width="100" height="40" as="geometry"/></mxCell>)");
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->not_a_graph.empty());
        CHECK(
            report->regions_changed ==
            "laid out, the page's regions hold other shapes than drawn: 'Account' would take in 2 shapes it "
            "does not hold as drawn; 'Network' would take in 2 shapes it does not hold as drawn");
        CHECK(report->leave_as_drawn() == report->regions_changed);
    }
    SECTION("regions apart are laid out as containers and keep their shapes") {
        auto doc = page_of(regions + R"(
<mxCell id="B" value="Network" style="dashed=1;fillColor=none;" vertex="1" parent="1"><mxGeometry x="500" y="0" width="400" height="200" as="geometry"/></mxCell>
<mxCell id="b1" value="b1" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="550" y="40" width="100" height="40" as="geometry"/></mxCell>
<mxCell id="b2" value="b2" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="700" y="40" width="100" height="40" as="geometry"/></mxCell>)");
        const auto report = layout::layout_page(doc.pages[0], automatic());
        REQUIRE(report);
        CHECK(report->regions_changed.empty());
        CHECK(report->leave_as_drawn().empty());
        layout_twice(doc, automatic());
    }
}

TEST_CASE("a state's body text stays in the state, not along the arrow entering it",
          "[exporters][layout][structure]") {
    // StateSmith's Tutorial1Sm: each state is a swimlane in the state machine's swimlane, with its body text
    // ("enter / light_on1();", unfilled and unstroked) as a child under the title band; the arrow from the
    // other state enters through that band. The text read as the arrow's label, was placed along the
    // laid-out arrow, and hung out of the state's box.
    const std::string body =
        R"(style="fontFamily=Lucida Console;align=left;verticalAlign=top;fillColor=none;strokeColor=none;spacingLeft=4;autosize=1;" vertex="1" connectable="0")";
    auto doc =
        page_of(R"(
<mxCell id="sm" value="$STATEMACHINE : Tutorial1Sm" style="shape=swimlane;startSize=30;" vertex="1" parent="1"><mxGeometry x="40" y="40" width="390" height="410" as="geometry"/></mxCell>
<mxCell id="init" value="$initial_state" style="shape=ellipse;aspect=fixed;fillColor=#000000;noLabel=1;" vertex="1" parent="sm"><mxGeometry x="182.5" y="50" width="25" height="25" as="geometry"/></mxCell>
<mxCell id="off" value="OFF" style="shape=swimlane;startSize=30;" vertex="1" parent="sm"><mxGeometry x="110" y="110" width="170" height="90" as="geometry"/></mxCell>
<mxCell id="offBody" value="enter / light_off();" )" +
                body + R"( parent="off"><mxGeometry y="30" width="170" height="30" as="geometry"/></mxCell>
<mxCell id="on" value="ON1" style="shape=swimlane;startSize=30;" vertex="1" parent="sm"><mxGeometry x="110" y="270" width="170" height="90" as="geometry"/></mxCell>
<mxCell id="onBody" value="enter / light_on1();" )" +
                body + R"( parent="on"><mxGeometry y="30" width="170" height="30" as="geometry"/></mxCell>
<mxCell id="start" edge="1" parent="sm" source="init" target="off"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="inc" value="INCREASE" edge="1" parent="sm" source="off" target="on"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="dim" value="DIM" style="edgeStyle=none;exitX=0.75;exitY=0;entryX=0.75;entryY=1;" edge="1" parent="sm" source="on" target="off"><mxGeometry relative="1" as="geometry"/></mxCell>)");
    const auto report = layout::layout_page(doc.pages[0], automatic());
    REQUIRE(report);
    const diagram::PageIndex index(doc.pages[0]);
    for (const char* text : {"offBody", "onBody"}) {
        INFO(text);
        const diagram::Cell* cell = index.find(text);
        REQUIRE(cell);
        CHECK(cell->geometry->bounds.x == Approx(0));
        CHECK(cell->geometry->bounds.y == Approx(30));
    }
}

TEST_CASE("free text by a branch's corner stays by the branch as draw.io draws it",
          "[exporters][layout][structure]") {
    // customer_journey: 'Resolve' is drawn above the corner of an orthogonal branch leaving a decision to
    // the right and turning down. Its place along the arrow was measured on the straight line between the
    // shapes' centres, not on the route draw.io draws, and the laid-out label floated 90 px off the branch.
    auto doc = page_of(R"(
<mxCell id="a" value="resolution" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="350" y="520" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="d" value="remarks" style="rhombus;" vertex="1" parent="1"><mxGeometry x="345" y="610" width="130" height="130" as="geometry"/></mxCell>
<mxCell id="l" value="return" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="150" y="770" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="r" value="payment" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="560" y="770" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="yes" value="Resolve" style="text;" vertex="1" parent="1"><mxGeometry x="585" y="640" width="70" height="30" as="geometry"/></mxCell>
<mxCell id="e0" edge="1" parent="1" source="a" target="d" style="edgeStyle=orthogonalEdgeStyle;"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e1" edge="1" parent="1" source="d" target="l" style="edgeStyle=orthogonalEdgeStyle;"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" edge="1" parent="1" source="d" target="r" style="edgeStyle=orthogonalEdgeStyle;"><mxGeometry relative="1" as="geometry"/></mxCell>)");
    const auto report = layout::layout_page(doc.pages[0], automatic());
    REQUIRE(report);
    const diagram::PageIndex index(doc.pages[0]);
    const diagram::Cell* branch = index.find("e2");
    REQUIRE(branch);
    const auto route = layout::edge_route(index, *branch);
    REQUIRE(route.size() >= 2);
    const auto label = index.absolute_bounds("yes");
    REQUIRE(label);
    // The gap between the label's box and the nearest segment of the branch.
    double gap = INFINITY;
    for (std::size_t i = 1; i < route.size(); ++i) {
        const double x0 = std::min(route[i - 1].x, route[i].x), x1 = std::max(route[i - 1].x, route[i].x);
        const double y0 = std::min(route[i - 1].y, route[i].y), y1 = std::max(route[i - 1].y, route[i].y);
        const double dx = std::max({0.0, label->x - x1, x0 - label->right()});
        const double dy = std::max({0.0, label->y - y1, y0 - label->bottom()});
        gap = std::min(gap, std::hypot(dx, dy));
    }
    CHECK(gap <= 20);
}
