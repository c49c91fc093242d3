#include "core/analysis/navigation/run_checks.hpp"

#include <set>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/analysis/navigation/checks.hpp"

namespace jstudio::analysis::navigation {

PageReport run_checks(const diagram::Page& page, const CheckConfig& config) {
    PageReport report;
    const NavGraph g = build_nav_graph(page, BuildOptions{config.entries, config.exits});
    report.screens = g.screen_count();
    std::set<std::string> links;
    for (const Arc& a : g.arcs()) links.insert(a.link->cell_id);
    report.links = links.size();
    for (ScreenId e : g.entries()) report.entries.push_back(g.screen(e).cell_id);
    for (ScreenId e : g.exits()) report.exits.push_back(g.screen(e).cell_id);

    using GraphCheck = std::vector<Finding> (*)(const NavGraph&, const RuleSettings&);
    const std::vector<std::pair<std::string_view, GraphCheck>> checks = {
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
    for (const RuleInfo& info : rule_ids()) {
        const RuleSettings& settings = config.rule(info.id);
        if (!settings.enabled) continue;
        std::vector<Finding> found;
        if (info.id == "loose-edge") found = find_loose_edges(page, g, settings);
        for (const auto& [id, check] : checks)
            if (id == info.id) found = check(g, settings);
        for (Finding& f : found) report.findings.push_back(std::move(f));
    }
    return report;
}

}  // namespace jstudio::analysis::navigation
