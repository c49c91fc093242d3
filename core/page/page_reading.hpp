#pragma once
// One reading of a page, shared by every capability: for each cell, its role (node, connector, decoration of
// a host, region, container, lane, title, legend, annotation, journey structure ...) and the rule that
// decided it. Journey metadata wins over geometry; geometry (containment, overlap, relative size, label,
// fill and z-order) decides the rest; a `journey-role` attribute or style key overrules both.
//
// Built once per page in time linear in the cells (a coarse grid finds neighbours) and valid until the
// page's cells change.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/diagram/page_index.hpp"
#include "core/page/cell_role.hpp"

namespace jstudio::page {

class PageReading {
  public:
    static constexpr std::uint32_t none = UINT32_MAX;

    explicit PageReading(const diagram::Page& page);
    PageReading(const PageReading&) = delete;  // holds an index into itself's page
    PageReading& operator=(const PageReading&) = delete;

    const diagram::Page& page() const { return *m_page; }
    const diagram::PageIndex& index() const { return m_index; }
    std::size_t size() const { return m_cells.size(); }

    Role role(std::size_t position) const { return m_cells[position].role; }
    Rule rule(std::size_t position) const { return m_cells[position].rule; }
    // The cell a decoration, port or edge label belongs to (a node, or an edge for edge labels); none if it
    // belongs to nothing.
    std::uint32_t host(std::size_t position) const { return m_cells[position].host; }
    // True for a tile of a drawn grid with headers (shapes joined by shared sides, one of them labelled: lane
    // and column headers, the cells between them), whatever role it took: a tile holding nodes is a region
    // round them, an empty one a grid tile.
    bool in_drawn_grid(std::size_t position) const { return m_cells[position].tile; }
    std::optional<Role> role_of(std::string_view cell_id) const;

    // The node an arrow end attached to this cell stands for: the cell itself when it is a node or a
    // journey card, the host of a decoration or port, the nearest node holding a part; none otherwise
    // (regions, titles, legends, annotations, unknown ids).
    std::uint32_t node_at(std::string_view cell_id) const;
    std::uint32_t node_at(std::size_t position) const;

    // Absolute bounds computed once while reading (nullopt for cells without them).
    const std::optional<diagram::Rect>& bounds(std::size_t position) const { return m_bounds[position]; }
    // The label as a person reads it: one line, tags dropped, entities decoded.
    std::string plain_label(std::size_t position) const;

    // True when journey metadata marks stage and lane headers on the page.
    bool is_journey_map() const { return m_journey_map; }
    // Cells with one of these roles, in page order.
    std::vector<std::uint32_t> cells_with(std::initializer_list<Role> roles) const;

  private:
    struct Reading {
        Role role = Role::node;
        Rule rule = Rule::shape;
        std::uint32_t host = none;
        bool tile = false;
    };
    const diagram::Page* m_page;
    diagram::PageIndex m_index;
    std::vector<Reading> m_cells;
    std::vector<std::optional<diagram::Rect>> m_bounds;
    bool m_journey_map = false;

    friend class Reader;
};

}  // namespace jstudio::page
