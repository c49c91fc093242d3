#pragma once
// Lookups every feature needs on a page: cells by id, children, layers, edges of a vertex, absolute bounds.
// Built on demand from a Page and valid until that page's cells change.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagram/document.hpp"

namespace jstudio::diagram {

class PageIndex {
  public:
    explicit PageIndex(const Page& page);

    const Page& page() const { return *m_page; }
    const Cell* find(std::string_view id) const;                     // nullptr when no cell has that id
    std::optional<std::size_t> position(std::string_view id) const;  // index in page.cells
    const Cell* root() const;                                        // the parentless cell, nullptr if none
    std::vector<const Cell*> layers() const;                         // children of the root, in order
    std::vector<const Cell*> children(std::string_view id) const;    // direct children, file order
    const Cell* layer_of(std::string_view id) const;   // the layer a cell sits in, nullptr if none
    const Cell* parent_of(std::string_view id) const;  // nullptr for the root or a dangling parent

    std::vector<const Cell*> edges_of(std::string_view vertex_id) const;  // glued either end
    std::vector<const Cell*> outgoing(std::string_view vertex_id) const;  // edges with source = vertex
    std::vector<const Cell*> incoming(std::string_view vertex_id) const;  // edges with target = vertex

    bool is_container(const Cell& cell) const;  // group, container=1, swimlane (unless container=0), table
    bool is_group(const Cell& cell) const;      // draw.io's "group" style: a container with no drawing
    bool is_swimlane(const Cell& cell) const;

    // The origin of the frame a cell's own geometry is written in (the sum of its ancestors' positions).
    Point frame_origin(std::string_view id) const;
    // Page coordinates of a vertex (through nested groups, containers, relative ports and edge labels);
    // nullopt for cells without geometry, edges, layers and the root.
    std::optional<Rect> absolute_bounds(std::string_view id) const;
    // An edge's polyline in page coordinates: terminal centres or terminal points, with waypoints between.
    std::vector<Point> edge_polyline(std::string_view edge_id) const;

  private:
    const Page* m_page;
    std::unordered_map<std::string_view, std::size_t> m_by_id;
    std::unordered_map<std::string_view, std::vector<std::size_t>> m_children;
    std::unordered_map<std::string_view, std::vector<std::size_t>> m_out, m_in;
    std::optional<std::size_t> m_root;

    std::vector<const Cell*> cells_at(const std::vector<std::size_t>* positions) const;
    std::optional<Rect> bounds_at(std::size_t position, int depth) const;
};

}  // namespace jstudio::diagram
