#include "core/analysis/navigation/annotate_findings.hpp"

#include <set>

#include "core/analysis/navigation/run_checks.hpp"
#include "tests/core/analysis/navigation/nav_test_support.hpp"

using namespace jstudio::analysis::navigation;
using namespace jstudio::analysis::navigation::test;

TEST_CASE("annotate_page appends two layers and leaves every original cell identical") {
    const auto original = load_page("shop_checkout");
    auto page = original;
    const auto report = run_checks(page, CheckConfig::defaults());
    const std::size_t added = annotate_page(page, report.findings);
    REQUIRE(added > 0);
    REQUIRE(page.cells.size() == original.cells.size() + added);
    for (std::size_t i = 0; i < original.cells.size(); ++i) CHECK(page.cells[i] == original.cells[i]);
    std::vector<std::string> layers;
    for (const auto& c : page.cells)
        if (c.kind == jstudio::diagram::CellKind::layer) layers.push_back(c.label());
    CHECK(layers == Lines{"", findings_layer_name, suggestions_layer_name});
    std::size_t dashed = 0;
    for (std::size_t i = original.cells.size(); i < page.cells.size(); ++i)
        if (page.cells[i].kind == jstudio::diagram::CellKind::edge &&
            page.cells[i].style_or_empty().flag("dashed"))
            ++dashed;
    // One per distinct suggested pair of a warning or error; the info findings' shortcuts are not drawn.
    std::set<std::pair<std::string, std::string>> drawn, info_only;
    for (const Finding& f : report.findings)
        if (f.suggestion)
            (f.severity == Severity::info ? info_only : drawn)
                .emplace(f.suggestion->from_cell, f.suggestion->to_cell);
    CHECK(dashed == 3);
    CHECK(drawn.size() == 3);
    CHECK(info_only.size() > 0);
    CHECK(annotate_page(page, {}) == 0);
}
