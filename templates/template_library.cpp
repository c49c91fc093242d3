#include "templates/template_library.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "core/base/file_io.hpp"
#include "core/journey/journey_draw.hpp"
#include "templates/journey_json.hpp"

namespace jstudio::templates {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

std::string slug(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "stage" : out;
}

}  // namespace

std::vector<fs::path> template_search_path(const std::string& user_dir) {
    std::vector<fs::path> candidates;
    if (!user_dir.empty()) candidates.emplace_back(user_dir);
    if (const char* env = std::getenv(template_path_env)) {
        std::string list = env;
        std::size_t start = 0;
        while (start <= list.size()) {
            std::size_t colon = list.find(':', start);
            if (colon == std::string::npos) colon = list.size();
            if (colon > start) candidates.emplace_back(list.substr(start, colon - start));
            start = colon + 1;
        }
    }
    const fs::path exe = executable_dir();
    if (!exe.empty()) {
        candidates.push_back(exe / ".." / "share" / "journey-studio" / "templates");  // installed
        candidates.push_back(exe / ".." / "templates" / "data");                      // build tree copy
    }
#ifdef JSTUDIO_SOURCE_DIR
    candidates.push_back(fs::path(JSTUDIO_SOURCE_DIR) / "templates" / "data");
#endif
    std::vector<fs::path> out;
    std::set<fs::path> seen;
    for (const auto& c : candidates) {
        std::error_code ec;
        if (!fs::is_directory(c, ec)) continue;
        auto canon = fs::weakly_canonical(c, ec);
        if (seen.insert(ec ? c : canon).second) out.push_back(ec ? c : canon);
    }
    return out;
}

std::vector<TemplateInfo> list_templates(const std::vector<fs::path>& folders) {
    std::vector<TemplateInfo> out;
    std::set<std::string> names;
    for (const auto& folder : folders) {
        std::vector<fs::path> files;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(folder, ec))
            if (entry.path().extension() == ".json") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            TemplateInfo info;
            info.name = f.stem().string();
            if (!names.insert(info.name).second) continue;
            info.file = f;
            auto text = read_file(f.string(), std::size_t(16) << 20);
            if (text) {
                auto j = nlohmann::json::parse(*text, nullptr, false);
                if (j.is_object()) {
                    info.description = j.value("description", "");
                    info.kind = j.value("kind", "");
                }
            }
            out.push_back(std::move(info));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

Result<TemplateInfo> find_template(const std::vector<fs::path>& folders, const std::string& name) {
    // A path to a file works too: a user's own template needs no folder.
    std::error_code ec;
    if (name.find('/') != std::string::npos || fs::path(name).extension() == ".json") {
        if (fs::is_regular_file(name, ec)) return TemplateInfo{fs::path(name).stem().string(), "", "", name};
    }
    for (auto& t : list_templates(folders))
        if (t.name == name) return t;
    std::string where;
    for (const auto& f : folders) where += (where.empty() ? "" : ", ") + f.string();
    return make_error(ErrorCode::io, "no template named '" + name + "' (searched: " +
                                         (where.empty() ? std::string("no template folder found") : where) +
                                         "); `journey templates` lists them");
}

Result<journey::JourneyMap> load_template(const fs::path& file) {
    auto text = read_file(file.string(), std::size_t(16) << 20);
    if (!text) return text.error();
    return map_from_json_text(*text, file.string());
}

Status instantiate(journey::JourneyMap& map, const InstantiateOptions& opt) {
    if (!opt.title.empty()) map.title = opt.title;
    if (!opt.persona.empty()) {
        if (map.personas.empty())
            map.personas.push_back({"p1", opt.persona, "", "", {}, {}, {}, {}});
        else
            map.personas.front().name = opt.persona;
    }
    if (!opt.stages.empty()) {
        std::set<std::string> ids;
        const std::size_t keep = std::min(opt.stages.size(), map.stages.size());
        for (std::size_t i = 0; i < opt.stages.size(); ++i) {
            if (opt.stages[i].empty())
                return make_error(ErrorCode::bad_usage, "--stages: an empty stage name");
            if (i < keep) {
                map.stages[i].name = opt.stages[i];
            } else {
                std::string id = slug(opt.stages[i]);
                while (map.stage_index(id) >= 0) id += "-2";
                map.stages.push_back({id, opt.stages[i], ""});
            }
        }
        if (opt.stages.size() < map.stages.size()) {
            const int limit = static_cast<int>(opt.stages.size());
            map.graph.remove_steps_if([&](const journey::Step& s) { return s.stage >= limit; });
            map.stages.resize(opt.stages.size());
        }
    }
    return Ok{};
}

diagram::Document journey_document(const journey::JourneyMap& map) {
    diagram::Document doc = diagram::make_document();
    journey::JourneyMap copy = map;
    journey::assign_cell_ids(copy);
    doc.pages.front() = journey::draw_map(copy, "journey-1", map.title.empty() ? "Journey map" : map.title);
    return doc;
}

}  // namespace jstudio::templates
