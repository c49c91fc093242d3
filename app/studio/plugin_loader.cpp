#include "app/studio/plugin_loader.hpp"

#include <wx/dir.h>
#include <wx/dynlib.h>
#include <wx/filename.h>
#include <wx/log.h>
#include <wx/stdpaths.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <sstream>

namespace jstudio::studio {

std::string what_of(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

std::vector<std::string> plugin_directories() {
    std::vector<std::string> dirs;
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    dirs.push_back((exe.GetPath() + "/plugins").ToStdString());
    if (const char* env = std::getenv("JSTUDIO_PLUGIN_PATH")) {
        std::stringstream in(env);
        std::string dir;
        while (std::getline(in, dir, ':'))
            if (!dir.empty()) dirs.push_back(dir);
    }
    return dirs;
}

namespace {}  // namespace

PluginReport load_plugins(const std::vector<std::string>& directories, plugin::HostServices& host) {
    PluginReport report;
    std::vector<std::string> files;
    for (const auto& dir : directories) {
        if (!wxDir::Exists(dir)) continue;
        wxArrayString found;
        wxDir::GetAllFiles(dir, &found, "*" + wxDynamicLibrary::GetDllExt(wxDL_MODULE), wxDIR_FILES);
        std::vector<std::string> sorted;
        for (const auto& f : found) sorted.push_back(f.ToStdString());
        std::sort(sorted.begin(), sorted.end());  // a stable order: same menus every run
        files.insert(files.end(), sorted.begin(), sorted.end());
    }
    for (const auto& file : files) {
        const std::string name = wxFileName(file).GetFullName().ToStdString();
        auto library = std::make_unique<wxDynamicLibrary>();
        {
            wxLogNull quiet;  // our own message below says it better than dlerror's popup
            if (!library->Load(file, wxDL_NOW | wxDL_QUIET)) {
                report.problems.push_back(name + ": not a loadable library");
                continue;
            }
        }
        using VersionFn = int (*)();
        using CreateFn = plugin::Plugin* (*)();
        using DestroyFn = void (*)(plugin::Plugin*);
        VersionFn version = nullptr;
        CreateFn create = nullptr;
        DestroyFn destroy = nullptr;
        {
            wxLogNull quiet;  // GetSymbol logs a missing symbol, which a GUI shows as a modal box
            version = reinterpret_cast<VersionFn>(library->GetSymbol("jstudio_plugin_api_version"));
            create = reinterpret_cast<CreateFn>(library->GetSymbol("jstudio_plugin_create"));
            destroy = reinterpret_cast<DestroyFn>(library->GetSymbol("jstudio_plugin_destroy"));
        }
        if (!version || !create || !destroy) {
            report.problems.push_back(
                name + ": not a journey-studio plugin (missing jstudio_plugin_* entry points)");
            continue;
        }
        const int plugin_version = version();
        if (plugin_version != JSTUDIO_PLUGIN_API_VERSION) {
            report.problems.push_back(name + ": plugin interface version " + std::to_string(plugin_version) +
                                      ", this host needs " + std::to_string(JSTUDIO_PLUGIN_API_VERSION));
            continue;
        }
        plugin::Plugin* instance = nullptr;
        try {
            instance = create();
            if (!instance) throw std::runtime_error("jstudio_plugin_create returned null");
            instance->attach(host);
        } catch (...) {
            report.problems.push_back(name + ": failed to start: " + what_of(std::current_exception()));
            if (instance) {
                try {
                    instance->detach();
                    destroy(instance);
                } catch (...) {
                }
            }
            // Keep the library mapped: the host may already hold callbacks whose code lives in it.
            library->Detach();
            continue;
        }
        library->Detach();  // panels and callbacks live as long as the host; never unmap under them
        report.loaded.push_back({file, instance, destroy});
    }
    return report;
}

void unload_plugins(PluginReport& report) {
    for (auto& p : report.loaded) {
        try {
            p.plugin->detach();
            p.destroy(p.plugin);
        } catch (...) {
        }
    }
    report.loaded.clear();
}

}  // namespace jstudio::studio
