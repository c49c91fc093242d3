#pragma once
// The Format panel (draw.io's right-hand "Format" sidebar) for the selection: fill, gradient, line, opacity,
// rounded, shadow; font family, size, colour, style, alignment, label position, word wrap; for edges the edge
// style and arrows. Every control change is one undo step that writes draw.io style keys (fillColor,
// gradientColor, strokeColor, strokeWidth, dashed, opacity, rounded, shadow, fontFamily, fontSize, fontColor,
// fontStyle, align, verticalAlign, labelPosition, verticalLabelPosition, whiteSpace, edgeStyle, startArrow,
// endArrow). Below them, as draw.io's Arrange tab, a single shape's position and size (left, top, width,
// height of its own geometry, relative to its parent; one undo step per change). Each control has a window
// name ("fill-colour", "bold", "end-arrow" ...) the self-test drives it by.
#include <wx/scrolwin.h>

#include <functional>
#include <optional>
#include <string>

#include "core/diagram/style.hpp"

class wxCheckBox;
class wxChoice;
class wxColourPickerCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxSizer;

namespace jstudio::studio {

class Editor;
class Canvas;

class FormatPanel : public wxScrolledWindow {
  public:
    FormatPanel(wxWindow* parent, std::function<Editor*()> editor, std::function<Canvas*()> canvas);

    void refresh();      // show the first selected cell's style; call when the selection or document changes
    bool copy_style();   // the first selected cell's style, kept for paste_style
    bool paste_style();  // that style onto every selected cell, one undo step

  private:
    std::function<Editor*()> m_editor;
    std::function<Canvas*()> m_canvas;
    std::optional<diagram::Style> m_copied;

    wxStaticText* m_title = nullptr;
    wxSizer* m_shape_box = nullptr;
    wxSizer* m_geometry_box = nullptr;
    wxSpinCtrl *m_left = nullptr, *m_top = nullptr, *m_width = nullptr, *m_height = nullptr;
    wxSizer* m_edge_box = nullptr;
    wxCheckBox *m_fill = nullptr, *m_line = nullptr, *m_rounded = nullptr, *m_shadow = nullptr;
    wxColourPickerCtrl *m_fill_colour = nullptr, *m_line_colour = nullptr, *m_font_colour = nullptr;
    wxSpinCtrl *m_line_width = nullptr, *m_opacity = nullptr, *m_font_size = nullptr;
    wxChoice *m_dash = nullptr, *m_align = nullptr, *m_valign = nullptr;
    wxCheckBox *m_bold = nullptr, *m_italic = nullptr, *m_underline = nullptr;
    wxChoice *m_edge_style = nullptr, *m_start_arrow = nullptr, *m_end_arrow = nullptr;
    wxCheckBox *m_gradient = nullptr, *m_wrap = nullptr;
    wxColourPickerCtrl* m_gradient_colour = nullptr;
    wxChoice *m_font_family = nullptr, *m_position = nullptr;

    // One undo step over the selection; `edit` changes each cell's style.
    void apply(const std::string& name, const std::function<void(diagram::Style&)>& edit);
    void set_key(const std::string& name, const std::string& key, const std::string& value);
    void set_font_bit(int bit, bool on);
    // The single selected shape's geometry with one field changed (0 left, 1 top, 2 width, 3 height).
    void set_geometry(int field, int value);
};

}  // namespace jstudio::studio
