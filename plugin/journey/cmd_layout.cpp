// Journey > Layout...: the layered layout `journey layout` runs (core/layout), on the active page or on the
// selected shapes only, as one undo step. Swimlanes stay columns (TB) or rows (LR).
#include "core/diagram/page_index.hpp"
#include "core/layout/diagram_layout.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"

namespace jstudio::journey_plugin {

void add_layout_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Layout...",
                            "Lay out the page, or only the selected shapes, as a layered flowchart",
                            "Ctrl+Shift+L"};
    host.add_command(entry, [&host]() {
        const auto target = active_page(host, "Layout");
        if (!target) return;
        std::vector<plugin::HostServices::Field> fields{
            {"direction", "auto", {"auto", "TB", "LR", "BT", "RL"}}, {"seed", "1"}};
        if (!host.ask("Layout", fields)) return;
        layout::DiagramLayoutOptions options;
        const std::string& direction = fields[0].value;
        if (direction != "TB" && direction != "LR" && direction != "BT" && direction != "RL" &&
            direction != "auto") {
            host.report_error(
                "Layout: direction is TB (top to bottom), LR (left to right), BT, RL or auto (the "
                "drawing's own), not '" +
                direction + "'");
            return;
        }
        options.layout.direction = direction == "LR" || direction == "RL" ? layout::Direction::left_to_right
                                                                          : layout::Direction::top_to_bottom;
        options.reverse = direction == "BT" || direction == "RL";
        options.direction_from_lanes = direction == "auto";
        options.direction_from_drawing = direction == "auto";
        try {
            options.layout.seed = static_cast<std::uint32_t>(std::stoul(fields[1].value));
        } catch (...) {
            host.report_error("Layout: seed must be a whole number, not '" + fields[1].value + "'");
            return;
        }
        // Only vertices and swimlanes are laid out; a selected edge comes along with its ends.
        const diagram::PageIndex index(target->page());
        for (const auto& id : host.selection())
            if (const auto* cell = index.find(id); cell && cell->kind == diagram::CellKind::vertex)
                options.cells.push_back(id);

        diagram::Page edited = target->page();
        Result<layout::DiagramLayoutReport> report = make_error(ErrorCode::cancelled, "cancelled");
        const bool finished = host.run_with_progress("Layout", [&](plugin::Progress& progress) {
            if (!progress.update(0.05, "Laying out " + std::to_string(edited.cells.size()) + " cells"))
                return;
            // The layout reports its steps (containers, the page, decorations) and stops when cancelled.
            options.progress = [&](double done, std::string_view what) {
                return progress.update(0.05 + 0.95 * done, std::string(what));
            };
            report = layout::layout_page(edited, options);
            if (report) progress.update(1, "Done");
        });
        if (!finished) return;  // cancelled: the page stays as it was
        if (!report) {
            host.report_error("Layout: " + report.error().message);
            return;
        }
        // A picture (a floor plan, a map, a wireframe): layers would lose the only structure it has, its
        // places. Or regions that would hold other shapes than drawn. As `journey layout` leaves such a page
        // as drawn unless forced, the studio asks first.
        if (const auto& why = report->leave_as_drawn(); !why.empty()) {
            std::vector<plugin::HostServices::Field> anyway{{"anyway", "no", {"no", "yes"}}};
            const std::string question =
                report->not_a_graph.empty()
                    ? "Layout: " + why + ". Lay it out anyway?"
                    : "Layout: this page reads as a picture, not a graph (" + why + "). Lay it out anyway?";
            if (!host.ask(question, anyway) || anyway[0].value != "yes") return;
        }
        const std::string what = options.cells.empty() ? "Layout page" : "Layout selection";
        submit_page_edit(host, *target, what, edited);
    });
}

}  // namespace jstudio::journey_plugin
