#pragma once
// The navigation graph of one draw.io page: screens (or steps) and the links between them.
// Boost.Graph holds it (STYLE.md §2.6); this header includes no Boost, checks reach it through detail/.
#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/navigation/finding.hpp"
#include "core/diagram/geometry.hpp"

namespace jstudio::analysis::navigation {

namespace detail {
struct Access;
}

struct ScreenId {
    std::uint32_t index = 0;
    auto operator<=>(const ScreenId&) const = default;
};

struct Screen {
    std::string cell_id;
    std::string label;      // plain text, HTML stripped; "" when the shape has none
    bool entry = false;     // where users start (marked, start shape, or no way in)
    bool exit = false;      // where users may stop (marked, end shape, or no way on)
    bool decision = false;  // a rhombus / flowchart decision
    diagram::Rect bounds;   // page coordinates, for suggestions and annotations
    std::uint32_t position = SuggestedLink::no_position;  // the cell's index in the page's cells
    std::string name() const;  // "'label'" for messages, or "shape 'id'" when unlabelled
};

// A suggested link between two screens, naming both by id and label.
SuggestedLink suggest_link(const Screen& from, const Screen& to);

// One directed arc. A link drawn with arrows at both ends, or none, is added as two arcs sharing cell_id.
struct Link {
    std::string cell_id;  // the draw.io edge
    bool both_ways = false;
};

struct Arc {
    ScreenId from, to;
    const Link* link;
};

class NavGraph {
  public:
    NavGraph();
    ~NavGraph();
    NavGraph(NavGraph&&) noexcept;
    NavGraph& operator=(NavGraph&&) noexcept;

    // Room for this many screens and links (a page's counts are known before the graph is built).
    void reserve(std::size_t screens, std::size_t links);
    ScreenId add_screen(Screen screen);
    void add_link(ScreenId from, ScreenId to, Link link);  // both_ways adds the reverse arc too

    std::size_t screen_count() const;
    std::size_t arc_count() const;
    const Screen& screen(ScreenId id) const;
    Screen& screen(ScreenId id);
    // Another cell that stands for a screen (a highlight frame, badge or port of it): find() gives the
    // screen.
    void add_alias(std::string cell_id, ScreenId screen);
    std::optional<ScreenId> find(std::string_view cell_id) const;  // a screen's cell or an alias

    std::vector<ScreenId> successors(ScreenId id) const;    // one entry per arc, may repeat
    std::vector<ScreenId> predecessors(ScreenId id) const;  // one entry per arc, may repeat
    std::size_t out_degree(ScreenId id) const;
    std::size_t in_degree(ScreenId id) const;
    std::vector<Arc> arcs() const;

    std::vector<ScreenId> entries() const;
    std::vector<ScreenId> exits() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    friend struct detail::Access;
};

}  // namespace jstudio::analysis::navigation
