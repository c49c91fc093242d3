#include "core/layout/p5_route/orthogonal_router.hpp"

#include <algorithm>
#include <cmath>

#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"
#include "core/layout/p2_layers/longest_path_layerer.hpp"

namespace jstudio::layout {

namespace {

constexpr double straight_tolerance = 0.05;
constexpr double same_x = 0.5;
constexpr int overlap_cost = 1000;

bool strictly_inside(double x, double a, double b) {
    const double lo = std::min(a, b), hi = std::max(a, b);
    return x > lo + 1e-6 && x < hi - 1e-6;
}

}  // namespace

std::vector<int> assign_tracks(const std::vector<Span>& spans) {
    const int n = static_cast<int>(spans.size());
    std::vector<int> by_left(n);
    for (int i = 0; i < n; ++i) by_left[i] = i;
    auto lo = [&](int i) { return std::min(spans[i].from, spans[i].to); };
    auto hi = [&](int i) { return std::max(spans[i].from, spans[i].to); };
    std::sort(by_left.begin(), by_left.end(),
              [&](int a, int b) { return lo(a) != lo(b) ? lo(a) < lo(b) : a < b; });
    std::vector<std::pair<int, int>> above;  // first is drawn above second
    for (int a = 0; a < n; ++a) {
        const int i = by_left[a];
        for (int b = a + 1; b < n && lo(by_left[b]) <= hi(i) + 1.0; ++b) {
            const int j = by_left[b];
            // i above j: i's lower vertical crosses j's track, j's upper vertical crosses i's track.
            int i_first = strictly_inside(spans[i].to, spans[j].from, spans[j].to) +
                          strictly_inside(spans[j].from, spans[i].from, spans[i].to);
            int j_first = strictly_inside(spans[j].to, spans[i].from, spans[i].to) +
                          strictly_inside(spans[i].from, spans[j].from, spans[j].to);
            // Where one segment's lower vertical and the other's upper vertical share an x, the wrong order
            // makes them run on top of each other: that costs more than any crossing.
            if (std::abs(spans[i].to - spans[j].from) < same_x) i_first += overlap_cost;
            if (std::abs(spans[j].to - spans[i].from) < same_x) j_first += overlap_cost;
            if (i_first <= j_first)
                above.emplace_back(i, j);
            else
                above.emplace_back(j, i);
        }
    }
    const auto back = dfs_back_edges(n, above);
    for (std::size_t e = 0; e < above.size(); ++e)
        if (back[e]) std::swap(above[e].first, above[e].second);
    return longest_path_layers(n, above);
}

void OrthogonalRouter::run(LayeredGraph& graph, LayoutContext& ctx) {
    const int layer_count = static_cast<int>(graph.layers.size());
    // Tracks per gap (gap l lies below layer l).
    std::vector<int> track_of(graph.segments.size(), -1);
    std::vector<int> tracks_in_gap(std::max(0, layer_count - 1), 0);
    for (int l = 0; l + 1 < layer_count; ++l) {
        std::vector<int> ids;
        std::vector<Span> spans;
        for (int v : graph.layers[l])
            for (int s : graph.down[v]) {
                auto& seg = graph.segments[s];
                const double from = graph.nodes[seg.upper].x + seg.upper_port;
                const double to = graph.nodes[seg.lower].x + seg.lower_port;
                if (std::abs(from - to) < straight_tolerance) continue;
                ids.push_back(s);
                spans.push_back({from, to});
            }
        const auto tracks = assign_tracks(spans);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            track_of[ids[i]] = tracks[i];
            tracks_in_gap[l] = std::max(tracks_in_gap[l], tracks[i] + 1);
        }
    }
    // Bands and gaps.
    std::vector<double> band_top(layer_count, 0), band_height(layer_count, 0), gap(layer_count, 0);
    double y = 0;
    for (int l = 0; l < layer_count; ++l) {
        for (int v : graph.layers[l]) band_height[l] = std::max(band_height[l], graph.nodes[v].height);
        band_top[l] = y;
        if (l + 1 < layer_count)
            gap[l] = std::max(ctx.layer_spacing, (tracks_in_gap[l] + 1) * ctx.track_spacing);
        y += band_height[l] + gap[l];
        for (int v : graph.layers[l])
            graph.nodes[v].y = band_top[l] + (band_height[l] - graph.nodes[v].height) / 2;
    }
    auto track_y = [&](int l, int track) {
        const double used = (tracks_in_gap[l] - 1) * ctx.track_spacing;
        return band_top[l] + band_height[l] + (gap[l] - used) / 2 + track * ctx.track_spacing;
    };
    // Segments of each edge, top to bottom.
    std::vector<std::vector<int>> segs_of(graph.edges.size());
    for (int s = 0; s < static_cast<int>(graph.segments.size()); ++s)
        segs_of[graph.segments[s].edge].push_back(s);
    for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e) {
        auto& edge = graph.edges[e];
        edge.points.clear();
        if (graph.is_self_loop(e)) {
            const auto& n = graph.nodes[edge.source];
            int index = 0;  // nest several loops on one node
            for (int f = 0; f < e; ++f)
                if (graph.is_self_loop(f) && graph.edges[f].source == edge.source) ++index;
            const double right = n.x + n.width / 2, out = right + ctx.edge_spacing * (index + 1);
            const double top = n.y + n.height * (0.3 - 0.05 * index),
                         bottom = n.y + n.height * (0.7 + 0.05 * index);
            edge.points = {{right, top}, {out, top}, {out, bottom}, {right, bottom}};
            continue;
        }
        auto& segs = segs_of[e];
        std::sort(segs.begin(), segs.end(), [&](int a, int b) {
            return graph.nodes[graph.segments[a].upper].layer < graph.nodes[graph.segments[b].upper].layer;
        });
        std::vector<XY> pts;
        for (int s : segs) {
            const auto& seg = graph.segments[s];
            const auto& upper = graph.nodes[seg.upper];
            const auto& lower = graph.nodes[seg.lower];
            // Carry the x along a chain so a straight run never jogs by a rounding difference.
            const double from = pts.empty() ? upper.x + seg.upper_port : pts.back().x;
            double to = lower.x + seg.lower_port;
            if (pts.empty()) pts.push_back({from, upper.y + upper.height});
            if (track_of[s] >= 0) {
                const double ty = track_y(upper.layer, track_of[s]);
                pts.push_back({from, ty});
                pts.push_back({to, ty});
            } else {
                to = from;  // straight within tolerance: keep it vertical
            }
            if (!lower.is_dummy()) pts.push_back({to, lower.y});
        }
        // Drop points where the line goes straight on.
        std::vector<XY> clean;
        for (const auto& p : pts) {
            if (!clean.empty() && std::abs(clean.back().x - p.x) < 1e-9 &&
                std::abs(clean.back().y - p.y) < 1e-9)
                continue;
            if (clean.size() >= 2) {
                const auto& a = clean[clean.size() - 2];
                const auto& b = clean.back();
                const bool vertical = std::abs(a.x - b.x) < 1e-9 && std::abs(b.x - p.x) < 1e-9;
                const bool horizontal = std::abs(a.y - b.y) < 1e-9 && std::abs(b.y - p.y) < 1e-9;
                if (vertical || horizontal) clean.pop_back();
            }
            clean.push_back(p);
        }
        if (edge.reversed) std::reverse(clean.begin(), clean.end());
        edge.points = std::move(clean);
    }
}

}  // namespace jstudio::layout
