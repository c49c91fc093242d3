// Orphan: a screen with no link at all.
#include "core/analysis/navigation/checks.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_orphans(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const ScreenId id{v};
        if (g.in_degree(id) > 0 || g.out_degree(id) > 0) continue;
        const Screen& screen = g.screen(id);
        out.push_back(
            Finding{"orphan",
                    s.severity,
                    {screen.cell_id},
                    screen.name() + " has no links at all: nothing leads there and nothing leads on",
                    std::nullopt,
                    {}});
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
