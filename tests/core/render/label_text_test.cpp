#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include "core/diagram/style.hpp"
#include "core/render/label_text.hpp"
#include "core/render/page_renderer.hpp"
#include "core/text/text_metrics.hpp"

using namespace jstudio;
using namespace jstudio::render;

namespace {

double width(const std::string& s, double size, bool bold = false) {
    return text::text_width(s, text::font_spec(size, bold, "Helvetica"));
}

const TextRun* run_of(const PlacedLabel& placed, const std::string& text) {
    for (const auto& r : placed.runs)
        if (r.text == text) return &r;
    return nullptr;
}

// The filled rectangles of a placed label whose colour is `hex`, as boxes.
std::vector<Rect> boxes(const PlacedLabel& placed, const std::string& hex) {
    std::vector<Rect> out;
    for (const auto& p : placed.paths)
        if (p.fill && p.fill->hex() == hex) out.push_back(p.bounds());
    return out;
}

bool covers(const std::vector<Rect>& rs, double x, double y) {
    return std::any_of(rs.begin(), rs.end(), [&](const Rect& r) {
        return x >= r.x - 1e-6 && x <= r.right() + 1e-6 && y >= r.y - 1e-6 && y <= r.bottom() + 1e-6;
    });
}

}  // namespace

TEST_CASE("an HTML table in a label is laid out and drawn as the browser draws it", "[render]") {
    Font base;
    base.size = 12;

    SECTION("width 100 %: the columns share the room beyond their text by its width, borders collapse") {
        // The authority matrix template: a collapsed table filling its shape, row borders that win over the
        // border attribute's grey ones, coloured cells.
        const auto label = parse_label(
            "<table border=\"1\" cellpadding=\"4\" style=\"width: 100%; height: 100%; border-collapse: "
            "collapse\"><tbody><tr style=\"border: 1px solid #98bf21\"><th>A</th><th>Longer text</th></tr>"
            "<tr><td style=\"background-color: #a7c942\">x</td><td>y</td></tr></tbody></table>",
            true, base);
        REQUIRE(label.size() == 1);
        REQUIRE(label[0].table);
        CHECK(plain_text(label) == "A Longer text\nx y");
        LabelPlacement place{{0, 0, 300, 100}, HAlign::left, VAlign::top, false, true};
        place.fill = true;
        const PlacedLabel placed = place_label(label, place);

        // Columns between the grid lines (1 px borders, half of each inside the cell): each as wide as its
        // widest text plus padding and borders, the rest of 300 - 1 px shared in proportion to the text.
        const double a = std::max(width("A", 12, true), width("x", 12)), b = width("Longer text", 12, true);
        const double col0 = a + 9 + (299 - (a + 9) - (b + 9)) * a / (a + b);
        const TextRun* longer = run_of(placed, "Longer text");
        REQUIRE(longer);
        CHECK(longer->font.bold);
        CHECK(longer->x == Approx(0.5 + col0 + 0.5 + 4));
        const TextRun* y = run_of(placed, "y");
        REQUIRE(y);
        CHECK(y->x == Approx(longer->x));
        // Two rows of one line each share the height; the text is in the middle of its row.
        const double line = 12 * 1.2;
        CHECK(y->y == Approx(0.5 + 49.5 + 49.5 / 2 - line / 2 + line - 3).margin(0.01));

        const auto green = boxes(placed, "#98bf21"), grey = boxes(placed, "#808080");
        CHECK(covers(green, 150, 0.5));              // the first row's top: its own border
        CHECK(covers(green, 150, 50));               // between the rows: the row's solid beats inset
        CHECK(covers(green, 0.5 + col0, 25));        // inside the first row, between its cells
        CHECK(covers(grey, 150, 99.5));              // the table's bottom: the border attribute's
        CHECK_FALSE(covers(green, 0.5 + col0, 75));  // the second row has no border of its own
        CHECK(covers(grey, 0.5 + col0, 75));
        const auto cell = boxes(placed, "#a7c942");
        CHECK(covers(cell, 10, 75));
        CHECK_FALSE(covers(cell, 0.5 + col0 + 10, 75));
        CHECK_FALSE(covers(cell, 10, 25));
    }

    SECTION("no width asked: as wide as its text, separate borders and the spacing between cells") {
        const auto label = parse_label(
            "<table border=\"1\" cellspacing=\"2\" cellpadding=\"3\"><tr><td>one</td><td>two "
            "three</td></tr></table>after",
            true, base);
        REQUIRE(label.size() == 2);
        const PlacedLabel placed =
            place_label(label, {{0, 0, 400, 200}, HAlign::left, VAlign::top, false, true});
        // frame 1 + spacing 2 + (border 1 + padding 3 + text + 3 + 1) + 2 + (...) + 2 + frame 1
        const double expect = 1 + 2 + 8 + width("one", 12) + 2 + 8 + width("two three", 12) + 2 + 1;
        const TextRun* two = run_of(placed, "two three");
        REQUIRE(two);
        CHECK(two->x == Approx(1 + 2 + 8 + width("one", 12) + 2 + 4));
        const double table_h = 1 + 2 + 8 + 12 * 1.2 + 2 + 1;
        const TextRun* after = run_of(placed, "after");
        REQUIRE(after);
        CHECK(after->y == Approx(table_h + 12 * 1.2 - 3));
        const auto grey = boxes(placed, "#808080");  // the frame and the cells' borders
        CHECK(covers(grey, expect - 0.5, table_h / 2));
        CHECK_FALSE(covers(grey, expect + 0.5, table_h / 2));
        CHECK(covers(grey, 3.5, table_h / 2));  // the first cell's left border, after frame and spacing
        CHECK_FALSE(covers(grey, 2, table_h / 2));
    }

    SECTION("rows asking for a percentage of the table's height get it, the text keeps its own") {
        // The lean mapping template's process boxes: a title row of height 0 % and a 100 % row below it.
        const auto label = parse_label(
            "<table style=\"width: 100%; height: 100%;\" cellspacing=\"0\" cellpadding=\"0\"><tbody><tr><td "
            "height=\"0%\">Machine</td></tr><tr><td align=\"center\" height=\"100%\">&nbsp;</td></tr></tbody>"
            "</table>",
            true, base);
        LabelPlacement place{{10, 20, 100, 70}, HAlign::center, VAlign::top, false, true};
        place.fill = true;
        const PlacedLabel placed = place_label(label, place);
        const TextRun* title = run_of(placed, "Machine");
        REQUIRE(title);
        CHECK(title->y == Approx(20 + 12 * 1.2 - 3));
        CHECK(title->x == Approx(10 + (100 - width("Machine", 12)) / 2));
    }
}

