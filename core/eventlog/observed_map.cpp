#include "core/eventlog/observed_map.hpp"

#include <algorithm>
#include <deque>
#include <map>

#include "core/layout/diagram_layout.hpp"

namespace jstudio::eventlog {

namespace {

diagram::Cell vertex(std::string id, std::string label, diagram::Rect box, std::string_view style) {
    diagram::Cell c;
    c.id = std::move(id);
    c.parent = "1";
    c.kind = diagram::CellKind::vertex;
    c.vertex = true;
    c.value = std::move(label);
    c.style = diagram::Style::parse(style);
    diagram::Geometry g;
    g.bounds = box;
    c.geometry = g;
    return c;
}

}  // namespace

diagram::Document observed_map(const EventLog& log, const Discovery& found,
                               const ObservedMapOptions& options) {
    diagram::Document doc = diagram::make_document("Observed journey");
    diagram::Page& page = doc.pages.front();
    const std::size_t n = log.activities().size();
    // Layer = breadth-first distance from the start activities along observed edges.
    std::vector<int> layer(n, -1);
    std::vector<std::vector<std::uint32_t>> out(n);
    for (const auto& e : found.edges)
        if (e.from != e.to) out[e.from].push_back(e.to);
    std::deque<std::uint32_t> queue;
    for (const auto& a : found.activities)
        if (a.starts > 0) {
            layer[a.activity] = 0;
            queue.push_back(a.activity);
        }
    while (!queue.empty()) {
        const auto v = queue.front();
        queue.pop_front();
        for (auto w : out[v])
            if (layer[w] < 0) {
                layer[w] = layer[v] + 1;
                queue.push_back(w);
            }
    }
    std::map<int, std::vector<std::uint32_t>> by_layer;
    for (const auto& a : found.activities)
        by_layer[std::max(layer[a.activity], 0)].push_back(a.activity);  // busiest first
    constexpr double w = 160, h = 60, gap_x = 80, gap_y = 100;
    std::vector<std::string> ids(n);
    for (const auto& [l, acts] : by_layer)
        for (std::size_t k = 0; k < acts.size(); ++k) {
            const auto a = acts[k];
            ids[a] = "act-" + std::to_string(a);
            const auto& stats = *std::find_if(found.activities.begin(), found.activities.end(),
                                              [&](const ActivityStats& s) { return s.activity == a; });
            auto cell =
                vertex(ids[a], log.activity_name(a) + "\n(" + std::to_string(stats.events) + ")",
                       {40 + static_cast<double>(k) * (w + gap_x), 40 + l * (h + gap_y), w, h}, "rounded=1;");
            cell.set_data("stage", log.activity_name(a));
            page.cells.push_back(std::move(cell));
        }
    std::size_t edge_no = 0;
    for (const auto& e : found.edges) {
        if (found.total_arcs &&
            static_cast<double>(e.count) < options.min_edge_share * static_cast<double>(found.total_arcs))
            continue;
        diagram::Cell c;
        c.id = "dfg-" + std::to_string(edge_no++);
        c.parent = "1";
        c.kind = diagram::CellKind::edge;
        c.edge = true;
        c.source = ids[e.from];
        c.target = ids[e.to];
        c.value = std::to_string(e.count);
        const double width =
            1 + 4 * static_cast<double>(e.count) /
                    static_cast<double>(std::max<std::uint64_t>(found.edges.front().count, 1));
        c.style = diagram::Style::parse("edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;strokeWidth=" +
                                        std::to_string(static_cast<int>(width + 0.5)) + ";");
        diagram::Geometry g;
        g.relative = true;
        c.geometry = g;
        page.cells.push_back(std::move(c));
    }
    // The layered layout (cycle breaking, crossing reduction, orthogonal routes) places the boxes; the
    // breadth-first grid above is what stays if it cannot (it never fails on a page built here).
    layout::DiagramLayoutOptions lo;
    lo.layout.direction = options.direction;
    // Each box carries its activity as `stage` data (validate reads it back as the step name); that is not
    // a journey-map stage column, so the layout must not give every activity a layer of its own.
    lo.stage_columns = false;
    (void)layout::layout_page(page, lo);  // fails only on unknown cell names, and none are given
    return doc;
}

}  // namespace jstudio::eventlog
