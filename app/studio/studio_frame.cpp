#include "app/studio/studio_frame.hpp"

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

#include "app/studio/format_panel.hpp"
#include "app/studio/image_folders.hpp"
#include "app/studio/layers_panel.hpp"
#include "app/studio/outline_panel.hpp"
#include "app/studio/print.hpp"
#include "app/studio/shape_library.hpp"
#include "core/diagram/page_index.hpp"
#include "core/text/html_text.hpp"

namespace jstudio::studio {

namespace {

// Progress with no dialog (self-tests, benchmarks): cancelled at the first update when the script queued
// "answer cancel-progress", as a user pressing Cancel.
class SilentProgress : public plugin::Progress {
  public:
    explicit SilentProgress(bool cancel) : m_cancel(cancel) {}
    bool update(double, const std::string&) override {
        m_asked = true;
        return !m_cancel;
    }
    bool cancelled() const { return m_cancel && m_asked; }

  private:
    bool m_cancel;
    bool m_asked = false;
};

class DialogProgress : public plugin::Progress {
  public:
    explicit DialogProgress(wxProgressDialog& dialog) : m_dialog(dialog) {}
    bool update(double fraction, const std::string& message) override {
        return m_dialog.Update(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000),
                               wxString::FromUTF8(message));
    }

  private:
    wxProgressDialog& m_dialog;
};

// A page name as a tab shows it: '&' is a mnemonic marker to GTK ("Click & collect" showed as "Click
// collect"), so it is doubled.
wxString tab_label(const std::string& name) {
    return wxControl::EscapeMnemonics(wxString::FromUTF8(name));
}

}  // namespace

StudioFrame::StudioFrame(bool interactive)
    : wxFrame(nullptr, wxID_ANY, "Journey Studio", wxDefaultPosition, wxSize(1280, 800)),
      m_interactive(interactive) {
    m_aui.SetManagedWindow(this);
    m_tabs = new wxNotebook(this, wxID_ANY);
    m_aui.AddPane(m_tabs, wxAuiPaneInfo().Name("canvas").CenterPane());
    CreateStatusBar(2);
    build_menus();
    add_panels();
    Bind(wxEVT_CLOSE_WINDOW, &StudioFrame::on_close, this);
    m_tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        changed();
    });
    attach_editor(Editor::create_new());
    m_aui.Update();
}

StudioFrame::~StudioFrame() {
    unload_plugins(m_plugins);
    m_listeners.clear();
    m_aui.UnInit();
}

