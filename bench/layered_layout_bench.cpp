// The layered layout alone on a graph of the layout benchmark (../shared/bench/layout, graph JSON in, RESULT
// JSON out), so the algorithm is timed and scored without the page reading and the draw.io writer around it:
//   layered_layout_bench GRAPH.json [-o RESULT.json] [--repeat N] [--placement bk|priority] [--order-runs N]
//                        [--node-spacing PX] [--edge-spacing PX] [--layer-spacing PX] [--track-spacing PX]
// Plugs into the harness as a JSON template:
//   ./run_all.sh --peer algo='BUILD/bench/layered_layout_bench {in_json} -o {out_json}'
// Node sizes and lanes as given; decisions and ellipses meet edges at their side middles (as `journey layout`
// reads rhombus and ellipse styles); edge labels sized as draw.io draws them (11 px). Prints one line to
// stderr: the time of the layout call and its stats.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/layout/layered_layout.hpp"
#include "core/render/label_text.hpp"

using namespace jstudio;
using json = nlohmann::json;

namespace {

layout::LabelSize label_size(const std::string& text) {
    render::Font font;
    font.size = 11;
    const auto placed = render::place_label(render::parse_label(text, false, font), {});
    return {placed.bounds.width + 2, placed.bounds.height + 2};
}

}  // namespace

int main(int argc, char** argv) {
    std::string in, out;
    int repeat = 1;
    layout::LayoutOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-o" && i + 1 < argc)
            out = argv[++i];
        else if (a == "--placement" && i + 1 < argc)
            options.placement = std::string(argv[++i]) == "priority" ? layout::Placement::priority
                                                                     : layout::Placement::brandes_koepf;
        else if (a == "--order-runs" && i + 1 < argc)
            options.order_runs = std::stoi(argv[++i]);
        else if (a == "--node-spacing" && i + 1 < argc)
            options.node_spacing = std::stod(argv[++i]);
        else if (a == "--edge-spacing" && i + 1 < argc)
            options.edge_spacing = std::stod(argv[++i]);
        else if (a == "--track-spacing" && i + 1 < argc)
            options.track_spacing = std::stod(argv[++i]);
        else if (a == "--layer-spacing" && i + 1 < argc)
            options.layer_spacing = std::stod(argv[++i]);
        else if (a == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::stoi(argv[++i]));
        else
            in = a;
    }
    if (in.empty()) {
        std::cerr << "usage: layered_layout_bench GRAPH.json [-o RESULT.json] [--repeat N]\n";
        return 2;
    }
    std::ifstream file(in);
    const json g = json::parse(file);
    layout::LayoutInput input;
    if (g.value("direction", "TB") == "LR") options.direction = layout::Direction::left_to_right;
    std::map<std::string, int> lane_index, node_index;
    if (g.contains("lanes"))
        for (const auto& lane : g["lanes"])
            lane_index.emplace(lane["id"].get<std::string>(), lane_index.size());
    input.lane_count = static_cast<int>(lane_index.size());
    for (const auto& n : g["nodes"]) {
        layout::NodeSpec spec;
        spec.width = n["width"].get<double>();
        spec.height = n["height"].get<double>();
        const std::string shape = n.value("shape", "");
        spec.center_ports = shape == "decision" || shape == "ellipse";
        if (n.contains("lane")) spec.lane = lane_index.at(n["lane"].get<std::string>());
        node_index.emplace(n["id"].get<std::string>(), node_index.size());
        input.nodes.push_back(spec);
    }
    for (const auto& e : g["edges"]) {
        layout::EdgeSpec spec;
        spec.source = node_index.at(e["source"].get<std::string>());
        spec.target = node_index.at(e["target"].get<std::string>());
        if (e.contains("label") && e["label"].is_string() && !e["label"].get<std::string>().empty())
            spec.labels.push_back(label_size(e["label"].get<std::string>()));
        input.edges.push_back(spec);
    }

    layout::LayoutOutput result;
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        result = layout::layered_layout(input, options);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count());
    }
    const auto& s = result.stats;
    const auto& p = s.phase_seconds;
    std::fprintf(
        stderr,
        "%zu nodes %zu edges: %.3f s (cycles %.3f layers %.3f order %.3f place %.3f route %.3f labels "
        "%.3f), %ld crossings, %ld bends, %d layers, %d dummies\n",
        input.nodes.size(), input.edges.size(), best, p[0], p[1], p[2], p[3], p[4], p[5], s.crossings,
        s.bends, s.layers, s.dummies);
    if (out.empty()) return 0;

    json r;
    r["time_layout_s"] = best;
    r["nodes"] = json::object();
    int k = 0;
    for (const auto& n : g["nodes"]) {
        const auto& b = result.nodes[k++];
        r["nodes"][n["id"].get<std::string>()] = {
            {"x", b.x}, {"y", b.y}, {"width", b.width}, {"height", b.height}};
    }
    r["edges"] = json::object();
    k = 0;
    for (const auto& e : g["edges"]) {
        json points = json::array();
        for (const auto& point : result.edges[k]) points.push_back({point.x, point.y});
        r["edges"][e["id"].get<std::string>()] = points;
        ++k;
    }
    if (!result.lanes.empty()) {
        r["lanes"] = json::object();
        for (const auto& [id, index] : lane_index) {
            const auto& b = result.lanes[index];
            r["lanes"][id] = {{"x", b.x}, {"y", b.y}, {"width", b.width}, {"height", b.height}};
        }
    }
    std::ofstream(out) << r.dump();
    return 0;
}
