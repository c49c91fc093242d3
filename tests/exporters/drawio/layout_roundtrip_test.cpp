// layout -> draw.io -> read back gives the same geometry; lanes hold their nodes; other cells untouched.
#include <catch2/catch.hpp>

#include "core/diagram/page_index.hpp"
#include "core/layout/diagram_layout.hpp"
#include "core/render/page_renderer.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {

// Lays out page 1 of tests/data/<file>, writes the document and reads it back: the page read back must equal
// the page laid out (layout -> draw.io -> read back keeps the geometry).
struct RoundTrip {
    diagram::Document original;
    layout::DiagramLayoutReport report;
    diagram::Page page;  // laid out, as read back
};

RoundTrip layout_round_trip(const std::string& file, const layout::DiagramLayoutOptions& options) {
    auto read = importers::read_drawio_file(test::data_path(file).string());
    REQUIRE(read);
    RoundTrip trip{read->document, {}, {}};
    auto doc = read->document;
    auto report = layout::layout_page(doc.pages[0], options);
    REQUIRE(report);
    trip.report = *report;
    auto xml = exporters::write_drawio(doc);
    REQUIRE(xml);
    auto back = importers::read_drawio(*xml, file);
    REQUIRE(back);
    trip.page = back->document.pages[0];
    CHECK(trip.page == doc.pages[0]);
    return trip;
}

}  // namespace

TEST_CASE("layout survives a draw.io round trip", "[exporters][layout]") {
    const auto direction = GENERATE(layout::Direction::top_to_bottom, layout::Direction::left_to_right);
    layout::DiagramLayoutOptions options;
    options.layout.direction = direction;
    const auto trip = layout_round_trip("layout/lanes.drawio", options);
    const auto note_before = *diagram::PageIndex(trip.original.pages[0]).find("note");
    CHECK(trip.report.nodes == 5);
    CHECK(trip.report.edges == 5);
    CHECK(trip.report.lanes == 2);
    const auto& page = trip.page;
    diagram::PageIndex index(page);
    // The note stays where it was unless the laid-out lanes came to lie under it; then it moves clear of
    // them.
    const auto note = *index.find("note");
    if (!(note == note_before)) {
        const auto n = *index.absolute_bounds("note");
        for (const char* lane : {"laneA", "laneB"}) {
            const auto l = *index.absolute_bounds(lane);
            CHECK((n.right() <= l.x || l.right() <= n.x || n.bottom() <= l.y || l.bottom() <= n.y));
        }
        CHECK(note.label() == note_before.label());
    }

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

namespace {

bool overlaps(const diagram::Rect& a, const diagram::Rect& b) {
    return std::min(a.right(), b.right()) - std::max(a.x, b.x) > 0.5 &&
           std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y) > 0.5;
}

bool on_border(const diagram::Point& p, const diagram::Rect& b) {
    const double e = 0.01;
    const bool inside = p.x >= b.x - e && p.x <= b.right() + e && p.y >= b.y - e && p.y <= b.bottom() + e;
    return inside && (std::abs(p.x - b.x) < e || std::abs(p.x - b.right()) < e || std::abs(p.y - b.y) < e ||
                      std::abs(p.y - b.bottom()) < e);
}

}  // namespace

TEST_CASE("layout places edge labels clear of nodes and each other, and takes loose edges along",
          "[exporters][layout][labels]") {
    const auto direction = GENERATE(layout::Direction::top_to_bottom, layout::Direction::left_to_right);
    layout::DiagramLayoutOptions options;
    options.layout.direction = direction;
    const auto trip = layout_round_trip("layout/checkout-labels.drawio", options);
    const auto far_before = *diagram::PageIndex(trip.original.pages[0]).absolute_bounds("far");
    // e1..e8: e8's loose start lies on Browse, so it is laid out as Browse -> Help
    CHECK(trip.report.edges == 8);
    CHECK(trip.report.labels == 5);  // add to cart, no, yes, keep shopping, confirm & pay
    CHECK(trip.report.stats.labels_blocked == 0);
    const auto& page = trip.page;

    // Where the renderer (as draw.io) draws the labels: none overlaps a node or another label.
    const auto scene = render::render_page(page);
    std::vector<diagram::Rect> nodes, labels;
    diagram::PageIndex index(page);
    for (const auto& shape : scene.shapes) {
        const auto* cell = index.find(shape.cell_id);
        if (cell && cell->kind == diagram::CellKind::vertex && !cell->geometry->relative)
            nodes.push_back({shape.bounds.x, shape.bounds.y, shape.bounds.width, shape.bounds.height});
        if (shape.cell_id == "e6l")
            labels.push_back({shape.bounds.x, shape.bounds.y, shape.bounds.width, shape.bounds.height});
    }
    CHECK(nodes.size() == 9);
    for (const auto& edge : scene.edges) {
        if (render::plain_text(edge.label).empty() || edge.cell_id == "e9") continue;
        const auto placed = render::place_label(edge.label, {{edge.label_at.x, edge.label_at.y, 0, 0}});
        labels.push_back({placed.bounds.x, placed.bounds.y, placed.bounds.width, placed.bounds.height});
    }
    REQUIRE(labels.size() == 5);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (const auto& n : nodes) CHECK_FALSE(overlaps(labels[i], n));
        for (std::size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(overlaps(labels[i], labels[j]));
    }

    // The loose edge starts on Browse's border, where the layout put it; the edge into the air moved with
    // Far.
    const auto* e8 = index.find("e8");
    REQUIRE(e8->geometry->source_point);
    CHECK(on_border(*e8->geometry->source_point, *index.absolute_bounds("browse")));
    const auto far_after = *index.absolute_bounds("far");
    const auto* e9 = index.find("e9");
    REQUIRE(e9->geometry->target_point);
    CHECK(e9->geometry->target_point->x == Approx(800 + far_after.x - far_before.x));
    CHECK(e9->geometry->target_point->y == Approx(430 + far_after.y - far_before.y));
    CHECK(e9->geometry->waypoints.at(0).x == Approx(760 + far_after.x - far_before.x));
}

