// journey layout IN -o OUT: layered (Sugiyama) flowchart layout of one page, swimlanes kept.
#include <CLI/CLI.hpp>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/layout/diagram_layout.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct LayoutCliOptions {
    std::string input, output;
    std::string direction = "auto";
    int page = 1;
    std::string cells;
    unsigned seed = 1;
    std::string layering = "network-simplex";
    std::string first, last;
    std::vector<std::string> same_rank;
    bool no_stages = false;
    bool force = false;
    std::string format = "text";
};

int run_layout(const LayoutCliOptions& opt) {
    auto read = importers::read_drawio_file(opt.input);
    if (!read) return report_error(read.error());
    for (const auto& d : read->diagnostics) std::cerr << d.to_string() << "\n";
    auto& doc = read->document;
    if (opt.page < 1 || opt.page > static_cast<int>(doc.pages.size()))
        return report_error(make_error(ErrorCode::unsupported,
                                       "page " + std::to_string(opt.page) + " does not exist (the file has " +
                                           std::to_string(doc.pages.size()) + ")",
                                       at_file(opt.input)));
    auto& page = doc.pages[opt.page - 1];
    layout::DiagramLayoutOptions lo;
    lo.layout.direction = opt.direction == "LR" || opt.direction == "RL" ? layout::Direction::left_to_right
                                                                         : layout::Direction::top_to_bottom;
    lo.reverse = opt.direction == "RL" || opt.direction == "BT";
    lo.direction_from_lanes = opt.direction == "auto";
    lo.direction_from_drawing = opt.direction == "auto";
    lo.layout.seed = opt.seed;
    lo.layout.layering =
        opt.layering == "longest-path" ? layout::Layering::longest_path : layout::Layering::network_simplex;
    auto split = [](const std::string& list) {
        std::vector<std::string> ids;
        std::stringstream in(list);
        for (std::string id; std::getline(in, id, ',');)
            if (!id.empty()) ids.push_back(id);
        return ids;
    };
    lo.cells = split(opt.cells);
    lo.first = split(opt.first);
    lo.last = split(opt.last);
    for (const auto& group : opt.same_rank) lo.same_rank.push_back(split(group));
    lo.stage_columns = !opt.no_stages;
    const auto before = opt.format == "json" ? layout::measure_layout(page) : layout::LayoutQuality{};
    const diagram::Page drawn = page;
    auto done = layout::layout_page(page, lo);
    if (!done) {
        auto err = done.error();
        err.where.file = opt.input;
        err.where.page = page.display_name(opt.page - 1);
        return report_error(err);
    }
    // A picture, not a graph, or regions that would hold other shapes: the file is written as drawn (a
    // script's next step still finds it) and the finding is the exit code, as `journey check` and `diff`
    // report theirs.
    const auto& r = *done;
    const bool left = !r.leave_as_drawn().empty() && !opt.force;
    if (left) page = drawn;
    if (auto st = exporters::save_drawio(doc, opt.output); !st) return report_error(st.error());
    if (left) {
        if (opt.format == "json")
            std::cout << nlohmann::json{{"left_as_drawn", true}, {"reason", r.leave_as_drawn()}}.dump(2)
                      << "\n";
        if (r.not_a_graph.empty())
            std::cerr << "left as drawn: page " << opt.page << ": " << r.regions_changed
                      << "; --force lays it out anyway";
        else
            std::cerr << "left as drawn: page " << opt.page << " reads as a picture, not a graph ("
                      << r.not_a_graph << "); --force lays it out anyway";
        if (opt.output != "-") std::cerr << "; wrote " << opt.output;
        std::cerr << "\n";
        return exit_findings;
    }
    if (opt.format == "json") {
        auto quality = [](const layout::LayoutQuality& q) {
            return nlohmann::json{{"nodes", q.nodes},
                                  {"edges", q.edges},
                                  {"edges_through_nodes", q.edges_through_nodes},
                                  {"node_overlaps", q.node_overlaps},
                                  {"children_outside", q.children_outside},
                                  {"lane_overlaps", q.lane_overlaps},
                                  {"reading_direction", layout::to_string(q.direction.flow)},
                                  {"direction_strength", q.direction.strength},
                                  {"problems", q.problems}};
        };
        nlohmann::json j = {{"direction", layout::to_string(r.flow)},
                            {"before", quality(before)},
                            {"after", quality(layout::measure_layout(page))},
                            {"nodes", r.nodes},
                            {"edges", r.edges},
                            {"lanes", r.lanes},
                            {"layers", r.stats.layers},
                            {"crossings", r.stats.crossings},
                            {"bends", r.stats.bends},
                            {"labels", r.labels},
                            {"labels_blocked", r.stats.labels_blocked},
                            {"reversed_edges", r.stats.reversed_edges}};
        std::cout << j.dump(2) << "\n";
    } else {
        std::cerr << "laid out " << r.nodes << " nodes, " << r.edges << " edges, " << r.lanes << " lanes in "
                  << r.stats.layers << " layers: " << r.stats.crossings << " crossings, " << r.stats.bends
                  << " bends, " << layout::to_string(r.flow);
        if (opt.output != "-") std::cerr << "; wrote " << opt.output;
        std::cerr << "\n";
    }
    return exit_ok;
}

}  // namespace

