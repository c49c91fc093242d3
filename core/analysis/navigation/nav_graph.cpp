#include "core/analysis/navigation/nav_graph.hpp"

#include <deque>
#include <unordered_map>

#include "core/analysis/navigation/detail/boost_nav_graph.hpp"

namespace jstudio::analysis::navigation {

namespace {
// Lets find() look a string_view up without building a std::string per call.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
};
}  // namespace

struct NavGraph::Impl {
    detail::BoostGraph graph;
    std::deque<Link> links;  // deque: Arc::link pointers stay valid while links are added
    std::unordered_map<std::string, std::uint32_t, IdHash, std::equal_to<>> by_cell;
};

std::string Screen::name() const {
    if (!label.empty()) return "'" + label + "'";
    return "shape '" + cell_id + "'";
}

NavGraph::NavGraph() : m_impl(std::make_unique<Impl>()) {}
NavGraph::~NavGraph() = default;
NavGraph::NavGraph(NavGraph&&) noexcept = default;
NavGraph& NavGraph::operator=(NavGraph&&) noexcept = default;

ScreenId NavGraph::add_screen(Screen screen) {
    auto key = screen.cell_id;
    auto v = static_cast<std::uint32_t>(boost::add_vertex(std::move(screen), m_impl->graph));
    m_impl->by_cell.emplace(std::move(key), v);
    return ScreenId{v};
}

void NavGraph::add_link(ScreenId from, ScreenId to, Link link) {
    const bool both = link.both_ways;
    auto index = static_cast<std::uint32_t>(m_impl->links.size());
    m_impl->links.push_back(std::move(link));
    boost::add_edge(from.index, to.index, detail::ArcData{index}, m_impl->graph);
    if (both) boost::add_edge(to.index, from.index, detail::ArcData{index}, m_impl->graph);
}

std::size_t NavGraph::screen_count() const {
    return boost::num_vertices(m_impl->graph);
}
std::size_t NavGraph::arc_count() const {
    return boost::num_edges(m_impl->graph);
}
const Screen& NavGraph::screen(ScreenId id) const {
    return m_impl->graph[id.index];
}
Screen& NavGraph::screen(ScreenId id) {
    return m_impl->graph[id.index];
}

void NavGraph::add_alias(std::string cell_id, ScreenId screen) {
    m_impl->by_cell.emplace(std::move(cell_id), screen.index);
}

std::optional<ScreenId> NavGraph::find(std::string_view cell_id) const {
    auto it = m_impl->by_cell.find(cell_id);
    if (it == m_impl->by_cell.end()) return std::nullopt;
    return ScreenId{it->second};
}

std::vector<ScreenId> NavGraph::successors(ScreenId id) const {
    std::vector<ScreenId> out;
    for (auto [it, end] = boost::adjacent_vertices(id.index, m_impl->graph); it != end; ++it)
        out.push_back(ScreenId{static_cast<std::uint32_t>(*it)});
    return out;
}

std::vector<ScreenId> NavGraph::predecessors(ScreenId id) const {
    std::vector<ScreenId> out;
    for (auto [it, end] = boost::in_edges(id.index, m_impl->graph); it != end; ++it)
        out.push_back(ScreenId{static_cast<std::uint32_t>(boost::source(*it, m_impl->graph))});
    return out;
}

std::size_t NavGraph::out_degree(ScreenId id) const {
    return boost::out_degree(id.index, m_impl->graph);
}
std::size_t NavGraph::in_degree(ScreenId id) const {
    return boost::in_degree(id.index, m_impl->graph);
}

std::vector<Arc> NavGraph::arcs() const {
    std::vector<Arc> out;
    out.reserve(arc_count());
    for (auto [it, end] = boost::edges(m_impl->graph); it != end; ++it)
        out.push_back(Arc{ScreenId{static_cast<std::uint32_t>(boost::source(*it, m_impl->graph))},
                          ScreenId{static_cast<std::uint32_t>(boost::target(*it, m_impl->graph))},
                          &m_impl->links[m_impl->graph[*it].link]});
    return out;
}

std::vector<ScreenId> NavGraph::entries() const {
    std::vector<ScreenId> out;
    for (std::uint32_t v = 0; v < screen_count(); ++v)
        if (m_impl->graph[v].entry) out.push_back(ScreenId{v});
    return out;
}

std::vector<ScreenId> NavGraph::exits() const {
    std::vector<ScreenId> out;
    for (std::uint32_t v = 0; v < screen_count(); ++v)
        if (m_impl->graph[v].exit) out.push_back(ScreenId{v});
    return out;
}

const detail::BoostGraph& detail::Access::boost_graph(const NavGraph& g) {
    return g.m_impl->graph;
}

}  // namespace jstudio::analysis::navigation
