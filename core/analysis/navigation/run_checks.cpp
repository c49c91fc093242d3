#include "core/analysis/navigation/run_checks.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <vector>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/analysis/navigation/checks.hpp"
#include "core/diagram/page_index.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> run_rule(std::string_view id, const page::PageReading& reading, const NavGraph& g,
                              const RuleSettings& settings) {
    using GraphCheck = std::vector<Finding> (*)(const NavGraph&, const RuleSettings&);
    static const std::vector<std::pair<std::string_view, GraphCheck>> checks = {
        {"unreachable", find_unreachable},
        {"dead-end", find_dead_ends},
        {"trap", find_traps},
        {"orphan", find_orphans},
        {"weak-decision", find_weak_decisions},
        {"one-way-link", find_one_way_links},
        {"no-way-back", find_no_way_back},
        {"too-deep", find_too_deep},
        {"bottleneck", find_bottlenecks},
    };
    if (id == "loose-edge") return find_loose_edges(reading, g, settings);
    for (const auto& [name, check] : checks)
        if (name == id) return check(g, settings);
    return {};
}

PageReport run_checks(const diagram::Page& page, const CheckConfig& config) {
    const page::PageReading reading(page);  // built once: the graph and the loose-edge rule both need it
    return run_checks(reading, config);
}

PageReport run_checks(const page::PageReading& reading, const CheckConfig& config) {
    PageReport report;
    const NavGraph g = build_nav_graph(reading, BuildOptions{config.entries, config.exits});
    report.screens = g.screen_count();
    {
        // A link drawn both ways is two arcs sharing one Link: count the distinct addresses.
        std::vector<const Link*> links;
        links.reserve(g.arc_count());
        for (const Arc& a : g.arcs()) links.push_back(a.link);
        std::sort(links.begin(), links.end(), std::less<>());
        report.links = static_cast<std::size_t>(std::unique(links.begin(), links.end()) - links.begin());
    }
    for (ScreenId e : g.entries()) report.entries.push_back(g.screen(e).cell_id);
    for (ScreenId e : g.exits()) report.exits.push_back(g.screen(e).cell_id);

    // Each rule's findings are kept until all have run, then the biggest list (too-deep on a big site map:
    // 100k findings) becomes the report's, the others moved in before and after it: no second copy of it,
    // and no list grown one finding at a time to twice its need.
    std::vector<std::vector<Finding>> by_rule;
    std::size_t total = 0, biggest = 0;
    for (const RuleInfo& info : rule_ids()) {
        const RuleSettings& settings = config.rule(info.id);
        if (!settings.enabled) continue;
        by_rule.push_back(run_rule(info.id, reading, g, settings));
        total += by_rule.back().size();
        if (by_rule.back().size() > by_rule[biggest].size()) biggest = by_rule.size() - 1;
    }
    if (by_rule.empty()) return report;
    std::vector<Finding> before;
    for (std::size_t i = 0; i < biggest; ++i)
        before.insert(before.end(), std::make_move_iterator(by_rule[i].begin()),
                      std::make_move_iterator(by_rule[i].end()));
    report.findings = std::move(by_rule[biggest]);
    report.findings.reserve(total);
    report.findings.insert(report.findings.begin(), std::make_move_iterator(before.begin()),
                           std::make_move_iterator(before.end()));
    for (std::size_t i = biggest + 1; i < by_rule.size(); ++i)
        report.findings.insert(report.findings.end(), std::make_move_iterator(by_rule[i].begin()),
                               std::make_move_iterator(by_rule[i].end()));
    return report;
}

}  // namespace jstudio::analysis::navigation
