// The page reading: one role per cell and the rule behind it, on small pages (one per rule) and on real
// pages from the corpus, and the same reading of an annotated copy as of its original.
#include <catch2/catch.hpp>

#include <map>

#include "core/analysis/navigation/annotate_findings.hpp"
#include "core/analysis/navigation/run_checks.hpp"
#include "core/eventlog/annotate_map.hpp"
#include "core/eventlog/conformance.hpp"
#include "core/eventlog/step_model.hpp"
#include "core/page/page_reading.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using page::PageReading;
using page::Role;
using page::Rule;

namespace {

// A page from the cells of one layer (id "1").
diagram::Page page_of(const std::string& cells) {
    const std::string xml =
        "<mxfile><diagram id=\"p\" name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/>"
        "<mxCell id=\"1\" parent=\"0\"/>" +
        cells + "</root></mxGraphModel></diagram></mxfile>";
    auto read = importers::read_drawio(xml, "test.drawio");
    REQUIRE(read);
    return read->document.pages.front();
}

std::string box(const std::string& id, const std::string& label, double x, double y, double w, double h,
                const std::string& style = "rounded=1;whiteSpace=wrap;html=1;",
                const std::string& parent = "1") {
    return "<mxCell id=\"" + id + "\" value=\"" + label + "\" style=\"" + style +
           "\" vertex=\"1\" parent=\"" + parent + "\"><mxGeometry x=\"" + std::to_string(x) + "\" y=\"" +
           std::to_string(y) + "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
           "\" as=\"geometry\"/></mxCell>";
}

std::string edge(const std::string& id, const std::string& source, const std::string& target,
                 const std::string& style = "edgeStyle=orthogonalEdgeStyle;html=1;") {
    return "<mxCell id=\"" + id + "\" style=\"" + style + "\" edge=\"1\" parent=\"1\" source=\"" + source +
           "\" target=\"" + target + "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
}

struct Read {
    Role role;
    Rule rule;
    std::string host;
    bool operator==(const Read&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Read& r) {
    return os << page::to_string(r.role) << "/" << page::to_string(r.rule) << (r.host.empty() ? "" : " of ")
              << r.host;
}

Read read(const PageReading& reading, const std::string& id) {
    auto pos = reading.index().position(id);
    REQUIRE(pos);
    const auto host = reading.host(*pos);
    return {reading.role(*pos), reading.rule(*pos),
            host == PageReading::none ? std::string() : reading.page().cells[host].id};
}

std::map<std::string, Role> roles_by_id(const PageReading& reading) {
    std::map<std::string, Role> out;
    for (std::size_t i = 0; i < reading.size(); ++i) out[reading.page().cells[i].id] = reading.role(i);
    return out;
}

diagram::Page corpus_page(const std::string& file, std::size_t index = 0) {
    auto dir = test::corpus_dir("drawio");
    if (!dir) return {};
    auto read = importers::read_drawio_file((*dir / file).string());
    REQUIRE(read);
    REQUIRE(read->document.pages.size() > index);
    return read->document.pages[index];
}

}  // namespace

TEST_CASE("page reading: one rule per small page", "[core][page]") {
    SECTION("nodes and connectors; an arrow's label cell") {
        const auto p = page_of(
            box("a", "Home", 0, 0, 120, 60) + box("b", "Shop", 300, 0, 120, 60) + edge("e", "a", "b") +
            "<mxCell id=\"l\" value=\"go\" style=\"edgeLabel;\" vertex=\"1\" connectable=\"0\" "
            "parent=\"e\"><mxGeometry x=\"-0.2\" relative=\"1\" as=\"geometry\"/></mxCell>");
        const PageReading r(p);
        CHECK(read(r, "0") == Read{Role::root, Rule::structure, ""});
        CHECK(read(r, "1") == Read{Role::layer, Rule::structure, ""});
        CHECK(read(r, "a") == Read{Role::node, Rule::shape, ""});
        CHECK(read(r, "e") == Read{Role::connector, Rule::edge, ""});
        CHECK(read(r, "l") == Read{Role::edge_label, Rule::edge_child, "e"});
    }
    SECTION("a translucent unlabelled frame over a screen, an arrow drawn from it") {
        const auto p = page_of(box("a", "Home", 0, 0, 120, 60) + box("b", "Shop", 300, 0, 120, 60) +
                               box("f", "", -6, -6, 132, 72, "rounded=1;fillColor=#ffff00;opacity=30;") +
                               edge("e", "f", "b"));
        const PageReading r(p);
        CHECK(read(r, "f") == Read{Role::decoration, Rule::frame_over, "a"});
        CHECK(r.node_at("f") == *r.index().position("a"));
        CHECK(read(r, "a").role == Role::node);
    }
    SECTION("a halo behind a screen, a shadow offset behind another") {
        const auto p = page_of(box("h", "", -8, -8, 136, 76, "fillColor=#dae8fc;strokeColor=none;") +
                               box("a", "Home", 0, 0, 120, 60) +
                               box("s", "", 306, 6, 120, 60, "fillColor=#999999;strokeColor=none;") +
                               box("b", "Shop", 300, 0, 120, 60) + edge("e", "a", "b"));
        const PageReading r(p);
        CHECK(read(r, "h") == Read{Role::decoration, Rule::halo_behind, "a"});
        CHECK(read(r, "s") == Read{Role::decoration, Rule::halo_behind, "b"});
    }
    SECTION("a badge on a corner, an icon at the edge") {
        const auto p = page_of(box("a", "Checkout", 0, 0, 160, 80) +
                               box("n", "3", 148, -12, 24, 24, "ellipse;fillColor=#f8cecc;") +
                               box("i", "", -10, 30, 20, 20, "shape=image;image=data:image/png,xyz;") +
                               box("b", "Pay", 300, 0, 160, 80) + edge("e", "n", "b"));
        const PageReading r(p);
        CHECK(read(r, "n") == Read{Role::decoration, Rule::badge_on, "a"});
        CHECK(read(r, "i") == Read{Role::decoration, Rule::badge_on, "a"});
        CHECK(r.node_at("n") == *r.index().position("a"));  // the arrow from the badge leaves the screen
    }
    SECTION("regions: a panel behind several screens, a box much larger than its one screen, a separator") {
        const auto p = page_of(box("panel", "Account", 0, 0, 500, 200, "fillColor=#f5f5f5;") +
                               box("a", "Login", 20, 40, 120, 60) + box("b", "Profile", 300, 40, 120, 60) +
                               box("env", "Production", 0, 300, 500, 300, "fillColor=#e1d5e7;") +
                               box("c", "API", 100, 400, 100, 50) + box("line", "", 0, 250, 600, 2, "line;") +
                               edge("e1", "a", "b") + edge("e2", "b", "c"));
        const PageReading r(p);
        CHECK(read(r, "panel") == Read{Role::region, Rule::behind_nodes, ""});
        CHECK(read(r, "env") == Read{Role::region, Rule::around_node, ""});
        CHECK(read(r, "line") == Read{Role::region, Rule::separator_line, ""});
        CHECK(read(r, "c").role == Role::node);
    }
    SECTION("a graph not laid out yet: shapes of several sizes piled on (0,0) are all nodes") {
        const auto p = page_of(box("big", "Start", 0, 0, 160, 80) + box("mid", "Check", 0, 0, 140, 70) +
                               box("small", "End", 0, 0, 120, 60) + edge("e1", "big", "mid") +
                               edge("e2", "mid", "small"));
        const PageReading r(p);
        for (const char* id : {"big", "mid", "small"})
            CHECK(read(r, id) == Read{Role::node, Rule::shape, ""});
    }
    SECTION("tiles of a drawn grid; touching cards are not tiles") {
        const auto p =
            page_of(box("title", "Project", 0, 0, 800, 40, "rounded=0;") +
                    box("lane1", "Lane 1", 0, 40, 40, 100, "rounded=0;") +
                    box("lane2", "Lane 2", 0, 140, 40, 100, "rounded=0;") +
                    box("c1", "Search", 100, 60, 100, 40) + box("c2", "Compare", 200, 60, 100, 40) +
                    box("c3", "Buy", 400, 60, 100, 40) + edge("e", "c2", "c3"));
        const PageReading r(p);
        CHECK(read(r, "lane1") == Read{Role::region, Rule::grid_tile, ""});
        CHECK(read(r, "lane2") == Read{Role::region, Rule::grid_tile, ""});
        CHECK(read(r, "c1").role == Role::node);
        CHECK(read(r, "c2").role == Role::node);
    }
    SECTION("free text: next to a shape, next to an arrow, above everything, alone; text with an arrow") {
        const auto p = page_of(box("t", "Checkout flow", 0, -100, 300, 40, "text;fontSize=24;") +
                               box("a", "Cart", 0, 0, 120, 60) + box("b", "Pay", 300, 0, 120, 60) +
                               edge("e", "a", "b") + box("cap", "needs login", 0, 65, 100, 20, "text;") +
                               box("lbl", "yes", 190, 5, 40, 20, "text;") +
                               box("far", "draft 2", 900, 600, 80, 20, "text;") +
                               box("tl", "Done", 300, 200, 60, 20, "text;") + edge("e2", "b", "tl"));
        const PageReading r(p);
        CHECK(read(r, "cap") == Read{Role::decoration, Rule::text_near_shape, "a"});
        CHECK(read(r, "lbl") == Read{Role::decoration, Rule::text_near_edge, "e"});
        CHECK(read(r, "t") == Read{Role::title, Rule::text_above_all, ""});
        CHECK(read(r, "far") == Read{Role::note, Rule::text_alone, ""});
        CHECK(read(r, "tl") == Read{Role::node, Rule::text_linked, ""});
    }
    SECTION("containers, groups, pools and lanes, lists") {
        const auto p = page_of(
            box("pool", "Order", 0, 0, 600, 300, "swimlane;horizontal=0;") +
            box("l1", "Shop", 20, 0, 580, 150, "swimlane;horizontal=0;", "pool") +
            box("l2", "Customer", 20, 150, 580, 150, "swimlane;horizontal=0;", "pool") +
            box("x", "Pick", 60, 40, 100, 50, "rounded=1;", "l1") +
            box("y", "Pay", 60, 40, 100, 50, "rounded=1;", "l2") + edge("e", "x", "y") +
            box("g", "", 700, 0, 200, 100, "group;") + box("gc", "Inside", 0, 0, 100, 50, "rounded=1;", "g") +
            box("c", "Zone", 700, 200, 200, 100, "container=1;") +
            box("list", "Entity", 1000, 0, 160, 90, "swimlane;childLayout=stackLayout;") +
            box("row", "id: int", 0, 30, 160, 30, "text;", "list") + edge("e2", "gc", "list"));
        const PageReading r(p);
        CHECK(read(r, "pool") == Read{Role::pool, Rule::swimlane_style, ""});
        CHECK(read(r, "l1") == Read{Role::lane, Rule::swimlane_style, ""});
        CHECK(read(r, "x").role == Role::node);
        CHECK(read(r, "g") == Read{Role::group, Rule::group_style, ""});
        CHECK(read(r, "gc").role == Role::node);
        CHECK(read(r, "c") == Read{Role::container, Rule::container_style, ""});
        CHECK(read(r, "list") == Read{Role::node, Rule::table, ""});
        CHECK(read(r, "row") == Read{Role::decoration, Rule::part_of_node, "list"});
    }
    SECTION("a screen's widgets are its parts; a shape holding linked shapes is their container") {
        const auto p =
            page_of(box("screen", "Login", 0, 0, 200, 300) +
                    box("field", "", 20, 40, 160, 30, "rounded=0;", "screen") +
                    box("frame", "Web", 300, 0, 300, 300, "rounded=0;") +
                    box("btn", "Send", 20, 40, 100, 30, "rounded=1;", "frame") + edge("e", "screen", "btn"));
        const PageReading r(p);
        CHECK(read(r, "field") == Read{Role::decoration, Rule::part_of_node, "screen"});
        CHECK(read(r, "frame") == Read{Role::container, Rule::holds_linked, ""});
        CHECK(read(r, "btn").role == Role::node);
    }
    SECTION("a legend and what it holds; a 'colour = meaning' swatch") {
        const auto p = page_of(
            box("lg", "Legend", 500, 0, 200, 100, "swimlane;") +
            box("k1", "Planned", 10, 30, 80, 20, "rounded=1;", "lg") +
            box("sw", "red = out of scope", 500, 200, 120, 40, "fillColor=#f8cecc;") +
            box("a", "A", 0, 0, 80, 40) +
            "<mxCell id=\"key-arrow\" value=\"trust\" style=\"endArrow=classic;\" edge=\"1\" "
            "parent=\"1\"><mxGeometry relative=\"1\" as=\"geometry\"><mxPoint x=\"600\" y=\"60\" "
            "as=\"sourcePoint\"/><mxPoint x=\"680\" y=\"60\" as=\"targetPoint\"/></mxGeometry></mxCell>");
        const PageReading r(p);
        CHECK(read(r, "lg") == Read{Role::legend, Rule::legend_label, ""});
        CHECK(read(r, "k1") == Read{Role::legend, Rule::legend_label, ""});
        CHECK(read(r, "sw") == Read{Role::legend, Rule::legend_label, ""});
        CHECK(read(r, "key-arrow") == Read{Role::legend, Rule::legend_label, ""});  // a sample arrow, no link
    }
    SECTION("a user's journey-role overrules geometry; hidden cells are hidden") {
        const auto p = page_of(
            box("a", "Home", 0, 0, 120, 60) +
            box("f", "", -6, -6, 132, 72, "fillColor=none;journey-role=node;") +
            "<UserObject id=\"n\" label=\"Idea\" journey-role=\"note\">"
            "<mxCell style=\"rounded=1;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"300\" y=\"0\" "
            "width=\"100\" height=\"50\" as=\"geometry\"/></mxCell></UserObject>" +
            "<mxCell id=\"h\" value=\"x\" style=\"rounded=1;\" vertex=\"1\" visible=\"0\" parent=\"1\">"
            "<mxGeometry x=\"0\" y=\"200\" width=\"50\" height=\"50\" as=\"geometry\"/></mxCell>");
        const PageReading r(p);
        CHECK(read(r, "f") == Read{Role::node, Rule::user_override, ""});
        CHECK(read(r, "n") == Read{Role::note, Rule::user_override, ""});
        CHECK(read(r, "h") == Read{Role::hidden, Rule::invisible, ""});
    }
    SECTION("a port on a shape belongs to it") {
        const auto p =
            page_of(box("a", "Server", 0, 0, 120, 60) +
                    "<mxCell id=\"port\" style=\"ellipse;\" vertex=\"1\" parent=\"a\"><mxGeometry x=\"1\" "
                    "y=\"0.5\" width=\"10\" height=\"10\" relative=\"1\" as=\"geometry\"/></mxCell>");
        const PageReading r(p);
        CHECK(read(r, "port") == Read{Role::port, Rule::relative_child, "a"});
        CHECK(r.node_at("port") == *r.index().position("a"));
    }
}

TEST_CASE("page reading: real pages from the corpus", "[core][page][corpus]") {
    if (!test::corpus_dir("drawio")) return test::corpus_missing("drawio");
    SECTION("a user flow: screens, arrows and their labels, nothing else") {
        const auto p = corpus_page("xtonwallet__web-extension/docs__user-flow.drawio");
        const PageReading r(p);
        CHECK(r.cells_with({Role::node}).size() == 36);
        CHECK(r.cells_with({Role::connector}).size() == 35);
        CHECK(r.cells_with({Role::edge_label}).size() == 4);
        CHECK(read(r, "Es61mnsEvA5dBG58v4O--3") ==
              Read{Role::edge_label, Rule::edge_child, "Es61mnsEvA5dBG58v4O--2"});
    }
    SECTION("a site map with section panels: panels are regions, one-screen panels are halos") {
        const auto p = corpus_page("jgraph__drawio-diagrams/templates__maps__site_map_1.xml");
        const PageReading r(p);
        CHECK(r.cells_with({Role::region}).size() == 9);
        CHECK(read(r, "122") == Read{Role::region, Rule::behind_nodes, ""});
        CHECK(read(r, "123") == Read{Role::decoration, Rule::halo_behind, "2"});
        CHECK(r.cells_with({Role::node}).size() == 46);
    }
    SECTION("a site map drawing every page as a note shape: the notes are its pages") {
        const auto p = corpus_page("jgraph__drawio-diagrams/templates__maps__site_map_4.xml");
        const PageReading r(p);
        CHECK(r.cells_with({Role::node}).size() == 16);
        // An arrow runs past this page without attaching: still a page (check then calls it an orphan).
        CHECK(read(r, "9f12924077c6b50-178") == Read{Role::node, Rule::shape, ""});
    }
    SECTION("a story map: numbered badges on cards, legend swatches, card lanes") {
        const auto p = corpus_page("jgraph__drawio-diagrams/blog__story-map.drawio");
        const PageReading r(p);
        CHECK(read(r, "nW9fMLdY71jYZeTw1rtJ-90") ==
              Read{Role::decoration, Rule::badge_on, "nW9fMLdY71jYZeTw1rtJ-76"});
        CHECK(read(r, "nW9fMLdY71jYZeTw1rtJ-84") == Read{Role::legend, Rule::legend_label, ""});
        // "Tasks" in the top band of the task row's box is that box's caption (it was a note on its own).
        CHECK(read(r, "nW9fMLdY71jYZeTw1rtJ-82") ==
              Read{Role::decoration, Rule::text_near_shape, "nW9fMLdY71jYZeTw1rtJ-129"});
        CHECK(r.cells_with({Role::decoration}).size() == 19);
        CHECK(r.cells_with({Role::node}).size() == 48);
    }
    SECTION("a cross-functional flowchart: one pool, its lanes, steps in lanes") {
        const auto p =
            corpus_page("jgraph__drawio-diagrams/templates__flowcharts__cross_functional_flowchart_1.xml");
        const PageReading r(p);
        CHECK(r.cells_with({Role::pool}).size() == 1);
        CHECK(r.cells_with({Role::lane}).size() == 3);
        CHECK(r.cells_with({Role::node}).size() == 11);  // the eleven steps of the picture
        CHECK(r.cells_with({Role::region, Role::decoration}).empty());
    }
    SECTION("a job map of lists: each list one node, its rows parts of it") {
        const auto p = corpus_page("jgraph__drawio-diagrams/blog__job-map.drawio");
        const PageReading r(p);
        CHECK(read(r, "Eyn6D9jzv02Yha1WotmT-12") == Read{Role::node, Rule::table, ""});
        CHECK(read(r, "Eyn6D9jzv02Yha1WotmT-13") ==
              Read{Role::decoration, Rule::part_of_node, "Eyn6D9jzv02Yha1WotmT-12"});
    }
    SECTION("a customer journey: free labels on the arrows they name") {
        const auto p = corpus_page("AbdullahSafwan__gpu_saviors-be/customer_journey.drawio");
        const PageReading r(p);
        CHECK(read(r, "9O9tAMSqnEU23uqyy2jD-32") ==
              Read{Role::decoration, Rule::text_near_edge, "9O9tAMSqnEU23uqyy2jD-33"});
        CHECK(r.cells_with({Role::node}).size() == 20);
    }
}

TEST_CASE("page reading: annotated copies read as their originals", "[core][page]") {
    if (!test::corpus_dir("drawio")) return test::corpus_missing("drawio");
    const auto original = corpus_page("xtonwallet__web-extension/docs__user-flow.drawio");
    const PageReading before(original);
    const auto before_roles = roles_by_id(before);
    auto same_roles = [&](const diagram::Page& copy) {
        const PageReading after(copy);
        std::size_t annotation = 0;
        for (const auto& [id, role] : roles_by_id(after)) {
            auto it = before_roles.find(id);
            if (it == before_roles.end()) {
                CHECK((role == Role::annotation || role == Role::layer));
                annotation += role == Role::annotation;
            } else {
                CHECK(page::to_string(role) == std::string(page::to_string(it->second)));
            }
        }
        CHECK(annotation > 0);
    };
    SECTION("check --annotate") {
        auto copy = original;
        const auto config = analysis::navigation::CheckConfig::defaults();
        const auto report = analysis::navigation::run_checks(copy, config);
        REQUIRE(analysis::navigation::annotate_page(copy, report.findings) > 0);
        same_roles(copy);
        const auto again = analysis::navigation::run_checks(copy, config);
        REQUIRE(again.findings.size() == report.findings.size());
        for (std::size_t i = 0; i < again.findings.size(); ++i) {
            CHECK(again.findings[i].rule == report.findings[i].rule);
            CHECK(again.findings[i].cells == report.findings[i].cells);
        }
    }
    SECTION("validate --annotate") {
        auto copy = original;
        auto model = eventlog::step_model(copy);
        REQUIRE(model);
        eventlog::EventLog log;
        eventlog::Conformance result;
        result.steps.resize(model->steps.size());
        for (std::size_t i = 0; i < model->steps.size(); ++i) result.steps[i].step = model->steps[i];
        eventlog::annotate_map(copy, *model, result);
        same_roles(copy);
    }
}
