#include "app/cli/commands.hpp"

namespace jstudio::cli {

const std::vector<Setup>& all_commands() {
    static const std::vector<Setup> commands = {
        setup_info,  setup_convert, setup_templates, setup_new,      setup_layout,
        setup_check, setup_diff,    setup_discover,  setup_validate, setup_export,
    };
    return commands;
}

}  // namespace jstudio::cli
