#include "core/layout/p4_place/lane_placement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

double separation(const LayeredGraph& graph, const LayoutContext& ctx, int a, int b) {
    const auto& na = graph.nodes[a];
    const auto& nb = graph.nodes[b];
    const double gap = na.is_dummy() && nb.is_dummy()   ? ctx.edge_spacing
                       : na.is_dummy() || nb.is_dummy() ? std::max(ctx.edge_spacing, ctx.node_spacing / 2)
                                                        : ctx.node_spacing;
    return (na.width + nb.width) / 2 + na.right_margin + nb.left_margin + gap;
}

LaneView::LaneView(const LayeredGraph& graph, int which) : lane(which) {
    for (const auto& layer : graph.layers) {
        layers.emplace_back();
        for (int v : layer)
            if (contains(graph, v)) layers.back().push_back(v);
    }
    above.resize(graph.nodes.size());
    below.resize(graph.nodes.size());
    for (int i = 0; i < static_cast<int>(graph.segments.size()); ++i) {
        const auto& s = graph.segments[i];
        if (!contains(graph, s.upper) || !contains(graph, s.lower)) continue;
        above[s.lower].push_back({s.upper, s.upper_port - s.lower_port, i});
        below[s.upper].push_back({s.lower, s.lower_port - s.upper_port, i});
    }
}

namespace {

constexpr double straight_tolerance = 0.05;

// A long edge's dummies move together to one x (an end's port, or where one of them stands) when all fit
// there and more of the edge's segments run straight than now.
void straighten_chains(LayeredGraph& graph, const LayoutContext& ctx, const LaneView& view) {
    std::vector<int> index(graph.nodes.size(), -1), layer_of(graph.nodes.size(), -1);
    for (int l = 0; l < static_cast<int>(view.layers.size()); ++l)
        for (int i = 0; i < static_cast<int>(view.layers[l].size()); ++i) {
            index[view.layers[l][i]] = i;
            layer_of[view.layers[l][i]] = l;
        }
    auto jog = [](double a, double b) { return std::abs(a - b) < straight_tolerance ? 0 : 1; };
    auto fits = [&](int d, double x) {
        const auto& layer = view.layers[layer_of[d]];
        const int i = index[d];
        if (i > 0 && x < graph.nodes[layer[i - 1]].x + separation(graph, ctx, layer[i - 1], d) - 1e-9)
            return false;
        if (i + 1 < static_cast<int>(layer.size()) &&
            x > graph.nodes[layer[i + 1]].x - separation(graph, ctx, d, layer[i + 1]) + 1e-9)
            return false;
        return true;
    };
    for (const auto& edge : graph.edges) {
        const auto& chain = edge.chain;
        if (chain.empty()) continue;
        bool ours = true;
        for (int d : chain) ours = ours && index[d] >= 0;
        if (!ours) continue;
        // Dynamic programme over the chain: each dummy takes one of the candidate x it fits at (an end's
        // port or where some dummy of the chain stands), fewest jogs in all; kept only if better than now.
        std::vector<double> xs;
        for (int d : chain) xs.push_back(graph.nodes[d].x);
        const auto& first_up = view.above[chain.front()];
        const auto& last_down = view.below[chain.back()];
        const double top =
            first_up.empty() ? xs.front() : graph.nodes[first_up[0].other].x + first_up[0].shift;
        const double bottom =
            last_down.empty() ? xs.back() : graph.nodes[last_down[0].other].x + last_down[0].shift;
        std::vector<double> candidates = xs;
        candidates.push_back(top);
        candidates.push_back(bottom);
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                     [](double a, double b) { return std::abs(a - b) < straight_tolerance; }),
                         candidates.end());
        const int k = static_cast<int>(chain.size()), m = static_cast<int>(candidates.size());
        constexpr int none = 1 << 20;
        std::vector<std::vector<int>> cost(k, std::vector<int>(m, none)), from(k, std::vector<int>(m, -1));
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
        for (int i = k - 1, j = best_j; i >= 0; j = from[i][j], --i) graph.nodes[chain[i]].x = candidates[j];
    }
}

}  // namespace

void straighten(LayeredGraph& graph, const LayoutContext& ctx, const LaneView& view) {
    auto straight_at = [&](int v, double x) {
        int n = 0;
        for (const auto* links : {&view.above[v], &view.below[v]})
            for (const auto& link : *links)
                if (std::abs(graph.nodes[link.other].x + link.shift - x) < straight_tolerance) ++n;
        return n;
    };
    straighten_chains(graph, ctx, view);
    // Each move makes at least one more segment straight than it breaks, so a few rounds settle it.
    for (int round = 0; round < 4; ++round) {
        bool moved = false;
        for (const auto& layer : view.layers)
            for (std::size_t i = 0; i < layer.size(); ++i) {
                const int v = layer[i];
                auto& node = graph.nodes[v];
                const double low = i > 0
                                       ? graph.nodes[layer[i - 1]].x + separation(graph, ctx, layer[i - 1], v)
                                       : std::numeric_limits<double>::lowest();
                const double high = i + 1 < layer.size() ? graph.nodes[layer[i + 1]].x -
                                                               separation(graph, ctx, v, layer[i + 1])
                                                         : std::numeric_limits<double>::max();
                int best = straight_at(v, node.x);
                double best_x = node.x;
                for (const auto* links : {&view.above[v], &view.below[v]})
                    for (const auto& link : *links) {
                        const double x = graph.nodes[link.other].x + link.shift;
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

void place_lanes(LayeredGraph& graph, const LayoutContext& ctx,
                 const std::function<void(const LaneView&)>& place_lane) {
    // [left, right] of a lane's nodes, right margins included.
    auto extent = [&](const LaneView& view) {
        double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
        for (const auto& layer : view.layers)
            for (int v : layer) {
                const auto& n = graph.nodes[v];
                left = std::min(left, n.x - n.width / 2 - n.left_margin);
                right = std::max(right, n.x + n.width / 2 + n.right_margin);
            }
        if (left > right) left = right = 0;
        return std::pair{left, right};
    };
    if (graph.lane_count == 0) {
        const LaneView view(graph, -1);
        place_lane(view);
        const double left = extent(view).first;
        for (auto& n : graph.nodes) n.x -= left;
        return;
    }
    graph.lane_left.assign(graph.lane_count, 0);
    graph.lane_width.assign(graph.lane_count, 0);
    double cursor = 0;
    for (int lane = 0; lane < graph.lane_count; ++lane) {
        const LaneView view(graph, lane);
        place_lane(view);
        const auto [left, right] = extent(view);
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
