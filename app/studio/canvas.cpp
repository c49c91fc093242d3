#include "app/studio/canvas.hpp"

#include <wx/app.h>
#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>

#include <wx/image.h>
#include <wx/log.h>
#include <wx/mstream.h>

#include "app/studio/image_folders.hpp"
#include "core/codec/codec.hpp"
#include "core/diagram/page_index.hpp"
#include "core/render/page_renderer.hpp"
#include "core/text/text_metrics.hpp"
#include "exporters/image/image_source.hpp"
#include "exporters/raster/data_fonts.hpp"
#include "exporters/raster/shadow_blur.hpp"
#include "exporters/raster/svg_image.hpp"
#include "exporters/svg/svg_writer.hpp"

namespace jstudio::studio {

using diagram::Point;
using diagram::Rect;

namespace {

bool intersects(const Rect& a, const Rect& b) {
    return a.x <= b.right() && b.x <= a.right() && a.y <= b.bottom() && b.y <= a.bottom();
}

Rect unite(const Rect& a, const Rect& b) {
    const double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

double distance_to_segment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return std::sqrt(x * x + y * y);
}

Rect normalized(Point a, Point b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
}

}  // namespace

// Draws display-list items through wxGraphicsContext (cairo on GTK), as exporters/raster draws them through
// cairo. Fonts and decoded images outlive one paint: they are kept per canvas.
class Painter {
  public:
    void path(wxGraphicsContext& gc, const render::Path& p) { path(gc, p, trace(gc, p)); }

    // One drop shadow's paths (see render::ShadowLayer): blurred as the exporters blur it where the context
    // draws through cairo (GTK); elsewhere sharp, as one layer at the shadow's opacity.
    void shadow(wxGraphicsContext& gc, const std::vector<const render::Path*>& paths) {
        if (paths.empty()) return;
#if wxUSE_CAIRO
        if (gc.GetRenderer() == wxGraphicsRenderer::GetCairoRenderer())
            if (auto* cr = static_cast<cairo_t*>(gc.GetNativeContext())) {
                exporters::draw_shadow_layer(cr, paths);
                return;
            }
#endif
        gc.BeginLayer(paths.front()->shadow->opacity);
        for (const auto* p : paths) path(gc, *p);
        gc.EndLayer();
    }

    // A whole display list, shadows blurred (the print and the shape icons; the screen culls and caches).
    void items(wxGraphicsContext& gc, const std::vector<render::Item>& items, bool images) {
        std::vector<const render::Path*> run;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (auto* p = std::get_if<render::Path>(&items[i]); p && !p->shadow) {
                path(gc, *p);
            } else if (p) {
                run.push_back(p);
                const auto* next = i + 1 < items.size() ? std::get_if<render::Path>(&items[i + 1]) : nullptr;
                if (!next || next->shadow != p->shadow) {
                    shadow(gc, run);
                    run.clear();
                }
            } else if (auto* t = std::get_if<render::TextRun>(&items[i])) {
                text(gc, *t);
            } else if (images) {
                image(gc, std::get<render::Image>(items[i]));
            }
        }
    }

