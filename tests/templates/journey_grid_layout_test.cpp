// Layout of journey maps (core/layout/journey_grid_layout) on the four templates as journey_draw draws them,
// on a map with long card texts, and through layout_page (what `journey layout` and the plugin call).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_draw.hpp"
#include "core/journey/journey_read.hpp"
#include "core/layout/diagram_layout.hpp"
#include "core/layout/journey_grid_layout.hpp"
#include "core/layout/journey_router.hpp"
#include "core/render/label_text.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/template_library.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using diagram::Point;
using diagram::Rect;

namespace {

const std::vector<std::string> template_names = {"current-state", "day-in-the-life", "future-state",
                                                 "service-blueprint"};

journey::JourneyMap load(const std::string& name) {
    auto info = templates::find_template(templates::template_search_path(), name);
    REQUIRE(info);
    auto map = templates::load_template(info->file);
    REQUIRE(map);
    journey::assign_cell_ids(*map);
    return std::move(*map);
}

// The page exactly as journey_draw draws it, before any layout.
diagram::Page drawn(const journey::JourneyMap& map) {
    return journey::draw_map(map, "journey-1", "Journey map");
}

std::string written(const diagram::Page& page) {
    diagram::Document doc = diagram::make_document();
    doc.pages.front() = page;
    auto xml = exporters::write_drawio(doc);
    REQUIRE(xml);
    return *xml;
}

diagram::Page reread(const diagram::Page& page) {
    auto back = importers::read_drawio(written(page), "map.drawio");
    REQUIRE(back);
    return back->document.pages.front();
}

bool is_card(const diagram::Cell& c) {
    return journey::is_step_role(c.data("journey-role"));
}

Rect extent(const diagram::Page& page) {
    diagram::PageIndex index(page);
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& c : page.cells) {
        if (c.kind != diagram::CellKind::vertex) continue;
        auto b = index.absolute_bounds(c.id);
        if (!b) continue;
        x0 = std::min(x0, b->x), y0 = std::min(y0, b->y), x1 = std::max(x1, b->right()),
        y1 = std::max(y1, b->bottom());
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.right() - 0.01 && b.x < a.right() - 0.01 && a.y < b.bottom() - 0.01 &&
           b.y < a.bottom() - 0.01;
}

// An edge as draw.io draws it when its route is fixed: the exit point on the source, the waypoints, the entry
// point on the target (empty when an end has no fixed point).
std::vector<Point> fixed_route(const diagram::PageIndex& index, const diagram::Cell& e) {
    const auto& style = e.style_or_empty();
    auto s = index.absolute_bounds(e.source), t = index.absolute_bounds(e.target);
    if (!s || !t || !style.get("exitX") || !style.get("entryX")) return {};
    std::vector<Point> out;
    out.push_back(
        {s->x + style.number("exitX", 0.5) * s->width, s->y + style.number("exitY", 0.5) * s->height});
    for (const auto& p : e.geometry->waypoints) out.push_back(p);
    out.push_back(
        {t->x + style.number("entryX", 0.5) * t->width, t->y + style.number("entryY", 0.5) * t->height});
    return out;
}

// The box of an edge's label as draw.io places it: the point at (x + 1) / 2 of the route's length, plus the
// offset, the label's size round it.
std::optional<Rect> label_box(const diagram::Cell& e, const std::vector<Point>& route) {
    const auto& style = e.style_or_empty();
    render::Font font;
    font.size = style.number("fontSize", 11);
    const auto paragraphs = render::parse_label(e.label(), e.is_html_label(), font);
    if (render::plain_text(paragraphs).find_first_not_of(" \t\n") == std::string::npos) return std::nullopt;
    const auto size = render::place_label(paragraphs, {}).bounds;
    double total = 0;
    for (std::size_t i = 1; i < route.size(); ++i)
        total += std::hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
    double want = (e.geometry->bounds.x + 1) / 2 * total;
    Point at = route.front();
    for (std::size_t i = 1; i < route.size(); ++i) {
        const double length = std::hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
        if (want <= length || i + 1 == route.size()) {
            const double f = length > 0 ? std::min(1.0, want / length) : 0;
            at = {route[i - 1].x + (route[i].x - route[i - 1].x) * f,
                  route[i - 1].y + (route[i].y - route[i - 1].y) * f};
            break;
        }
        want -= length;
    }
    if (e.geometry->offset) at.x += e.geometry->offset->x, at.y += e.geometry->offset->y;
    return Rect{at.x - size.width / 2, at.y - size.height / 2, size.width, size.height};
}

struct Placement {
    std::string stage, lane;
    std::optional<double> emotion;
    bool operator==(const Placement&) const = default;
};

std::map<std::string, Placement> placements(const diagram::Page& page) {
    auto map = journey::read_journey(page);
    REQUIRE(map);
    std::map<std::string, Placement> out;
    for (auto s : map->graph.steps()) {
        const auto& st = map->graph.step(s);
        REQUIRE(st.stage >= 0);
        REQUIRE(st.lane >= 0);
        std::optional<double> emotion;
        if (map->lanes[static_cast<std::size_t>(st.lane)].kind == journey::LaneKind::emotions)
            emotion = st.emotion;
        out[st.id] = {map->stages[static_cast<std::size_t>(st.stage)].id,
                      map->lanes[static_cast<std::size_t>(st.lane)].id, emotion};
    }
    return out;
}

// Everything the acceptance asks of a laid-out journey map.
void check_laid_out(const diagram::Page& before, const diagram::Page& after) {
    // Every step keeps its stage and lane (and emotion score).
    const auto was = placements(before), now = placements(after);
    REQUIRE(now.size() == was.size());
    for (const auto& [id, place] : was) {
        INFO("step " << id);
        REQUIRE(now.count(id));
        CHECK(now.at(id) == place);
    }
    diagram::PageIndex index(after);
    std::vector<std::pair<std::string, Rect>> cards;
    for (const auto& c : after.cells)
        if (is_card(c)) cards.push_back({c.id, *index.absolute_bounds(c.id)});
    // No two cards overlap.
    for (std::size_t i = 0; i < cards.size(); ++i)
        for (std::size_t j = i + 1; j < cards.size(); ++j) {
            INFO(cards[i].first << " and " << cards[j].first);
            CHECK_FALSE(overlap(cards[i].second, cards[j].second));
        }
    // Every transition has a fixed route that enters no card, and its label covers no card and no label.
    std::vector<std::pair<std::string, Rect>> labels;
    int transitions = 0;
    for (const auto& e : after.cells) {
        if (e.data("journey-role") != "transition") continue;
        ++transitions;
        INFO("transition " << e.id);
        const auto route = fixed_route(index, e);
        REQUIRE(route.size() >= 2);
        for (std::size_t k = 1; k < route.size(); ++k) {
            CHECK((std::abs(route[k].x - route[k - 1].x) < 0.01 ||
                   std::abs(route[k].y - route[k - 1].y) < 0.01));
            for (const auto& [id, box] : cards) {
                INFO("segment " << k << " and card " << id);
                CHECK_FALSE(layout::segment_enters(route[k - 1], route[k], box, 1));
            }
        }
        if (auto box = label_box(e, route)) {
            for (const auto& [id, card] : cards) {
                INFO("label over card " << id);
                CHECK_FALSE(overlap(*box, card));
            }
            for (const auto& [id, other] : labels) {
                INFO("label over the label of " << id);
                CHECK_FALSE(overlap(*box, other));
            }
            labels.push_back({e.id, *box});
        }
    }
    CHECK(transitions > 0);
    // Emotion curves join emotion cards.
    for (const auto& e : after.cells) {
        if (e.data("journey-role") != "emotion-curve") continue;
        CHECK(after.cells[*index.position(e.source)].data("journey-role") == "emotion");
        CHECK(after.cells[*index.position(e.target)].data("journey-role") == "emotion");
    }
}

}  // namespace

