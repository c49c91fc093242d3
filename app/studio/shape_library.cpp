#include "app/studio/shape_library.hpp"

#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

#include <algorithm>
#include <cmath>

#include "app/studio/canvas.hpp"
#include "app/studio/stencil_catalog.hpp"
#include "core/base/drawio_data.hpp"

namespace jstudio::studio {

const std::vector<LibraryShape>& library_shapes() {
    // Styles as draw.io's own sidebar writes them; journey cards as the journey templates draw them.
    static const std::vector<LibraryShape> shapes = {
        {"General", "Rectangle", "rounded=0;whiteSpace=wrap;html=1;", 120, 60, "", {}},
        {"General", "Rounded Rectangle", "rounded=1;whiteSpace=wrap;html=1;", 120, 60, "", {}},
        {"General", "Ellipse", "ellipse;whiteSpace=wrap;html=1;", 120, 80, "", {}},
        {"General", "Square", "whiteSpace=wrap;html=1;aspect=fixed;", 80, 80, "", {}},
        {"General", "Circle", "ellipse;whiteSpace=wrap;html=1;aspect=fixed;", 80, 80, "", {}},
        {"General", "Triangle", "triangle;whiteSpace=wrap;html=1;", 60, 80, "", {}},
        {"General",
         "Hexagon",
         "shape=hexagon;perimeter=hexagonPerimeter2;whiteSpace=wrap;html=1;fixedSize=1;",
         120,
         80,
         "",
         {}},
        {"General",
         "Cylinder",
         "shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=15;",
         60,
         80,
         "",
         {}},
        {"General", "Cloud", "ellipse;shape=cloud;whiteSpace=wrap;html=1;", 120, 80, "", {}},
        {"General",
         "Note",
         "shape=note;whiteSpace=wrap;html=1;backgroundOutline=1;darkOpacity=0.05;",
         80,
         100,
         "",
         {}},
        {"General",
         "Actor",
         "shape=umlActor;verticalLabelPosition=bottom;verticalAlign=top;html=1;outlineConnect=0;",
         30,
         60,
         "Actor",
         {}},
        {"General", "Text", "text;html=1;align=center;verticalAlign=middle;", 60, 30, "Text", {}},
        {"General", "Container", "swimlane;whiteSpace=wrap;html=1;", 200, 200, "Container", {}},
        {"Flowchart", "Process", "rounded=0;whiteSpace=wrap;html=1;", 120, 60, "", {}},
        {"Flowchart", "Decision", "rhombus;whiteSpace=wrap;html=1;", 80, 80, "", {}},
        {"Flowchart",
         "Terminator",
         "strokeWidth=2;html=1;shape=mxgraph.flowchart.terminator;whiteSpace=wrap;",
         100,
         60,
         "",
         {}},
        {"Flowchart",
         "Data",
         "shape=parallelogram;perimeter=parallelogramPerimeter;whiteSpace=wrap;html=1;fixedSize=1;",
         120,
         60,
         "",
         {}},
        {"Flowchart",
         "Predefined Process",
         "shape=process;whiteSpace=wrap;html=1;backgroundOutline=1;",
         120,
         60,
         "",
         {}},
        {"Flowchart", "Document", "shape=document;whiteSpace=wrap;html=1;boundedLbl=1;", 120, 80, "", {}},
        {"Flowchart", "Manual Input", "shape=manualInput;whiteSpace=wrap;html=1;", 80, 80, "", {}},
        {"Flowchart",
         "Database",
         "shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=15;",
         60,
         80,
         "",
         {}},
        {"Journey",
         "Step",
         "rounded=1;whiteSpace=wrap;html=1;verticalAlign=top;spacing=6;arcSize=8;fontSize=12;fillColor=#"
         "dae8fc;"
         "strokeColor=#6c8ebf;",
         200,
         60,
         "Step",
         {{"journey-role", "step"}}},
        {"Journey",
         "Pain Point",
         "rounded=0;whiteSpace=wrap;html=1;verticalAlign=top;spacing=6;fontSize=12;fillColor=#f8cecc;"
         "strokeColor=#b85450;strokeWidth=2;",
         200,
         60,
         "Pain point",
         {{"journey-role", "pain-point"}}},
        {"Journey",
         "Opportunity",
         "rounded=1;whiteSpace=wrap;html=1;verticalAlign=top;spacing=6;arcSize=8;fontSize=12;fillColor=#"
         "d5e8d4;"
         "strokeColor=#82b366;strokeWidth=2;dashed=1;",
         200,
         60,
         "Opportunity",
         {{"journey-role", "opportunity"}}},
        {"Journey",
         "Emotion",
         "rounded=1;whiteSpace=wrap;html=1;verticalAlign=middle;spacing=6;arcSize=40;fontSize=12;strokeWidth="
         "2;"
         "fillColor=#fff2cc;strokeColor=#1f77b4;",
         160,
         40,
         "Feeling",
         {{"journey-role", "emotion"}, {"emotion", "0"}}},
        {"Journey",
         "Persona",
         "rounded=1;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacing=10;arcSize=4;fillColor=#"
         "ffffff;"
         "strokeWidth=2;strokeColor=#1f77b4;",
         240,
         100,
         "<b>Persona</b>",
         {{"journey-role", "persona"}}},
        {"Journey",
         "Stage",
         "rounded=0;whiteSpace=wrap;html=1;spacing=6;fillColor=#23445d;strokeColor=none;fontColor=#ffffff;"
         "fontStyle=1;",
         230,
         40,
         "Stage",
         {{"journey-role", "stage-header"}}},
        {"Journey",
         "Lane",
         "rounded=0;whiteSpace=wrap;html=1;spacing=6;align=left;fillColor=#dfe6ee;strokeColor=none;fontStyle="
         "1;",
         160,
         120,
         "Lane",
         {{"journey-role", "lane-header"}}},
        {"Journey",
         "Channel Tag",
         "rounded=1;arcSize=50;html=1;fontSize=10;whiteSpace=wrap;spacing=2;fillColor=#ffffff;strokeColor=#"
         "999999;"
         "fontColor=#333333;",
         60,
         20,
         "Web",
         {{"journey-role", "channel-tag"}}},
    };
    return shapes;
}

ShapeLibrary::ShapeLibrary(wxWindow* parent, std::function<void(const LibraryShape&)> insert, DragShape drag)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(220, 400), wxTAB_TRAVERSAL, "shape-library"),
      m_insert(std::move(insert)),
      m_drag(std::move(drag)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_search = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                "shape-search");
    m_search->SetDescriptiveText("Search shapes");
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_NO_HEADER | wxLC_SINGLE_SEL, wxDefaultValidator, "shapes");
    m_list->AppendColumn("Shape", wxLIST_FORMAT_LEFT, 200);
    m_icons = new wxImageList(32, 32, true);
    for (const auto& s : library_shapes()) m_icons->Add(shape_icon(s.style, s.width, s.height, 32));
    m_list->SetImageList(m_icons, wxIMAGE_LIST_SMALL);
    sizer->Add(m_search, 0, wxEXPAND | wxALL, 2);
    sizer->Add(m_list, 1, wxEXPAND);
    SetSizer(sizer);
    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill(); });
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const auto row = static_cast<std::size_t>(e.GetIndex());
        if (row >= m_rows.size() || m_rows[row] == -1) return;
        if (m_rows[row] <= -2) {  // a stencil library's heading: open or close it
            auto& library = m_libraries[static_cast<std::size_t>(-2 - m_rows[row])];
            library.open = !library.open;
            CallAfter([this] { fill(); });  // not under the list's own event
            return;
        }
        const auto index = static_cast<std::size_t>(m_rows[row]);
        m_insert(shape(index));
        remember(index);
    });
    // The stencil libraries are scanned the first time the library is shown (it starts hidden).
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown() && !m_scanned) CallAfter([this] { fill(); });
    });
    // Drag and drop within the application, as draw.io's sidebar: the list holds the mouse from the drag's
    // start, the host is told where the pointer is (it outlines the shape there) and where it is released.
    m_list->Bind(wxEVT_LIST_BEGIN_DRAG, [this](wxListEvent& e) {
        const auto row = static_cast<std::size_t>(e.GetIndex());
        if (row >= m_rows.size() || m_rows[row] < 0 || m_dragging || !m_drag) return;
        m_dragging = static_cast<std::size_t>(m_rows[row]);
        if (!m_list->HasCapture()) m_list->CaptureMouse();
        m_list->SetCursor(wxCursor(wxCURSOR_HAND));
    });
    m_list->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        e.Skip();
        if (m_dragging) m_drag(shape(*m_dragging), m_list->ClientToScreen(e.GetPosition()), DragStep::over);
    });
    m_list->Bind(wxEVT_LEFT_UP, [this](wxMouseEvent& e) {
        e.Skip();
        if (m_dragging) end_drag(m_list->ClientToScreen(e.GetPosition()), DragStep::drop);
    });
    m_list->Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) {
        if (m_dragging) end_drag(wxDefaultPosition, DragStep::cancel);
    });
    m_list->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (m_dragging && e.GetKeyCode() == WXK_ESCAPE)
            end_drag(wxDefaultPosition, DragStep::cancel);
        else
            e.Skip();
    });
    fill();
}