    wxGraphicsPath trace(wxGraphicsContext& gc, const render::Path& p) {
        wxGraphicsPath gp = gc.CreatePath();
        for (const auto& op : p.ops) {
            switch (op.kind) {
                case render::PathOp::move:
                    gp.MoveToPoint(op.p[0].x, op.p[0].y);
                    break;
                case render::PathOp::line:
                    gp.AddLineToPoint(op.p[0].x, op.p[0].y);
                    break;
                case render::PathOp::cubic:
                    gp.AddCurveToPoint(op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
                    break;
                case render::PathOp::close:
                    gp.CloseSubpath();
                    break;
            }
        }
        return gp;
    }

    // Fills and strokes a path traced before (the canvas keeps traced paths between paints).
    void path(wxGraphicsContext& gc, const render::Path& p, const wxGraphicsPath& gp) {
        if (p.gradient) {
            const Rect b = p.bounds();
            const auto& g = *p.gradient;
            const wxColour from = to_wx(g.from, p.fill_opacity * g.from_opacity),
                           to = to_wx(g.to, p.fill_opacity * g.to_opacity);
            if (g.direction == "radial") {
                const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
                gc.SetBrush(
                    gc.CreateRadialGradientBrush(cx, cy, cx, cy, std::max(b.width, b.height) / 2, from, to));
            } else {
                double x1 = b.x, y1 = b.y, x2 = b.x, y2 = b.bottom();  // south: top to bottom
                if (g.direction == "north") std::swap(y1, y2);
                if (g.direction == "east") x2 = b.right(), y2 = b.y;
                if (g.direction == "west") x1 = b.right(), y2 = b.y;
                gc.SetBrush(gc.CreateLinearGradientBrush(x1, y1, x2, y2, from, to));
            }
        } else if (p.fill) {
            gc.SetBrush(wxBrush(to_wx(*p.fill, p.fill_opacity)));
        } else {
            gc.SetBrush(*wxTRANSPARENT_BRUSH);
        }
        if (p.stroke && p.stroke_width > 0) {
            wxGraphicsPenInfo info(to_wx(*p.stroke, p.stroke_opacity), p.stroke_width);
            info.Join(p.round_joins ? wxJOIN_ROUND : wxJOIN_MITER);
            m_dashes.clear();
            if (!p.dash.empty()) {
                // wx dashes are in multiples of the pen width.
                for (double d : p.dash)
                    m_dashes.push_back(
                        static_cast<wxDash>(std::max(1.0, std::round(d / std::max(p.stroke_width, 1.0)))));
                info.Style(wxPENSTYLE_USER_DASH).Dashes(static_cast<int>(m_dashes.size()), m_dashes.data());
            }
            gc.SetPen(gc.CreatePen(info));
        } else {
            gc.SetPen(*wxTRANSPARENT_PEN);
        }
        gc.DrawPath(gp);
    }

    void text(wxGraphicsContext& gc, const render::TextRun& run) {
        const auto& f = run.font;
        const auto alpha = static_cast<int>(std::clamp(run.opacity, 0.0, 1.0) * 255);
        auto key = std::make_tuple(f.family, f.bold, f.italic, f.color.r, f.color.g, f.color.b, alpha);
        auto it = m_fonts.find(key);
        if (it == m_fonts.end()) {
            int flags = wxFONTFLAG_ANTIALIASED;
            if (f.bold) flags |= wxFONTFLAG_BOLD;
            if (f.italic) flags |= wxFONTFLAG_ITALIC;
            const wxString family = wxString::FromUTF8(exporters::drawn_family(f.family));
            const wxColour colour(f.color.r, f.color.g, f.color.b, static_cast<unsigned char>(alpha));
            FontEntry entry{gc.CreateFont(reference_size * pixel_factor(gc), family, flags, colour), 0};
            gc.SetFont(entry.font);
            double w = 0, h = 0, descent = 0, leading = 0;
            gc.GetTextExtent("Ag", &w, &h, &descent, &leading);
            entry.ascent = h - descent;
            it = m_fonts.emplace(key, entry).first;
        }
        // Every font is made at one reference size and scaled here: wx rounds font sizes to whole points,
        // which made 12 px labels visibly narrower than the renderer laid them out.
        const double scale = f.size / reference_size;
        gc.PushState();
        if (run.rotation != 0) {  // turned about its pivot, as the SVG and PNG exports
            gc.Translate(run.pivot.x, run.pivot.y);
            gc.Rotate(run.rotation * 3.14159265358979323846 / 180);
            gc.Translate(-run.pivot.x, -run.pivot.y);
        }
        if (f.underline) {
            gc.SetPen(wxPen(to_wx(f.color, run.opacity), 1));
            gc.StrokeLine(run.x, run.y + 1.5, run.x + run.width, run.y + 1.5);
        }
        gc.Translate(run.x, run.y);
        gc.Scale(scale, scale);
        gc.SetFont(it->second.font);
        gc.DrawText(wxString::FromUTF8(run.text), 0, -it->second.ascent);
        gc.PopState();
    }

    // Where local image files may be read from: the document's folder and the user's allowed folders. A
    // change (another list, the document saved elsewhere) drops the images decoded under the old one.
    void set_image_access(std::string base_dir, std::vector<std::string> allowed) {
        if (base_dir == m_base_dir && allowed == m_allowed) return;
        m_base_dir = std::move(base_dir);
        m_allowed = std::move(allowed);
        m_images.clear();
    }

    void image(wxGraphicsContext& gc, const render::Image& image) {
        auto it = m_images.find(image.href);
        if (it == m_images.end()) it = m_images.emplace(image.href, decode(image.href)).first;
        if (it->second.IsOk()) {
            const double iw = it->second.GetWidth(), ih = it->second.GetHeight();
            if (iw > 0 && ih > 0) {
                Rect box = image.box;
                // The aspect kept, centred, as the exports (draw.io's imageAspect=1, its default).
                const double k = std::min(box.width / iw, box.height / ih);
                box = {box.x + (box.width - iw * k) / 2, box.y + (box.height - ih * k) / 2, iw * k, ih * k};
                // Faded by the cell's opacity, as the exports draw it.
                const bool fade = image.opacity < 1;
                if (fade) gc.BeginLayer(std::max(image.opacity, 0.0));
                gc.DrawBitmap(it->second, box.x, box.y, box.width, box.height);
                if (fade) gc.EndLayer();
            }
            return;
        }
        // As the PNG export: an image we cannot decode keeps its place as a light frame.
        render::Path frame = render::rect_path(image.box);
        frame.stroke = render::Color{200, 200, 200};
        path(gc, frame);
    }

  private:
    struct FontEntry {
        wxGraphicsFont font;
        double ascent;
    };
    static constexpr double reference_size = 96;  // px; 72 pt at 96 dpi, a whole number of points
    std::map<std::tuple<std::string, bool, bool, int, int, int, int>, FontEntry> m_fonts;
    std::unordered_map<std::string, wxBitmap> m_images;
    std::string m_base_dir;
    std::vector<std::string> m_allowed;  // empty: no local file is read
    std::vector<wxDash> m_dashes;
    double m_pixel_factor = 0;

    static wxColour to_wx(const render::Color& c, double opacity) {
        return wxColour(c.r, c.g, c.b, static_cast<unsigned char>(std::clamp(opacity, 0.0, 1.0) * 255));
    }

    // The renderer lays text out with Liberation Sans advances at font.size px; the size wx gives a font
    // asked for "n pixels" depends on the toolkit and the screen's DPI (under Xvfb it came out 3/4 as wide).
    // Measure once and correct, so labels are as wide as in the SVG/PNG export and stay centred in their
    // shapes.
    double pixel_factor(wxGraphicsContext& gc) {
        if (m_pixel_factor > 0) return m_pixel_factor;
        static const char* sample = "Hamburgefonstiv Quick Brown 0123456789";
        gc.SetFont(gc.CreateFont(reference_size, "Liberation Sans", wxFONTFLAG_ANTIALIASED, *wxBLACK));
        double w = 0, h = 0;
        gc.GetTextExtent(sample, &w, &h);
        const double want = text::text_width(sample, {reference_size, false});
        m_pixel_factor = w > 0 ? std::clamp(want / w, 0.25, 4.0) : 1.0;
        return m_pixel_factor;
    }

    // The image as the PNG export reads it (data URIs, draw.io's own img/lib files, local files only inside
    // the allowed folders), SVG drawn by librsvg at a size that stays sharp when zoomed in a little.
    wxBitmap decode(const std::string& href) const {
        auto data = exporters::load_image(href, m_base_dir, m_allowed);
        if (!data) return {};
        // A header may claim gigapixels in a few bytes: refused by its declared size before decoding, as the
        // PNG export does.
        if (data.value().mime != "image/svg+xml" && !exporters::decodable_image_size(data.value().bytes))
            return {};
        wxLogNull quiet;  // a broken image is drawn as a frame, not reported in a message box
        if (data.value().mime == "image/svg+xml") {
            render::Point size = exporters::svg_image_size(data.value().bytes);
            if (size.x <= 0 || size.y <= 0) size = {256, 256};
            const double k = std::clamp(512 / std::max(size.x, size.y), 0.01, 8.0);
            auto pixels = exporters::rasterise_svg(data.value().bytes, std::max(1, int(size.x * k)),
                                                   std::max(1, int(size.y * k)));
            if (!pixels) return {};
            const auto& px = pixels.value();
            wxImage image(px.width, px.height, false);
            image.InitAlpha();
            for (int y = 0; y < px.height; ++y)
                for (int x = 0; x < px.width; ++x) {
                    const std::uint8_t* p = &px.rgba[(std::size_t(y) * px.width + x) * 4];
                    image.SetRGB(x, y, p[0], p[1], p[2]);
                    image.SetAlpha(x, y, p[3]);
                }
            return wxBitmap(image);
        }
        wxMemoryInputStream in(data.value().bytes.data(), data.value().bytes.size());
        wxImage image(in, wxBITMAP_TYPE_ANY);
        return image.IsOk() ? wxBitmap(image) : wxBitmap();
    }
};

struct SceneCache {
    render::Scene scene;
    std::vector<Rect> boxes;            // per display-list item, for culling
    std::vector<wxGraphicsPath> paths;  // per item, traced on first paint (paths only)
    std::vector<bool> traced;
};

namespace {

bool overlaps(const Rect& a, const Rect& b) {
    return a.x <= b.right() && b.x <= a.right() && a.y <= b.bottom() && b.y <= a.bottom();
}

Rect item_box(const render::Item& item) {
    if (auto* path = std::get_if<render::Path>(&item)) {
        Rect r = path->bounds();
        const double pad = path->stroke_width + 2;
        return {r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad};
    }
    if (auto* text = std::get_if<render::TextRun>(&item)) {
        const Rect box{text->x - 2, text->y - text->font.size * 1.2, text->width + 4, text->font.size * 1.6};
        if (text->rotation == 0) return box;
        // Turned about its pivot: the circle the box sweeps about it holds it at any angle.
        const double r = std::max({std::hypot(box.x - text->pivot.x, box.y - text->pivot.y),
                                   std::hypot(box.right() - text->pivot.x, box.y - text->pivot.y),
                                   std::hypot(box.x - text->pivot.x, box.bottom() - text->pivot.y),
                                   std::hypot(box.right() - text->pivot.x, box.bottom() - text->pivot.y)});
        return {text->pivot.x - r, text->pivot.y - r, 2 * r, 2 * r};
    }
    return std::get<render::Image>(item).box;
}

}  // namespace

Canvas::Canvas(wxWindow* parent, Editor* editor, std::size_t page)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE),
      m_editor(editor),
      m_page(page) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &Canvas::on_paint, this);
    // A resize keeps the page point at the window's centre where it was (docked panels shown or hidden, or a
    // window that got its real size after the view was fitted).
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        const wxSize now = GetClientSize();
        if (m_last_size.x > 0 && m_last_size.y > 0 && now != m_last_size) {
            m_origin.x -= (now.x - m_last_size.x) / 2.0 / m_zoom;
            m_origin.y -= (now.y - m_last_size.y) / 2.0 / m_zoom;
            m_backing_valid = false;
            Refresh();
        }
        m_last_size = now;
        event.Skip();
    });
    Bind(wxEVT_LEFT_DOWN, &Canvas::on_left_down, this);
    // Right click: select what is under the mouse (keeping a selection it is part of), then the context menu.
    Bind(wxEVT_RIGHT_DOWN, [this](wxMouseEvent& event) {
        SetFocus();
        ensure_scene();
        const HitTarget* target = hit(to_page(event.GetPosition()));
        if (!target)
            set_selection({}, false);
        else if (std::find(m_selection.begin(), m_selection.end(), target->id) == m_selection.end())
            set_selection({target->id}, false);
        if (context_menu) context_menu(event.GetPosition());
    });
    Bind(wxEVT_LEFT_UP, &Canvas::on_left_up, this);
    Bind(wxEVT_LEFT_DCLICK, &Canvas::on_left_dclick, this);
    Bind(wxEVT_MIDDLE_DOWN, &Canvas::on_middle_down, this);
    Bind(wxEVT_MIDDLE_UP, &Canvas::on_middle_up, this);
    Bind(wxEVT_MOTION, &Canvas::on_motion, this);
    Bind(wxEVT_MOUSEWHEEL, &Canvas::on_wheel, this);
    Bind(wxEVT_KEY_DOWN, &Canvas::on_key_down, this);
    Bind(wxEVT_KEY_UP, &Canvas::on_key_up, this);
}