void StudioFrame::build_menus() {
    auto* bar = new wxMenuBar;
    auto* file = new wxMenu;
    file->Append(wxID_NEW, "&New\tCtrl+N");
    file->Append(wxID_OPEN, "&Open...\tCtrl+O");
    m_recent_menu = new wxMenu;
    file->AppendSubMenu(m_recent_menu, "Open &Recent");
    file->Append(wxID_SAVE, "&Save\tCtrl+S");
    file->Append(wxID_SAVEAS, "Save &As...\tCtrl+Shift+S");
    file->AppendSeparator();
    file->Append(wxID_PRINT, "&Print...\tCtrl+P");
    file->Append(wxID_PREVIEW, "Print Pre&view");
    file->AppendSeparator();
    file->Append(wxID_EXIT, "&Quit\tCtrl+Q");
    m_recent.UseMenu(m_recent_menu);
    m_recent.Load(*wxConfigBase::Get());
    m_image_folders = load_image_folders(*wxConfigBase::Get());
    bar->Append(file, "&File");

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, "&Undo\tCtrl+Z");
    edit->Append(wxID_REDO, "&Redo\tCtrl+Shift+Z");
    edit->AppendSeparator();
    edit->Append(wxID_CUT, "Cu&t\tCtrl+X");
    edit->Append(wxID_COPY, "&Copy\tCtrl+C");
    edit->Append(wxID_PASTE, "&Paste\tCtrl+V");
    edit->Append(wxID_DELETE, "&Delete\tDel");
    edit->Append(wxID_SELECTALL, "Select &All\tCtrl+A");
    const int label_id = m_label_id = wxWindow::NewControlId();
    edit->Append(label_id, "Edit &Label\tF2");
    const int copy_style_id = wxWindow::NewControlId(), paste_style_id = wxWindow::NewControlId();
    edit->Append(copy_style_id, "Copy St&yle\tCtrl+Shift+C");
    edit->Append(paste_style_id, "Paste Styl&e\tCtrl+Shift+V");
    const int find_id = wxWindow::NewControlId();
    edit->Append(find_id, "&Find...\tCtrl+F", "Select the cells whose text contains what you type");
    edit->AppendSeparator();
    const int image_folders_id = wxWindow::NewControlId();
    edit->Append(image_folders_id, "Allowed Image &Folders...",
                 "Folders whose image files diagrams may show and exports may embed");
    bar->Append(edit, "&Edit");

    auto* view = new wxMenu;
    view->Append(wxID_ZOOM_IN, "Zoom &In\tCtrl++");
    view->Append(wxID_ZOOM_OUT, "Zoom &Out\tCtrl+-");
    view->Append(wxID_ZOOM_100, "&Actual Size\tCtrl+0");
    view->Append(wxID_ZOOM_FIT, "&Fit\tCtrl+Shift+H");
    const int zoom_selection_id = wxWindow::NewControlId();
    view->Append(zoom_selection_id, "Zoom to &Selection\tCtrl+Shift+J");
    const int snap_id = wxWindow::NewControlId();
    view->AppendCheckItem(snap_id, "Snap to &Grid", "Dragged shapes land on the page's grid");
    view->Check(snap_id, Canvas::snap_to_grid);
    Bind(
        wxEVT_MENU,
        [view, snap_id](wxCommandEvent&) {
            Canvas::snap_to_grid = !Canvas::snap_to_grid;
            view->Check(snap_id, Canvas::snap_to_grid);
        },
        snap_id);
    const int guides_id = wxWindow::NewControlId();
    view->AppendCheckItem(guides_id, "&Guides",
                          "Dragged shapes line up with the edges and centres of others");
    view->Check(guides_id, Canvas::guides);
    Bind(
        wxEVT_MENU,
        [view, guides_id](wxCommandEvent&) {
            Canvas::guides = !Canvas::guides;
            view->Check(guides_id, Canvas::guides);
        },
        guides_id);
    view->AppendSeparator();
    // Panels shown or hidden, as draw.io's View > Format (Ctrl+Shift+P) and Layers.
    for (const auto& [label, pane] : {std::pair{"Format Panel\tCtrl+Shift+P", "format"},
                                      std::pair{"Layers Panel\tCtrl+Shift+Y", "layers"},
                                      std::pair{"Shape Library\tCtrl+Shift+M", "shapes"},
                                      std::pair{"Outline\tCtrl+Shift+O", "outline"}}) {
        const int id = wxWindow::NewControlId();
        view->Append(id, label);
        const std::string name = pane;
        Bind(
            wxEVT_MENU,
            [this, name](wxCommandEvent&) {
                show_pane(name, !m_aui.GetPane(wxString::FromUTF8(name)).IsShown());
            },
            id);
    }
    bar->Append(view, "&View");

    auto* insert = new wxMenu;
    struct Shape {
        const char* label;
        const char* style;
        double w, h;
    };
    static const Shape shapes[] = {
        {"Rectangle", "rounded=0;whiteSpace=wrap;html=1;", 120, 60},
        {"Rounded Rectangle", "rounded=1;whiteSpace=wrap;html=1;", 120, 60},
        {"Ellipse", "ellipse;whiteSpace=wrap;html=1;", 120, 80},
        {"Decision", "rhombus;whiteSpace=wrap;html=1;", 80, 80},
        {"Text", "text;html=1;align=center;verticalAlign=middle;", 60, 30},
    };
    // The palette: one tool per shape, drawn by the shared renderer; the Insert menu holds the same commands.
    auto* palette = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT | wxTB_HORZ_LAYOUT);
    palette->SetToolBitmapSize(wxSize(24, 24));
    for (const auto& s : shapes) {
        const int id = wxWindow::NewControlId();
        insert->Append(id, s.label);
        palette->AddTool(id, s.label, shape_icon(s.style, s.w, s.h, 24), wxString("Insert ") + s.label);
        Bind(
            wxEVT_MENU,
            [this, s](wxCommandEvent&) { insert_shape(s.style, s.w, s.h, s.style[0] == 't' ? "Text" : ""); },
            id);
    }
    palette->Realize();
    insert->AppendSeparator();
    const int connect_id = wxWindow::NewControlId();
    insert->Append(connect_id, "&Connect Selected\tCtrl+E",
                   "Glue an edge from the first selected shape to the second");
    bar->Append(insert, "&Insert");
    build_arrange_menu(bar);
    build_page_menu(bar);
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (confirm_discard()) attach_editor(Editor::create_new());
        },
        wxID_NEW);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (!confirm_discard()) return;
            wxFileDialog dialog(
                this, "Open diagram", "", "",
                "Diagrams (*.drawio;*.xml;*.svg;*.png)|*.drawio;*.xml;*.svg;*.png;*.drawio.svg;*.drawio.png|"
                "All files|*",
                wxFD_OPEN | wxFD_FILE_MUST_EXIST);
            if (dialog.ShowModal() == wxID_OK) open_file(dialog.GetPath().ToStdString(wxConvUTF8));
        },
        wxID_OPEN);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            const wxString path = m_recent.GetHistoryFile(static_cast<size_t>(e.GetId() - wxID_FILE1));
            if (confirm_discard()) open_file(path.ToStdString(wxConvUTF8));
        },
        wxID_FILE1, wxID_FILE9);
    auto save_as = [this]() {
        wxFileDialog dialog(this, "Save diagram", "", "diagram.drawio", "draw.io (*.drawio)|*.drawio",
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        return dialog.ShowModal() == wxID_OK && save_to(dialog.GetPath().ToStdString());
    };
    Bind(
        wxEVT_MENU,
        [this, save_as](wxCommandEvent&) {
            if (m_editor->path.empty())
                save_as();
            else
                save_to(m_editor->path);
        },
        wxID_SAVE);
    Bind(
        wxEVT_MENU, [save_as](wxCommandEvent&) { save_as(); }, wxID_SAVEAS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { print(false); }, wxID_PRINT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { print(true); }, wxID_PREVIEW);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_editor->history.Undo(); }, wxID_UNDO);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { m_editor->history.Redo(); }, wxID_REDO);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas()) m_editor->remove(c->page(), c->selection());
        },
        wxID_DELETE);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas())
                m_clipboard = m_editor->copy(c->page(), c->selection()), m_paste_count = 0;
        },
        wxID_COPY);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas()) {
                m_clipboard = m_editor->copy(c->page(), c->selection());
                m_paste_count = -1;  // the first paste of a cut goes back where it was
                m_editor->remove(c->page(), c->selection());
            }
        },
        wxID_CUT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas(); c && !m_clipboard.empty()) {
                const double shift = 10.0 * ++m_paste_count;
                c->set_selection(m_editor->paste(c->page(), m_clipboard, shift, shift), false);
            }
        },
        wxID_PASTE);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas()) c->select_all();
        },
        wxID_SELECTALL);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas(); c && !c->selection().empty()) edit_label_of(c->selection().front());
        },
        label_id);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { edit_image_folders(); }, image_folders_id);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { find_text(); }, find_id);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas()) c->zoom_to_selection();
        },
        zoom_selection_id);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_format) m_format->copy_style();
        },
        copy_style_id);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (m_format) m_format->paste_style();
        },
        paste_style_id);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas(); c && c->selection().size() >= 2)
                m_editor->connect(c->page(), c->selection()[0], c->selection()[1]);
        },
        connect_id);
    auto centre = [this]() {
        const wxSize s = canvas()->GetClientSize();
        return wxPoint(s.x / 2, s.y / 2);
    };
    Bind(
        wxEVT_MENU,
        [this, centre](wxCommandEvent&) {
            if (auto* c = canvas()) c->set_zoom(c->zoom() * 1.25, centre());
        },
        wxID_ZOOM_IN);
    Bind(
        wxEVT_MENU,
        [this, centre](wxCommandEvent&) {
            if (auto* c = canvas()) c->set_zoom(c->zoom() / 1.25, centre());
        },
        wxID_ZOOM_OUT);
    Bind(
        wxEVT_MENU,
        [this, centre](wxCommandEvent&) {
            if (auto* c = canvas()) c->set_zoom(1, centre());
        },
        wxID_ZOOM_100);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* c = canvas()) c->zoom_fit();
        },
        wxID_ZOOM_FIT);
}

