// Inspector: the journey metadata (stage, lane, channel, emotion) and every other UserObject attribute of the
// selected cell, refreshed whenever the selection or the document changes. Double-clicking a field edits it
// on every selected cell, "Edit..." edits the four journey fields; each edit is one undo step
// (cmd_step_data.cpp).
#include <cctype>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <map>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_read.hpp"
#include "core/page/page_reading.hpp"
#include "plugin/journey/journey_plugin.hpp"

namespace jstudio::journey_plugin {

namespace {

class InspectorPanel : public wxPanel {
  public:
    InspectorPanel(wxWindow* parent, plugin::HostServices& host) : wxPanel(parent, wxID_ANY), m_host(host) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        m_title = new wxStaticText(this, wxID_ANY, "Nothing selected");
        m_list =
            new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
        m_list->AppendColumn("Field", wxLIST_FORMAT_LEFT, 90);
        m_list->AppendColumn("Value", wxLIST_FORMAT_LEFT, 180);
        auto* edit = new wxButton(this, wxID_ANY, "Edit...");
        sizer->Add(m_title, 0, wxALL | wxEXPAND, 6);
        sizer->Add(m_list, 1, wxEXPAND);
        sizer->Add(edit, 0, wxALL, 4);
        SetSizer(sizer);
        edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_step_data(m_host); });
        m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
            // The stored value (a stage's id), not the name shown for it.
            const auto row = static_cast<std::size_t>(e.GetIndex());
            std::vector<plugin::HostServices::Field> field{
                {m_list->GetItemText(e.GetIndex(), 0).ToStdString(wxConvUTF8),
                 row < m_values.size() ? m_values[row]
                                       : m_list->GetItemText(e.GetIndex(), 1).ToStdString(wxConvUTF8)}};
            if (m_host.ask("Set " + field[0].name, field)) apply_step_data(m_host, field);
        });
    }

    void refresh() {
        m_list->DeleteAllItems();
        m_values.clear();
        const auto* document = m_host.active_document();
        const int page = m_host.active_page();
        const auto selection = m_host.selection();
        if (!document || page < 0 || selection.size() != 1 ||
            static_cast<std::size_t>(page) >= document->pages.size()) {
            m_title->SetLabel(selection.empty() ? "Nothing selected"
                                                : wxString::Format("%zu cells selected", selection.size()));
            return;
        }
        // The role comes from the page reading every command uses, so what the inspector says a cell is
        // is what check, validate, diff and layout take it for.
        const page::PageReading reading(document->pages[static_cast<std::size_t>(page)]);
        const auto position = reading.index().position(selection.front());
        if (!position) return;
        const auto* cell = &reading.page().cells[*position];
        std::string role = page::to_string(reading.role(*position));
        if (const auto host = reading.host(*position); host != page::PageReading::none) {
            const std::string host_label = reading.plain_label(host);
            role += " of " + (host_label.empty() ? reading.page().cells[host].id : "'" + host_label + "'");
        }
        role[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(role[0])));
        const std::string label = reading.plain_label(*position);
        m_title->SetLabel(wxString::FromUTF8(role + " " + cell->id + (label.empty() ? "" : ": " + label) +
                                             "\n(" + page::explain(reading.rule(*position)) + ")"));
        // Stages and lanes by the names the user sees on the map, not the ids the metadata keeps (issue 18:
        // "cart" where the user named the stage "Compare").
        std::map<std::string, std::string> names;
        if (!cell->data("stage").empty() || !cell->data("lane").empty())
            if (auto map = journey::read_journey(reading)) {
                for (const auto& stage : map.value().stages) names["stage:" + stage.id] = stage.name;
                for (const auto& lane : map.value().lanes) names["lane:" + lane.id] = lane.name;
            }
        auto add = [&](const std::string& field, const std::string& value) {
            const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(field));
            const auto named = names.find(field + ":" + value);
            const std::string shown = named == names.end() || named->second.empty() || named->second == value
                                          ? value
                                          : named->second;
            m_list->SetItem(row, 1, wxString::FromUTF8(shown));
            m_values.push_back(value);
        };
        // Editing this row sets the journey-role attribute: the user's word on what the cell is.
        add("journey-role", page::to_string(reading.role(*position)));
        for (const char* field : step_fields) add(field, cell->data(field));
        if (cell->wrapper)
            for (const auto& attribute : cell->wrapper->attributes) {
                bool shown = attribute.name == "label" || attribute.name == "journey-role";
                for (const char* field : step_fields) shown = shown || attribute.name == field;
                if (!shown) add(attribute.name, attribute.value);
            }
    }

  private:
    plugin::HostServices& m_host;
    wxStaticText* m_title;
    wxListCtrl* m_list;
    std::vector<std::string> m_values;  // per row: the stored value (the list may show a name for it)
};

}  // namespace

void add_inspector(plugin::HostServices& host) {
    auto* panel = new InspectorPanel(host.main_window(), host);
    host.add_panel(panel, {"journey-inspector", "Journey Inspector", true});
    host.on_change([panel]() { panel->refresh(); });
}

}  // namespace jstudio::journey_plugin