TEST_CASE("journey layout re-flows the grid of every template", "[layout][journey]") {
    for (const auto& name : template_names) {
        DYNAMIC_SECTION(name) {
            const auto map = load(name);
            const diagram::Page before = drawn(map);
            diagram::Page page = before;
            auto report = layout::layout_journey_map(page);
            REQUIRE(report);
            CHECK(report->unrouted == 0);
            CHECK(report->labels_blocked == 0);
            CHECK(report->steps == static_cast<int>(map.graph.step_count()));
            const diagram::Page after = reread(page);
            check_laid_out(before, after);

            // The area grows little (the label bands and routes take some room), and never shrinks much.
            const Rect a = extent(before), b = extent(after);
            INFO(name << ": " << a.width << "x" << a.height << " -> " << b.width << "x" << b.height);
            CHECK(b.width * b.height <= 1.15 * a.width * a.height);
            CHECK(b.width * b.height >= 0.85 * a.width * a.height);

            // Twice gives the same file, byte for byte; so does laying out what `journey new` wrote.
            diagram::Page again = page;
            REQUIRE(layout::layout_journey_map(again));
            CHECK(written(again) == written(page));
            diagram::Page from_file = after;
            REQUIRE(layout::layout_journey_map(from_file));
            CHECK(written(from_file) == written(after));
        }
    }
}

