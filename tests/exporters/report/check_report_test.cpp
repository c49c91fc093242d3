// The check report in its three forms, from hand-made findings on a two-page document: what each form says
// per page, the labels it gives cells, the summary against fail-on, and a page-wide finding naming no cell
// (issue 19: the text form read the first cell of an empty list).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "exporters/report/check_report.hpp"
#include "importers/drawio/drawio_reader.hpp"

using namespace jstudio;
namespace nav = analysis::navigation;

namespace {

const char* const two_pages = R"(<mxfile>
  <diagram id="p1" name="Shop"><mxGraphModel><root>
    <mxCell id="0" /><mxCell id="1" parent="0" />
    <mxCell id="home" value="&lt;b&gt;Home&lt;/b&gt;" style="html=1;" vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry" /></mxCell>
    <mxCell id="cart" value="Cart | Basket" vertex="1" parent="1"><mxGeometry x="200" width="80" height="40" as="geometry" /></mxCell>
    <mxCell id="done" value="" vertex="1" parent="1"><mxGeometry x="400" width="80" height="40" as="geometry" /></mxCell>
  </root></mxGraphModel></diagram>
  <diagram id="p2" name="Sketch"><mxGraphModel><root>
    <mxCell id="0" /><mxCell id="1" parent="0" />
    <mxCell id="a" value="Flask" vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry" /></mxCell>
    <mxCell id="b" value="Membrane" vertex="1" parent="1"><mxGeometry x="200" width="80" height="40" as="geometry" /></mxCell>
  </root></mxGraphModel></diagram>
</mxfile>)";

diagram::Document document() {
    auto read = importers::read_drawio(two_pages, "flow.drawio");
    REQUIRE(read);
    return std::move(read->document);
}

nav::Finding finding(const char* rule, nav::Severity severity, std::vector<std::string> cells,
                     const char* message) {
    nav::Finding f;
    f.rule = rule;
    f.severity = severity;
    f.cells = std::move(cells);
    f.message = message;
    return f;
}

// Page 1: a dead end with a suggested link, an info; page 2: the page-wide orphan finding with no cell.
exporters::CheckReportInput input(const diagram::Document& doc) {
    exporters::CheckReportInput in;
    in.file = "flow.drawio";
    in.document = &doc;
    nav::PageReport shop;
    shop.page_index = 0;
    shop.screens = 3;
    shop.links = 2;
    shop.entries = {{"home", "Home"}};
    shop.exits = {{"done", ""}};
    auto dead_end = finding("dead-end", nav::Severity::warning, {"cart", "home"}, "'Cart' is a dead end");
    dead_end.suggestion = nav::SuggestedLink{"cart", "home"};
    shop.findings = {dead_end,
                     finding("bottleneck", nav::Severity::info, {"home"}, "every path passes 'Home'")};
    nav::PageReport sketch;
    sketch.page_index = 1;
    sketch.screens = 2;
    sketch.findings = {finding("orphan", nav::Severity::warning, {}, "no shape on this page is linked")};
    in.pages = {shop, sketch};
    return in;
}

}  // namespace

TEST_CASE("count_findings counts by severity and fails at or above fail-on") {
    const auto doc = document();
    const auto in = input(doc);
    SECTION("the default fail-on, error: warnings do not fail") {
        const auto t = exporters::count_findings(in.pages, nav::Severity::error);
        CHECK(t.errors == 0);
        CHECK(t.warnings == 2);
        CHECK(t.infos == 1);
        CHECK_FALSE(t.failed);
    }
    SECTION("fail-on warning fails on them") {
        CHECK(exporters::count_findings(in.pages, nav::Severity::warning).failed);
    }
    SECTION("no pages, nothing fails") {
        CHECK_FALSE(exporters::count_findings({}, nav::Severity::info).failed);
    }
}

