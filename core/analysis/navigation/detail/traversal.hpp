#pragma once
// Breadth-first walks the checks share: forwards from the entries, backwards from a set of screens.
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "core/analysis/navigation/detail/boost_nav_graph.hpp"

namespace jstudio::analysis::navigation::detail {

inline constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

struct Distances {
    std::vector<std::uint32_t> clicks;  // per screen, unreached when no source leads there
    std::vector<std::uint32_t> origin;  // the nearest source, unreached when none
};

// Shortest click counts from the given screens, following links forwards.
Distances distances_from(const BoostGraph& g, const std::vector<ScreenId>& sources);
// Screens from which one of targets can be reached (targets included), following links backwards.
std::vector<bool> can_reach(const BoostGraph& g, const std::vector<ScreenId>& targets);
// Strong component per screen, and the number of components.
std::vector<std::uint32_t> strong_components(const BoostGraph& g, std::uint32_t& count);

struct Components {
    std::vector<std::uint32_t> of;  // per screen
    std::uint32_t count = 0;
};

// The walks several checks share, made once per graph: distances from the graph's entries, and its strong
// components. On a site map of 100,000 screens four rules each walked from the entries.
const Distances& distances_from_entries(const NavGraph& g);
const Components& strong_components(const NavGraph& g);

struct WalkCache {
    std::optional<Distances> from_entries;
    std::optional<Components> components;
};

}  // namespace jstudio::analysis::navigation::detail
