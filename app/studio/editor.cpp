#include "app/studio/editor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/cell_delta.hpp"
#include "core/diagram/page_index.hpp"
#include "core/layout/journey_grid_layout.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::studio {

using diagram::Cell;
using plugin::CellChange;
using plugin::CellCommand;

bool NotifyingProcessor::Submit(wxCommand* command, bool store) {
    const bool ok = wxCommandProcessor::Submit(command, store);
    notify();
    return ok;
}
bool NotifyingProcessor::Undo() {
    const bool ok = wxCommandProcessor::Undo();
    notify();
    return ok;
}
bool NotifyingProcessor::Redo() {
    const bool ok = wxCommandProcessor::Redo();
    notify();
    return ok;
}

Result<std::unique_ptr<Editor>> Editor::open(const std::string& path) {
    auto read = importers::read_drawio_file(path);
    if (!read) return read.error();
    auto editor = std::make_unique<Editor>();
    editor->document = std::move(read.value().document);
    editor->diagnostics = std::move(read.value().diagnostics);
    editor->path = path;
    if (editor->document.pages.empty())
        editor->document.pages.push_back(diagram::make_page("page-1", "Page-1"));
    return editor;
}

std::unique_ptr<Editor> Editor::create_new() {
    auto editor = std::make_unique<Editor>();
    editor->document = diagram::make_document();
    return editor;
}

Status Editor::save(const std::string& to) {
    auto status = exporters::save_drawio(document, to);
    if (!status) return status;
    path = to;
    history.MarkAsSaved();
    return status;
}

std::string Editor::fresh_id(std::size_t page) {
    const auto& cells = document.pages[page].cells;
    std::unordered_set<std::string_view> used;
    for (const auto& c : cells) used.insert(c.id);
    for (;;) {
        std::string id = "js-" + std::to_string(m_next_id++);
        if (!used.count(id)) return id;
    }
}

namespace {

// Ids plus every descendant (children of groups, containers, edge labels).
std::set<std::string> with_descendants(const diagram::PageIndex& index, const std::vector<std::string>& ids) {
    std::set<std::string> out;
    std::vector<std::string> todo(ids.begin(), ids.end());
    while (!todo.empty()) {
        auto id = todo.back();
        todo.pop_back();
        if (!index.find(id) || !out.insert(id).second) continue;
        for (const Cell* child : index.children(id)) todo.push_back(child->id);
    }
    return out;
}

// A card of a journey map's grid (the roles the grid layout places by stage and lane).
bool journey_card(const Cell& cell) {
    const std::string role = cell.data("journey-role");
    return role == "step" || role == "pain-point" || role == "opportunity" || role == "emotion";
}

// draw.io's Edit > Lock: a locked cell is not moved, resized or deleted.
bool locked(const Cell& cell) {
    return cell.style && cell.style->flag("locked");
}

// True when an ancestor of id is in the set: moving the ancestor already moves it.
bool ancestor_in(const diagram::PageIndex& index, const std::string& id, const std::set<std::string>& set) {
    const Cell* parent = index.parent_of(id);
    for (int depth = 0; parent && depth < 100; ++depth) {
        if (set.count(parent->id)) return true;
        parent = index.parent_of(parent->id);
    }
    return false;
}

// Journey maps: for the stage and lane headers among `ids`, adds the cards of those stages and lanes and the
// lanes' bands (or visibility lines) to `ids`; returns the undo step's name ("Delete stage", "Delete lane",
// "Delete stages and lanes"), "" when no header is among them or the page is no journey map.
std::string journey_band_removal(const diagram::Page& page, std::vector<std::string>& ids) {
    if (!layout::looks_like_journey_map(page)) return "";
    diagram::PageIndex index(page);
    std::set<std::string> stages, lanes;
    for (const auto& id : ids)
        if (const Cell* cell = index.find(id)) {
            const std::string role = cell->data("journey-role");
            if (role == "stage-header" && !cell->data("stage").empty()) stages.insert(cell->data("stage"));
            if (role == "lane-header" && !cell->data("lane").empty()) lanes.insert(cell->data("lane"));
        }
    if (stages.empty() && lanes.empty()) return "";
    for (const auto& c : page.cells) {
        const bool card = journey_card(c) && (stages.count(c.data("stage")) || lanes.count(c.data("lane")));
        const std::string role = c.data("journey-role");
        const bool band = (role == "lane-band" || role == "visibility-line") && lanes.count(c.data("lane"));
        if (card || band) ids.push_back(c.id);
    }
    if (lanes.empty()) return stages.size() == 1 ? "Delete stage" : "Delete stages";
    if (stages.empty()) return lanes.size() == 1 ? "Delete lane" : "Delete lanes";
    return "Delete stages and lanes";
}

}  // namespace

