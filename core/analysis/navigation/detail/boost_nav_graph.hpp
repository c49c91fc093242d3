#pragma once
// The Boost side of NavGraph, for the checks in core/analysis/navigation only.
// vecS: ScreenId::index is the vertex index; the graph is built once per page and never edited.
#include <boost/graph/adjacency_list.hpp>

#include "core/analysis/navigation/nav_graph.hpp"

namespace jstudio::analysis::navigation::detail {

struct ArcData {
    std::uint32_t link = 0;  // index into the link table
};

// The arcs in a vector too (not the default list): one allocation instead of one per arc.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Screen, ArcData,
                                         boost::no_property, boost::vecS>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;

struct WalkCache;

struct Access {
    static const BoostGraph& boost_graph(const NavGraph& g);
    static WalkCache& walks(const NavGraph& g);  // kept with the graph, dropped when it changes
};

}  // namespace jstudio::analysis::navigation::detail
