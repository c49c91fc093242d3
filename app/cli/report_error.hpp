#pragma once
#include <iostream>

#include "app/cli/commands.hpp"
#include "core/base/result.hpp"

namespace jstudio::cli {

// Bad input is the user's to fix: one line on stderr in file:line:col form, exit 2.
inline int report_error(const Error& error) {
    std::cerr << "journey: " << error.to_string() << "\n";
    return exit_usage;
}

}  // namespace jstudio::cli
