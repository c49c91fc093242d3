#include "core/analysis/navigation/run_checks.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <vector>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/analysis/navigation/checks.hpp"
#include "core/diagram/page_index.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::analysis::navigation {

namespace {

using GraphCheck = std::vector<Finding> (*)(const NavGraph&, const RuleSettings&);

// The rules that need only the graph; loose-edge and step-on-arrow need the page's reading too.
GraphCheck graph_check(std::string_view id) {
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
    for (const auto& [name, check] : checks)
        if (name == id) return check;
    return nullptr;
}

constexpr std::string_view loose_edge = "loose-edge";
constexpr std::string_view step_on_arrow = "step-on-arrow";

}  // namespace

std::vector<Finding> run_rule(std::string_view id, const page::PageReading& reading, const NavGraph& g,
                              const RuleSettings& settings) {
    if (id == loose_edge) return find_loose_edges(reading, g, settings);
    if (id == step_on_arrow) return find_steps_on_arrows(reading, g, settings);
    if (GraphCheck check = graph_check(id)) return check(g, settings);
    return {};
}

namespace {

// Each rule's findings, kept apart until all have run.
struct RuleResults {
    PageReport report;  // without findings
    std::vector<std::vector<Finding>> by_rule;
};

// The graph is made from the reading, and loose-edge and step-on-arrow are the only rules that need the
// reading too: they run first, and a reading of our own (`owned`) is dropped before the other rules make
// their findings. On a site map of 100,000 screens the reading and too-deep's 100,000 findings made the peak
// together.
RuleResults run_rules(const page::PageReading& reading, const CheckConfig& config,
                      std::optional<page::PageReading>* owned = nullptr) {
    RuleResults out;
    PageReport& report = out.report;
    const diagram::Page& page = reading.page();
    const NavGraph g = build_nav_graph(reading, BuildOptions{config.entries, config.exits});
    std::vector<Finding> loose;
    if (const RuleSettings& settings = config.rule(loose_edge); settings.enabled)
        loose = find_loose_edges(reading, g, settings);
    std::vector<Finding> steps;
    if (const RuleSettings& settings = config.rule(step_on_arrow); settings.enabled)
        steps = find_steps_on_arrows(reading, g, settings);
    if (owned) owned->reset();  // `reading` is gone from here on
    report.screens = g.screen_count();
    {
        // A link drawn both ways is two arcs sharing one Link: count the distinct addresses.
        std::vector<const Link*> links;
        links.reserve(g.arc_count());
        for (const Arc& a : g.arcs()) links.push_back(a.link);
        std::sort(links.begin(), links.end(), std::less<>());
        report.links = static_cast<std::size_t>(std::unique(links.begin(), links.end()) - links.begin());
    }
    auto named = [&](ScreenId id) {
        const Screen& s = g.screen(id);
        return PageReport::Named{s.cell_id, plain_label(page.cells[s.position].label(), true)};
    };
    for (ScreenId e : g.entries()) report.entries.push_back(named(e));
    for (ScreenId e : g.exits()) report.exits.push_back(named(e));
    for (const RuleInfo& info : rule_ids()) {
        const RuleSettings& settings = config.rule(info.id);
        if (!settings.enabled) continue;
        if (info.id == loose_edge) {
            out.by_rule.push_back(std::move(loose));
        } else if (info.id == step_on_arrow) {
            out.by_rule.push_back(std::move(steps));
        } else if (GraphCheck check = graph_check(info.id)) {
            out.by_rule.push_back(check(g, settings));
        } else {
            out.by_rule.emplace_back();
        }
    }
    return out;
}

// The biggest rule's list (too-deep on a big site map: 100k findings) becomes the report's, the others moved
// in before and after it: no list grown a finding at a time to twice its need. This runs after the graph
// (and, from a page, the reading) is gone, since growing the biggest list holds it twice for a moment.
PageReport merge(RuleResults results) {
    PageReport report = std::move(results.report);
    auto& by_rule = results.by_rule;
    if (by_rule.empty()) return report;
    std::size_t total = 0, biggest = 0;
    for (std::size_t i = 0; i < by_rule.size(); ++i) {
        total += by_rule[i].size();
        if (by_rule[i].size() > by_rule[biggest].size()) biggest = i;
    }
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

}  // namespace

PageReport run_checks(const diagram::Page& page, const CheckConfig& config) {
    std::optional<page::PageReading> reading(std::in_place, page);  // the graph and two rules need it
    return merge(run_rules(*reading, config, &reading));
}

PageReport run_checks(const page::PageReading& reading, const CheckConfig& config) {
    return merge(run_rules(reading, config));
}

}  // namespace jstudio::analysis::navigation