void ShapeLibrary::end_drag(wxPoint screen, DragStep step) {
    const std::size_t shape = *m_dragging;
    m_dragging.reset();
    if (m_list->HasCapture()) m_list->ReleaseMouse();
    m_list->SetCursor(wxNullCursor);
    if (m_drag(this->shape(shape), screen, step) && step == DragStep::drop) remember(shape);
}

void ShapeLibrary::remember(std::size_t shape) {
    std::erase(m_recent, shape);
    m_recent.insert(m_recent.begin(), shape);
    if (m_recent.size() > 6) m_recent.pop_back();
    CallAfter([this] { fill(); });  // not under the list's own event
}

ShapeLibrary::~ShapeLibrary() {
    delete m_icons;
}

const LibraryShape& ShapeLibrary::shape(std::size_t index) const {
    const auto& builtin = library_shapes();
    return index < builtin.size() ? builtin[index] : m_stencils[index - builtin.size()];
}

int ShapeLibrary::icon(std::size_t index) {
    const auto builtin = library_shapes().size();
    if (index < builtin) return static_cast<int>(index);
    int& at = m_icon_of[index - builtin];
    if (at < 0) {
        const auto& s = m_stencils[index - builtin];
        at = m_icons->Add(shape_icon(s.style, s.width, s.height, 32));
    }
    return at;
}

