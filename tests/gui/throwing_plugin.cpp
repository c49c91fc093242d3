// Two misbehaving plugins in one source: THROW_ON_ATTACH throws while attaching; otherwise the plugin
// attaches and its one command throws. The host must report both and keep running.
#include <stdexcept>
#include <string>

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
        // Long work through the host's progress: reports how far it got, so a test sees Cancel take effect.
        host.add_command({"Broken", "Long Work", "", ""}, [&host]() {
            int done = 0;
            const bool completed =
                host.run_with_progress("Long work", [&](jstudio::plugin::Progress& progress) {
                    for (; done < 100; ++done)
                        if (!progress.update(done / 100.0, "step " + std::to_string(done))) return;
                });
            host.report_error(std::string("Long work ") + (completed ? "finished" : "cancelled") + " after " +
                              std::to_string(done) + " steps");
        });
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
