#include "app/studio/stencil_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

namespace jstudio::studio {

namespace {

// The value of attribute `name` in one start tag's text, with draw.io's few entities decoded.
std::optional<std::string> attribute(std::string_view tag, std::string_view name) {
    for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
        const bool starts = at > 0 && std::isspace(static_cast<unsigned char>(tag[at - 1]));
        std::size_t eq = at + name.size();
        while (eq < tag.size() && std::isspace(static_cast<unsigned char>(tag[eq]))) ++eq;
        if (!starts || eq >= tag.size() || tag[eq] != '=') continue;
        std::size_t open = eq + 1;
        while (open < tag.size() && std::isspace(static_cast<unsigned char>(tag[open]))) ++open;
        if (open >= tag.size() || (tag[open] != '"' && tag[open] != '\'')) return std::nullopt;
        const std::size_t close = tag.find(tag[open], open + 1);
        if (close == std::string_view::npos) return std::nullopt;
        std::string value(tag.substr(open + 1, close - open - 1));
        for (const auto& [entity, text] :
             {std::pair{"&amp;", "&"}, std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"},
              std::pair{"&quot;", "\""}, std::pair{"&apos;", "'"}})
            for (std::size_t e = value.find(entity); e != std::string::npos; e = value.find(entity, e + 1))
                value.replace(e, std::string_view(entity).size(), text);
        return value;
    }
    return std::nullopt;
}

std::string registry_key(std::string_view name) {
    std::string key(name);
    for (char& c : key) c = c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

}  // namespace

std::vector<StencilEntry> scan_stencil_library(std::string_view xml, const std::string& library) {
    std::vector<StencilEntry> out;
    const std::size_t set = xml.find("<shapes");
    if (set == std::string_view::npos) return out;
    const std::size_t set_end = xml.find('>', set);
    if (set_end == std::string_view::npos) return out;
    const auto package = attribute(xml.substr(set, set_end - set), "name");
    for (std::size_t at = xml.find("<shape", set_end); at != std::string_view::npos;
         at = xml.find("<shape", at + 6)) {
        if (at + 6 >= xml.size() || !std::isspace(static_cast<unsigned char>(xml[at + 6]))) continue;
        const std::size_t end = xml.find('>', at);
        if (end == std::string_view::npos) break;
        const auto tag = xml.substr(at, end - at);
        const auto name = attribute(tag, "name");
        if (!name || name->empty()) continue;
        StencilEntry e;
        e.library = library;
        e.name = *name;
        e.key = registry_key((package ? *package + "." : std::string()) + *name);
        e.width = std::atof(attribute(tag, "w").value_or("100").c_str());
        e.height = std::atof(attribute(tag, "h").value_or("100").c_str());
        if (!(e.width > 0) || !(e.height > 0)) e.width = e.height = 100;
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<StencilEntry> scan_stencil_libraries(const std::filesystem::path& stencils) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(stencils, ec), end; !ec && it != end;
         it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".xml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    std::vector<StencilEntry> out;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto library = std::filesystem::relative(file, stencils, ec).replace_extension().generic_string();
        auto entries = scan_stencil_library(text.str(), library);
        std::move(entries.begin(), entries.end(), std::back_inserter(out));
    }
    return out;
}

}  // namespace jstudio::studio
