#include "core/analysis/navigation/nav_graph.hpp"

#include <algorithm>
#include <deque>
#include <vector>

#include "core/analysis/navigation/detail/boost_nav_graph.hpp"
#include "core/analysis/navigation/detail/traversal.hpp"

namespace jstudio::analysis::navigation {

namespace {

// Screens and aliases by cell id: an open-addressing table of screen indexes (a screen's own id is read from
// the screen) with the hash kept beside each slot, so a probe touches a screen only when the hashes agree.
// A hash map of strings cost more memory than the screens themselves on a site map of 100,000 screens.
class CellTable {
  public:
    static constexpr std::uint32_t empty = UINT32_MAX;
    static constexpr std::uint32_t alias_bit = 0x80000000u;

    void reserve(std::size_t keys) {
        std::size_t want = 16;
        while (want < keys * 2) want *= 2;
        if (want > m_slots.size()) rehash(want);
    }
    // key: a screen index, or alias_bit | alias index.
    void insert(std::uint32_t key, std::size_t hash) {
        if ((m_used + 1) * 2 > m_slots.size()) rehash(std::max<std::size_t>(16, m_slots.size() * 2));
        place(key, hash);
        ++m_used;
    }
    template <class IdOf>
    std::uint32_t find(std::string_view id, std::size_t hash, IdOf id_of) const {
        if (m_slots.empty()) return empty;
        const std::size_t mask = m_slots.size() - 1;
        const auto tag = static_cast<std::uint32_t>(hash >> 32 ^ hash);
        for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
            if (m_slots[s].key == empty) return empty;
            if (m_slots[s].tag == tag && id_of(m_slots[s].key) == id) return m_slots[s].key;
        }
    }

  private:
    struct Slot {
        std::uint32_t key = empty, tag = 0;
        std::size_t hash = 0;
    };
    void place(std::uint32_t key, std::size_t hash) {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t s = hash & mask;
        while (m_slots[s].key != empty) s = (s + 1) & mask;
        m_slots[s] = Slot{key, static_cast<std::uint32_t>(hash >> 32 ^ hash), hash};
    }
    void rehash(std::size_t size) {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(size, Slot{});
        for (const Slot& slot : old)
            if (slot.key != empty) place(slot.key, slot.hash);
    }
    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

std::size_t hash_id(std::string_view id) {
    return std::hash<std::string_view>{}(id);
}

}  // namespace

struct NavGraph::Impl {
    std::vector<Screen> screens;
    struct ArcRecord {
        std::uint32_t from, to, link;
    };
    std::vector<ArcRecord> arcs;  // in the order they were added
    std::deque<Link> links;       // deque: Arc::link pointers stay valid while links are added
    std::vector<std::pair<std::string, std::uint32_t>> aliases;  // cell id, screen
    CellTable by_cell;
    mutable std::optional<detail::BoostGraph> graph;  // made on first use after a change
    mutable detail::WalkCache walks;

    std::string_view id_of(std::uint32_t key) const {
        return key & CellTable::alias_bit ? std::string_view(aliases[key & ~CellTable::alias_bit].first)
                                          : std::string_view(screens[key].cell_id);
    }
    std::uint32_t screen_of(std::uint32_t key) const {
        return key & CellTable::alias_bit ? aliases[key & ~CellTable::alias_bit].second : key;
    }
    void changed() {
        graph.reset();
        walks = {};
    }
    const detail::BoostGraph& boost_graph() const {
        if (!graph) {
            std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
            std::vector<detail::ArcData> data;
            ends.reserve(arcs.size());
            data.reserve(arcs.size());
            for (std::size_t i = 0; i < arcs.size(); ++i) {
                ends.emplace_back(arcs[i].from, arcs[i].to);
                data.push_back(detail::ArcData{arcs[i].link, static_cast<std::uint32_t>(i)});
            }
            graph.emplace(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), data.begin(),
                          static_cast<std::uint32_t>(screens.size()));
        }
        return *graph;
    }
};

std::string Screen::name() const {
    if (!label.empty()) return "'" + label + "'";
    return "shape '" + cell_id + "'";
}

SuggestedLink suggest_link(const Screen& from, const Screen& to) {
    return SuggestedLink{from.cell_id, to.cell_id, from.position, to.position};
}

NavGraph::NavGraph() : m_impl(std::make_unique<Impl>()) {}
NavGraph::~NavGraph() = default;
NavGraph::NavGraph(NavGraph&&) noexcept = default;
NavGraph& NavGraph::operator=(NavGraph&&) noexcept = default;

