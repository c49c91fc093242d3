#include <catch2/catch.hpp>

#include <random>

#include "core/diagram/cell_delta.hpp"

using namespace jstudio::diagram;

namespace {

Cell box(const std::string& id, double x = 0) {
    Cell c;
    c.id = id;
    c.parent = "1";
    c.kind = CellKind::vertex;
    c.vertex = true;
    c.geometry = Geometry{};
    c.geometry->bounds = {x, 0, 80, 40};
    return c;
}

Page page_of(const std::vector<std::string>& ids) {
    Page page = make_page("p", "P");
    for (const auto& id : ids) page.cells.push_back(box(id));
    return page;
}

std::vector<std::string> ids_of(const std::vector<Cell>& cells) {
    std::vector<std::string> out;
    for (const auto& c : cells) out.push_back(c.id);
    return out;
}

// Replays forwards and back and checks both ends are reached exactly.
void check_round_trip(const Page& before, const Page& after) {
    const auto deltas = diff_cells(before, after);
    auto cells = before.cells;
    REQUIRE(apply_cell_deltas(cells, deltas, false));
    CHECK(ids_of(cells) == ids_of(after.cells));
    CHECK(cells == after.cells);
    REQUIRE(apply_cell_deltas(cells, deltas, true));
    CHECK(cells == before.cells);
}

}  // namespace

TEST_CASE("diff_cells records only what changed", "[core][diagram]") {
    const Page before = page_of({"a", "b", "c"});
    SECTION("nothing changed") {
        CHECK(diff_cells(before, before).empty());
    }
    SECTION("a moved cell is one replacement in place") {
        Page after = before;
        after.cells[3].geometry->bounds.x = 50;  // "b" (cells 0 and 1 are the root and the layer)
        const auto deltas = diff_cells(before, after);
        REQUIRE(deltas.size() == 1);
        CHECK(deltas[0].id == "b");
        CHECK(deltas[0].before->geometry->bounds.x == 0);
        CHECK(deltas[0].after->geometry->bounds.x == 50);
        check_round_trip(before, after);
    }
    SECTION("added cells go where they stand, removed ones come back where they stood") {
        Page after = page_of({"x", "a", "c", "y", "z"});
        const auto deltas = diff_cells(before, after);
        REQUIRE(deltas.size() == 4);
        CHECK(deltas[0].id == "b");
        CHECK_FALSE(deltas[0].after);
        CHECK(deltas[0].position == 3);
        CHECK(deltas[1].id == "x");
        CHECK(deltas[1].position == 2);
        CHECK(deltas[3].id == "z");
        CHECK(deltas[3].position == 6);
        check_round_trip(before, after);
    }
    SECTION("a cell brought to the front is removed and added again") {
        Page after = page_of({"b", "c", "a"});
        const auto deltas = diff_cells(before, after);
        REQUIRE(deltas.size() == 2);
        CHECK(deltas[0].id == "a");
        CHECK_FALSE(deltas[0].after);
        CHECK(deltas[1].id == "a");
        CHECK_FALSE(deltas[1].before);
        check_round_trip(before, after);
    }
}

TEST_CASE("diff_cells round-trips random edits", "[core][diagram]") {
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::string> ids;
        for (int i = 0; i < 12; ++i) ids.push_back("c" + std::to_string(i));
        const Page before = page_of(ids);
        Page after = before;
        auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
        for (int edit = 0, edits = static_cast<int>(pick(6)) + 1; edit < edits; ++edit) {
            auto& cells = after.cells;
            switch (pick(4)) {
                case 0:  // remove
                    if (cells.size() > 2)
                        cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(2 + pick(cells.size() - 2)));
                    break;
                case 1:  // add
                    cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(2 + pick(cells.size() - 1)),
                                 box("n" + std::to_string(round) + "_" + std::to_string(edit)));
                    break;
                case 2:  // move
                    if (cells.size() > 2) cells[2 + pick(cells.size() - 2)].geometry->bounds.x += 10;
                    break;
                default:  // reorder
                    if (cells.size() > 3) {
                        const auto from = 2 + pick(cells.size() - 2);
                        Cell c = cells[from];
                        cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(from));
                        cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(2 + pick(cells.size() - 1)),
                                     c);
                    }
            }
        }
        INFO("round " << round);
        check_round_trip(before, after);
    }
}