// The Arrange menu with draw.io's shortcuts: duplicate, to front / back, group / ungroup.
void StudioFrame::build_arrange_menu(wxMenuBar* bar) {
    auto* menu = new wxMenu;
    auto item = [&](int& id, const char* label, std::function<void(Canvas&)> run) {
        id = wxWindow::NewControlId();
        menu->Append(id, label);
        Bind(
            wxEVT_MENU,
            [this, run](wxCommandEvent&) {
                if (auto* c = canvas(); c && !c->selection().empty()) run(*c);
            },
            id);
    };
    item(m_duplicate_id, "&Duplicate\tCtrl+D", [this](Canvas& c) {
        c.set_selection(m_editor->paste(c.page(), m_editor->copy(c.page(), c.selection()), 10, 10), false);
    });
    menu->AppendSeparator();
    item(m_front_id, "To &Front\tCtrl+Shift+F",
         [this](Canvas& c) { m_editor->to_front(c.page(), c.selection()); });
    item(m_back_id, "To &Back\tCtrl+Shift+B",
         [this](Canvas& c) { m_editor->to_back(c.page(), c.selection()); });
    menu->AppendSeparator();
    // Align and distribute, as draw.io's Arrange > Align / Distribute.
    auto* align = new wxMenu;
    for (const auto& [label, how] :
         {std::pair{"&Left", "left"}, std::pair{"&Center", "center"}, std::pair{"&Right", "right"},
          std::pair{"&Top", "top"}, std::pair{"&Middle", "middle"}, std::pair{"&Bottom", "bottom"}}) {
        const int id = wxWindow::NewControlId();
        align->Append(id, label);
        const std::string what = how;
        Bind(
            wxEVT_MENU,
            [this, what](wxCommandEvent&) {
                if (auto* c = canvas()) m_editor->align(c->page(), c->selection(), what);
            },
            id);
    }
    menu->AppendSubMenu(align, "&Align");
    int unused = 0;
    item(unused, "Distribute &Horizontally",
         [this](Canvas& c) { m_editor->distribute(c.page(), c.selection(), "horizontal"); });
    item(unused, "Distribute &Vertically",
         [this](Canvas& c) { m_editor->distribute(c.page(), c.selection(), "vertical"); });
    item(unused, "&Lock\tCtrl+L", [this](Canvas& c) { m_editor->set_locked(c.page(), c.selection(), true); });
    item(unused, "U&nlock", [this](Canvas& c) { m_editor->set_locked(c.page(), c.selection(), false); });
    menu->AppendSeparator();
    item(m_group_id, "&Group\tCtrl+G", [this](Canvas& c) {
        const auto id = m_editor->group(c.page(), c.selection());
        if (!id.empty()) c.set_selection({id}, false);
    });
    item(m_ungroup_id, "&Ungroup\tCtrl+Shift+U", [this](Canvas& c) {
        const auto freed = m_editor->ungroup(c.page(), c.selection());
        if (!freed.empty()) c.set_selection(freed, false);
    });
    bar->Append(menu, "&Arrange");
}

// The canvas's right-click menu: the same commands as the menu bar, for what is under the mouse.
void StudioFrame::show_context_menu(wxPoint at) {
    auto* c = canvas();
    if (!c) return;
    const bool any = !c->selection().empty();
    m_context_menu = std::make_unique<wxMenu>();
    auto item = [&](int id, const char* label, bool enabled) {
        m_context_menu->Append(id, label);
        m_context_menu->Enable(id, enabled);
    };
    item(wxID_CUT, "Cut", any);
    item(wxID_COPY, "Copy", any);
    item(wxID_PASTE, "Paste", !m_clipboard.empty());
    item(m_duplicate_id, "Duplicate", any);
    item(wxID_DELETE, "Delete", any);
    m_context_menu->AppendSeparator();
    item(m_label_id, "Edit Label", c->selection().size() == 1);
    item(m_front_id, "To Front", any);
    item(m_back_id, "To Back", any);
    item(m_group_id, "Group", c->selection().size() > 1);
    item(m_ungroup_id, "Ungroup", any);
    m_context_menu->AppendSeparator();
    item(wxID_SELECTALL, "Select All", true);
    if (m_interactive) PopupMenu(m_context_menu.get(), c->GetPosition() + at);
}

