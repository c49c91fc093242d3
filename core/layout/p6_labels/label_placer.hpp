#pragma once
// Edge labels placed after routing: each label goes on (or beside) a segment of its own route, where it
// overlaps no node and no label placed before it, crosses as few other edges as it can, and sits near the
// edge's source (where a decision's "yes"/"no" is read). Works in page coordinates, any direction.
#include <vector>

#include "core/layout/layered_layout.hpp"

namespace jstudio::layout {

struct LabelRequest {
    int edge = 0;  // index into the routes
    double width = 0, height = 0;
};

struct LabelPlacement {
    XY center;           // the label box's centre
    bool clear = false;  // overlaps no node and no other label
};

struct LabelPlacerOptions {
    double clearance = 2;  // kept free around nodes and between labels
    double gap = 3;        // between a segment and a label placed beside it
};

// One placement per request, in request order (earlier requests are placed first and win contested spots).
std::vector<LabelPlacement> place_edge_labels(const std::vector<Box>& nodes,
                                              const std::vector<std::vector<XY>>& routes,
                                              const std::vector<LabelRequest>& requests,
                                              const LabelPlacerOptions& options = {});

// Does the box overlap (by more than `slack` px both ways) another box?
bool boxes_overlap(const Box& a, const Box& b, double slack = 0.5);

}  // namespace jstudio::layout