Canvas::~Canvas() = default;

void Canvas::document_changed() {
    m_scene.reset();
    m_backing_valid = false;
    // Cells an undo or a delete took away leave the selection now, before the listeners (status bar, panels)
    // hear of the change, not at the next paint.
    if (!m_selection.empty() && m_page < m_editor->document.pages.size()) {
        diagram::PageIndex index(m_editor->document.pages[m_page]);
        std::erase_if(m_selection, [&](const std::string& id) { return !index.find(id); });
    }
    Refresh();
}

std::size_t Canvas::item_count() const {
    return m_scene ? m_scene->boxes.size() : 0;
}

void Canvas::ensure_scene() {
    if (m_scene) return;
    m_scene = std::make_unique<SceneCache>();
    m_targets.clear();
    if (m_page >= m_editor->document.pages.size()) return;
    const auto& page = m_editor->document.pages[m_page];
    m_scene->scene = render::render_page(page);
    m_scene->boxes.reserve(m_scene->scene.drawing.items.size());
    for (const auto& item : m_scene->scene.drawing.items) m_scene->boxes.push_back(item_box(item));
    m_scene->paths.resize(m_scene->boxes.size());
    m_scene->traced.assign(m_scene->boxes.size(), false);
    // Hit targets in drawing order: shapes and edges are interleaved by their page order.
    diagram::PageIndex index(page);
    for (const auto& s : m_scene->scene.shapes) {
        const auto* cell = index.find(s.cell_id);
        const bool outline_only = cell && cell->style &&
                                  cell->style->get("pointerEvents").value_or("1") == "0" &&
                                  cell->style->get("fillColor").value_or("none") == "none";
        m_targets.push_back({s.cell_id, s.bounds, {}, false, outline_only, {}});
    }
    // Each arrow end found by one hash probe (comparing it with every shape's id made opening 20,000 shapes
    // quadratic: issue 18).
    std::unordered_map<std::string_view, const diagram::Rect*> shape_bounds;
    shape_bounds.reserve(m_scene->scene.shapes.size());
    for (const auto& shape : m_scene->scene.shapes) shape_bounds.emplace(shape.cell_id, &shape.bounds);
    for (const auto& e : m_scene->scene.edges) {
        HitTarget t{e.cell_id, {}, e.points, true, false, {}};
        for (const auto* end : {&e.source, &e.target})
            if (auto it = end->empty() ? shape_bounds.end() : shape_bounds.find(*end);
                it != shape_bounds.end())
                t.ends.push_back(*it->second);
        if (!e.points.empty()) {
            t.bounds = {e.points[0].x, e.points[0].y, 0, 0};
            for (const auto& p : e.points) t.bounds = unite(t.bounds, {p.x, p.y, 0, 0});
        }
        m_targets.push_back(std::move(t));
    }
    // Cells on a locked layer are drawn but not picked, as in draw.io.
    for (auto& t : m_targets) {
        const auto* layer = index.layer_of(t.id);
        t.locked = layer && layer->style && layer->style->flag("locked");
    }
    std::stable_sort(m_targets.begin(), m_targets.end(), [&](const HitTarget& a, const HitTarget& b) {
        return index.position(a.id).value_or(0) < index.position(b.id).value_or(0);
    });
    // Drop selected ids that no longer exist (after delete or undo of an add).
    std::erase_if(m_selection, [&](const std::string& id) { return !index.find(id); });
}