bool Editor::move(std::size_t page, const std::vector<std::string>& ids, double dx, double dy) {
    if (page >= document.pages.size() || (dx == 0 && dy == 0)) return false;
    const auto& p = document.pages[page];
    diagram::PageIndex index(p);
    std::set<std::string> selected(ids.begin(), ids.end());
    std::vector<CellChange> changes;
    for (const auto& id : ids) {
        const Cell* cell = index.find(id);
        if (!cell || !cell->geometry || ancestor_in(index, id, selected) || locked(*cell)) continue;
        Cell moved = *cell;
        auto& g = *moved.geometry;
        if (cell->edge) {
            for (auto& w : g.waypoints) w.x += dx, w.y += dy;
            if (g.source_point && cell->source.empty()) g.source_point->x += dx, g.source_point->y += dy;
            if (g.target_point && cell->target.empty()) g.target_point->x += dx, g.target_point->y += dy;
        } else if (!g.relative) {
            g.bounds.x += dx;
            g.bounds.y += dy;
        } else {
            continue;
        }
        changes.push_back({id, *cell, std::move(moved), 0});
    }
    if (changes.empty()) return false;
    return history.Submit(new CellCommand("Move", &document, page, std::move(changes)));
}

bool Editor::remove(std::size_t page, const std::vector<std::string>& ids) {
    if (page >= document.pages.size()) return false;
    const auto& p = document.pages[page];
    diagram::PageIndex index(p);
    std::vector<std::string> roots;
    for (const auto& id : ids) {
        const Cell* cell = index.find(id);
        if (cell && cell->kind != diagram::CellKind::root && cell->kind != diagram::CellKind::layer &&
            !locked(*cell))
            roots.push_back(id);
    }
    // On a journey map a stage (lane) header takes its column (row) with it: the cards in that stage (lane)
    // and the lane's band go, and the grid re-flows below.
    const std::string grid_change = journey_band_removal(p, roots);
    auto doomed = with_descendants(index, roots);
    // Edges glued to a removed vertex go too, as in draw.io (deleteCells with includeEdges).
    std::vector<std::string> edges;
    for (const auto& id : doomed)
        for (const Cell* e : index.edges_of(id)) edges.push_back(e->id);
    auto with_edges = with_descendants(index, edges);
    doomed.insert(with_edges.begin(), with_edges.end());
    if (doomed.empty()) return false;
    if (!grid_change.empty()) {
        diagram::Page edited = p;
        std::erase_if(edited.cells, [&](const Cell& c) { return doomed.count(c.id) > 0; });
        // The last stage or lane gone leaves no grid to lay out: then only the cells go.
        if (layout::looks_like_journey_map(edited) && layout::layout_journey_map(edited)) {
            std::vector<CellChange> changes;
            for (auto& d : diagram::diff_cells(p, edited))
                changes.push_back({std::move(d.id), std::move(d.before), std::move(d.after), d.position});
            return history.Submit(
                new CellCommand(wxString::FromUTF8(grid_change), &document, page, std::move(changes)));
        }
    }
    std::vector<std::pair<std::size_t, std::string>> order;
    for (const auto& id : doomed) order.emplace_back(*index.position(id), id);
    std::sort(order.rbegin(), order.rend());  // back to front: recorded positions stay valid on undo
    std::vector<CellChange> changes;
    for (const auto& [position, id] : order)
        changes.push_back({id, p.cells[position], std::nullopt, position});
    return history.Submit(new CellCommand("Delete", &document, page, std::move(changes)));
}

bool Editor::set_label(std::size_t page, const std::string& id, const std::string& text) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    const Cell* cell = index.find(id);
    if (!cell || cell->label() == text) return false;
    Cell changed = *cell;
    changed.set_label(text);
    return history.Submit(
        new CellCommand("Edit label", &document, page, {{id, *cell, std::move(changed), 0}}));
}

bool Editor::set_bounds(std::size_t page, const std::string& id, const diagram::Rect& bounds,
                        const std::string& name) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    const Cell* cell = index.find(id);
    if (!cell || !cell->geometry || cell->geometry->bounds == bounds || locked(*cell)) return false;
    Cell changed = *cell;
    changed.geometry->bounds = bounds;
    return history.Submit(
        new CellCommand(wxString::FromUTF8(name), &document, page, {{id, *cell, std::move(changed), 0}}));
}

