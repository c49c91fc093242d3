#pragma once
// The outline (draw.io's View > Outline): the whole page in miniature, shapes as boxes and arrows as lines,
// with the part the canvas shows framed in blue; a click or drag in it centres the canvas there. For large
// pages, where the canvas shows a small part. Window name "outline".
#include <wx/bitmap.h>
#include <wx/window.h>

#include <functional>
#include <optional>

#include "core/diagram/geometry.hpp"

namespace jstudio::studio {

class Canvas;

class OutlinePanel : public wxWindow {
  public:
    OutlinePanel(wxWindow* parent, std::function<Canvas*()> canvas);

    // The page point drawn at a window point and back, for the current page and panel size; nullopt when
    // the page is empty.
    std::optional<diagram::Point> to_page(wxPoint p);
    std::optional<wxPoint> to_window(diagram::Point p);
    // The page or its drawing changed: draw the miniature again on the next paint (panning only moves the
    // frame over the one kept).
    void page_changed();

  private:
    std::function<Canvas*()> m_canvas;

    struct Frame {
        diagram::Rect page;  // the part of the page the panel shows
        double scale;        // window pixels per page pixel
        wxPoint offset;      // where page.x, page.y is drawn
    };
    std::optional<Frame> frame();
    wxBitmap m_miniature;  // the shapes and arrows as last drawn, at the panel's size
    const Canvas* m_drawn_for = nullptr;
    bool m_valid = false;
    void on_paint(wxPaintEvent&);
    void on_mouse(wxMouseEvent&);
};

}  // namespace jstudio::studio
