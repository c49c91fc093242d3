#include "core/analysis/navigation/annotate_findings.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_set>

#include "core/diagram/annotation_cells.hpp"
#include "core/diagram/page_index.hpp"
#include "core/render/page_renderer.hpp"
#include "core/text/xml_escape.hpp"

namespace jstudio::analysis::navigation {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::Geometry;
using diagram::Rect;
using diagram::Style;

const char* colour(Severity s) {
    switch (s) {
        case Severity::error:
            return "#D32F2F";
        case Severity::warning:
            return "#F57C00";
        case Severity::info:
            return "#1976D2";
    }
    return "#000000";
}
constexpr const char* suggestion_colour = "#2E7D32";

struct Highlight {
    Severity severity = Severity::info;
    std::vector<std::string> rules, messages;
};

Rect grow(Rect r, double by) {
    return Rect{r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

}  // namespace

std::size_t annotate_page(diagram::Page& page, const std::vector<Finding>& findings) {
    if (findings.empty()) return 0;
    std::vector<Cell> added;
    {
        const diagram::PageIndex idx(page);
        const Cell* root = idx.root();
        if (!root) return 0;
        diagram::AnnotationCells make(idx, "jstudio-nav");

        std::vector<std::string> order;
        std::map<std::string, Highlight> marks;
        for (const Finding& f : findings)
            for (const std::string& id : f.cells) {
                auto [it, fresh] = marks.try_emplace(id);
                if (fresh) order.push_back(id);
                Highlight& h = it->second;
                h.severity = std::max(h.severity, f.severity);
                if (std::find(h.rules.begin(), h.rules.end(), f.rule) == h.rules.end())
                    h.rules.push_back(f.rule);
                h.messages.push_back(f.message);
            }

        Cell layer;
        layer.id = make.new_id("layer");
        layer.parent = root->id;
        layer.kind = CellKind::layer;
        layer.value = findings_layer_name;
        diagram::AnnotationCells::mark_as_annotation(layer);
        const std::string layer_id = layer.id;
        added.push_back(std::move(layer));

        std::optional<std::map<std::string, std::vector<diagram::Point>>> routes;  // rendered on first need
        for (const std::string& id : order) {
            const Cell* cell = idx.find(id);
            if (!cell) continue;
            const Highlight& h = marks[id];
            std::string tip, badge;
            for (const std::string& m : h.messages) tip += (tip.empty() ? "" : "\n") + m;
            for (const std::string& r : h.rules) badge += (badge.empty() ? "" : ", ") + r;
            if (cell->kind == CellKind::vertex) {
                auto bounds = idx.absolute_bounds(id);
                if (!bounds) continue;
                Cell box = make.vertex(
                    layer_id, grow(*bounds, 6),
                    std::string("rounded=1;arcSize=8;fillColor=none;strokeWidth=3;pointerEvents=0;"
                                "connectable=0;strokeColor=") +
                        colour(h.severity) + ";");
                box.set_data("tooltip", tip);
                added.push_back(std::move(box));
                added.push_back(
                    make.vertex(layer_id, Rect{bounds->x - 6, bounds->y - 26, 240, 18},
                                std::string("text;html=1;align=left;verticalAlign=bottom;fontSize=10;"
                                            "fontStyle=1;connectable=0;fontColor=") +
                                    colour(h.severity) + ";",
                                text::xml_escape(badge, text::html_from_text)));
            } else if (cell->kind == CellKind::edge) {
                // Along the route draw.io draws (orthogonal bends, perimeter points), not the straight
                // centre-to-centre line, so the highlight covers the arrow it is about.
                if (!routes) {
                    routes.emplace();
                    for (render::SceneEdge& e : render::render_page(page).edges)
                        routes->emplace(e.cell_id, std::move(e.points));
                }
                auto routed = routes->find(id);
                const auto line = routed != routes->end() ? routed->second : idx.edge_polyline(id);
                if (line.size() < 2) continue;
                Cell shadow;
                shadow.id = make.new_id("mark");
                shadow.parent = layer_id;
                shadow.kind = CellKind::edge;
                shadow.edge = true;
                shadow.value = text::xml_escape(badge, text::html_from_text);
                shadow.style =
                    Style::parse(std::string("endArrow=none;html=1;strokeWidth=8;opacity=35;fontSize=10;"
                                             "fontStyle=1;strokeColor=") +
                                 colour(h.severity) + ";fontColor=" + colour(h.severity) + ";");
                shadow.set_data("tooltip", tip);
                shadow.geometry = Geometry{};
                shadow.geometry->relative = true;
                shadow.geometry->source_point = line.front();
                shadow.geometry->target_point = line.back();
                shadow.geometry->waypoints.assign(line.begin() + 1, line.end() - 1);
                shadow.geometry->offset = diagram::Point{0, -14};  // the badge above the arrow's own label
                added.push_back(std::move(shadow));
            }
        }
        for (const Finding& f : findings)
            for (const diagram::Point& p : f.markers)
                added.push_back(make.vertex(
                    layer_id, Rect{p.x - 8, p.y - 8, 16, 16},
                    std::string("ellipse;fillColor=none;strokeWidth=2;connectable=0;strokeColor=") +
                        colour(f.severity) + ";"));

        // Suggested links, once per pair of screens, for warnings and errors only: info findings (too deep,
        // bottleneck) on a long flow would otherwise bury the drawing under dashed shortcuts.
        std::set<std::pair<std::string, std::string>> pairs;
        std::vector<Cell> links;
        for (const Finding& f : findings) {
            if (!f.suggestion || f.severity == Severity::info || !idx.find(f.suggestion->from_cell) ||
                !idx.find(f.suggestion->to_cell))
                continue;
            if (!pairs.emplace(f.suggestion->from_cell, f.suggestion->to_cell).second) continue;
            Cell link;
            link.id = make.new_id("link");
            link.kind = CellKind::edge;
            link.edge = true;
            link.source = f.suggestion->from_cell;
            link.target = f.suggestion->to_cell;
            link.value = "";
            link.style =
                Style::parse(std::string("endArrow=classic;html=1;dashed=1;strokeWidth=2;strokeColor=") +
                             suggestion_colour + ";");
            link.set_data("tooltip", "suggested by " + f.rule + ": " + f.message);
            link.geometry = Geometry{};
            link.geometry->relative = true;
            links.push_back(std::move(link));
        }

        const diagram::Point corner = make.legend_corner(page);  // right of everything on the page
        std::string legend = "<b>Navigation check</b><br>";
        for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
            std::size_t n = 0;
            for (const Finding& f : findings) n += f.severity == s;
            legend += std::string("<font color=\"") + colour(s) + "\">&#9634; " + to_string(s) +
                      "</font>: " + std::to_string(n) + "<br>";
        }
        legend += std::string("<font color=\"") + suggestion_colour +
                  "\">- - &gt; suggested link</font>: " + std::to_string(links.size()) +
                  "<br><i>Hover a highlight for details. Hide or delete the layers \"" + findings_layer_name +
                  "\" and \"" + suggestions_layer_name + "\" to remove all of this.</i>";
        added.push_back(make.vertex(layer_id, Rect{corner.x, corner.y, 240, 150},
                                    "rounded=0;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacing=8;"
                                    "fillColor=#FFFFFF;strokeColor=#666666;fontSize=11;connectable=0;",
                                    legend));

        if (!links.empty()) {
            Cell layer2;
            layer2.id = make.new_id("layer");
            layer2.parent = root->id;
            layer2.kind = CellKind::layer;
            layer2.value = suggestions_layer_name;
            diagram::AnnotationCells::mark_as_annotation(layer2);
            for (Cell& l : links) l.parent = layer2.id;
            added.push_back(std::move(layer2));
            for (Cell& l : links) added.push_back(std::move(l));
        }
    }
    const std::size_t count = added.size();
    for (Cell& c : added) page.cells.push_back(std::move(c));
    return count;
}

}  // namespace jstudio::analysis::navigation
