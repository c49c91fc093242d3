// Unreachable: a linked screen no entry leads to. The link to suggest comes from the nearest reachable
// screen on the page, for the screens where the unreachable region begins (no way in at all).
#include <cmath>

#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/traversal.hpp"

namespace jstudio::analysis::navigation {

namespace {

double centre_distance(const diagram::Rect& a, const diagram::Rect& b) {
    return std::hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
}

}  // namespace

std::vector<Finding> find_unreachable(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const auto entries = g.entries();
    if (entries.empty()) return out;
    const auto& d = detail::distances_from_entries(g);
    std::vector<ScreenId> reached;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v)
        if (d.clicks[v] != detail::unreached) reached.push_back(ScreenId{v});
    // Nearest-screen search is quadratic; past this many suggestions, suggest a link from the first entry.
    constexpr std::size_t nearest_budget = 1000;
    std::size_t suggested = 0;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const ScreenId id{v};
        if (d.clicks[v] != detail::unreached || (g.in_degree(id) == 0 && g.out_degree(id) == 0)) continue;
        const Screen& screen = g.screen(id);
        Finding f{"unreachable",
                  s.severity,
                  {screen.cell_id},
                  screen.name() + " cannot be reached: no path leads there from " +
                      g.screen(entries.front()).name(),
                  std::nullopt,
                  {}};
        if (g.in_degree(id) == 0) {
            ScreenId from = entries.front();
            if (suggested++ < nearest_budget) {
                double best = INFINITY;
                for (ScreenId r : reached)
                    if (double dist = centre_distance(g.screen(r).bounds, screen.bounds); dist < best) {
                        best = dist;
                        from = r;
                    }
            }
            f.suggestion = suggest_link(g.screen(from), screen);
            f.message += "; add a link from " + g.screen(from).name();
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
