#include "core/analysis/navigation/annotate_findings.hpp"

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
    CHECK(dashed == 8);  // one per distinct suggested pair
    CHECK(annotate_page(page, {}) == 0);
}
