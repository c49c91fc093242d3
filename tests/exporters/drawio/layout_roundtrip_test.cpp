// layout -> draw.io -> read back gives the same geometry; lanes hold their nodes; other cells untouched.
#include <catch2/catch.hpp>

#include "core/diagram/page_index.hpp"
#include "core/layout/diagram_layout.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

TEST_CASE("layout survives a draw.io round trip", "[exporters][layout]") {
    const auto direction = GENERATE(layout::Direction::top_to_bottom, layout::Direction::left_to_right);
    auto read = importers::read_drawio_file(test::data_path("layout/lanes.drawio").string());
    REQUIRE(read);
    auto doc = read->document;
    const auto note_before = *diagram::PageIndex(doc.pages[0]).find("note");
    layout::DiagramLayoutOptions options;
    options.layout.direction = direction;
    auto report = layout::layout_page(doc.pages[0], options);
    REQUIRE(report);
    CHECK(report->nodes == 5);
    CHECK(report->edges == 5);
    CHECK(report->lanes == 2);

    auto xml = exporters::write_drawio(doc);
    REQUIRE(xml);
    auto back = importers::read_drawio(*xml, "roundtrip.drawio");
    REQUIRE(back);
    const auto& page = back->document.pages[0];
    CHECK(page == doc.pages[0]);
    diagram::PageIndex index(page);
    CHECK(*index.find("note") == note_before);

    // Lanes keep their order and sit side by side (TB) or stacked (LR); nodes stay inside.
    const auto a = *index.absolute_bounds("laneA");
    const auto b = *index.absolute_bounds("laneB");
    if (direction == layout::Direction::top_to_bottom)
        CHECK(a.right() <= b.x);
    else
        CHECK(a.bottom() <= b.y);
    for (const char* id : {"s", "o", "w", "c", "p"}) {
        const auto box = *index.absolute_bounds(id);
        const auto lane = *index.absolute_bounds(index.parent_of(id)->id);
        CHECK(box.x >= lane.x);
        CHECK(box.y >= lane.y);
        CHECK(box.right() <= lane.right());
        CHECK(box.bottom() <= lane.bottom());
    }
    // Edges: orthogonal style, exit/entry points on the terminals, waypoints orthogonal.
    for (const char* id : {"e1", "e2", "e3", "e4", "e5"}) {
        const auto* edge = index.find(id);
        CHECK(edge->style_or_empty().get_or("edgeStyle", "") == "orthogonalEdgeStyle");
        CHECK(edge->style_or_empty().get("exitX").has_value());
        CHECK(edge->style_or_empty().get("entryY").has_value());
    }
}