std::string Editor::add_vertex(std::size_t page, const std::string& style, const diagram::Rect& bounds,
                               const std::string& label,
                               const std::vector<std::pair<std::string, std::string>>& data,
                               const std::string& parent) {
    if (page >= document.pages.size()) return "";
    diagram::PageIndex index(document.pages[page]);
    auto layers = index.layers();
    if (layers.empty()) return "";
    const Cell* container = parent.empty() ? nullptr : index.find(parent);
    if (!parent.empty() && (!container || !container->vertex)) return "";
    Cell cell;
    cell.id = fresh_id(page);
    cell.parent = container ? container->id : layers.front()->id;
    cell.kind = diagram::CellKind::vertex;
    cell.vertex = true;
    cell.value = label;
    for (const auto& [name, value] : data) cell.set_data(name, value);  // wraps the cell in a UserObject
    cell.style = diagram::Style::parse(style);
    diagram::Geometry g;
    g.bounds = bounds;
    cell.geometry = g;
    const auto id = cell.id;
    const auto position = document.pages[page].cells.size();
    // A journey card added to a journey map goes into the stage x lane cell it was put in; a stage or lane
    // header adds a stage (lane) where it was put, and the grid re-flows (issue 18).
    if (!container && layout::looks_like_journey_map(document.pages[page])) {
        const std::string role = cell.data("journey-role");
        if (role == "stage-header" || role == "lane-header") {
            const char* key = role == "stage-header" ? "stage" : "lane";
            if (cell.data(key).empty()) cell.set_data(key, cell.id);
            diagram::Page edited = document.pages[page];
            edited.cells.push_back(cell);
            if (layout::layout_journey_map(edited)) {
                auto deltas = diagram::diff_cells(document.pages[page], edited);
                std::vector<CellChange> changes;
                for (auto& d : deltas)
                    changes.push_back({std::move(d.id), std::move(d.before), std::move(d.after), d.position});
                history.Submit(new CellCommand(role == "stage-header" ? "Add stage" : "Add lane", &document,
                                               page, std::move(changes)));
                return id;
            }
        } else if (journey_card(cell)) {
            diagram::Page edited = document.pages[page];
            edited.cells.push_back(cell);
            if (reflow_cards(page, std::move(edited), {id}, "Add card")) return id;
        }
    }
    history.Submit(
        new CellCommand("Add shape", &document, page, {{id, std::nullopt, std::move(cell), position}}));
    return id;
}

std::string Editor::connect(std::size_t page, const std::string& source, const std::string& target) {
    if (page >= document.pages.size()) return "";
    diagram::PageIndex index(document.pages[page]);
    const Cell* s = index.find(source);
    const Cell* t = index.find(target);
    if (!s || !t || !s->vertex || !t->vertex) return "";
    Cell cell;
    cell.id = fresh_id(page);
    cell.parent = s->parent == t->parent ? s->parent : index.layers().front()->id;
    cell.kind = diagram::CellKind::edge;
    cell.edge = true;
    cell.source = source;
    cell.target = target;
    cell.value = "";
    cell.style = diagram::Style::parse("edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;endArrow=classic;");
    diagram::Geometry g;
    g.relative = true;
    cell.geometry = g;
    const auto id = cell.id;
    const auto position = document.pages[page].cells.size();
    history.Submit(
        new CellCommand("Connect", &document, page, {{id, std::nullopt, std::move(cell), position}}));
    return id;
}

std::vector<Cell> Editor::copy(std::size_t page, const std::vector<std::string>& ids) const {
    std::vector<Cell> out;
    if (page >= document.pages.size()) return out;
    const auto& p = document.pages[page];
    diagram::PageIndex index(p);
    auto all = with_descendants(index, ids);
    for (const auto& c : p.cells)
        if (all.count(c.id) && c.kind != diagram::CellKind::root && c.kind != diagram::CellKind::layer)
            out.push_back(c);
    return out;
}

std::vector<std::string> Editor::paste(std::size_t page, const std::vector<Cell>& cells, double dx,
                                       double dy) {
    std::vector<std::string> top;
    if (page >= document.pages.size() || cells.empty()) return top;
    diagram::PageIndex index(document.pages[page]);
    auto layers = index.layers();
    if (layers.empty()) return top;
    std::unordered_map<std::string, std::string> renamed;
    for (const auto& c : cells) renamed[c.id] = fresh_id(page) + "-" + std::to_string(renamed.size());
    std::vector<CellChange> changes;
    auto position = document.pages[page].cells.size();
    for (Cell c : cells) {
        c.id = renamed[c.id];
        const bool is_top = !renamed.count(c.parent);
        c.parent = is_top ? (index.find(c.parent) ? c.parent : layers.front()->id) : renamed[c.parent];
        // An edge keeps its ends only when they were copied with it; otherwise it would glue to the
        // originals.
        c.source = renamed.count(c.source) ? renamed[c.source] : "";
        c.target = renamed.count(c.target) ? renamed[c.target] : "";
        if (is_top && c.geometry) {
            auto& g = *c.geometry;
            if (!g.relative) g.bounds.x += dx, g.bounds.y += dy;
            for (auto& w : g.waypoints) w.x += dx, w.y += dy;
            if (g.source_point) g.source_point->x += dx, g.source_point->y += dy;
            if (g.target_point) g.target_point->x += dx, g.target_point->y += dy;
        }
        if (is_top) top.push_back(c.id);
        changes.push_back({c.id, std::nullopt, std::move(c), position++});
    }
    history.Submit(new CellCommand("Paste", &document, page, std::move(changes)));
    return top;
}

}  // namespace jstudio::studio

