#include "app/cli/commands.hpp"

namespace jstudio::cli {

const std::vector<Setup>& all_commands() {
    static const std::vector<Setup> commands = {
        setup_info,
        setup_convert,
        setup_layout,
        setup_discover,
        setup_templates,
        setup_new,
        setup_diff,
        setup_export,
    };
    return commands;
}

}  // namespace jstudio::cli
