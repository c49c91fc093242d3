#include "core/render/page_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <sstream>
#include <unordered_map>

#include "core/diagram/page_index.hpp"
#include "core/render/coded_shapes.hpp"
#include "core/render/default_style.hpp"
#include "core/render/edge_geometry.hpp"
#include "core/render/shape_geometry.hpp"
#include "core/render/sketch.hpp"
#include "core/render/stencil.hpp"

namespace jstudio::render {

using diagram::Cell;
using diagram::CellKind;
using diagram::PageIndex;
using diagram::Style;

namespace {

constexpr Color black{0, 0, 0}, white{255, 255, 255};

// A draw.io colour value: absent → fallback, "none" → no colour, "default" → the theme's colour.
std::optional<Color> style_color(const Style& s, std::string_view key, std::optional<Color> fallback,
                                 std::optional<Color> theme_default) {
    auto v = s.get(key);
    if (!v) return fallback;
    if (*v == "default" || *v == "inherit") return theme_default;
    return parse_color(*v);
}

Font style_font(const Style& s, double default_size) {
    Font f;
    f.family = s.get_or("fontFamily", "Helvetica");
    f.size = s.number("fontSize", default_size);
    int fs = int(s.number("fontStyle", 0));
    f.bold = fs & 1, f.italic = fs & 2, f.underline = fs & 4;
    f.color = style_color(s, "fontColor", black, black).value_or(black);
    return f;
}

std::vector<double> dash_of_always(const Style& s, double sw);

std::vector<double> dash_of(const Style& s, double sw) {
    if (!s.flag("dashed")) return {};
    return dash_of_always(s, sw);
}

// The style's dash pattern (dashPattern, default "3 3") in pixels, whether or not the style is dashed (a
// shape's own dashed parts: a UML lifeline, a non-interrupting BPMN event).
std::vector<double> dash_of_always(const Style& s, double sw) {
    std::vector<double> out;
    std::istringstream in(s.get_or("dashPattern", "3 3"));
    double v;
    while (in >> v) out.push_back(v * std::max(1.0, sw));
    if (out.empty() || std::all_of(out.begin(), out.end(), [](double d) { return d <= 0; }))
        out = {3 * sw, 3 * sw};
    return out;
}

// The gradient's direction on the page: draw.io paints a shape turned by its direction (south a quarter
// clockwise, west half, north three quarters) and its gradient turns with it, so a west note whose gradient
// runs north is light at the top.
// A compass direction turned `quarters` quarter turns clockwise; anything else (radial) is kept.
std::string turned_clockwise(const std::string& dir, long quarters) {
    static constexpr std::array<std::string_view, 4> clockwise{"south", "west", "north", "east"};
    const auto at = std::find(clockwise.begin(), clockwise.end(), dir);
    if (at == clockwise.end()) return dir;
    const long i = (long(at - clockwise.begin()) + quarters % 4 + 4) % 4;
    return std::string(clockwise[std::size_t(i)]);
}

std::string gradient_direction(const Style& s) {
    const std::string turn = s.get_or("direction", "east");
    const int quarters = turn == "south" ? 1 : turn == "west" ? 2 : turn == "north" ? 3 : 0;
    return turned_clockwise(s.get_or("gradientDirection", "south"), quarters);
}

Point rotate(Point p, Point c, double cos_a, double sin_a) {
    double dx = p.x - c.x, dy = p.y - c.y;
    return {c.x + dx * cos_a - dy * sin_a, c.y + dx * sin_a + dy * cos_a};
}

// A path turned about `c`. Its gradient turns with it, as draw.io's does (the gradient lies in the turned
// shape's own box); the display list's gradients run along the axes, so it turns by the nearest quarter.
void rotate_path(Path& path, Point c, double degrees) {
    if (std::abs(degrees) < 1e-9) return;
    double a = degrees * 3.14159265358979323846 / 180, ca = std::cos(a), sa = std::sin(a);
    for (auto& op : path.ops)
        for (auto& p : op.p) p = rotate(p, c, ca, sa);
    if (path.gradient)
        path.gradient->direction = turned_clockwise(path.gradient->direction, std::lround(degrees / 90));
}

class Builder {
  public:
    Builder(const diagram::Page& page, const RenderOptions& options)
        : m_page(page), m_index(page), m_options(options) {}

    Scene run() {
        if (auto bg = m_page.model.find("background"); bg && *bg != "none")
            m_scene.background = parse_color(*bg);
        draw_background_image();
        if (const Cell* root = m_index.root()) visit(*root);
        if (m_min_x > m_max_x) m_min_x = m_min_y = m_max_x = m_max_y = 0;
        m_scene.drawing.bounds = {m_min_x, m_min_y, m_max_x - m_min_x, m_max_y - m_min_y};
        return std::move(m_scene);
    }

  private:
    const diagram::Page& m_page;
    PageIndex m_index;
    RenderOptions m_options;
    Scene m_scene;
    std::unordered_map<std::string, std::vector<Point>> m_routes;  // edge id → routed polyline
    double m_min_x = std::numeric_limits<double>::infinity(), m_min_y = m_min_x, m_max_x = -m_min_x,
           m_max_y = -m_min_x;

