#include "core/layout/p4_place/priority_placer.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace jstudio::layout {

namespace {

class LanePlacer {
  public:
    LanePlacer(LayeredGraph& g, const LayoutContext& ctx, const LaneView& view)
        : m_g(g), m_ctx(ctx), m_layers(view.layers), m_above(view.above), m_below(view.below) {}

    void place() {
        for (const auto& layer : m_layers) {
            double x = 0;
            for (std::size_t i = 0; i < layer.size(); ++i) {
                if (i > 0) x += separation(layer[i - 1], layer[i]);
                m_g.nodes[layer[i]].x = x;
            }
        }
        const int count = static_cast<int>(m_layers.size());
        for (int round = 0; round < 3; ++round) {
            for (int l = 1; l < count; ++l) place_layer(m_layers[l], true, false);
            for (int l = count - 2; l >= 0; --l) place_layer(m_layers[l], false, true);
        }
        // Last pass down: dummies follow the node above (long edges straight), real nodes balance both sides.
        for (int l = 0; l < count; ++l) place_layer(m_layers[l], true, true);
        for (int l = 1; l < count; ++l) place_layer(m_layers[l], true, false, true);
    }

  private:
    double separation(int a, int b) const { return layout::separation(m_g, m_ctx, a, b); }

    void place_layer(const std::vector<int>& layer, bool use_above, bool use_below,
                     bool dummies_only = false) {
        const int k = static_cast<int>(layer.size());
        if (k == 0) return;
        std::vector<double> desired(k, 0);
        std::vector<double> priority(k, -1);
        for (int i = 0; i < k; ++i) {
            const int v = layer[i];
            if (dummies_only && !m_g.nodes[v].is_dummy()) continue;
            double sum = 0;
            int n = 0;
            if (use_above)
                for (const auto& link : m_above[v]) sum += m_g.nodes[link.other].x + link.shift, ++n;
            if (use_below)
                for (const auto& link : m_below[v]) sum += m_g.nodes[link.other].x + link.shift, ++n;
            if (n == 0) continue;
            desired[i] = sum / n;
            priority[i] = m_g.nodes[v].is_dummy() ? 1e9 : n;
        }
        std::vector<int> order(k);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return priority[a] > priority[b]; });
        std::vector<char> fixed(k, 0);
        auto x = [&](int i) -> double& { return m_g.nodes[layer[i]].x; };
        for (int i : order) {
            if (priority[i] < 0) break;
            const double want = desired[i];
            if (want < x(i)) {
                double room = std::numeric_limits<double>::max(), slack = 0;
                for (int j = i - 1; j >= 0; --j) {
                    slack += x(j + 1) - x(j) - separation(layer[j], layer[j + 1]);
                    if (fixed[j]) {
                        room = slack;
                        break;
                    }
                }
                x(i) -= std::max(0.0, std::min(x(i) - want, room));
                for (int j = i - 1; j >= 0; --j) {
                    const double limit = x(j + 1) - separation(layer[j], layer[j + 1]);
                    if (x(j) <= limit) break;
                    x(j) = limit;
                }
            } else if (want > x(i)) {
                double room = std::numeric_limits<double>::max(), slack = 0;
                for (int j = i + 1; j < k; ++j) {
                    slack += x(j) - x(j - 1) - separation(layer[j - 1], layer[j]);
                    if (fixed[j]) {
                        room = slack;
                        break;
                    }
                }
                x(i) += std::max(0.0, std::min(want - x(i), room));
                for (int j = i + 1; j < k; ++j) {
                    const double limit = x(j - 1) + separation(layer[j - 1], layer[j]);
                    if (x(j) >= limit) break;
                    x(j) = limit;
                }
            }
            fixed[i] = 1;
        }
    }

    LayeredGraph& m_g;
    const LayoutContext& m_ctx;
    const std::vector<std::vector<int>>& m_layers;
    const std::vector<std::vector<Link>>&m_above, &m_below;
};

}  // namespace

void PriorityPlacer::run(LayeredGraph& graph, LayoutContext& ctx) {
    assign_ports(graph);
    place_lanes(graph, ctx, [&](const LaneView& view) {
        LanePlacer(graph, ctx, view).place();
        straighten(graph, ctx, view);
    });
}

}  // namespace jstudio::layout
