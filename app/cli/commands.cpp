#include "app/cli/commands.hpp"

namespace jstudio::cli {

const std::vector<Setup>& all_commands() {
    static const std::vector<Setup> commands = {setup_info, setup_convert, setup_check};
    return commands;
}

}  // namespace jstudio::cli
