#include "plugin/journey/page_edit.hpp"

#include <filesystem>
#include <sstream>

#include "core/diagram/cell_delta.hpp"
#include "plugin/include/jstudio/cell_command.hpp"

namespace jstudio::journey_plugin {

std::optional<ActivePage> active_page(plugin::HostServices& host, const std::string& command) {
    auto* document = host.active_document();
    const int page = host.active_page();
    if (!document || page < 0 || static_cast<std::size_t>(page) >= document->pages.size()) {
        host.report_error(command + ": open a diagram first");
        return std::nullopt;
    }
    return ActivePage{document, static_cast<std::size_t>(page)};
}

bool submit_page_edit(plugin::HostServices& host, const ActivePage& target, const std::string& name,
                      const diagram::Page& edited) {
    auto deltas = diagram::diff_cells(target.page(), edited);
    if (deltas.empty()) return false;
    std::vector<plugin::CellChange> changes;
    changes.reserve(deltas.size());
    for (auto& d : deltas)
        changes.push_back({std::move(d.id), std::move(d.before), std::move(d.after), d.position});
    host.submit(std::make_unique<plugin::CellCommand>(wxString::FromUTF8(name), target.document, target.index,
                                                      std::move(changes)));
    return true;
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

std::vector<std::string> split_list(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, separator);) {
        const auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
        if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    }
    return out;
}

}  // namespace jstudio::journey_plugin
