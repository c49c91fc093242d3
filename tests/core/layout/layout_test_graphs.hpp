#pragma once
// Seeded graph families shared by the layout tests: flowchart-like graphs with loops, and layered DAGs.
#include <random>
#include <string>
#include <vector>

#include "core/layout/layered_layout.hpp"

namespace jstudio::test {

inline layout::LayoutInput random_layout_graph(int nodes, int extra_edges, unsigned seed, int lanes = 0) {
    std::mt19937 rng(seed);
    layout::LayoutInput in;
    in.lane_count = lanes;
    for (int v = 0; v < nodes; ++v) {
        layout::NodeSpec n;
        n.width = 60 + rng() % 120;
        n.height = 30 + rng() % 70;
        n.center_ports = rng() % 5 == 0;
        n.lane = lanes > 0 ? static_cast<int>(rng() % lanes) : -1;
        in.nodes.push_back(n);
        if (v > 0) in.edges.push_back({static_cast<int>(rng() % v), v});  // a spanning tree from node 0
    }
    for (int e = 0; e < extra_edges; ++e)  // forward, backward (loops) and self edges
        in.edges.push_back({static_cast<int>(rng() % nodes), static_cast<int>(rng() % nodes)});
    return in;
}

inline std::vector<std::pair<std::string, layout::LayoutInput>> layout_graph_family(int lanes = 0) {
    std::vector<std::pair<std::string, layout::LayoutInput>> family;
    for (unsigned seed = 1; seed <= 4; ++seed)
        for (int n : {2, 7, 25, 80})
            family.emplace_back("n" + std::to_string(n) + "-s" + std::to_string(seed),
                                random_layout_graph(n, n / 2 + 1, seed, lanes));
    return family;
}

}  // namespace jstudio::test
