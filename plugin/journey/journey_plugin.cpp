#include "plugin/journey/journey_plugin.hpp"

#include <string>

namespace jstudio::journey_plugin {

namespace {

const std::vector<Capability>& capabilities() {
    static const std::vector<Capability> list = {
        add_inspector,
        add_step_data_command,
        add_export_svg,
        add_select_stage,
    };
    return list;
}

class JourneyPlugin : public plugin::Plugin {
public:
    std::string name() const override { return "journey"; }
    void attach(plugin::HostServices& host) override {
        for (Capability add : capabilities()) add(host);
    }
    void detach() override {}  // the host removes our menus and panels; we keep no host pointers beyond them
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