namespace jstudio::studio {

namespace {

// A change to the page list (add, duplicate, rename, delete, reorder): the list before and after, swapped.
class PageListCommand : public wxCommand {
  public:
    PageListCommand(const wxString& name, diagram::Document* document, std::vector<diagram::Page> after,
                    std::optional<std::size_t>* show, std::size_t show_done, std::size_t show_undone)
        : wxCommand(true, name),
          m_document(document),
          m_other(std::move(after)),
          m_show(show),
          m_show_done(show_done),
          m_show_undone(show_undone) {}
    bool Do() override { return swap(m_show_done); }
    bool Undo() override { return swap(m_show_undone); }

  private:
    diagram::Document* m_document;
    std::vector<diagram::Page> m_other;
    std::optional<std::size_t>* m_show;  // where the views learn which page to show afterwards
    std::size_t m_show_done, m_show_undone;
    bool swap(std::size_t show) {
        std::swap(m_document->pages, m_other);
        *m_show = std::min(show, m_document->pages.size() - 1);
        return true;
    }
};

std::string fresh_page_id(const std::vector<diagram::Page>& pages) {
    for (std::size_t n = pages.size() + 1;; ++n) {
        std::string id = "page-" + std::to_string(n);
        if (std::none_of(pages.begin(), pages.end(), [&](const diagram::Page& p) { return p.id == id; }))
            return id;
    }
}

}  // namespace

bool Editor::restyle(std::size_t page, const std::vector<std::string>& ids, const std::string& name,
                     const std::function<void(diagram::Style&, const Cell&)>& edit) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    std::vector<CellChange> changes;
    std::set<std::string> seen;
    for (const auto& id : ids) {
        const Cell* cell = index.find(id);
        if (!cell || !seen.insert(id).second) continue;
        if (cell->kind == diagram::CellKind::root) continue;
        Cell changed = *cell;
        diagram::Style style = cell->style_or_empty();
        edit(style, *cell);
        if (cell->style && style == *cell->style) continue;
        if (!cell->style && style.empty()) continue;
        changed.style = std::move(style);
        changes.push_back({id, *cell, std::move(changed), 0});
    }
    if (changes.empty()) return false;
    return history.Submit(new CellCommand(wxString::FromUTF8(name), &document, page, std::move(changes)));
}

bool Editor::replace_pages(const std::string& name, std::vector<diagram::Page> pages, std::size_t show_done,
                           std::size_t show_undone) {
    if (pages == document.pages) return false;
    return history.Submit(new PageListCommand(wxString::FromUTF8(name), &document, std::move(pages),
                                              &page_to_show, show_done, show_undone));
}

bool Editor::add_page(std::size_t at, const std::string& name) {
    auto pages = document.pages;
    at = std::min(at, pages.size());
    pages.insert(pages.begin() + static_cast<std::ptrdiff_t>(at),
                 diagram::make_page(fresh_page_id(pages), name));
    return replace_pages("New page", std::move(pages), at, at == 0 ? 0 : at - 1);
}

bool Editor::duplicate_page(std::size_t page) {
    if (page >= document.pages.size()) return false;
    auto pages = document.pages;
    diagram::Page copy = pages[page];
    copy.id = fresh_page_id(pages);
    copy.name = "Copy of " + pages[page].display_name(page);  // draw.io's name for a duplicate
    pages.insert(pages.begin() + static_cast<std::ptrdiff_t>(page + 1), std::move(copy));
    return replace_pages("Duplicate page", std::move(pages), page + 1, page);
}

bool Editor::rename_page(std::size_t page, const std::string& name) {
    if (page >= document.pages.size() || name.empty()) return false;
    auto pages = document.pages;
    pages[page].name = name;
    return replace_pages("Rename page", std::move(pages), page, page);
}

bool Editor::delete_page(std::size_t page) {
    if (page >= document.pages.size() || document.pages.size() < 2) return false;
    auto pages = document.pages;
    pages.erase(pages.begin() + static_cast<std::ptrdiff_t>(page));
    return replace_pages("Delete page", std::move(pages), page == 0 ? 0 : page - 1, page);
}

bool Editor::move_page(std::size_t from, std::size_t to) {
    if (from >= document.pages.size() || to >= document.pages.size() || from == to) return false;
    auto pages = document.pages;
    diagram::Page moved = std::move(pages[from]);
    pages.erase(pages.begin() + static_cast<std::ptrdiff_t>(from));
    pages.insert(pages.begin() + static_cast<std::ptrdiff_t>(to), std::move(moved));
    return replace_pages("Move page", std::move(pages), to, from);
}

