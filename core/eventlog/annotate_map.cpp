#include "core/eventlog/annotate_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>

#include "core/diagram/annotation_cells.hpp"
#include "core/diagram/page_index.hpp"
#include "core/eventlog/stage_measures.hpp"

namespace jstudio::eventlog {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::Geometry;
using diagram::Point;
using diagram::Rect;
using diagram::Style;

constexpr const char* volume_colour = "#1565C0";
constexpr const char* drop_colour = "#C62828";
constexpr const char* stall_colour = "#EF6C00";
constexpr const char* unexpected_colour = "#8E24AA";

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
    return buf;
}

std::string days_text(double seconds) {
    char buf[32];
    if (seconds >= 86400)
        std::snprintf(buf, sizeof buf, "%.1f d", seconds / 86400);
    else
        std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600);
    return buf;
}

std::string cases_text(std::uint64_t n) {
    return std::to_string(n) + (n == 1 ? " case" : " cases");
}

// The point halfway along a polyline.
Point midpoint(const std::vector<Point>& line) {
    double total = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    double left = total / 2;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double len = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (len >= left && len > 0) {
            const double t = left / len;
            return {line[i - 1].x + (line[i].x - line[i - 1].x) * t,
                    line[i - 1].y + (line[i].y - line[i - 1].y) * t};
        }
        left -= len;
    }
    return line.empty() ? Point{} : line.front();
}

}  // namespace

