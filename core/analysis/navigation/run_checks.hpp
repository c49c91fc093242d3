#pragma once
// All enabled navigation checks on one page, findings in rule order (rule_ids()) then screen order.
#include <string_view>
#include <vector>

#include "core/analysis/navigation/check_config.hpp"
#include "core/analysis/navigation/finding.hpp"
#include "core/analysis/navigation/nav_graph.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::page {
class PageReading;
}

namespace jstudio::analysis::navigation {

struct PageReport {
    std::size_t page_index = 0;  // in the document
    std::size_t screens = 0, links = 0;
    struct Named {
        std::string id, label;  // a cell id and its label as plain text
    };
    std::vector<Named> entries, exits;
    std::vector<Finding> findings;
};

PageReport run_checks(const diagram::Page& page, const CheckConfig& config);
// The same on an index of the page the caller keeps (to name the cells of the findings afterwards).
PageReport run_checks(const page::PageReading& reading, const CheckConfig& config);

// One rule by id (see rule_ids()) on a page's reading and graph, whatever its enabled flag; {} for an unknown
// id.
std::vector<Finding> run_rule(std::string_view id, const page::PageReading& reading, const NavGraph& g,
                              const RuleSettings& settings);

}  // namespace jstudio::analysis::navigation
