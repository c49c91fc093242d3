#include "exporters/report/check_report.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/diagram/page_index.hpp"
#include "exporters/report/markdown_text.hpp"

namespace jstudio::exporters {

namespace {

namespace nav = analysis::navigation;

std::string label_of(const diagram::PageIndex& idx, const std::string& id) {
    const diagram::Cell* c = idx.find(id);
    return c ? nav::plain_label(c->label(), true) : std::string();
}

nlohmann::json page_json(const diagram::Page& page, const nav::PageReport& r) {
    const diagram::PageIndex idx(page);
    auto named = [&](const std::vector<std::string>& ids) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& id : ids) a.push_back({{"id", id}, {"label", label_of(idx, id)}});
        return a;
    };
    nlohmann::json findings = nlohmann::json::array();
    for (const nav::Finding& f : r.findings) {
        nlohmann::json jf = {{"rule", f.rule},
                             {"severity", nav::to_string(f.severity)},
                             {"cells", f.cells},
                             {"message", f.message}};
        if (f.suggestion)
            jf["suggested_link"] = {{"from", f.suggestion->from_cell},
                                    {"from_label", label_of(idx, f.suggestion->from_cell)},
                                    {"to", f.suggestion->to_cell},
                                    {"to_label", label_of(idx, f.suggestion->to_cell)}};
        findings.push_back(std::move(jf));
    }
    return {{"index", r.page_index + 1},   {"name", page.display_name(r.page_index)},
            {"screens", r.screens},        {"links", r.links},
            {"entries", named(r.entries)}, {"exits", named(r.exits)},
            {"findings", findings}};
}

// The JSON form is the model the text and Markdown forms read, so the three never disagree.
nlohmann::json report_json(const CheckReportInput& in, const CheckTotals& totals) {
    nlohmann::json j = {{"file", in.file}, {"pages", nlohmann::json::array()}};
    for (const auto& r : in.pages) j["pages"].push_back(page_json(in.document->pages[r.page_index], r));
    j["summary"] = {{"error", totals.errors},
                    {"warning", totals.warnings},
                    {"info", totals.infos},
                    {"fail_on", nav::to_string(in.fail_on)},
                    {"failed", totals.failed}};
    return j;
}

std::string names(const nlohmann::json& list) {
    std::string out;
    for (const auto& e : list) {
        if (!out.empty()) out += ", ";
        const std::string label = e["label"].get<std::string>();
        out += label.empty() ? e["id"].get<std::string>() : "'" + label + "'";
    }
    return out.empty() ? "none" : out;
}

void write_markdown(std::ostream& out, const CheckReportInput& in, const nlohmann::json& j,
                    const CheckTotals& t) {
    out << "# Navigation check: " << markdown_cell(in.file) << "\n\n";
    for (const auto& p : j["pages"]) {
        out << "## Page " << p["index"] << ": " << markdown_cell(p["name"].get<std::string>()) << "\n\n"
            << p["screens"] << " screens, " << p["links"]
            << " links; entries: " << markdown_cell(names(p["entries"]))
            << "; exits: " << markdown_cell(names(p["exits"])) << "\n\n";
        if (p["findings"].empty()) {
            out << "No findings.\n\n";
            continue;
        }
        out << "| Severity | Rule | Finding | Suggested link |\n|---|---|---|---|\n";
        for (const auto& f : p["findings"]) {
            std::string link;
            if (f.contains("suggested_link")) {
                const auto& s = f["suggested_link"];
                link = s["from_label"].get<std::string>() + " → " + s["to_label"].get<std::string>();
            }
            out << "| " << f["severity"].get<std::string>() << " | " << f["rule"].get<std::string>() << " | "
                << markdown_cell(f["message"].get<std::string>()) << " | " << markdown_cell(link) << " |\n";
        }
        out << "\n";
    }
    out << "**Summary:** " << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos
        << " info.\n";
}

void write_text(std::ostream& out, const CheckReportInput& in, const nlohmann::json& j,
                const CheckTotals& t) {
    for (const auto& p : j["pages"]) {
        out << in.file << ": page " << p["index"] << " '" << p["name"].get<std::string>()
            << "': " << p["screens"] << " screens, " << p["links"] << " links; entries "
            << names(p["entries"]) << "; exits " << names(p["exits"]) << "\n";
        for (const auto& f : p["findings"]) {
            out << "  " << f["severity"].get<std::string>() << " [" << f["rule"].get<std::string>() << "] "
                << f["message"].get<std::string>();
            // A page-wide finding (no shape linked to another) names no cell.
            if (!f["cells"].empty()) out << " (" << f["cells"][0].get<std::string>() << ")";
            out << "\n";
        }
    }
    out << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos << " info\n";
}

}  // namespace

CheckTotals count_findings(const std::vector<nav::PageReport>& pages, nav::Severity fail_on) {
    CheckTotals t;
    for (const auto& r : pages)
        for (const auto& f : r.findings) {
            switch (f.severity) {
                case nav::Severity::error:
                    ++t.errors;
                    break;
                case nav::Severity::warning:
                    ++t.warnings;
                    break;
                case nav::Severity::info:
                    ++t.infos;
                    break;
            }
            if (f.severity >= fail_on) t.failed = true;
        }
    return t;
}

std::string write_check_report(const CheckReportInput& in, ReportFormat format) {
    const CheckTotals totals = count_findings(in.pages, in.fail_on);
    const nlohmann::json j = report_json(in, totals);
    std::ostringstream out;
    switch (format) {
        case ReportFormat::json:
            out << j.dump(2) << "\n";
            break;
        case ReportFormat::markdown:
            write_markdown(out, in, j, totals);
            break;
        case ReportFormat::text:
            write_text(out, in, j, totals);
            break;
    }
    return out.str();
}

}  // namespace jstudio::exporters