TEST_CASE("a table with align=center or auto margins sits in the middle of its block", "[render]") {
    Font base;
    for (const std::string attrs : {"align=\"center\"", "style=\"margin: 0 auto\""}) {
        CAPTURE(attrs);
        const auto label = parse_label(
            "<table " + attrs + " cellspacing=\"0\" cellpadding=\"0\"><tr><td>ab</td></tr></table>", true,
            base);
        LabelPlacement place{{0, 0, 200, 50}, HAlign::left, VAlign::top, false, true};
        place.fill = true;
        const PlacedLabel placed = place_label(label, place);
        const TextRun* ab = run_of(placed, "ab");
        REQUIRE(ab);
        CHECK(ab->x == Approx((200 - width("ab", 12)) / 2));
    }
}

TEST_CASE("hostile table labels stay bounded", "[render]") {
    Font base;
    SECTION("tables nested a thousand deep: the deep ones are read as text, nothing recurses that far") {
        std::string html;
        for (int i = 0; i < 1000; ++i) html += "<table><tr><td>";
        html += "core";
        for (int i = 0; i < 1000; ++i) html += "</td></tr></table>";
        const auto label = parse_label(html, true, base);
        REQUIRE(label.size() == 1);
        REQUIRE(label[0].table);
        const auto placed = place_label(label, {{0, 0, 100, 100}, HAlign::left, VAlign::top, false, true});
        CHECK(run_of(placed, "core"));
    }
    SECTION("thousands of rows of a thousand columns: the grid is cut, not allocated") {
        std::string html = "<table>";
        for (int i = 0; i < 5000; ++i) html += "<tr><td colspan=\"100000\">r</td></tr>";
        html += "</table>";
        const auto label = parse_label(html, true, base);
        REQUIRE(label.size() == 1);
        REQUIRE(label[0].table);
        CHECK(label[0].table->rows.size() == 5000);
        const auto placed = place_label(label, {{0, 0, 100, 100}, HAlign::left, VAlign::top, false, true});
        CHECK(placed.runs.size() == 100);  // 100000 slots: 100 rows of 1000 columns
    }
}

TEST_CASE("an overflow=fill label fills its shape, spacing left out, as draw.io's", "[render]") {
    diagram::Page page = diagram::make_page("p", "P");
    diagram::Cell c;
    c.id = "t";
    c.parent = "1";
    c.vertex = true;
    c.kind = diagram::CellKind::vertex;
    c.style = diagram::Style::parse("text;html=1;overflow=fill;");
    c.value =
        "<table style=\"width:100%;height:100%;border-collapse:collapse\"><tr><td style=\"background-color:"
        "#eaf2d3\">a</td></tr></table>";
    diagram::Geometry g;
    g.bounds = {40, 30, 200, 80};
    c.geometry = g;
    page.cells.push_back(c);
    const Scene scene = render_page(page);
    std::optional<Rect> cell;
    for (const auto& item : scene.drawing.items)
        if (auto* p = std::get_if<Path>(&item); p && p->fill && p->fill->hex() == "#eaf2d3")
            cell = p->bounds();
    REQUIRE(cell);
    CHECK(cell->x == Approx(40));
    CHECK(cell->y == Approx(30));
    CHECK(cell->width == Approx(200));
    CHECK(cell->height == Approx(80));

    // Without any text the table's colours are still drawn.
    page.cells.back().value =
        "<table style=\"width:100%\"><tr><td style=\"background-color:#eaf2d3\"></td></tr></table>";
    const Scene empty = render_page(page);
    CHECK(std::any_of(empty.drawing.items.begin(), empty.drawing.items.end(), [](const auto& item) {
        auto* p = std::get_if<Path>(&item);
        return p && p->fill && p->fill->hex() == "#eaf2d3";
    }));
}
