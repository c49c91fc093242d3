#include "app/studio/self_test.hpp"

#include <wx/accel.h>
#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/clrpicker.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/filename.h>
#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/log.h>
#include <wx/mstream.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "app/studio/image_folders.hpp"
#include "app/studio/outline_panel.hpp"
#include "app/studio/studio_frame.hpp"
#include "core/base/drawio_data.hpp"
#include "core/diagram/page_index.hpp"
#include "core/render/page_renderer.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/raster/cairo_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::studio {

namespace {

std::string expand(std::string text) {
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    const char* src = std::getenv("JSTUDIO_SOURCE_DIR");
    const char* tmp = std::getenv("JSTUDIO_TEST_TMP");
    // $CORPUS: the shared draw.io corpus, as tests/support finds it ($JSTUDIO_CORPUS/drawio, else beside the
    // repo).
    const char* corpus = std::getenv("JSTUDIO_CORPUS");
    replace_all("$CORPUS", corpus ? std::string(corpus) + "/drawio"
                                  : std::string(src ? src : JSTUDIO_SOURCE_DIR) + "/../shared/corpus/drawio");
    replace_all("$SRC", src ? src : JSTUDIO_SOURCE_DIR);
    replace_all("$TMP", tmp ? tmp : wxFileName::GetTempDir().ToStdString());
    return text;
}

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Lets the window system lay out and paint, so the script sees the application as a user would.
// Where every window of the frame is and how big: sizes and positions change as X answers, after the events a
// Yield processes now.
std::size_t layout_signature(const wxWindow* w) {
    const wxRect r = w->GetRect();
    std::size_t h = w->IsShown() ? 1 : 0;
    for (const int v : {r.x, r.y, r.width, r.height}) h = h * 1000003 ^ std::hash<int>{}(v);
    for (const wxWindow* child : w->GetChildren()) h = h * 31 + layout_signature(child);
    return h;
}

void settle() {
    for (int i = 0; i < 5; ++i) wxTheApp->Yield(true);
    // A pane shown or a page opened is laid out when X has answered the size requests, which may be later
    // than the events already queued: a test that then reads the view (zoom to selection, the middle of the
    // view) saw the old size. Wait until the layout holds still across three looks, 4 ms apart (at most 2 s).
    const wxWindow* top = wxTheApp->GetTopWindow();
    if (!top) return;
    std::size_t last = layout_signature(top);
    for (int still = 0, round = 0; still < 3 && round < 500; ++round) {
        wxMilliSleep(4);
        wxTheApp->Yield(true);
        const std::size_t now = layout_signature(top);
        still = now == last ? still + 1 : 0;
        last = now;
    }
}

// Sends the canvas the mouse events a user's hand would (positions in window pixels).
void mouse(wxWindow& canvas, wxEventType type, wxPoint at, bool shift = false, bool control = false,
           int wheel = 0) {
    wxMouseEvent event(type);
    event.SetPosition(at);
    event.SetEventObject(&canvas);
    event.SetId(canvas.GetId());
    event.m_shiftDown = shift;
    event.m_controlDown = control;
    event.m_leftDown = type == wxEVT_LEFT_DOWN || type == wxEVT_MOTION;
    if (wheel != 0) {
        event.m_wheelRotation = wheel;
        event.m_wheelDelta = 120;
        event.m_wheelAxis = wxMOUSE_WHEEL_VERTICAL;
    }
    canvas.GetEventHandler()->ProcessEvent(event);
}

void drag(wxWindow& canvas, wxPoint from, wxPoint to, bool middle = false) {
    mouse(canvas, middle ? wxEVT_MIDDLE_DOWN : wxEVT_LEFT_DOWN, from);
    mouse(canvas, wxEVT_MOTION, {(from.x + to.x) / 2, (from.y + to.y) / 2});
    mouse(canvas, wxEVT_MOTION, to);
    mouse(canvas, middle ? wxEVT_MIDDLE_UP : wxEVT_LEFT_UP, to);
}

void key(wxWindow& window, int code, bool shift = false, bool up = false) {
    wxKeyEvent event(up ? wxEVT_KEY_UP : wxEVT_KEY_DOWN);
    event.m_keyCode = code;
    event.m_shiftDown = shift;
    event.SetEventObject(&window);
    window.GetEventHandler()->ProcessEvent(event);
}

int key_code(const std::string& name) {
    static const std::map<std::string, int> codes = {
        {"DELETE", WXK_DELETE}, {"ESCAPE", WXK_ESCAPE}, {"RETURN", WXK_RETURN},
        {"LEFT", WXK_LEFT},     {"RIGHT", WXK_RIGHT},   {"UP", WXK_UP},
        {"DOWN", WXK_DOWN},     {"BACK", WXK_BACK},     {"SPACE", WXK_SPACE}};
    auto it = codes.find(name);
    return it == codes.end() ? 0 : it->second;
}

diagram::Point centre_of(const diagram::Rect& r) {
    return {r.x + r.width / 2, r.y + r.height / 2};
}

// True when any static text or list row in the window tree shows `text` (panels a plugin added included).
bool shows_text(const wxWindow& window, const std::string& text) {
    if (const auto* label = dynamic_cast<const wxStaticText*>(&window))
        if (label->GetLabel().ToStdString(wxConvUTF8).find(text) != std::string::npos) return true;
    if (const auto* list = dynamic_cast<const wxListCtrl*>(&window))
        for (long row = 0; row < list->GetItemCount(); ++row) {
            std::string line;
            for (int column = 0; column < list->GetColumnCount(); ++column)
                line += (column ? " " : "") + list->GetItemText(row, column).ToStdString(wxConvUTF8);
            if (line.find(text) != std::string::npos) return true;
        }
    for (const wxWindow* child : window.GetChildren())
        if (shows_text(*child, text)) return true;
    return false;
}

std::string hex_colour(int r, int g, int b) {
    char text[8];
    std::snprintf(text, sizeof text, "%02x%02x%02x", r & 0xff, g & 0xff, b & 0xff);
    return text;
}

// Each channel within 48 of the RRGGBB given (anti-aliasing and colour management aside); "!RRGGBB": not
// near that colour.
bool near_colour(int r, int g, int b, const std::string& want) {
    if (!want.empty() && want[0] == '!') return !near_colour(r, g, b, want.substr(1));
    if (want.size() != 6) return false;
    const long v = std::strtol(want.c_str(), nullptr, 16);
    return std::abs(r - int(v >> 16 & 0xff)) <= 48 && std::abs(g - int(v >> 8 & 0xff)) <= 48 &&
           std::abs(b - int(v & 0xff)) <= 48;
}

// Gives a named control (a panel's check box, colour, number, drop-down or button) the value a user would,
// and sends the event the user's change sends. "" when done, else why not.
std::string operate(wxWindow& frame, const std::string& name, const std::string& value) {
    wxWindow* window = wxWindow::FindWindowByName(wxString::FromUTF8(name), &frame);
    if (!window) return "no control named " + name;
    if (!window->IsShownOnScreen()) return name + " is not shown";
    auto send = [&](wxCommandEvent& event) {
        event.SetEventObject(window);
        event.SetId(window->GetId());
        window->GetEventHandler()->ProcessEvent(event);
    };
    if (auto* box = dynamic_cast<wxCheckBox*>(window)) {
        box->SetValue(value == "yes");
        wxCommandEvent event(wxEVT_CHECKBOX);
        event.SetInt(box->GetValue());
        send(event);
    } else if (auto* picker = dynamic_cast<wxColourPickerCtrl*>(window)) {
        if (!picker->GetColour().Set(wxString::FromUTF8(value))) return "not a colour: " + value;
        picker->SetColour(wxString::FromUTF8(value));
        wxColourPickerEvent event(picker, picker->GetId(), picker->GetColour());
        picker->GetEventHandler()->ProcessEvent(event);
    } else if (auto* spin = dynamic_cast<wxSpinCtrl*>(window)) {
        spin->SetValue(std::stoi(value));
        wxSpinEvent event(wxEVT_SPINCTRL, spin->GetId());
        event.SetEventObject(spin);
        event.SetPosition(spin->GetValue());
        spin->GetEventHandler()->ProcessEvent(event);
    } else if (auto* choice = dynamic_cast<wxChoice*>(window)) {
        if (!choice->SetStringSelection(wxString::FromUTF8(value))) return "no choice " + value;
        wxCommandEvent event(wxEVT_CHOICE);
        event.SetInt(choice->GetSelection());
        event.SetString(choice->GetStringSelection());
        send(event);
    } else if (auto* list = dynamic_cast<wxCheckListBox*>(window)) {
        // "ITEM": highlight that row; "ITEM yes|no": tick or untick it, as a click on its box.
        std::string item = value, tick;
        if (const auto space = value.rfind(' ');
            space != std::string::npos &&
            (value.substr(space + 1) == "yes" || value.substr(space + 1) == "no"))
            item = value.substr(0, space), tick = value.substr(space + 1);
        const int row = list->FindString(wxString::FromUTF8(item));
        if (row == wxNOT_FOUND) return "no row " + item;
        if (tick.empty()) {
            list->SetSelection(row);
            wxCommandEvent event(wxEVT_LISTBOX);
            event.SetInt(row);
            send(event);
        } else {
            list->Check(static_cast<unsigned>(row), tick == "yes");
            wxCommandEvent event(wxEVT_CHECKLISTBOX);
            event.SetInt(row);
            send(event);
        }
    } else if (auto* search = dynamic_cast<wxSearchCtrl*>(window)) {
        search->SetValue(wxString::FromUTF8(value));              // sends wxEVT_TEXT, as typing does
    } else if (auto* rows = dynamic_cast<wxListCtrl*>(window)) {  // activate (double click) the row
        long row = -1;
        for (long i = 0; i < rows->GetItemCount() && row < 0; ++i)
            if (rows->GetItemText(i).ToStdString(wxConvUTF8) == value) row = i;
        if (row < 0) return "no row " + value;
        wxListEvent event(wxEVT_LIST_ITEM_ACTIVATED, rows->GetId());
        event.SetEventObject(rows);
        event.m_itemIndex = row;
        rows->GetEventHandler()->ProcessEvent(event);
    } else if (dynamic_cast<wxButton*>(window)) {
        wxCommandEvent event(wxEVT_BUTTON);
        send(event);
    } else {
        return name + " is not a control the self-test can drive";
    }
    return "";
}

}  // namespace

