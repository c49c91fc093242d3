#pragma once
// The Layers panel (draw.io's Ctrl+Shift+L dialog, docked): the active page's layers, top layer first. The
// check box shows or hides a layer; the buttons add, rename, lock or unlock a layer and move the selection
// to it. Each change is one undo step. Window names ("layers", "add-layer", "rename-layer", "lock-layer",
// "move-to-layer") are what the self-test drives.
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxCheckListBox;

namespace jstudio::studio {

class Editor;
class Canvas;

class LayersPanel : public wxPanel {
  public:
    // ask_name: asks the user for a name (prefilled with the current one); false when cancelled.
    LayersPanel(wxWindow* parent, std::function<Editor*()> editor, std::function<Canvas*()> canvas,
                std::function<bool(const std::string& title, std::string& name)> ask_name);

    void refresh();  // call when the page or the document changes

  private:
    std::function<Editor*()> m_editor;
    std::function<Canvas*()> m_canvas;
    std::function<bool(const std::string&, std::string&)> m_ask_name;
    wxCheckListBox* m_list = nullptr;
    std::vector<std::string> m_ids;  // layer ids, in list order (top layer first)

    std::string chosen() const;  // the id of the highlighted layer, "" when none
};

}  // namespace jstudio::studio
