#pragma once
// Importer, first step: what the page reading (core/page) says about the cells for the layout, taken once
// before any pass moves them: the cells that are not laid out (decorations, regions, titles, legends, notes,
// annotations), the host of each decoration, and the nodes each region groups.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/diagram/document.hpp"

namespace jstudio::layout {

struct PageRoles {
    std::unordered_set<std::string> fixed;
    std::unordered_map<std::string, std::string> host;  // decoration -> the node it belongs to
    struct Region {
        std::string id;
        std::vector<std::string> members;
        double left = 0, top = 0, right = 0, bottom = 0;  // margins round the members
        // Drawn across containers: none of the shapes behind it is its sibling (a security group over the
        // instances of two subnets, a loop frame across lifelines). It cannot hold them as a container;
        // it fits round them where they went, so they stay behind it.
        bool across = false;
    };
    std::vector<Region> regions;
    std::vector<std::pair<std::string, diagram::Rect>> host_before;    // hosts of moved decorations
    std::unordered_map<std::string, diagram::Rect> decoration_before;  // their decorations, page coordinates
    // Decorations that are shapes on their host (a badge or socket on its border, a frame over it, a halo
    // behind it), not text beside it: the layout keeps other nodes clear of what they reach past the host.
    std::unordered_set<std::string> on_host;
    // Groups and containers (not swimlanes, not tables) with no arrow between two of the shapes they hold:
    // a box with its icon and caption, a card with a badge. Their content is a picture, not a flow: the
    // layout moves each as one box and keeps its content where the author drew it.
    std::unordered_set<std::string> rigid;
    // Regions with a caption in their top band (the text follows the region): how far down from the
    // region's top the caption reaches, kept clear when the region is laid out round its members.
    std::unordered_map<std::string, double> caption_band;
    // Regions laid out as containers round their members (group_regions).
    std::unordered_set<std::string> grouped;
    // Edges with an end not glued to anything (a point): the shape that end touches as drawn (on its border
    // or inside it, within a few pixels; the smallest such node, group, container or region), by edge id,
    // source then target ("" for none or a glued end). Read once from the drawing, so the passes that move
    // and resize containers before the page is laid out do not change what an arrow's loose end belongs to.
    std::unordered_map<std::string, std::pair<std::string, std::string>> loose_ends;
};

PageRoles page_roles(const diagram::Page& page);

// A page not drawn yet: most of its vertices (at least three) stacked at one point, as a generated graph
// written with every vertex at 0,0. Boxes stacked like that contain each other by accident, so the page
// reading's regions, decorations and notes mean nothing there: every vertex is a node.
bool stacked_page(const diagram::Page& page);

}  // namespace jstudio::layout
