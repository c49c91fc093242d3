#pragma once
#include <iostream>
#include <string>

#include "app/cli/commands.hpp"
#include "core/base/result.hpp"

namespace jstudio::cli {

// Bad input is the user's to fix: one line on stderr in file:line:col form, exit 2.
// The line is kept to 300 characters and one line whatever the input put into the message (a hostile file
// can make a column name or a value of any length), with control characters shown as '?'.
inline int report_error(const Error& error) {
    std::string line = "journey: " + error.to_string();
    for (char& c : line)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    if (line.size() > 300) {
        std::size_t n = 297;
        while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
        line = line.substr(0, n) + "...";
    }
    std::cerr << line << "\n";
    return exit_usage;
}

}  // namespace jstudio::cli
