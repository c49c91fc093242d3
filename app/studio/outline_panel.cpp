#include "app/studio/outline_panel.hpp"

#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "app/studio/canvas.hpp"

namespace jstudio::studio {

OutlinePanel::OutlinePanel(wxWindow* parent, std::function<Canvas*()> canvas)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(220, 160), wxFULL_REPAINT_ON_RESIZE, "outline"),
      m_canvas(std::move(canvas)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &OutlinePanel::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &OutlinePanel::on_mouse, this);
    Bind(wxEVT_MOTION, &OutlinePanel::on_mouse, this);
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent&) {
        if (HasCapture()) ReleaseMouse();
    });
    Bind(wxEVT_MOUSE_CAPTURE_LOST, [](wxMouseCaptureLostEvent&) {});
}

std::optional<OutlinePanel::Frame> OutlinePanel::frame() {
    Canvas* canvas = m_canvas();
    if (!canvas) return std::nullopt;
    const auto all = canvas->drawing_bounds();
    const wxSize size = GetClientSize();
    if (!all || size.x < 10 || size.y < 10) return std::nullopt;
    const double margin = 6;
    const double scale = std::min((size.x - 2 * margin) / std::max(all->width, 1.0),
                                  (size.y - 2 * margin) / std::max(all->height, 1.0));
    const wxPoint offset(static_cast<int>((size.x - all->width * scale) / 2),
                         static_cast<int>((size.y - all->height * scale) / 2));
    return Frame{*all, scale, offset};
}

std::optional<diagram::Point> OutlinePanel::to_page(wxPoint p) {
    const auto f = frame();
    if (!f) return std::nullopt;
    return diagram::Point{f->page.x + (p.x - f->offset.x) / f->scale,
                          f->page.y + (p.y - f->offset.y) / f->scale};
}

std::optional<wxPoint> OutlinePanel::to_window(diagram::Point p) {
    const auto f = frame();
    if (!f) return std::nullopt;
    return wxPoint(static_cast<int>(std::lround(f->offset.x + (p.x - f->page.x) * f->scale)),
                   static_cast<int>(std::lround(f->offset.y + (p.y - f->page.y) * f->scale)));
}

void OutlinePanel::page_changed() {
    m_valid = false;
    Refresh();
}

void OutlinePanel::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(0xf4, 0xf4, 0xf4)));
    dc.Clear();
    Canvas* canvas = m_canvas();
    const auto f = frame();
    if (!canvas || !f) return;
    const wxSize size = GetClientSize();
    if (!m_valid || m_drawn_for != canvas || m_miniature.GetSize() != size) {
        // Boxes and lines at a pixel or two: what the page looks like from afar. Drawn once per change of the
        // page (20,000 shapes take tens of milliseconds); a pan only moves the frame below.
        m_miniature = wxBitmap(size.x, size.y, 24);
        wxMemoryDC memory(m_miniature);
        memory.SetBackground(wxBrush(wxColour(0xf4, 0xf4, 0xf4)));
        memory.Clear();
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(memory));
        if (gc) {
            gc->Translate(f->offset.x, f->offset.y);
            gc->Scale(f->scale, f->scale);
            gc->Translate(-f->page.x, -f->page.y);
            const double pixel = 1 / f->scale;
            gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(0x99, 0x99, 0x99), pixel)));
            gc->SetBrush(wxBrush(wxColour(0xff, 0xff, 0xff)));
            for (const auto& t : canvas->targets()) {
                if (t.edge) {
                    for (std::size_t i = 1; i < t.points.size(); ++i)
                        gc->StrokeLine(t.points[i - 1].x, t.points[i - 1].y, t.points[i].x, t.points[i].y);
                } else {
                    gc->DrawRectangle(t.bounds.x, t.bounds.y, std::max(t.bounds.width, pixel),
                                      std::max(t.bounds.height, pixel));
                }
            }
        }
        memory.SelectObject(wxNullBitmap);
        m_valid = true;
        m_drawn_for = canvas;
    }
    dc.DrawBitmap(m_miniature, 0, 0);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    gc->Translate(f->offset.x, f->offset.y);
    gc->Scale(f->scale, f->scale);
    gc->Translate(-f->page.x, -f->page.y);
    const double pixel = 1 / f->scale;
    // The canvas's view, as draw.io's blue frame.
    const auto view = canvas->visible_area();
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(wxColour(0x29, 0xb6, 0xf2), 2 * pixel)));
    gc->SetBrush(wxBrush(wxColour(0x29, 0xb6, 0xf2, 30)));
    gc->DrawRectangle(view.x, view.y, view.width, view.height);
}

void OutlinePanel::on_mouse(wxMouseEvent& event) {
    if (event.GetEventType() == wxEVT_MOTION && !event.LeftIsDown()) return;
    if (event.GetEventType() == wxEVT_LEFT_DOWN && !HasCapture()) CaptureMouse();
    Canvas* canvas = m_canvas();
    if (const auto p = to_page(event.GetPosition()); canvas && p) canvas->centre_on(*p);
}

}  // namespace jstudio::studio
