#pragma once
// New cells for an annotation drawn over a user's page (check findings, observed volumes): ids under a
// prefix that no existing cell uses, so the user's own cells are never touched or shadowed.
#include <algorithm>
#include <limits>
#include <string>
#include <string_view>

#include "core/diagram/cell.hpp"
#include "core/diagram/page_index.hpp"

namespace jstudio::diagram {

class AnnotationCells {
  public:
    // prefix: e.g. "jstudio-nav" gives ids "jstudio-nav-mark-1", "jstudio-nav-layer-2", ...
    AnnotationCells(const PageIndex& index, std::string prefix)
        : m_index(index), m_prefix(std::move(prefix)) {}

    std::string new_id(std::string_view stem) {
        for (;;) {
            std::string id = m_prefix + "-" + std::string(stem) + "-" + std::to_string(++m_next);
            if (!m_index.find(id)) return id;
        }
    }
    Cell vertex(std::string parent, Rect bounds, std::string_view style, std::string value = {}) {
        Cell c;
        c.id = new_id("mark");
        c.parent = std::move(parent);
        c.kind = CellKind::vertex;
        c.vertex = true;
        c.value = std::move(value);
        c.style = Style::parse(style);
        c.geometry = Geometry{};
        c.geometry->bounds = bounds;
        return c;
    }
    Cell layer(std::string root, std::string name) {
        Cell l;
        l.id = new_id("layer");
        l.parent = std::move(root);
        l.kind = CellKind::layer;
        l.value = std::move(name);
        mark_as_annotation(l);
        return l;
    }
    // Marks a layer as written by an annotator, so the page reading never takes what it holds as content
    // (checking an annotated copy gives the original's findings). draw.io keeps unknown style keys.
    static void mark_as_annotation(Cell& layer) {
        if (!layer.style) layer.style = Style{};
        layer.style->set("journey-role", "annotation");
    }

    // Where a legend goes: 40 px right of every vertex on the page, level with the topmost one.
    Point legend_corner(const Page& page) const {
        double right = 0, top = std::numeric_limits<double>::infinity();
        for (const Cell& c : page.cells)
            if (c.kind == CellKind::vertex)
                if (auto b = m_index.absolute_bounds(c.id)) {
                    right = std::max(right, b->right());
                    top = std::min(top, b->y);
                }
        return {right + 40, top == std::numeric_limits<double>::infinity() ? 0 : top};
    }

  private:
    const PageIndex& m_index;
    std::string m_prefix;
    std::size_t m_next = 0;
};

}  // namespace jstudio::diagram
