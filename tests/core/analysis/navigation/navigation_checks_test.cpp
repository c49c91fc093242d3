// One section per rule, each on its own hand-made page in tests/data/navigation, with exact findings.
#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "core/page/page_reading.hpp"
#include "tests/core/analysis/navigation/nav_test_support.hpp"

#include <algorithm>

using namespace jstudio::analysis::navigation;
using namespace jstudio::analysis::navigation::test;

TEST_CASE("a clean flow has no findings from any rule") {
    const auto report = run_checks(load_page("clean"), CheckConfig::defaults());
    CHECK(report.screens == 4);
    CHECK(report.links == 4);
    CHECK(summary(report.findings).empty());
}

TEST_CASE("find_unreachable") {
    const NavGraph g = build_nav_graph(load_page("unreachable"));
    const auto found = find_unreachable(g, settings("unreachable"));
    // Basket starts the unreachable part: the link comes from the nearest reachable screen.
    CHECK(summary(found) ==
          Lines{"unreachable error basket -> account basket", "unreachable error checkout"});
    CHECK(found[0].message ==
          "'Basket' cannot be reached: no path leads there from 'Start'; add a link from 'Account'");
}

TEST_CASE("find_dead_ends") {
    const NavGraph g = build_nav_graph(load_page("dead_end"));
    const auto found = find_dead_ends(g, settings("dead-end"));
    CHECK(summary(found) == Lines{"dead-end warning details -> details results"});
    CHECK(found[0].message.find("'Details' is a dead end") == 0);
}

TEST_CASE("find_no_way_back") {
    SECTION("a site map: Legal and Imprint cannot lead back home") {
        const NavGraph g = build_nav_graph(load_page("no_way_back"));
        CHECK(summary(find_no_way_back(g, settings("no-way-back"))) ==
              Lines{"no-way-back info legal -> legal home", "no-way-back info imprint -> imprint home"});
    }
    SECTION("a flow from a start node has no home to go back to") {
        const NavGraph g = build_nav_graph(load_page("dead_end"));
        CHECK(find_no_way_back(g, settings("no-way-back")).empty());
    }
}

TEST_CASE("find_one_way_links") {
    const NavGraph g = build_nav_graph(load_page("one_way"));
    SECTION(
        "most links go both ways: the one-way link with no way back is reported, not the one into a dead "
        "end") {
        const auto found = find_one_way_links(g, settings("one-way-link"));
        CHECK(summary(found) == Lines{"one-way-link info e4 b c -> c b"});
        CHECK(found[0].message.find("The link from 'Service' to 'Contact' goes one way only") == 0);
    }
    SECTION("below the share of two-way links, one-way links are expected") {
        RuleSettings s = settings("one-way-link");
        s.threshold = 0.9;  // 4 of 6 links go both ways
        CHECK(find_one_way_links(g, s).empty());
    }
}

TEST_CASE("find_too_deep") {
    const NavGraph g = build_nav_graph(load_page("too_deep"));
    RuleSettings s = settings("too-deep");
    CHECK(summary(find_too_deep(g, s)) == Lines{"too-deep info s4 -> s s4", "too-deep info x -> s x"});
    CHECK(find_too_deep(g, s)[0].message == "'Step 4' is 4 clicks from 'Start' (more than 3)");
    s.threshold = 4;
    CHECK(summary(find_too_deep(g, s)) == Lines{"too-deep info x -> s x"});
}

TEST_CASE("find_orphans: text, notes and lanes are not screens") {
    const NavGraph g = build_nav_graph(load_page("orphans"));
    CHECK(summary(find_orphans(g, settings("orphan"))) ==
          Lines{"orphan warning lonely", "orphan warning inlane"});
}

TEST_CASE("find_orphans: backdrops are not screens") {
    const auto page = load_page("backdrops");
    const NavGraph g = build_nav_graph(page);
    SECTION("title bars, tiled headers, panels behind linked pages and separator lines are left out") {
        CHECK(summary(find_orphans(g, settings("orphan"))) == Lines{"orphan warning lonely"});
        CHECK(g.screen_count() == 3);
    }
    SECTION("a free line lying on one shape is part of its drawing, not a loose link") {
        CHECK(find_loose_edges(page, g, settings("loose-edge")).empty());
    }
}

TEST_CASE("find_orphans: a page without links gets one finding, not one per shape") {
    const auto found = find_orphans(build_nav_graph(load_page("no_links")), settings("orphan"));
    REQUIRE(summary(found) == Lines{"orphan warning"});
    CHECK(found[0].message.find("3 shapes, 0 attached arrows") != std::string::npos);
}

TEST_CASE("find_traps: a closed loop and a screen linking only to itself") {
    const NavGraph g = build_nav_graph(load_page("trap"));
    const auto found = find_traps(g, settings("trap"));
    CHECK(summary(found) == Lines{"trap error b c -> b x", "trap error d -> d x"});
    CHECK(found[0].message.find("Users who reach 'Compare', 'Details' can only go round") == 0);
}