void NavGraph::reserve(std::size_t screens, std::size_t links) {
    m_impl->screens.reserve(screens);
    m_impl->arcs.reserve(links * 2);
    m_impl->by_cell.reserve(screens);
}

ScreenId NavGraph::add_screen(Screen screen) {
    m_impl->changed();
    const std::size_t hash = hash_id(screen.cell_id);
    const auto v = static_cast<std::uint32_t>(m_impl->screens.size());
    m_impl->screens.push_back(std::move(screen));
    m_impl->by_cell.insert(v, hash);
    return ScreenId{v};
}

void NavGraph::add_link(ScreenId from, ScreenId to, Link link) {
    m_impl->changed();
    const bool both = link.both_ways;
    auto index = static_cast<std::uint32_t>(m_impl->links.size());
    m_impl->links.push_back(std::move(link));
    m_impl->arcs.push_back({from.index, to.index, index});
    if (both) m_impl->arcs.push_back({to.index, from.index, index});
}

std::size_t NavGraph::screen_count() const {
    return m_impl->screens.size();
}
std::size_t NavGraph::arc_count() const {
    return m_impl->arcs.size();
}
const Screen& NavGraph::screen(ScreenId id) const {
    return m_impl->screens[id.index];
}
Screen& NavGraph::screen(ScreenId id) {
    m_impl->walks = {};  // the caller may change entry or exit
    return m_impl->screens[id.index];
}

void NavGraph::add_alias(std::string cell_id, ScreenId screen) {
    const std::size_t hash = hash_id(cell_id);
    // The first claim on an id wins, as it did in a map.
    if (m_impl->by_cell.find(cell_id, hash, [&](std::uint32_t k) { return m_impl->id_of(k); }) !=
        CellTable::empty)
        return;
    m_impl->aliases.emplace_back(std::move(cell_id), screen.index);
    m_impl->by_cell.insert(CellTable::alias_bit | static_cast<std::uint32_t>(m_impl->aliases.size() - 1),
                           hash);
}

std::optional<ScreenId> NavGraph::find(std::string_view cell_id) const {
    const std::uint32_t key =
        m_impl->by_cell.find(cell_id, hash_id(cell_id), [&](std::uint32_t k) { return m_impl->id_of(k); });
    if (key == CellTable::empty) return std::nullopt;
    return ScreenId{m_impl->screen_of(key)};
}

std::vector<ScreenId> NavGraph::successors(ScreenId id) const {
    const auto& g = m_impl->boost_graph();
    std::vector<ScreenId> out;
    for (auto [it, end] = boost::adjacent_vertices(id.index, g); it != end; ++it)
        out.push_back(ScreenId{*it});
    return out;
}

std::vector<ScreenId> NavGraph::predecessors(ScreenId id) const {
    const auto& g = m_impl->boost_graph();
    std::vector<std::pair<std::uint32_t, ScreenId>> arcs;  // in the order the arcs were added
    for (auto [it, end] = boost::in_edges(id.index, g); it != end; ++it)
        arcs.emplace_back(g[*it].order, ScreenId{boost::source(*it, g)});
    std::sort(arcs.begin(), arcs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ScreenId> out;
    out.reserve(arcs.size());
    for (const auto& a : arcs) out.push_back(a.second);
    return out;
}

std::size_t NavGraph::out_degree(ScreenId id) const {
    return boost::out_degree(id.index, m_impl->boost_graph());
}
std::size_t NavGraph::in_degree(ScreenId id) const {
    return boost::in_degree(id.index, m_impl->boost_graph());
}

std::vector<Arc> NavGraph::arcs() const {
    std::vector<Arc> out;
    out.reserve(m_impl->arcs.size());
    for (const auto& a : m_impl->arcs)
        out.push_back(Arc{ScreenId{a.from}, ScreenId{a.to}, &m_impl->links[a.link]});
    return out;
}

std::vector<ScreenId> NavGraph::entries() const {
    std::vector<ScreenId> out;
    for (std::uint32_t v = 0; v < screen_count(); ++v)
        if (m_impl->screens[v].entry) out.push_back(ScreenId{v});
    return out;
}

std::vector<ScreenId> NavGraph::exits() const {
    std::vector<ScreenId> out;
    for (std::uint32_t v = 0; v < screen_count(); ++v)
        if (m_impl->screens[v].exit) out.push_back(ScreenId{v});
    return out;
}

const detail::BoostGraph& detail::Access::boost_graph(const NavGraph& g) {
    return g.m_impl->boost_graph();
}

detail::WalkCache& detail::Access::walks(const NavGraph& g) {
    return g.m_impl->walks;
}

}  // namespace jstudio::analysis::navigation
