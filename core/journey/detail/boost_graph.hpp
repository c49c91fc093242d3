#pragma once
// Only core/journey and core/analysis include this. vecS: StepId is the vertex index.
#include <boost/graph/adjacency_list.hpp>

#include "core/journey/journey_graph.hpp"

namespace jstudio::journey::detail {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Step, Transition>;

struct Access {
    static const BoostGraph& boost_graph(const JourneyGraph& graph);
    static BoostGraph& boost_graph(JourneyGraph& graph);
};

}  // namespace jstudio::journey::detail