std::size_t annotate_map(diagram::Page& page, const StepModel& map, const Conformance& r) {
    std::vector<Cell> added;
    {
        const diagram::PageIndex idx(page);
        const Cell* root = idx.root();
        if (!root) return 0;
        diagram::AnnotationCells make(idx, "jstudio-ev");
        Cell volumes = make.layer(root->id, volumes_layer_name);
        const std::string vl = volumes.id;
        added.push_back(std::move(volumes));
        std::map<std::string, std::size_t> step_index;
        for (std::size_t i = 0; i < map.steps.size(); ++i) step_index[map.steps[i]] = i;
        const auto step_id = [&](std::size_t i) {
            return i < map.step_ids.size() ? map.step_ids[i] : std::string();
        };

        // Volume and conversion on every drawn transition.
        std::map<std::pair<std::string, std::string>, const TransitionCount*> allowed;
        for (const auto& t : r.allowed) allowed[{t.from, t.to}] = &t;
        for (std::size_t k = 0; k < map.transitions.size() && k < map.transition_ids.size(); ++k) {
            const auto [s, t] = map.transitions[k];
            const auto it = allowed.find({map.steps[s], map.steps[t]});
            if (it == allowed.end()) continue;
            const TransitionCount& tc = *it->second;
            const auto line = idx.edge_polyline(map.transition_ids[k]);
            if (line.size() < 2) continue;
            const Point m = midpoint(line);
            std::string text;
            if (r.aggregated) {
                const auto base = r.steps[s].visits;
                text = std::to_string(tc.count) + "×" +
                       (base ? " · " + percent(double(tc.count) / double(base)) : std::string());
            } else {
                const auto base = r.steps[s].cases;
                text = cases_text(tc.cases) +
                       (base ? " · " + percent(double(tc.cases) / double(base)) : std::string());
            }
            Cell label = make.vertex(vl, Rect{m.x - 55, m.y - 9, 110, 18},
                                     std::string("text;html=1;align=center;verticalAlign=middle;fontSize=10;"
                                                 "fontStyle=1;fillColor=#FFFFFF;connectable=0;"
                                                 "fontColor=") +
                                         volume_colour + ";",
                                     text);
            label.set_data("tooltip", tc.from + " -> " + tc.to + ": " + std::to_string(tc.count) + " moves" +
                                          (r.aggregated ? "" : " in " + cases_text(tc.cases)));
            added.push_back(std::move(label));
        }

        // A journey map checked by its stages: one card per stage with its numbers, in the KPI lane when
        // the map has one (else above the stage header).
        const auto kpi_lane = map.kpi_lane_id.empty() ? std::nullopt : idx.absolute_bounds(map.kpi_lane_id);
        for (std::size_t i = 0; map.stages && !r.aggregated && i < r.steps.size(); ++i) {
            const StepReport& s = r.steps[i];
            const auto bounds = idx.absolute_bounds(step_id(i));
            if (!bounds) continue;
            std::string text = "<b>reach " + std::to_string(s.cases) +
                               (r.cases ? " (" + percent(double(s.cases) / double(r.cases)) + ")" : "") +
                               "</b>";
            if (!s.final_step)
                text +=
                    "<br>to next stage: " + (s.cases ? percent(double(s.to_next) / double(s.cases)) : "-");
            if (!s.final_step)
                text += "<br><font color=\"" + std::string(drop_colour) + "\">drop-off " +
                        std::to_string(s.drop_off()) +
                        (s.cases ? " (" + percent(double(s.drop_off()) / double(s.cases)) + ")" : "") +
                        "</font>";
            if (s.median_seconds >= 0)
                text +=
                    "<br>time: median " + days_text(s.median_seconds) + ", p90 " + days_text(s.p90_seconds);
            if (s.backward) text += "<br>back to earlier: " + std::to_string(s.backward);
            if (s.stall_threshold >= 0)
                text += "<br><font color=\"" + std::string(stall_colour) + "\">stalls " +
                        std::to_string(s.stalls) + " (&gt; " + days_text(s.stall_threshold) + ")</font>";
            Rect box = kpi_lane
                           ? Rect{bounds->x + 4, kpi_lane->y + 4, bounds->width - 8, kpi_lane->height - 8}
                           : Rect{bounds->x + 4, bounds->y - 104, bounds->width - 8, 100};
            box.height = std::max(box.height, 96.0);
            Cell card = make.vertex(vl, box,
                                    std::string("rounded=1;arcSize=6;whiteSpace=wrap;html=1;align=left;"
                                                "verticalAlign=top;spacing=4;fontSize=11;connectable=0;"
                                                "fillColor=#E3F2FD;strokeColor=") +
                                        volume_colour + ";fontColor=#0D2F5A;",
                                    text);
            card.set_data("tooltip", s.step + ": measured from the event log");
            // The same numbers as data, so a deck made from the annotated map can chart them
            // (stage_measures.hpp reads them back).
            card.set_data(measured_stage_key, s.step);
            card.set_data(measured_reach_key, std::to_string(s.cases));
            card.set_data(measured_cases_key, std::to_string(r.cases));
            if (s.final_step) {
                card.set_data(measured_final_key, "1");
            } else {
                card.set_data(measured_to_next_key, std::to_string(s.to_next));
                card.set_data(measured_drop_off_key, std::to_string(s.drop_off()));
            }
            added.push_back(std::move(card));
        }

        // Reach and drop-off under every step; stalled steps outlined.
        for (std::size_t i = 0; i < r.steps.size(); ++i) {
            const StepReport& s = r.steps[i];
            if (map.stages && !r.aggregated) {  // the stage cards say it; outline stalled stage headers
                const auto bounds = idx.absolute_bounds(step_id(i));
                if (bounds && s.stalls > 0) {
                    Cell box = make.vertex(
                        vl, Rect{bounds->x - 3, bounds->y - 3, bounds->width + 6, bounds->height + 6},
                        std::string("rounded=1;arcSize=8;fillColor=none;strokeWidth=3;pointerEvents=0;"
                                    "connectable=0;strokeColor=") +
                            stall_colour + ";");
                    box.set_data("tooltip", std::to_string(s.stalls) + " stay(s) above the stall threshold");
                    added.push_back(std::move(box));
                }
                continue;
            }
            const auto bounds = idx.absolute_bounds(step_id(i));
            if (!bounds) continue;
            std::string text;
            if (r.aggregated) {
                text = std::to_string(s.visits) + " visits";
                if (s.drop_off() && s.visits)
                    text += "<br><font color=\"" + std::string(drop_colour) + "\">drop-off " +
                            std::to_string(s.drop_off()) + " (" +
                            percent(double(s.drop_off()) / double(s.visits)) + ")</font>";
            } else {
                text = "reach " + std::to_string(s.cases) +
                       (r.cases ? " (" + percent(double(s.cases) / double(r.cases)) + ")" : std::string());
                if (s.drop_off() && s.cases)
                    text += "<br><font color=\"" + std::string(drop_colour) + "\">drop-off " +
                            std::to_string(s.drop_off()) + " (" +
                            percent(double(s.drop_off()) / double(s.cases)) + ")</font>";
            }
            added.push_back(
                make.vertex(vl, Rect{bounds->x, bounds->bottom() + 4, std::max(bounds->width, 120.0), 30},
                            std::string("text;html=1;align=left;verticalAlign=top;fontSize=10;"
                                        "connectable=0;fontColor=") +
                                volume_colour + ";",
                            text));
            if (s.stalls > 0) {
                Cell box = make.vertex(
                    vl, Rect{bounds->x - 6, bounds->y - 6, bounds->width + 12, bounds->height + 12},
                    std::string("rounded=1;arcSize=8;fillColor=none;strokeWidth=3;dashed=0;"
                                "pointerEvents=0;connectable=0;strokeColor=") +
                        stall_colour + ";");
                box.set_data("tooltip", std::to_string(s.stalls) + " stay(s) above the stall threshold");
                added.push_back(std::move(box));
                added.push_back(
                    make.vertex(vl, Rect{bounds->x - 6, bounds->y - 26, 200, 18},
                                std::string("text;html=1;align=left;verticalAlign=bottom;fontSize=10;"
                                            "fontStyle=1;connectable=0;fontColor=") +
                                    stall_colour + ";",
                                "stalled " + std::to_string(s.stalls) + "×"));
            }
        }

        const Point corner = make.legend_corner(page);  // right of everything on the page
        std::string legend = "<b>Observed journey</b><br>" + cases_text(r.cases);
        if (!r.aggregated)
            legend += ", " + percent(r.fitness) + " follow the map";
        else
            legend += " (from a directly-follows table: no per-case figures)";
        legend +=
            "<br><font color=\"" + std::string(volume_colour) + "\">" +
            (r.aggregated ? "N× · P%: moves, share of the step's visits"
                          : "N cases · P%: cases taking the arrow, share of the step's reach") +
            "</font><br><font color=\"" + drop_colour +
            "\">drop-off: journeys ending at a step that is not final</font><br><font color=\"" +
            stall_colour + "\">&#9634; stalled: time in step above the threshold</font><br><font color=\"" +
            unexpected_colour +
            "\">- - &gt; seen in the log, not on the map</font>: " + std::to_string(r.unexpected.size()) +
            "<br><i>Hide or delete the layers \"" + volumes_layer_name + "\" and \"" + unexpected_layer_name +
            "\" to remove all of this.</i>";
        added.push_back(make.vertex(vl, Rect{corner.x, corner.y, 260, 170},
                                    "rounded=0;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacing=8;"
                                    "fillColor=#FFFFFF;strokeColor=#666666;fontSize=11;connectable=0;",
                                    legend));

        // Transitions seen but not drawn: dashed arrows between the step cells, on their own layer.
        std::vector<Cell> links;
        std::map<std::pair<std::string, std::string>, bool> is_backward;
        for (const auto& t : r.backward) is_backward[{t.from, t.to}] = true;
        std::size_t back_no = 0, forward_no = 0;
        for (const auto& t : r.unexpected) {
            const auto a = step_index.find(t.from), b = step_index.find(t.to);
            if (a == step_index.end() || b == step_index.end()) continue;
            const std::string from = step_id(a->second), to = step_id(b->second);
            if (!idx.find(from) || !idx.find(to)) continue;
            Cell link;
            link.id = make.new_id("path");
            link.kind = CellKind::edge;
            link.edge = true;
            link.source = from;
            link.target = to;
            const bool back = is_backward.count({t.from, t.to}) > 0;
            link.value = (r.aggregated ? std::to_string(t.count) + "×" : cases_text(t.cases)) +
                         (back ? " (back)" : "");
            link.style = Style::parse(
                std::string("endArrow=classic;html=1;dashed=1;strokeWidth=2;curved=1;fontSize=10;"
                            "labelBackgroundColor=#FFFFFF;strokeColor=") +
                unexpected_colour + ";fontColor=" + unexpected_colour + ";");
            link.set_data("tooltip", "not on the map: " + t.from + " -> " + t.to + ", " +
                                         std::to_string(t.count) + " moves");
            link.geometry = Geometry{};
            link.geometry->relative = true;
            // Bend the arrow away from the drawn ones: forward deviations arc above the steps, backward
            // moves below them (under the reach labels), so neither hides the map's own arrows.
            const auto sb = idx.absolute_bounds(from), tb = idx.absolute_bounds(to);
            if (sb && tb && map.stages) {  // stage headers: every arc above the headers, back ones higher
                const double mid_x = (sb->x + sb->width / 2 + tb->x + tb->width / 2) / 2;
                const double top = std::min(sb->y, tb->y) - (kpi_lane ? 30.0 : 134.0);
                link.geometry->waypoints.push_back(
                    {mid_x, top - (back ? 60 + 16.0 * double(back_no++) : 16.0 * double(forward_no++))});
                link.geometry->has_points_array = true;
            } else if (sb && tb) {
                const double mid_x = (sb->x + sb->width / 2 + tb->x + tb->width / 2) / 2;
                const double y = back ? std::max(sb->bottom(), tb->bottom()) + 50 + 14.0 * double(back_no++)
                                      : std::min(sb->y, tb->y) - 30 - 14.0 * double(forward_no++);
                link.geometry->waypoints.push_back({mid_x, y});
                link.geometry->has_points_array = true;
            }
            links.push_back(std::move(link));
        }
        Cell layer2 = make.layer(root->id, unexpected_layer_name);
        for (Cell& l : links) l.parent = layer2.id;
        added.push_back(std::move(layer2));
        for (Cell& l : links) added.push_back(std::move(l));
    }
    const std::size_t count = added.size();
    for (Cell& c : added) page.cells.push_back(std::move(c));
    return count;
}

}  // namespace jstudio::eventlog