// The Page menu (draw.io's page tab menu): each item one undo step.
void StudioFrame::build_page_menu(wxMenuBar* bar) {
    auto* menu = new wxMenu;
    auto item = [&](const char* label, std::function<void(std::size_t)> run) {
        const int id = wxWindow::NewControlId();
        menu->Append(id, label);
        Bind(
            wxEVT_MENU,
            [this, run](wxCommandEvent&) {
                if (auto* c = canvas()) run(c->page());
            },
            id);
    };
    item("&New Page", [this](std::size_t page) {
        m_editor->add_page(page + 1, "Page-" + std::to_string(m_editor->document.pages.size() + 1));
    });
    item("&Duplicate Page", [this](std::size_t page) { m_editor->duplicate_page(page); });
    item("&Rename Page...", [this](std::size_t page) {
        std::vector<Field> fields{{"name", m_editor->document.pages[page].display_name(page)}};
        if (ask("Rename page", fields)) m_editor->rename_page(page, fields.front().value);
    });
    item("De&lete Page", [this](std::size_t page) { m_editor->delete_page(page); });
    item("Move Page &Left", [this](std::size_t page) {
        if (page > 0) m_editor->move_page(page, page - 1);
    });
    item("Move Page &Right", [this](std::size_t page) { m_editor->move_page(page, page + 1); });
    bar->Append(menu, "&Page");
}

// The Format and Layers panels, docked right as draw.io's sidebar.
void StudioFrame::add_panels() {
    auto editor = [this]() { return m_editor.get(); };
    auto active = [this]() { return canvas(); };
    m_format = new FormatPanel(this, editor, active);
    m_aui.AddPane(m_format, wxAuiPaneInfo()
                                .Name("format")
                                .Position(0)
                                .Caption("Format")
                                .Right()
                                .BestSize(270, 430)
                                .MinSize(220, 200)
                                .CloseButton(true)
                                .MaximizeButton(false));
    m_shapes = new ShapeLibrary(
        this,
        [this](const LibraryShape& shape) {
            auto* c = canvas();
            if (!c) return;
            const auto centre = c->view_centre();
            const std::string id =
                m_editor->add_vertex(c->page(), shape.style,
                                     {std::round(centre.x - shape.width / 2),
                                      std::round(centre.y - shape.height / 2), shape.width, shape.height},
                                     shape.label, shape.data);
            if (!id.empty()) c->set_selection({id}, false);
        },
        [this](const LibraryShape& shape, wxPoint screen, DragStep step) {
            return drag_shape(shape, screen, step);
        });
    // Left, as draw.io's sidebar; hidden until View > Shape Library (the palette holds the everyday shapes).
    m_aui.AddPane(m_shapes, wxAuiPaneInfo()
                                .Name("shapes")
                                .Caption("Shapes")
                                .Left()
                                .BestSize(210, 500)
                                .CloseButton(true)
                                .MaximizeButton(false)
                                .Hide());
    // The outline, under the shape library; hidden until View > Outline, as draw.io's.
    m_outline = new OutlinePanel(this, active);
    m_aui.AddPane(m_outline, wxAuiPaneInfo()
                                 .Name("outline")
                                 .Caption("Outline")
                                 .Left()
                                 .Position(1)
                                 .BestSize(210, 160)
                                 .MinSize(120, 90)
                                 .CloseButton(true)
                                 .MaximizeButton(false)
                                 .Hide());
    m_layers = new LayersPanel(this, editor, active, [this](const std::string& title, std::string& name) {
        std::vector<Field> fields{{"name", name}};
        if (!ask(title, fields)) return false;
        name = fields.front().value;
        return !name.empty();
    });
    m_aui.AddPane(m_layers, wxAuiPaneInfo()
                                .Name("layers")
                                .Position(1)
                                .Caption("Layers")
                                .Right()
                                .BestSize(270, 150)
                                .CloseButton(true)
                                .MaximizeButton(false));
}

void StudioFrame::attach_editor(std::unique_ptr<Editor> editor) {
    m_editor = std::move(editor);
    m_editor->history.SetEditMenu(GetMenuBar()->GetMenu(1));
    m_editor->history.Initialize();
    m_editor->history.changed = [this]() { document_changed(); };
    m_clipboard.clear();
    rebuild_tabs();
    changed();
}

void StudioFrame::rebuild_tabs() {
    m_tabs->DeleteAllPages();
    for (std::size_t i = 0; i < m_editor->document.pages.size(); ++i) {
        auto* c = new Canvas(m_tabs, m_editor.get(), i);
        c->selection_changed = [this]() { changed(); };
        c->view_changed = [this]() { update_title(); };
        c->edit_label = [this](const std::string& id) { edit_label_of(id); };
        c->context_menu = [this](wxPoint at) { show_context_menu(at); };
        c->shortcut = [this](const wxKeyEvent& key) { return run_shortcut(key); };
        c->image_folders = [this]() { return m_image_folders; };
        m_tabs->AddPage(c, tab_label(m_editor->document.pages[i].display_name(i)), i == 0);
    }
}

bool StudioFrame::show_pane(const std::string& name, bool shown) {
    auto& pane = m_aui.GetPane(wxString::FromUTF8(name));
    if (!pane.IsOk()) return false;
    pane.Show(shown);
    m_aui.Update();
    return true;
}

