// Journey > New Journey Map...: a map drawn from a template (templates/, as `journey new`), with the persona,
// stages and title asked for, and whether typed stages keep the template's cards or start with placeholders.
// The template list is shown in the Journey Results panel while the dialog is open. The map fills a blank
// document, else it becomes a new page of the open one; one undo step either way.
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"
#include "plugin/journey/results_panel.hpp"
#include "templates/new_map.hpp"
#include "templates/template_library.hpp"

namespace jstudio::journey_plugin {

void add_new_map_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "New Journey Map...", "Start a journey map from a template", ""};
    host.add_command(entry, [&host]() {
        auto* document = host.active_document();
        if (!document) {
            host.report_error("New Journey Map: no document is open");
            return;
        }
        const auto list = templates::list_templates(templates::template_search_path());
        if (list.empty()) {
            host.report_error("New Journey Map: no templates found (set JOURNEY_TEMPLATE_PATH)");
            return;
        }
        ResultTable table{"Journey templates: pick one in the New Journey Map dialog",
                          {"Template", "Kind", "Description"},
                          {},
                          {}};  // a list to pick from, no report
        for (const auto& t : list) table.rows.push_back({{t.name, t.kind, t.description}, {}});
        show_results(table);

        std::vector<std::string> names;
        for (const auto& t : list) names.push_back(t.name);
        std::vector<plugin::HostServices::Field> fields{{"template", list.front().name, names},
                                                        {"persona", "", {}},
                                                        {"stages", "", {}},
                                                        {"title", "", {}},
                                                        {"keep_content", "no", {"no", "yes"}}};
        if (!host.ask("New Journey Map", fields)) return;
        templates::NewMapOptions options;
        options.template_name = fields[0].value;
        options.persona = fields[1].value;
        options.stages = split_list(fields[2].value);
        options.title = fields[3].value;
        // "yes" maps the template's cards onto the typed stages by position, as `journey new --keep-content`;
        // "no" starts them with placeholder cards.
        options.keep_content = fields[4].value == "yes";
        auto made = templates::new_map(options);
        if (!made) {
            host.report_error("New Journey Map: " + made.error().message);
            return;
        }
        for (const auto& warning : made->warnings) host.report_error("New Journey Map: " + warning);
        auto pages = templates::with_page(document->pages, std::move(made->page));
        host.submit(std::make_unique<PagesCommand>("New journey map", document, std::move(pages)));
    });
}

}  // namespace jstudio::journey_plugin
