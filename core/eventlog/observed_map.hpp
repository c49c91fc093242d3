#pragma once
// The observed journey drawn as a draw.io flowchart: one box per activity, one arrow per directly-follows
// edge labelled with its count, placed by the layered layout of core/layout.
#include "core/diagram/document.hpp"
#include "core/eventlog/discovery.hpp"
#include "core/layout/layered_layout.hpp"

namespace jstudio::eventlog {

struct ObservedMapOptions {
    double min_edge_share = 0.0;  // leave out edges carrying less than this share of all arcs (0 = keep all)
    layout::Direction direction = layout::Direction::top_to_bottom;
};

diagram::Document observed_map(const EventLog& log, const Discovery& found,
                               const ObservedMapOptions& options = {});

}  // namespace jstudio::eventlog
