// A plugin built against another interface version: the host must refuse it before calling anything else.
#include <cstdlib>

#include "plugin/include/jstudio/plugin_api.hpp"

extern "C" {
JSTUDIO_EXPORT int jstudio_plugin_api_version() {
    return 999;
}
JSTUDIO_EXPORT jstudio::plugin::Plugin* jstudio_plugin_create() {
    std::abort();  // reaching this means the host ignored the version
}
JSTUDIO_EXPORT void jstudio_plugin_destroy(jstudio::plugin::Plugin*) {
    std::abort();
}
}