TEST_CASE("journey new writes a laid-out map: the template defects are gone", "[layout][journey]") {
    for (const auto& name : template_names) {
        DYNAMIC_SECTION(name) {
            const auto map = load(name);
            const diagram::Page page = reread(templates::journey_document(map).pages.front());
            check_laid_out(reread(drawn(map)), page);
            diagram::Page again = page;
            REQUIRE(layout::layout_journey_map(again));
            CHECK(written(again) == written(page));
        }
    }
    SECTION("current-state: the two transitions between 'a3' and 'a4' run apart, both labels show") {
        const auto map = load("current-state");
        const diagram::Page page = reread(templates::journey_document(map).pages.front());
        diagram::PageIndex index(page);
        const auto* there = index.find("jm-t-a3-a4");
        const auto* back = index.find("jm-t-a4-a3");
        REQUIRE(there);
        REQUIRE(back);
        const auto r1 = fixed_route(index, *there), r2 = fixed_route(index, *back);
        REQUIRE(r1.size() >= 2);
        REQUIRE(r2.size() >= 2);
        // No stretch of one lies on a stretch of the other.
        for (std::size_t i = 1; i < r1.size(); ++i)
            for (std::size_t j = 1; j < r2.size(); ++j) {
                const bool h1 = std::abs(r1[i].y - r1[i - 1].y) < 0.01,
                           h2 = std::abs(r2[j].y - r2[j - 1].y) < 0.01;
                if (h1 != h2) continue;
                const double line1 = h1 ? r1[i].y : r1[i].x, line2 = h2 ? r2[j].y : r2[j].x;
                if (std::abs(line1 - line2) > 0.5) continue;
                auto span = [&](Point p, Point q) {
                    return h1 ? std::pair{std::min(p.x, q.x), std::max(p.x, q.x)}
                              : std::pair{std::min(p.y, q.y), std::max(p.y, q.y)};
                };
                const auto s1 = span(r1[i - 1], r1[i]), s2 = span(r2[j - 1], r2[j]);
                CHECK(std::min(s1.second, s2.second) - std::max(s1.first, s2.first) <= 0.5);
            }
        auto b1 = label_box(*there, r1), b2 = label_box(*back, r2);
        REQUIRE(b1);
        REQUIRE(b2);
        CHECK_FALSE(overlap(*b1, *b2));
    }
}

TEST_CASE("long card texts widen their stage's column", "[layout][journey]") {
    auto map = load("current-state");
    const std::string long_text =
        "The customer compares delivery options across three tabs, reads the returns policy twice, asks a "
        "friend on chat whether the size runs small, checks the loyalty points balance, and only then comes "
        "back to the basket, by which time the session has expired and the basket is empty again";
    std::string stage_id;
    for (auto s : map.graph.steps()) {
        auto& st = map.graph.step(s);
        if (st.id == "a2") {
            st.label = long_text;
            stage_id = map.stages[static_cast<std::size_t>(st.stage)].id;
        }
    }
    REQUIRE_FALSE(stage_id.empty());
    const diagram::Page before = drawn(map);
    diagram::Page page = before;
    REQUIRE(layout::layout_journey_map(page));
    const diagram::Page after = reread(page);
    check_laid_out(before, after);
    diagram::PageIndex index(after), old_index(before);
    const auto column = index.absolute_bounds("jm-stage-" + stage_id);
    const auto old_column = old_index.absolute_bounds("jm-stage-" + stage_id);
    REQUIRE(column);
    CHECK(column->width > old_column->width + 20);
    // The card is no taller than six lines of text (and a channel tag).
    const auto card = index.absolute_bounds("jm-step-a2");
    REQUIRE(card);
    CHECK(card->height <= 6 * 14.4 + 16 + 22 + 1);
    // Other columns keep the default width.
    for (const auto& st : map.stages) {
        if (st.id == stage_id) continue;
        CHECK(index.absolute_bounds("jm-stage-" + st.id)->width == Approx(224));
    }
    diagram::Page again = page;
    REQUIRE(layout::layout_journey_map(again));
    CHECK(written(again) == written(page));
}

TEST_CASE("layout_page lays out a journey map as a grid, never layered", "[layout][journey]") {
    const auto map = load("service-blueprint");
    const diagram::Page before = drawn(map);
    diagram::Page page = before;
    layout::DiagramLayoutOptions options;
    options.direction_from_lanes = true;
    auto report = layout::layout_page(page, options);
    REQUIRE(report);
    CHECK(report->nodes == static_cast<int>(map.graph.step_count()));
    CHECK(report->flow == layout::Flow::left_to_right);
    diagram::Page direct = before;
    REQUIRE(layout::layout_journey_map(direct));
    CHECK(written(page) == written(direct));
    check_laid_out(before, reread(page));
}

TEST_CASE("the journey maps of the corpus go through layout_page", "[layout][journey][corpus]") {
    auto dir = test::corpus_dir("drawio");
    if (!dir) return test::corpus_missing("drawio");
    for (const char* file :
         {"AbdullahSafwan__gpu_saviors-be/customer_journey.drawio",
          "jgraph__drawio-diagrams/blog__job-map.drawio", "jgraph__drawio-diagrams/blog__story-map.drawio"}) {
        DYNAMIC_SECTION(file) {
            auto read = importers::read_drawio_file((*dir / file).string());
            REQUIRE(read);
            for (auto& page : read->document.pages) {
                // Drawn by hand, without journey metadata: not read as journey maps, so the generic layout
                // takes them (see the report of issue 15).
                CHECK_FALSE(layout::looks_like_journey_map(page));
                diagram::Page copy = page;
                CHECK(layout::layout_page(copy, {}));
            }
        }
    }
}