wxString StudioFrame::tab_text(std::size_t page) const {
    return page < m_editor->document.pages.size()
               ? tab_label(m_editor->document.pages[page].display_name(page))
               : wxString();
}

Canvas* StudioFrame::canvas() {
    const int page = m_tabs->GetSelection();
    return page < 0 ? nullptr : static_cast<Canvas*>(m_tabs->GetPage(static_cast<size_t>(page)));
}

void StudioFrame::show_page(std::size_t page) {
    if (page < m_tabs->GetPageCount()) m_tabs->SetSelection(page);
}

void StudioFrame::document_changed() {
    const std::size_t pages = m_editor->document.pages.size();
    for (size_t i = 0; i < m_tabs->GetPageCount(); ++i) {
        static_cast<Canvas*>(m_tabs->GetPage(i))->document_changed();
        if (i < pages) m_tabs->SetPageText(i, tab_label(m_editor->document.pages[i].display_name(i)));
    }
    if (pages != m_tabs->GetPageCount()) {
        // A command added or removed pages (New Journey Map, or its undo). The tabs are rebuilt after this
        // event: the change may come from inside a canvas's own handler, which must not be deleted under it.
        CallAfter([this] {
            if (m_editor->document.pages.size() == m_tabs->GetPageCount()) return;
            const std::size_t before = m_tabs->GetPageCount();
            const int selected = m_tabs->GetSelection();
            rebuild_tabs();
            const std::size_t now = m_tabs->GetPageCount();
            if (now == 0) return;
            show_page(now > before ? now - 1 : std::min<std::size_t>(selected < 0 ? 0 : selected, now - 1));
            if (m_editor->page_to_show) show_page(std::min(*m_editor->page_to_show, now - 1));
            m_editor->page_to_show.reset();
            changed();
        });
    } else if (m_editor->page_to_show) {  // a page-list command that kept the count (rename, move)
        show_page(*m_editor->page_to_show);
        m_editor->page_to_show.reset();
    }
    changed();
}

void StudioFrame::changed() {
    if (m_outline) m_outline->page_changed();  // the document, or the page shown
    update_title();
    if (m_format) m_format->refresh();
    if (m_layers) m_layers->refresh();
    for (const auto& listener : m_listeners) {
        try {
            listener();
        } catch (...) {
            report_error("a plugin's change listener failed: " + what_of(std::current_exception()));
        }
    }
}

void StudioFrame::update_title() {
    if (m_outline && m_outline->IsShownOnScreen()) m_outline->Refresh();
    const std::string name =
        m_editor->path.empty() ? "Untitled" : wxFileName(m_editor->path).GetFullName().ToStdString();
    SetTitle(wxString::FromUTF8((m_editor->modified() ? "*" : "") + name + " - Journey Studio"));
    if (auto* c = canvas()) {
        SetStatusText(wxString::Format("%zu selected", c->selection().size()), 0);
        SetStatusText(wxString::Format("Zoom %d%%", static_cast<int>(c->zoom() * 100 + 0.5)), 1);
    }
}

