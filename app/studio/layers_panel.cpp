#include "app/studio/layers_panel.hpp"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/sizer.h>

#include <algorithm>

#include "app/studio/canvas.hpp"
#include "app/studio/editor.hpp"
#include "core/diagram/page_index.hpp"

namespace jstudio::studio {

LayersPanel::LayersPanel(wxWindow* parent, std::function<Editor*()> editor, std::function<Canvas*()> canvas,
                         std::function<bool(const std::string&, std::string&)> ask_name)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(240, 200), wxTAB_TRAVERSAL, "layers-panel"),
      m_editor(std::move(editor)),
      m_canvas(std::move(canvas)),
      m_ask_name(std::move(ask_name)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 120), 0, nullptr, wxLB_SINGLE,
                                wxDefaultValidator, "layers");
    sizer->Add(m_list, 1, wxEXPAND | wxALL, 2);
    auto* buttons = new wxGridSizer(2, 2, 2);
    auto button = [&](const char* label, const char* name) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT,
                               wxDefaultValidator, name);
        buttons->Add(b, 0, wxEXPAND);
        return b;
    };
    auto* add = button("Add", "add-layer");
    auto* rename = button("Rename...", "rename-layer");
    auto* lock = button("Lock / Unlock", "lock-layer");
    auto* move = button("Move Here", "move-to-layer");
    move->SetToolTip("Move the selected cells to the highlighted layer");
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 2);
    SetSizer(sizer);

    auto page = [this]() { return m_canvas() ? m_canvas()->page() : std::size_t(-1); };
    m_list->Bind(wxEVT_CHECKLISTBOX, [this, page](wxCommandEvent& e) {
        const auto row = static_cast<std::size_t>(e.GetInt());
        if (m_editor() && row < m_ids.size())
            m_editor()->set_layer_visible(page(), m_ids[row], m_list->IsChecked(static_cast<unsigned>(row)));
    });
    add->Bind(wxEVT_BUTTON, [this, page](wxCommandEvent&) {
        if (!m_editor()) return;
        std::string name = "Layer " + std::to_string(m_ids.size());
        if (m_ask_name("New layer", name)) m_editor()->add_layer(page(), name);
    });
    rename->Bind(wxEVT_BUTTON, [this, page](wxCommandEvent&) {
        const std::string id = chosen();
        if (id.empty() || !m_editor()) return;
        diagram::PageIndex index(m_editor()->document.pages[page()]);
        std::string name = index.find(id)->label();
        if (m_ask_name("Rename layer", name)) m_editor()->set_label(page(), id, name);
    });
    lock->Bind(wxEVT_BUTTON, [this, page](wxCommandEvent&) {
        const std::string id = chosen();
        if (id.empty() || !m_editor()) return;
        diagram::PageIndex index(m_editor()->document.pages[page()]);
        m_editor()->set_layer_locked(page(), id, !index.find(id)->style_or_empty().flag("locked"));
    });
    move->Bind(wxEVT_BUTTON, [this, page](wxCommandEvent&) {
        const std::string id = chosen();
        if (!id.empty() && m_editor() && m_canvas())
            m_editor()->move_to_layer(page(), m_canvas()->selection(), id);
    });
    refresh();
}

std::string LayersPanel::chosen() const {
    const int row = m_list->GetSelection();
    return row >= 0 && static_cast<std::size_t>(row) < m_ids.size() ? m_ids[static_cast<std::size_t>(row)]
                                                                    : "";
}

void LayersPanel::refresh() {
    const std::string keep = chosen();
    Editor* editor = m_editor();
    Canvas* canvas = m_canvas();
    std::vector<std::string> ids;
    wxArrayString names;
    std::vector<bool> shown;
    if (editor && canvas && canvas->page() < editor->document.pages.size()) {
        diagram::PageIndex index(editor->document.pages[canvas->page()]);
        auto layers = index.layers();
        std::reverse(layers.begin(), layers.end());  // the top layer first, as draw.io lists them
        for (const auto* layer : layers) {
            ids.push_back(layer->id);
            std::string name = layer->label().empty()
                                   ? (layer == index.layers().front() ? "Background" : layer->id)
                                   : layer->label();
            if (layer->style_or_empty().flag("locked")) name += " (locked)";
            names.Add(wxString::FromUTF8(name));
            shown.push_back(layer->is_visible());
        }
    }
    if (ids != m_ids || names != m_list->GetStrings()) {
        m_ids = ids;
        m_list->Set(names);
    }
    for (std::size_t i = 0; i < shown.size(); ++i) m_list->Check(static_cast<unsigned>(i), shown[i]);
    const auto at = std::find(m_ids.begin(), m_ids.end(), keep);
    if (at != m_ids.end()) m_list->SetSelection(static_cast<int>(at - m_ids.begin()));
}

}  // namespace jstudio::studio
