// Too deep: more clicks from the nearest entry than the threshold (default 3).
#include <cmath>

#include "core/analysis/navigation/checks.hpp"
#include "core/analysis/navigation/detail/traversal.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_too_deep(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const auto entries = g.entries();
    if (entries.empty()) return out;
    const auto& d = detail::distances_from_entries(g);
    const double limit = std::max(0.0, std::floor(s.threshold));
    auto too_deep = [&](std::uint32_t v) {
        return d.clicks[v] != detail::unreached && double(d.clicks[v]) > limit;
    };
    // On a big site map nearly every screen is too deep: the list is made its exact size.
    std::size_t count = 0;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) count += too_deep(v);
    out.reserve(count);
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        if (!too_deep(v)) continue;
        const Screen& screen = g.screen(ScreenId{v});
        const Screen& entry = g.screen(ScreenId{d.origin[v]});
        out.push_back(Finding{"too-deep",
                              s.severity,
                              {screen.cell_id},
                              screen.name() + " is " + std::to_string(d.clicks[v]) + " clicks from " +
                                  entry.name() + " (more than " + std::to_string(int(limit)) + ")",
                              suggest_link(entry, screen),
                              {}});
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
