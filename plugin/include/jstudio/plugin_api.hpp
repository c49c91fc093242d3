#pragma once
// The only plugin header a host includes: what a journey-studio plugin may ask of its host, and the three C
// entry points the host resolves by name. Host and plugin are built with the same compiler and wxWidgets; the
// version number guards everything else, so bump it on ANY change to this file or to cell_command.hpp.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/diagram/document.hpp"

class wxCommand;
class wxWindow;

#define JSTUDIO_PLUGIN_API_VERSION 3

#if defined(_WIN32)
#define JSTUDIO_EXPORT __declspec(dllexport)
#else
#define JSTUDIO_EXPORT __attribute__((visibility("default")))
#endif

namespace jstudio::plugin {

struct MenuEntry {
    std::string menu = "Journey";  // top-level menu, created when missing
    std::string label;             // unique within the menu; self-test scripts run commands by "menu/label"
    std::string help;              // status-bar text
    std::string accelerator;       // "Ctrl+Shift+L", or empty
};

struct PanelInfo {
    std::string name;     // unique; the host remembers where the user docked it
    std::string caption;  // title bar text
    bool right = true;    // docked right (else bottom)
};

// Long work runs synchronously with a progress dialog; update() returns false once the user pressed Cancel.
class Progress {
  public:
    virtual ~Progress() = default;
    virtual bool update(double fraction, const std::string& message) = 0;
};

class HostServices {  // the host implements, the plugin calls
  public:
    virtual ~HostServices() = default;
    virtual wxWindow* main_window() = 0;  // parent for dialogs and panels
    virtual void add_command(const MenuEntry& entry, std::function<void()> run) = 0;
    virtual void add_panel(wxWindow* panel, const PanelInfo& info) = 0;  // panel's parent: main_window()

    virtual diagram::Document* active_document() = 0;  // null when nothing is open; read it, never write it
    virtual std::string active_path() = 0;             // "" for a new, unsaved document
    // Folders local image files (image=/path, file://, ../x.png) may be read from, as `journey export
    // --allow-images-from DIR`: the user's setting (Edit > Allowed Image Folders...); empty = none. Every
    // export passes it with the document's folder (exporters::SvgOptions/RasterOptions/PptxOptions).
    virtual std::vector<std::string> allowed_image_folders() = 0;
    virtual int active_page() = 0;                     // index into pages, -1 when nothing is open
    virtual std::vector<std::string> selection() = 0;  // cell ids on the active page
    virtual void select(const std::vector<std::string>& cell_ids, bool centre) = 0;

    // Every document change is one command in the host's wxCommandProcessor: one Ctrl+Z undoes it whole.
    // The host redraws after Do/Undo. See cell_command.hpp for a ready-made command over cells.
    virtual void submit(std::unique_ptr<wxCommand> command) = 0;

    // Called after the selection, the active page or the document changed (any of them).
    virtual void on_change(std::function<void()> listener) = 0;

    // Runs work with a cancellable progress dialog; false when cancelled.
    virtual bool run_with_progress(const std::string& title, const std::function<void(Progress&)>& work) = 0;
    virtual void report_error(const std::string& message) = 0;  // shown to the user, logged in self-tests

    // Questions go through the host so scripted runs (GUI tests under Xvfb) can answer them.
    struct Field {
        Field(std::string name_, std::string value_, std::vector<std::string> choices_ = {})
            : name(std::move(name_)), value(std::move(value_)), choices(std::move(choices_)) {}
        std::string name, value;           // value: the proposed answer in, the user's answer out
        std::vector<std::string> choices;  // not empty: the answer is one of these (a drop-down list)
    };
    virtual bool ask(const std::string& title, std::vector<Field>& fields) = 0;  // false when cancelled
    // A file to save (save = true) or open; "" when cancelled. wildcard as wxFileDialog: "SVG (*.svg)|*.svg".
    virtual std::string ask_path(const std::string& title, const std::string& wildcard, bool save) = 0;
};

class Plugin {  // the plugin implements
  public:
    virtual ~Plugin() = default;
    virtual std::string name() const = 0;
    virtual void attach(HostServices& host) = 0;  // add commands and panels here
    virtual void detach() = 0;  // host still alive: drop pointers; the host removes menus/panels
};

}  // namespace jstudio::plugin

extern "C" {  // resolved by name through wxDynamicLibrary
JSTUDIO_EXPORT int jstudio_plugin_api_version();
JSTUDIO_EXPORT jstudio::plugin::Plugin* jstudio_plugin_create();
JSTUDIO_EXPORT void jstudio_plugin_destroy(jstudio::plugin::Plugin* plugin);  // freed where allocated
}
