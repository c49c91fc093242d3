// Journey > Set Step Data...: sets stage, lane, channel and emotion on every selected cell as ONE undoable change.
#include <algorithm>

#include "core/diagram/page_index.hpp"
#include "plugin/include/jstudio/cell_command.hpp"
#include "plugin/journey/journey_plugin.hpp"

namespace jstudio::journey_plugin {

void add_step_data_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Set Step Data...", "Set stage, lane, channel and emotion of the selected steps",
                            "Ctrl+Shift+D"};
    host.add_command(entry, [&host]() {
        auto* document = host.active_document();
        const int page = host.active_page();
        const auto selection = host.selection();
        if (!document || page < 0 || selection.empty()) {
            host.report_error("Set Step Data: select one or more steps first");
            return;
        }
        diagram::PageIndex index(document->pages[static_cast<std::size_t>(page)]);
        const auto* first = index.find(selection.front());
        std::vector<plugin::HostServices::Field> fields;
        for (const char* name : step_fields) fields.push_back({name, first ? first->data(name) : ""});
        if (!host.ask("Set Step Data", fields)) return;
        std::vector<plugin::CellChange> changes;
        for (const auto& id : selection) {
            const auto* cell = index.find(id);
            if (!cell || cell->kind == diagram::CellKind::root || cell->kind == diagram::CellKind::layer) continue;
            diagram::Cell changed = *cell;
            for (const auto& field : fields)
                if (changed.data(field.name) != field.value) changed.set_data(field.name, field.value);
            if (!(changed == *cell)) changes.push_back({id, *cell, std::move(changed), 0});
        }
        if (changes.empty()) return;
        host.submit(std::make_unique<plugin::CellCommand>("Set Step Data", document, static_cast<std::size_t>(page),
                                                          std::move(changes)));
    });
}

}  // namespace jstudio::journey_plugin
