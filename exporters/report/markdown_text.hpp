#pragma once
// Text placed in a Markdown table cell: a '|' would end the cell, so it is escaped.
#include <string>
#include <string_view>

namespace jstudio::exporters {

inline std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace jstudio::exporters