const HitTarget* Canvas::hit(Point p) const {
    const double tolerance = 4 / m_zoom;
    for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it) {
        if (it->locked) continue;
        if (it->edge) {
            if (std::any_of(it->ends.begin(), it->ends.end(), [&](const Rect& r) { return r.contains(p); }))
                continue;
            for (std::size_t i = 1; i < it->points.size(); ++i)
                if (distance_to_segment(p, it->points[i - 1], it->points[i]) <= tolerance) return &*it;
        } else if (it->bounds.contains(p)) {
            const auto& b = it->bounds;
            const bool inner = p.x > b.x + tolerance && p.x < b.right() - tolerance &&
                               p.y > b.y + tolerance && p.y < b.bottom() - tolerance;
            if (!it->outline_only || !inner) return &*it;
        }
    }
    return nullptr;
}

Point Canvas::to_page(wxPoint p) const {
    return {m_origin.x + p.x / m_zoom, m_origin.y + p.y / m_zoom};
}

wxPoint Canvas::to_window(Point p) const {
    return {static_cast<int>(std::lround((p.x - m_origin.x) * m_zoom)),
            static_cast<int>(std::lround((p.y - m_origin.y) * m_zoom))};
}

std::optional<Rect> Canvas::cell_box(const std::string& id) {
    ensure_scene();
    for (const auto& t : m_targets)
        if (t.id == id) return t.bounds;
    return std::nullopt;
}

std::optional<Point> Canvas::connect_handle() const {
    if (m_selection.size() != 1) return std::nullopt;
    for (const auto& t : m_targets)
        if (t.id == m_selection[0] && !t.edge)
            return Point{t.bounds.right() + 14 / m_zoom, t.bounds.y + t.bounds.height / 2};
    return std::nullopt;
}

void Canvas::begin_label_edit(const std::string& id) {
    end_label_edit(true);
    ensure_scene();
    diagram::PageIndex index(m_editor->document.pages[m_page]);
    const auto* cell = index.find(id);
    auto box = cell_box(id);
    if (!cell || !box) return;
    if (cell->edge) {  // edges: a box around the middle of the drawn line
        const Point mid{box->x + box->width / 2, box->y + box->height / 2};
        box = Rect{mid.x - 80, mid.y - 20, 160, 40};
    }
    const wxPoint a = to_window({box->x, box->y}), b = to_window({box->right(), box->bottom()});
    const wxSize size(std::max(b.x - a.x, 100), std::max(b.y - a.y, 30));
    m_label_id = id;
    m_label_editor = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(cell->label()), a, size,
                                    wxTE_MULTILINE | wxTE_CENTRE | wxTE_PROCESS_ENTER);
    m_label_editor->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if ((e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) && !e.ShiftDown())
            end_label_edit(true);
        else if (e.GetKeyCode() == WXK_ESCAPE)
            end_label_edit(false);
        else
            e.Skip();
    });
    m_label_editor->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        if (commit_on_focus_loss) CallAfter([this]() { end_label_edit(true); });
    });
    m_label_editor->SetFocus();
    m_label_editor->SelectAll();
}

void Canvas::end_label_edit(bool commit) {
    if (!m_label_editor) return;
    wxTextCtrl* editor = std::exchange(m_label_editor, nullptr);
    const std::string text = editor->GetValue().ToStdString(wxConvUTF8);
    editor->Hide();
    wxTheApp->ScheduleForDestruction(editor);  // we may be inside one of its own event handlers
    if (commit) m_editor->set_label(m_page, m_label_id, text);
    SetFocus();
}

Point Canvas::view_centre() const {
    const wxSize s = GetClientSize();
    return to_page({s.x / 2, s.y / 2});
}

void Canvas::set_zoom(double zoom, wxPoint anchor) {
    zoom = std::clamp(zoom, 0.02, 16.0);
    const Point before = to_page(anchor);
    m_zoom = zoom;
    m_origin = {before.x - anchor.x / m_zoom, before.y - anchor.y / m_zoom};
    Refresh();
    if (view_changed) view_changed();
}

void Canvas::set_view(Point origin, double zoom) {
    m_origin = origin;
    m_zoom = std::clamp(zoom, 0.02, 16.0);
    m_fit_pending = false;
    Refresh();
    if (view_changed) view_changed();
}

void Canvas::pan_by(double dx, double dy) {
    m_origin.x -= dx / m_zoom;
    m_origin.y -= dy / m_zoom;
    Refresh();
    if (view_changed) view_changed();
}

void Canvas::zoom_to_selection() {
    ensure_scene();
    const auto box = selection_box();
    const wxSize s = GetClientSize();
    if (!box || s.x < 10 || s.y < 10) return;
    const double margin = 40;
    m_zoom = std::clamp(std::min((s.x - 2 * margin) / std::max(box->width, 1.0),
                                 (s.y - 2 * margin) / std::max(box->height, 1.0)),
                        0.02, 4.0);
    m_origin = {box->x + box->width / 2 - s.x / 2 / m_zoom, box->y + box->height / 2 - s.y / 2 / m_zoom};
    m_last_size = s;
    Refresh();
    if (view_changed) view_changed();
}

std::optional<Rect> Canvas::drawing_bounds() {
    ensure_scene();
    std::optional<Rect> all;
    if (!m_scene->scene.drawing.items.empty()) all = m_scene->scene.drawing.bounds;
    for (const auto& t : m_targets) all = all ? unite(*all, t.bounds) : t.bounds;
    return all;
}

void Canvas::centre_on(Point p) {
    const wxSize s = GetClientSize();
    set_view({p.x - s.x / 2 / m_zoom, p.y - s.y / 2 / m_zoom}, m_zoom);
}

Rect Canvas::visible_area() const {
    const wxSize s = GetClientSize();
    return {m_origin.x, m_origin.y, s.x / m_zoom, s.y / m_zoom};
}

void Canvas::zoom_fit() {
    const auto all = drawing_bounds();
    const wxSize s = GetClientSize();
    if (!all || s.x < 10 || s.y < 10) return;
    const double margin = 20;
    m_zoom = std::clamp(std::min((s.x - 2 * margin) / std::max(all->width, 1.0),
                                 (s.y - 2 * margin) / std::max(all->height, 1.0)),
                        0.02, 4.0);
    m_origin = {all->x + all->width / 2 - s.x / 2 / m_zoom, all->y + all->height / 2 - s.y / 2 / m_zoom};
    m_last_size = s;
    Refresh();
    if (view_changed) view_changed();
}

void Canvas::set_selection(std::vector<std::string> ids, bool centre) {
    m_selection = std::move(ids);
    if (centre) {
        ensure_scene();
        if (auto box = selection_box()) {
            const wxSize s = GetClientSize();
            m_origin = {box->x + box->width / 2 - s.x / 2 / m_zoom,
                        box->y + box->height / 2 - s.y / 2 / m_zoom};
        }
    }
    Refresh();
    notify_selection();
}

