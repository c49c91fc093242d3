#include "app/studio/editor.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/diagram/page_index.hpp"
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

// True when an ancestor of id is in the set: moving the ancestor already moves it.
bool ancestor_in(const diagram::PageIndex& index, const std::string& id, const std::set<std::string>& set) {
    const Cell* parent = index.parent_of(id);
    for (int depth = 0; parent && depth < 100; ++depth) {
        if (set.count(parent->id)) return true;
        parent = index.parent_of(parent->id);
    }
    return false;
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
        if (!cell || !cell->geometry || ancestor_in(index, id, selected)) continue;
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
        if (cell && cell->kind != diagram::CellKind::root && cell->kind != diagram::CellKind::layer)
            roots.push_back(id);
    }
    auto doomed = with_descendants(index, roots);
    // Edges glued to a removed vertex go too, as in draw.io (deleteCells with includeEdges).
    std::vector<std::string> edges;
    for (const auto& id : doomed)
        for (const Cell* e : index.edges_of(id)) edges.push_back(e->id);
    auto with_edges = with_descendants(index, edges);
    doomed.insert(with_edges.begin(), with_edges.end());
    if (doomed.empty()) return false;
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

bool Editor::set_bounds(std::size_t page, const std::string& id, const diagram::Rect& bounds) {
    if (page >= document.pages.size()) return false;
    diagram::PageIndex index(document.pages[page]);
    const Cell* cell = index.find(id);
    if (!cell || !cell->geometry || cell->geometry->bounds == bounds) return false;
    Cell changed = *cell;
    changed.geometry->bounds = bounds;
    return history.Submit(new CellCommand("Resize", &document, page, {{id, *cell, std::move(changed), 0}}));
}

std::string Editor::add_vertex(std::size_t page, const std::string& style, const diagram::Rect& bounds,
                               const std::string& label) {
    if (page >= document.pages.size()) return "";
    diagram::PageIndex index(document.pages[page]);
    auto layers = index.layers();
    if (layers.empty()) return "";
    Cell cell;
    cell.id = fresh_id(page);
    cell.parent = layers.front()->id;
    cell.kind = diagram::CellKind::vertex;
    cell.vertex = true;
    cell.value = label;
    cell.style = diagram::Style::parse(style);
    diagram::Geometry g;
    g.bounds = bounds;
    cell.geometry = g;
    const auto id = cell.id;
    const auto position = document.pages[page].cells.size();
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
