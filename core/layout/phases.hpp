#pragma once
// One interface per layered-layout phase (OGDF modules, ELK phases). A strategy is a class in its phase's
// folder; configure() in layered_layout.cpp is the one place that picks them.
#include <string_view>

#include "core/layout/layered_graph.hpp"

namespace jstudio::layout {

class CycleBreaker {
  public:
    virtual ~CycleBreaker() = default;
    virtual std::string_view name() const = 0;
    // Post: marks edges reversed so that upper() -> lower() is acyclic (self-loops ignored).
    virtual void run(LayeredGraph& graph, LayoutContext& ctx) = 0;
};

class Layerer {
  public:
    virtual ~Layerer() = default;
    virtual std::string_view name() const = 0;
    // Post: every real node has a layer, layer(upper()) < layer(lower()) for every edge; layers built.
    virtual void run(LayeredGraph& graph, LayoutContext& ctx) = 0;
};

class CrossingMinimizer {
  public:
    virtual ~CrossingMinimizer() = default;
    virtual std::string_view name() const = 0;
    // Pre: long edges split. Post: each layer is a permutation of itself (lanes contiguous, in lane order).
    // Returns the crossings of the order it keeps.
    virtual long run(LayeredGraph& graph, LayoutContext& ctx) = 0;
};

class NodePlacer {
  public:
    virtual ~NodePlacer() = default;
    virtual std::string_view name() const = 0;
    // Post: ports set on segments, x set on every node, no two nodes of a layer overlap (order kept).
    virtual void run(LayeredGraph& graph, LayoutContext& ctx) = 0;
};

class EdgeRouter {
  public:
    virtual ~EdgeRouter() = default;
    virtual std::string_view name() const = 0;
    // Post: y set on every node; every edge has orthogonal points from its source port to its target port.
    virtual void run(LayeredGraph& graph, LayoutContext& ctx) = 0;
};

}  // namespace jstudio::layout