TEST_CASE("check report as text") {
    const auto doc = document();
    auto in = input(doc);
    SECTION("one line per page, one per finding naming its main cell, a summary") {
        CHECK(exporters::write_check_report(in, exporters::ReportFormat::text) ==
              "flow.drawio: page 1 'Shop': 3 screens, 2 links; entries 'Home'; exits done\n"
              "  warning [dead-end] 'Cart' is a dead end (cart)\n"
              "  info [bottleneck] every path passes 'Home' (home)\n"
              "flow.drawio: page 2 'Sketch': 2 screens, 0 links; entries none; exits none\n"
              "  warning [orphan] no shape on this page is linked\n"
              "0 error(s), 2 warning(s), 1 info\n");
    }
    SECTION("a finding with no cell alone on its page (issue 19)") {
        in.pages.erase(in.pages.begin());
        CHECK(exporters::write_check_report(in, exporters::ReportFormat::text) ==
              "flow.drawio: page 2 'Sketch': 2 screens, 0 links; entries none; exits none\n"
              "  warning [orphan] no shape on this page is linked\n"
              "0 error(s), 1 warning(s), 0 info\n");
    }
}

TEST_CASE("check report as JSON") {
    const auto doc = document();
    const auto in = input(doc);
    const auto j = nlohmann::json::parse(exporters::write_check_report(in, exporters::ReportFormat::json));
    REQUIRE(j["pages"].size() == 2);
    SECTION("pages with names, counts and labelled entries and exits") {
        CHECK(j["file"] == "flow.drawio");
        CHECK(j["pages"][0]["index"] == 1);
        CHECK(j["pages"][0]["name"] == "Shop");
        CHECK(j["pages"][0]["entries"] == nlohmann::json::parse(R"([{"id": "home", "label": "Home"}])"));
        CHECK(j["pages"][0]["exits"] == nlohmann::json::parse(R"([{"id": "done", "label": ""}])"));
    }
    SECTION("findings with their cells and the suggested link's labels") {
        const auto& f = j["pages"][0]["findings"][0];
        CHECK(f["rule"] == "dead-end");
        CHECK(f["severity"] == "warning");
        CHECK(f["cells"] == nlohmann::json::parse(R"(["cart", "home"])"));
        CHECK(f["suggested_link"]["from_label"] == "Cart | Basket");
        CHECK(f["suggested_link"]["to_label"] == "Home");
        CHECK_FALSE(j["pages"][0]["findings"][1].contains("suggested_link"));
        CHECK(j["pages"][1]["findings"][0]["cells"].empty());
    }
    SECTION("the summary carries fail-on and whether it failed") {
        CHECK(j["summary"] ==
              nlohmann::json::parse(
                  R"({"error": 0, "warning": 2, "info": 1, "fail_on": "error", "failed": false})"));
    }
}

TEST_CASE("check report as Markdown") {
    const auto doc = document();
    auto in = input(doc);
    in.fail_on = nav::Severity::warning;
    const std::string md = exporters::write_check_report(in, exporters::ReportFormat::markdown);
    SECTION("a heading per page and a table of findings; '|' in a cell is escaped") {
        CHECK(md.rfind("# Navigation check: flow.drawio\n\n## Page 1: Shop\n\n", 0) == 0);
        CHECK(md.find("| warning | dead-end | 'Cart' is a dead end | Cart \\| Basket → Home |\n") !=
              std::string::npos);
        CHECK(md.find("| warning | orphan | no shape on this page is linked |  |\n") != std::string::npos);
    }
    SECTION("a page without findings says so") {
        in.pages[1].findings.clear();
        CHECK(exporters::write_check_report(in, exporters::ReportFormat::markdown).find("No findings.") !=
              std::string::npos);
    }
    SECTION("the summary line") {
        const std::string last = "\n**Summary:** 0 error(s), 2 warning(s), 1 info.\n";
        REQUIRE(md.size() > last.size());
        CHECK(md.substr(md.size() - last.size()) == last);
    }
}
