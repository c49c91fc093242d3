#include "core/layout/p4_place/priority_placer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace jstudio::layout {

void assign_ports(LayeredGraph& graph) {
    const auto pos = graph.positions();
    auto spread = [&](int v, std::vector<int> segs, bool bottom) {
        const auto& node = graph.nodes[v];
        std::stable_sort(segs.begin(), segs.end(), [&](int a, int b) {
            const auto& sa = graph.segments[a];
            const auto& sb = graph.segments[b];
            return bottom ? pos[sa.lower] < pos[sb.lower] : pos[sa.upper] < pos[sb.upper];
        });
        const double k = static_cast<double>(segs.size());
        for (std::size_t i = 0; i < segs.size(); ++i) {
            const double offset =
                node.is_dummy() || node.center_ports ? 0.0 : ((i + 1) / (k + 1) - 0.5) * node.width;
            (bottom ? graph.segments[segs[i]].upper_port : graph.segments[segs[i]].lower_port) = offset;
        }
    };
    for (int v = 0; v < static_cast<int>(graph.nodes.size()); ++v) {
        spread(v, graph.down[v], true);
        spread(v, graph.up[v], false);
    }
}

namespace {

struct Link {
    int other;
    double shift;  // x(this) should be x(other) + shift for a straight segment
};

class LanePlacer {
  public:
    LanePlacer(LayeredGraph& g, const LayoutContext& ctx, int lane) : m_g(g), m_ctx(ctx), m_lane(lane) {
        for (const auto& layer : g.layers) {
            m_layers.emplace_back();
            for (int v : layer)
                if (lane < 0 || g.nodes[v].lane == lane) m_layers.back().push_back(v);
        }
        m_above.resize(g.nodes.size());
        m_below.resize(g.nodes.size());
        for (const auto& s : g.segments) {
            if (!in_lane(s.upper) || !in_lane(s.lower)) continue;
            m_above[s.lower].push_back({s.upper, s.upper_port - s.lower_port});
            m_below[s.upper].push_back({s.lower, s.lower_port - s.upper_port});
        }
    }

    // Returns [left, right] of the placed nodes.
    std::pair<double, double> place() {
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
        straighten();
        double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
        for (const auto& layer : m_layers)
            for (int v : layer) {
                const auto& n = m_g.nodes[v];
                left = std::min(left, n.x - n.width / 2);
                right = std::max(right, n.x + n.width / 2 + n.right_margin);
            }
        if (left > right) left = right = 0;
        return {left, right};
    }

  private:
    // Greedy straightening: a node moves (inside the room its layer neighbours leave) to the x where the most
    // of its segments run straight, if that is more than now. Orders and ports stay, so crossings do too;
    // each move removes at least two bends.
    void straighten() {
        auto straight_at = [&](int v, double x) {
            int n = 0;
            for (const auto* links : {&m_above[v], &m_below[v]})
                for (const auto& link : *links)
                    if (std::abs(m_g.nodes[link.other].x + link.shift - x) < 0.05) ++n;
            return n;
        };
        straighten_chains();
        for (int round = 0; round < 4; ++round) {
            bool moved = false;
            for (const auto& layer : m_layers)
                for (std::size_t i = 0; i < layer.size(); ++i) {
                    const int v = layer[i];
                    auto& node = m_g.nodes[v];
                    const double low = i > 0 ? m_g.nodes[layer[i - 1]].x + separation(layer[i - 1], v)
                                             : std::numeric_limits<double>::lowest();
                    const double high = i + 1 < layer.size()
                                            ? m_g.nodes[layer[i + 1]].x - separation(v, layer[i + 1])
                                            : std::numeric_limits<double>::max();
                    int best = straight_at(v, node.x);
                    double best_x = node.x;
                    for (const auto* links : {&m_above[v], &m_below[v]})
                        for (const auto& link : *links) {
                            const double x = m_g.nodes[link.other].x + link.shift;
                            if (x < low - 1e-9 || x > high + 1e-9) continue;
                            const int n = straight_at(v, x);
                            if (n > best) best = n, best_x = x;
                        }
                    if (best_x != node.x) {
                        node.x = best_x;
                        moved = true;
                    }
                }
            if (!moved) break;
        }
    }

