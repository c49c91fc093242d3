#pragma once
// One open document in journey-studio: the model, its file, its undo history and the edits the views ask for.
// Views never write fields; every change becomes a plugin::CellCommand submitted here (STYLE.md §2.8).
#include <wx/cmdproc.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/diagram/geometry.hpp"
#include "plugin/include/jstudio/cell_command.hpp"

namespace jstudio::studio {

// Tells the views to redraw after every Do/Undo/Redo, whoever submitted the command.
class NotifyingProcessor : public wxCommandProcessor {
  public:
    std::function<void()> changed;
    bool Submit(wxCommand* command, bool store = true) override;
    bool Undo() override;
    bool Redo() override;

  private:
    void notify() {
        if (changed) changed();
    }
};

class Editor {
  public:
    diagram::Document document;
    std::string path;  // "" until saved
    NotifyingProcessor history;
    Diagnostics diagnostics;  // from reading

    static Result<std::unique_ptr<Editor>> open(const std::string& path);
    static std::unique_ptr<Editor> create_new();
    Status save(const std::string& to);  // atomic; marks the history saved
    bool modified() const { return const_cast<NotifyingProcessor&>(history).IsDirty(); }

    // Edits; each is one undoable command, false when there was nothing to do.
    bool move(std::size_t page, const std::vector<std::string>& ids, double dx, double dy);
    bool remove(std::size_t page, const std::vector<std::string>& ids);
    bool set_label(std::size_t page, const std::string& id, const std::string& text);
    bool set_bounds(std::size_t page, const std::string& id, const diagram::Rect& bounds);
    // A new vertex in the first layer; returns its id ("" on failure).
    std::string add_vertex(std::size_t page, const std::string& style, const diagram::Rect& bounds,
                           const std::string& label);
    // A glued edge between two vertices; returns its id.
    std::string connect(std::size_t page, const std::string& source, const std::string& target);
    // Copies of cells (and their descendants) with fresh ids, shifted by (dx, dy); returns the new top-level
    // ids.
    std::vector<std::string> paste(std::size_t page, const std::vector<diagram::Cell>& cells, double dx,
                                   double dy);
    // The cells to copy for a selection: the selected cells and their descendants, in page order.
    std::vector<diagram::Cell> copy(std::size_t page, const std::vector<std::string>& ids) const;

  private:
    std::string fresh_id(std::size_t page);
    std::size_t m_next_id = 1;
};

}  // namespace jstudio::studio
