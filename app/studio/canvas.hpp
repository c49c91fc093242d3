#pragma once
// The drawing area of one page: draws the shared renderer's display list (the same picture as the SVG export)
// through wxGraphicsContext, and turns mouse and keys into pan, zoom, selection and edits.
#include <wx/bitmap.h>
#include <wx/graphics.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/studio/editor.hpp"
#include "core/render/display_list.hpp"

namespace jstudio::studio {

struct HitTarget {
    std::string id;
    diagram::Rect bounds;                // page pixels
    std::vector<diagram::Point> points;  // edges: the drawn polyline
    bool edge = false;
    bool outline_only = false;  // pointerEvents=0 without fill: clicks inside fall through, as in draw.io
    std::vector<diagram::Rect> ends;  // edges: their terminals' boxes; a click inside one picks the shape
    bool locked = false;              // on a locked layer: drawn, never picked
};

struct SceneCache;  // the rendered page and its culling boxes (canvas.cpp)
class Painter;      // draws display-list items; keeps fonts and decoded images between paints

// A palette icon: the shape drawn by the shared renderer, as it will look on the page.
wxBitmap shape_icon(const std::string& style, double width, double height, int size);

class Canvas : public wxWindow {
  public:
    Canvas(wxWindow* parent, Editor* editor, std::size_t page);
    ~Canvas() override;

    std::size_t page() const { return m_page; }
    void document_changed();  // the model changed: render again, drop stale selection
    const std::vector<std::string>& selection() const { return m_selection; }
    void set_selection(std::vector<std::string> ids, bool centre);
    void select_all();

    double zoom() const { return m_zoom; }
    void set_zoom(double zoom, wxPoint anchor);  // keeps the page point under anchor (window pixels) in place
    void zoom_fit();
    void zoom_to_selection();                        // the selection fills the window (at most 400%)
    void fit_when_shown() { m_fit_pending = true; }  // fit (at most 100%) on the first paint with a real size
    void pan_by(double dx, double dy);               // window pixels
    void set_view(diagram::Point origin, double zoom);  // origin: the page point at the top-left corner
    diagram::Point view_centre() const;
    void centre_on(diagram::Point p);               // keeps the zoom
    diagram::Rect visible_area() const;             // page pixels
    std::optional<diagram::Rect> drawing_bounds();  // everything drawn, page pixels; nullopt on an empty page
    const std::vector<HitTarget>& targets() {       // shapes and edges as drawn, in drawing order
        ensure_scene();
        return m_targets;
    }
    diagram::Point to_page(wxPoint p) const;
    wxPoint to_window(diagram::Point p) const;
    std::optional<diagram::Rect> cell_box(const std::string& id);  // as drawn, page pixels
    std::optional<diagram::Rect> resize_handle() const;    // bottom-right handle of a single selected vertex
    std::optional<diagram::Point> connect_handle() const;  // drag from it onto another shape to connect
    // The outline of a shape being dragged in from the shape library (page pixels), nullopt: none.
    void set_drop_preview(std::optional<diagram::Rect> box);
    const std::optional<diagram::Rect>& drop_preview() const { return m_drop_preview; }
    // The innermost container (container=1 or a swimlane, not locked) whose drawn box holds p, "" if none.
    std::string container_at(diagram::Point p);

    // Edits a label in place: a text box over the cell; Enter commits (Shift+Enter: new line), Esc cancels.
    void begin_label_edit(const std::string& id);
    void end_label_edit(bool commit);
    wxTextCtrl* label_editor() const { return m_label_editor; }
    static inline bool commit_on_focus_loss = true;
    // Dragged shapes land on the page's grid (gridSize, unless the page says grid="0"); View > Snap to Grid.
    static inline bool snap_to_grid = true;  // scripted runs have no user to move the focus
    static inline bool guides = true;        // View > Guides (and the page's guides="0" turns them off)
    // A page point on the page's grid when snapping is on (else rounded to whole pixels).
    diagram::Point snap(diagram::Point p) const;
    // Where a drag of the selection by (dx, dy) page pixels puts it: an edge or centre within a few screen
    // pixels of another shape's edge or centre lines up with it (draw.io's guides, unless the page says
    // guides="0"), else the top-left corner goes on the grid. The guide lines show while dragging.
    struct Snapped {
        double dx, dy;
        std::vector<std::pair<diagram::Point, diagram::Point>> guides;
    };
    Snapped snap_move(double dx, double dy) const;
    // The same for the bottom-right handle: a resize by (dw, dh) whose right or bottom edge comes near
    // another shape's line lines up with it, else that edge goes on the grid; dx, dy are the width and height
    // change.
    Snapped snap_resize(double dw, double dh) const;
    std::size_t guides_shown() const;  // guide lines drawn now (while the selection is dragged or resized)

