#include "core/analysis/navigation/run_checks.hpp"

#include <unordered_set>

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
    PageReport report;
    const page::PageReading reading(page);  // built once: the graph and the loose-edge rule both need it
    const NavGraph g = build_nav_graph(reading, BuildOptions{config.entries, config.exits});
    report.screens = g.screen_count();
    std::unordered_set<const Link*> links;  // a link drawn both ways is two arcs sharing one Link
    for (const Arc& a : g.arcs()) links.insert(a.link);
    report.links = links.size();
    for (ScreenId e : g.entries()) report.entries.push_back(g.screen(e).cell_id);
    for (ScreenId e : g.exits()) report.exits.push_back(g.screen(e).cell_id);

    for (const RuleInfo& info : rule_ids()) {
        const RuleSettings& settings = config.rule(info.id);
        if (!settings.enabled) continue;
        for (Finding& f : run_rule(info.id, reading, g, settings)) report.findings.push_back(std::move(f));
    }
    return report;
}

}  // namespace jstudio::analysis::navigation