    // A long edge's dummies move together to one x (an end's port, or where one of them stands) when all fit
    // there and more of the edge's segments run straight than now.
    void straighten_chains() {
        std::vector<int> index(m_g.nodes.size(), -1), layer_of(m_g.nodes.size(), -1);
        for (int l = 0; l < static_cast<int>(m_layers.size()); ++l)
            for (int i = 0; i < static_cast<int>(m_layers[l].size()); ++i) {
                index[m_layers[l][i]] = i;
                layer_of[m_layers[l][i]] = l;
            }
        for (const auto& edge : m_g.edges) {
            const auto& chain = edge.chain;
            if (chain.empty()) continue;
            bool ours = true;
            for (int d : chain) ours = ours && index[d] >= 0;
            if (!ours) continue;
            // Dynamic programme over the chain: each dummy takes one of the candidate x it fits at (an end's
            // port or where some dummy of the chain stands), fewest jogs in all; kept only if better than
            // now.
            std::vector<double> xs;
            for (int d : chain) xs.push_back(m_g.nodes[d].x);
            const double top = m_above[chain.front()].empty() ? xs.front()
                                                              : m_g.nodes[m_above[chain.front()][0].other].x +
                                                                    m_above[chain.front()][0].shift;
            const double bottom =
                m_below[chain.back()].empty()
                    ? xs.back()
                    : m_g.nodes[m_below[chain.back()][0].other].x + m_below[chain.back()][0].shift;
            std::vector<double> candidates = xs;
            candidates.push_back(top);
            candidates.push_back(bottom);
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                         [](double a, double b) { return std::abs(a - b) < 0.05; }),
                             candidates.end());
            const int k = static_cast<int>(chain.size()), m = static_cast<int>(candidates.size());
            auto jog = [](double a, double b) { return std::abs(a - b) < 0.05 ? 0 : 1; };
            auto fits = [&](int d, double x) {
                const auto& layer = m_layers[layer_of[d]];
                const int i = index[d];
                if (i > 0 && x < m_g.nodes[layer[i - 1]].x + separation(layer[i - 1], d) - 1e-9) return false;
                if (i + 1 < static_cast<int>(layer.size()) &&
                    x > m_g.nodes[layer[i + 1]].x - separation(d, layer[i + 1]) + 1e-9)
                    return false;
                return true;
            };
            constexpr int none = 1 << 20;
            std::vector<std::vector<int>> cost(k, std::vector<int>(m, none)),
                from(k, std::vector<int>(m, -1));
            for (int j = 0; j < m; ++j)
                if (fits(chain[0], candidates[j])) cost[0][j] = jog(top, candidates[j]);
            for (int i = 1; i < k; ++i)
                for (int j = 0; j < m; ++j) {
                    if (!fits(chain[i], candidates[j])) continue;
                    for (int p = 0; p < m; ++p)
                        if (cost[i - 1][p] < none &&
                            cost[i - 1][p] + jog(candidates[p], candidates[j]) < cost[i][j]) {
                            cost[i][j] = cost[i - 1][p] + jog(candidates[p], candidates[j]);
                            from[i][j] = p;
                        }
                }
            int best_j = -1, best = none;
            for (int j = 0; j < m; ++j)
                if (cost[k - 1][j] < none && cost[k - 1][j] + jog(candidates[j], bottom) < best)
                    best = cost[k - 1][j] + jog(candidates[j], bottom), best_j = j;
            int current = jog(top, xs.front()) + jog(xs.back(), bottom);
            for (int i = 1; i < k; ++i) current += jog(xs[i - 1], xs[i]);
            if (best_j < 0 || best >= current) continue;
            for (int i = k - 1, j = best_j; i >= 0; j = from[i][j], --i)
                m_g.nodes[chain[i]].x = candidates[j];
        }
    }

    bool in_lane(int v) const { return m_lane < 0 || m_g.nodes[v].lane == m_lane; }

    double separation(int a, int b) const {
        const auto& na = m_g.nodes[a];
        const auto& nb = m_g.nodes[b];
        const double gap = na.is_dummy() && nb.is_dummy() ? m_ctx.edge_spacing
                           : na.is_dummy() || nb.is_dummy()
                               ? std::max(m_ctx.edge_spacing, m_ctx.node_spacing / 2)
                               : m_ctx.node_spacing;
        return (na.width + nb.width) / 2 + na.right_margin + gap;
    }

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
    int m_lane;
    std::vector<std::vector<int>> m_layers;
    std::vector<std::vector<Link>> m_above, m_below;
};

}  // namespace

void PriorityPlacer::run(LayeredGraph& graph, LayoutContext& ctx) {
    assign_ports(graph);
    if (graph.lane_count == 0) {
        const auto [left, right] = LanePlacer(graph, ctx, -1).place();
        (void)right;
        for (auto& n : graph.nodes) n.x -= left;
        return;
    }
    graph.lane_left.assign(graph.lane_count, 0);
    graph.lane_width.assign(graph.lane_count, 0);
    double cursor = 0;
    for (int lane = 0; lane < graph.lane_count; ++lane) {
        const auto [left, right] = LanePlacer(graph, ctx, lane).place();
        const double content = right - left;
        const double width = std::max(ctx.lane_min_width, content + 2 * ctx.lane_padding);
        const double shift = cursor + (width - content) / 2 - left;
        for (auto& n : graph.nodes)
            if (n.lane == lane) n.x += shift;
        graph.lane_left[lane] = cursor;
        graph.lane_width[lane] = width;
        cursor += width;
    }
}

}  // namespace jstudio::layout
