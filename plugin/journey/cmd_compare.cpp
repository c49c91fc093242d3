// Journey > Compare With...: the journey map on the active page against the one in another file (`journey
// diff OTHER THIS`: the other file is the "before"). The differences go to the Journey Results panel
// (activating one selects its cards); on request they are also marked on this page, on a "Changes" layer
// (`journey diff --annotate`), as one undo step.
#include "core/journey/diff_summary.hpp"
#include "core/journey/journey_diff.hpp"
#include "core/journey/journey_read.hpp"
#include "exporters/report/diff_report.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"
#include "plugin/journey/results_panel.hpp"

namespace jstudio::journey_plugin {

void add_compare_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Compare With...",
                            "Compare this journey map with another one (e.g. current state vs future state)",
                            ""};
    host.add_command(entry, [&host]() {
        const auto target = active_page(host, "Compare With");
        if (!target) return;
        if (!journey::is_journey_page(target->page())) {
            host.report_error(
                "Compare With: this page is not a journey map (make one with New Journey Map...)");
            return;
        }
        auto after = journey::read_journey(target->page());
        if (!after) {
            host.report_error("Compare With: " + after.error().message);
            return;
        }
        const std::string path = host.ask_path("Compare with journey map",
                                               "draw.io (*.drawio;*.xml)|*.drawio;*.xml|All files|*", false);
        if (path.empty()) return;
        auto read = importers::read_drawio_file(path);
        if (!read) {
            host.report_error("Compare With: " + read.error().to_string());
            return;
        }
        const diagram::Page* other = nullptr;
        for (const auto& page : read->document.pages)
            if (!other && journey::is_journey_page(page)) other = &page;
        if (!other) {
            host.report_error("Compare With: no page of " + path + " is a journey map");
            return;
        }
        auto before = journey::read_journey(*other);
        if (!before) {
            host.report_error("Compare With: " + before.error().to_string());
            return;
        }
        const auto diff = journey::diff_maps(*before, *after);
        ResultTable table;
        table.title = "Compared with " + file_name(path) + ": " + std::to_string(diff.added.size()) +
                      " added, " + std::to_string(diff.removed.size()) + " removed, " +
                      std::to_string(diff.changed.size()) + " changed step(s)";
        table.headings = {"Change", "Step", "Stage / Lane", "Detail"};
        for (auto& line : journey::summarize_diff(diff, target->page()))
            table.rows.push_back({{line.change, line.step, line.where, line.detail}, std::move(line.cells)});
        table.report = [diff](exporters::ReportFormat format) {
            return exporters::write_diff_report(diff, format);
        };
        show_results(table);

        std::vector<plugin::HostServices::Field> fields{{"annotate", "no", {"no", "yes"}}};
        if (!host.ask("Mark the changes on this page? (yes/no)", fields) || fields[0].value != "yes") return;
        diagram::Page edited = target->page();
        journey::annotate_diff(edited, *other, *before, *after, diff);
        submit_page_edit(host, *target, "Mark changes", edited);
    });
}

}  // namespace jstudio::journey_plugin