namespace {
std::atomic<int> g_asserts{0};
}  // namespace

int assert_count() {
    return g_asserts.load();
}
void count_assert() {
    ++g_asserts;
}

int run_script(StudioFrame& frame, const std::string& script_path) {
    std::ifstream in(script_path);
    if (!in) {
        std::fprintf(stderr, "self-test: cannot read %s\n", script_path.c_str());
        return 2;
    }
    int failures = 0;
    std::string last_saved;
    std::map<std::string, diagram::Document> snapshots;
    diagram::Point view_mark{};
    wxPoint held;  // where hold-drag-cell left the pointer
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        line = expand(line);
        auto w = words(line);
        if (w.empty()) continue;
        const std::string& op = w[0];
        const std::string rest = line.size() > op.size() ? line.substr(line.find(op) + op.size() + 1) : "";
        auto fail = [&](const std::string& why) {
            std::fprintf(stderr, "%s:%d: %s: %s\n", script_path.c_str(), number, line.c_str(), why.c_str());
            ++failures;
        };
        settle();
        Editor* editor = frame.editor();
        Canvas* canvas = frame.canvas();
        const std::size_t page = canvas ? canvas->page() : 0;
        auto cells = [&]() {
            return editor->document.pages.empty() ? 0 : editor->document.pages[page].cells.size();
        };
        std::printf("self-test: %s\n", line.c_str());
        auto box_of = [&](const std::string& id) -> std::optional<diagram::Rect> {
            auto box = canvas ? canvas->cell_box(id) : std::nullopt;
            if (!box) fail("no cell " + id + " on the canvas");
            return box;
        };
        if (op == "require-corpus") {
            if (!wxFileName::DirExists(rest)) {
                std::printf("self-test: SKIPPED: no corpus at %s (set JSTUDIO_CORPUS)\n", rest.c_str());
                return std::getenv("JSTUDIO_REQUIRE_CORPUS") &&
                               std::string(std::getenv("JSTUDIO_REQUIRE_CORPUS")) == "1"
                           ? 1
                           : 77;
            }
        } else if (op == "require-drawio-data") {  // draw.io's stencil libraries (scripts/install-deps.sh)
            if (!drawio_data_dir()) {
                std::printf("self-test: SKIPPED: no draw.io data (set JSTUDIO_DRAWIO_DATA)\n");
                return std::getenv("JSTUDIO_REQUIRE_CORPUS") &&
                               std::string(std::getenv("JSTUDIO_REQUIRE_CORPUS")) == "1"
                           ? 1
                           : 77;
            }
        } else if (op == "open") {
            if (!frame.open_from_user(rest)) fail("not opened");
        } else if (op == "open-refused") {  // the user said Cancel to "unsaved changes?": nothing replaced
            if (frame.open_from_user(rest)) fail("opened anyway");
        } else if (op == "open-recent") {
            frame.post_command(wxID_FILE1 + std::stoi(w.at(1)) - 1);
        } else if (op == "expect-text") {
            if (!shows_text(frame, rest)) fail("no window shows '" + rest + "'");
        } else if (op == "expect-title") {
            if (frame.GetTitle().ToStdString(wxConvUTF8).find(rest) == std::string::npos)
                fail("title is '" + frame.GetTitle().ToStdString(wxConvUTF8) + "'");
        } else if (op == "expect-path") {
            if (editor->path != rest) fail("path is '" + editor->path + "'");
        } else if (op == "expect-asked") {
            const auto& asked = frame.asked();
            if (std::find(asked.begin(), asked.end(), rest) == asked.end()) fail("never asked");
        } else if (op == "expect-recent") {
            if (frame.recent_file(std::stoul(w.at(1)) - 1) != rest.substr(rest.find(' ') + 1))
                fail("recent file is '" + frame.recent_file(std::stoul(w.at(1)) - 1) + "'");
        } else if (op == "menu") {
            if (!frame.run_menu(rest)) fail("no such menu item, or disabled");
        } else if (op == "palette") {
            if (!frame.run_tool(rest)) fail("no such palette tool");
        } else if (op == "expect-tabs") {
            const auto* tabs = canvas ? canvas->GetParent() : nullptr;
            const auto* book = dynamic_cast<const wxBookCtrlBase*>(tabs);
            if (!book || book->GetPageCount() != std::stoul(w.at(1)))
                fail("tabs = " + std::to_string(book ? book->GetPageCount() : 0));
        } else if (op == "click" || op == "click-cell" || op == "dclick-cell") {
            const bool shift = w.back() == "shift";
            diagram::Point at{};
            if (op == "click") {
                at = {std::stod(w.at(1)), std::stod(w.at(2))};
            } else if (auto box = box_of(w.at(1))) {
                at = centre_of(*box);
            } else {
                continue;
            }
            const wxPoint p = canvas->to_window(at);
            if (op == "dclick-cell") {
                mouse(*canvas, wxEVT_LEFT_DCLICK, p);
            } else {
                mouse(*canvas, wxEVT_LEFT_DOWN, p, shift);
                mouse(*canvas, wxEVT_LEFT_UP, p, shift);
            }
        } else if (op == "drag") {  // page coordinates
            drag(*canvas, canvas->to_window({std::stod(w.at(1)), std::stod(w.at(2))}),
                 canvas->to_window({std::stod(w.at(3)), std::stod(w.at(4))}));
        } else if (op == "drag-cell") {  // grab the middle of a cell, move it by (dx, dy) page pixels
            if (auto box = box_of(w.at(1))) {
                const auto c = centre_of(*box);
                drag(*canvas, canvas->to_window(c),
                     canvas->to_window({c.x + std::stod(w.at(2)), c.y + std::stod(w.at(3))}));
            }
        } else if (op == "hold-drag-cell") {  // as drag-cell, with the button still down (then "release")
            if (auto box = box_of(w.at(1))) {
                const auto c = centre_of(*box);
                const wxPoint to = canvas->to_window({c.x + std::stod(w.at(2)), c.y + std::stod(w.at(3))});
                mouse(*canvas, wxEVT_LEFT_DOWN, canvas->to_window(c));
                mouse(*canvas, wxEVT_MOTION, to);
                held = to;
            }
        } else if (op == "hold-drag-resize") {  // as drag-resize, with the button still down (then "release")
            if (auto handle = canvas->resize_handle()) {
                const auto c = centre_of(*handle);
                const wxPoint to = canvas->to_window({c.x + std::stod(w.at(1)), c.y + std::stod(w.at(2))});
                mouse(*canvas, wxEVT_LEFT_DOWN, canvas->to_window(c));
                mouse(*canvas, wxEVT_MOTION, to);
                held = to;
            } else {
                fail("no resize handle (select one shape)");
            }
        } else if (op == "release") {
            mouse(*canvas, wxEVT_LEFT_UP, held);
        } else if (op == "expect-guides") {  // expect-guides N: guide lines shown while dragging
            if (canvas->guides_shown() != std::stoul(w.at(1)))
                fail(std::to_string(canvas->guides_shown()) + " guides shown");
        } else if (op == "drag-resize") {  // the selected cell's handle, by (dx, dy) page pixels
            if (auto handle = canvas->resize_handle()) {
                const auto c = centre_of(*handle);
                drag(*canvas, canvas->to_window(c),
                     canvas->to_window({c.x + std::stod(w.at(1)), c.y + std::stod(w.at(2))}));
            } else {
                fail("no resize handle (select one shape)");
            }
        } else if (op == "drag-connect") {  // from the selected shape's connect handle onto a cell
            auto handle = canvas->connect_handle();
            auto box = box_of(w.at(1));
            if (!handle) fail("no connect handle (select one shape)");
            if (handle && box) drag(*canvas, canvas->to_window(*handle), canvas->to_window(centre_of(*box)));
        } else if (op == "drag-shape") {  // drag-shape NAME PX PY: from the shape library onto the canvas,
                                          // released with the pointer at page point (PX, PY)
            auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("shapes", &frame));
            std::string name;
            for (std::size_t i = 1; i + 2 < w.size(); ++i) name += (i > 1 ? " " : "") + w[i];
            long row = -1;
            for (long i = 0; list && i < list->GetItemCount() && row < 0; ++i)
                if (list->GetItemText(i).ToStdString(wxConvUTF8) == name) row = i;
            if (!list || !list->IsShownOnScreen() || row < 0 || w.size() < 4) {
                fail("no shape " + name + " in the shown library");
                continue;
            }
            wxRect item;
            list->GetItemRect(row, item);
            wxListEvent begin(wxEVT_LIST_BEGIN_DRAG, list->GetId());
            begin.SetEventObject(list);
            begin.m_itemIndex = row;
            begin.m_pointDrag = item.GetPosition();
            list->GetEventHandler()->ProcessEvent(begin);
            const wxPoint to = list->ScreenToClient(
                canvas->ClientToScreen(canvas->to_window({std::stod(w[w.size() - 2]), std::stod(w.back())})));
            const wxPoint from = item.GetPosition() + wxPoint(item.width / 2, item.height / 2);
            mouse(*list, wxEVT_MOTION, {(from.x + to.x) / 2, (from.y + to.y) / 2});
            mouse(*list, wxEVT_MOTION, to);
            settle();
            if (!canvas->drop_preview()) fail("no outline on the canvas while dragging");
            mouse(*list, wxEVT_LEFT_UP, to);
        } else if (op == "outline-drag") {  // outline-drag PX PY QX QY: press in the outline where page
                                            // point P is drawn, drag to where Q is, release
            auto* outline = dynamic_cast<OutlinePanel*>(wxWindow::FindWindowByName("outline", &frame));
            if (!outline || !outline->IsShownOnScreen()) {
                fail("the outline is not shown");
                continue;
            }
            const auto from = outline->to_window({std::stod(w.at(1)), std::stod(w.at(2))});
            const auto to = outline->to_window({std::stod(w.at(3)), std::stod(w.at(4))});
            if (!from || !to) {
                fail("the outline shows nothing");
                continue;
            }
            drag(*outline, *from, *to);
        } else if (op == "expect-centre") {  // expect-centre X Y: the canvas shows page point (X, Y) in its
                                             // middle, within a pixel of the outline's scale
            const auto c = canvas->view_centre();
            const double tolerance = w.size() > 3 ? std::stod(w[3]) : 1;
            if (std::abs(c.x - std::stod(w.at(1))) > tolerance ||
                std::abs(c.y - std::stod(w.at(2))) > tolerance)
                fail("the centre is " + std::to_string(c.x) + ", " + std::to_string(c.y));
        } else if (op == "press") {  // press KEYS ("Ctrl+D", "Shift+Right", "F2"): real key events from the
                                     // X server (XTest), through GTK's accelerators to whatever has focus
            wxAcceleratorEntry accel;
            if (!accel.FromString(wxString::FromUTF8(w.at(1)))) {
                fail("not a key");
                continue;
            }
            int keycode = accel.GetKeyCode();
            if (keycode >= 'A' && keycode <= 'Z') keycode += 'a' - 'A';  // the key, not the shifted letter
            int modifiers = wxMOD_NONE;
            if (accel.GetFlags() & wxACCEL_CTRL) modifiers |= wxMOD_CONTROL;
            if (accel.GetFlags() & wxACCEL_SHIFT) modifiers |= wxMOD_SHIFT;
            if (accel.GetFlags() & wxACCEL_ALT) modifiers |= wxMOD_ALT;
            // The pointer over the canvas and the focus in it (or in the label editor), as a user's would be.
            wxWindow* target =
                canvas->label_editor() ? static_cast<wxWindow*>(canvas->label_editor()) : canvas;
            frame.Raise();
            target->SetFocus();
            wxUIActionSimulator sim;
            sim.MouseMove(canvas->ClientToScreen(wxPoint(canvas->GetClientSize().x - 5, 5)));
            settle();
            sim.Char(keycode, modifiers);
            // The X server answers asynchronously: let its events arrive and be handled.
            for (int i = 0; i < 10; ++i) {
                wxMilliSleep(10);
                settle();
            }
        } else if (op == "expect-geometry-size") {  // ID W H
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            if (!cell || !cell->geometry)
                fail("no such cell");
            else if (cell->geometry->bounds.width != std::stod(w.at(2)) ||
                     cell->geometry->bounds.height != std::stod(w.at(3)))
                fail("size is " + std::to_string(cell->geometry->bounds.width) + " x " +
                     std::to_string(cell->geometry->bounds.height));
        } else if (op == "expect-status") {  // expect-status TEXT: the status bar's first field
            const auto* bar = frame.GetStatusBar();
            const std::string got = bar ? bar->GetStatusText(0).ToStdString(wxConvUTF8) : "(no status bar)";
            if (got != rest) fail("the status bar says '" + got + "'");
        } else if (op == "expect-gone") {  // expect-gone ID...: none of these cells is on the page
            diagram::PageIndex index(editor->document.pages[page]);
            for (std::size_t i = 1; i < w.size(); ++i)
                if (index.find(w[i])) fail(w[i] + " is still there");
        } else if (op == "middle-drag") {  // window pixels
            const wxSize size = canvas->GetClientSize();
            const wxPoint from(size.x / 2, size.y / 2);
            drag(*canvas, from, {from.x + std::stoi(w.at(1)), from.y + std::stoi(w.at(2))}, true);
        } else if (op == "wheel") {  // notches, + = away from the user; "ctrl" zooms, "shift" pans sideways
            const wxSize size = canvas->GetClientSize();
            mouse(*canvas, wxEVT_MOUSEWHEEL, {size.x / 2, size.y / 2}, w.size() > 2 && w[2] == "shift",
                  w.size() > 2 && w[2] == "ctrl", std::stoi(w.at(1)) * 120);
        } else if (op == "key") {
            wxWindow* target =
                canvas->label_editor() ? static_cast<wxWindow*>(canvas->label_editor()) : canvas;
            if (!key_code(w.at(1)))
                fail("unknown key");
            else
                key(*target, key_code(w.at(1)), w.size() > 2 && w[2] == "shift");
        } else if (op ==
                   "expect-like-export") {  // at most N% of pixels differ from `journey export --to png`
            canvas->set_selection({}, false);
            const auto scene = render::render_page(editor->document.pages[page]);
            exporters::RasterOptions options;
            options.background = render::Color{255, 255, 255};
            options.base_dir = image_base_dir(editor->path),
            options.image_dirs = frame.allowed_image_folders();
            auto png = exporters::write_png(scene, options);
            wxImage want;
            if (png) {
                wxMemoryInputStream stream(png.value().data(), png.value().size());
                want.LoadFile(stream, wxBITMAP_TYPE_PNG);
            }
            if (!want.IsOk()) {
                fail("no PNG export");
                continue;
            }
            // The canvas at 100% with the same frame as the export: the drawing's bounds plus its 1 px
            // margin.
            const auto& b = scene.drawing.bounds;
            canvas->set_view({b.x - options.margin, b.y - options.margin}, 1);
            wxBitmap drawn(want.GetWidth(), want.GetHeight(), 24);
            {
                wxMemoryDC dc(drawn);
                std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
                canvas->draw(*gc, drawn.GetSize());
            }
            const wxImage got = drawn.ConvertToImage();
            long differing = 0;
            const long total = static_cast<long>(want.GetWidth()) * want.GetHeight();
            for (int y = 0; y < want.GetHeight(); ++y)
                for (int x = 0; x < want.GetWidth(); ++x) {
                    const int d = std::abs(got.GetRed(x, y) - want.GetRed(x, y)) +
                                  std::abs(got.GetGreen(x, y) - want.GetGreen(x, y)) +
                                  std::abs(got.GetBlue(x, y) - want.GetBlue(x, y));
                    if (d > 96) ++differing;
                }
            const double percent =
                100.0 * static_cast<double>(differing) / static_cast<double>(std::max(total, 1L));
            std::printf("self-test: %.2f%% of %ld pixels differ from the PNG export\n", percent, total);
            if (percent > std::stod(w.at(1))) {
                // Both pictures beside the test's files, to look at.
                const std::string stem = expand("$TMP/") + wxFileName(script_path).GetName().ToStdString() +
                                         "-" + std::to_string(number);
                got.SaveFile(wxString::FromUTF8(stem + "-canvas.png"), wxBITMAP_TYPE_PNG);
                want.SaveFile(wxString::FromUTF8(stem + "-export.png"), wxBITMAP_TYPE_PNG);
                fail(std::to_string(percent) + "% of pixels differ (" + stem + "-canvas/export.png)");
            }
        } else if (op ==
                   "expect-canvas-pixel") {  // PX PY [!]RRGGBB: the canvas at 100% shows this colour there
            canvas->set_selection({}, false);
            canvas->set_view({std::stod(w.at(1)) - 4, std::stod(w.at(2)) - 4}, 1);
            wxBitmap drawn(9, 9, 24);
            {
                wxMemoryDC dc(drawn);
                std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
                canvas->draw(*gc, drawn.GetSize());
            }
            const wxImage got = drawn.ConvertToImage();
            if (!near_colour(got.GetRed(4, 4), got.GetGreen(4, 4), got.GetBlue(4, 4), w.at(3)))
                fail("the canvas shows " +
                     hex_colour(got.GetRed(4, 4), got.GetGreen(4, 4), got.GetBlue(4, 4)));
        } else if (op == "expect-png-pixel") {  // PATH X Y [!]RRGGBB: the PNG file has this colour at (X, Y)
            wxLogNull quiet;
            wxImage png;
            if (!png.LoadFile(wxString::FromUTF8(w.at(1)), wxBITMAP_TYPE_PNG)) {
                fail("not a PNG");
                continue;
            }
            const int x = std::stoi(w.at(2)), y = std::stoi(w.at(3));
            if (x < 0 || y < 0 || x >= png.GetWidth() || y >= png.GetHeight())
                fail("outside the " + std::to_string(png.GetWidth()) + " x " +
                     std::to_string(png.GetHeight()) + " picture");
            else if (!near_colour(png.GetRed(x, y), png.GetGreen(x, y), png.GetBlue(x, y), w.at(4)))
                fail("the PNG shows " + hex_colour(png.GetRed(x, y), png.GetGreen(x, y), png.GetBlue(x, y)));
        } else if (op == "expect-file-lacks") {  // expect-file-lacks PATH TEXT (the rest of the line)
            std::ifstream file(w.at(1), std::ios::binary);
            std::ostringstream text;
            text << file.rdbuf();
            const std::string unwanted = rest.substr(std::min(rest.size(), w.at(1).size() + 1));
            if (!file)
                fail("missing");
            else if (text.str().find(unwanted) != std::string::npos)
                fail("the file contains it");
        } else if (op == "key-up") {
            if (!key_code(w.at(1)))
                fail("unknown key");
            else
                key(*canvas, key_code(w.at(1)), false, true);
        } else if (op == "type") {  // into the in-place label editor
            if (auto* text = canvas->label_editor())
                text->ChangeValue(wxString::FromUTF8(rest));
            else
                fail("no label editor open");
        } else if (op == "expect-editing") {
            if ((canvas->label_editor() != nullptr) != (w.at(1) == "yes"))
                fail("label editor is not as expected");
        } else if (op == "mark-view") {
            view_mark = canvas->view_centre();
        } else if (op == "expect-pan") {  // the view centre moved by (dx, dy) page pixels since mark-view
            const auto c = canvas->view_centre();
            const double dx = c.x - view_mark.x, dy = c.y - view_mark.y;
            if (std::abs(dx - std::stod(w.at(1))) > 0.5 || std::abs(dy - std::stod(w.at(2))) > 0.5)
                fail("panned by " + std::to_string(dx) + ", " + std::to_string(dy));
        } else if (op == "expect-zoom") {  // percent, rounded
            if (std::lround(canvas->zoom() * 100) != std::stol(w.at(1)))
                fail("zoom = " + std::to_string(canvas->zoom() * 100) + "%");
        } else if (op == "expect-zoom-below") {
            if (canvas->zoom() * 100 >= std::stod(w.at(1)))
                fail("zoom = " + std::to_string(canvas->zoom() * 100) + "%");
        } else if (op == "expect-selection") {  // exactly these ids, any order
            auto want = std::vector<std::string>(w.begin() + 1, w.end());
            auto got = canvas->selection();
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            if (want != got) {
                std::string list;
                for (const auto& id : got) list += " " + id;
                fail("selection is" + list);
            }
        } else if (op == "expect-geometry") {  // ID X Y W H, the cell's own (parent-relative) geometry
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            if (!cell || !cell->geometry) {
                fail("no such cell");
                continue;
            }
            const auto& b = cell->geometry->bounds;
            if (b.x != std::stod(w.at(2)) || b.y != std::stod(w.at(3)) || b.width != std::stod(w.at(4)) ||
                b.height != std::stod(w.at(5)))
                fail("geometry is " + std::to_string(b.x) + " " + std::to_string(b.y) + " " +
                     std::to_string(b.width) + " " + std::to_string(b.height));
        } else if (op == "expect-edge") {  // a glued edge SOURCE -> TARGET exists, with no fixed points
            const auto& cs = editor->document.pages[page].cells;
            const bool found = std::any_of(cs.begin(), cs.end(), [&](const diagram::Cell& c) {
                return c.edge && c.source == w.at(1) && c.target == w.at(2) &&
                       (!c.geometry || (!c.geometry->source_point && !c.geometry->target_point));
            });
            if (!found) fail("no glued edge");
        } else if (op == "page") {
            frame.show_page(std::stoul(w.at(1)));
        } else if (op == "expect-pages") {
            if (editor->document.pages.size() != std::stoul(w.at(1)))
                fail("pages = " + std::to_string(editor->document.pages.size()));
        } else if (op == "expect-cells") {
            if (cells() != std::stoul(w.at(1))) fail("cells = " + std::to_string(cells()));
        } else if (op == "select") {
            canvas->set_selection(std::vector<std::string>(w.begin() + 1, w.end()), true);
        } else if (op == "select-all") {
            canvas->select_all();
        } else if (op == "expect-selected") {
            if (canvas->selection().size() != std::stoul(w.at(1)))
                fail("selected = " + std::to_string(canvas->selection().size()));
        } else if (op == "move") {
            if (!editor->move(page, canvas->selection(), std::stod(w.at(1)), std::stod(w.at(2))))
                fail("nothing moved");
        } else if (op == "delete") {
            if (!editor->remove(page, canvas->selection())) fail("nothing deleted");
        } else if (op == "label") {
            const std::string text = rest.substr(rest.find(' ') + 1);
            if (!editor->set_label(page, w.at(1), text)) fail("label unchanged");
        } else if (op == "add-shape") {
            if (editor->add_vertex(page, "rounded=1;whiteSpace=wrap;html=1;", {40, 40, 120, 60}, "New")
                    .empty())
                fail("no shape added");
        } else if (op == "connect") {
            if (editor->connect(page, w.at(1), w.at(2)).empty()) fail("not connected");
        } else if (op == "resize") {
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            if (!cell || !cell->geometry) {
                fail("no such cell");
                continue;
            }
            auto b = cell->geometry->bounds;
            b.width = std::stod(w.at(2));
            b.height = std::stod(w.at(3));
            if (!editor->set_bounds(page, w.at(1), b)) fail("size unchanged");
        } else if (op == "copy-paste") {
            auto copied = editor->copy(page, canvas->selection());
            if (editor->paste(page, copied, 20, 20).empty()) fail("nothing pasted");
        } else if (op == "undo") {
            if (!editor->history.Undo()) fail("nothing to undo");
        } else if (op == "redo") {
            if (!editor->history.Redo()) fail("nothing to redo");
        } else if (op == "answer") {
            frame.queue_answer(std::vector<std::string>(w.begin() + 1, w.end()));
        } else if (op == "expect-data") {
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            const std::string want = w.size() > 3 ? w[3] : "";
            if (!cell || cell->data(w.at(2)) != want)
                fail(cell ? "data is '" + cell->data(w.at(2)) + "'" : "no such cell");
        } else if (op == "run") {
            if (!frame.run_command(rest)) fail("no such command");
        } else if (op == "expect-command") {
            auto names = frame.command_names();
            if (std::find(names.begin(), names.end(), rest) == names.end()) fail("command missing");
        } else if (op == "expect-modified") {
            if (editor->modified() != (w.at(1) == "yes"))
                fail(editor->modified() ? "modified" : "not modified");
        } else if (op == "expect-label") {
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            const std::string want = rest.substr(rest.find(' ') + 1);
            if (!cell || cell->label() != want)
                fail(cell ? "label is '" + cell->label() + "'" : "no such cell");
        } else if (op == "expect-x") {
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            if (!cell || !cell->geometry || cell->geometry->bounds.x != std::stod(w.at(2)))
                fail(cell && cell->geometry ? "x = " + std::to_string(cell->geometry->bounds.x)
                                            : "no such cell");
        } else if (op == "snapshot") {
            snapshots[w.at(1)] = editor->document;
        } else if (op == "expect-same-as-snapshot") {
            if (!snapshots.count(w.at(1)))
                fail("no such snapshot");
            else if (!(snapshots[w.at(1)] == editor->document))
                fail("document differs from the snapshot");
        } else if (op == "expect-differs-from-snapshot") {
            if (snapshots.count(w.at(1)) && snapshots[w.at(1)] == editor->document)
                fail("document unchanged");
        } else if (op == "save") {
            if (!frame.save_to(rest)) fail("save failed");
            last_saved = rest;
        } else if (op == "reopen") {
            if (last_saved.empty() || !frame.open_file(last_saved)) fail("reopen failed");
        } else if (op == "expect-file") {
            if (!wxFileName::FileExists(rest)) fail("missing");
        } else if (op == "expect-file-contains") {  // expect-file-contains PATH TEXT (the rest of the line)
            std::ifstream file(w.at(1), std::ios::binary);
            std::ostringstream text;
            text << file.rdbuf();
            const std::string wanted = rest.substr(std::min(rest.size(), w.at(1).size() + 1));
            if (!file)
                fail("missing");
            else if (text.str().find(wanted) == std::string::npos)
                fail("the file does not contain it");
        } else if (op == "expect-error") {
            const auto& errors = frame.errors();
            if (std::none_of(errors.begin(), errors.end(),
                             [&](const std::string& e) { return e.find(rest) != std::string::npos; }))
                fail("no error mentions it");
        } else if (op == "expect-no-errors") {
            if (!frame.errors().empty()) fail(std::to_string(frame.errors().size()) + " errors reported");
        } else if (op == "expect-errors") {  // exactly N so far (the ones a script provoked on purpose)
            if (frame.errors().size() != std::stoul(w.at(1)))
                fail(std::to_string(frame.errors().size()) + " errors reported");
        } else if (op == "expect-plugins") {
            if (frame.plugins().loaded.size() != std::stoul(w.at(1)))
                fail("plugins loaded = " + std::to_string(frame.plugins().loaded.size()));
        } else if (op == "right-click-cell") {  // the context menu over a cell (it becomes selected)
            if (auto box = box_of(w.at(1)))
                mouse(*canvas, wxEVT_RIGHT_DOWN, canvas->to_window(centre_of(*box)));
        } else if (op == "context") {  // context LABEL: choose an item of the last right-click menu
            wxMenu* menu = frame.context_menu();
            const wxMenuItem* chosen = nullptr;
            for (const auto* item : menu ? menu->GetMenuItems() : wxMenuItemList())
                if (item->GetItemLabelText().ToStdString(wxConvUTF8) == rest) chosen = item;
            if (!chosen)
                fail("no such context menu item");
            else if (!chosen->IsEnabled())
                fail("disabled");
            else
                frame.post_command(chosen->GetId());
        } else if (op ==
                   "expect-order") {  // expect-order A B ...: these cells stand in this order on the page
            diagram::PageIndex index(editor->document.pages[page]);
            std::optional<std::size_t> last;
            for (std::size_t i = 1; i < w.size(); ++i) {
                const auto at = index.position(w[i]);
                if (!at || (last && *at < *last)) {
                    fail(at ? w[i] + " stands before " + w[i - 1] : "no cell " + w[i]);
                    break;
                }
                last = at;
            }
        } else if (op == "control" && w.size() > 1 && w[1] == "shapes-heading") {
            // control shapes-heading LIBRARY: activate (open or close) that library's heading in the shapes
            auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("shapes", &frame));
            const std::string name = rest.substr(std::string("shapes-heading ").size());
            long row = -1;
            for (long i = 0; list && i < list->GetItemCount() && row < 0; ++i) {
                const std::string text = list->GetItemText(i).ToStdString(wxConvUTF8);
                if (text.size() > 2 && text.substr(2, name.size() + 2) == name + " (") row = i;
            }
            if (row < 0) {
                fail("no heading " + name);
                continue;
            }
            wxListEvent event(wxEVT_LIST_ITEM_ACTIVATED, list->GetId());
            event.SetEventObject(list);
            event.m_itemIndex = row;
            list->GetEventHandler()->ProcessEvent(event);
        } else if (op == "control") {  // control NAME VALUE: a panel control changed as a user would
            const std::string value = rest.size() > w.at(1).size() ? rest.substr(w.at(1).size() + 1) : "";
            if (auto why = operate(frame, w.at(1), value); !why.empty()) fail(why);
        } else if (op == "expect-control") {  // expect-control NAME VALUE: what the control shows
            wxWindow* window = wxWindow::FindWindowByName(wxString::FromUTF8(w.at(1)), &frame);
            const std::string want = rest.size() > w.at(1).size() ? rest.substr(w.at(1).size() + 1) : "";
            std::string got = "?";
            if (auto* box = dynamic_cast<wxCheckBox*>(window)) got = box->GetValue() ? "yes" : "no";
            if (auto* picker = dynamic_cast<wxColourPickerCtrl*>(window))
                got = picker->GetColour().GetAsString(wxC2S_HTML_SYNTAX).Lower().ToStdString();
            if (auto* spin = dynamic_cast<wxSpinCtrl*>(window)) got = std::to_string(spin->GetValue());
            if (auto* choice = dynamic_cast<wxChoice*>(window))
                got = choice->GetStringSelection().ToStdString(wxConvUTF8);
            if (auto* rows = dynamic_cast<wxListCtrl*>(window)) {  // the rows shown, joined by ", "
                got.clear();
                for (long i = 0; i < rows->GetItemCount(); ++i)
                    got += (i ? ", " : "") + rows->GetItemText(i).ToStdString(wxConvUTF8);
            }
            if (auto* list = dynamic_cast<wxCheckListBox*>(window)) {  // "ITEM yes|no": is the row ticked
                const auto space = want.rfind(' ');
                const int row = list->FindString(wxString::FromUTF8(want.substr(0, space)));
                got = want.substr(0, space) + (row == wxNOT_FOUND                            ? " missing"
                                               : list->IsChecked(static_cast<unsigned>(row)) ? " yes"
                                                                                             : " no");
            }
            if (got != want) fail("shows '" + got + "'");
        } else if (op == "expect-style") {  // expect-style ID KEY VALUE ("-": the key is absent)
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            const auto value = cell ? cell->style_or_empty().get(w.at(2)) : std::nullopt;
            if (!cell)
                fail("no such cell");
            else if (value.value_or("-") !=
                     rest.substr(std::min(rest.size(), w.at(1).size() + w.at(2).size() + 2)))
                fail("style is '" + cell->style_or_empty().to_string() + "'");
        } else if (op == "expect-style-string") {  // the whole style text
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            const std::string want = rest.substr(rest.find(' ') + 1);
            if (!cell || cell->style_or_empty().to_string() != want)
                fail(cell ? "style is '" + cell->style_or_empty().to_string() + "'" : "no such cell");
        } else if (op == "expect-parent") {
            diagram::PageIndex index(editor->document.pages[page]);
            const auto* cell = index.find(w.at(1));
            if (!cell || cell->parent != w.at(2))
                fail(cell ? "parent is '" + cell->parent + "'" : "no such cell");
        } else if (op == "expect-page-name") {  // expect-page-name N NAME (1-based)
            const auto n = std::stoul(w.at(1)) - 1;
            const std::string want = rest.substr(rest.find(' ') + 1);
            if (n >= editor->document.pages.size() || editor->document.pages[n].display_name(n) != want)
                fail(n < editor->document.pages.size()
                         ? "page is '" + editor->document.pages[n].display_name(n) + "'"
                         : "no such page");
        } else if (op == "expect-tab") {  // expect-tab N TEXT: the tab as the user reads it
            const auto* book = canvas ? dynamic_cast<const wxBookCtrlBase*>(canvas->GetParent()) : nullptr;
            const auto n = std::stoul(w.at(1)) - 1;
            const std::string want = rest.substr(rest.find(' ') + 1);
            // The text the frame gave the tab, read as GTK shows it (GetPageText on GTK answers differently
            // after AddPage and SetPageText). Unescaped, "Click & collect" reads "Click  collect".
            const std::string got =
                book && n < book->GetPageCount()
                    ? wxControl::RemoveMnemonics(frame.tab_text(n)).ToStdString(wxConvUTF8)
                    : "(no tab)";
            if (got != want) fail("tab shows '" + got + "'");
        } else if (op == "expect-drawn") {  // expect-drawn ID yes|no: on the canvas (hidden layers are not)
            canvas->ensure_scene();
            if (canvas->cell_box(w.at(1)).has_value() != (w.at(2) == "yes"))
                fail(canvas->cell_box(w.at(1)) ? "drawn" : "not drawn");
        } else if (op == "expect-active-page") {
            if (page + 1 != std::stoul(w.at(1))) fail("active page is " + std::to_string(page + 1));
        } else if (op == "expect-shortcut") {  // expect-shortcut Menu/Label KEYS: the item's accelerator
            const std::string item = w.at(1), want = w.at(2);
            const auto slash = item.find('/');
            auto* bar = frame.GetMenuBar();
            const int menu = slash == std::string::npos ? wxNOT_FOUND : bar->FindMenu(item.substr(0, slash));
            std::string got = "(no such item)";
            wxString label = wxString::FromUTF8(item.substr(slash + 1));
            label.Replace("_", " ");
            if (menu != wxNOT_FOUND)
                for (const auto* entry : bar->GetMenu(static_cast<size_t>(menu))->GetMenuItems())
                    if (entry->GetItemLabelText() == label) {
                        std::unique_ptr<wxAcceleratorEntry> accel(entry->GetAccel());
                        got = accel ? accel->ToString().ToStdString(wxConvUTF8) : "(none)";
                    }
            if (got != want) fail("shortcut is " + got);
        } else if (op == "expect-moved") {  // expect-moved ID SNAPSHOT yes|no: its geometry differs from then
            diagram::PageIndex now(editor->document.pages[page]);
            const auto* cell = now.find(w.at(1));
            if (!cell || !snapshots.count(w.at(2))) {
                fail("no such cell or snapshot");
                continue;
            }
            diagram::PageIndex then(snapshots[w.at(2)].pages.at(page));
            const auto* before = then.find(w.at(1));
            const bool moved = !before || before->geometry != cell->geometry;
            if (moved != (w.at(3) == "yes")) fail(moved ? "moved" : "not moved");
        } else if (op == "pane") {  // pane NAME shown|hidden: show or hide a docked panel (View menu)
            if (!frame.show_pane(w.at(1), w.at(2) == "shown")) fail("no pane " + w.at(1));
        } else if (op == "expect-pane") {  // expect-pane NAME shown|hidden: a docked panel
            auto* pane = frame.pane_window(w.at(1));
            if (!pane)
                fail("no pane " + w.at(1));
            else if (pane->IsShownOnScreen() != (w.at(2) == "shown"))
                fail(pane->IsShownOnScreen() ? "shown" : "hidden");
        } else if (op ==
                   "expect-drawn-text") {  // expect-drawn-text yes|no: text at this zoom is drawn, not greyed
            if (canvas->draws_text() != (w.at(1) == "yes"))
                fail(std::string(canvas->draws_text() ? "drawn" : "greyed") + " at zoom " +
                     std::to_string(canvas->zoom()));
        } else if (op == "zoom-fit") {
            // A canvas that was just made may not have its size yet: fitting it then fits a 20 px window.
            for (int i = 0; i < 50 && canvas->GetClientSize().x < 100; ++i) {
                wxMilliSleep(10);
                settle();
            }
            canvas->zoom_fit();
        } else if (op == "expect-asserts") {
            if (assert_count() != std::stoi(w.at(1))) fail(std::to_string(assert_count()) + " wx asserts");
        } else if (op == "screenshot") {
            if (!save_screenshot(frame, rest)) fail("screenshot failed");
        } else {
            fail("unknown command");
        }
    }
    settle();
    if (assert_count() > 0) {
        std::fprintf(stderr, "%s: %d wxWidgets assertion(s) failed\n", script_path.c_str(), assert_count());
        ++failures;
    }
    std::printf("self-test: %s\n", failures ? "FAILED" : "passed");
    return failures ? 1 : 0;
}

