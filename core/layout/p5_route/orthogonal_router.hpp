#pragma once
// Orthogonal routing between layers. Nodes of a layer share a band (centred in it); between two bands each
// segment that is not straight gets a horizontal track. Tracks are ordered like ELK's orthogonal router:
// for two segments whose spans overlap, the order that makes fewer crossings with the other's vertical
// pieces goes first; cycles of that relation are broken by DFS and tracks numbered by longest path. The gap
// grows with the number of tracks. Vertical pieces run at ports or through dummies, which placement keeps
// clear of nodes, and horizontal pieces run only in the gaps, so no edge passes through a node.
#include "core/layout/phases.hpp"

namespace jstudio::layout {

struct Span {
    double from = 0, to = 0;  // x where the segment leaves the upper layer and enters the lower one
};
// Track index (0 = topmost) per span; spans that share more than a point never share a track.
std::vector<int> assign_tracks(const std::vector<Span>& spans);

class OrthogonalRouter : public EdgeRouter {
  public:
    std::string_view name() const override { return "orthogonal"; }
    void run(LayeredGraph& graph, LayoutContext& ctx) override;
};

}  // namespace jstudio::layout
