// discover -o: the observed journey is placed by the layered layout (core/layout), not a plain grid.
#include <catch2/catch.hpp>

#include <map>

#include "core/diagram/page_index.hpp"
#include "core/eventlog/observed_map.hpp"

using namespace jstudio;
using namespace jstudio::eventlog;

namespace {
constexpr std::int64_t hour = 3600LL * 1000000;
EventLog make_log(std::vector<std::vector<std::string>> cases) {
    EventLog log;
    for (auto& events : cases) {
        Case c;
        c.id = "c" + std::to_string(log.cases.size());
        int t = 0;
        for (auto& act : events) c.events.push_back({t++ * hour, log.activity_id(act), true});
        log.cases.push_back(std::move(c));
    }
    return log;
}
}  // namespace

TEST_CASE("observed_map: layered placement, no overlaps, routed edges", "[core][eventlog][observed]") {
    // Visit -> Signup -> Trial -> Paid, some skip the trial, one goes back from Trial to Signup.
    const auto log = make_log({{"Visit", "Signup", "Trial", "Paid"},
                               {"Visit", "Signup", "Paid"},
                               {"Visit", "Signup", "Trial", "Signup", "Trial"},
                               {"Visit", "Signup", "Trial", "Paid"}});
    const auto found = discover(log);
    const auto doc = observed_map(log, found);
    REQUIRE(doc.pages.size() == 1);
    const auto& page = doc.pages.front();
    const diagram::PageIndex idx(page);
    std::map<std::string, diagram::Rect> box;
    for (const auto& c : page.cells)
        if (c.kind == diagram::CellKind::vertex) box[c.data("stage")] = *idx.absolute_bounds(c.id);
    REQUIRE(box.size() == 4);
    // Top to bottom in journey order; the back edge Trial -> Signup does not change the layering.
    CHECK(box["Visit"].bottom() < box["Signup"].y);
    CHECK(box["Signup"].bottom() < box["Trial"].y);
    CHECK(box["Trial"].bottom() < box["Paid"].y);
    for (const auto& [a, ra] : box)
        for (const auto& [b, rb] : box)
            if (a < b)
                CHECK(
                    (ra.right() <= rb.x || rb.right() <= ra.x || ra.bottom() <= rb.y || rb.bottom() <= ra.y));
    std::size_t edges = 0, routed = 0;
    for (const auto& c : page.cells)
        if (c.kind == diagram::CellKind::edge) {
            ++edges;
            const auto& st = c.style_or_empty();
            if (st.get("exitX") || (c.geometry && !c.geometry->waypoints.empty())) ++routed;
        }
    CHECK(edges == found.edges.size());
    CHECK(routed > 0);  // the layout set ports or waypoints: the drawing is not the plain grid
}
