#include "core/layout/layered_layout.hpp"

#include <algorithm>
#include <utility>

#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"
#include "core/layout/p2_layers/longest_path_layerer.hpp"
#include "core/layout/p3_order/barycenter_sweep.hpp"
#include "core/layout/p4_place/priority_placer.hpp"
#include "core/layout/p5_route/orthogonal_router.hpp"

namespace jstudio::layout {

LayeredLayout configure(const LayoutOptions&) {
    LayeredLayout layout;
    layout.p1 = std::make_unique<DfsCycleBreaker>();
    layout.p2 = std::make_unique<LongestPathLayerer>();
    layout.p3 = std::make_unique<BarycenterSweep>();
    layout.p4 = std::make_unique<PriorityPlacer>();
    layout.p5 = std::make_unique<OrthogonalRouter>();
    return layout;
}

LayoutOutput LayeredLayout::run(const LayoutInput& input, const LayoutOptions& options) const {
    const bool lr = options.direction == Direction::left_to_right;
    LayoutContext ctx;
    ctx.seed = options.seed;
    ctx.rng.seed(options.seed);
    ctx.order_runs = options.order_runs;
    ctx.node_spacing = options.node_spacing;
    ctx.edge_spacing = options.edge_spacing;
    ctx.layer_spacing = options.layer_spacing;
    ctx.track_spacing = options.track_spacing;
    ctx.lane_padding = options.lane_padding;

    // Direction is a pre/post step: LR lays out the transposed sizes top to bottom.
    LayeredGraph graph;
    // With lanes, nodes outside every lane get one more column after the lanes.
    const bool stray = input.lane_count > 0 && std::any_of(input.nodes.begin(), input.nodes.end(),
                                                           [](const auto& n) { return n.lane < 0; });
    for (auto n : input.nodes) {
        if (input.lane_count > 0 && n.lane < 0) n.lane = input.lane_count;
        const int v = graph.add_node(lr ? n.height : n.width, lr ? n.width : n.height, n.lane);
        graph.nodes[v].center_ports = n.center_ports;
    }
    graph.real_count = static_cast<int>(graph.nodes.size());
    graph.lane_count = std::max(graph.lane_count, input.lane_count + (stray ? 1 : 0));
    for (const auto& e : input.edges) graph.add_edge(e.source, e.target);
    for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e)
        if (graph.is_self_loop(e)) graph.nodes[graph.edges[e].source].right_margin += ctx.edge_spacing;

    LayoutOutput out;
    p1->run(graph, ctx);
    p2->run(graph, ctx);
    graph.split_long_edges();
    out.stats.crossings = p3->run(graph, ctx);
    p4->run(graph, ctx);
    p5->run(graph, ctx);

    const double top = graph.lane_count > 0 ? options.lane_header + options.lane_padding : 0;
    double bottom = 0;
    for (int v = 0; v < graph.real_count; ++v)
        bottom = std::max(bottom, graph.nodes[v].y + graph.nodes[v].height);
    for (const auto& e : graph.edges)
        for (const auto& p : e.points) bottom = std::max(bottom, p.y);
    auto emit = [&](XY p) { return lr ? XY{p.y + top, p.x} : XY{p.x, p.y + top}; };
    for (int v = 0; v < graph.real_count; ++v) {
        const auto& n = graph.nodes[v];
        const XY corner = emit({n.x - n.width / 2, n.y});
        out.nodes.push_back({corner.x, corner.y, lr ? n.height : n.width, lr ? n.width : n.height});
    }
    for (const auto& e : graph.edges) {
        auto& route = out.edges.emplace_back();
        for (const auto& p : e.points) route.push_back(emit(p));
        out.stats.bends += std::max<long>(0, static_cast<long>(route.size()) - 2);
        out.stats.reversed_edges += e.reversed;
    }
    const double length = top + bottom + options.lane_padding;
    for (int lane = 0; lane < static_cast<int>(graph.lane_left.size()); ++lane) {
        const double left = graph.lane_left[lane], width = graph.lane_width[lane];
        out.lanes.push_back(lr ? Box{0, left, length, width} : Box{left, 0, width, length});
    }
    out.stats.layers = static_cast<int>(graph.layers.size());
    out.stats.dummies = static_cast<int>(graph.nodes.size()) - graph.real_count;
    return out;
}

LayoutOutput layered_layout(const LayoutInput& input, const LayoutOptions& options) {
    return configure(options).run(input, options);
}

}  // namespace jstudio::layout