bool StudioFrame::confirm_discard() {
    if (!m_editor || !m_editor->modified()) return true;
    if (!m_interactive) {
        // Scripted runs answer from the queue ("answer save|discard|cancel"); no answer counts as Cancel, the
        // safe choice, so a test can never lose work silently.
        m_asked.push_back("unsaved changes");
        std::string answer = "cancel";
        if (!m_answers.empty()) {
            answer = m_answers.front().empty() ? "cancel" : m_answers.front()[0];
            m_answers.pop_front();
        }
        if (answer == "discard") return true;
        if (answer == "save") return !m_editor->path.empty() && save_to(m_editor->path);
        return false;
    }
    const int answer = wxMessageBox("The diagram has unsaved changes. Save them first?", "Journey Studio",
                                    wxYES_NO | wxCANCEL | wxICON_WARNING, this);
    if (answer == wxCANCEL) return false;
    if (answer == wxNO) return true;
    if (m_editor->path.empty()) {
        wxFileDialog dialog(this, "Save diagram", "", "diagram.drawio", "draw.io (*.drawio)|*.drawio",
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        return dialog.ShowModal() == wxID_OK && save_to(dialog.GetPath().ToStdString());
    }
    return save_to(m_editor->path);
}

bool StudioFrame::open_file(const std::string& path) {
    auto opened = Editor::open(path);
    if (!opened) {
        report_error(opened.error().message + (opened.error().where.file.empty() ? "" : " (" + path + ")"));
        return false;
    }
    attach_editor(std::move(opened.value()));
    m_recent.AddFileToHistory(wxString::FromUTF8(path));
    m_recent.Save(*wxConfigBase::Get());
    // Small diagrams open at 100% (centred) rather than blown up; the window may not have its size yet.
    for (size_t i = 0; i < m_tabs->GetPageCount(); ++i)
        static_cast<Canvas*>(m_tabs->GetPage(i))->fit_when_shown();
    update_title();
    return true;
}

bool StudioFrame::save_to(const std::string& path) {
    auto status = m_editor->save(path);
    if (!status) {
        report_error("could not save " + path + ": " + status.error().message);
        return false;
    }
    m_recent.AddFileToHistory(wxString::FromUTF8(path));
    update_title();
    return true;
}

void StudioFrame::edit_label_of(const std::string& id) {
    if (auto* c = canvas()) c->begin_label_edit(id);
}

bool StudioFrame::open_from_user(const std::string& path) {
    return confirm_discard() && open_file(path);
}

bool StudioFrame::run_menu(const std::string& menu_slash_label) {
    const auto slash = menu_slash_label.find('/');
    if (slash == std::string::npos) return false;
    auto* bar = GetMenuBar();
    const int menu = bar->FindMenu(wxString::FromUTF8(menu_slash_label.substr(0, slash)));
    if (menu == wxNOT_FOUND) return false;
    // Labels compare without mnemonics and accelerators; "Undo" also finds "Undo Move" (the history renames
    // it).
    // "Arrange/Align/Left": submenus by their labels.
    wxMenu* current = bar->GetMenu(static_cast<size_t>(menu));
    std::string rest = menu_slash_label.substr(slash + 1);
    for (;;) {
        const auto next = rest.find('/');
        const wxString want = wxString::FromUTF8(rest.substr(0, next));
        const wxMenuItem* found = nullptr;
        for (const auto* item : current->GetMenuItems()) {
            const wxString label = item->GetItemLabelText();
            if (label == want || label.StartsWith(want + " ")) {
                found = item;
                break;
            }
        }
        if (!found) return false;
        if (next == std::string::npos) return found->IsEnabled() && post_command(found->GetId());
        if (!found->GetSubMenu()) return false;
        current = found->GetSubMenu();
        rest = rest.substr(next + 1);
    }
}

bool StudioFrame::run_tool(const std::string& label) {
    auto* tools = GetToolBar();
    for (size_t i = 0; tools && i < tools->GetToolsCount(); ++i) {
        const auto* tool = tools->GetToolByPos(static_cast<int>(i));
        if (tool && tool->GetLabel().ToStdString(wxConvUTF8) == label) return post_command(tool->GetId());
    }
    return false;
}

// The menu item whose accelerator is this key, run as the menu would (only keys the window system's own
// accelerator handling left to the canvas come here).
bool StudioFrame::run_shortcut(const wxKeyEvent& key) {
    int flags = wxACCEL_NORMAL;
    if (key.ControlDown()) flags |= wxACCEL_CTRL;
    if (key.ShiftDown()) flags |= wxACCEL_SHIFT;
    if (key.AltDown()) flags |= wxACCEL_ALT;
    int code = key.GetKeyCode();
    if (code >= 'a' && code <= 'z') code -= 'a' - 'A';
    std::function<const wxMenuItem*(const wxMenu&)> find = [&](const wxMenu& menu) -> const wxMenuItem* {
        for (const auto* item : menu.GetMenuItems()) {
            if (item->GetSubMenu()) {
                if (const auto* found = find(*item->GetSubMenu())) return found;
                continue;
            }
            std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
            if (accel && accel->GetFlags() == flags && accel->GetKeyCode() == code) return item;
        }
        return nullptr;
    };
    auto* bar = GetMenuBar();
    for (size_t i = 0; bar && i < bar->GetMenuCount(); ++i)
        if (const auto* item = find(*bar->GetMenu(i)))
            return item->IsEnabled() && post_command(item->GetId());
    return false;
}

bool StudioFrame::post_command(int id) {
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(this);
    return ProcessWindowEvent(event);
}

std::string StudioFrame::recent_file(std::size_t index) const {
    return index < m_recent.GetCount() ? m_recent.GetHistoryFile(index).ToStdString(wxConvUTF8) : "";
}

void StudioFrame::insert_shape(const std::string& style, double w, double h, const std::string& label) {
    auto* c = canvas();
    if (!c) return;
    const auto centre = c->view_centre();
    const std::string id = m_editor->add_vertex(
        c->page(), style, {std::round(centre.x - w / 2), std::round(centre.y - h / 2), w, h}, label);
    if (!id.empty()) c->set_selection({id}, false);
}

// A shape dragged from the library: outlined where it would land while over the canvas; dropped, it is put
// there (its top-left corner on the grid), inside the container under the pointer if there is one. On a
// journey map a card lands in the stage x lane cell it was dropped in (Editor::add_vertex). One undo step.
bool StudioFrame::drag_shape(const LibraryShape& shape, wxPoint screen, DragStep step) {
    auto* c = canvas();
    if (!c) return false;
    const wxPoint at = c->ScreenToClient(screen);
    const bool inside = step != DragStep::cancel && wxRect(c->GetClientSize()).Contains(at);
    if (!inside || step == DragStep::drop) c->set_drop_preview(std::nullopt);
    if (!inside) return false;
    const auto pointer = c->to_page(at);
    const auto corner = c->snap({pointer.x - shape.width / 2, pointer.y - shape.height / 2});
    diagram::Rect box{corner.x, corner.y, shape.width, shape.height};
    if (step == DragStep::over) {
        c->set_drop_preview(box);
        return true;
    }
    const std::string container = c->container_at(pointer);
    if (!container.empty()) {
        diagram::PageIndex index(m_editor->document.pages[c->page()]);
        if (const auto outer = index.absolute_bounds(container)) box.x -= outer->x, box.y -= outer->y;
    }
    const std::string id =
        m_editor->add_vertex(c->page(), shape.style, box, shape.label, shape.data, container);
    if (id.empty()) return false;
    c->set_selection({id}, false);
    c->SetFocus();
    return true;
}

// File > Print... and Print Preview: every page of the document, a sheet each. A scripted run has no printer
// to ask: it draws the sheets into PNG files (the path it answers, "-1.png" ...) as the printer would get
// them.
void StudioFrame::print(bool preview) {
    std::vector<Canvas*> pages;
    for (size_t i = 0; i < m_tabs->GetPageCount(); ++i)
        pages.push_back(static_cast<Canvas*>(m_tabs->GetPage(i)));
    if (pages.empty()) return;
    const std::string title = m_editor->path.empty()
                                  ? "Untitled"
                                  : wxFileName(m_editor->path).GetFullName().ToStdString(wxConvUTF8);
    if (!m_interactive) {
        const std::string path = ask_path("Print", "PNG files|*.png", true);
        PagesPrintout printout(pages, title);
        if (!path.empty() && !print_to_images(printout, path)) report_error("Print: could not write " + path);
        return;
    }
    wxPrintDialogData data(m_print_data);
    if (preview) {
        auto* shown =
            new wxPrintPreview(new PagesPrintout(pages, title), new PagesPrintout(pages, title), &data);
        if (!shown->IsOk()) {
            delete shown;
            report_error("Print Preview: no printing system available");
            return;
        }
        auto* frame = new wxPreviewFrame(shown, this, wxString::FromUTF8("Print Preview - " + title),
                                         wxDefaultPosition, wxSize(900, 800));
        frame->Initialize();
        frame->Show();
        return;
    }
    wxPrinter printer(&data);
    PagesPrintout printout(pages, title);
    if (printer.Print(this, &printout, true))
        m_print_data = printer.GetPrintDialogData().GetPrintData();
    else if (wxPrinter::GetLastError() == wxPRINTER_ERROR)
        report_error("Print: the printer reported an error");
}

// Edit > Find...: every cell on the page whose text (label or a custom attribute's value) contains the words,
// ignoring case, becomes the selection, and the view centres on it.
void StudioFrame::find_text() {
    auto* c = canvas();
    if (!c) return;
    std::vector<Field> fields{{"text", m_last_find}};
    if (!ask("Find", fields) || fields.front().value.empty()) return;
    m_last_find = fields.front().value;
    const wxString want = wxString::FromUTF8(m_last_find).Lower();
    auto contains = [&](const std::string& text) {
        return wxString::FromUTF8(text::html_to_text(text)).Lower().Find(want) != wxNOT_FOUND;
    };
    std::vector<std::string> found;
    for (const auto& cell : m_editor->document.pages[c->page()].cells) {
        if (cell.kind != diagram::CellKind::vertex && cell.kind != diagram::CellKind::edge) continue;
        bool hit = contains(cell.label());
        if (cell.wrapper)
            for (const auto& attribute : cell.wrapper->attributes) hit = hit || contains(attribute.value);
        if (hit) found.push_back(cell.id);
    }
    if (found.empty()) {
        report_error("Find: no cell on this page contains '" + m_last_find + "'");
        return;
    }
    c->set_selection(found, true);
}

// The user's list of folders local images may come from: saved in the settings, used from the next paint
// and export on (the canvases drop the images they decoded under the old list).
void StudioFrame::edit_image_folders() {
    std::vector<Field> fields{{"folders", join_image_folders(m_image_folders)}};
    if (!ask("Allowed image folders (absolute paths, separated by ';')", fields)) return;
    auto folders = parse_image_folders(fields.front().value);
    if (!folders) {
        report_error("Allowed image folders: " + folders.error().message + "; the list is unchanged");
        return;
    }
    m_image_folders = std::move(folders.value());
    save_image_folders(*wxConfigBase::Get(), m_image_folders);
    for (size_t i = 0; i < m_tabs->GetPageCount(); ++i) static_cast<Canvas*>(m_tabs->GetPage(i))->Refresh();
}

void StudioFrame::on_close(wxCloseEvent& event) {
    if (event.CanVeto() && !confirm_discard()) {
        event.Veto();
        return;
    }
    Destroy();
}

void StudioFrame::load_plugins_from(const std::vector<std::string>& directories) {
    m_plugins = load_plugins(directories, *this);
    for (const auto& problem : m_plugins.problems) report_error("plugin skipped: " + problem);
    m_aui.Update();
}

void StudioFrame::add_command(const plugin::MenuEntry& entry, std::function<void()> run) {
    auto* bar = GetMenuBar();
    int index = bar->FindMenu(wxString::FromUTF8(entry.menu));
    wxMenu* menu = nullptr;
    if (index == wxNOT_FOUND) {
        menu = new wxMenu;
        bar->Append(menu, wxString::FromUTF8(entry.menu));
    } else {
        menu = bar->GetMenu(static_cast<size_t>(index));
    }
    const int id = wxWindow::NewControlId();
    std::string text = entry.label;
    if (!entry.accelerator.empty()) text += "\t" + entry.accelerator;
    menu->Append(id, wxString::FromUTF8(text), wxString::FromUTF8(entry.help));
    const std::string key = entry.menu + "/" + entry.label;
    // Plugin code never takes the host down: anything it throws becomes an error message.
    m_commands[key] = [this, key, run = std::move(run)]() {
        try {
            run();
        } catch (...) {
            report_error(key + " failed: " + what_of(std::current_exception()));
        }
    };
    Bind(
        wxEVT_MENU, [this, key](wxCommandEvent&) { m_commands[key](); }, id);
}

bool StudioFrame::run_command(const std::string& name) {
    auto it = m_commands.find(name);
    if (it == m_commands.end()) return false;
    it->second();
    return true;
}

std::vector<std::string> StudioFrame::command_names() const {
    std::vector<std::string> names;
    for (const auto& [name, run] : m_commands) names.push_back(name);
    return names;
}

void StudioFrame::add_panel(wxWindow* panel, const plugin::PanelInfo& info) {
    auto pane = wxAuiPaneInfo()
                    .Name(wxString::FromUTF8(info.name))
                    .Caption(wxString::FromUTF8(info.caption))
                    .BestSize(280, 300)
                    .CloseButton(true)
                    .MaximizeButton(false);
    if (info.right)
        pane.Right().Position(2);  // below the host's Format and Layers panels
    else
        pane.Bottom();
    m_aui.AddPane(panel, pane);
    m_aui.Update();
}

int StudioFrame::active_page() {
    const int page = m_tabs->GetSelection();
    return page;
}

std::vector<std::string> StudioFrame::selection() {
    auto* c = canvas();
    return c ? c->selection() : std::vector<std::string>{};
}

void StudioFrame::select(const std::vector<std::string>& cell_ids, bool centre) {
    if (auto* c = canvas()) c->set_selection(cell_ids, centre);
}

void StudioFrame::submit(std::unique_ptr<wxCommand> command) {
    if (!m_editor || !command) return;
    m_editor->history.Submit(command.release());
}

bool StudioFrame::run_with_progress(const std::string& title,
                                    const std::function<void(plugin::Progress&)>& work) {
    bool completed = true;
    try {
        if (!m_interactive) {
            const bool cancel = !m_answers.empty() && m_answers.front().size() == 1 &&
                                m_answers.front()[0] == "cancel-progress";
            if (cancel) m_answers.pop_front();
            m_asked.push_back("progress: " + title);
            SilentProgress progress(cancel);
            work(progress);
            completed = !progress.cancelled();
        } else {
            wxProgressDialog dialog(wxString::FromUTF8(title), "", 1000, this,
                                    wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_AUTO_HIDE);
            DialogProgress progress(dialog);
            work(progress);
            completed = !dialog.WasCancelled();
        }
    } catch (...) {
        report_error(title + " failed: " + what_of(std::current_exception()));
        return false;
    }
    return completed;
}

void StudioFrame::report_error(const std::string& message) {
    m_errors.push_back(message);
    std::fprintf(stderr, "journey-studio: %s\n", message.c_str());
    if (m_interactive) SetStatusText(wxString::FromUTF8(message), 0);
}

bool StudioFrame::ask(const std::string& title, std::vector<Field>& fields) {
    m_asked.push_back(title);  // what a dialog said (self-test expect-asked)
    if (!m_interactive) {
        if (m_answers.empty()) return false;
        auto answer = std::move(m_answers.front());
        m_answers.pop_front();
        if (answer.size() == 1 && answer[0] == "cancel") return false;
        // A word without '=' continues the value before it: "name=Click & collect".
        std::vector<std::string> words;
        for (const auto& word : answer)
            if (word.find('=') == std::string::npos && !words.empty())
                words.back() += " " + word;
            else
                words.push_back(word);
        for (const auto& word : words) {
            const auto eq = word.find('=');
            for (auto& field : fields)
                if (eq != std::string::npos && field.name == word.substr(0, eq)) {
                    const auto value = word.substr(eq + 1);
                    // A drop-down offers nothing else: a scripted answer outside the list is a script error.
                    if (!field.choices.empty() &&
                        std::find(field.choices.begin(), field.choices.end(), value) == field.choices.end()) {
                        report_error(title + ": '" + value + "' is not one of the choices for " + field.name);
                        return false;
                    }
                    field.value = value;
                }
        }
        return true;
    }
    wxDialog dialog(this, wxID_ANY, wxString::FromUTF8(title));
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->AddGrowableCol(1);
    std::vector<wxTextCtrl*> edits;
    std::vector<wxChoice*> lists;
    for (const auto& field : fields) {
        grid->Add(new wxStaticText(&dialog, wxID_ANY, wxString::FromUTF8(field.name)), 0,
                  wxALIGN_CENTER_VERTICAL);
        wxWindow* control = nullptr;
        if (field.choices.empty()) {
            edits.push_back(new wxTextCtrl(&dialog, wxID_ANY, wxString::FromUTF8(field.value),
                                           wxDefaultPosition, wxSize(240, -1)));
            lists.push_back(nullptr);
            control = edits.back();
        } else {
            wxArrayString items;
            for (const auto& choice : field.choices) items.Add(wxString::FromUTF8(choice));
            lists.push_back(new wxChoice(&dialog, wxID_ANY, wxDefaultPosition, wxSize(240, -1), items));
            const auto at = std::find(field.choices.begin(), field.choices.end(), field.value);
            lists.back()->SetSelection(
                at == field.choices.end() ? 0 : static_cast<int>(at - field.choices.begin()));
            edits.push_back(nullptr);
            control = lists.back();
        }
        grid->Add(control, 1, wxEXPAND);
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxALL | wxEXPAND, 12);
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 8);
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK) return false;
    for (std::size_t i = 0; i < fields.size(); ++i)
        fields[i].value = edits[i] ? edits[i]->GetValue().ToStdString(wxConvUTF8)
                                   : lists[i]->GetStringSelection().ToStdString(wxConvUTF8);
    return true;
}

std::string StudioFrame::ask_path(const std::string& title, const std::string& wildcard, bool save) {
    if (!m_interactive) {
        if (m_answers.empty()) return "";
        auto answer = std::move(m_answers.front());
        m_answers.pop_front();
        return answer.empty() || answer[0] == "cancel" ? "" : answer[0];
    }
    wxFileDialog dialog(this, wxString::FromUTF8(title), "", "", wxString::FromUTF8(wildcard),
                        save ? wxFD_SAVE | wxFD_OVERWRITE_PROMPT : wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath().ToStdString(wxConvUTF8) : "";
}

}  // namespace jstudio::studio