void setup_layout(CLI::App& app, Action& action) {
    auto opt = std::make_shared<LayoutCliOptions>();
    auto* cmd =
        app.add_subcommand("layout", "Lay out a flowchart page (layered, orthogonal edges, swimlanes kept)");
    cmd->add_option("input", opt->input, "input draw.io file, or - for stdin")->required();
    cmd->add_option("-o,--output", opt->output, "output .drawio file, or - for stdout")->required();
    cmd->add_option(
           "--direction", opt->direction,
           "TB (top to bottom), LR (left to right), BT, RL or auto: the drawing's own direction (lanes "
           "drawn as rows flow left to right, columns top to bottom; the arrows' mean direction "
           "otherwise), TB when it shows none")
        ->check(CLI::IsMember({"TB", "LR", "BT", "RL", "auto"}))
        ->capture_default_str();
    cmd->add_option("--page", opt->page, "page number, from 1")->capture_default_str();
    cmd->add_option("--cells", opt->cells, "comma-separated ids of the vertices or swimlanes to lay out");
    cmd->add_option("--seed", opt->seed, "seed of the crossing minimisation's random starts")
        ->capture_default_str();
    cmd->add_option(
           "--layering", opt->layering,
           "network-simplex (shortest edges, fewest crossings) or longest-path (faster on huge graphs)")
        ->check(CLI::IsMember({"network-simplex", "longest-path"}))
        ->capture_default_str();
    cmd->add_option(
        "--first", opt->first,
        "comma-separated ids put on the first layer (as a cell's rank=min data attribute or style)");
    cmd->add_option(
        "--last", opt->last,
        "comma-separated ids put on the last layer (as a cell's rank=max data attribute or style)");
    cmd->add_option(
        "--same-rank", opt->same_rank,
        "comma-separated ids sharing one layer; repeat for more groups (as rank=same:NAME on cells)");
    cmd->add_flag(
        "--no-stage-columns", opt->no_stages,
        "ignore journey stages (by default cells with a 'stage' attribute share one layer per stage)");
    cmd->add_flag("--force", opt->force,
                  "lay out a page that reads as a picture (fewer than one arrow between its shapes for every "
                  "five shapes) or whose regions the layout would make hold other shapes, which is otherwise "
                  "written as drawn with exit code 1");
    cmd->add_option("--format", opt->format, "summary as text (stderr) or json (stdout)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->footer(
        "Rank constraints: a vertex with a 'rank' data attribute (Edit Data) or style key rank=min|first "
        "stands alone on the first layer, rank=max|last alone on the last, rank=same:NAME shares a layer "
        "with every vertex naming "
        "NAME. "
        "A journey map (stage and lane headers, as `journey new` writes them) keeps its stage x lane grid: "
        "columns widen to fit their cards, cards fit their text, every card keeps its stage and lane, and "
        "transitions are routed around the cards (--cells lays out the chosen cells instead). Elsewhere, "
        "steps with a 'stage' data attribute share one layer per stage, stages in the order of the "
        "stage headers. Edge labels are placed clear of nodes and other labels; loose edge ends touching a "
        "vertex are laid out with it.");
    cmd->callback([opt, &action] { action = [opt] { return run_layout(*opt); }; });
}

}  // namespace jstudio::cli
