#pragma once
// The Boost side of NavGraph, for the checks in core/analysis/navigation only.
// A compressed sparse row graph, made from the screens and arcs when a check first asks for it:
// ScreenId::index is the vertex index. Arcs out of a screen keep the order they were added in. On a site map
// of 100,000 screens it takes a third of the memory of an adjacency_list (two small vectors per vertex) and
// is walked in order.
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "core/analysis/navigation/nav_graph.hpp"

namespace jstudio::analysis::navigation::detail {

struct ArcData {
    std::uint32_t link = 0;   // index into the link table
    std::uint32_t order = 0;  // when the arc was added (in-arcs are stored by source, not in that order)
};

using BoostGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, ArcData,
                                                      boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;

struct WalkCache;

struct Access {
    static const BoostGraph& boost_graph(const NavGraph& g);
    static WalkCache& walks(const NavGraph& g);  // kept with the graph, dropped when it changes
};

}  // namespace jstudio::analysis::navigation::detail
