#include "core/layout/layered_graph.hpp"

#include <algorithm>
#include <climits>
#include <iterator>
#include <map>

namespace jstudio::layout {

int LayeredGraph::add_node(double width, double height, int lane) {
    LayeredNode node;
    node.width = width;
    node.height = height;
    node.lane = lane;
    nodes.push_back(node);
    if (lane >= lane_count) lane_count = lane + 1;
    return static_cast<int>(nodes.size()) - 1;
}

int LayeredGraph::add_edge(int source, int target) {
    LayeredEdge edge;
    edge.source = source;
    edge.target = target;
    edges.push_back(edge);
    return static_cast<int>(edges.size()) - 1;
}

void LayeredGraph::build_layers() {
    int count = 0;
    for (const auto& n : nodes) count = std::max(count, n.layer + 1);
    layers.assign(count, {});
    for (int v = 0; v < static_cast<int>(nodes.size()); ++v)
        if (nodes[v].layer >= 0) layers[nodes[v].layer].push_back(v);
}

void LayeredGraph::split_long_edges(LaneChange change) {
    segments.clear();
    for (int e = 0; e < static_cast<int>(edges.size()); ++e) {
        if (!is_layered(e)) continue;
        auto& edge = edges[e];
        edge.chain.clear();
        int prev = edge.upper();
        const int last = edge.lower();
        const int lane = change == LaneChange::last_gap ? nodes[prev].lane : nodes[last].lane;
        for (int layer = nodes[prev].layer + 1; layer < nodes[last].layer; ++layer) {
            const int d = add_node(0, 0, lane);
            nodes[d].layer = layer;
            nodes[d].edge = e;
            layers[layer].push_back(d);
            edges[e].chain.push_back(d);
            segments.push_back({prev, d, e});
            prev = d;
        }
        segments.push_back({prev, last, e});
    }
    down.assign(nodes.size(), {});
    up.assign(nodes.size(), {});
    for (int s = 0; s < static_cast<int>(segments.size()); ++s) {
        down[segments[s].upper].push_back(s);
        up[segments[s].lower].push_back(s);
    }
}

std::vector<std::pair<int, int>> LayeredGraph::layering_pairs() const {
    std::vector<std::pair<int, int>> pairs;
    for (int e = 0; e < static_cast<int>(edges.size()); ++e)
        if (is_layered(e)) pairs.emplace_back(rep(edges[e].upper()), rep(edges[e].lower()));
    std::map<int, int> stages;  // stage -> representative
    for (int v = 0; v < real_count; ++v)
        if (nodes[v].stage >= 0) stages.emplace(nodes[v].stage, rep(v));
    for (auto it = stages.begin(); it != stages.end() && std::next(it) != stages.end(); ++it)
        pairs.emplace_back(it->second, std::next(it)->second);
    return pairs;
}

void LayeredGraph::apply_layers(std::vector<int> layer) {
    // First and last groups stand alone on their layer (as dot's rank=source|sink): the others move off it.
    // Feasible because p1 made the first group a source and the last a sink.
    // The others start on the layer right after the first group's (not one further down: a start node that
    // is the only source was on the layer above its successors already, and an extra layer there only
    // lengthens its edges).
    bool first = false;
    int low_other = INT_MAX;
    for (int v = 0; v < real_count; ++v) {
        first |= nodes[rep(v)].place < 0;
        if (nodes[rep(v)].place >= 0) low_other = std::min(low_other, layer[rep(v)]);
    }
    const int shift = first && low_other != INT_MAX ? 1 - low_other : 0;
    int last = 0;
    for (int v = 0; v < real_count; ++v)
        if (nodes[rep(v)].place == 0) last = std::max(last, layer[rep(v)] + shift);
    for (int v = 0; v < real_count; ++v) {
        const int r = rep(v);
        nodes[v].layer = nodes[r].place < 0 ? 0 : nodes[r].place > 0 ? last + 1 : layer[r] + shift;
    }
    // First/last moves can empty layers at either end: renumber without gaps at the ends.
    int low = INT_MAX;
    for (int v = 0; v < real_count; ++v) low = std::min(low, nodes[v].layer);
    for (int v = 0; v < real_count; ++v) nodes[v].layer -= low;
    build_layers();
}

std::vector<int> LayeredGraph::positions() const {
    std::vector<int> pos(nodes.size(), -1);
    for (const auto& layer : layers)
        for (int i = 0; i < static_cast<int>(layer.size()); ++i) pos[layer[i]] = i;
    return pos;
}

}  // namespace jstudio::layout
