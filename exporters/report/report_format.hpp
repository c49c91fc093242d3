#pragma once
// The three forms every report of check, validate, discover and diff comes in: text for a terminal, JSON for
// scripts, Markdown for a pull request or a wiki page. The CLI's --format and the plugin's Save Report pick
// one.
#include <optional>
#include <string>
#include <string_view>

namespace jstudio::exporters {

enum class ReportFormat { text, json, markdown };

std::optional<ReportFormat> parse_report_format(std::string_view name);  // "text", "json", "markdown"
// By the file name's extension: .json and .md / .markdown, anything else is text.
ReportFormat report_format_for_path(std::string_view path);

}  // namespace jstudio::exporters
