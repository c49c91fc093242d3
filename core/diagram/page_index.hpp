#pragma once
// Lookups every feature needs on a page: cells by id, children, layers, edges of a vertex, absolute bounds.
// Built on demand from a Page and valid until that page's cells change (geometry included: the absolute
// bounds of vertices are worked out once, when the index is built). Every lookup by id is one hash probe;
// the parent, the children and the bounds of a cell are then array reads.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/base/huge_pages.hpp"
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
    // True when `ancestor` holds the cell: its parent, its parent's parent and so on (not the cell itself).
    bool is_inside(std::string_view id, std::string_view ancestor) const;

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

    // The same by position in page.cells, for walks over every cell: no hashing, no allocation.
    std::optional<std::size_t> parent_position(std::size_t position) const;      // nullopt: root or dangling
    std::span<const std::uint32_t> child_positions(std::size_t position) const;  // file order
    bool is_inside(std::size_t position, std::size_t ancestor) const;
    std::optional<Rect> absolute_bounds_at(std::size_t position) const;
    // Where an edge's source or target cell sits in page.cells; nullopt when unglued or dangling.
    std::optional<std::size_t> source_position(std::size_t edge_position) const;
    std::optional<std::size_t> target_position(std::size_t edge_position) const;

  private:
    using Positions = std::vector<std::uint32_t>;
    // Children or edge ends per cell position, as one list cut into runs (begin[i] .. begin[i + 1]).
    struct Runs {
        Positions begin, items;
        std::span<const std::uint32_t> at(std::size_t position) const;
    };

    const Page* m_page;
    // Open-addressing hash table of cell positions by id (first cell wins); with each position, bits of the
    // id's hash, so a probe reads an id only when they agree. Position and tag share a cache line, and the
    // table sits on huge pages: at a million cells a probe costs one cache miss, not two plus a TLB miss.
    struct Slot {
        std::uint32_t at, tag;
    };
    std::vector<Slot, HugePageAllocator<Slot>> m_slots;
    // The ids side by side, in cell order: a probe compares against this dense copy instead of reaching into
    // a cell (a cache miss per lookup on a big page).
    std::string m_ids;
    std::vector<std::size_t> m_id_begin;
    Positions m_parent;            // parent position per cell; none for the root and dangling parents
    Positions m_source, m_target;  // per edge, the glued ends' positions; none elsewhere
    Runs m_children, m_out, m_in;
    // Lists keyed by an id no cell has (a dangling parent, source or target): rare, kept by name.
    std::unordered_map<std::string_view, Positions> m_lost_children, m_lost_out, m_lost_in;
    std::vector<Rect> m_bounds;               // absolute bounds per cell, where m_bounds_kind says so
    std::vector<std::uint8_t> m_bounds_kind;  // see page_index.cpp
    std::optional<std::size_t> m_root;

    std::optional<std::uint32_t> slot_of(std::string_view id) const;
    std::string_view id_at(std::uint32_t position) const {
        return {m_ids.data() + m_id_begin[position], m_id_begin[position + 1] - m_id_begin[position]};
    }
    std::vector<const Cell*> cells_at(std::span<const std::uint32_t> positions) const;
    std::vector<const Cell*> lost(const std::unordered_map<std::string_view, Positions>& map,
                                  std::string_view id) const;
    void cache_bounds(std::size_t position, int depth);
    std::optional<Rect> bounds_at(std::size_t position, int depth) const;
    std::vector<Point> polyline_at(std::size_t position, int depth) const;
};

}  // namespace jstudio::diagram
