#include "exporters/report/report_format.hpp"

namespace jstudio::exporters {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
    if (name == "text") return ReportFormat::text;
    if (name == "json") return ReportFormat::json;
    if (name == "markdown") return ReportFormat::markdown;
    return std::nullopt;
}

ReportFormat report_format_for_path(std::string_view path) {
    const auto ends_with = [&](std::string_view tail) {
        if (path.size() < tail.size()) return false;
        for (std::size_t i = 0; i < tail.size(); ++i) {
            const char c = path[path.size() - tail.size() + i];
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != tail[i]) return false;
        }
        return true;
    };
    if (ends_with(".json")) return ReportFormat::json;
    if (ends_with(".md") || ends_with(".markdown")) return ReportFormat::markdown;
    return ReportFormat::text;
}

}  // namespace jstudio::exporters
