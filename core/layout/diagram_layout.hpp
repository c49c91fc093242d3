#pragma once
// Lays out a draw.io page with the layered layout: vertices get new positions (sizes kept), edges get an
// orthogonal route (edgeStyle=orthogonalEdgeStyle, exit/entry points, waypoints), swimlanes become columns
// (TB) or rows (LR) in their current order, sized to fit, with their nodes inside. Other containers (groups,
// container=1) are laid out inside first and fit their content, then placed as one box. Cells not laid out
// keep their geometry.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/layout/layered_layout.hpp"
#include "core/layout/page_graph/layout_quality.hpp"

namespace jstudio::layout {

struct DiagramLayoutOptions {
    LayoutOptions layout;
    // The page's lanes choose the direction when it has any: lanes drawn as rows (title on the left,
    // horizontal=0) flow left to right, lanes drawn as columns top to bottom. layout.direction otherwise.
    bool direction_from_lanes = false;
    // The drawing chooses the direction: with lanes, the lanes give the axis and the arrows the sense;
    // without, the mean direction of the arrows between nodes (TB, LR, BT or RL) when it shows one,
    // layout.direction otherwise. `--direction auto` sets both.
    bool direction_from_drawing = false;
    // Bottom to top (with layout.direction top_to_bottom) or right to left (left_to_right): laid out the
    // usual way, then mirrored along the flow.
    bool reverse = false;
    // The arrows run along the lanes' axis, not across it (lanes drawn as columns, the process flowing left
    // to right from one to the next): each lane is one band along the flow, its nodes share a layer per lane
    // in lane order, and the lanes are fitted round them. Set by direction_from_drawing when the arrows show
    // it clearly and the lanes stand alone on the page (no pool), each holding shapes.
    bool lanes_along_flow = false;
    // Called between the steps (0..1, what is being done); returning false cancels the layout, which then
    // leaves the page as it was and returns an error (cancelled).
    std::function<bool(double, std::string_view)> progress;
    // Vertices (or swimlanes, meaning their children) to lay out; empty = every vertex of the page's layers
    // and of the swimlanes in them. Other containers and their contents are left alone.
    std::vector<std::string> cells;
    // Rank constraints by cell id, added to those the cells carry themselves (a `rank` data attribute or
    // style key: `min`/`first`, `max`/`last`, or `same:NAME` for every cell sharing NAME's layer).
    std::vector<std::string> first, last;
    std::vector<std::vector<std::string>> same_rank;
    // Cells with a `stage` data attribute (journey-map steps) share one layer per stage, stages in the order
    // of the page's stage headers (journey-role stage-header) from left to right, else of their cells' mean
    // x.
    bool stage_columns = true;
};

struct DiagramLayoutReport {
    int nodes = 0, edges = 0, lanes = 0, labels = 0, containers = 0;  // containers laid out inside
    Direction direction = Direction::top_to_bottom;                   // the one used
    Flow flow = Flow::top_to_bottom;                                  // the same, with its sense
    LayoutStats stats;
    // Why the page reads as a picture rather than a graph (empty when it is a graph): a whole-page layout
    // found fewer than one arrow between the shapes it laid out for every five of them (floor plans, maps,
    // infographics, wireframes). Moving such shapes into layers loses the only structure they have, their
    // places, so `journey layout` leaves the page as drawn unless forced.
    std::string not_a_graph;
    // Why the laid-out page's regions hold other shapes than the drawing's (empty when each holds the same):
    // the layout would change what the drawing says, so `journey layout` leaves the page as drawn unless
    // forced. Checked on a whole-page layout of a graph.
    std::string regions_changed;
    // The reason to leave the page as drawn: not_a_graph, else regions_changed; empty to keep the layout.
    const std::string& leave_as_drawn() const { return not_a_graph.empty() ? regions_changed : not_a_graph; }
};

// The reason a laid-out page reads as a picture rather than a graph (see DiagramLayoutReport::not_a_graph),
// from the layout's own count of nodes and arrows between them; empty when it is a graph.
std::string picture_not_graph(int nodes, int edges);

// The direction the page's lanes are drawn for (rows: left to right), or `fallback` when it has none.
Direction direction_of_lanes(const diagram::Page& page, Direction fallback);

// Error (bad_reference) when `cells` names a cell the page does not have.
Result<DiagramLayoutReport> layout_page(diagram::Page& page, const DiagramLayoutOptions& options);

}  // namespace jstudio::layout