void Canvas::select_all() {
    ensure_scene();
    std::vector<std::string> ids;
    for (const auto& t : m_targets)
        if (!t.locked) ids.push_back(t.id);
    set_selection(std::move(ids), false);
}

void Canvas::notify_selection() {
    if (selection_changed) selection_changed();
}

std::optional<Rect> Canvas::selection_box() const {
    std::optional<Rect> box;
    for (const auto& t : m_targets)
        if (std::find(m_selection.begin(), m_selection.end(), t.id) != m_selection.end())
            box = box ? unite(*box, t.bounds) : t.bounds;
    return box;
}

wxBitmap shape_icon(const std::string& style, double width, double height, int size) {
    diagram::Page page = diagram::make_page("icon", "icon");
    diagram::Cell cell;
    cell.id = "shape";
    cell.parent = page.cells.size() > 1 ? page.cells[1].id : "1";
    cell.kind = diagram::CellKind::vertex;
    cell.vertex = true;
    // A text shape has nothing to show but its text: a large bold letter reads at icon size.
    const bool text = style.rfind("text;", 0) == 0;
    cell.style = diagram::Style::parse(text ? style + "fontSize=40;fontStyle=1;" : style);
    if (text) cell.value = "T";
    diagram::Geometry g;
    g.bounds = {0, 0, width, height};
    cell.geometry = g;
    page.cells.push_back(std::move(cell));
    const auto scene = render::render_page(page);
    wxImage blank(size, size);
    blank.InitAlpha();
    std::fill_n(blank.GetAlpha(), size * size, 0);
    wxBitmap bitmap(blank);
    {
        wxMemoryDC dc(bitmap);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        const Rect b = scene.drawing.bounds;
        const double scale = (size - 2) / std::max({b.width, b.height, 1.0});
        gc->Translate(size / 2.0, size / 2.0);
        gc->Scale(scale, scale);
        gc->Translate(-(b.x + b.width / 2), -(b.y + b.height / 2));
        Painter painter;
        painter.items(*gc, scene.drawing.items, false);
    }
    return bitmap;
}

std::optional<Rect> Canvas::resize_handle() const {
    if (m_selection.size() != 1) return std::nullopt;
    for (const auto& t : m_targets)
        if (t.id == m_selection[0] && !t.edge) {
            const double h = 4 / m_zoom;
            return Rect{t.bounds.right() - h, t.bounds.bottom() - h, 2 * h, 2 * h};
        }
    return std::nullopt;
}

void Canvas::prepare(wxSize size) {
    ensure_scene();
    if (m_fit_pending && size.x > 50 && size.y > 50 && size == GetClientSize()) {
        m_fit_pending = false;
        zoom_fit();
        if (m_zoom > 1) set_zoom(1, wxPoint(size.x / 2, size.y / 2));
    }
}

void Canvas::draw(wxGraphicsContext& gc, wxSize size) {
    prepare(size);
    draw_content(gc, wxRect(0, 0, size.x, size.y));
    draw_overlay(gc);
}

void Canvas::draw_content(wxGraphicsContext& gc, wxRect area) {
    gc.PushState();
    gc.Clip(area.x, area.y, area.width, area.height);
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    // wx shifts odd-width strokes by half a pixel to make them crisp; the exporters stroke on the geometry
    // itself, so the same picture needs the shift off (it moved every 1 px line against the PNG export).
    gc.DisableOffset();
    gc.SetBrush(wxBrush(wxColour(0xf4, 0xf4, 0xf4)));
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.DrawRectangle(area.x, area.y, area.width, area.height);
    const Rect visible{m_origin.x + area.x / m_zoom, m_origin.y + area.y / m_zoom, area.width / m_zoom,
                       area.height / m_zoom};
    gc.Scale(m_zoom, m_zoom);
    gc.Translate(-m_origin.x, -m_origin.y);
    const auto& scene = m_scene->scene;
    {
        // The page sheet: the drawing's bounds on white (or the page background), like draw.io's page view.
        Rect sheet = scene.drawing.items.empty() ? Rect{0, 0, 850, 1100} : scene.drawing.bounds;
        sheet = {sheet.x - 10, sheet.y - 10, sheet.width + 20, sheet.height + 20};
        const auto bg = scene.background.value_or(render::Color{255, 255, 255});
        gc.SetBrush(wxBrush(wxColour(bg.r, bg.g, bg.b)));
        gc.SetPen(wxPen(wxColour(0xdd, 0xdd, 0xdd), 1));
        gc.DrawRectangle(sheet.x, sheet.y, sheet.width, sheet.height);
    }
    if (!m_painter) m_painter = std::make_unique<Painter>();
    m_painter->set_image_access(image_base_dir(m_editor->path),
                                image_folders ? image_folders() : std::vector<std::string>{});
    const auto& items = scene.drawing.items;
    std::vector<const render::Path*> shadow;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (auto* p = std::get_if<render::Path>(&items[i]); p && p->shadow) {
            if (intersects(m_scene->boxes[i], visible)) shadow.push_back(p);
            const auto* next = i + 1 < items.size() ? std::get_if<render::Path>(&items[i + 1]) : nullptr;
            if (!next || next->shadow != p->shadow) {
                m_painter->shadow(gc, shadow);
                shadow.clear();
            }
            continue;
        }
        if (!intersects(m_scene->boxes[i], visible)) continue;  // culling: only what the window shows
        if (auto* p = std::get_if<render::Path>(&items[i])) {
            if (!m_scene->traced[i]) {
                m_scene->paths[i] = m_painter->trace(gc, *p);
                m_scene->traced[i] = true;
            }
            m_painter->path(gc, *p, m_scene->paths[i]);
        } else if (auto* t = std::get_if<render::TextRun>(&items[i])) {
            if (t->font.size * m_zoom >= min_text_px)
                m_painter->text(gc, *t);
            else
                greek(gc, *t);
        } else {
            m_painter->image(gc, std::get<render::Image>(items[i]));
        }
    }
    gc.PopState();
}

bool Canvas::draw_for_print(wxGraphicsContext& gc, const Rect& area, double max_scale) {
    ensure_scene();
    const auto& scene = m_scene->scene;
    if (scene.drawing.items.empty() || area.width < 1 || area.height < 1) return false;
    const Rect& b = scene.drawing.bounds;
    const double scale =
        std::min({area.width / std::max(b.width, 1.0), area.height / std::max(b.height, 1.0), max_scale});
    gc.PushState();
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    gc.DisableOffset();
    gc.Translate(area.x + (area.width - b.width * scale) / 2, area.y + (area.height - b.height * scale) / 2);
    gc.Scale(scale, scale);
    gc.Translate(-b.x, -b.y);
    if (scene.background) {
        const auto bg = *scene.background;
        gc.SetBrush(wxBrush(wxColour(bg.r, bg.g, bg.b)));
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.DrawRectangle(b.x, b.y, b.width, b.height);
    }
    // A painter of its own: paths traced for the screen belong to the screen's context.
    Painter painter;
    painter.set_image_access(image_base_dir(m_editor->path),
                             image_folders ? image_folders() : std::vector<std::string>{});
    painter.items(gc, scene.drawing.items, true);
    gc.PopState();
    return true;
}