bool Editor::change_cell(std::size_t page, const std::string& id, const std::string& name,
                         const std::function<void(Cell&)>& edit) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    const Cell* cell = index.find(id);
    if (!cell) return false;
    Cell changed = *cell;
    edit(changed);
    if (changed == *cell) return false;
    return history.Submit(
        new CellCommand(wxString::FromUTF8(name), &document, page, {{id, *cell, std::move(changed), 0}}));
}

std::string Editor::add_layer(std::size_t page, const std::string& name) {
    if (page >= document.pages.size()) return "";
    const auto& cells = document.pages[page].cells;
    auto root = std::find_if(cells.begin(), cells.end(),
                             [](const Cell& c) { return c.kind == diagram::CellKind::root; });
    if (root == cells.end()) return "";
    Cell layer;
    layer.id = fresh_id(page);
    layer.parent = root->id;
    layer.kind = diagram::CellKind::layer;
    layer.value = name;
    const auto id = layer.id;
    history.Submit(
        new CellCommand("Add layer", &document, page,
                        {{id, std::nullopt, std::move(layer), document.pages[page].cells.size()}}));
    return id;
}

bool Editor::set_layer_visible(std::size_t page, const std::string& layer, bool visible) {
    return change_cell(page, layer, visible ? "Show layer" : "Hide layer", [&](Cell& c) {
        if (c.kind != diagram::CellKind::layer) return;
        if (visible)
            c.visible.reset();  // draw.io writes no attribute for a visible layer
        else
            c.visible = false;
    });
}

bool Editor::set_layer_locked(std::size_t page, const std::string& layer, bool locked) {
    return change_cell(page, layer, locked ? "Lock layer" : "Unlock layer", [&](Cell& c) {
        if (c.kind != diagram::CellKind::layer) return;
        diagram::Style style = c.style_or_empty();
        if (locked)
            style.set("locked", "1");
        else
            style.remove("locked");
        if (style.empty() && !c.style) return;
        c.style = std::move(style);
    });
}

bool Editor::move_to_layer(std::size_t page, const std::vector<std::string>& ids, const std::string& layer) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    const Cell* target = index.find(layer);
    if (!target || target->kind != diagram::CellKind::layer) return false;
    std::vector<std::string> roots;
    for (const auto& id : ids) {
        const Cell* cell = index.find(id);
        const Cell* parent = cell ? index.find(cell->parent) : nullptr;
        // Only cells directly on a layer: a child of a group keeps its group (its geometry is relative).
        if (cell && parent && parent->kind == diagram::CellKind::layer && cell->parent != layer)
            roots.push_back(id);
    }
    if (roots.empty()) return false;
    // As draw.io, the moved cells (descendants along) go on top of the layer: removed where they stand
    // (back to front, so undo finds the positions valid) and appended in their page order.
    const auto& cells = document.pages[page].cells;
    const auto all = with_descendants(index, roots);
    const std::set<std::string> root_set(roots.begin(), roots.end());
    std::vector<std::size_t> positions;
    for (const auto& id : all) positions.push_back(*index.position(id));
    std::sort(positions.begin(), positions.end());
    std::vector<CellChange> changes;
    for (auto it = positions.rbegin(); it != positions.rend(); ++it)
        changes.push_back({cells[*it].id, cells[*it], std::nullopt, *it});
    for (const auto position : positions) {
        Cell moved = cells[position];
        if (root_set.count(moved.id)) moved.parent = layer;
        changes.push_back({moved.id, std::nullopt, std::move(moved), cells.size()});
    }
    return history.Submit(new CellCommand("Move to layer", &document, page, std::move(changes)));
}

}  // namespace jstudio::studio

