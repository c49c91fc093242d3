#pragma once
// One open document in journey-studio: the model, its file, its undo history and the edits the views ask for.
// Views never write fields; every change becomes a plugin::CellCommand submitted here (STYLE.md §2.8).
#include <wx/cmdproc.h>

#include <functional>
#include <memory>
#include <optional>
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
    // The page the views should show after a page-list command was done, undone or redone (then cleared).
    std::optional<std::size_t> page_to_show;

    static Result<std::unique_ptr<Editor>> open(const std::string& path);
    static std::unique_ptr<Editor> create_new();
    Status save(const std::string& to);  // atomic; marks the history saved
    bool modified() const { return const_cast<NotifyingProcessor&>(history).IsDirty(); }

    // Edits; each is one undoable command, false when there was nothing to do.
    bool move(std::size_t page, const std::vector<std::string>& ids, double dx, double dy);
    // A drag ending: as move, but on a journey map a card dropped in another stage x lane cell (or emotion
    // band) takes that stage, lane (or score) and the grid re-flows, all one undo step.
    bool drop(std::size_t page, const std::vector<std::string>& ids, double dx, double dy);
    bool remove(std::size_t page, const std::vector<std::string>& ids);
    bool set_label(std::size_t page, const std::string& id, const std::string& text);
    bool set_bounds(std::size_t page, const std::string& id, const diagram::Rect& bounds,
                    const std::string& name = "Resize");
    // A new vertex in the first layer, or in `parent` (a container; bounds then relative to it); returns its
    // id ("" on failure).
    std::string add_vertex(std::size_t page, const std::string& style, const diagram::Rect& bounds,
                           const std::string& label,
                           const std::vector<std::pair<std::string, std::string>>& data = {},
                           const std::string& parent = "");
    // A glued edge between two vertices; returns its id.
    std::string connect(std::size_t page, const std::string& source, const std::string& target);
    // Copies of cells (and their descendants) with fresh ids, shifted by (dx, dy); returns the new top-level
    // ids.
    std::vector<std::string> paste(std::size_t page, const std::vector<diagram::Cell>& cells, double dx,
                                   double dy);
    // The cells to copy for a selection: the selected cells and their descendants, in page order.
    std::vector<diagram::Cell> copy(std::size_t page, const std::vector<std::string>& ids) const;

    // Format: `edit` changes each cell's style (draw.io keys); one undo step named `name` for all of them,
    // false when no style changed.
    bool restyle(std::size_t page, const std::vector<std::string>& ids, const std::string& name,
                 const std::function<void(diagram::Style&, const diagram::Cell&)>& edit);

    // Pages, each one undo step; false when there was nothing to do.
    bool add_page(std::size_t at, const std::string& name);  // an empty page inserted at index `at`
    bool duplicate_page(std::size_t page);                   // the copy goes right after it
    bool rename_page(std::size_t page, const std::string& name);
    bool delete_page(std::size_t page);  // never the last one
    bool move_page(std::size_t from, std::size_t to);

    // Arrange, each one undo step: z-order within the parent (draw.io's to front / to back), group (a new
    // "group" cell around cells of one parent; returns its id) and ungroup (returns the freed children).
    // Align: "left", "center", "right", "top", "middle", "bottom" (to the selection's bounds, as draw.io);
    // distribute: "horizontal" or "vertical" (centres evenly spaced between the outermost two).
    bool align(std::size_t page, const std::vector<std::string>& ids, const std::string& how);
    bool distribute(std::size_t page, const std::vector<std::string>& ids, const std::string& how);
    // Lock (draw.io's locked=1 style: not moved, resized or deleted until unlocked) or unlock the cells.
    bool set_locked(std::size_t page, const std::vector<std::string>& ids, bool locked);
    bool to_front(std::size_t page, const std::vector<std::string>& ids);
    bool to_back(std::size_t page, const std::vector<std::string>& ids);
    std::string group(std::size_t page, const std::vector<std::string>& ids);
    std::vector<std::string> ungroup(std::size_t page, const std::vector<std::string>& ids);

    // Layers (cells whose parent is the root), each one undo step.
    std::string add_layer(std::size_t page, const std::string& name);  // on top; returns its id
    bool set_layer_visible(std::size_t page, const std::string& layer, bool visible);
    bool set_layer_locked(std::size_t page, const std::string& layer, bool locked);  // style locked=1
    // Moves the selected cells that sit directly on a layer to `layer` (as draw.io's "Move selection to").
    bool move_to_layer(std::size_t page, const std::vector<std::string>& ids, const std::string& layer);

  private:
    bool reorder(std::size_t page, const std::vector<std::string>& ids, bool front);
    // Puts the page's cells in `order` (positions into the current cells; a position past the end takes the
    // next of `added`) with `changed` replacing cells by id, as one undo step.
    bool submit_order(std::size_t page, const std::string& name, const std::vector<std::size_t>& order,
                      const std::vector<diagram::Cell>& added, const std::vector<diagram::Cell>& changed);
    // Journey maps: each card in `edited` takes the stage, lane (and emotion score) of the cell it sits in,
    // the grid re-flows, and the difference to the page is one undo step; false (nothing done) when the
    // page's grid cannot be read.
    bool reflow_cards(std::size_t page, diagram::Page edited, const std::vector<std::string>& cards,
                      const std::string& name);
    bool replace_pages(const std::string& name, std::vector<diagram::Page> pages, std::size_t show_done,
                       std::size_t show_undone);
    bool change_cell(std::size_t page, const std::string& id, const std::string& name,
                     const std::function<void(diagram::Cell&)>& edit);
    std::string fresh_id(std::size_t page);
    std::size_t m_next_id = 1;
};

}  // namespace jstudio::studio