    void grow(const Rect& r, double pad = 0) {
        if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.width) || !std::isfinite(r.height))
            return;
        m_min_x = std::min(m_min_x, r.x - pad), m_min_y = std::min(m_min_y, r.y - pad);
        m_max_x = std::max(m_max_x, r.right() + pad), m_max_y = std::max(m_max_y, r.bottom() + pad);
    }
    void add_path(Path p) {
        if (p.ops.empty()) return;
        grow(p.bounds(), p.stroke ? p.stroke_width / 2 : 0);
        m_scene.drawing.items.emplace_back(std::move(p));
    }
    // shadow=1: draw.io's drop shadow (mxShape.getShadowStyle, a CSS drop-shadow on the shape's node) under
    // the paths drawn since item `first`: their silhouette moved shadowOffsetX/Y (2, 3) px in shadowColor
    // (black) at shadowOpacity (25 %), blurred by shadowBlur (2) px, the CSS blur radius: a standard
    // deviation of half.
    void shadow_items(std::size_t first, const Style& s) {
        if (!s.flag("shadow")) return;
        const double dx = s.number("shadowOffsetX", 2), dy = s.number("shadowOffsetY", 3);
        const Color color = style_color(s, "shadowColor", black, black).value_or(black);
        const ShadowLayer layer{std::max(0.0, s.number("shadowBlur", 2)) / 2,
                                std::clamp(s.number("shadowOpacity", 25), 0.0, 100.0) / 100};
        if (layer.opacity <= 0) return;
        auto& items = m_scene.drawing.items;
        std::vector<Item> shadows;
        for (std::size_t i = first; i < items.size(); ++i) {
            const auto* p = std::get_if<Path>(&items[i]);
            if (!p || (!p->fill && !p->stroke)) continue;
            Path q = *p;
            for (auto& op : q.ops)
                for (auto& pt : op.p) pt.x += dx, pt.y += dy;
            if (q.fill) q.fill = color;
            if (q.stroke) q.stroke = color;
            q.gradient.reset();
            q.shadow = layer;
            shadows.emplace_back(std::move(q));
        }
        if (shadows.empty()) return;
        for (const auto& item : shadows)
            if (const auto* q = std::get_if<Path>(&item))
                grow(q->bounds(), q->stroke ? q->stroke_width / 2 : 0);
        items.insert(items.begin() + std::ptrdiff_t(first), std::make_move_iterator(shadows.begin()),
                     std::make_move_iterator(shadows.end()));
    }
    // sketch=1: the paths drawn since item `first` become draw.io's hand-drawn strokes and hachure.
    void sketch_items(std::size_t first, const Style& s, const std::string& cell_id) {
        if (!s.flag("sketch")) return;
        const SketchStyle style = sketch_style(s, cell_id);
        std::vector<Item> redrawn;
        auto& items = m_scene.drawing.items;
        std::uint32_t n = 0;
        for (std::size_t i = first; i < items.size(); ++i) {
            if (auto* p = std::get_if<Path>(&items[i]))
                for (Path& q : sketch_path(*p, style, n++)) redrawn.emplace_back(std::move(q));
            else
                redrawn.push_back(std::move(items[i]));
        }
        items.resize(first);
        for (auto& item : redrawn) items.push_back(std::move(item));
    }
    // The label's runs, turned `rotation` degrees clockwise about `pivot`, then moved by `shift` (a label
    // turned about its own box and then with its shape about the shape's centre: see turned_label).
    void add_runs(const PlacedLabel& label, double opacity, double rotation = 0, Point pivot = {},
                  Point shift = {}) {
        for (Path p : label.paths) {
            for (auto& op : p.ops)
                for (auto& pt : op.p) pt.x += shift.x, pt.y += shift.y;
            rotate_path(p, {pivot.x + shift.x, pivot.y + shift.y}, rotation);
            p.fill_opacity = opacity;
            add_path(std::move(p));
        }
        for (auto run : label.runs) {
            run.opacity = opacity;
            run.rotation = rotation;
            run.pivot = {pivot.x + shift.x, pivot.y + shift.y};
            run.x += shift.x, run.y += shift.y;
            m_scene.drawing.items.emplace_back(std::move(run));
        }
        if (label.runs.empty()) return;
        Rect r = label.bounds;
        r.x += shift.x, r.y += shift.y;
        if (rotation == 0) {
            grow(r);
        } else {
            const double a = rotation * 3.14159265358979323846 / 180, ca = std::cos(a), sa = std::sin(a);
            const Point c{pivot.x + shift.x, pivot.y + shift.y};
            for (Point corner : {Point{r.x, r.y}, Point{r.right(), r.y}, Point{r.x, r.bottom()},
                                 Point{r.right(), r.bottom()}}) {
                const Point q = rotate(corner, c, ca, sa);
                grow({q.x, q.y, 0, 0});
            }
        }
    }

    void visit(const Cell& cell) {
        if (!m_options.hidden_layers && !cell.is_visible()) return;
        if (cell.kind == CellKind::vertex) {
            const Cell* parent = m_index.find(cell.parent);
            if (parent && parent->kind == CellKind::edge)
                draw_edge_label_cell(cell, *parent);
            else
                draw_vertex(cell);
            if (cell.collapsed.value_or(false)) return;
        } else if (cell.kind == CellKind::edge) {
            draw_edge(cell);
        }
        for (const Cell* child : m_index.children(cell.id)) visit(*child);
    }

    // Behind the cells: the page's background image, filling the box its JSON gives, which the page's
    // bounds include (draw.io's export page). A page used as background (data:page/id,ID) is not drawn:
    // draw.io's export page cannot load it either (its editor draws that page where its cells lie).
    void draw_background_image() {
        const auto image = background_image(m_page);
        if (!image || image->src.starts_with("data:page/")) return;
        if (image->box.width <= 0 || image->box.height <= 0) return;
        grow(image->box);
        m_scene.drawing.items.emplace_back(Image{image->box, image->src});
    }

