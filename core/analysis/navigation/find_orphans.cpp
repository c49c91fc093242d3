// Orphan: a screen with no link at all, on a page where other screens are linked.
#include "core/analysis/navigation/checks.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_orphans(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    // A page without a single link is not a flow (an illustration, or arrows drawn but never attached): one
    // finding says so instead of one per shape.
    if (g.arc_count() == 0) {
        if (g.screen_count() > 1)
            out.push_back(
                Finding{"orphan",
                        s.severity,
                        {},
                        "no shape on this page is linked to another (" + std::to_string(g.screen_count()) +
                            " shapes, 0 attached arrows): draw arrows from shape to shape so that they "
                            "attach, or this is not a flow to check",
                        std::nullopt,
                        {}});
        return out;
    }
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
