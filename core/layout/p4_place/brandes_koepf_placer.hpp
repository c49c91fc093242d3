#pragma once
// Brandes & Köpf, "Fast and Simple Horizontal Coordinate Assignment" (GD 2001), as ELK's BKNodePlacer
// extends it: four passes (aligned with the upper or the lower neighbours, compacted to the left or to the
// right) each build blocks of nodes joined through median neighbours (long edges win type-1 conflicts), with
// per-node inner shifts so every segment inside a block runs straight between its two ports; blocks are
// compacted with node widths, and classes of blocks are shifted towards each other through a longest path
// over the class graph (the fix of Brandes, Walter, Zink 2020 to the original class shift). The result is the
// narrowest pass (or the median of the four aligned to it), then greedy straightening.
// Ports and lanes as in PriorityPlacer (assign_ports, place_lanes).
#include "core/layout/p4_place/lane_placement.hpp"
#include "core/layout/phases.hpp"

namespace jstudio::layout {

class BrandesKoepfPlacer : public NodePlacer {
  public:
    // narrowest: the narrowest of the four passes (ELK's choice without balancing); balanced: per node the
    // mean of the two middle x of the four passes (ELK's default; the narrowest pass when that breaks a
    // separation). On the layout bench narrowest + straightening leaves 6270 bends, balanced 6945.
    enum class Choice { narrowest, balanced };
    explicit BrandesKoepfPlacer(Choice choice = Choice::narrowest, bool straighten = true)
        : m_choice(choice), m_straighten(straighten) {}
    std::string_view name() const override { return "brandes-koepf"; }
    void run(LayeredGraph& graph, LayoutContext& ctx) override;

  private:
    Choice m_choice;
    bool m_straighten;
};

}  // namespace jstudio::layout
