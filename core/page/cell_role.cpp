#include "core/page/cell_role.hpp"

#include <array>
#include <utility>

namespace jstudio::page {

namespace {

constexpr std::array<std::pair<Role, const char*>, 33> role_names = {{
    {Role::root, "root"},
    {Role::layer, "layer"},
    {Role::node, "node"},
    {Role::connector, "connector"},
    {Role::edge_label, "edge-label"},
    {Role::port, "port"},
    {Role::decoration, "decoration"},
    {Role::region, "region"},
    {Role::container, "container"},
    {Role::group, "group"},
    {Role::swimlane, "swimlane"},
    {Role::pool, "pool"},
    {Role::lane, "lane"},
    {Role::title, "title"},
    {Role::legend, "legend"},
    {Role::note, "note"},
    {Role::annotation, "annotation"},
    {Role::hidden, "hidden"},
    {Role::map_title, "map-title"},
    {Role::persona, "persona"},
    {Role::scenario, "scenario"},
    {Role::stage_header, "stage-header"},
    {Role::lane_header, "lane-header"},
    {Role::lane_band, "lane-band"},
    {Role::step, "step"},
    {Role::pain_point, "pain-point"},
    {Role::opportunity, "opportunity"},
    {Role::emotion, "emotion"},
    {Role::emotion_scale, "emotion-scale"},
    {Role::emotion_curve, "emotion-curve"},
    {Role::channel_tag, "channel-tag"},
    {Role::transition, "transition"},
    {Role::visibility_line, "visibility-line"},
}};

struct RuleText {
    Rule rule;
    const char* name;
    const char* why;
};

constexpr std::array<RuleText, 31> rule_texts = {{
    {Rule::structure, "structure", "the page's root or a layer"},
    {Rule::user_override, "user-override", "its journey-role attribute or style key says so"},
    {Rule::journey_metadata, "journey-metadata", "journey map metadata (journey-role) says so"},
    {Rule::annotation_layer, "annotation-layer", "written by an --annotate of check, validate or diff"},
    {Rule::invisible, "invisible", "it is hidden (visible=0)"},
    {Rule::edge, "edge", "it is an edge"},
    {Rule::edge_child, "edge-child", "its parent is an edge"},
    {Rule::edge_label_style, "edge-label-style", "its style is edgeLabel"},
    {Rule::relative_child, "relative-child", "it sits at a relative position on its parent shape"},
    {Rule::swimlane_style, "swimlane-style",
     "its style is swimlane (a pool holds swimlanes, a lane sits in one)"},
    {Rule::group_style, "group-style", "its style is group"},
    {Rule::container_style, "container-style", "its style says container=1"},
    {Rule::holds_linked, "holds-linked", "it holds shapes that arrows attach to"},
    {Rule::table, "table", "it is a table: one shape, its rows are parts of it"},
    {Rule::part_of_node, "part-of-node", "it is a child of a node and no arrow attaches to it"},
    {Rule::legend_label, "legend-label", "it is labelled as a legend or key, or sits in one"},
    {Rule::text_linked, "text-linked", "text that an arrow attaches to acts as a node"},
    {Rule::text_near_shape, "text-near-shape", "free text next to a node labels it"},
    {Rule::text_near_edge, "text-near-edge", "free text next to an arrow labels it"},
    {Rule::text_above_all, "text-above-all", "free text above every node or in a large font"},
    {Rule::text_alone, "text-alone", "free text near no node or arrow"},
    {Rule::note_shape, "note-shape", "a note or callout shape"},
    {Rule::separator_line, "separator-line", "a line or a shape thinner than 6 px"},
    {Rule::grid_tile, "grid-tile", "it shares a side with a neighbour, as tiles of a drawn grid do"},
    {Rule::behind_nodes, "behind-nodes", "drawn behind two or more shapes it contains"},
    {Rule::around_node, "around-node", "much larger than the only shape it contains"},
    {Rule::frame_over, "frame-over", "an unlabelled shape over a node of about its size (a highlight frame)"},
    {Rule::halo_behind, "halo-behind",
     "an unlabelled shape behind a node of about its size (a halo or shadow)"},
    {Rule::badge_on, "badge-on", "a small shape on or at the edge of a larger node (a badge or icon)"},
    {Rule::journey_grid, "journey-grid", "a plain shape inside the journey map's stage x lane grid"},
    {Rule::shape, "shape", "a shape no other rule claims"},
}};

const RuleText* find_rule(Rule rule) {
    for (const RuleText& r : rule_texts)
        if (r.rule == rule) return &r;
    return nullptr;
}

}  // namespace

const char* to_string(Role role) {
    for (const auto& [r, name] : role_names)
        if (r == role) return name;
    return "?";
}

const char* to_string(Rule rule) {
    const RuleText* r = find_rule(rule);
    return r ? r->name : "?";
}

const char* explain(Rule rule) {
    const RuleText* r = find_rule(rule);
    return r ? r->why : "";
}

std::optional<Role> role_from(std::string_view text) {
    for (const auto& [r, name] : role_names)
        if (text == name) return r;
    return std::nullopt;
}

bool is_journey_card(Role role) {
    return role == Role::step || role == Role::pain_point || role == Role::opportunity ||
           role == Role::emotion;
}

bool is_content(Role role) {
    switch (role) {
        case Role::root:
        case Role::layer:
        case Role::annotation:
        case Role::hidden:
            return false;
        default:
            return true;
    }
}

}  // namespace jstudio::page
