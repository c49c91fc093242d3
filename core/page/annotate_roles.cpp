#include "core/page/annotate_roles.hpp"

#include "core/diagram/annotation_cells.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::page {

namespace {

const char* role_colour(Role r) {
    if (is_journey_card(r) || r == Role::node) return "#1f77b4";
    switch (r) {
        case Role::decoration:
        case Role::port:
        case Role::edge_label:
            return "#ff7f0e";
        case Role::region:
            return "#2ca02c";
        case Role::container:
        case Role::group:
        case Role::swimlane:
        case Role::pool:
        case Role::lane:
            return "#9467bd";
        case Role::title:
        case Role::legend:
        case Role::note:
            return "#8c564b";
        default:
            return "#7f7f7f";
    }
}

}  // namespace

std::size_t annotate_roles(diagram::Page& page) {
    std::vector<diagram::Cell> added;
    {
        const PageReading reading(page);
        const diagram::Cell* root = reading.index().root();
        if (!root) return 0;
        diagram::AnnotationCells make(reading.index(), "jstudio-roles");
        diagram::Cell layer = make.layer(root->id, roles_layer_name);
        const std::string layer_id = layer.id;
        added.push_back(std::move(layer));
        for (std::size_t i = 0; i < reading.size(); ++i) {
            const Role r = reading.role(i);
            const auto& b = reading.bounds(i);
            if (!b || !is_content(r) || page.cells[i].kind != diagram::CellKind::vertex) continue;
            const bool attached = reading.host(i) != PageReading::none;
            const std::string colour = role_colour(r);
            std::string style = "fillColor=none;strokeWidth=2;strokeColor=" + colour + ";";
            if (attached) style += "dashed=1;";
            added.push_back(make.vertex(layer_id, *b, style));
            const std::string tag = std::string(to_string(r)) + " · " + to_string(reading.rule(i));
            added.push_back(make.vertex(layer_id, diagram::Rect{b->x, b->y - 12, 160, 12},
                                        "text;html=1;fontSize=8;align=left;verticalAlign=bottom;spacing=0;"
                                        "fontColor=" +
                                            colour + ";",
                                        tag));
            if (attached && reading.bounds(reading.host(i))) {
                diagram::Cell e;
                e.id = make.new_id("host");
                e.parent = layer_id;
                e.kind = diagram::CellKind::edge;
                e.edge = true;
                e.style =
                    diagram::Style::parse("endArrow=oval;endSize=4;dashed=1;strokeColor=" + colour + ";");
                diagram::Geometry g;
                g.relative = true;
                const auto& h = *reading.bounds(reading.host(i));
                g.source_point = diagram::Point{b->x + b->width / 2, b->y + b->height / 2};
                g.target_point = diagram::Point{h.x + h.width / 2, h.y + h.height / 2};
                e.geometry = g;
                added.push_back(std::move(e));
            }
        }
    }
    const std::size_t count = added.size();
    for (auto& c : added) page.cells.push_back(std::move(c));
    return count;
}

}  // namespace jstudio::page
