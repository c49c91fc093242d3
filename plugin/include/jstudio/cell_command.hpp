#pragma once
// One undoable change over the cells of one page: for each touched cell, its whole data before and after
// (nullopt = absent). Move, delete, add, relabel, set metadata and layout are all this command, as mxGraph
// keeps one change list per beginUpdate/endUpdate. Part of the plugin API: bump JSTUDIO_PLUGIN_API_VERSION on
// change.
#include <wx/cmdproc.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagram/document.hpp"

namespace jstudio::plugin {

struct CellChange {
    std::string id;
    std::optional<diagram::Cell> before, after;
    std::size_t position = 0;  // where an added cell goes back (index in page.cells); ignored for replaces
};

class CellCommand : public wxCommand {
  public:
    // document must outlive the command; the host clears its command history when it closes a document.
    CellCommand(const wxString& name, diagram::Document* document, std::size_t page,
                std::vector<CellChange> changes)
        : wxCommand(true, name), m_document(document), m_page(page), m_changes(std::move(changes)) {}

    bool Do() override { return apply(false); }
    bool Undo() override { return apply(true); }
    const std::vector<CellChange>& changes() const { return m_changes; }
    std::size_t page() const { return m_page; }

  private:
    diagram::Document* m_document;
    std::size_t m_page;
    std::vector<CellChange> m_changes;

    bool apply(bool undo) {
        if (!m_document || m_page >= m_document->pages.size()) return false;
        auto& cells = m_document->pages[m_page].cells;
        auto step = [&](const CellChange& change) {
            const auto& want = undo ? change.before : change.after;
            auto it = std::find_if(cells.begin(), cells.end(),
                                   [&](const diagram::Cell& c) { return c.id == change.id; });
            if (!want) {
                if (it != cells.end()) cells.erase(it);
            } else if (it != cells.end()) {
                *it = *want;
            } else {
                cells.insert(
                    cells.begin() + static_cast<std::ptrdiff_t>(std::min(change.position, cells.size())),
                    *want);
            }
        };
        // Undo walks backwards so positions recorded at removal time are valid again.
        if (undo) {
            for (auto it = m_changes.rbegin(); it != m_changes.rend(); ++it) step(*it);
        } else {
            for (const auto& change : m_changes) step(change);
        }
        return true;
    }
};

}  // namespace jstudio::plugin
