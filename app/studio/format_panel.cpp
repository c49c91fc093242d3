#include "app/studio/format_panel.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/clrpicker.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <cmath>

#include "app/studio/canvas.hpp"
#include "app/studio/editor.hpp"
#include "core/diagram/page_index.hpp"
#include "core/render/default_style.hpp"

namespace jstudio::studio {

namespace {

// The choices of a drop-down: what the user reads, and the style it stands for.
struct Option {
    const char* label;
    const char* value;
};
const Option dashes[] = {{"solid", ""}, {"dashed", "dashed"}, {"dotted", "dotted"}};
const Option aligns[] = {{"left", "left"}, {"center", "center"}, {"right", "right"}};
const Option valigns[] = {{"top", "top"}, {"middle", "middle"}, {"bottom", "bottom"}};
const Option edge_styles[] = {{"straight", ""},
                              {"orthogonal", "orthogonalEdgeStyle"},
                              {"elbow", "elbowEdgeStyle"},
                              {"curved", "curved"}};
const Option fonts[] = {{"Helvetica", "Helvetica"},     {"Arial", "Arial"},
                        {"Verdana", "Verdana"},         {"Times New Roman", "Times New Roman"},
                        {"Courier New", "Courier New"}, {"Georgia", "Georgia"}};
// Label position as draw.io's Text > Position: labelPosition and verticalLabelPosition (and the text's own
// alignment facing the shape).
const Option positions[] = {
    {"center", "center"}, {"top", "top"}, {"bottom", "bottom"}, {"left", "left"}, {"right", "right"}};
const Option arrows[] = {{"none", "none"}, {"classic", "classic"}, {"block", "block"}, {"open", "open"},
                         {"oval", "oval"}, {"diamond", "diamond"}, {"async", "async"}};

template <std::size_t N>
wxChoice* make_choice(wxWindow* parent, const char* name, const Option (&options)[N]) {
    wxArrayString items;
    for (const auto& o : options) items.Add(o.label);
    return new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items, 0, wxDefaultValidator,
                        name);
}

template <std::size_t N>
void show_choice(wxChoice* choice, const Option (&options)[N], const std::string& value) {
    for (std::size_t i = 0; i < N; ++i)
        if (value == options[i].value) {
            choice->SetSelection(static_cast<int>(i));
            return;
        }
    choice->SetSelection(wxNOT_FOUND);
}

wxColour colour_of(const std::string& text, const wxColour& fallback) {
    wxColour c;
    if (!text.empty() && text[0] == '#' && c.Set(wxString::FromUTF8(text))) return c;
    return fallback;
}

std::string hex(const wxColour& c) {
    return c.GetAsString(wxC2S_HTML_SYNTAX).Lower().ToStdString();
}

}  // namespace