namespace jstudio::studio {

bool Editor::submit_order(std::size_t page, const std::string& name, const std::vector<std::size_t>& order,
                          const std::vector<Cell>& added, const std::vector<Cell>& changed) {
    const auto& cells = document.pages[page].cells;
    std::unordered_map<std::string, const Cell*> replaced;
    for (const auto& c : changed) replaced[c.id] = &c;
    // A cell stays put when it keeps its place among the cells that stay; the others (moved, changed,
    // dropped) are taken out back to front and put in again front to back, so undo finds every position
    // valid again.
    std::vector<bool> kept(cells.size(), false);
    // (Greedy: a cell stays when it comes after the last one that stayed; enough for an edit of a few cells.)
    bool first = true;
    std::size_t last = 0;
    for (const auto position : order) {
        if (position >= cells.size() || replaced.count(cells[position].id)) continue;
        if (first || position > last) {
            kept[position] = true;
            last = position;
            first = false;
        }
    }
    std::vector<CellChange> changes;
    for (std::size_t i = cells.size(); i-- > 0;)
        if (!kept[i]) changes.push_back({cells[i].id, cells[i], std::nullopt, i});
    std::size_t next_added = 0;
    for (std::size_t at = 0; at < order.size(); ++at) {
        const auto position = order[at];
        if (position < cells.size() && kept[position]) continue;
        Cell cell = position < cells.size() ? cells[position] : added.at(next_added++);
        if (auto it = replaced.find(cell.id); it != replaced.end()) cell = *it->second;
        changes.push_back({cell.id, std::nullopt, std::move(cell), at});
    }
    if (changes.empty()) return false;
    return history.Submit(new CellCommand(wxString::FromUTF8(name), &document, page, std::move(changes)));
}

bool Editor::reorder(std::size_t page, const std::vector<std::string>& ids, bool front) {
    if (page >= document.pages.size()) return false;
    const auto& cells = document.pages[page].cells;
    diagram::PageIndex index(document.pages[page]);
    std::vector<std::string> roots;
    for (const auto& id : ids)
        if (const Cell* c = index.find(id);
            c && c->kind != diagram::CellKind::root && c->kind != diagram::CellKind::layer)
            roots.push_back(id);
    if (roots.empty()) return false;
    const auto moved = with_descendants(index, roots);
    // Each moved cell (with its descendants) goes right after its parent (to back) or after the parent's last
    // descendant (to front): first or last among its siblings, as draw.io's orderCells.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (!moved.count(cells[i].id)) order.push_back(i);
    std::set<std::string> root_set(roots.begin(), roots.end());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!root_set.count(cells[i].id) || ancestor_in(index, cells[i].id, root_set)) continue;
        std::vector<std::size_t> block;
        for (const auto& id : with_descendants(index, {cells[i].id})) block.push_back(*index.position(id));
        std::sort(block.begin(), block.end());
        const auto parent = index.position(cells[i].parent);
        // Where the parent's subtree (without the moved cells) starts and ends in the new order.
        auto at = std::find(order.begin(), order.end(), parent.value_or(0));
        if (at == order.end()) continue;
        if (front) {
            // After the last cell of the parent's subtree, wherever the file put it.
            const auto subtree = with_descendants(index, {cells[i].parent});
            auto end = at + 1;
            for (auto it = at + 1; it != order.end(); ++it)
                if (*it < cells.size() && subtree.count(cells[*it].id)) end = it + 1;
            order.insert(end, block.begin(), block.end());
        } else {
            order.insert(at + 1, block.begin(), block.end());
        }
    }
    return submit_order(page, front ? "To front" : "To back", order, {}, {});
}

bool Editor::to_front(std::size_t page, const std::vector<std::string>& ids) {
    return reorder(page, ids, true);
}

bool Editor::to_back(std::size_t page, const std::vector<std::string>& ids) {
    return reorder(page, ids, false);
}

std::string Editor::group(std::size_t page, const std::vector<std::string>& ids) {
    if (page >= document.pages.size()) return "";
    const auto& cells = document.pages[page].cells;
    diagram::PageIndex index(document.pages[page]);
    // The cells of the first selected cell's parent, as draw.io groups cells of one parent.
    std::vector<const Cell*> members;
    std::string parent;
    for (const auto& id : ids) {
        const Cell* c = index.find(id);
        if (!c || c->kind == diagram::CellKind::root || c->kind == diagram::CellKind::layer) continue;
        if (parent.empty()) parent = c->parent;
        if (c->parent == parent) members.push_back(c);
    }
    std::optional<diagram::Rect> box;
    for (const Cell* c : members)
        if (c->vertex && c->geometry && !c->geometry->relative) {
            const auto& b = c->geometry->bounds;
            box = box ? diagram::Rect{std::min(box->x, b.x), std::min(box->y, b.y),
                                      std::max(box->right(), b.right()) - std::min(box->x, b.x),
                                      std::max(box->bottom(), b.bottom()) - std::min(box->y, b.y)}
                      : b;
        }
    if (members.size() < 2 || !box) return "";
    Cell group;
    group.id = fresh_id(page);
    group.parent = parent;
    group.kind = diagram::CellKind::vertex;
    group.vertex = true;
    group.value = "";
    group.style = diagram::Style::parse("group");
    group.connectable = false;
    diagram::Geometry g;
    g.bounds = *box;
    group.geometry = g;
    // The members, in page order, move into the group: geometry relative to it.
    std::set<std::string> member_ids;
    for (const Cell* c : members) member_ids.insert(c->id);
    std::vector<Cell> changed;
    std::vector<std::size_t> order, block;
    for (const auto& id :
         with_descendants(index, std::vector<std::string>(member_ids.begin(), member_ids.end())))
        block.push_back(*index.position(id));
    std::sort(block.begin(), block.end());
    const std::set<std::size_t> block_set(block.begin(), block.end());
    for (const auto position : block)
        if (member_ids.count(cells[position].id)) {
            Cell c = cells[position];
            c.parent = group.id;
            if (c.geometry) {
                auto& cg = *c.geometry;
                if (!cg.relative) cg.bounds.x -= box->x, cg.bounds.y -= box->y;
                for (auto& w : cg.waypoints) w.x -= box->x, w.y -= box->y;
                if (cg.source_point) cg.source_point->x -= box->x, cg.source_point->y -= box->y;
                if (cg.target_point) cg.target_point->x -= box->x, cg.target_point->y -= box->y;
            }
            changed.push_back(std::move(c));
        }
    // The group takes the place of its first member; the members follow it.
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i == block.front()) {
            order.push_back(cells.size());  // the group
            order.insert(order.end(), block.begin(), block.end());
        }
        if (!block_set.count(i)) order.push_back(i);
    }
    const std::string id = group.id;
    return submit_order(page, "Group", order, {group}, changed) ? id : "";
}

