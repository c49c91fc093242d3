#include "importers/drawio/stencil_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <pugixml.hpp>

#include "importers/drawio/stencil_library.hpp"

namespace jstudio::importers {

namespace {

using render::Stencil;
using render::StencilOp;

struct Element {
    const char* name;
    StencilOp::Kind kind;
    std::initializer_list<const char*> numbers;  // attributes read into StencilOp::v, in order
    const char* text = nullptr;                  // attribute read into StencilOp::text
};

// Elements of a <path>.
const Element path_elements[] = {
    {"move", StencilOp::move, {"x", "y"}},
    {"line", StencilOp::line, {"x", "y"}},
    {"quad", StencilOp::quad, {"x1", "y1", "x2", "y2"}},
    {"curve", StencilOp::curve, {"x1", "y1", "x2", "y2", "x3", "y3"}},
    {"arc", StencilOp::arc, {"rx", "ry", "x-axis-rotation", "large-arc-flag", "sweep-flag", "x", "y"}},
    {"close", StencilOp::close, {}},
};

// Elements of <background> and <foreground> other than <path> and <text>.
const Element drawing_elements[] = {
    {"rect", StencilOp::rect, {"x", "y", "w", "h"}},
    {"ellipse", StencilOp::ellipse, {"x", "y", "w", "h"}},
    {"roundrect", StencilOp::roundrect, {"x", "y", "w", "h", "arcsize"}},
    {"fill", StencilOp::fill, {}},
    {"stroke", StencilOp::stroke, {}},
    {"fillstroke", StencilOp::fillstroke, {}},
    {"save", StencilOp::save, {}},
    {"restore", StencilOp::restore, {}},
    {"strokecolor", StencilOp::stroke_color, {}, "color"},
    {"fillcolor", StencilOp::fill_color, {}, "color"},
    {"fontcolor", StencilOp::font_color, {}, "color"},
    {"strokewidth", StencilOp::stroke_width, {"width", "fixed"}},
    {"dashed", StencilOp::dashed, {"dashed"}},
    {"dashpattern", StencilOp::dash_pattern, {}, "pattern"},
    {"alpha", StencilOp::alpha, {"alpha"}},
    {"fillalpha", StencilOp::fill_alpha, {"alpha"}},
    {"strokealpha", StencilOp::stroke_alpha, {"alpha"}},
    {"fontsize", StencilOp::font_size, {"size"}},
    {"fontstyle", StencilOp::font_style, {"style"}},
    {"fontfamily", StencilOp::font_family, {}, "family"},
};

// Read, understood, not drawn: images and other stencils by name need what a stencil file does not hold;
// line caps, joins and miter limits are below what the display list keeps.
const char* const not_drawn[] = {"image", "include-shape", "linecap", "linejoin", "miterlimit", "shadow"};

Error stencil_error(const pugi::xml_node& node, std::string message) {
    return make_error(ErrorCode::bad_xml, "stencil <" + std::string(node.name()) + "> at byte " +
                                              std::to_string(node.offset_debug()) + ": " + message);
}

// A missing attribute is 0, as JavaScript's Number(null); anything else must be a finite number.
bool number(const pugi::xml_node& node, const char* attribute, double& out) {
    const pugi::xml_attribute a = node.attribute(attribute);
    out = 0;
    if (!a) return true;
    std::string_view text = a.value();
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return true;
    if (text.front() == '+') text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

// A size as JavaScript's Number() reads it: draw.io writes w="-Infinity" for stencils made of nothing. A
// size that is not positive and finite draws nothing, in draw.io as here.
bool size(const pugi::xml_node& node, const char* attribute, double& out) {
    const std::string_view text = node.attribute(attribute).value();
    if (text == "Infinity" || text == "+Infinity" || text == "-Infinity" || text == "NaN") {
        out = text == "NaN" ? std::nan("") : text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    return number(node, attribute, out);
}

Result<StencilOp> read_element(const pugi::xml_node& node, const Element& e) {
    StencilOp op;
    op.kind = e.kind;
    std::size_t i = 0;
    for (const char* attribute : e.numbers)
        if (!number(node, attribute, op.v[i++]))
            return stencil_error(node, std::string("attribute ") + attribute + " is not a number");
    if (e.text) op.str = node.attribute(e.text).value();
    return op;
}

const Element* find(const Element* begin, const Element* end, const char* name) {
    for (const Element* e = begin; e != end; ++e)
        if (std::strcmp(e->name, name) == 0) return e;
    return nullptr;
}

Status read_text(const pugi::xml_node& node, std::vector<StencilOp>& out) {
    StencilOp op;
    op.kind = StencilOp::text;
    if (!number(node, "x", op.v[0]) || !number(node, "y", op.v[1]) || !number(node, "rotation", op.v[3]))
        return stencil_error(node, "x, y or rotation is not a number");
    op.v[2] = std::strcmp(node.attribute("vertical").value(), "1") == 0 ? 1 : 0;
    const std::string_view align = node.attribute("align").value(), valign = node.attribute("valign").value();
    op.v[4] = align == "center" ? 1 : align == "right" ? 2 : 0;
    op.v[5] = valign == "middle" ? 1 : valign == "bottom" ? 2 : 0;
    op.str = node.attribute("str").value();
    out.push_back(std::move(op));
    return Ok{};
}

Status read_drawing(const pugi::xml_node& parent, Stencil& stencil, std::vector<StencilOp>& out) {
    for (const pugi::xml_node& node : parent.children()) {
        if (node.type() != pugi::node_element) continue;
        const char* name = node.name();
        if (std::strcmp(name, "path") == 0) {
            out.push_back({StencilOp::path, {}, {}});
            for (const pugi::xml_node& step : node.children()) {
                if (step.type() != pugi::node_element) continue;
                const Element* e = find(std::begin(path_elements), std::end(path_elements), step.name());
                if (!e) return stencil_error(step, "not a path element");
                auto op = read_element(step, *e);
                if (!op) return op.error();
                out.push_back(std::move(op.value()));
            }
        } else if (std::strcmp(name, "text") == 0) {
            if (auto s = read_text(node, out); !s) return s.error();
        } else if (const Element* e = find(std::begin(drawing_elements), std::end(drawing_elements), name)) {
            auto op = read_element(node, *e);
            if (!op) return op.error();
            out.push_back(std::move(op.value()));
        } else if (std::find_if(std::begin(not_drawn), std::end(not_drawn), [&](const char* n) {
                       return std::strcmp(n, name) == 0;
                   }) != std::end(not_drawn)) {
            if (std::find(stencil.not_drawn.begin(), stencil.not_drawn.end(), name) ==
                stencil.not_drawn.end())
                stencil.not_drawn.emplace_back(name);
        } else {
            return stencil_error(node, "unknown stencil element");
        }
    }
    return Ok{};
}

}  // namespace

namespace {

Result<Stencil> read_shape(const pugi::xml_node& shape) {
    Stencil stencil;
    stencil.name = shape.attribute("name").value();
    double w = 0, h = 0;
    if (!size(shape, "w", w) || !size(shape, "h", h)) return stencil_error(shape, "w or h is not a number");
    // JavaScript's `Number(w || 100)`: a missing or zero size is the default.
    stencil.width = w != 0 ? w : 100;
    stencil.height = h != 0 ? h : 100;
    stencil.fixed_aspect = std::string_view(shape.attribute("aspect").value()) == "fixed";
    const std::string_view sw = shape.attribute("strokewidth").value();
    if (sw != "inherit") {
        double v = 1;
        if (!sw.empty() && !number(shape, "strokewidth", v))
            return stencil_error(shape, "strokewidth is neither a number nor \"inherit\"");
        stencil.stroke_width = sw.empty() ? 1 : v;
    }
    for (const pugi::xml_node& part : shape.children()) {
        if (part.type() != pugi::node_element) continue;
        const std::string_view name = part.name();
        Status s = Ok{};
        if (name == "background")
            s = read_drawing(part, stencil, stencil.background);
        else if (name == "foreground")
            s = read_drawing(part, stencil, stencil.foreground);
        else if (name != "connections")  // connection points: edges glue to the bounds here
            return stencil_error(part, "unknown stencil element");
        if (!s) return s.error();
    }
    return stencil;
}

Result<pugi::xml_node> load(pugi::xml_document& doc, std::string_view xml, const char* root,
                            const char* what) {
    const pugi::xml_parse_result parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed)
        return make_error(
            ErrorCode::bad_xml,
            std::string(what) + " at byte " + std::to_string(parsed.offset) + ": " + parsed.description());
    const pugi::xml_node node = doc.document_element();
    if (std::strcmp(node.name(), root) != 0)
        return make_error(ErrorCode::bad_xml, std::string(what) + ": the root element is <" +
                                                  std::string(node.name()) + ">, not <" + root + ">");
    return node;
}

}  // namespace

Result<Stencil> read_stencil_xml(std::string_view xml) {
    pugi::xml_document doc;
    auto shape = load(doc, xml, "shape", "stencil XML");
    if (!shape) return shape.error();
    return read_shape(shape.value());
}

Result<StencilSet> read_stencil_set_xml(std::string_view xml) {
    pugi::xml_document doc;
    auto shapes = load(doc, xml, "shapes", "stencil library XML");
    if (!shapes) return shapes.error();
    StencilSet set;
    std::string package = shapes.value().attribute("name").value();
    if (!package.empty()) package += '.';
    for (const pugi::xml_node& shape : shapes.value().children("shape")) {
        const char* name = shape.attribute("name").value();
        if (!*name) continue;
        auto stencil = read_shape(shape);
        if (!stencil) {
            set.errors.push_back(std::string(name) + ": " + stencil.error().message);
            continue;
        }
        stencil.value().name = stencil_key(package + name);
        set.stencils.push_back(std::move(stencil.value()));
    }
    return set;
}

std::string stencil_key(std::string_view name) {
    std::string key(name);
    for (char& c : key) c = c == ' ' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

void use_stencil_reader() {
    render::set_stencil_parser(&read_stencil_xml);
    use_stencil_library();
}

}  // namespace jstudio::importers
