#pragma once
// The journey-studio main window: one open document with a tab per page, menus, dockable plugin panels, and
// the HostServices plugins see.
#include <wx/aui/aui.h>
#include <wx/cmndata.h>
#include <wx/docview.h>
#include <wx/frame.h>
#include <wx/notebook.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/studio/canvas.hpp"
#include "app/studio/editor.hpp"
#include "app/studio/plugin_loader.hpp"
#include "plugin/include/jstudio/plugin_api.hpp"

namespace jstudio::studio {

class FormatPanel;
class LayersPanel;
class OutlinePanel;
class ShapeLibrary;
struct LibraryShape;
enum class DragStep;

class StudioFrame : public wxFrame, public plugin::HostServices {
  public:
    explicit StudioFrame(bool interactive);
    ~StudioFrame() override;

    void load_plugins_from(const std::vector<std::string>& directories);
    const PluginReport& plugins() const { return m_plugins; }
    const std::vector<std::string>& errors() const { return m_errors; }

    bool open_file(const std::string& path);       // replaces the document without asking
    bool open_from_user(const std::string& path);  // as File > Open: asks about unsaved changes first
    bool save_to(const std::string& path);
    bool confirm_discard();  // true when there is nothing to lose or the user agreed
    Editor* editor() { return m_editor.get(); }
    Canvas* canvas();  // the active page's canvas, null when none
    void show_page(std::size_t page);
    bool run_command(const std::string& menu_slash_label);  // false when no such command
    std::vector<std::string> command_names() const;
    bool run_menu(const std::string& menu_slash_label);  // as if the user chose it: "Edit/Undo"
    bool run_tool(const std::string& label);             // a palette tool: "Ellipse"
    std::string recent_file(std::size_t index) const;    // File > Open Recent, "" past the end
    bool post_command(int id);                           // a menu or tool event, as a click sends it
    bool run_shortcut(const wxKeyEvent& key);  // the menu command with this accelerator; false if none
    bool show_pane(const std::string& name, bool shown);  // a docked panel; false when there is none
    wxString tab_text(std::size_t page) const;  // the text given to the page's tab (mnemonics escaped)
    wxMenu* context_menu() { return m_context_menu.get(); }  // the canvas's last right-click menu
    wxWindow* pane_window(const std::string& name) { return m_aui.GetPane(wxString::FromUTF8(name)).window; }
    const std::vector<std::string>& asked() const { return m_asked; }  // questions put to the user

    // plugin::HostServices
    wxWindow* main_window() override { return this; }
    void add_command(const plugin::MenuEntry& entry, std::function<void()> run) override;
    void add_panel(wxWindow* panel, const plugin::PanelInfo& info) override;
    diagram::Document* active_document() override { return m_editor ? &m_editor->document : nullptr; }
    std::string active_path() override { return m_editor ? m_editor->path : ""; }
    std::vector<std::string> allowed_image_folders() override { return m_image_folders; }
    int active_page() override;
    std::vector<std::string> selection() override;
    void select(const std::vector<std::string>& cell_ids, bool centre) override;
    void submit(std::unique_ptr<wxCommand> command) override;
    void on_change(std::function<void()> listener) override { m_listeners.push_back(std::move(listener)); }
    bool run_with_progress(const std::string& title,
                           const std::function<void(plugin::Progress&)>& work) override;
    void report_error(const std::string& message) override;
    bool ask(const std::string& title, std::vector<Field>& fields) override;
    std::string ask_path(const std::string& title, const std::string& wildcard, bool save) override;

    // Scripted runs: the answer to the next ask/ask_path ("name=value" words, a path, or "cancel").
    void queue_answer(std::vector<std::string> answer) { m_answers.push_back(std::move(answer)); }

  private:
    bool m_interactive;
    std::unique_ptr<Editor> m_editor;
    wxAuiManager m_aui;
    wxNotebook* m_tabs = nullptr;
    wxFileHistory m_recent;
    wxMenu* m_recent_menu = nullptr;
    PluginReport m_plugins;
    std::map<std::string, std::function<void()>> m_commands;  // "Menu/Label"
    std::vector<std::function<void()>> m_listeners;
    std::vector<std::string> m_errors;
    std::vector<diagram::Cell> m_clipboard;
    int m_paste_count = 0;
    std::deque<std::vector<std::string>> m_answers;
    std::vector<std::string> m_asked;
    std::vector<std::string> m_image_folders;  // Edit > Allowed Image Folders... (image_folders.hpp)
    FormatPanel* m_format = nullptr;
    LayersPanel* m_layers = nullptr;
    ShapeLibrary* m_shapes = nullptr;
    OutlinePanel* m_outline = nullptr;

    std::unique_ptr<wxMenu> m_context_menu;  // the last one built (scripted runs choose from it)
    int m_duplicate_id = 0, m_front_id = 0, m_back_id = 0, m_group_id = 0, m_ungroup_id = 0, m_label_id = 0;

    void build_menus();
    void build_arrange_menu(wxMenuBar* bar);
    void show_context_menu(wxPoint at);
    void build_page_menu(wxMenuBar* bar);
    void add_panels();
    void attach_editor(std::unique_ptr<Editor> editor);
    void rebuild_tabs();
    void document_changed();
    void changed();  // tell listeners and refresh the title
    void update_title();
    void insert_shape(const std::string& style, double w, double h, const std::string& label);
    bool drag_shape(const LibraryShape& shape, wxPoint screen, DragStep step);
    void edit_label_of(const std::string& id);
    void edit_image_folders();
    void find_text();
    void print(bool preview);
    wxPrintData m_print_data;  // the printer and paper the user chose last
    std::string m_last_find;
    void on_close(wxCloseEvent& event);
};

}  // namespace jstudio::studio
