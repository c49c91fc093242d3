#pragma once
// Finds plugin libraries (a "plugins" folder next to the executable, then $JSTUDIO_PLUGIN_PATH), checks each
// one's interface version before touching any C++ type, and attaches it. A library that does not load, has
// the wrong version or throws is reported and skipped; the host carries on.
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "plugin/include/jstudio/plugin_api.hpp"

class wxDynamicLibrary;

namespace jstudio::studio {

struct LoadedPlugin {
    std::string path;
    plugin::Plugin* plugin = nullptr;
    void (*destroy)(plugin::Plugin*) = nullptr;
};

struct PluginReport {
    std::vector<LoadedPlugin> loaded;
    std::vector<std::string> problems;  // one line per skipped file: "<file>: <why>"
};

// The message of a caught exception, for reports about plugins that threw.
std::string what_of(std::exception_ptr error);

std::vector<std::string> plugin_directories();
// attach_one is called for each plugin that passed the checks; it attaches (and may throw).
PluginReport load_plugins(const std::vector<std::string>& directories, plugin::HostServices& host);
void unload_plugins(PluginReport& report);  // detach and destroy; libraries stay mapped until exit

}  // namespace jstudio::studio