bool save_screenshot(StudioFrame& frame, const std::string& png_path) {
    frame.Raise();
    frame.Refresh();
    frame.Update();
    settle();
    // GTK redraws native widgets (tab labels, panels) on its frame clock: give it a few frames.
    for (int i = 0; i < 10; ++i) {
        wxMilliSleep(20);
        settle();
    }
    const wxRect rect = frame.GetScreenRect();
    wxBitmap bitmap(rect.width, rect.height, 24);
    {
        wxMemoryDC memory(bitmap);
        wxScreenDC screen;
        memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    }
    wxImage image = bitmap.ConvertToImage();
    // A screen we cannot read comes back uniform; then draw the canvas ourselves.
    bool uniform = true;
    for (int y = 0; y < image.GetHeight() && uniform; y += 7)
        for (int x = 0; x < image.GetWidth() && uniform; x += 7)
            uniform =
                image.GetRed(x, y) == image.GetRed(0, 0) && image.GetGreen(x, y) == image.GetGreen(0, 0);
    Canvas* canvas = frame.canvas();
    if (!canvas) return !uniform && image.SaveFile(wxString::FromUTF8(png_path), wxBITMAP_TYPE_PNG);
    const wxSize size = canvas->GetClientSize();
    wxBitmap off(size.x, size.y, 24);
    {
        wxMemoryDC dc(off);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        canvas->draw(*gc, size);
    }
    if (uniform) {
        image = off.ConvertToImage();
    } else {
        // The canvas as it is now, over what the screen showed (its last paint may still be on the way).
        const wxPoint at = canvas->GetScreenPosition() - rect.GetPosition();
        image.Paste(off.ConvertToImage(), at.x, at.y);
    }
    return image.SaveFile(wxString::FromUTF8(png_path), wxBITMAP_TYPE_PNG);
}

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A grid of labelled rounded rectangles, each joined to its right neighbour: a large but ordinary flowchart.
std::string big_diagram(int shapes) {
    std::ostringstream xml;
    xml << "<mxfile><diagram id=\"bench\" name=\"Bench\"><mxGraphModel><root><mxCell id=\"0\"/>"
           "<mxCell id=\"1\" parent=\"0\"/>";
    const int columns = 100;
    for (int i = 0; i < shapes; ++i) {
        const int x = (i % columns) * 160, y = (i / columns) * 100;
        xml << "<mxCell id=\"v" << i << "\" value=\"Step " << i
            << "\" style=\"rounded=1;whiteSpace=wrap;html=1;fillColor=#dae8fc;strokeColor=#6c8ebf;\" "
               "vertex=\"1\" "
               "parent=\"1\"><mxGeometry x=\""
            << x << "\" y=\"" << y << "\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell>";
        if (i % columns != columns - 1 && i + 1 < shapes)
            xml << "<mxCell id=\"e" << i
                << "\" style=\"endArrow=classic;html=1;\" edge=\"1\" parent=\"1\" source=\"v" << i
                << "\" target=\"v" << i + 1 << "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
    }
    xml << "</root></mxGraphModel></diagram></mxfile>";
    return xml.str();
}

}  // namespace

