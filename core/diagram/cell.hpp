#pragma once
// One draw.io cell (mxCell, or an mxCell inside a UserObject/object wrapper). Pure data: no XML here.
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/attributes.hpp"
#include "core/diagram/geometry.hpp"
#include "core/diagram/style.hpp"

namespace jstudio::diagram {

enum class CellKind { root, layer, vertex, edge, other };
const char* to_string(CellKind kind);

// draw.io's <UserObject>/<object> (or any element around an <mxCell>): the cell's value with custom
// attributes.
struct Wrapper {
    std::string tag = "UserObject";      // element name
    Attributes attributes;               // everything but id, in file order; "label" is the label
    std::vector<RawXml> extra_children;  // children other than the <mxCell>, kept verbatim
    bool operator==(const Wrapper&) const = default;
};

struct Cell {
    std::string id;
    std::string parent;                 // "" for the root cell
    std::string source, target;         // edges; "" = that end is not glued
    CellKind kind = CellKind::other;    // derived from parent and the vertex/edge flags when read
    bool vertex = false, edge = false;  // vertex="1" / edge="1"
    std::uint32_t source_line = 0;      // where the cell stood in the (decoded) page, for messages; 0 = new
    std::optional<std::string> value;   // the value attribute (absent ≠ empty)
    std::optional<Style> style;         // absent ≠ empty
    std::optional<bool> connectable, visible, collapsed;  // absent = draw.io default (true, true, false)
    Boxed<Wrapper> wrapper;  // set when the cell came in a UserObject/object (most do not: one pointer)
    std::optional<Geometry> geometry;
    Attributes extra;                   // mxCell attributes we do not model, kept verbatim
    SparseList<RawXml> extra_children;  // mxCell children with an unknown 'as', kept verbatim

    // The label a user sees: wrapper@label if wrapped, else value.
    std::string label() const;
    void set_label(std::string text);
    // A custom attribute (UserObject/object); "" when absent. Setting one wraps a plain cell in a UserObject.
    std::string data(std::string_view name) const;
    void set_data(std::string_view name, std::string_view value);

    const Style& style_or_empty() const;
    bool is_visible() const { return visible.value_or(true); }
    bool is_html_label() const;  // html=1 or whiteSpace=wrap

    bool operator==(const Cell& other) const;  // compares content, not source_line
};

}  // namespace jstudio::diagram