// Every shape of draw.io's stencil libraries, as the sidebar inserts them: the stencil's own size, brought
// within 20..160 px keeping its proportions.
void ShapeLibrary::scan_stencils() {
    m_scanned = true;
    const auto data = drawio_data_dir();
    if (!data) return;
    for (auto& entry : scan_stencil_libraries(*data / "stencils")) {
        if (m_libraries.empty() || m_libraries.back().name != entry.library)
            m_libraries.push_back({entry.library, m_stencils.size(), m_stencils.size(), false});
        const double longest = std::max(entry.width, entry.height),
                     shortest = std::min(entry.width, entry.height);
        const double scale = longest > 160   ? 160 / longest
                             : shortest < 20 ? std::min(20 / shortest, 160 / longest)
                                             : 1;
        m_stencils.push_back({"draw.io " + entry.library,
                              entry.name,
                              "shape=" + entry.key + ";html=1;whiteSpace=wrap;",
                              std::round(entry.width * scale),
                              std::round(entry.height * scale),
                              "",
                              {}});
        m_libraries.back().last = m_stencils.size();
    }
    m_icon_of.assign(m_stencils.size(), -1);
}

void ShapeLibrary::fill() {
    if (!m_scanned && IsShownOnScreen()) scan_stencils();
    const wxString query = m_search->GetValue().Lower().Trim().Trim(false);
    const auto& shapes = library_shapes();
    auto matches = [&](const LibraryShape& s) {
        return query.empty() || wxString::FromUTF8(s.name).Lower().Find(query) != wxNOT_FOUND ||
               wxString::FromUTF8(s.group).Lower().Find(query) != wxNOT_FOUND;
    };
    m_list->Freeze();
    m_list->DeleteAllItems();
    m_rows.clear();
    auto heading = [&](const std::string& group, int row_kind = -1) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(group), -1);
        m_list->SetItemFont(row, m_list->GetFont().Bold());
        m_rows.push_back(row_kind);
    };
    auto add = [&](std::size_t i) {
        m_list->InsertItem(m_list->GetItemCount(), wxString::FromUTF8(shape(i).name), icon(i));
        m_rows.push_back(static_cast<int>(i));
    };
    if (query.empty() && !m_recent.empty()) {
        heading("Recent");
        for (const auto i : m_recent) add(i);
    }
    std::string group;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        if (!matches(shapes[i])) continue;
        if (shapes[i].group != group) heading(group = shapes[i].group);
        add(i);
    }
    // draw.io's libraries: closed headings when not searching, else the shapes found (at most 300 listed).
    std::size_t listed = 0;
    constexpr std::size_t most = 300;
    for (std::size_t k = 0; k < m_libraries.size(); ++k) {
        const auto& library = m_libraries[k];
        const std::string title = "draw.io " + library.name;
        if (query.empty()) {
            heading((library.open ? "- " : "+ ") + title + " (" +
                        std::to_string(library.last - library.first) + ")",
                    -2 - static_cast<int>(k));
            if (library.open)
                for (std::size_t i = library.first; i < library.last; ++i) add(shapes.size() + i);
            continue;
        }
        bool headed = false;
        for (std::size_t i = library.first; i < library.last && listed < most; ++i) {
            if (!matches(m_stencils[i])) continue;
            if (!headed) heading(title), headed = true;
            add(shapes.size() + i);
            ++listed;
        }
    }
    if (listed >= most) heading("... more: search for more of the name");
    m_list->Thaw();
}

}  // namespace jstudio::studio
