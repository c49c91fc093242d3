#include "core/analysis/navigation/build_nav_graph.hpp"

#include <algorithm>

#include "tests/core/analysis/navigation/nav_test_support.hpp"

using namespace jstudio::analysis::navigation;
using namespace jstudio::analysis::navigation::test;

namespace {

std::vector<std::string> successor_ids(const NavGraph& g, std::string_view id) {
    std::vector<std::string> out;
    for (ScreenId s : g.successors(*g.find(id))) out.push_back(g.screen(s).cell_id);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> ids(const NavGraph& g, const std::vector<ScreenId>& list) {
    std::vector<std::string> out;
    for (ScreenId s : list) out.push_back(g.screen(s).cell_id);
    return out;
}

}  // namespace

TEST_CASE("build_nav_graph: screens, arrow directions, ports, marked entries and exits") {
    const auto page = load_page("direction");
    const NavGraph g = build_nav_graph(page);
    SECTION("screens skip layers, groups, edge labels and ports") {
        std::vector<std::string> screens;
        for (std::uint32_t v = 0; v < g.screen_count(); ++v) screens.push_back(g.screen(ScreenId{v}).cell_id);
        CHECK(screens == Lines{"a", "b", "c", "d", "g1", "u", "v"});
    }
    SECTION("an end arrow goes forwards, no arrows or two go both ways, a start arrow alone goes backwards") {
        CHECK(successor_ids(g, "a") == Lines{"b", "d"});
        CHECK(successor_ids(g, "b") == Lines{"c"});
        CHECK(successor_ids(g, "c") == Lines{"b", "d"});
        CHECK(successor_ids(g, "d") == Lines{"c"});
        CHECK(successor_ids(g, "g1") == Lines{"d"});  // glued to a port of d
    }
    SECTION("entry=\"1\" and exit=\"true\" on the UserObject win over detection") {
        CHECK(ids(g, g.entries()) == Lines{"u"});
        CHECK(ids(g, g.exits()) == Lines{"v"});
        CHECK(g.screen(*g.find("u")).label == "Entry screen");
    }
    SECTION("entries and exits given as options, by id or label") {
        const NavGraph h = build_nav_graph(page, BuildOptions{{"b", "c"}, {"A"}});
        CHECK(ids(h, h.entries()) == Lines{"b", "c"});
        CHECK(ids(h, h.exits()) == Lines{"a"});
    }
}

TEST_CASE("build_nav_graph: detected entries and exits") {
    SECTION("start and end shapes") {
        const NavGraph g = build_nav_graph(load_page("dead_end"));
        CHECK(ids(g, g.entries()) == Lines{"s"});
        CHECK(ids(g, g.exits()) == Lines{"x"});
        CHECK(g.screen(*g.find("details")).label == "Details");  // HTML stripped
    }
    SECTION("a rounded shape labelled Home is the entry; no sink means no exit") {
        const NavGraph g = build_nav_graph(load_page("no_way_back"));
        CHECK(ids(g, g.entries()) == Lines{"home"});
        CHECK(g.exits().empty());
    }
    SECTION("no start shape: the screens with no way in; no end shape: the screens with no way on") {
        const NavGraph g = build_nav_graph(load_page("loose_edges"));
        CHECK(ids(g, g.entries()) == Lines{"c"});
        CHECK(ids(g, g.exits()) == Lines{"d"});
    }
}

TEST_CASE("plain_label strips HTML and decodes entities") {
    CHECK(plain_label("<b>Sign&nbsp;in</b><br>now &amp; later", true) == "Sign in now & later");
    CHECK(plain_label("a <b> c", false) == "a <b> c");
}