// Selection frames, handles and the rubber band: drawn over the content on every paint.
void Canvas::draw_overlay(wxGraphicsContext& gc) {
    gc.PushState();
    gc.Scale(m_zoom, m_zoom);
    gc.Translate(-m_origin.x, -m_origin.y);
    // Selection: a dashed green frame as draw.io, moved along while dragging to where it would land, with the
    // guides it lines up with.
    const double drag_x = (m_drag_now.x - m_drag_start.x) / m_zoom,
                 drag_y = (m_drag_now.y - m_drag_start.y) / m_zoom;
    const auto snapped = m_drag == Drag::move     ? snap_move(drag_x, drag_y)
                         : m_drag == Drag::resize ? snap_resize(drag_x, drag_y)
                                                  : Snapped{0, 0, {}};
    const double dx = m_drag == Drag::move ? snapped.dx : 0, dy = m_drag == Drag::move ? snapped.dy : 0;
    if (!snapped.guides.empty()) {
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(wxColour(0x00, 0x78, 0xd7), 1 / m_zoom)));
        for (const auto& [from, to] : snapped.guides) gc.StrokeLine(from.x, from.y, to.x, to.y);
    }
    wxGraphicsPenInfo sel(wxColour(0x00, 0xa8, 0xff), 1.5 / m_zoom);
    wxDash dashes[] = {3, 3};
    sel.Style(wxPENSTYLE_USER_DASH).Dashes(2, dashes);
    gc.SetPen(gc.CreatePen(sel));
    gc.SetBrush(*wxTRANSPARENT_BRUSH);
    for (const auto& t : m_targets) {
        if (std::find(m_selection.begin(), m_selection.end(), t.id) == m_selection.end()) continue;
        if (t.edge && m_drag != Drag::move) {
            for (std::size_t i = 1; i < t.points.size(); ++i)
                gc.StrokeLine(t.points[i - 1].x, t.points[i - 1].y, t.points[i].x, t.points[i].y);
        } else {
            Rect b = t.bounds;
            if (m_drag == Drag::resize && t.id == m_resize_id) {
                b.width += snapped.dx;
                b.height += snapped.dy;
            }
            gc.DrawRectangle(b.x + dx - 2 / m_zoom, b.y + dy - 2 / m_zoom, b.width + 4 / m_zoom,
                             b.height + 4 / m_zoom);
        }
    }
    if (auto handle = resize_handle(); handle && m_drag != Drag::move) {
        gc.SetPen(wxPen(wxColour(0x00, 0x7f, 0xd4), 1));
        gc.SetBrush(wxBrush(wxColour(0x29, 0xb6, 0xf2)));
        gc.DrawRectangle(handle->x, handle->y, handle->width, handle->height);
    }
    if (auto handle = connect_handle(); handle && m_drag != Drag::move) {
        // draw.io's blue arrow: drag it onto another shape to glue an edge between the two.
        const double r = 6 / m_zoom;
        gc.SetPen(wxPen(wxColour(0x00, 0x7f, 0xd4), 1));
        gc.SetBrush(wxBrush(wxColour(0x29, 0xb6, 0xf2, 160)));
        gc.DrawEllipse(handle->x - r, handle->y - r, 2 * r, 2 * r);
        if (m_drag == Drag::connect) {
            const Point to = to_page(m_drag_now);
            gc.SetPen(wxPen(wxColour(0x00, 0x7f, 0xd4), 1));
            gc.StrokeLine(handle->x, handle->y, to.x, to.y);
        }
    }
    if (m_drop_preview) {  // a library shape on its way in: draw.io's dashed blue outline
        const Rect& b = *m_drop_preview;
        gc.SetPen(gc.CreatePen(sel));
        gc.SetBrush(wxBrush(wxColour(0x29, 0xb6, 0xf2, 40)));
        gc.DrawRectangle(b.x, b.y, b.width, b.height);
    }
    gc.PopState();
    if (m_drag == Drag::rubber) {
        gc.SetPen(wxPen(wxColour(0x00, 0x7f, 0xd4), 1));
        gc.SetBrush(wxBrush(wxColour(0x29, 0xb6, 0xf2, 40)));
        const int x = std::min(m_drag_start.x, m_drag_now.x), y = std::min(m_drag_start.y, m_drag_now.y);
        gc.DrawRectangle(x, y, std::abs(m_drag_now.x - m_drag_start.x),
                         std::abs(m_drag_now.y - m_drag_start.y));
    }
}

Point Canvas::snap(Point p) const {
    const auto& page = m_editor->document.pages[m_page];
    const double grid = page.model_number("gridSize", 10);
    if (!snap_to_grid || page.model_number("grid", 1) == 0 || grid < 1)
        return {std::round(p.x), std::round(p.y)};
    return {std::round(p.x / grid) * grid, std::round(p.y / grid) * grid};
}

Canvas::Alignment Canvas::align(const Rect& moving, const Rect& staying, std::span<const double> xs,
                                std::span<const double> ys, const std::string& self) const {
    Alignment out;
    if (!guides || m_editor->document.pages[m_page].model_number("guides", 1) == 0) return out;
    const double tolerance = 6 / m_zoom;
    double best_x = tolerance, best_y = tolerance;
    const HitTarget *along_x = nullptr, *along_y = nullptr;
    double line_x = 0, line_y = 0;
    const Rect view = visible_area();
    for (const auto& t : m_targets) {
        // Only shapes the user can see and that do not move along (the selection and what it holds).
        if (t.edge || t.locked || t.id == self || !overlaps(t.bounds, view) ||
            (staying.contains({t.bounds.x, t.bounds.y}) &&
             staying.contains({t.bounds.right(), t.bounds.bottom()})))
            continue;
        const double txs[] = {t.bounds.x, t.bounds.x + t.bounds.width / 2, t.bounds.right()};
        const double tys[] = {t.bounds.y, t.bounds.y + t.bounds.height / 2, t.bounds.bottom()};
        for (const double x : xs)
            for (const double tx : txs)
                if (std::abs(tx - x) < best_x)
                    best_x = std::abs(tx - x), out.shift_x = tx - x, along_x = &t, line_x = tx;
        for (const double y : ys)
            for (const double ty : tys)
                if (std::abs(ty - y) < best_y)
                    best_y = std::abs(ty - y), out.shift_y = ty - y, along_y = &t, line_y = ty;
    }
    const double sx = out.shift_x.value_or(0), sy = out.shift_y.value_or(0);
    if (along_x) {
        const double top = std::min(along_x->bounds.y, moving.y + sy);
        const double bottom = std::max(along_x->bounds.bottom(), moving.bottom() + sy);
        out.guides.push_back({{line_x, top}, {line_x, bottom}});
    }
    if (along_y) {
        const double left = std::min(along_y->bounds.x, moving.x + sx);
        const double right = std::max(along_y->bounds.right(), moving.right() + sx);
        out.guides.push_back({{left, line_y}, {right, line_y}});
    }
    return out;
}

