#include "exporters/report/check_report.hpp"

#include <charconv>
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
void put_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // plain characters are appended in runs
    auto flush = [&](std::size_t i) {
        if (i > run) out.append(s.data() + run, i - run);
        run = i + 1;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        flush(i);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
    }
    flush(s.size());
    out += '"';
}

struct JsonString {
    std::string_view text;
};

// The report goes to the stream a megabyte at a time: an ostream insertion per token cost more than all the
// checks on a report of 100,000 findings.
class Out {
  public:
    explicit Out(std::ostream& stream) : m_stream(stream) { m_buffer.reserve(chunk + chunk / 4); }
    Out(const Out&) = delete;
    Out& operator=(const Out&) = delete;
    ~Out() { flush(); }

    Out& operator<<(std::string_view text) {
        m_buffer.append(text);
        return spill();
    }
    Out& operator<<(char c) {
        m_buffer += c;
        return *this;
    }
    Out& operator<<(std::size_t n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        m_buffer.append(digits, end);
        return *this;
    }
    Out& operator<<(JsonString s) {
        put_json_string(m_buffer, s.text);
        return spill();
    }
    void flush() {
        m_stream.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }

  private:
    static constexpr std::size_t chunk = std::size_t{1} << 20;
    Out& spill() {
        if (m_buffer.size() >= chunk) flush();
        return *this;
    }
    std::ostream& m_stream;
    std::string m_buffer;
};

using Named = nav::PageReport::Named;

// What the report says about one page.
struct PageSummary {
    std::size_t index = 0;  // 1-based
    std::string name;
    const nav::PageReport* report = nullptr;
    const diagram::Page* page = nullptr;
};

// The labels of the screens a page's suggested links name: found by their position in the page (the checks
// give it), or by id for a link made by hand. Suggestions of one rule often share a screen (too-deep ones all
// start at the entry): the last label worked out at each end is reused.
class SuggestionLabels {
  public:
    explicit SuggestionLabels(const diagram::Page& page) : m_page(page) {}
    const std::string& from(const nav::SuggestedLink& link) {
        return label(link.from_cell, link.from_position, m_from);
    }
    const std::string& to(const nav::SuggestedLink& link) {
        return label(link.to_cell, link.to_position, m_to);
    }

  private:
    struct Last {
        std::uint32_t position = nav::SuggestedLink::no_position;
        std::string id, label;
    };
    const std::string& label(const std::string& id, std::uint32_t position, Last& last) {
        if (position != nav::SuggestedLink::no_position && position == last.position) return last.label;
        if (position == nav::SuggestedLink::no_position && !last.id.empty() && id == last.id)
            return last.label;
        const diagram::Cell* cell = nullptr;
        if (position < m_page.cells.size() && m_page.cells[position].id == id) {
            cell = &m_page.cells[position];
        } else {
            if (!m_index) m_index.emplace(m_page);
            cell = m_index->find(id);
            position = nav::SuggestedLink::no_position;
        }
        last.position = position;
        last.id = id;
        last.label = cell ? nav::plain_label(cell->label(), true) : std::string();
        return last.label;
    }
    const diagram::Page& m_page;
    std::optional<diagram::PageIndex> m_index;
    Last m_from, m_to;
};

// Laid out as nlohmann::json::dump(2) lays out an object: keys in sorted order, two spaces per level.
void write_json(Out& out, const CheckReportInput& in, const std::vector<PageSummary>& pages,
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
        SuggestionLabels labels(*p.page);
        out << "    {\n      \"entries\": ";
        named(p.report->entries);
        out << ",\n      \"exits\": ";
        named(p.report->exits);
        const auto& findings = p.report->findings;
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
                    << ",\n            \"from_label\": " << JsonString{labels.from(*f.suggestion)}
                    << ",\n            \"to\": " << JsonString{f.suggestion->to_cell}
                    << ",\n            \"to_label\": " << JsonString{labels.to(*f.suggestion)}
                    << "\n          }";
            out << "\n        }" << (fi + 1 < findings.size() ? ",\n" : "\n");
        }
        if (!findings.empty()) out << "      ]";
        out << ",\n      \"index\": " << p.index << ",\n      \"links\": " << p.report->links
            << ",\n      \"name\": " << JsonString{p.name} << ",\n      \"screens\": " << p.report->screens
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

void write_markdown(Out& out, const CheckReportInput& in, const std::vector<PageSummary>& pages,
                    const CheckTotals& t) {
    out << "# Navigation check: " << markdown_cell(in.file) << "\n\n";
    for (const PageSummary& p : pages) {
        SuggestionLabels labels(*p.page);
        out << "## Page " << p.index << ": " << markdown_cell(p.name) << "\n\n"
            << p.report->screens << " screens, " << p.report->links
            << " links; entries: " << markdown_cell(names(p.report->entries))
            << "; exits: " << markdown_cell(names(p.report->exits)) << "\n\n";
        if (p.report->findings.empty()) {
            out << "No findings.\n\n";
            continue;
        }
        out << "| Severity | Rule | Finding | Suggested link |\n|---|---|---|---|\n";
        for (std::size_t fi = 0; fi < p.report->findings.size(); ++fi) {
            const nav::Finding& f = (p.report->findings)[fi];
            std::string link;
            if (f.suggestion) link = labels.from(*f.suggestion) + " → " + labels.to(*f.suggestion);
            out << "| " << nav::to_string(f.severity) << " | " << f.rule << " | " << markdown_cell(f.message)
                << " | " << markdown_cell(link) << " |\n";
        }
        out << "\n";
    }
    out << "**Summary:** " << t.errors << " error(s), " << t.warnings << " warning(s), " << t.infos
        << " info.\n";
}

void write_text(Out& out, const CheckReportInput& in, const std::vector<PageSummary>& pages,
                const CheckTotals& t) {
    for (const PageSummary& p : pages) {
        out << in.file << ": page " << p.index << " '" << p.name << "': " << p.report->screens << " screens, "
            << p.report->links << " links; entries " << names(p.report->entries) << "; exits "
            << names(p.report->exits) << "\n";
        for (const nav::Finding& f : p.report->findings) {
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

void write_check_report(std::ostream& stream, const CheckReportInput& in, ReportFormat format) {
    const CheckTotals totals = count_findings(in.pages, in.fail_on);
    std::vector<PageSummary> pages;
    pages.reserve(in.pages.size());
    for (const auto& r : in.pages) {
        const diagram::Page& page = in.document->pages[r.page_index];
        pages.push_back(PageSummary{r.page_index + 1, page.display_name(r.page_index), &r, &page});
    }
    Out out(stream);
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
