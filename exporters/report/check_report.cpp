#include "exporters/report/check_report.hpp"

#include <sstream>
#include <string_view>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/diagram/page_index.hpp"
#include "exporters/report/markdown_text.hpp"

namespace jstudio::exporters {

namespace {

namespace nav = analysis::navigation;

// A JSON string as nlohmann::json::dump writes it (ensure_ascii off). The report is written as it is made,
// not built as a JSON tree first: on a site map of 100,000 screens the tree of findings cost more than the
// checks.
void put_json_string(std::ostream& out, std::string_view s) {
    out << '"';
    std::size_t run = 0;  // plain characters are written in runs
    auto flush = [&](std::size_t i) {
        if (i > run) out.write(s.data() + run, static_cast<std::streamsize>(i - run));
        run = i + 1;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        flush(i);
        switch (c) {
            case '"':
                out << "\\\"";
                break;
            case '\\':
                out << "\\\\";
                break;
            case '\b':
                out << "\\b";
                break;
            case '\f':
                out << "\\f";
                break;
            case '\n':
                out << "\\n";
                break;
            case '\r':
                out << "\\r";
                break;
            case '\t':
                out << "\\t";
                break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out << "\\u00" << hex[c >> 4] << hex[c & 15];
            }
        }
    }
    flush(s.size());
    out << '"';
}

struct JsonString {
    std::string_view text;
    friend std::ostream& operator<<(std::ostream& out, JsonString s) {
        put_json_string(out, s.text);
        return out;
    }
};

struct Named {
    std::string id, label;
};

// What the report says about one page, with the labels of the cells it names looked up once.
struct PageSummary {
    std::size_t index = 0;  // 1-based
    std::string name;
    std::size_t screens = 0, links = 0;
    std::vector<Named> entries, exits;
    const std::vector<nav::Finding>* findings = nullptr;
    std::vector<std::pair<std::string, std::string>> suggestion_labels;  // per finding: from, to (or empty)
};

std::string label_of(const diagram::PageIndex& idx, const std::string& id) {
    const diagram::Cell* c = idx.find(id);
    return c ? nav::plain_label(c->label(), true) : std::string();
}

PageSummary summarize(const diagram::Page& page, const nav::PageReport& r) {
    const diagram::PageIndex idx(page);
    PageSummary p;
    p.index = r.page_index + 1;
    p.name = page.display_name(r.page_index);
    p.screens = r.screens;
    p.links = r.links;
    for (const auto& id : r.entries) p.entries.push_back({id, label_of(idx, id)});
    for (const auto& id : r.exits) p.exits.push_back({id, label_of(idx, id)});
    p.findings = &r.findings;
    // Suggestions of one rule often share a screen (too-deep ones all start at the entry): the last label
    // worked out at each end is reused.
    std::pair<std::string_view, std::string> last_from, last_to;
    auto label = [&](std::pair<std::string_view, std::string>& last, const std::string& id) {
        if (last.first.data() == nullptr || last.first != id) last = {id, label_of(idx, id)};
        return last.second;
    };
    bool any = false;
    for (const nav::Finding& f : r.findings) any = any || f.suggestion.has_value();
    if (any) {
        p.suggestion_labels.reserve(r.findings.size());
        for (const nav::Finding& f : r.findings)
            p.suggestion_labels.emplace_back(f.suggestion ? label(last_from, f.suggestion->from_cell) : "",
                                             f.suggestion ? label(last_to, f.suggestion->to_cell) : "");
    }
    return p;
}

// Laid out as nlohmann::json::dump(2) lays out an object: keys in sorted order, two spaces per level.
void write_json(std::ostream& out, const CheckReportInput& in, const std::vector<PageSummary>& pages,
                const CheckTotals& t) {
    auto named = [&](const std::vector<Named>& list) {
        if (list.empty()) return void(out << "[]");
        out << "[\n";
        for (std::size_t i = 0; i < list.size(); ++i)
            out << "        {\n          \"id\": " << JsonString{list[i].id}
                << ",\n          \"label\": " << JsonString{list[i].label} << "\n        }"
                << (i + 1 < list.size() ? ",\n" : "\n");
        out << "      ]";
    };
    out << "{\n  \"file\": " << JsonString{in.file} << ",\n  \"pages\": " << (pages.empty() ? "[]" : "[\n");
    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
        const PageSummary& p = pages[pi];
        out << "    {\n      \"entries\": ";
        named(p.entries);
        out << ",\n      \"exits\": ";
        named(p.exits);
        const auto& findings = *p.findings;
        out << ",\n      \"findings\": " << (findings.empty() ? "[]" : "[\n");
        for (std::size_t fi = 0; fi < findings.size(); ++fi) {
            const nav::Finding& f = findings[fi];
            out << "        {\n          \"cells\": ";
            if (f.cells.empty()) {
                out << "[]";
            } else {
                out << "[\n";
                for (std::size_t c = 0; c < f.cells.size(); ++c)
                    out << "            " << JsonString{f.cells[c]}
                        << (c + 1 < f.cells.size() ? ",\n" : "\n");
                out << "          ]";
            }
            out << ",\n          \"message\": " << JsonString{f.message}
                << ",\n          \"rule\": " << JsonString{f.rule}
                << ",\n          \"severity\": " << JsonString{nav::to_string(f.severity)};
            if (f.suggestion)
                out << ",\n          \"suggested_link\": {\n            \"from\": "
                    << JsonString{f.suggestion->from_cell}
                    << ",\n            \"from_label\": " << JsonString{p.suggestion_labels[fi].first}
                    << ",\n            \"to\": " << JsonString{f.suggestion->to_cell}
                    << ",\n            \"to_label\": " << JsonString{p.suggestion_labels[fi].second}
                    << "\n          }";
            out << "\n        }" << (fi + 1 < findings.size() ? ",\n" : "\n");
        }
        if (!findings.empty()) out << "      ]";
        out << ",\n      \"index\": " << p.index << ",\n      \"links\": " << p.links
            << ",\n      \"name\": " << JsonString{p.name} << ",\n      \"screens\": " << p.screens
            << "\n    }" << (pi + 1 < pages.size() ? ",\n" : "\n");
    }
    if (!pages.empty()) out << "  ]";
    out << ",\n  \"summary\": {\n    \"error\": " << t.errors
        << ",\n    \"fail_on\": " << JsonString{nav::to_string(in.fail_on)}
        << ",\n    \"failed\": " << (t.failed ? "true" : "false") << ",\n    \"info\": " << t.infos
        << ",\n    \"warning\": " << t.warnings << "\n  }\n}\n";
}

