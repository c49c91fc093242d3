#include "templates/new_map.hpp"

#include <algorithm>

#include "templates/template_library.hpp"

namespace jstudio::templates {

Result<NewMap> new_map(const NewMapOptions& options) {
    const auto folders = template_search_path(options.template_dir);
    auto info = find_template(folders, options.template_name);
    if (!info) return info.error();
    auto map = load_template(info->file);
    if (!map) return map.error();
    InstantiateOptions inst;
    inst.title = options.title;
    inst.persona = options.persona;
    inst.stages = options.stages;
    inst.keep_content = options.keep_content;
    auto notes = instantiate(*map, inst);
    if (!notes) return notes.error();
    NewMap out;
    out.warnings = std::move(*notes);
    for (const auto& issue : journey::validate(*map)) out.warnings.push_back(issue.message);
    out.page = std::move(journey_document(*map).pages.front());
    out.map = std::move(*map);
    return out;
}

bool is_blank_page(const diagram::Page& page) {
    return page.cells.size() <= 2 &&
           std::all_of(page.cells.begin(), page.cells.end(), [](const diagram::Cell& c) {
               return c.kind == diagram::CellKind::root || c.kind == diagram::CellKind::layer;
           });
}

std::vector<diagram::Page> with_page(std::vector<diagram::Page> pages, diagram::Page page) {
    if (pages.size() == 1 && is_blank_page(pages.front())) {
        pages.front() = std::move(page);
        return pages;
    }
    auto taken = [&](auto field, const std::string& value) {
        return std::any_of(pages.begin(), pages.end(),
                           [&](const diagram::Page& p) { return (p.*field).value_or("") == value; });
    };
    auto unique = [&](auto field, std::optional<std::string>& value, const std::string& fallback) {
        const std::string base = value.value_or(fallback);
        std::string candidate = base;
        for (int n = 2; taken(field, candidate); ++n) candidate = base + " (" + std::to_string(n) + ")";
        value = candidate;
    };
    unique(&diagram::Page::id, page.id, "journey-1");
    unique(&diagram::Page::name, page.name, "Journey map");
    pages.push_back(std::move(page));
    return pages;
}

}  // namespace jstudio::templates
