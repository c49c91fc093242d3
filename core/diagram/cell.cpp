#include "core/diagram/cell.hpp"

namespace jstudio::diagram {

const char* to_string(CellKind kind) {
    switch (kind) {
        case CellKind::root:
            return "root";
        case CellKind::layer:
            return "layer";
        case CellKind::vertex:
            return "vertex";
        case CellKind::edge:
            return "edge";
        case CellKind::other:
            return "other";
    }
    return "other";
}

std::string Cell::label() const {
    if (wrapper) return wrapper->attributes.get("label");
    return value.value_or("");
}

void Cell::set_label(std::string text) {
    if (wrapper)
        wrapper->attributes.set("label", text);
    else
        value = std::move(text);
}

std::string Cell::data(std::string_view name) const {
    return wrapper ? wrapper->attributes.get(name) : std::string();
}

void Cell::set_data(std::string_view name, std::string_view v) {
    if (!wrapper) {
        // draw.io does the same when a plain cell gets its first custom attribute
        // (Graph.setAttributeForCell).
        wrapper = Wrapper{};
        wrapper->attributes.set("label", value.value_or(""));
        value.reset();
    }
    wrapper->attributes.set(name, v);
}

const Style& Cell::style_or_empty() const {
    static const Style empty;
    return style ? *style : empty;
}

bool Cell::is_html_label() const {
    const Style& s = style_or_empty();
    return s.get_or("html", "") == "1" || s.get_or("whiteSpace", "") == "wrap";
}

bool Cell::operator==(const Cell& o) const {
    return id == o.id && parent == o.parent && source == o.source && target == o.target && kind == o.kind &&
           vertex == o.vertex && edge == o.edge && value == o.value && style == o.style &&
           connectable == o.connectable && visible == o.visible && collapsed == o.collapsed &&
           wrapper == o.wrapper && geometry == o.geometry && extra == o.extra &&
           extra_children == o.extra_children;
}

}  // namespace jstudio::diagram
