#include "core/eventlog/conformance_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/diagram/page_index.hpp"

namespace jstudio::eventlog {

namespace {

using diagram::Cell;
using diagram::CellKind;
using diagram::Rect;

constexpr const char* seen_colour = "#1565C0";
constexpr const char* unseen_colour = "#C62828";
constexpr const char* unexpected_colour = "#C62828";

std::string percent(std::uint64_t part, std::uint64_t whole) {
    if (whole == 0) return "-";
    return std::to_string(static_cast<int>(
               std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) +
           "%";
}

std::string cases(std::uint64_t n) {
    return std::to_string(n) + (n == 1 ? " case" : " cases");
}

// The point half way along a polyline.
diagram::Point halfway(const std::vector<diagram::Point>& line) {
    double total = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    double left = total / 2;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double length = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (length >= left && length > 0) {
            const double f = left / length;
            return {line[i - 1].x + f * (line[i].x - line[i - 1].x),
                    line[i - 1].y + f * (line[i].y - line[i - 1].y)};
        }
        left -= length;
    }
    return line.front();
}

class Maker {
  public:
    explicit Maker(const diagram::PageIndex& index) : m_index(index) {}
    std::string id() {
        for (;;)
            if (std::string id = "jstudio-crm-" + std::to_string(++m_next); !m_index.find(id)) return id;
    }
    Cell text(const std::string& layer, Rect bounds, const std::string& colour, std::string value) {
        Cell c;
        c.id = id();
        c.parent = layer;
        c.kind = CellKind::vertex;
        c.vertex = true;
        c.value = std::move(value);
        c.style = diagram::Style::parse(
            "text;html=1;align=center;verticalAlign=middle;fontSize=10;fontStyle=1;"
            "labelBackgroundColor=#FFFFFF;connectable=0;fontColor=" +
            colour + ";");
        c.geometry = diagram::Geometry{};
        c.geometry->bounds = bounds;
        return c;
    }

