#include "plugin/journey/results_panel.hpp"

#include <wx/aui/framemanager.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace jstudio::journey_plugin {

namespace {

class ResultsPanel : public wxPanel {
  public:
    ResultsPanel(wxWindow* parent, plugin::HostServices& host) : wxPanel(parent, wxID_ANY), m_host(host) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        m_title = new wxStaticText(this, wxID_ANY, "Run a Journey command to see its results here");
        m_list =
            new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 160), wxLC_REPORT | wxLC_SINGLE_SEL);
        sizer->Add(m_title, 0, wxALL | wxEXPAND, 4);
        sizer->Add(m_list, 1, wxEXPAND);
        SetSizer(sizer);
        m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                     [this](wxListEvent& e) { activate(static_cast<std::size_t>(e.GetIndex())); });
        m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { m_current = e.GetIndex(); });
    }

    // An empty results panel stays out of the way (issue 18): hidden until there is something to show.
    void reveal(bool shown) {
        auto* aui = wxAuiManager::GetManager(this);
        if (!aui || aui->GetPane(this).IsShown() == shown) return;
        aui->GetPane(this).Show(shown);
        aui->Update();
    }

    void show(const ResultTable& table) {
        reveal(true);
        m_table = table;
        m_current = -1;
        m_list->ClearAll();
        m_title->SetLabel(wxString::FromUTF8(table.title));
        for (std::size_t c = 0; c < table.headings.size(); ++c)
            m_list->AppendColumn(wxString::FromUTF8(table.headings[c]), wxLIST_FORMAT_LEFT,
                                 c + 1 == table.headings.size() ? 560 : 150);
        for (const auto& row : table.rows) {
            const long item = m_list->InsertItem(
                m_list->GetItemCount(), wxString::FromUTF8(row.columns.empty() ? "" : row.columns[0]));
            for (std::size_t c = 1; c < row.columns.size() && c < table.headings.size(); ++c)
                m_list->SetItem(item, static_cast<long>(c), wxString::FromUTF8(row.columns[c]));
        }
    }

    void activate(std::size_t row) {
        if (row >= m_table.rows.size()) return;
        m_current = static_cast<long>(row);
        m_list->SetItemState(m_current, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        m_list->EnsureVisible(m_current);
        m_host.select(m_table.rows[row].cells, true);  // a row without cells (a removed step) clears it
    }

    void next() {
        if (m_table.rows.empty()) return;
        activate(static_cast<std::size_t>(m_current + 1) % m_table.rows.size());
    }

    const ResultTable& table() const { return m_table; }

  private:
    plugin::HostServices& m_host;
    wxStaticText* m_title;
    wxListCtrl* m_list;
    ResultTable m_table;
    long m_current = -1;
};

ResultsPanel* g_panel = nullptr;  // owned by the host's window once added
const ResultTable g_empty;

}  // namespace

void add_results_panel(plugin::HostServices& host) {
    g_panel = new ResultsPanel(host.main_window(), host);
    host.add_panel(g_panel, {"journey-results", "Journey Results", false});
    g_panel->reveal(false);
    plugin::MenuEntry next{"Journey", "Next Result", "Select the cells of the next finding or difference",
                           "F8"};
    host.add_command(next, [&host]() {
        if (!g_panel || g_panel->table().rows.empty()) {
            host.report_error("Next Result: no results; run Check Navigation Links or Compare With... first");
            return;
        }
        g_panel->next();
    });
}

void drop_results_panel() {
    g_panel = nullptr;
}

void show_results(const ResultTable& table) {
    if (g_panel) g_panel->show(table);
}

const ResultTable& shown_results() {
    return g_panel ? g_panel->table() : g_empty;
}

}  // namespace jstudio::journey_plugin
