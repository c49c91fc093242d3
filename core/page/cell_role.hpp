#pragma once
// What a cell is on a page, and the rule that decided it. The vocabulary every capability reads a page with
// (see page_reading.hpp): check takes nodes and connectors as screens and links, validate and diff take
// journey steps, layout moves decorations with their host.
#include <cstdint>
#include <optional>
#include <string_view>

namespace jstudio::page {

enum class Role : std::uint8_t {
    root,
    layer,
    node,        // a screen, step, process box, decision, start/end
    connector,   // an edge
    edge_label,  // a label cell on an edge
    port,        // a connection point drawn on a shape (relative child)
    decoration,  // attached to a host node: highlight frame, halo, shadow, badge, icon, widget, free label
    region,      // a shape behind nodes that groups them without being a container; separator lines
    container,   // container=1, or a shape that holds linked shapes
    group,       // draw.io's group
    swimlane,    // a swimlane on its own
    pool,        // a swimlane holding swimlanes
    lane,        // a swimlane inside a pool
    title,
    legend,
    note,        // free text, a note shape, a callout that belongs to nothing
    annotation,  // what an --annotate wrote: never content
    hidden,      // visible="0"
    // Journey structure (journey-role metadata, or the stage x lane grid).
    map_title,
    persona,
    scenario,
    stage_header,
    lane_header,
    lane_band,
    step,
    pain_point,
    opportunity,
    emotion,
    emotion_scale,
    emotion_curve,
    channel_tag,
    transition,
    visibility_line,
};

// The rule that gave a cell its role: `journey info --roles` prints it, so a user can see why.
enum class Rule : std::uint8_t {
    structure,         // root, layer
    user_override,     // journey-role attribute or style key naming a role
    journey_metadata,  // journey-role written by `journey new`
    annotation_layer,  // in a layer (or with an id) that an --annotate wrote
    invisible,         // visible="0"
    edge,              // edge="1"
    edge_child,        // a vertex whose parent is an edge
    edge_label_style,  // style edgeLabel
    relative_child,    // relative geometry inside a vertex
    swimlane_style,    // swimlane style (pool: holds swimlanes; lane: inside a pool)
    group_style,       // style group
    container_style,   // container=1
    holds_linked,      // a vertex holding vertices that arrows attach to
    table,             // shape=table: one node, its rows are parts of it
    part_of_node,      // a child of a node with no arrow of its own: a widget, a row, a label
    legend_label,      // labelled "Legend"/"Key", or inside such a box
    text_linked,       // text an arrow attaches to acts as a node
    text_near_shape,   // free text next to a node
    text_near_edge,    // free text next to an edge
    text_above_all,    // free text above every node, or in a large font
    text_alone,        // free text near nothing
    note_shape,        // shape=note / callout near nothing
    separator_line,    // a line or a shape thinner than 6 px
    grid_tile,         // shares a side with a neighbour: a tile of a drawn grid (headers, title bars)
    behind_nodes,      // an unlabelled-or-labelled shape drawn behind two or more shapes it contains
    around_node,       // much larger than the one shape it contains
    frame_over,        // an unlabelled shape over a node of about its size (highlight frame)
    halo_behind,       // an unlabelled shape behind a node of about its size (halo, shadow)
    badge_on,          // a small shape on or at the edge of a larger node (badge, icon, marker)
    journey_grid,      // a plain shape inside a journey map's stage x lane grid is a step
    shape,             // a shape that no other rule claims
};

const char* to_string(Role role);                      // "node", "edge-label", "stage-header", ...
const char* to_string(Rule rule);                      // "frame-over", ...
std::optional<Role> role_from(std::string_view text);  // accepts to_string's names; nullopt otherwise
const char* explain(Rule rule);                        // one sentence for reports

// Journey cards that are steps of the map (a step, a pain point, an opportunity, an emotion).
bool is_journey_card(Role role);
// Cells a user put on the page as content (not structure, annotation or hidden).
bool is_content(Role role);

}  // namespace jstudio::page