std::vector<std::string> Editor::ungroup(std::size_t page, const std::vector<std::string>& ids) {
    std::vector<std::string> freed;
    if (page >= document.pages.size()) return freed;
    const auto& cells = document.pages[page].cells;
    diagram::PageIndex index(document.pages[page]);
    std::set<std::string> groups;
    for (const auto& id : ids)
        if (const Cell* c = index.find(id); c && c->style && c->style->has_name("group") && c->geometry)
            groups.insert(id);
    if (groups.empty()) return freed;
    std::vector<Cell> changed;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (groups.count(cells[i].id)) continue;  // the group goes; its children stay where they are
        order.push_back(i);
        if (!groups.count(cells[i].parent)) continue;
        const Cell* group = index.find(cells[i].parent);
        Cell c = cells[i];
        c.parent = group->parent;
        const auto& at = group->geometry->bounds;
        if (c.geometry) {
            auto& cg = *c.geometry;
            if (!cg.relative) cg.bounds.x += at.x, cg.bounds.y += at.y;
            for (auto& w : cg.waypoints) w.x += at.x, w.y += at.y;
            if (cg.source_point) cg.source_point->x += at.x, cg.source_point->y += at.y;
            if (cg.target_point) cg.target_point->x += at.x, cg.target_point->y += at.y;
        }
        freed.push_back(c.id);
        changed.push_back(std::move(c));
    }
    if (!submit_order(page, "Ungroup", order, {}, changed)) freed.clear();
    return freed;
}

}  // namespace jstudio::studio

namespace jstudio::studio {

namespace {

// The vertices of a selection that can be placed: absolute geometry, not locked; with their page bounds.
std::vector<std::pair<const Cell*, diagram::Rect>> placeable(const diagram::PageIndex& index,
                                                             const std::vector<std::string>& ids) {
    std::vector<std::pair<const Cell*, diagram::Rect>> out;
    std::set<std::string> seen;
    for (const auto& id : ids) {
        const Cell* c = index.find(id);
        if (!c || !c->vertex || !c->geometry || c->geometry->relative || !seen.insert(id).second) continue;
        if (c->style && c->style->flag("locked")) continue;
        if (auto box = index.absolute_bounds(id)) out.emplace_back(c, *box);
    }
    return out;
}

}  // namespace

bool Editor::align(std::size_t page, const std::vector<std::string>& ids, const std::string& how) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    const auto cells = placeable(index, ids);
    if (cells.size() < 2) return false;
    double left = cells[0].second.x, right = cells[0].second.right(), top = cells[0].second.y,
           bottom = cells[0].second.bottom();
    for (const auto& [c, b] : cells) {
        left = std::min(left, b.x), right = std::max(right, b.right());
        top = std::min(top, b.y), bottom = std::max(bottom, b.bottom());
    }
    std::vector<CellChange> changes;
    for (const auto& [c, b] : cells) {
        double dx = 0, dy = 0;
        if (how == "left") dx = left - b.x;
        if (how == "center") dx = (left + right) / 2 - (b.x + b.width / 2);
        if (how == "right") dx = right - b.right();
        if (how == "top") dy = top - b.y;
        if (how == "middle") dy = (top + bottom) / 2 - (b.y + b.height / 2);
        if (how == "bottom") dy = bottom - b.bottom();
        if (dx == 0 && dy == 0) continue;
        Cell moved = *c;
        moved.geometry->bounds.x += dx;
        moved.geometry->bounds.y += dy;
        changes.push_back({c->id, *c, std::move(moved), 0});
    }
    if (changes.empty()) return false;
    return history.Submit(new CellCommand("Align " + how, &document, page, std::move(changes)));
}

