#pragma once
// The observed journey drawn as a draw.io flowchart: one box per activity, one arrow per directly-follows
// edge labelled with its count. Placement is a plain layering by first reach from the start activities; the
// real layout engine (core/layout) can re-place it later.
#include "core/diagram/document.hpp"
#include "core/eventlog/discovery.hpp"

namespace jstudio::eventlog {

struct ObservedMapOptions {
    double min_edge_share = 0.0;  // leave out edges carrying less than this share of all arcs (0 = keep all)
};

diagram::Document observed_map(const EventLog& log, const Discovery& found,
                               const ObservedMapOptions& options = {});

}  // namespace jstudio::eventlog