FormatPanel::FormatPanel(wxWindow* parent, std::function<Editor*()> editor, std::function<Canvas*()> canvas)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(240, 400), wxVSCROLL, "format-panel"),
      m_editor(std::move(editor)),
      m_canvas(std::move(canvas)) {
    SetScrollRate(0, 10);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, "Nothing selected");
    sizer->Add(m_title, 0, wxALL | wxEXPAND, 6);

    auto row = [&](wxSizer* box, wxWindow* a, wxWindow* b = nullptr) {
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        line->Add(a, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
        if (b) line->Add(b, 0, wxALIGN_CENTER_VERTICAL);
        box->Add(line, 0, wxEXPAND | wxALL, 2);
    };
    auto label = [&](wxWindow* owner, const char* text) { return new wxStaticText(owner, wxID_ANY, text); };
    auto colour = [&](wxWindow* owner, const char* name) {
        return new wxColourPickerCtrl(owner, wxID_ANY, *wxBLACK, wxDefaultPosition, wxDefaultSize,
                                      wxCLRP_DEFAULT_STYLE, wxDefaultValidator, name);
    };
    auto spin = [&](wxWindow* owner, const char* name, int low, int high) {
        return new wxSpinCtrl(owner, wxID_ANY, "", wxDefaultPosition, wxSize(120, -1), wxSP_ARROW_KEYS, low,
                              high, low, name);
    };
    auto check = [&](wxWindow* owner, const char* text, const char* name) {
        return new wxCheckBox(owner, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                              name);
    };

    // Arrange: position and size, as draw.io's Arrange tab (one shape selected); shown below the text.
    auto* geometry_box = new wxStaticBoxSizer(wxVERTICAL, this, "Arrange");
    wxWindow* gp = geometry_box->GetStaticBox();
    // Sized by GTK: a range of six characters needs a wider entry than the other number fields.
    auto number = [&](const char* name, int low, int high) {
        return new wxSpinCtrl(gp, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, low, high,
                              low, name);
    };
    m_left = number("left", -99999, 99999);
    m_top = number("top", -99999, 99999);
    m_width = number("width", 1, 99999);
    m_height = number("height", 1, 99999);
    row(geometry_box, label(gp, "Left"), m_left);
    row(geometry_box, label(gp, "Top"), m_top);
    row(geometry_box, label(gp, "Width"), m_width);
    row(geometry_box, label(gp, "Height"), m_height);
    m_geometry_box = geometry_box;
    int field = 0;
    for (auto* control : {m_left, m_top, m_width, m_height})
        control->Bind(wxEVT_SPINCTRL,
                      [this, f = field++](wxSpinEvent& e) { set_geometry(f, e.GetPosition()); });

    // Style: fill, line, opacity, rounded, shadow.
    auto* style_box = new wxStaticBoxSizer(wxVERTICAL, this, "Style");
    wxWindow* sp = style_box->GetStaticBox();
    m_shape_box = new wxBoxSizer(wxVERTICAL);
    m_fill = check(sp, "Fill", "fill");
    m_fill_colour = colour(sp, "fill-colour");
    row(m_shape_box, m_fill, m_fill_colour);
    m_gradient = check(sp, "Gradient", "gradient");
    m_gradient_colour = colour(sp, "gradient-colour");
    row(m_shape_box, m_gradient, m_gradient_colour);
    style_box->Add(m_shape_box, 0, wxEXPAND);
    m_line = check(sp, "Line", "line");
    m_line_colour = colour(sp, "line-colour");
    row(style_box, m_line, m_line_colour);
    m_line_width = spin(sp, "line-width", 0, 20);
    row(style_box, label(sp, "Line width"), m_line_width);
    m_dash = make_choice(sp, "dash", dashes);
    row(style_box, label(sp, "Pattern"), m_dash);
    m_opacity = spin(sp, "opacity", 0, 100);
    row(style_box, label(sp, "Opacity %"), m_opacity);
    m_rounded = check(sp, "Rounded", "rounded");
    m_shadow = check(sp, "Shadow", "shadow");
    row(style_box, m_rounded, m_shadow);
    sizer->Add(style_box, 0, wxEXPAND | wxALL, 4);

    // Edge: waypoints style and arrows (the line width above is the edge's width).
    auto* edge_box = new wxStaticBoxSizer(wxVERTICAL, this, "Connection");
    wxWindow* ep = edge_box->GetStaticBox();
    m_edge_style = make_choice(ep, "edge-style", edge_styles);
    row(edge_box, label(ep, "Waypoints"), m_edge_style);
    m_start_arrow = make_choice(ep, "start-arrow", arrows);
    row(edge_box, label(ep, "Line start"), m_start_arrow);
    m_end_arrow = make_choice(ep, "end-arrow", arrows);
    row(edge_box, label(ep, "Line end"), m_end_arrow);
    m_edge_box = edge_box;
    sizer->Add(edge_box, 0, wxEXPAND | wxALL, 4);

    // Text.
    auto* text_box = new wxStaticBoxSizer(wxVERTICAL, this, "Text");
    wxWindow* tp = text_box->GetStaticBox();
    m_font_size = spin(tp, "font-size", 1, 200);
    row(text_box, label(tp, "Font size"), m_font_size);
    m_font_family = make_choice(tp, "font-family", fonts);
    row(text_box, label(tp, "Font"), m_font_family);
    m_font_colour = colour(tp, "font-colour");
    row(text_box, label(tp, "Font colour"), m_font_colour);
    auto* styles = new wxBoxSizer(wxHORIZONTAL);
    m_bold = check(tp, "Bold", "bold");
    m_italic = check(tp, "Italic", "italic");
    m_underline = check(tp, "Underline", "underline");
    for (auto* c : {m_bold, m_italic, m_underline}) styles->Add(c, 0, wxRIGHT, 4);
    text_box->Add(styles, 0, wxALL, 2);
    m_align = make_choice(tp, "align", aligns);
    row(text_box, label(tp, "Horizontal"), m_align);
    m_valign = make_choice(tp, "vertical-align", valigns);
    row(text_box, label(tp, "Vertical"), m_valign);
    m_position = make_choice(tp, "label-position", positions);
    row(text_box, label(tp, "Position"), m_position);
    m_wrap = check(tp, "Word wrap", "wrap");
    row(text_box, m_wrap);
    sizer->Add(text_box, 0, wxEXPAND | wxALL, 4);
    sizer->Add(geometry_box, 0, wxEXPAND | wxALL,
               4);  // after the style, as draw.io's Arrange tab comes second

    auto* clip = new wxBoxSizer(wxHORIZONTAL);
    auto* copy = new wxButton(this, wxID_ANY, "Copy Style", wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "copy-style");
    auto* paste = new wxButton(this, wxID_ANY, "Paste Style", wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, "paste-style");
    clip->Add(copy, 1, wxRIGHT, 4);
    clip->Add(paste, 1);
    sizer->Add(clip, 0, wxEXPAND | wxALL, 4);
    SetSizer(sizer);

    // Each control: one undo step with the draw.io keys it stands for.
    m_fill->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
        set_key("Fill", "fillColor", e.IsChecked() ? hex(m_fill_colour->GetColour()) : "none");
    });
    m_fill_colour->Bind(wxEVT_COLOURPICKER_CHANGED, [this](wxColourPickerEvent& e) {
        set_key("Fill colour", "fillColor", hex(e.GetColour()));
    });
    m_gradient->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
        const std::string value = e.IsChecked() ? hex(m_gradient_colour->GetColour()) : "none";
        apply("Gradient", [&](diagram::Style& s) {
            if (value == "none")
                s.remove("gradientColor");
            else
                s.set("gradientColor", value);
        });
    });
    m_gradient_colour->Bind(wxEVT_COLOURPICKER_CHANGED, [this](wxColourPickerEvent& e) {
        set_key("Gradient colour", "gradientColor", hex(e.GetColour()));
    });
    m_font_family->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        set_key("Font", "fontFamily", fonts[std::max(0, e.GetSelection())].value);
    });
    m_position->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        const std::string where = positions[std::max(0, e.GetSelection())].value;
        apply("Label position", [&](diagram::Style& s) {
            const bool side = where == "left" || where == "right";
            const bool above_below = where == "top" || where == "bottom";
            if (side) {
                s.set("labelPosition", where);
                s.set("verticalLabelPosition", "middle");
                s.set("align", where == "left" ? "right" : "left");
                s.set("verticalAlign", "middle");
            } else if (above_below) {
                s.set("labelPosition", "center");
                s.set("verticalLabelPosition", where);
                s.set("align", "center");
                s.set("verticalAlign", where == "top" ? "bottom" : "top");
            } else {
                s.remove("labelPosition");
                s.remove("verticalLabelPosition");
            }
        });
    });
    m_wrap->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
        const bool on = e.IsChecked();
        apply("Word wrap", [&](diagram::Style& s) {
            if (on) {
                s.set("whiteSpace", "wrap");
                s.set("html", "1");  // draw.io wraps html labels only
            } else {
                s.remove("whiteSpace");
            }
        });
    });
    m_line->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
        set_key("Line", "strokeColor", e.IsChecked() ? hex(m_line_colour->GetColour()) : "none");
    });
    m_line_colour->Bind(wxEVT_COLOURPICKER_CHANGED, [this](wxColourPickerEvent& e) {
        set_key("Line colour", "strokeColor", hex(e.GetColour()));
    });
    m_line_width->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent& e) {
        set_key("Line width", "strokeWidth", std::to_string(e.GetPosition()));
    });
    m_dash->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        const std::string value = dashes[std::max(0, e.GetSelection())].value;
        apply("Line pattern", [&](diagram::Style& s) {
            if (value.empty()) {
                s.remove("dashed");
                s.remove("dashPattern");
            } else {
                s.set("dashed", "1");
                if (value == "dotted")
                    s.set("dashPattern", "1 2");
                else
                    s.remove("dashPattern");
            }
        });
    });
    m_opacity->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent& e) {
        const int value = e.GetPosition();
        apply("Opacity", [&](diagram::Style& s) {
            if (value >= 100)
                s.remove("opacity");
            else
                s.set("opacity", std::to_string(value));
        });
    });
    m_rounded->Bind(wxEVT_CHECKBOX,
                    [this](wxCommandEvent& e) { set_key("Rounded", "rounded", e.IsChecked() ? "1" : "0"); });
    m_shadow->Bind(wxEVT_CHECKBOX,
                   [this](wxCommandEvent& e) { set_key("Shadow", "shadow", e.IsChecked() ? "1" : "0"); });
    m_edge_style->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        const std::string value = edge_styles[std::max(0, e.GetSelection())].value;
        // As draw.io's Waypoints menu: straight drops edgeStyle, curved is an orthogonal route drawn curved.
        apply("Waypoints", [&](diagram::Style& s) {
            s.remove("curved");
            if (value.empty()) {
                s.remove("edgeStyle");
            } else if (value == "curved") {
                s.set("edgeStyle", "orthogonalEdgeStyle");
                s.set("curved", "1");
            } else {
                s.set("edgeStyle", value);
            }
        });
    });
    m_start_arrow->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        set_key("Line start", "startArrow", arrows[std::max(0, e.GetSelection())].value);
    });
    m_end_arrow->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        set_key("Line end", "endArrow", arrows[std::max(0, e.GetSelection())].value);
    });
    m_font_size->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent& e) {
        set_key("Font size", "fontSize", std::to_string(e.GetPosition()));
    });
    m_font_colour->Bind(wxEVT_COLOURPICKER_CHANGED, [this](wxColourPickerEvent& e) {
        set_key("Font colour", "fontColor", hex(e.GetColour()));
    });
    m_bold->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) { set_font_bit(1, e.IsChecked()); });
    m_italic->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) { set_font_bit(2, e.IsChecked()); });
    m_underline->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) { set_font_bit(4, e.IsChecked()); });
    m_align->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        set_key("Align", "align", aligns[std::max(0, e.GetSelection())].value);
    });
    m_valign->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        set_key("Vertical align", "verticalAlign", valigns[std::max(0, e.GetSelection())].value);
    });
    copy->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { copy_style(); });
    paste->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { paste_style(); });
    refresh();
}

