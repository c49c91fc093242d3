// Journey > Set Step Data...: sets stage, lane, channel and emotion on every selected cell as ONE undoable
// change. The inspector panel edits through the same functions.
#include "core/diagram/page_index.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"

namespace jstudio::journey_plugin {

bool apply_step_data(plugin::HostServices& host, const std::vector<plugin::HostServices::Field>& fields) {
    const auto target = active_page(host, "Set Step Data");
    if (!target) return false;
    diagram::Page edited = target->page();
    bool changed = false;
    for (const auto& id : host.selection())
        for (auto& cell : edited.cells) {
            if (cell.id != id || cell.kind == diagram::CellKind::root ||
                cell.kind == diagram::CellKind::layer)
                continue;
            for (const auto& field : fields)
                if (cell.data(field.name) != field.value) {
                    cell.set_data(field.name, field.value);
                    changed = true;
                }
        }
    return changed && submit_page_edit(host, *target, "Set Step Data", edited);
}

void edit_step_data(plugin::HostServices& host) {
    const auto target = active_page(host, "Set Step Data");
    if (!target) return;
    const auto selection = host.selection();
    if (selection.empty()) {
        host.report_error("Set Step Data: select one or more steps first");
        return;
    }
    const diagram::PageIndex index(target->page());
    const auto* first = index.find(selection.front());
    std::vector<plugin::HostServices::Field> fields;
    for (const char* name : step_fields) fields.push_back({name, first ? first->data(name) : ""});
    if (host.ask("Set Step Data", fields)) apply_step_data(host, fields);
}

void add_step_data_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Set Step Data...",
                            "Set stage, lane, channel and emotion of the selected steps", "Ctrl+Shift+D"};
    host.add_command(entry, [&host]() { edit_step_data(host); });
}

}  // namespace jstudio::journey_plugin
