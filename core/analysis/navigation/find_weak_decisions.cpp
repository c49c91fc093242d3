// Weak decision: a decision shape with fewer distinct ways out than the threshold (default 2).
#include <set>

#include "core/analysis/navigation/checks.hpp"

namespace jstudio::analysis::navigation {

std::vector<Finding> find_weak_decisions(const NavGraph& g, const RuleSettings& s) {
    std::vector<Finding> out;
    const std::size_t minimum = s.threshold < 1 ? 2 : static_cast<std::size_t>(s.threshold);
    for (std::uint32_t v = 0; v < g.screen_count(); ++v) {
        const ScreenId id{v};
        const Screen& screen = g.screen(id);
        if (!screen.decision) continue;
        std::set<ScreenId> ways;
        for (ScreenId w : g.successors(id))
            if (w != id) ways.insert(w);
        if (ways.size() >= minimum) continue;
        out.push_back(Finding{"weak-decision",
                              s.severity,
                              {screen.cell_id},
                              "The decision " + screen.name() + " has " + std::to_string(ways.size()) +
                                  (ways.size() == 1 ? " way" : " ways") + " out; a decision needs at least " +
                                  std::to_string(minimum),
                              std::nullopt,
                              {}});
    }
    return out;
}

}  // namespace jstudio::analysis::navigation