void FormatPanel::apply(const std::string& name, const std::function<void(diagram::Style&)>& edit) {
    Editor* editor = m_editor();
    Canvas* canvas = m_canvas();
    if (!editor || !canvas || canvas->selection().empty()) return;
    editor->restyle(canvas->page(), canvas->selection(), name,
                    [&](diagram::Style& s, const diagram::Cell&) { edit(s); });
}

void FormatPanel::set_key(const std::string& name, const std::string& key, const std::string& value) {
    apply(name, [&](diagram::Style& s) { s.set(key, value); });
}

void FormatPanel::set_font_bit(int bit, bool on) {
    static const char* names[] = {"", "Bold", "Italic", "", "Underline"};
    apply(names[bit], [&](diagram::Style& s) {
        int bits = static_cast<int>(s.number("fontStyle", 0));
        bits = on ? bits | bit : bits & ~bit;
        s.set("fontStyle", std::to_string(bits));
    });
}

void FormatPanel::set_geometry(int field, int value) {
    Editor* editor = m_editor();
    Canvas* canvas = m_canvas();
    if (!editor || !canvas || canvas->selection().size() != 1) return;
    diagram::PageIndex index(editor->document.pages[canvas->page()]);
    const auto* cell = index.find(canvas->selection().front());
    if (!cell || cell->edge || !cell->geometry || cell->geometry->relative) return;
    diagram::Rect b = cell->geometry->bounds;
    double* fields[] = {&b.x, &b.y, &b.width, &b.height};
    if (std::lround(*fields[field]) == value) return;  // the field shows the value rounded: no change asked
    *fields[field] = value;
    // A locked shape keeps its geometry: the fields go back to what it is.
    if (!editor->set_bounds(canvas->page(), cell->id, b, field < 2 ? "Move" : "Resize"))
        CallAfter([this] { refresh(); });
}

