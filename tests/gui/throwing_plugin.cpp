// Two misbehaving plugins in one source: THROW_ON_ATTACH throws while attaching; otherwise the plugin attaches
// and its one command throws. The host must report both and keep running.
#include <stdexcept>

#include "plugin/include/jstudio/plugin_api.hpp"

namespace {

class ThrowingPlugin : public jstudio::plugin::Plugin {
public:
    std::string name() const override { return "throwing"; }
    void attach(jstudio::plugin::HostServices& host) override {
#ifdef THROW_ON_ATTACH
        (void)host;
        throw std::runtime_error("attach went wrong on purpose");
#else
        host.add_command({"Broken", "Throw", "", ""}, []() { throw std::runtime_error("boom"); });
#endif
    }
    void detach() override {}
};

}  // namespace

extern "C" {
JSTUDIO_EXPORT int jstudio_plugin_api_version() {
    return JSTUDIO_PLUGIN_API_VERSION;
}
JSTUDIO_EXPORT jstudio::plugin::Plugin* jstudio_plugin_create() {
    return new ThrowingPlugin;
}
JSTUDIO_EXPORT void jstudio_plugin_destroy(jstudio::plugin::Plugin* plugin) {
    delete plugin;
}
}
