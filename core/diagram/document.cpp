#include "core/diagram/document.hpp"

#include <charconv>

namespace jstudio::diagram {

std::string Page::display_name(std::size_t index) const {
    if (name && !name->empty()) return *name;
    return "Page-" + std::to_string(index + 1);
}

double Page::model_number(std::string_view attribute, double fallback) const {
    const std::string* v = model.find(attribute);
    if (!v || v->empty()) return fallback;
    double out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    return ec == std::errc() ? out : fallback;
}

Page make_page(std::string id, std::string name) {
    Page page;
    page.id = std::move(id);
    page.name = std::move(name);
    for (auto [k, v] : {std::pair{"grid", "1"},
                        {"gridSize", "10"},
                        {"guides", "1"},
                        {"tooltips", "1"},
                        {"connect", "1"},
                        {"arrows", "1"},
                        {"fold", "1"},
                        {"page", "1"},
                        {"pageScale", "1"},
                        {"pageWidth", "1169"},
                        {"pageHeight", "827"},
                        {"math", "0"},
                        {"shadow", "0"}})
        page.model.set(k, v);
    Cell root;
    root.id = "0";
    root.kind = CellKind::root;
    Cell layer;
    layer.id = "1";
    layer.parent = "0";
    layer.kind = CellKind::layer;
    page.cells.push_back(std::move(root));
    page.cells.push_back(std::move(layer));
    return page;
}

Document make_document(std::string page_name) {
    Document doc;
    doc.file.set("host", "journey-studio");
    doc.file.set("agent", "journey-studio " JSTUDIO_VERSION);
    doc.file.set("version", "24.7.17");
    doc.pages.push_back(make_page("page-1", std::move(page_name)));
    return doc;
}

}  // namespace jstudio::diagram