int run_bench(StudioFrame& frame, int shapes) {
    const std::string path = (wxFileName::GetTempDir() + "/journey-studio-bench.drawio").ToStdString();
    { std::ofstream(path) << big_diagram(shapes); }
    settle();
    // What the user waits for: open the file, lay the window out, render the page, paint it on screen.
    auto start = std::chrono::steady_clock::now();
    if (!frame.open_file(path)) return 2;
    const double read_ms = ms_since(start);
    Canvas* canvas = frame.canvas();
    settle();  // layout and the first paint event
    if (canvas->paints() == 0) {
        canvas->Refresh();
        canvas->Update();  // paints now if the settle did not
    }
    const double first_paint_ms = ms_since(start);
    const wxSize size = canvas->GetClientSize();

    // The parts of it, off screen at the canvas's real size.
    wxBitmap target(std::max(size.x, 100), std::max(size.y, 100), 24);
    auto paint = [&]() {
        wxMemoryDC dc(target);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        canvas->draw(*gc, target.GetSize());
    };
    canvas->document_changed();  // drop the scene, to time rendering alone
    start = std::chrono::steady_clock::now();
    canvas->ensure_scene();
    const double scene_ms = ms_since(start);
    start = std::chrono::steady_clock::now();
    paint();
    const double paint_ms = ms_since(start);

    // A pan frame as the user sees it: move the view, repaint the window on screen, wait for it.
    auto pan_frames = [&](int count, double dx, double dy) {
        std::vector<double> frames;
        for (int i = 0; i < count; ++i) {
            start = std::chrono::steady_clock::now();
            canvas->pan_by(dx, dy);
            canvas->Update();
            frames.push_back(ms_since(start));
        }
        std::sort(frames.begin(), frames.end());
        return frames;
    };
    canvas->set_zoom(1, {0, 0});  // 100%, the usual working zoom: culling leaves a few hundred items
    const auto frames = pan_frames(120, -40, -15);
    canvas->zoom_fit();  // the worst case: all of it visible
    const auto fit_frames = pan_frames(20, -5, 0);
    std::printf("journey-studio bench: %d shapes, %zu display items, canvas %dx%d\n", shapes,
                canvas->item_count(), size.x, size.y);
    std::printf("  open + first paint on screen (read, tabs, render, paint): %8.1f ms\n", first_paint_ms);
    std::printf("    of which reading the file:                             %8.1f ms\n", read_ms);
    std::printf("    rendering the page (render_page + culling boxes):      %8.1f ms\n", scene_ms);
    std::printf("    painting the visible part (off screen):                %8.1f ms\n", paint_ms);
    std::printf("  pan frame at 100%%: median %.2f ms, p95 %.2f ms, max %.2f ms (%zu frames)\n",
                frames[frames.size() / 2], frames[frames.size() * 95 / 100], frames.back(), frames.size());
    std::printf(
        "  pan frame at fit (all %d shapes visible, zoom %.0f%%): median %.2f ms, max %.2f ms (%zu frames)\n",
        shapes, canvas->zoom() * 100, fit_frames[fit_frames.size() / 2], fit_frames.back(),
        fit_frames.size());
    std::remove(path.c_str());
    return 0;
}

}  // namespace jstudio::studio
