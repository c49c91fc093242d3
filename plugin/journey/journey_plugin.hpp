#pragma once
// The journey plugin: one small file per capability, each a function that adds its commands or panels to the
// host. The integrator wires a new capability (layout, check, templates, ...) by adding its file and one line
// in capabilities() (journey_plugin.cpp).
#include <functional>
#include <vector>

#include "plugin/include/jstudio/plugin_api.hpp"

namespace jstudio::journey_plugin {

using Capability = void (*)(plugin::HostServices& host);

void add_inspector(plugin::HostServices& host);        // inspector_panel.cpp
void add_step_data_command(plugin::HostServices& host);  // cmd_step_data.cpp
void add_export_svg(plugin::HostServices& host);       // cmd_export_svg.cpp
void add_select_stage(plugin::HostServices& host);     // cmd_select_stage.cpp

// The journey metadata a step carries as UserObject attributes (see templates/ and the journey graph).
inline const char* const step_fields[] = {"stage", "lane", "channel", "emotion"};

}  // namespace jstudio::journey_plugin