    void warn(const Cell& cell, std::string message) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.message = std::move(message);
        d.where.page = m_page.name.value_or("");
        d.where.cell_id = cell.id;
        d.where.line = cell.source_line;
        m_scene.warnings.push_back(std::move(d));
    }

    // A label's text is cut at max_label_bytes with a warning: nobody reads more on a shape, and a hostile
    // 100 MB label would otherwise make pango ask for gigabytes at once (an abort inside GLib). The raw value
    // is cut first (markup included) so parsing stays bounded too.
    static constexpr std::size_t max_label_bytes = std::size_t(64) << 10;
    static constexpr std::size_t max_label_source = std::size_t(1) << 20;
    // draw.io's placeholders="1" (an attribute of the cell's object): %name% in the label is the cell's
    // attribute `name`, else the nearest ancestor's (a container's, the layer's); unknown names stay as
    // written.
    std::string label_with_placeholders(const Cell& cell) {
        const std::string label = cell.label();
        std::string out;
        std::size_t at = 0;
        while (true) {
            const auto open = label.find('%', at);
            const auto close = open == std::string::npos ? open : label.find('%', open + 1);
            if (close == std::string::npos) break;
            const std::string name = label.substr(open + 1, close - open - 1);
            std::string value;
            bool found = false;
            if (!name.empty() && name.find_first_of(" <>\"'") == std::string::npos) {
                int depth = 0;
                for (const Cell* c = &cell; c && depth < 64; c = m_index.find(c->parent), ++depth) {
                    if (c->wrapper && c->wrapper->attributes.has(name) && name != "label") {
                        value = c->data(name);
                        found = true;
                        break;
                    }
                }
            }
            out += label.substr(at, open - at);
            if (found) {
                out += value;
                at = close + 1;
            } else {
                out += '%';
                at = open + 1;
            }
        }
        out += label.substr(at);
        return out;
    }

    std::vector<Paragraph> bounded_label(const Cell& cell, const Style& s, const Font& font) {
        const bool html = s.flag("html");
        std::string raw = cell.data("placeholders") == "1" ? label_with_placeholders(cell) : cell.label();
        bool cut = false;
        if (raw.size() > max_label_source) {
            raw.resize(utf8_prefix(raw, max_label_source).size());
            cut = true;
        }
        auto label = parse_label(raw, html, font);
        if (truncate_label(label, max_label_bytes) || cut)
            warn(cell, "label is longer than " + std::to_string(max_label_bytes) + " bytes of text (" +
                           std::to_string(cell.label().size()) + " in the file); drawn cut there");
        return label;
    }

    // A vertex's fill or stroke colour, with draw.io's references resolved (mxCellRenderer.resolveColor):
    // "swimlane" is the fill colour of the nearest swimlane around the cell (a kanban card takes its lane's
    // colour), "inherit" the parent shape's own colour.
    std::optional<Color> vertex_color(const Cell& cell, const Style& s, std::string_view key,
                                      std::optional<Color> fallback, std::optional<Color> theme,
                                      int depth = 0) {
        const auto v = s.get(key);
        if (!v || (*v != "swimlane" && *v != "inherit") || depth > 32)
            return style_color(s, key, fallback, theme);
        const Cell* parent = m_index.find(cell.parent);
        if (*v == "inherit") {
            if (!parent || parent->kind != CellKind::vertex) return theme;
            return vertex_color(*parent, resolved_style(parent->style_or_empty(), false), key, fallback,
                                theme, depth + 1);
        }
        for (const Cell* c = parent; c && c->kind == CellKind::vertex; c = m_index.find(c->parent)) {
            const Style cs = resolved_style(c->style_or_empty(), false);
            if (shape_name(cs) == "swimlane")
                return vertex_color(*c, cs, "fillColor", white, white, depth + 1);
            if (++depth > 32) break;
        }
        return key == "fillColor" ? white : black;
    }

    void draw_vertex(const Cell& cell) {
        auto bounds = m_index.absolute_bounds(cell.id);
        if (!bounds) return;
        const Rect b = *bounds;
        if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(b.width) ||
            !std::isfinite(b.height)) {
            warn(cell, "geometry is not finite; shape skipped");
            return;
        }
        const Style s = resolved_style(cell.style_or_empty(), false);
        std::string name = shape_name(s);
        const bool is_text =
            s.has_name("text") || name == "image" || name == "group" || s.has_name("edgeLabel");
        const bool is_group = s.has_name("group");
        SceneShape shape;
        shape.cell_id = cell.id;
        shape.shape = name;
        shape.bounds = b;
        shape.rotation = s.number("rotation", 0);
        shape.fill = vertex_color(cell, s, "fillColor",
                                  is_text || is_group ? std::nullopt : std::optional(white), white);
        shape.stroke = vertex_color(cell, s, "strokeColor",
                                    is_text || is_group ? std::nullopt : std::optional(black), black);
        shape.stroke_width = s.number("strokeWidth", 1);
        shape.dashed = s.flag("dashed");
        shape.rounded = s.flag("rounded");
        double opacity = std::clamp(s.number("opacity", 100), 0.0, 100.0) / 100;
        shape.opacity = opacity;

        std::shared_ptr<const Stencil> stencil;
        std::optional<CodedDrawing> coded;
        if (auto text = inline_stencil_text(name)) {
            name = shape.shape = "stencil";
            auto decoded = inline_stencil(*text);
            if (decoded)
                stencil = decoded.value();
            else
                warn(cell,
                     "inline stencil not drawn (" + decoded.error().message + "); drawn as its bounding box");
            // draw.io's freehand sketches (lineShape=1) are outlines filled with the line colour.
            if (s.flag("lineShape")) shape.fill = shape.stroke;
        } else if (!is_known_shape(name) && is_coded_shape(name)) {
            // A shape draw.io defines in its code (BPMN, UML lifeline, folder, rack cabinet, ...).
            coded = coded_shape(name, b, s, {shape.fill, shape.stroke, shape.stroke_width, shape.dashed});
        } else if (!is_known_shape(name)) {
            // shape=mxgraph.<library>.<name>: a stencil of draw.io's libraries, when they are installed.
            if (auto named = named_stencil(name)) {
                stencil = std::move(named);
                shape.shape = "stencil";
            }
        }
        // draw.io's AWS 4 resource icon: a square of the fill colour, the icon named by resIcon (a library
        // stencil) inside it in the stroke colour.
        std::shared_ptr<const Stencil> icon;
        if (!stencil && name == "mxgraph.aws4.resourceIcon") icon = named_stencil(s.get_or("resIcon", ""));
        ShapeOutline outline = stencil || icon || coded ? ShapeOutline{} : shape_outline(name, b, s);
        shape.known = outline.known;
        if (!outline.known && name != "stencil" && !stencil)
            warn(cell, "shape '" + name + "' is not drawn by the renderer; drawn as its bounding box");
        const std::size_t first_item = m_scene.drawing.items.size();
        if (stencil) draw_stencil_shape(cell, s, *stencil, shape);
        if (icon) {
            shape.shape = "stencil";
            Path back = rect_path(b);
            back.fill = shape.fill;
            back.fill_opacity = opacity * std::clamp(s.number("fillOpacity", 100), 0.0, 100.0) / 100;
            shape.outline.push_back(back);
            rotate_path(back, {b.x + b.width / 2, b.y + b.height / 2}, shape.rotation);
            add_path(std::move(back));
            SceneShape inner = shape;
            inner.bounds = {b.x + b.width * 0.1, b.y + b.height * 0.1, b.width * 0.8, b.height * 0.8};
            inner.fill = shape.stroke;
            inner.stroke.reset();
            inner.outline.clear();
            draw_stencil_shape(cell, s, *icon, inner);
            shape.outline.insert(shape.outline.end(), inner.outline.begin(), inner.outline.end());
        }

        auto style_path = [&](Path& p, bool filled) {
            if (filled) {
                p.fill = shape.fill;
                if (auto g = style_color(s, "gradientColor", std::nullopt, std::nullopt); g && shape.fill)
                    p.gradient = Gradient{*shape.fill, *g, gradient_direction(s)};
            }
            p.stroke = shape.stroke;
            p.stroke_width = shape.stroke_width;
            p.dash = dash_of(s, shape.stroke_width);
            p.fill_opacity = opacity * std::clamp(s.number("fillOpacity", 100), 0.0, 100.0) / 100;
            p.stroke_opacity = opacity * std::clamp(s.number("strokeOpacity", 100), 0.0, 100.0) / 100;
            rotate_path(p, {b.x + b.width / 2, b.y + b.height / 2}, shape.rotation);
        };
        if (name == "swimlane") {
            // Body fill first (swimlaneFillColor), then the header, then the body outline.
            if (auto body = style_color(s, "swimlaneFillColor", std::nullopt, white)) {
                Path p = rect_path(b);
                p.fill = body;
                p.fill_opacity = opacity * std::clamp(s.number("fillOpacity", 100), 0.0, 100.0) / 100;
                rotate_path(p, {b.x + b.width / 2, b.y + b.height / 2}, shape.rotation);
                add_path(std::move(p));
            }
        }
        for (auto& p : outline.fill_paths) {
            style_path(p, true);
            if (!outline.stroke_fills) p.stroke.reset();
            add_path(std::move(p));
        }
        for (auto& p : outline.detail_paths) {
            style_path(p, false);
            p.fill.reset();
            add_path(std::move(p));
        }
        if (coded) draw_coded_shape(cell, s, *coded, shape);
        if (s.get_or("shape", "") == "table" || s.get_or("childLayout", "") == "tableLayout")
            draw_table_lines(cell, s, b, shape);
        if (name == "image") {
            shape.image = s.get_or("image", "");
            if (!shape.image.empty()) {
                // mxImageShape: imageBackground fills the cell's box behind the picture, imageBorder frames
                // the box (not the picture, which keeps its aspect inside it), strokeWidth wide; the cell's
                // opacity fades all three.
                const auto back = style_color(s, "imageBackground", std::nullopt, std::nullopt);
                const auto border = style_color(s, "imageBorder", std::nullopt, std::nullopt);
                auto frame = [&](bool filled) {
                    Path p = rect_path(b);
                    if (filled) p.fill = back;
                    p.stroke = border;
                    p.stroke_width = s.number("strokeWidth", 1);
                    p.fill_opacity = p.stroke_opacity = opacity;
                    add_path(std::move(p));
                };
                if (back) frame(true);
                m_scene.drawing.items.emplace_back(Image{b, shape.image, opacity});
                if (border) frame(false);
                grow(b);
            }
        }

        sketch_items(first_item, s, cell.id);
        if (s.flag("glass") && shape.fill && name == "rect") draw_glass(s, b, shape);
        shadow_items(first_item, s);

        // Label.
        if (!s.flag("noLabel")) {
            Font font = style_font(s, 12);
            shape.label = bounded_label(cell, s, font);
            // A table draws its cells' colours and borders even without text.
            const bool table = std::any_of(shape.label.begin(), shape.label.end(),
                                           [](const Paragraph& p) { return p.table != nullptr; });
            if (table || !plain_text(shape.label).empty()) {
                LabelPlacement place = label_box(s, coded && coded->label_box ? *coded->label_box : b, name);
                shape.align = place.align;
                shape.valign = place.valign;
                shape.label_place = place;
                shape.vertical_label = !s.flag("horizontal", true);
                PlacedLabel placed = place_label(shape.label, place);
                // draw.io: opacity fades the shape, textOpacity the label (not both).
                double text_opacity = std::clamp(s.number("textOpacity", 100), 0.0, 100.0) / 100;
                // The label turns with its shape about the shape's centre; horizontal=0 turns it a further
                // quarter counter-clockwise about its own box's centre.
                double turn = shape.vertical_label ? -90 : 0;
                Point pivot{place.box.x + place.box.width / 2, place.box.y + place.box.height / 2};
                Point shift{};
                if (shape.rotation != 0) {
                    const double a = shape.rotation * 3.14159265358979323846 / 180;
                    const Point moved =
                        rotate(pivot, {b.x + b.width / 2, b.y + b.height / 2}, std::cos(a), std::sin(a));
                    shift = {moved.x - pivot.x, moved.y - pivot.y};
                    turn += shape.rotation;
                }
                if (turn == 0) draw_label_background(s, placed.bounds);
                add_runs(placed, text_opacity, turn, pivot, shift);
            }
        }
        m_scene.shapes.push_back(std::move(shape));
    }

    // draw.io's glass effect (mxShape.paintGlassEffect) over a rectangle: white fading from 90 % to 10 %
    // opacity down the top 60 %, cut off by a curve from 40 % of the height at the sides to 55 % in the
    // middle.
    void draw_glass(const Style& s, const Rect& b, const SceneShape& shape) {
        const double sw = std::ceil(shape.stroke_width / 2);
        const double x0 = b.x - sw, x1 = b.right() + sw, top = b.y - sw, side = b.y + b.height * 0.4;
        const double mid = b.y + b.height * 0.7;  // the control point of draw.io's quadratic
        Path glass;
        if (shape.rounded) {
            const double arc =
                (s.flag("absoluteArcSize") ? s.number("arcSize", 20) / 2
                                           : std::min(b.width, b.height) * s.number("arcSize", 15) / 100) +
                2 * sw;
            glass.move_to({x0 + arc, top});
            glass.cubic_to({x0 + arc / 3, top}, {x0, top + arc / 3}, {x0, top + arc});
        } else {
            glass.move_to({x0, top});
        }
        glass.line_to({x0, side});
        glass.cubic_to({x0 + (b.x + b.width / 2 - x0) * 2 / 3, side + (mid - side) * 2 / 3},
                       {x1 + (b.x + b.width / 2 - x1) * 2 / 3, side + (mid - side) * 2 / 3}, {x1, side});
        if (shape.rounded) {
            const double arc = glass.ops.front().p[0].x - x0;
            glass.line_to({x1, top + arc});
            glass.cubic_to({x1, top + arc / 3}, {x1 - arc / 3, top}, {x1 - arc, top});
        } else {
            glass.line_to({x1, top});
        }
        glass.close();
        glass.fill = white;
        Gradient fade{white, white, "south"};
        fade.from_opacity = 0.9, fade.to_opacity = 0.1;
        glass.gradient = fade;
        glass.fill_opacity = shape.opacity;
        rotate_path(glass, {b.x + b.width / 2, b.y + b.height / 2}, shape.rotation);
        add_path(std::move(glass));
    }

    // An inline stencil in the cell's bounds, turned by its rotation; its paths also become the shape's
    // outline for backends that keep shapes (PPTX free-form).
    void draw_stencil_shape(const Cell& cell, const Style& s, const Stencil& stencil, SceneShape& shape) {
        const Rect& b = shape.bounds;
        // Line caps, joins and miter limits change a corner by a pixel: not worth a warning.
        std::string names;
        for (const auto& n : stencil.not_drawn)
            if (n != "linejoin" && n != "linecap" && n != "miterlimit")
                names += (names.empty() ? "" : ", ") + n;
        if (!names.empty()) warn(cell, "stencil: elements not drawn: " + names);
        StencilPaint paint;
        paint.fill = shape.fill;
        paint.stroke = shape.stroke;
        if (auto g = style_color(s, "gradientColor", std::nullopt, std::nullopt); g && shape.fill)
            paint.gradient = Gradient{*shape.fill, *g, gradient_direction(s)};
        paint.stroke_width = shape.stroke_width;
        paint.dashed = shape.dashed;
        if (shape.dashed) paint.dash_pattern = dash_of(s, 1);  // in stroke widths: the stencil scales it
        paint.opacity = shape.opacity;
        paint.fill_opacity = std::clamp(s.number("fillOpacity", 100), 0.0, 100.0) / 100;
        paint.stroke_opacity = std::clamp(s.number("strokeOpacity", 100), 0.0, 100.0) / 100;
        paint.direction = s.get_or("direction", "east");
        paint.flip_h = s.flag("flipH") || s.flag("stencilFlipH");
        paint.flip_v = s.flag("flipV") || s.flag("stencilFlipV");
        paint.font.size = 11;  // mxGraph's default font size for stencil text
        const Point centre{b.x + b.width / 2, b.y + b.height / 2};
        const double a = shape.rotation * 3.14159265358979323846 / 180, ca = std::cos(a), sa = std::sin(a);
        for (Item& item : draw_stencil(stencil, b, paint)) {
            if (auto* p = std::get_if<Path>(&item)) {
                shape.outline.push_back(*p);
                rotate_path(*p, centre, shape.rotation);
                add_path(std::move(*p));
            } else if (auto* run = std::get_if<TextRun>(&item)) {
                if (shape.rotation != 0) {
                    const Point pivot = rotate(run->pivot, centre, ca, sa);
                    run->x += pivot.x - run->pivot.x, run->y += pivot.y - run->pivot.y;
                    run->pivot = pivot;
                    run->rotation += shape.rotation;
                }
                grow({run->x, run->y - run->font.size, run->width, run->font.size * 1.2});
                m_scene.drawing.items.push_back(std::move(*run));
            }
        }
    }

    // A code-defined shape's paths with the style's opacity, dash pattern, gradient and rotation; its own
    // text (rack unit numbers, a button's caption) as text runs; an AWS group's icon stencil in its corner.
    void draw_coded_shape(const Cell& cell, const Style& s, const CodedDrawing& coded, SceneShape& shape) {
        const Rect& b = shape.bounds;
        const Point centre{b.x + b.width / 2, b.y + b.height / 2};
        const double fill_opacity =
            shape.opacity * std::clamp(s.number("fillOpacity", 100), 0.0, 100.0) / 100;
        const double stroke_opacity =
            shape.opacity * std::clamp(s.number("strokeOpacity", 100), 0.0, 100.0) / 100;
        const auto gradient = style_color(s, "gradientColor", std::nullopt, std::nullopt);
        for (const CodedPath& part : coded.paths) {
            Path p = part.path;
            p.fill_opacity *= fill_opacity;
            p.stroke_opacity = stroke_opacity;
            if (part.dashed) p.dash = dash_of_always(s, p.stroke_width);
            if (part.shape_fill && gradient && p.fill)
                p.gradient = Gradient{*p.fill, *gradient, gradient_direction(s)};
            shape.outline.push_back(p);
            rotate_path(p, centre, shape.rotation);
            add_path(std::move(p));
        }
        const double a = shape.rotation * 3.14159265358979323846 / 180;
        for (const CodedText& t : coded.texts) {
            Font font = style_font(s, 12);
            font.size = t.size, font.color = t.color, font.bold = t.bold,
            font.italic = font.underline = false;
            auto paragraphs = parse_label(t.text, false, font);
            LabelPlacement place;
            place.box = {t.at.x, t.at.y, 0, 0};
            place.align = t.left ? HAlign::left : HAlign::center;
            place.valign = VAlign::middle;
            PlacedLabel placed = place_label(paragraphs, place);
            Point shift{};
            if (shape.rotation != 0) {
                const Point moved = rotate(t.at, centre, std::cos(a), std::sin(a));
                shift = {moved.x - t.at.x, moved.y - t.at.y};
            }
            add_runs(placed, std::clamp(s.number("textOpacity", 100), 0.0, 100.0) / 100, shape.rotation, t.at,
                     shift);
        }
        for (const CodedStencil& st : coded.stencils) {
            auto stencil = named_stencil(st.name);
            if (!stencil) continue;
            SceneShape inner = shape;
            inner.bounds = st.box;
            inner.fill = st.fill;
            inner.stroke.reset();
            inner.outline.clear();
            inner.rotation = 0;
            draw_stencil_shape(cell, s, *stencil, inner);
            shape.outline.insert(shape.outline.end(), inner.outline.begin(), inner.outline.end());
        }
    }

    // draw.io's table (childLayout=tableLayout): lines between its rows and columns in the table's stroke,
    // through each cell's bottom right corner (getTableLines; rowLines=0 / columnLines=0 turn them off).
    void draw_table_lines(const Cell& table, const Style& s, const Rect& b, const SceneShape& shape) {
        if (!shape.stroke) return;
        std::vector<std::vector<Rect>> rows;
        for (const Cell* row : m_index.children(table.id)) {
            if (row->kind != CellKind::vertex || !row->is_visible()) continue;
            std::vector<Rect> cells;
            for (const Cell* c : m_index.children(row->id))
                if (c->kind == CellKind::vertex && c->is_visible())
                    if (auto cb = m_index.absolute_bounds(c->id)) cells.push_back(*cb);
            if (auto rb = m_index.absolute_bounds(row->id); rb && cells.empty()) cells.push_back(*rb);
            if (!cells.empty()) rows.push_back(std::move(cells));
        }
        const double top = b.y + (s.flag("horizontal", true) ? s.number("startSize", 0) : 0);
        auto stroke = [&](std::vector<Point> pts) {
            Path p = polygon_path(pts, false);
            p.stroke = shape.stroke;
            p.stroke_width = shape.stroke_width;
            p.stroke_opacity = shape.opacity * std::clamp(s.number("strokeOpacity", 100), 0.0, 100.0) / 100;
            p.dash = dash_of(s, shape.stroke_width);
            rotate_path(p, {b.x + b.width / 2, b.y + b.height / 2}, shape.rotation);
            add_path(std::move(p));
        };
        // Each cell's bottom side (not in the last row) and right side (not the last in its row): merged and
        // hidden cells leave gaps, as draw.io's lines do.
        const bool row_lines = s.get_or("rowLines", "1") != "0",
                   column_lines = s.get_or("columnLines", "1") != "0";
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                const Rect& cell = rows[r][c];
                if (row_lines && r + 1 < rows.size() && cell.bottom() < b.bottom() - 0.5)
                    stroke({{cell.x, cell.bottom()}, {cell.right(), cell.bottom()}});
                if (column_lines && c + 1 < rows[r].size() && cell.right() < b.right() - 0.5)
                    stroke({{cell.right(), std::max(cell.y, top)}, {cell.right(), cell.bottom()}});
            }
    }

    LabelPlacement label_box(const Style& s, const Rect& b, const std::string& name) {
        LabelPlacement p;
        std::string align = s.get_or("align", "center"), valign = s.get_or("verticalAlign", "middle");
        p.align = align == "left" ? HAlign::left : align == "right" ? HAlign::right : HAlign::center;
        p.valign = valign == "top" ? VAlign::top : valign == "bottom" ? VAlign::bottom : VAlign::middle;
        Rect box = b;
        if (name == "swimlane") {
            double start = s.number("startSize", 40);
            if (s.flag("horizontal", true))
                box.height = std::min(start, b.height);
            else
                box.width = std::min(start, b.width);  // the title is turned below
            // draw.io centres the title in the header whatever verticalAlign says (top is the common case in
            // its swimlane styles; compared with its own pictures).
            p.valign = VAlign::middle;
        }
        std::string lp = s.get_or("labelPosition", "center"),
                    vlp = s.get_or("verticalLabelPosition", "middle");
        if (lp == "left") box.x -= box.width;
        if (lp == "right") box.x += box.width;
        if (vlp == "top") box.y -= box.height;
        if (vlp == "bottom") box.y += box.height;
        if (!s.flag("horizontal", true)) {
            // draw.io turns the label a quarter counter-clockwise: lay it out upright in the turned box (same
            // centre, sides swapped); the runs are drawn rotated -90° about that centre.
            double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
            box = {cx - box.height / 2, cy - box.width / 2, box.height, box.width};
        }
        double spacing = s.number("spacing", 2);
        double l = spacing + s.number("spacingLeft", 0), r = spacing + s.number("spacingRight", 0);
        double t = spacing + s.number("spacingTop", 0), bt = spacing + s.number("spacingBottom", 0);
        // draw.io (mxCellRenderer.rotateLabelBounds): the spacing narrows the box only for a label inside its
        // shape (labelPosition=center), and makes it lower only for verticalLabelPosition=middle; beside the
        // shape it only moves the text, by the spacing on the side the text is aligned to.
        if (lp == "center") {
            box.x += l, box.width = std::max(0.0, box.width - l - r);
        } else {
            box.x += p.align == HAlign::left ? l : p.align == HAlign::right ? -r : (l - r) / 2;
        }
        if (vlp == "middle") {
            box.y += t, box.height = std::max(0.0, box.height - t - bt);
        } else {
            box.y += p.valign == VAlign::top ? t : p.valign == VAlign::bottom ? -bt : (t - bt) / 2;
        }
        // Measured against draw.io's pictures (fonts 8 to 30 px, HTML and plain labels, any spacing): its
        // top-aligned labels sit 4 px lower than spacing alone puts them and bottom-aligned ones 1 px higher;
        // middle-aligned ones are where the spacing puts them.
        if (p.valign == VAlign::top) box.y += 4, box.height = std::max(0.0, box.height - 4);
        if (p.valign == VAlign::bottom) box.height = std::max(0.0, box.height - 1);
        p.box = box;
        p.wrap = s.get_or("whiteSpace", "") == "wrap";
        p.html = s.get_or("html", "") == "1";
        p.clip = p.html && s.get_or("overflow", "") == "hidden";
        // overflow=fill: draw.io lays the text out in the whole shape, the spacing left out
        // (mxCellRenderer.rotateLabelBounds with legacySpacing).
        p.fill = p.html && s.get_or("overflow", "") == "fill" && lp == "center" && vlp == "middle" &&
                 s.flag("horizontal", true) && name != "swimlane";
        if (p.fill) p.box = b;
        return p;
    }

    void draw_label_background(const Style& s, const Rect& text) {
        auto bg = style_color(s, "labelBackgroundColor", std::nullopt, white);
        auto border = style_color(s, "labelBorderColor", std::nullopt, black);
        if (!bg && !border) return;
        Path p = rect_path({text.x - 2, text.y, text.width + 4, text.height});
        p.fill = bg;
        p.stroke = border;
        add_path(std::move(p));
    }

    Terminal terminal(const std::string& id, const std::optional<Point>& loose, Point origin) {
        // Edge-to-edge: the midpoint of the other edge's drawn route.
        return edge_terminal(m_index, id, loose, origin,
                             [&](const std::string& other) -> std::optional<Point> {
                                 auto it = m_routes.find(other);
                                 if (it == m_routes.end()) return std::nullopt;
                                 return point_along(it->second, 0.5);
                             });
    }

    // draw.io's loop style (mxEdgeStyle.Loop, used for an edge from a shape to itself with at most one
    // waypoint, whatever its edgeStyle, unless orthogonalLoop=1 with fixed connection points): two points
    // `segment` px (default the grid size) either side of the centre line, 2 × segment px beside the shape
    // (right for the default direction west; left east, above north, below south), or beside a waypoint.
    std::optional<std::vector<Point>> self_loop(const Cell& edge, const Style& s, const Terminal& src,
                                                const std::vector<Point>& waypoints) {
        if (edge.source.empty() || edge.source != edge.target || !src.bounds || waypoints.size() >= 2)
            return std::nullopt;
        if (s.flag("orthogonalLoop") && (s.get("exitX") || s.get("entryX"))) return std::nullopt;
        const Rect& b = *src.bounds;
        double grid = 10;
        if (auto g = m_page.model.find("gridSize"))
            grid = std::atof(g->c_str()) > 0 ? std::atof(g->c_str()) : 10;
        const double seg = s.number("segment", grid);
        const std::string dir = s.get_or("direction", "west");
        const bool vertical = dir == "north" || dir == "south";
        double x = 0, y = 0, dx = 0, dy = 0;
        if (vertical)
            x = b.x + b.width / 2, dx = seg;
        else
            y = b.y + b.height / 2, dy = seg;
        std::optional<Point> pt;
        if (!waypoints.empty() && !(waypoints[0].x >= b.x && waypoints[0].x <= b.right() &&
                                    waypoints[0].y >= b.y && waypoints[0].y <= b.bottom()))
            pt = waypoints[0];
        if (!pt || pt->x < b.x || pt->x > b.right()) {
            if (pt) {
                x = pt->x;
                dy = std::max(std::abs(y - pt->y), dy);
            } else if (dir == "north") {
                y = b.y - 2 * dx;
            } else if (dir == "south") {
                y = b.bottom() + 2 * dx;
            } else if (dir == "east") {
                x = b.x - 2 * dy;
            } else {
                x = b.right() + 2 * dy;
            }
        } else {
            x = b.x + b.width / 2;
            dx = std::max(std::abs(x - pt->x), dy);
            y = pt->y;
            dy = 0;
        }
        return std::vector<Point>{{x - dx, y - dy}, {x + dx, y + dy}};
    }

    void draw_edge(const Cell& cell) {
        const Style s = resolved_style(cell.style_or_empty(), true);
        Point origin = m_index.frame_origin(cell.id);
        const auto& g = cell.geometry;
        std::optional<Point> sp = g ? g->source_point : std::nullopt, tp = g ? g->target_point : std::nullopt;
        Terminal src = terminal(cell.source, sp, origin), tgt = terminal(cell.target, tp, origin);
        std::vector<Point> waypoints;
        if (g)
            for (const auto& w : g->waypoints) waypoints.push_back({w.x + origin.x, w.y + origin.y});
        std::vector<Point> pts;
        if (auto loop = self_loop(cell, s, src, waypoints)) {
            // Straight from the shape's outline out to the loop's two points and back.
            Style straight = s;
            straight.set("edgeStyle", "none");
            pts = route_edge(straight, src, tgt, *loop);
        } else {
            pts = route_edge(s, src, tgt, waypoints);
        }
        m_routes[cell.id] = pts;

        SceneEdge edge;
        edge.cell_id = cell.id;
        edge.source = src.bounds ? cell.source : "";
        edge.target = tgt.bounds ? cell.target : "";
        edge.points = pts;
        edge.stroke = style_color(s, "strokeColor", black, black);
        edge.stroke_width = s.number("strokeWidth", 1);
        edge.dashed = s.flag("dashed");
        edge.curved = s.flag("curved");
        edge.start_arrow = s.get_or("startArrow", "none");
        edge.end_arrow = s.get_or("endArrow", "classic");
        double opacity = std::clamp(s.number("opacity", 100), 0.0, 100.0) / 100;
        const std::size_t first_item = m_scene.drawing.items.size();

        if (s.get_or("shape", "") == "arrow" && pts.size() >= 2) {
            // draw.io's block arrow edge (mxArrow): a 10 px shaft and a 30 px head, straight from the first
            // point to the last, filled with fillColor.
            const Point p0 = pts.front(), pe = pts.back();
            const double dx = pe.x - p0.x, dy = pe.y - p0.y, dist = std::hypot(dx, dy);
            if (dist > 0) {
                constexpr double width = 30, head = 30;
                const double nx = dx / dist, ny = dy / dist, length = dist - head;
                const double fx = width * ny / 3, fy = -width * nx / 3;
                const Point a{p0.x - fx / 2, p0.y - fy / 2}, b1{a.x + fx, a.y + fy};
                const Point b2{b1.x + length * nx, b1.y + length * ny}, b3{b2.x + fx, b2.y + fy};
                const Point b5{b3.x - 3 * fx, b3.y - 3 * fy}, b6{b5.x + fx, b5.y + fy};
                Path arrow = polygon_path({a, b1, b2, b3, pe, b5, b6});
                arrow.fill = style_color(s, "fillColor", white, white);
                arrow.stroke = edge.stroke;
                arrow.stroke_width = edge.stroke_width;
                arrow.fill_opacity = arrow.stroke_opacity = opacity;
                add_path(std::move(arrow));
            }
        } else if (s.get_or("shape", "") == "flexArrow" && pts.size() >= 2) {
            // draw.io's flexArrow: a filled band (width, plus the stroke beyond 1 px) with heads endWidth /
            // startWidth wider than the band and endSize / startSize × 3 long (mxArrowConnector), half the
            // stroke in from the ends.
            const double sw = edge.stroke_width, band = s.number("width", 10) + std::max(0.0, sw - 1);
            FlexArrowEnds ends;
            ends.start = edge.start_arrow != "none";
            ends.end = edge.end_arrow != "none";
            ends.start_width = band + s.number("startWidth", 10) + sw;
            ends.end_width = band + s.number("endWidth", 10) + sw;
            ends.start_length = s.number("startSize", 6) * 3 + sw;
            ends.end_length = s.number("endSize", 6) * 3 + sw;
            Path arrow = flex_arrow_outline(pts, band, ends, sw / 2);
            arrow.fill = style_color(s, "fillColor", white, white);
            if (auto gc = style_color(s, "gradientColor", std::nullopt, std::nullopt); gc && arrow.fill)
                arrow.gradient = Gradient{*arrow.fill, *gc, gradient_direction(s)};
            arrow.stroke = edge.stroke;
            arrow.stroke_width = sw;
            arrow.dash = dash_of(s, sw);
            arrow.fill_opacity = opacity * std::clamp(s.number("fillOpacity", 100), 0.0, 100.0) / 100;
            arrow.stroke_opacity = opacity * std::clamp(s.number("strokeOpacity", 100), 0.0, 100.0) / 100;
            add_path(std::move(arrow));
        } else if (const std::string shape = s.get_or("shape", "");
                   (shape == "mxgraph.lean_mapping.manual_info_flow_edge" ||
                    shape == "mxgraph.lean_mapping.electronic_info_flow_edge") &&
                   edge.stroke && pts.size() >= 2) {
            auto flow = lean_info_flow_edge(pts, shape == "mxgraph.lean_mapping.electronic_info_flow_edge");
            for (Path* p : {&flow.line, &flow.head}) {
                if (p->ops.empty()) continue;
                p->stroke = edge.stroke;
                p->stroke_width = edge.stroke_width;
                p->stroke_opacity = opacity;
                p->round_joins = true;
            }
            flow.head.fill = edge.stroke;
            flow.head.fill_opacity = opacity;
            flow.line.dash = dash_of(s, edge.stroke_width);
            if (!flow.line.ops.empty()) add_path(std::move(flow.line));
            if (!flow.head.ops.empty()) add_path(std::move(flow.head));
        } else if (edge.stroke && pts.size() >= 2) {
            Color color = *edge.stroke;
            std::vector<Point> line = pts;
            std::vector<Path> markers;
            auto marker = [&](const std::string& kind, bool at_end) {
                std::size_t n = line.size();
                Point tip = at_end ? line[n - 1] : line[0];
                Point from = at_end ? line[n - 2] : line[1];
                double size = s.number(at_end ? "endSize" : "startSize", 6);
                bool filled = s.flag(at_end ? "endFill" : "startFill", true);
                auto m = make_marker(kind, from, tip, size, edge.stroke_width, filled, color);
                if (!m) return;
                double seg = std::hypot(tip.x - from.x, tip.y - from.y);
                double inset = std::min(m->inset, seg);
                Point moved{tip.x + (from.x - tip.x) * inset / seg, tip.y + (from.y - tip.y) * inset / seg};
                (at_end ? line[n - 1] : line[0]) = moved;
                m->path.stroke_opacity = m->path.fill_opacity = opacity;
                markers.push_back(std::move(m->path));
            };
            marker(edge.end_arrow, true);
            marker(edge.start_arrow, false);
            Path p = edge.curved         ? curve_through(line)
                     : s.flag("rounded") ? rounded_polyline(line, 10)
                                         : polygon_path(line, false);
            p.stroke = color;
            p.stroke_width = edge.stroke_width;
            p.dash = dash_of(s, edge.stroke_width);
            p.stroke_opacity = opacity;
            p.round_joins = true;
            add_path(std::move(p));
            for (auto& m : markers) add_path(std::move(m));
            // A marker's mitred point reaches the edge's end, past its path's bounds and half stroke.
            for (const Point& end : {pts.front(), pts.back()}) grow({end.x, end.y, 0, 0});
        }
        sketch_items(first_item, s, cell.id);
        shadow_items(first_item, s);

        // The edge's own label: x in -1..1 along the edge, y perpendicular, plus the offset.
        Font font = style_font(s, 11);
        edge.label = bounded_label(cell, s, font);
        edge.label_at =
            label_anchor(pts, g ? g->bounds.x : 0, g ? g->bounds.y : 0, g ? g->offset : std::nullopt);
        if (g && !g->relative && !pts.empty()) {
            // draw.io (updateEdgeLabelOffset): a geometry that is not relative puts the label halfway between
            // the two ends, moved by the offset; its x and y mean nothing there.
            edge.label_at = {(pts.front().x + pts.back().x) / 2, (pts.front().y + pts.back().y) / 2};
            if (g->offset) edge.label_at.x += g->offset->x, edge.label_at.y += g->offset->y;
        }
        if (!plain_text(edge.label).empty() && !s.flag("noLabel"))
            draw_point_label(s, edge.label, edge.label_at);
        m_scene.edges.push_back(std::move(edge));
    }

    static Point segment_direction(const std::vector<Point>& pts, double t) {
        double total = 0;
        for (std::size_t i = 1; i < pts.size(); ++i)
            total += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
        double want = t * total;
        for (std::size_t i = 1; i < pts.size(); ++i) {
            double seg = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
            if ((want <= seg || i + 1 == pts.size()) && seg > 0)
                return {(pts[i].x - pts[i - 1].x) / seg, (pts[i].y - pts[i - 1].y) / seg};
            want -= seg;
        }
        return {1, 0};
    }

    static Point label_anchor(const std::vector<Point>& pts, double x, double y,
                              std::optional<Point> offset) {
        Point at = point_along(pts, (std::clamp(x, -1.0, 1.0) + 1) / 2);
        // y is a distance across the segment the point lies on, as mxGraphView.getPoint: p + y·(dy, −dx)/len.
        Point d = segment_direction(pts, (std::clamp(x, -1.0, 1.0) + 1) / 2);
        at.x += y * d.y, at.y -= y * d.x;
        if (offset) at.x += offset->x, at.y += offset->y;
        return at;
    }

    void draw_point_label(const Style& s, const std::vector<Paragraph>& label, Point at) {
        LabelPlacement p;
        p.box = {at.x, at.y, 0, 0};
        p.align = HAlign::center;
        // draw.io (mxText.getSpacing for an edge's label): align=left starts the text at the point moved
        // right by spacing + spacingLeft, align=right ends it there moved left by spacing + spacingRight.
        const std::string align = s.get_or("align", "center");
        const double spacing = s.number("spacing", 2);
        if (align == "left") {
            p.align = HAlign::left;
            p.box.x += spacing + s.number("spacingLeft", 0);
        } else if (align == "right") {
            p.align = HAlign::right;
            p.box.x -= spacing + s.number("spacingRight", 0);
        }
        // draw.io: verticalAlign=bottom puts the label above the point (its bottom there), top below it, each
        // moved away by spacing + spacingBottom (Top); a middle label moves by half their difference
        // (mxText.getSpacing), so spacingBottom=12 lifts it 6 px.
        const std::string valign = s.get_or("verticalAlign", "middle");
        p.valign = valign == "bottom" ? VAlign::bottom : valign == "top" ? VAlign::top : VAlign::middle;
        const double top = spacing + s.number("spacingTop", 0),
                     bottom = spacing + s.number("spacingBottom", 0);
        p.box.y += p.valign == VAlign::bottom ? -bottom : p.valign == VAlign::top ? top : (top - bottom) / 2;
        PlacedLabel placed = place_label(label, p);
        auto bg = style_color(s, "labelBackgroundColor", white, white);
        if (bg) {
            Path back = rect_path(
                {placed.bounds.x - 1, placed.bounds.y, placed.bounds.width + 2, placed.bounds.height});
            back.fill = bg;
            add_path(std::move(back));
        }
        add_runs(placed, std::clamp(s.number("textOpacity", 100), 0.0, 100.0) / 100);
    }

    void draw_edge_label_cell(const Cell& cell, const Cell& edge) {
        auto it = m_routes.find(edge.id);
        if (it == m_routes.end() || !cell.geometry) return;
        const Style s = resolved_style(cell.style_or_empty(), false);
        const auto& g = *cell.geometry;
        Point at = g.relative ? label_anchor(it->second, g.bounds.x, g.bounds.y, g.offset)
                              : Point{g.bounds.x + g.bounds.width / 2, g.bounds.y + g.bounds.height / 2};
        Font font = style_font(s, 11);
        auto label = bounded_label(cell, s, font);
        if (plain_text(label).empty()) return;
        draw_point_label(s, label, at);
        SceneShape shape;
        shape.cell_id = cell.id;
        shape.shape = "text";
        PlacedLabel measured =
            place_label(label, {{at.x, at.y, 0, 0}, HAlign::center, VAlign::middle, false});
        shape.bounds = measured.bounds;
        shape.fill = style_color(s, "labelBackgroundColor", white, white);
        shape.label = std::move(label);
        m_scene.shapes.push_back(std::move(shape));
    }

    static Path curve_through(const std::vector<Point>& pts) {
        Path p;
        p.move_to(pts.front());
        if (pts.size() < 3) {
            p.line_to(pts.back());
            return p;
        }
        // Quadratic segments between segment midpoints, as draw.io's curved edges.
        auto quad = [&](Point from, Point c, Point to) {
            p.cubic_to({from.x + 2.0 / 3 * (c.x - from.x), from.y + 2.0 / 3 * (c.y - from.y)},
                       {to.x + 2.0 / 3 * (c.x - to.x), to.y + 2.0 / 3 * (c.y - to.y)}, to);
        };
        Point cur = pts.front();
        for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
            Point mid{(pts[i].x + pts[i + 1].x) / 2, (pts[i].y + pts[i + 1].y) / 2};
            if (i + 2 == pts.size()) mid = pts.back();
            quad(cur, pts[i], mid);
            cur = mid;
        }
        return p;
    }

    static Path rounded_polyline(const std::vector<Point>& pts, double radius) {
        Path p;
        p.move_to(pts.front());
        for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
            Point a = pts[i - 1], c = pts[i], n = pts[i + 1];
            double l1 = std::hypot(c.x - a.x, c.y - a.y), l2 = std::hypot(n.x - c.x, n.y - c.y);
            double r = std::min({radius, l1 / 2, l2 / 2});
            if (r <= 0) {
                p.line_to(c);
                continue;
            }
            Point in{c.x - (c.x - a.x) * r / l1, c.y - (c.y - a.y) * r / l1};
            Point out{c.x + (n.x - c.x) * r / l2, c.y + (n.y - c.y) * r / l2};
            p.line_to(in);
            p.cubic_to({in.x + (c.x - in.x) * 0.55, in.y + (c.y - in.y) * 0.55},
                       {out.x + (c.x - out.x) * 0.55, out.y + (c.y - out.y) * 0.55}, out);
        }
        p.line_to(pts.back());
        return p;
    }
};

}  // namespace

