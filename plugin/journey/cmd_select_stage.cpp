// Journey > Select Stage...: selects (and centres on) every step whose stage is the one asked for.
#include "plugin/journey/journey_plugin.hpp"

namespace jstudio::journey_plugin {

void add_select_stage(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Select Stage...", "Select every step of one journey stage", ""};
    host.add_command(entry, [&host]() {
        const auto* document = host.active_document();
        const int page = host.active_page();
        if (!document || page < 0) return;
        std::vector<plugin::HostServices::Field> fields{{"stage", ""}};
        if (!host.ask("Select Stage", fields)) return;
        std::vector<std::string> ids;
        for (const auto& cell : document->pages[static_cast<std::size_t>(page)].cells)
            if (cell.wrapper && cell.data("stage") == fields[0].value) ids.push_back(cell.id);
        if (ids.empty()) host.report_error("Select Stage: no step has stage '" + fields[0].value + "'");
        host.select(ids, true);
    });
}

}  // namespace jstudio::journey_plugin
