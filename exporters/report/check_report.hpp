#pragma once
// The report of `journey check` and of the plugin's Check Navigation Links: per page its screens, links,
// entries, exits and findings (with the labels of the cells they name), then a summary against the fail-on
// severity. Text, JSON or Markdown from the same findings.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "core/analysis/navigation/run_checks.hpp"
#include "core/diagram/document.hpp"
#include "exporters/report/report_format.hpp"

namespace jstudio::exporters {

struct CheckTotals {
    std::size_t errors = 0, warnings = 0, infos = 0;
    bool failed = false;  // a finding at or above the fail-on severity
};

CheckTotals count_findings(const std::vector<analysis::navigation::PageReport>& pages,
                           analysis::navigation::Severity fail_on);

struct CheckReportInput {
    std::string file;                                     // as the user named it: heads the report
    const diagram::Document* document{};                  // the checked document: page names and cell labels
    std::vector<analysis::navigation::PageReport> pages;  // PageReport::page_index into document->pages
    analysis::navigation::Severity fail_on = analysis::navigation::Severity::error;
};

// Written as it is made (a report of 100,000 findings is never held whole).
void write_check_report(std::ostream& out, const CheckReportInput& input, ReportFormat format);
std::string write_check_report(const CheckReportInput& input, ReportFormat format);

}  // namespace jstudio::exporters