TEST_CASE("find_bottlenecks: the dominators every exit shares") {
    const NavGraph g = build_nav_graph(load_page("bottleneck"));
    CHECK(summary(find_bottlenecks(g, settings("bottleneck"))) ==
          Lines{"bottleneck info a", "bottleneck info c"});
    SECTION("none on the clean flow with two ways through") {
        CHECK(find_bottlenecks(build_nav_graph(load_page("clean")), settings("bottleneck")).empty());
    }
}

TEST_CASE("find_weak_decisions: distinct ways out count") {
    const NavGraph g = build_nav_graph(load_page("weak_decision"));
    const auto found = find_weak_decisions(g, settings("weak-decision"));
    CHECK(summary(found) == Lines{"weak-decision warning d1", "weak-decision warning d3"});
    CHECK(found[0].message == "The decision 'Logged in?' has 1 way out; a decision needs at least 2");
}

TEST_CASE("find_loose_edges") {
    const auto page = load_page("loose_edges");
    const NavGraph g = build_nav_graph(page);
    const auto found = find_loose_edges(page, g, settings("loose-edge"));
    CHECK(summary(found) == Lines{"loose-edge warning e1 b -> a b", "loose-edge warning e2",
                                  "loose-edge warning e3", "loose-edge warning e4 c b -> c b"});
    CHECK(found[0].message.find("An arrow from 'Cart' to 'Pay' looks connected but is not") == 0);
    CHECK(found[1].message == "An arrow is not attached to any shape at either end");
    CHECK(found[2].message == "An arrow from 'Cart' points at nothing: its end is not attached to any shape");
    REQUIRE(found[0].markers.size() == 1);
    CHECK(found[0].markers[0] == jstudio::diagram::Point{300, 25});
    SECTION("the distance that counts as near is the threshold") {
        RuleSettings s = settings("loose-edge");
        s.threshold = 0;  // e4's target is 5 px below Pay
        CHECK(summary(find_loose_edges(page, g, s))[3] == "loose-edge warning e4 c");
    }
}

TEST_CASE("find_steps_on_arrows: a step dropped on an arrow that still joins its old ends") {
    // customer_journey: 'in queue' was dropped on the arrow from 'confirm delivery' to 'resolution'. A label
    // drawn as a small box on an arrow ('REST') and a shape the arrow only clips off its centre are not
    // steps.
    const auto page = load_page("steps_on_arrows");
    const NavGraph g = build_nav_graph(page);
    const jstudio::page::PageReading reading(page);
    const auto found = find_steps_on_arrows(reading, g, settings("step-on-arrow"));
    REQUIRE(summary(found) == Lines{"step-on-arrow warning queue e1 -> confirm queue"});
    CHECK(
        found[0].message ==
        "'In queue' is drawn on the arrow from 'Confirm delivery' to 'Resolution' but is not linked: the "
        "arrow "
        "runs under it, so no path passes 'In queue'. To put it in the flow, link 'Confirm delivery' to 'In "
        "queue' and 'In queue' to 'Resolution'; else move it off the arrow");
    REQUIRE(found[0].markers.size() == 1);
    CHECK(found[0].markers[0] == jstudio::diagram::Point{60, 130});
    SECTION("run by run_checks with the other rules") {
        const auto report = run_checks(page, CheckConfig::defaults());
        CHECK(std::count_if(report.findings.begin(), report.findings.end(),
                            [](const Finding& f) { return f.rule == "step-on-arrow"; }) == 1);
    }
}

TEST_CASE("run_checks: disabled rules are skipped, severities come from the config") {
    CheckConfig config = CheckConfig::defaults();
    config.rules["too-deep"].enabled = false;
    config.rules["bottleneck"].enabled = false;
    config.rules["no-way-back"].enabled = false;
    config.rules["dead-end"].severity = Severity::error;
    const auto report = run_checks(load_page("shop_checkout"), config);
    CHECK(summary(report.findings) == Lines{"unreachable error wishlist -> product wishlist",
                                            "dead-end error inbox -> inbox reset",
                                            "loose-edge warning e13 shipping -> account shipping",
                                            "one-way-link info e10 signin reset -> reset signin"});
    SECTION("suggestions name their screens' positions in the page, entries and exits their labels") {
        const auto page = load_page("shop_checkout");
        REQUIRE(report.findings[0].suggestion);
        const auto& link = *report.findings[0].suggestion;
        REQUIRE(link.from_position < page.cells.size());
        REQUIRE(link.to_position < page.cells.size());
        CHECK(page.cells[link.from_position].id == "product");
        CHECK(page.cells[link.to_position].id == "wishlist");
        REQUIRE(!report.entries.empty());
        for (const auto& e : report.entries) CHECK(!e.label.empty());
    }
}
