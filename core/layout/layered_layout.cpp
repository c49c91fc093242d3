#include "core/layout/layered_layout.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"
#include "core/layout/p2_layers/longest_path_layerer.hpp"
#include "core/layout/p2_layers/network_simplex_layerer.hpp"
#include "core/layout/p3_order/barycenter_sweep.hpp"
#include "core/layout/p4_place/brandes_koepf_placer.hpp"
#include "core/layout/p4_place/priority_placer.hpp"
#include "core/layout/p5_route/orthogonal_router.hpp"
#include "core/layout/p6_labels/label_placer.hpp"

namespace jstudio::layout {

LayeredLayout configure(const LayoutOptions& options) {
    LayeredLayout layout;
    layout.p1 = std::make_unique<DfsCycleBreaker>();
    if (options.layering == Layering::longest_path)
        layout.p2 = std::make_unique<LongestPathLayerer>();
    else
        layout.p2 = std::make_unique<NetworkSimplexLayerer>();
    layout.p3 = std::make_unique<BarycenterSweep>();
    if (options.placement == Placement::priority)
        layout.p4 = std::make_unique<PriorityPlacer>();
    else
        layout.p4 = std::make_unique<BrandesKoepfPlacer>();
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
        graph.nodes[v].drawn_across = n.drawn_across;
        graph.nodes[v].drawn_along = n.drawn_along;
        // Transposed with the sizes in LR: page y is across the flow there, page x along it.
        auto& node = graph.nodes[v];
        node.left_margin = lr ? n.margin_top : n.margin_left;
        node.right_margin = lr ? n.margin_bottom : n.margin_right;
        node.top_margin = lr ? n.margin_left : n.margin_top;
        node.bottom_margin = lr ? n.margin_right : n.margin_bottom;
    }
    graph.real_count = static_cast<int>(graph.nodes.size());
    {
        // Rank constraints become groups: each group's first node represents it.
        std::map<std::pair<int, int>, int> reps;  // (kind, id) -> representative
        for (int v = 0; v < graph.real_count; ++v) {
            const auto& n = input.nodes[v];
            std::pair<int, int> group{-1, 0};
            if (n.place == RankPlace::first)
                group = {0, 0};
            else if (n.place == RankPlace::last)
                group = {1, 0};
            else if (n.stage >= 0)
                group = {2, n.stage};
            else if (n.same_rank >= 0)
                group = {3, n.same_rank};
            if (group.first < 0) continue;
            graph.constrained = true;
            const int rep = reps.emplace(group, v).first->second;
            auto& node = graph.nodes[v];
            node.group = rep;
            node.place = group.first == 0 ? -1 : group.first == 1 ? 1 : 0;
            node.stage = group.first == 2 ? n.stage : -1;
        }
    }
    graph.lane_count = std::max(graph.lane_count, input.lane_count + (stray ? 1 : 0));
    for (const auto& e : input.edges) {
        const int id = graph.add_edge(e.source, e.target);
        graph.edges[id].drawn = e.drawn;
        // Several labels of one edge go one after the other along it: room for all of them.
        for (const auto& label : e.labels)
            graph.edges[id].label_extent +=
                (lr ? label.width : label.height) + (graph.edges[id].label_extent > 0 ? ctx.label_margin : 0);
    }
    for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e)
        if (graph.is_self_loop(e)) {
            // The loop runs beside the node; its label goes beside the loop, so that room is kept as well.
            double label = 0;
            for (const auto& size : input.edges[e].labels)
                label = std::max(label, lr ? size.height : size.width);
            graph.nodes[graph.edges[e].source].right_margin += ctx.edge_spacing + (label > 0 ? label + 6 : 0);
        }

    LayoutOutput out;
    auto clock = std::chrono::steady_clock::now();
    auto lap = [&](int phase) {
        const auto now = std::chrono::steady_clock::now();
        out.stats.phase_seconds[phase] = std::chrono::duration<double>(now - clock).count();
        clock = now;
    };
    p1->run(graph, ctx);
    lap(0);
    p2->run(graph, ctx);
    lap(1);
    if (graph.lane_count > 1) {
        // Where a long edge changes lane decides which lanes' lines it crosses; neither gap wins on every
        // graph (bench lane-0100: 62 vs 46 crossings, lane-0300: 557 vs 650), so both are ordered and the
        // fewer crossings kept.
        LayeredGraph first = graph;
        graph.split_long_edges(LayeredGraph::LaneChange::last_gap);
        out.stats.crossings = p3->run(graph, ctx);
        first.split_long_edges(LayeredGraph::LaneChange::first_gap);
        const long crossings = p3->run(first, ctx);
        if (crossings < out.stats.crossings) {
            graph = std::move(first);
            out.stats.crossings = crossings;
        }
    } else {
        graph.split_long_edges();
        out.stats.crossings = p3->run(graph, ctx);
    }
    lap(2);
    p4->run(graph, ctx);
    lap(3);
    p5->run(graph, ctx);
    lap(4);

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
    // Labels last, on the final routes, in page coordinates; the longest first (they have the fewest spots).
    std::vector<LabelRequest> requests;
    std::vector<std::pair<int, int>> owner;
    for (int e = 0; e < static_cast<int>(input.edges.size()); ++e)
        for (int k = 0; k < static_cast<int>(input.edges[e].labels.size()); ++k) {
            const auto& size = input.edges[e].labels[k];
            requests.push_back({e, size.width, size.height});
            owner.emplace_back(e, k);
        }
    std::vector<int> order(requests.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return requests[a].width * requests[a].height > requests[b].width * requests[b].height;
    });
    std::vector<LabelRequest> sorted;
    for (int i : order) sorted.push_back(requests[i]);
    const auto placed = place_edge_labels(out.nodes, out.edges, sorted);
    out.labels.resize(input.edges.size());
    for (std::size_t e = 0; e < input.edges.size(); ++e) out.labels[e].resize(input.edges[e].labels.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto [e, k] = owner[order[i]];
        out.labels[e][k] = placed[i].center;
        (placed[i].clear ? out.stats.labels_clear : out.stats.labels_blocked) += 1;
    }

    lap(5);
    out.stats.layers = static_cast<int>(graph.layers.size());
    out.stats.dummies = static_cast<int>(graph.nodes.size()) - graph.real_count;
    return out;
}

LayoutOutput layered_layout(const LayoutInput& input, const LayoutOptions& options) {
    return configure(options).run(input, options);
}

}  // namespace jstudio::layout
