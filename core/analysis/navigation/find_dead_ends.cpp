// Dead end: a screen users can arrive at but not leave, and which is not an exit.
#include "core/analysis/navigation/checks.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_dead_ends(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const auto entries = g.entries();
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const ScreenId id{v};
        const Screen& screen = g.screen(id);
        if (screen.exit || g.out_degree(id) > 0 || g.in_degree(id) == 0) continue;
        Finding f{
            "dead-end",
            s.severity,
            {screen.cell_id},
            screen.name() + " is a dead end: users arrive here but no link leads on, and it is not an exit",
            std::nullopt,
            {}};
        // Back to the screen they came from is the usual fix; the entry when that is the same.
        const ScreenId back = g.predecessors(id).front();
        if (back != id) {
            f.suggestion = suggest_link(screen, g.screen(back));
            f.message += "; add a link back to " + g.screen(back).name();
        } else if (!entries.empty() && entries.front() != id) {
            f.suggestion = suggest_link(screen, g.screen(entries.front()));
            f.message += "; add a link to " + g.screen(entries.front()).name();
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