std::string names(const std::vector<Named>& list) {
    std::string out;
    for (const auto& e : list) {
        if (!out.empty()) out += ", ";
        out += e.label.empty() ? e.id : "'" + e.label + "'";
    }
    return out.empty() ? "none" : out;
}

void write_markdown(std::ostream& out, const CheckReportInput& in, const std::vector<PageSummary>& pages,
                    const CheckTotals& t) {
    out << "# Navigation check: " << markdown_cell(in.file) << "\n\n";
    for (const PageSummary& p : pages) {
        out << "## Page " << p.index << ": " << markdown_cell(p.name) << "\n\n"
            << p.screens << " screens, " << p.links << " links; entries: " << markdown_cell(names(p.entries))
            << "; exits: " << markdown_cell(names(p.exits)) << "\n\n";
        if (p.findings->empty()) {
            out << "No findings.\n\n";
            continue;
        }
        out << "| Severity | Rule | Finding | Suggested link |\n|---|---|---|---|\n";
        for (std::size_t fi = 0; fi < p.findings->size(); ++fi) {
            const nav::Finding& f = (*p.findings)[fi];
            std::string link;
            if (f.suggestion) link = p.suggestion_labels[fi].first + " → " + p.suggestion_labels[fi].second;
            out << "| " << nav::to_string(f.severity) << " | " << f.rule << " | " << markdown_cell(f.message)
                << " | " << markdown_cell(link) << " |\n";
        }
        out << "\n";
    }
    out << "**Summary:** " << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos
        << " info.\n";
}

void write_text(std::ostream& out, const CheckReportInput& in, const std::vector<PageSummary>& pages,
                const CheckTotals& t) {
    for (const PageSummary& p : pages) {
        out << in.file << ": page " << p.index << " '" << p.name << "': " << p.screens << " screens, "
            << p.links << " links; entries " << names(p.entries) << "; exits " << names(p.exits) << "\n";
        for (const nav::Finding& f : *p.findings) {
            out << "  " << nav::to_string(f.severity) << " [" << f.rule << "] " << f.message;
            // A page-wide finding (no shape linked to another) names no cell.
            if (!f.cells.empty()) out << " (" << f.cells[0] << ")";
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

void write_check_report(std::ostream& out, const CheckReportInput& in, ReportFormat format) {
    const CheckTotals totals = count_findings(in.pages, in.fail_on);
    std::vector<PageSummary> pages;
    pages.reserve(in.pages.size());
    for (const auto& r : in.pages) pages.push_back(summarize(in.document->pages[r.page_index], r));
    switch (format) {
        case ReportFormat::json:
            write_json(out, in, pages, totals);
            break;
        case ReportFormat::markdown:
            write_markdown(out, in, pages, totals);
            break;
        case ReportFormat::text:
            write_text(out, in, pages, totals);
            break;
    }
}

std::string write_check_report(const CheckReportInput& in, ReportFormat format) {
    std::ostringstream out;
    write_check_report(out, in, format);
    return out.str();
}

}  // namespace jstudio::exporters