    // Draws the visible part of the page; the paint handler, screenshots and the benchmark all use it.
    void draw(wxGraphicsContext& gc, wxSize size);
    void ensure_scene();
    // The whole page for printing: every item (no grey bars, no selection, no sheet shadow) on white, scaled
    // to fit `area` (the context's units) but at most by max_scale, and centred in it. False on an empty
    // page.
    bool draw_for_print(wxGraphicsContext& gc, const diagram::Rect& area, double max_scale);
    std::size_t paints() const {
        return m_paints;
    }  // paint events handled so far  // render the page now if the model changed (the benchmark times this
       // separately)
    std::size_t item_count() const;
    bool draws_text(double font_px = 12) const { return font_px * m_zoom >= min_text_px; }  // else grey bars

    std::function<void()> selection_changed;
    std::function<void()> view_changed;                  // zoom or scroll position
    std::function<void(const std::string&)> edit_label;  // double click on a cell
    std::function<void(wxPoint)> context_menu;           // right click (window pixels), after selecting
    // A key with Ctrl or Alt the menus did not take (GTK's input method swallows Ctrl+Shift+U, draw.io's
    // Ungroup, and then the keys after it): true when it ran a menu command.
    std::function<bool(const wxKeyEvent&)> shortcut;
    // The folders local image files may be read from (image_folders.hpp), asked on every paint; unset = none.
    std::function<std::vector<std::string>()> image_folders;

  private:
    Editor* m_editor;
    std::size_t m_page;
    std::unique_ptr<SceneCache> m_scene;
    std::unique_ptr<Painter> m_painter;
    std::vector<HitTarget> m_targets;  // drawing order
    std::vector<std::string> m_selection;
    double m_zoom = 1;
    diagram::Point m_origin{-20, -20};  // page point at the window's top-left corner

    enum class Drag { none, pan, move, rubber, resize, connect } m_drag = Drag::none;
    wxPoint m_drag_start, m_drag_now;
    bool m_space_down = false;
    bool m_fit_pending = false;
    wxSize m_last_size;  // the client size the view was last laid out for
    std::string m_resize_id;
    std::optional<diagram::Rect> m_drop_preview;
    wxTextCtrl* m_label_editor = nullptr;
    std::string m_label_id;

    const HitTarget* hit(diagram::Point p) const;
    // Guides for a box `moving` (where it would be) whose lines `xs` and `ys` may line up with the lines of
    // other visible, unlocked shapes (left, centre, right; top, middle, bottom) not inside `staying`: the
    // shift that lines each axis up (nullopt: none within a few screen pixels) and the lines to draw.
    struct Alignment {
        std::optional<double> shift_x, shift_y;
        std::vector<std::pair<diagram::Point, diagram::Point>> guides;
    };
    Alignment align(const diagram::Rect& moving, const diagram::Rect& staying, std::span<const double> xs,
                    std::span<const double> ys, const std::string& self) const;
    std::optional<diagram::Rect> selection_box() const;
    void notify_selection();
    void prepare(wxSize size);  // render the page if needed, fit on the first real size
    void draw_content(wxGraphicsContext& gc, wxRect area);  // the page, within area (window pixels)
    void draw_overlay(wxGraphicsContext& gc);               // selection, handles, rubber band
    wxBitmap m_backing;                                     // the content as last painted
    diagram::Point m_backing_origin{};
    double m_backing_zoom = 0;
    bool m_backing_valid = false;
    std::size_t m_paints = 0;
    static constexpr double min_text_px =
        3;  // smaller text is drawn as a grey bar (issue 18: readable at fit)
    static void greek(wxGraphicsContext& gc, const render::TextRun& run);

    void on_paint(wxPaintEvent&);
    void on_left_down(wxMouseEvent&);
    void on_left_up(wxMouseEvent&);
    void on_left_dclick(wxMouseEvent&);
    void on_middle_down(wxMouseEvent&);
    void on_middle_up(wxMouseEvent&);
    void on_motion(wxMouseEvent&);
    void on_wheel(wxMouseEvent&);
    void on_key_down(wxKeyEvent&);
    void on_key_up(wxKeyEvent&);
};

}  // namespace jstudio::studio