namespace {

// The value of "key" in a flat JSON object, unescaped (strings) or as written (numbers); none if absent.
std::optional<std::string> json_field(std::string_view json, std::string_view key) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    auto at = json.find(quoted);
    if (at == std::string_view::npos) return std::nullopt;
    at = json.find(':', at + quoted.size());
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
    while (at < json.size() && std::isspace(static_cast<unsigned char>(json[at]))) ++at;
    if (at >= json.size()) return std::nullopt;
    std::string out;
    if (json[at] == '"') {
        for (++at; at < json.size() && json[at] != '"'; ++at) {
            if (json[at] == '\\' && at + 1 < json.size()) ++at;
            out += json[at];
        }
        return out;
    }
    while (at < json.size() && json[at] != ',' && json[at] != '}') out += json[at++];
    return out;
}

}  // namespace

std::optional<BackgroundImage> background_image(const diagram::Page& page) {
    const auto json = page.model.find("backgroundImage");
    if (!json) return std::nullopt;
    auto src = json_field(*json, "src");
    if (!src || src->empty()) return std::nullopt;
    auto number = [&](std::string_view key) {
        const auto v = json_field(*json, key);
        if (!v) return 0.0;
        const double d = std::strtod(v->c_str(), nullptr);
        return std::isfinite(d) ? d : 0.0;
    };
    return BackgroundImage{*src, {number("x"), number("y"), number("width"), number("height")}};
}

Scene render_page(const diagram::Page& page, const RenderOptions& options) {
    return Builder(page, options).run();
}

}  // namespace jstudio::render
