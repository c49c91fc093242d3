#include "importers/drawio/stencil_library.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <unordered_map>

#include "core/base/drawio_data.hpp"
#include "importers/drawio/stencil_reader.hpp"

namespace jstudio::importers {

namespace {

using Library = std::unordered_map<std::string, std::shared_ptr<const render::Stencil>>;

// A library file is at most a few MB (aws4.xml, the largest, 3.6 MB); anything far larger is not one.
constexpr std::uintmax_t max_library_bytes = 64u << 20;

Library read_library(const std::filesystem::path& file) {
    Library out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > max_library_bytes) return out;
    std::ifstream in(file, std::ios::binary);
    if (!in) return out;
    std::ostringstream text;
    text << in.rdbuf();
    auto set = read_stencil_set_xml(text.str());
    if (!set) return out;
    for (auto& stencil : set.value().stencils) {
        std::string key = stencil.name;
        out.emplace(std::move(key), std::make_shared<const render::Stencil>(std::move(stencil)));
    }
    return out;
}

}  // namespace

std::shared_ptr<const render::Stencil> library_stencil(std::string_view shape_name) {
    const auto file = render::stencil_library_file(shape_name);
    if (!file) return nullptr;
    static std::mutex mutex;
    static std::map<std::string, Library> libraries;  // by library file; a missing file is an empty one
    std::lock_guard lock(mutex);
    auto it = libraries.find(*file);
    if (it == libraries.end()) {
        Library lib;
        if (const auto dir = drawio_data_dir()) lib = read_library(*dir / "stencils" / (*file + ".xml"));
        it = libraries.emplace(*file, std::move(lib)).first;
    }
    auto found = it->second.find(stencil_key(shape_name));
    return found == it->second.end() ? nullptr : found->second;
}

void use_stencil_library() {
    render::set_stencil_lookup(&library_stencil);
}

}  // namespace jstudio::importers