Canvas::Snapped Canvas::snap_move(double dx, double dy) const {
    Snapped out{std::round(dx), std::round(dy), {}};
    const auto box = selection_box();
    if (!box) return out;
    const auto& page = m_editor->document.pages[m_page];
    // Guides first, per axis: the closest of the moved box's three lines to any other shape's same three.
    const Rect moved{box->x + dx, box->y + dy, box->width, box->height};
    const double xs[] = {moved.x, moved.x + moved.width / 2, moved.right()};
    const double ys[] = {moved.y, moved.y + moved.height / 2, moved.bottom()};
    auto lined = align(moved, *box, xs, ys, "");
    out.guides = std::move(lined.guides);
    // Else the page's grid, as draw.io: the selection's top-left corner lands on a grid point.
    const double grid = page.model_number("gridSize", 10);
    const bool on_grid = snap_to_grid && page.model_number("grid", 1) != 0 && grid >= 1;
    out.dx = lined.shift_x ? dx + *lined.shift_x
             : on_grid     ? std::round((box->x + dx) / grid) * grid - box->x
                           : std::round(dx);
    out.dy = lined.shift_y ? dy + *lined.shift_y
             : on_grid     ? std::round((box->y + dy) / grid) * grid - box->y
                           : std::round(dy);
    return out;
}

Canvas::Snapped Canvas::snap_resize(double dw, double dh) const {
    Snapped out{std::round(dw), std::round(dh), {}};
    const auto it = std::find_if(m_targets.begin(), m_targets.end(),
                                 [&](const HitTarget& t) { return !t.edge && t.id == m_resize_id; });
    if (it == m_targets.end()) return out;
    const Rect& box = it->bounds;
    const auto& page = m_editor->document.pages[m_page];
    // The edges the handle moves, right and bottom, against the other shapes' lines; else on the grid.
    const Rect resized{box.x, box.y, std::max(4.0, box.width + dw), std::max(4.0, box.height + dh)};
    const double xs[] = {resized.right()};
    const double ys[] = {resized.bottom()};
    auto lined = align(resized, box, xs, ys, m_resize_id);
    out.guides = std::move(lined.guides);
    const double grid = page.model_number("gridSize", 10);
    const bool on_grid = snap_to_grid && page.model_number("grid", 1) != 0 && grid >= 1;
    const auto edge = [&](double to, const std::optional<double>& shift) {
        return shift ? to + *shift : on_grid ? std::round(to / grid) * grid : std::round(to);
    };
    out.dx = std::max(4.0, edge(resized.right(), lined.shift_x) - box.x) - box.width;
    out.dy = std::max(4.0, edge(resized.bottom(), lined.shift_y) - box.y) - box.height;
    return out;
}

std::size_t Canvas::guides_shown() const {
    const double dx = (m_drag_now.x - m_drag_start.x) / m_zoom, dy = (m_drag_now.y - m_drag_start.y) / m_zoom;
    if (m_drag == Drag::move) return snap_move(dx, dy).guides.size();
    if (m_drag == Drag::resize) return snap_resize(dx, dy).guides.size();
    return 0;
}

void Canvas::set_drop_preview(std::optional<Rect> box) {
    if (box == m_drop_preview) return;
    m_drop_preview = box;
    Refresh();
}

std::string Canvas::container_at(Point p) {
    ensure_scene();
    const auto& page = m_editor->document.pages[m_page];
    diagram::PageIndex index(page);
    // Drawing order: the last target that holds p is the one on top, the innermost of nested containers.
    for (auto t = m_targets.rbegin(); t != m_targets.rend(); ++t) {
        if (t->edge || t->locked || !t->bounds.contains(p)) continue;
        const auto* cell = index.find(t->id);
        if (!cell || !cell->style) continue;
        const auto& style = *cell->style;
        if (style.flag("container") || style.has_name("swimlane") || style.get_or("shape", "") == "swimlane")
            return t->id;
    }
    return "";
}

// Text smaller than this on screen is unreadable; a grey bar in its place costs a fraction of laying it out
// (5,000 shapes zoomed to fit: most of the frame time was text).
void Canvas::greek(wxGraphicsContext& gc, const render::TextRun& run) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(wxColour(run.font.color.r, run.font.color.g, run.font.color.b, 70)));
    gc.DrawRectangle(run.x, run.y - run.font.size * 0.55, run.width, run.font.size * 0.45);
}

// The content is kept in a bitmap between paints. Panning shifts it and draws only the strips that came into
// view; zoom, resize and edits draw it whole. The overlay is drawn over it every time.
void Canvas::on_paint(wxPaintEvent&) {
    ++m_paints;
    const wxSize size = GetClientSize();
    if (size.x <= 0 || size.y <= 0) return;
    prepare(size);
    const double sx = (m_backing_origin.x - m_origin.x) * m_zoom,
                 sy = (m_backing_origin.y - m_origin.y) * m_zoom;
    const int ix = static_cast<int>(std::lround(sx)), iy = static_cast<int>(std::lround(sy));
    const bool shift_ok = m_backing_valid && m_backing.IsOk() && m_backing.GetSize() == size &&
                          m_backing_zoom == m_zoom && std::abs(sx - ix) < 0.01 && std::abs(sy - iy) < 0.01 &&
                          std::abs(ix) < size.x && std::abs(iy) < size.y;
    if (!shift_ok) {
        m_backing = wxBitmap(size.x, size.y, 24);
        wxMemoryDC memory(m_backing);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(memory));
        draw_content(*gc, wxRect(0, 0, size.x, size.y));
    } else if (ix != 0 || iy != 0) {
        wxBitmap shifted(size.x, size.y, 24);
        wxMemoryDC memory(shifted);
        {
            wxMemoryDC old(m_backing);
            memory.Blit(ix, iy, size.x, size.y, &old, 0, 0);
        }
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(memory));
        if (ix > 0) draw_content(*gc, wxRect(0, 0, ix, size.y));
        if (ix < 0) draw_content(*gc, wxRect(size.x + ix, 0, -ix, size.y));
        if (iy > 0) draw_content(*gc, wxRect(0, 0, size.x, iy));
        if (iy < 0) draw_content(*gc, wxRect(0, size.y + iy, size.x, -iy));
        gc.reset();
        memory.SelectObject(wxNullBitmap);
        m_backing = shifted;
    }
    m_backing_valid = true;
    m_backing_origin = m_origin;
    m_backing_zoom = m_zoom;
    wxAutoBufferedPaintDC dc(this);
    dc.DrawBitmap(m_backing, 0, 0);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (gc) draw_overlay(*gc);
}

