#pragma once
// How every journey command changes the document: it runs the same core function the CLI runs on a COPY of
// the active page, and this turns the difference into one undoable CellCommand (core/diagram/cell_delta).
#include <wx/cmdproc.h>

#include <optional>
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "plugin/include/jstudio/plugin_api.hpp"

namespace jstudio::journey_plugin {

// The document and page a command works on; nullopt (after telling the user) when nothing is open.
struct ActivePage {
    diagram::Document* document = nullptr;
    std::size_t index = 0;
    const diagram::Page& page() const { return document->pages[index]; }
};
std::optional<ActivePage> active_page(plugin::HostServices& host, const std::string& command);

// Submits `edited` (a changed copy of page `target.index`) as one undo step; false when nothing changed.
bool submit_page_edit(plugin::HostServices& host, const ActivePage& target, const std::string& name,
                      const diagram::Page& edited);

// Adding or replacing whole pages (a new journey map): the document's page list before and after.
class PagesCommand : public wxCommand {
  public:
    PagesCommand(const wxString& name, diagram::Document* document, std::vector<diagram::Page> after)
        : wxCommand(true, name), m_document(document), m_other(std::move(after)) {}
    bool Do() override { return swap(); }
    bool Undo() override { return swap(); }

  private:
    diagram::Document* m_document;
    std::vector<diagram::Page> m_other;  // the pages not currently in the document
    bool swap() {
        if (!m_document) return false;
        std::swap(m_document->pages, m_other);
        return true;
    }
};

// "/a/b/log.csv" -> "log.csv", for panel titles.
std::string file_name(const std::string& path);

// "a,b, c" -> {"a", "b", "c"}; empty items dropped.
std::vector<std::string> split_list(const std::string& text, char separator = ',');

}  // namespace jstudio::journey_plugin
