#include "core/analysis/navigation/detail/traversal.hpp"

#include <boost/graph/strong_components.hpp>

namespace jstudio::analysis::navigation::detail {

Distances distances_from(const BoostGraph& g, const std::vector<ScreenId>& sources) {
    const std::size_t n = boost::num_vertices(g);
    Distances d{std::vector<std::uint32_t>(n, unreached), std::vector<std::uint32_t>(n, unreached)};
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    for (ScreenId s : sources)
        if (d.clicks[s.index] == unreached) {
            d.clicks[s.index] = 0;
            d.origin[s.index] = s.index;
            queue.push_back(s.index);
        }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t v = queue[head];
        for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it)
            if (d.clicks[*it] == unreached) {
                d.clicks[*it] = d.clicks[v] + 1;
                d.origin[*it] = d.origin[v];
                queue.push_back(static_cast<std::uint32_t>(*it));
            }
    }
    return d;
}

std::vector<bool> can_reach(const BoostGraph& g, const std::vector<ScreenId>& targets) {
    std::vector<bool> seen(boost::num_vertices(g), false);
    std::vector<Vertex> stack;
    for (ScreenId t : targets)
        if (!seen[t.index]) {
            seen[t.index] = true;
            stack.push_back(t.index);
        }
    while (!stack.empty()) {
        const Vertex v = stack.back();
        stack.pop_back();
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
            const Vertex u = boost::source(*it, g);
            if (!seen[u]) {
                seen[u] = true;
                stack.push_back(u);
            }
        }
    }
    return seen;
}

std::vector<std::uint32_t> strong_components(const BoostGraph& g, std::uint32_t& count) {
    std::vector<std::uint32_t> component(boost::num_vertices(g), 0);
    count = static_cast<std::uint32_t>(boost::strong_components(
        g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g))));
    return component;
}

const Distances& distances_from_entries(const NavGraph& g) {
    WalkCache& cache = Access::walks(g);
    if (!cache.from_entries) cache.from_entries = distances_from(Access::boost_graph(g), g.entries());
    return *cache.from_entries;
}

const Components& strong_components(const NavGraph& g) {
    WalkCache& cache = Access::walks(g);
    if (!cache.components) {
        Components c;
        c.of = strong_components(Access::boost_graph(g), c.count);
        cache.components = std::move(c);
    }
    return *cache.components;
}

}  // namespace jstudio::analysis::navigation::detail