bool Editor::distribute(std::size_t page, const std::vector<std::string>& ids, const std::string& how) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    auto cells = placeable(index, ids);
    if (cells.size() < 3) return false;
    const bool horizontal = how == "horizontal";
    auto centre = [&](const diagram::Rect& b) { return horizontal ? b.x + b.width / 2 : b.y + b.height / 2; };
    std::stable_sort(cells.begin(), cells.end(),
                     [&](const auto& a, const auto& b) { return centre(a.second) < centre(b.second); });
    const double first = centre(cells.front().second), last = centre(cells.back().second);
    const double step = (last - first) / static_cast<double>(cells.size() - 1);
    std::vector<CellChange> changes;
    for (std::size_t i = 1; i + 1 < cells.size(); ++i) {
        const auto& [c, b] = cells[i];
        const double delta = std::round(first + step * static_cast<double>(i) - centre(b));
        if (delta == 0) continue;
        Cell moved = *c;
        (horizontal ? moved.geometry->bounds.x : moved.geometry->bounds.y) += delta;
        changes.push_back({c->id, *c, std::move(moved), 0});
    }
    if (changes.empty()) return false;
    return history.Submit(new CellCommand("Distribute", &document, page, std::move(changes)));
}

bool Editor::set_locked(std::size_t page, const std::vector<std::string>& ids, bool locked) {
    return restyle(page, ids, locked ? "Lock" : "Unlock", [&](diagram::Style& s, const Cell& c) {
        if (c.kind == diagram::CellKind::layer) return;
        if (locked)
            s.set("locked", "1");
        else
            s.remove("locked");
    });
}

}  // namespace jstudio::studio

namespace jstudio::studio {

bool Editor::reflow_cards(std::size_t page, diagram::Page edited, const std::vector<std::string>& cards,
                          const std::string& name) {
    diagram::PageIndex index(edited);
    // The bands of the grid, in page coordinates, from the headers.
    struct Band {
        std::string id;
        double start, end, band_height;
    };
    std::vector<Band> stages, lanes;
    for (const auto& c : edited.cells) {
        const std::string role = c.data("journey-role");
        if (role != "stage-header" && role != "lane-header") continue;
        const auto b = index.absolute_bounds(c.id);
        if (!b) continue;
        if (role == "stage-header") {
            stages.push_back({c.data("stage"), b->x, b->right(), 0});
        } else {
            const std::string height = c.data("band-height");
            lanes.push_back(
                {c.data("lane"), b->y, b->bottom(),
                 c.data("lane-kind") == "emotions" ? (height.empty() ? 40 : std::atof(height.c_str())) : 0});
        }
    }
    if (stages.empty() || lanes.empty()) return false;
    std::vector<std::pair<std::size_t, diagram::Rect>> placed;
    for (const auto& id : cards)
        if (const auto position = index.position(id))
            if (const auto box = index.absolute_bounds(id)) placed.emplace_back(*position, *box);
    for (const auto& [position, box] : placed) {
        Cell& cell = edited.cells[position];
        const double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
        for (const auto& st : stages)
            if (cx >= st.start && cx < st.end && !st.id.empty()) cell.set_data("stage", st.id);
        for (const auto& l : lanes)
            if (cy >= l.start && cy < l.end && !l.id.empty()) {
                cell.set_data("lane", l.id);
                if (l.band_height > 0) {  // the emotion band the card's centre is in is its score
                    const double level =
                        std::clamp(std::floor((cy - l.start - 10) / l.band_height), 0.0, 4.0);
                    cell.set_data("emotion", std::to_string(static_cast<int>(2 - level)));
                }
            }
    }
    if (!layout::layout_journey_map(edited)) return false;
    auto deltas = diagram::diff_cells(document.pages[page], edited);
    if (deltas.empty()) return false;
    std::vector<CellChange> changes;
    for (auto& d : deltas)
        changes.push_back({std::move(d.id), std::move(d.before), std::move(d.after), d.position});
    return history.Submit(new CellCommand(wxString::FromUTF8(name), &document, page, std::move(changes)));
}

bool Editor::drop(std::size_t page, const std::vector<std::string>& ids, double dx, double dy) {
    if (page >= document.pages.size() || !layout::looks_like_journey_map(document.pages[page]))
        return move(page, ids, dx, dy);
    diagram::PageIndex index(document.pages[page]);
    diagram::Page edited = document.pages[page];
    std::vector<std::string> cards;
    for (const auto& id : ids) {
        const auto position = index.position(id);
        if (!position) continue;
        Cell& cell = edited.cells[*position];
        if (!cell.geometry || cell.geometry->relative || locked(cell)) continue;
        cell.geometry->bounds.x += dx;
        cell.geometry->bounds.y += dy;
        if (journey_card(cell)) cards.push_back(id);
    }
    if (cards.empty() || !reflow_cards(page, std::move(edited), cards, "Move card"))
        return move(page, ids, dx, dy);
    return true;
}

}  // namespace jstudio::studio