  private:
    const diagram::PageIndex& m_index;
    std::size_t m_next = 0;
};

}  // namespace

Result<PageJourney> journey_from_page(const diagram::Page& page) {
    const diagram::PageIndex index(page);
    PageJourney out;
    std::map<std::string, std::size_t> step_of_cell, step_of_name;
    for (const auto& c : page.cells) {
        if (c.kind != CellKind::vertex || index.is_container(c)) continue;
        std::string name = c.data("stage");
        if (name.empty()) name = c.data("step");
        if (name.empty()) name = c.label();
        const std::string key = match_key(name);
        if (key.empty()) continue;
        auto [it, fresh] = step_of_name.try_emplace(key, out.map.steps.size());
        if (fresh) {
            out.map.steps.push_back(name);
            out.step_cells.emplace_back();
        }
        out.step_cells[it->second].push_back(c.id);
        step_of_cell[c.id] = it->second;
    }
    for (const auto& c : page.cells) {
        if (c.kind != CellKind::edge) continue;
        auto s = step_of_cell.find(c.source), t = step_of_cell.find(c.target);
        if (s == step_of_cell.end() || t == step_of_cell.end()) continue;
        out.map.transitions.emplace_back(s->second, t->second);
        out.transition_edges.push_back(c.id);
    }
    if (out.map.steps.empty()) return make_error(ErrorCode::unsupported, "the page has no labelled steps");
    return out;
}

std::size_t annotate_conformance(diagram::Page& page, const PageJourney& journey, const Conformance& result) {
    std::vector<Cell> added;
    {
        const diagram::PageIndex index(page);
        const Cell* root = index.root();
        if (!root) return 0;
        Maker make(index);
        Cell layer;
        layer.id = make.id();
        layer.parent = root->id;
        layer.kind = CellKind::layer;
        layer.value = overlay_layer_name;
        const std::string layer_id = layer.id;
        added.push_back(std::move(layer));

        std::map<std::string, std::size_t> step_index;
        for (std::size_t i = 0; i < journey.map.steps.size(); ++i) step_index[journey.map.steps[i]] = i;
        auto reach = [&](const std::string& step) -> std::uint64_t {
            auto it = step_index.find(step);
            return it == step_index.end() || it->second >= result.steps.size()
                       ? 0
                       : result.steps[it->second].cases;
        };

        // Reach above every shape of a step.
        for (std::size_t i = 0; i < journey.step_cells.size() && i < result.steps.size(); ++i)
            for (const auto& id : journey.step_cells[i]) {
                const auto bounds = index.absolute_bounds(id);
                if (!bounds) continue;
                const std::uint64_t n = result.steps[i].cases;
                added.push_back(
                    make.text(layer_id, Rect{bounds->x, bounds->y - 18, std::max(bounds->width, 90.0), 16},
                              n ? seen_colour : unseen_colour,
                              n ? cases(n) + " (" + percent(n, result.cases) + ")" : "never seen"));
            }

        // Volume and conversion at the middle of each drawn transition.
        std::map<std::pair<std::string, std::string>, const TransitionCount*> allowed;
        for (const auto& t : result.allowed) allowed[{t.from, t.to}] = &t;
        for (std::size_t k = 0; k < journey.transition_edges.size() && k < journey.map.transitions.size();
             ++k) {
            const auto [s, t] = journey.map.transitions[k];
            const auto it = allowed.find({journey.map.steps[s], journey.map.steps[t]});
            const auto line = index.edge_polyline(journey.transition_edges[k]);
            if (it == allowed.end() || line.size() < 2) continue;
            const diagram::Point mid = halfway(line);
            const std::uint64_t n = it->second->cases;
            added.push_back(make.text(layer_id, Rect{mid.x - 50, mid.y - 9, 100, 18},
                                      n ? seen_colour : unseen_colour,
                                      cases(n) + ", " + percent(n, reach(it->second->from))));
        }

        // What customers did that the map does not draw.
        for (const auto& u : result.unexpected) {
            const auto s = step_index.find(u.from), t = step_index.find(u.to);
            if (s == step_index.end() || t == step_index.end()) continue;
            if (journey.step_cells[s->second].empty() || journey.step_cells[t->second].empty()) continue;
            Cell arrow;
            arrow.id = make.id();
            arrow.parent = layer_id;
            arrow.kind = CellKind::edge;
            arrow.edge = true;
            arrow.source = journey.step_cells[s->second].front();
            arrow.target = journey.step_cells[t->second].front();
            arrow.value = cases(u.cases) + " off the map";
            arrow.style =
                diagram::Style::parse(std::string("endArrow=classic;html=1;dashed=1;curved=1;strokeWidth=2;"
                                                  "fontSize=10;labelBackgroundColor=#FFFFFF;strokeColor=") +
                                      unexpected_colour + ";fontColor=" + unexpected_colour + ";");
            arrow.set_data("tooltip", u.from + " -> " + u.to + ": " + std::to_string(u.count) + " times in " +
                                          cases(u.cases) + ", not drawn on the map");
            arrow.geometry = diagram::Geometry{};
            arrow.geometry->relative = true;
            // Bowed off the straight line, where the drawn edge usually runs: to the right of the direction
            // of travel, so a move back between the same two steps bows to the other side.
            const auto from = index.absolute_bounds(arrow.source), to = index.absolute_bounds(arrow.target);
            if (from && to) {
                const diagram::Point a{from->x + from->width / 2, from->y + from->height / 2};
                const diagram::Point b{to->x + to->width / 2, to->y + to->height / 2};
                const double dx = b.x - a.x, dy = b.y - a.y, length = std::hypot(dx, dy);
                if (length > 0) {
                    const double bow = std::max(50.0, length / 4);
                    // As a file read back has it, so saving and reopening gives an equal model.
                    arrow.geometry->has_points_array = true;
                    arrow.geometry->child_order = {"points"};
                    arrow.geometry->waypoints.push_back({std::round((a.x + b.x) / 2 - dy / length * bow),
                                                         std::round((a.y + b.y) / 2 + dx / length * bow)});
                }
            }
            added.push_back(std::move(arrow));
        }

        // Summary to the right of the drawing.
        double right = 0, top = std::numeric_limits<double>::infinity();
        for (const Cell& c : page.cells)
            if (c.kind == CellKind::vertex)
                if (auto b = index.absolute_bounds(c.id)) {
                    right = std::max(right, b->right());
                    top = std::min(top, b->y);
                }
        if (top == std::numeric_limits<double>::infinity()) top = 0;
        std::string summary = "<b>CRM data</b><br>" + cases(result.cases) + ", " +
                              std::to_string(result.fitting_cases) + " follow the map (" +
                              percent(result.fitting_cases, result.cases) + ")<br>" +
                              std::to_string(result.unexpected.size()) + " path(s) off the map (dashed)";
        if (!result.steps_never_seen.empty())
            summary += "<br>" + std::to_string(result.steps_never_seen.size()) + " step(s) never seen";
        Cell note = make.text(layer_id, Rect{right + 40, top, 220, 70}, "#333333", summary);
        note.style = diagram::Style::parse(
            "rounded=1;whiteSpace=wrap;html=1;align=left;spacingLeft=8;fontSize=11;fillColor=#FFFFFF;"
            "strokeColor=#1565C0;connectable=0;");
        added.push_back(std::move(note));
    }
    const std::size_t count = added.size();
    page.cells.insert(page.cells.end(), std::make_move_iterator(added.begin()),
                      std::make_move_iterator(added.end()));
    return count;
}

}  // namespace jstudio::eventlog