void Canvas::on_left_down(wxMouseEvent& event) {
    SetFocus();
    m_drag_start = m_drag_now = event.GetPosition();
    if (m_space_down) {
        m_drag = Drag::pan;
        CaptureMouse();
        return;
    }
    ensure_scene();
    const Point p = to_page(event.GetPosition());
    if (auto handle = connect_handle();
        handle && std::hypot(handle->x - p.x, handle->y - p.y) <= 8 / m_zoom) {
        m_drag = Drag::connect;
        CaptureMouse();
        return;
    }
    if (auto handle = resize_handle(); handle && handle->contains(p)) {
        m_drag = Drag::resize;
        m_resize_id = m_selection[0];
        CaptureMouse();
        return;
    }
    const HitTarget* target = hit(p);
    const bool additive = event.ShiftDown() || event.ControlDown();
    if (target) {
        auto it = std::find(m_selection.begin(), m_selection.end(), target->id);
        if (additive) {
            if (it != m_selection.end())
                m_selection.erase(it);
            else
                m_selection.push_back(target->id);
        } else if (it == m_selection.end()) {
            m_selection = {target->id};
        }
        m_drag = Drag::move;
    } else {
        if (!additive) m_selection.clear();
        m_drag = Drag::rubber;
    }
    CaptureMouse();
    Refresh();
    notify_selection();
}

void Canvas::on_left_up(wxMouseEvent& event) {
    if (HasCapture()) ReleaseMouse();
    m_drag_now = event.GetPosition();
    const Drag drag = std::exchange(m_drag, Drag::none);
    const double dx = (m_drag_now.x - m_drag_start.x) / m_zoom, dy = (m_drag_now.y - m_drag_start.y) / m_zoom;
    if (drag == Drag::move && (std::abs(dx) >= 1 || std::abs(dy) >= 1)) {
        const auto snapped = snap_move(dx, dy);
        if (snapped.dx != 0 || snapped.dy != 0) m_editor->drop(m_page, m_selection, snapped.dx, snapped.dy);
    } else if (drag == Drag::resize) {
        diagram::PageIndex index(m_editor->document.pages[m_page]);
        if (const auto* cell = index.find(m_resize_id); cell && cell->geometry) {
            const auto snapped = snap_resize(dx, dy);
            Rect b = cell->geometry->bounds;
            b.width = std::max(4.0, b.width + snapped.dx);
            b.height = std::max(4.0, b.height + snapped.dy);
            if (snapped.dx != 0 || snapped.dy != 0) m_editor->set_bounds(m_page, m_resize_id, b);
        }
    } else if (drag == Drag::connect && m_selection.size() == 1) {
        const HitTarget* target = hit(to_page(m_drag_now));
        if (target && !target->edge && target->id != m_selection[0]) {
            const std::string id = m_editor->connect(m_page, m_selection[0], target->id);
            if (!id.empty()) m_selection = {id};
            notify_selection();
        }
    } else if (drag == Drag::rubber) {
        const Rect band = normalized(to_page(m_drag_start), to_page(m_drag_now));
        for (const auto& t : m_targets)
            if (!t.locked && band.contains({t.bounds.x, t.bounds.y}) &&
                band.contains({t.bounds.right(), t.bounds.bottom()}) &&
                std::find(m_selection.begin(), m_selection.end(), t.id) == m_selection.end())
                m_selection.push_back(t.id);
        notify_selection();
    }
    Refresh();
}

void Canvas::on_left_dclick(wxMouseEvent& event) {
    ensure_scene();
    if (const HitTarget* target = hit(to_page(event.GetPosition())); target && edit_label)
        edit_label(target->id);
}

void Canvas::on_middle_down(wxMouseEvent& event) {
    m_drag = Drag::pan;
    m_drag_start = m_drag_now = event.GetPosition();
    CaptureMouse();
}

void Canvas::on_middle_up(wxMouseEvent&) {
    if (HasCapture()) ReleaseMouse();
    m_drag = Drag::none;
}

void Canvas::on_motion(wxMouseEvent& event) {
    if (m_drag == Drag::none) return;
    const wxPoint p = event.GetPosition();
    if (m_drag == Drag::pan) {
        pan_by(p.x - m_drag_now.x, p.y - m_drag_now.y);
    }
    m_drag_now = p;
    Refresh();
}

void Canvas::on_wheel(wxMouseEvent& event) {
    const double steps = static_cast<double>(event.GetWheelRotation()) / std::max(event.GetWheelDelta(), 1);
    if (event.ControlDown()) {
        set_zoom(m_zoom * std::pow(1.2, steps), event.GetPosition());
    } else if (event.ShiftDown() || event.GetWheelAxis() == wxMOUSE_WHEEL_HORIZONTAL) {
        pan_by(steps * 60, 0);
    } else {
        pan_by(0, steps * 60);
    }
}

void Canvas::on_key_down(wxKeyEvent& event) {
    switch (event.GetKeyCode()) {
        case WXK_SPACE:
            m_space_down = true;
            break;
        case WXK_DELETE:
        case WXK_BACK:
            m_editor->remove(m_page, m_selection);
            break;
        case WXK_ESCAPE:
            m_selection.clear();
            Refresh();
            notify_selection();
            break;
        case WXK_LEFT:
            m_editor->move(m_page, m_selection, event.ShiftDown() ? -10 : -1, 0);
            break;
        case WXK_RIGHT:
            m_editor->move(m_page, m_selection, event.ShiftDown() ? 10 : 1, 0);
            break;
        case WXK_UP:
            m_editor->move(m_page, m_selection, 0, event.ShiftDown() ? -10 : -1);
            break;
        case WXK_DOWN:
            m_editor->move(m_page, m_selection, 0, event.ShiftDown() ? 10 : 1);
            break;
        default:
            if ((event.ControlDown() || event.AltDown()) && shortcut && shortcut(event)) break;
            event.Skip();
    }
}

void Canvas::on_key_up(wxKeyEvent& event) {
    if (event.GetKeyCode() == WXK_SPACE) m_space_down = false;
    event.Skip();
}

}  // namespace jstudio::studio
