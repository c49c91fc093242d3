#pragma once
// The journey plugin: one small file per capability, each a function that adds its commands or panels to the
// host, each a thin wx layer over the same core/importers/exporters/templates functions the `journey` CLI
// calls. A new capability is its file and one line in capabilities() (journey_plugin.cpp).
#include <functional>
#include <vector>

#include "plugin/include/jstudio/plugin_api.hpp"

namespace jstudio::journey_plugin {

using Capability = void (*)(plugin::HostServices& host);

void add_results_panel(plugin::HostServices& host);      // results_panel.cpp (declared there too)
void add_inspector(plugin::HostServices& host);          // inspector_panel.cpp
void add_step_data_command(plugin::HostServices& host);  // cmd_step_data.cpp
void add_select_stage(plugin::HostServices& host);       // cmd_select_stage.cpp
void add_new_map_command(plugin::HostServices& host);    // cmd_new_map.cpp
void add_layout_command(plugin::HostServices& host);     // cmd_layout.cpp
void add_check_commands(plugin::HostServices& host);     // cmd_check.cpp
void add_compare_command(plugin::HostServices& host);    // cmd_compare.cpp
void add_validate_command(plugin::HostServices& host);   // cmd_validate.cpp
void add_export_commands(plugin::HostServices& host);    // cmd_export.cpp
void add_save_report(plugin::HostServices& host);        // cmd_save_report.cpp

// The journey metadata a step carries as UserObject attributes (see templates/ and the journey graph).
inline const char* const step_fields[] = {"stage", "lane", "channel", "emotion"};

// Set Step Data (cmd_step_data.cpp), shared with the inspector: asks for the four fields, or sets the given
// fields on every selected cell; one undo step, false when nothing changed.
void edit_step_data(plugin::HostServices& host);
bool apply_step_data(plugin::HostServices& host, const std::vector<plugin::HostServices::Field>& fields);

}  // namespace jstudio::journey_plugin