TEST_CASE("journey steps keep their stage column; rank attributes are read from cells",
          "[exporters][layout][ranks]") {
    auto read = importers::read_drawio_file(test::data_path("layout/stages.drawio").string());
    REQUIRE(read);
    auto doc = read->document;
    layout::DiagramLayoutOptions options;
    options.layout.direction = layout::Direction::left_to_right;
    REQUIRE(layout::layout_page(doc.pages[0], options));
    diagram::PageIndex index(doc.pages[0]);
    auto x = [&](const char* id) { return index.absolute_bounds(id)->x; };
    // Stages in the headers' order (discover, buy, use), whatever the edges and old positions say.
    CHECK(x("a") == x("b"));
    CHECK(x("h1") == x("a"));
    CHECK(x("b") < x("c"));
    CHECK(x("c") < x("d"));
    CHECK(x("h2") == x("c"));
    CHECK(x("h3") == x("d"));
    // rank=max in the style: alone in the last column, after every stage.
    CHECK(x("x") > x("d"));

    SECTION("--no-stage-columns and --first") {
        auto again = read->document;
        layout::DiagramLayoutOptions plain;
        plain.layout.direction = layout::Direction::left_to_right;
        plain.stage_columns = false;
        plain.first = {"d"};
        REQUIRE(layout::layout_page(again.pages[0], plain));
        diagram::PageIndex i2(again.pages[0]);
        for (const char* id : {"a", "b", "c", "x"})
            CHECK(i2.absolute_bounds("d")->x < i2.absolute_bounds(id)->x);
    }
}

TEST_CASE("containers are laid out inside, grow to fit, and edges into them avoid their content",
          "[exporters][layout][containers]") {
    const auto direction = GENERATE(layout::Direction::top_to_bottom, layout::Direction::left_to_right);
    layout::DiagramLayoutOptions options;
    options.layout.direction = direction;
    const auto trip = layout_round_trip("layout/containers.drawio", options);
    CHECK(trip.report.containers == 2);  // box, and the group inside it
    CHECK(trip.report.nodes == 8);       // start, box, end; p1, p2, inner; q1, q2
    const auto& page = trip.page;
    diagram::PageIndex index(page);
    auto inside = [&](const char* id, const char* container) {
        const auto b = *index.absolute_bounds(id), c = *index.absolute_bounds(container);
        return b.x >= c.x && b.y >= c.y && b.right() <= c.right() && b.bottom() <= c.bottom();
    };
    for (const char* id : {"p1", "p2", "inner", "q1", "q2"}) CHECK(inside(id, "box"));
    for (const char* id : {"q1", "q2"}) CHECK(inside(id, "inner"));
    CHECK(index.absolute_bounds("box")->width > 100);  // grew from 60 to fit
    CHECK_FALSE(overlaps(*index.absolute_bounds("box"), *index.absolute_bounds("start")));
    CHECK_FALSE(overlaps(*index.absolute_bounds("box"), *index.absolute_bounds("end")));
    CHECK_FALSE(overlaps(*index.absolute_bounds("p1"), *index.absolute_bounds("p2")));
    CHECK_FALSE(overlaps(*index.absolute_bounds("q1"), *index.absolute_bounds("q2")));

    // As drawn: no edge runs through a shape that is not one of its ends (containers excepted).
    const auto scene = render::render_page(page);
    for (const auto& edge : scene.edges)
        for (const char* id : {"start", "p1", "p2", "q1", "q2", "end"}) {
            if (edge.source == id || edge.target == id) continue;
            const auto b = *index.absolute_bounds(id);
            for (std::size_t i = 1; i < edge.points.size(); ++i) {
                const auto p = edge.points[i - 1], q = edge.points[i];
                const diagram::Rect seg{std::min(p.x, q.x), std::min(p.y, q.y), std::abs(p.x - q.x),
                                        std::abs(p.y - q.y)};
                const diagram::Rect shrunk{b.x + 1, b.y + 1, b.width - 2, b.height - 2};
                INFO(edge.cell_id << " through " << id);
                CHECK_FALSE((seg.x < shrunk.right() && seg.right() > shrunk.x && seg.y < shrunk.bottom() &&
                             seg.bottom() > shrunk.y));
            }
        }
}