bool FormatPanel::copy_style() {
    Editor* editor = m_editor();
    Canvas* canvas = m_canvas();
    if (!editor || !canvas || canvas->selection().empty()) return false;
    diagram::PageIndex index(editor->document.pages[canvas->page()]);
    const auto* cell = index.find(canvas->selection().front());
    if (!cell) return false;
    m_copied = cell->style_or_empty();
    return true;
}

bool FormatPanel::paste_style() {
    Editor* editor = m_editor();
    Canvas* canvas = m_canvas();
    if (!m_copied || !editor || !canvas || canvas->selection().empty()) return false;
    return editor->restyle(canvas->page(), canvas->selection(), "Paste style",
                           [&](diagram::Style& s, const diagram::Cell&) { s = *m_copied; });
}

void FormatPanel::refresh() {
    Editor* editor = m_editor();
    Canvas* canvas = m_canvas();
    const bool any =
        editor && canvas && !canvas->selection().empty() && canvas->page() < editor->document.pages.size();
    for (wxWindow* child : GetChildren()) child->Enable(any);
    if (!any) {
        m_title->SetLabel("Nothing selected");
        return;
    }
    diagram::PageIndex index(editor->document.pages[canvas->page()]);
    bool edges = false, vertices = false;
    const diagram::Cell* first = nullptr;
    for (const auto& id : canvas->selection())
        if (const auto* cell = index.find(id)) {
            if (!first) first = cell;
            (cell->edge ? edges : vertices) = true;
        }
    if (!first) return;
    m_title->SetLabel(canvas->selection().size() == 1
                          ? wxString(first->edge ? "Connection" : "Shape")
                          : wxString::Format("%zu cells selected", canvas->selection().size()));
    // What draw.io shows: the style as resolved with the stylesheet defaults.
    const diagram::Style s = render::resolved_style(first->style_or_empty(), first->edge);
    const std::string fill = s.get_or("fillColor", first->edge ? "none" : "#ffffff");
    const std::string stroke = s.get_or("strokeColor", "#000000");
    m_fill->SetValue(fill != "none");
    m_fill_colour->SetColour(colour_of(fill, *wxWHITE));
    const std::string gradient = s.get_or("gradientColor", "none");
    m_gradient->SetValue(gradient != "none" && !gradient.empty());
    m_gradient_colour->SetColour(colour_of(gradient, *wxWHITE));
    show_choice(m_font_family, fonts, s.get_or("fontFamily", "Helvetica"));
    const std::string vertical_position = s.get_or("verticalLabelPosition", "middle");
    const std::string horizontal_position = s.get_or("labelPosition", "center");
    show_choice(m_position, positions,
                horizontal_position != "center" ? horizontal_position
                : vertical_position == "middle" ? "center"
                                                : vertical_position);
    m_wrap->SetValue(s.get_or("whiteSpace", "") == "wrap");
    m_line->SetValue(stroke != "none");
    m_line_colour->SetColour(colour_of(stroke, *wxBLACK));
    m_line_width->SetValue(static_cast<int>(std::lround(s.number("strokeWidth", 1))));
    m_dash->SetSelection(!s.flag("dashed") ? 0 : s.get_or("dashPattern", "") == "1 2" ? 2 : 1);
    m_opacity->SetValue(static_cast<int>(s.number("opacity", 100)));
    m_rounded->SetValue(s.flag("rounded"));
    m_shadow->SetValue(s.flag("shadow"));
    m_font_size->SetValue(static_cast<int>(std::lround(s.number("fontSize", 12))));
    m_font_colour->SetColour(colour_of(s.get_or("fontColor", "#000000"), *wxBLACK));
    const int bits = static_cast<int>(s.number("fontStyle", 0));
    m_bold->SetValue(bits & 1);
    m_italic->SetValue(bits & 2);
    m_underline->SetValue(bits & 4);
    show_choice(m_align, aligns, s.get_or("align", "center"));
    show_choice(m_valign, valigns, s.get_or("verticalAlign", "middle"));
    const std::string edge_style = s.get_or("edgeStyle", "");
    show_choice(m_edge_style, edge_styles,
                s.flag("curved")       ? "curved"
                : edge_style == "none" ? ""
                                       : edge_style);
    show_choice(m_start_arrow, arrows, s.get_or("startArrow", "none"));
    show_choice(m_end_arrow, arrows, s.get_or("endArrow", first->edge ? "classic" : "none"));
    // Position and size: one shape with a geometry of its own.
    const bool geometry =
        canvas->selection().size() == 1 && !first->edge && first->geometry && !first->geometry->relative;
    if (geometry) {
        const auto& b = first->geometry->bounds;
        m_left->SetValue(static_cast<int>(std::lround(b.x)));
        m_top->SetValue(static_cast<int>(std::lround(b.y)));
        m_width->SetValue(static_cast<int>(std::lround(b.width)));
        m_height->SetValue(static_cast<int>(std::lround(b.height)));
    }
    GetSizer()->Show(m_geometry_box, geometry, true);
    // Shape-only and edge-only parts show when the selection has such cells, as draw.io's panel does.
    GetSizer()->Show(m_edge_box, edges, true);
    m_shape_box->ShowItems(vertices);
    Layout();
    FitInside();
}

}  // namespace jstudio::studio
