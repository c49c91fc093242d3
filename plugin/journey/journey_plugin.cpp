#include "plugin/journey/journey_plugin.hpp"

#include <string>

#include "plugin/journey/results_panel.hpp"

namespace jstudio::journey_plugin {

namespace {

const std::vector<Capability>& capabilities() {
    static const std::vector<Capability> list = {
        add_results_panel,     add_inspector,       add_new_map_command,  add_layout_command,
        add_check_commands,    add_compare_command, add_validate_command, add_export_commands,
        add_step_data_command, add_select_stage,    add_save_report,
    };
    return list;
}

class JourneyPlugin : public plugin::Plugin {
  public:
    std::string name() const override { return "journey"; }
    void attach(plugin::HostServices& host) override {
        for (Capability add : capabilities()) add(host);
    }
    void detach() override { drop_results_panel(); }  // the host removes our menus and panels
};

}  // namespace

}  // namespace jstudio::journey_plugin

extern "C" {
JSTUDIO_EXPORT int jstudio_plugin_api_version() {
    return JSTUDIO_PLUGIN_API_VERSION;
}
JSTUDIO_EXPORT jstudio::plugin::Plugin* jstudio_plugin_create() {
    return new jstudio::journey_plugin::JourneyPlugin;
}
JSTUDIO_EXPORT void jstudio_plugin_destroy(jstudio::plugin::Plugin* plugin) {
    delete plugin;
}
}