TEST_CASE("a pool's lanes are laid out in order, its shapes stay in their lanes, and it fits them",
          "[exporters][layout][lanes]") {
    layout::DiagramLayoutOptions options;
    options.direction_from_lanes = true;  // the lanes are rows: left to right
    const auto trip = layout_round_trip("layout/pool.drawio", options);
    CHECK(trip.report.direction == layout::Direction::left_to_right);
    CHECK(trip.report.lanes == 4);  // the empty Courier lane keeps its place
    CHECK(trip.report.nodes == 4);
    CHECK(trip.report.edges == 3);
    const auto& page = trip.page;
    diagram::PageIndex index(page);
    auto inside = [&](const char* id, const char* box) {
        const auto b = *index.absolute_bounds(id), c = *index.absolute_bounds(box);
        return b.x >= c.x - 0.01 && b.y >= c.y - 0.01 && b.right() <= c.right() + 0.01 &&
               b.bottom() <= c.bottom() + 0.01;
    };
    const auto pool = *index.absolute_bounds("pool");
    const char* lanes[] = {"laneA", "laneB", "laneC", "laneD"};
    for (std::size_t l = 0; l < 4; ++l) {
        INFO(lanes[l]);
        CHECK(inside(lanes[l], "pool"));
        CHECK(index.absolute_bounds(lanes[l])->x >= pool.x + 30 - 0.01);  // right of the pool's title band
        if (l > 0)
            CHECK(index.absolute_bounds(lanes[l - 1])->bottom() <= index.absolute_bounds(lanes[l])->y + 0.01);
    }
    CHECK(std::abs(index.absolute_bounds("laneD")->bottom() - pool.bottom()) < 0.01);  // fitted, not left big
    for (const char* id : {"a1", "a2"}) CHECK(inside(id, "laneA"));
    CHECK(inside("c1", "laneC"));
    SECTION("a shape drawn over a lane but parented to the layer stays in that lane and on the layer") {
        CHECK(inside("b1", "laneB"));
        CHECK(index.find("b1")->parent == "1");
    }
    SECTION("the flow runs left to right") {
        CHECK(index.absolute_bounds("a1")->right() < index.absolute_bounds("b1")->x);
        CHECK(index.absolute_bounds("b1")->right() < index.absolute_bounds("c1")->x);
        CHECK(index.absolute_bounds("c1")->right() < index.absolute_bounds("a2")->x);
    }
}

TEST_CASE("layout reads the page through the page reading: decorations follow, regions group",
          "[exporters][layout][roles]") {
    layout::DiagramLayoutOptions options;
    options.layout.direction = layout::Direction::left_to_right;
    const auto trip = layout_round_trip("layout/decorated.drawio", options);
    CHECK(trip.report.nodes == 5);  // start, form, login, profile and the panel as one box; not the frame,
                                    // badge or title
    const diagram::PageIndex before(trip.original.pages[0]), after(trip.page);
    auto at = [](const diagram::PageIndex& idx, const char* id) { return *idx.absolute_bounds(id); };
    auto offset = [&](const diagram::PageIndex& idx, const char* a, const char* b) {
        return std::pair{at(idx, a).x - at(idx, b).x, at(idx, a).y - at(idx, b).y};
    };
    SECTION("the frame and the badge keep their offset from the screen they decorate") {
        CHECK(offset(after, "frame", "form") == offset(before, "frame", "form"));
        CHECK(offset(after, "badge", "form") == offset(before, "badge", "form"));
    }
    SECTION("the arrow drawn from the frame is laid out from the screen: the flow runs start, form, login") {
        CHECK(at(after, "start").x < at(after, "form").x);
        CHECK(at(after, "form").x < at(after, "login").x);
        CHECK(at(after, "login").x < at(after, "profile").x);
    }
    SECTION("the panel stays round the screens it grouped, which keep their own parent") {
        const auto panel = at(after, "panel");
        for (const char* id : {"login", "profile"}) {
            const auto b = at(after, id);
            CHECK(b.x >= panel.x);
            CHECK(b.right() <= panel.right());
            CHECK(b.y >= panel.y);
            CHECK(b.bottom() <= panel.bottom());
            CHECK(after.find(id)->parent == "1");
        }
        CHECK_FALSE((at(after, "form").x >= panel.x && at(after, "form").right() <= panel.right() &&
                     at(after, "form").y >= panel.y && at(after, "form").bottom() <= panel.bottom()));
    }
    SECTION("the title stays where it was") {
        CHECK(at(after, "title") == at(before, "title"));
    }
}
