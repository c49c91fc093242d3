#pragma once
// The shape library (draw.io's left sidebar): General, Flowchart and Journey shapes, drawn by the shared
// renderer, filtered by a search box; clicking (activating) one inserts it in the middle of the view as one
// undo step, dragging one onto the canvas puts it where it is dropped; either way it goes to the Recent
// group. Journey shapes carry their journey-role, so the page reading takes them for what they are. Below
// them, every library of draw.io's stencils the renderer draws (stencil_catalog.hpp), a heading each that
// opens and closes when activated; a search finds their shapes too. Window names: "shape-search", "shapes".
#include <wx/panel.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class wxListCtrl;
class wxSearchCtrl;
class wxImageList;

namespace jstudio::studio {

struct LibraryShape {
    std::string group, name, style;
    double width, height;
    std::string label;                                      // the text the new shape starts with
    std::vector<std::pair<std::string, std::string>> data;  // custom attributes (journey-role ...)
};

const std::vector<LibraryShape>& library_shapes();

// A shape dragged out of the library: over a point (screen pixels), dropped there, or the drag given up.
enum class DragStep { over, drop, cancel };
// The host's part of a drag: show where the shape would land, insert it on a drop; true when the point is
// somewhere the shape can go (a drop there took it).
using DragShape = std::function<bool(const LibraryShape&, wxPoint screen, DragStep step)>;

class ShapeLibrary : public wxPanel {
  public:
    ShapeLibrary(wxWindow* parent, std::function<void(const LibraryShape&)> insert, DragShape drag);
    ~ShapeLibrary() override;

  private:
    std::function<void(const LibraryShape&)> m_insert;
    DragShape m_drag;
    std::optional<std::size_t> m_dragging;  // the library shape under the mouse since a drag began
    wxSearchCtrl* m_search = nullptr;
    wxListCtrl* m_list = nullptr;
    wxImageList* m_icons = nullptr;  // one per library shape, same order
    // Per list row: a shape (index into library_shapes(), then m_stencils), -1 for a group heading, -2 - k
    // for the heading of stencil library k (activating it opens or closes it).
    std::vector<int> m_rows;
    std::vector<std::size_t> m_recent;     // most recent first
    std::vector<LibraryShape> m_stencils;  // draw.io's stencil libraries, scanned when first shown
    struct StencilLibrary {
        std::string name;
        std::size_t first, last;  // its shapes in m_stencils
        bool open = false;
    };
    std::vector<StencilLibrary> m_libraries;
    bool m_scanned = false;
    std::vector<int> m_icon_of;  // per m_stencils entry: its icon in m_icons, -1 until first listed

    void fill();
    void scan_stencils();
    const LibraryShape& shape(std::size_t index) const;
    int icon(std::size_t index);
    void remember(std::size_t shape);  // to the front of the Recent group
    void end_drag(wxPoint screen, DragStep step);
};

}  // namespace jstudio::studio
