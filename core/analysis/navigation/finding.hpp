#pragma once
// What a navigation check reports: one problem, the cells it concerns, and where it helps a link to add.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagram/geometry.hpp"

namespace jstudio::analysis::navigation {

enum class Severity { info, warning, error };
const char* to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);  // "info", "warning", "error"

struct SuggestedLink {
    static constexpr std::uint32_t no_position = UINT32_MAX;
    std::string from_cell, to_cell;  // draw.io cell ids of two screens
    // Where those cells stand in the checked page's cells, so a report names them without an id index
    // (no_position when the link was made by hand).
    std::uint32_t from_position = no_position, to_position = no_position;
};

struct Finding {
    std::string rule;  // "dead-end", ...: the rule id users configure
    Severity severity = Severity::warning;
    std::vector<std::string> cells;  // involved cells, the main one first
    std::string message;             // for a designer: names the shapes by their labels
    std::optional<SuggestedLink> suggestion;
    std::vector<diagram::Point> markers;  // page points to mark (loose edge ends)
};

}  // namespace jstudio::analysis::navigation
