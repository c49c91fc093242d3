#include "templates/template_library.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "core/base/file_io.hpp"
#include "core/journey/journey_draw.hpp"
#include "core/layout/journey_grid_layout.hpp"
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

std::string placeholder_label(journey::LaneKind kind) {
    return journey::placeholder_label(kind);
}

namespace {

std::string first_word(const std::string& name) {
    auto end = name.find(' ');
    return end == std::string::npos ? name : name.substr(0, end);
}

bool is_word_char(char c) {
    // Bytes of UTF-8 sequences count as letters, so "Maya" is not found inside "Mayaé".
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

// Every whole-word occurrence of `from` in `text` replaced by `to`.
void replace_word(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty() || from == to) return;
    std::size_t pos = 0;
    while ((pos = text.find(from, pos)) != std::string::npos) {
        const bool left = pos == 0 || !is_word_char(text[pos - 1]);
        const std::size_t after = pos + from.size();
        const bool right = after >= text.size() || !is_word_char(text[after]);
        if (left && right) {
            text.replace(pos, from.size(), to);
            pos += to.size();
        } else {
            pos = after;
        }
    }
}

std::string ordinal(std::size_t n) {
    const std::size_t tens = n % 100, ones = n % 10;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : ones == 1                ? "st"
                         : ones == 2                ? "nd"
                         : ones == 3                ? "rd"
                                                    : "th";
    return std::to_string(n) + suffix;
}

// The template's persona is named in its title ("a day in the life of Sam"), scenario and cards by full
// and first name; a renamed persona must be named the same way everywhere or the map contradicts itself.
void rename_persona(journey::JourneyMap& map, const std::string& name) {
    if (map.personas.empty()) {
        map.personas.push_back({slug(name), name, "", "", {}, {}, {}, {}});
        return;
    }
    journey::Persona& p = map.personas.front();
    const std::string old_name = p.name, old_first = first_word(p.name);
    const std::string new_first = first_word(name);
    auto rename = [&](std::string& text) {
        replace_word(text, old_name, name);  // full name first: "Maya Chen" -> "Priya Patel"
        replace_word(text, old_first, new_first);
    };
    rename(map.title);
    rename(map.scenario);
    for (auto& e : map.expectations) rename(e);
    rename(p.quote);
    for (auto* list : {&p.goals, &p.needs, &p.frustrations})
        for (auto& item : *list) rename(item);
    for (auto s : map.graph.steps()) {
        rename(map.graph.step(s).label);
        rename(map.graph.step(s).notes);
    }
    p.name = name;
    // The id is written on every emotion point and card of the persona (metadata `persona`); "maya" on
    // Priya's cards would be read back by anyone opening the file.
    std::string id = slug(name);
    auto taken = [&](const std::string& candidate) {
        for (std::size_t i = 1; i < map.personas.size(); ++i)
            if (map.personas[i].id == candidate) return true;
        return false;
    };
    while (taken(id)) id += "-2";
    if (id != p.id) {
        for (auto s : map.graph.steps())
            if (map.graph.step(s).persona == p.id) map.graph.step(s).persona = id;
        p.id = id;
    }
}

// One placeholder card per lane in stage `stage`; the emotion lane gets one neutral point per persona so
// every persona's curve runs across the new stage.
void add_placeholders(journey::JourneyMap& map, int stage) {
    const std::string& sid = map.stages[static_cast<std::size_t>(stage)].id;
    for (std::size_t l = 0; l < map.lanes.size(); ++l) {
        const auto& lane = map.lanes[l];
        const std::string label = journey::placeholder_label(lane.kind);
        if (label.empty()) continue;
        auto make = [&](const std::string& id) {
            journey::Step step;
            step.id = id;
            step.label = label;
            step.stage = stage;
            step.lane = static_cast<int>(l);
            return step;
        };
        if (lane.kind == journey::LaneKind::emotions && !map.personas.empty()) {
            for (const auto& p : map.personas) {
                auto step = make("new-" + sid + "-" + lane.id + "-" + p.id);
                step.emotion = 0.0;
                step.persona = p.id;
                map.graph.add_step(std::move(step));
            }
        } else {
            map.graph.add_step(make("new-" + sid + "-" + lane.id));
        }
    }
}

std::size_t steps_in_stage(const journey::JourneyMap& map, int stage) {
    std::size_t n = 0;
    for (auto s : map.graph.steps()) n += map.graph.step(s).stage == stage ? 1 : 0;
    return n;
}

}  // namespace

Result<std::vector<std::string>> instantiate(journey::JourneyMap& map, const InstantiateOptions& opt) {
    std::vector<std::string> notes;
    for (const auto& name : opt.stages)
        if (name.empty()) return make_error(ErrorCode::bad_usage, "--stages: an empty stage name");
    if (!opt.persona.empty()) rename_persona(map, opt.persona);
    if (!opt.title.empty()) map.title = opt.title;
    if (opt.stages.empty()) return notes;

    const std::size_t given = opt.stages.size(), had = map.stages.size();
    std::size_t keep = 0;
    if (opt.keep_content) {
        keep = std::min(given, had);
        for (std::size_t i = given; i < had; ++i) {
            const std::size_t n = steps_in_stage(map, static_cast<int>(i));
            notes.push_back("--stages gives " + std::to_string(given) + " stage" + (given == 1 ? "" : "s") +
                            "; the template's " + ordinal(i + 1) + " stage '" + map.stages[i].name +
                            "' and its " + std::to_string(n) + " card" + (n == 1 ? "" : "s") +
                            " were dropped");
        }
        const int limit = static_cast<int>(given);
        map.graph.remove_steps_if([&](const journey::Step& s) { return s.stage >= limit; });
    } else {
        // Replacing the sample cards is what was asked for: the caller says so, it is no warning.
        map.graph = journey::JourneyGraph();
    }
    map.stages.resize(keep);
    for (std::size_t i = 0; i < given; ++i) {
        if (i < keep) {
            map.stages[i].name = opt.stages[i];
            continue;
        }
        std::string id = slug(opt.stages[i]);
        while (map.stage_index(id) >= 0) id += "-2";
        map.stages.push_back({id, opt.stages[i], ""});
        add_placeholders(map, static_cast<int>(i));
    }
    return notes;
}

diagram::Document journey_document(const journey::JourneyMap& map) {
    diagram::Document doc = diagram::make_document();
    journey::JourneyMap copy = map;
    journey::assign_cell_ids(copy);
    doc.pages.front() = journey::draw_map(copy, "journey-1", map.title.empty() ? "Journey map" : map.title);
    // The grid layout routes the transitions around the cards and puts their labels in free space, so a new
    // map is already what `journey layout` makes of it.
    (void)layout::layout_journey_map(doc.pages.front());  // fails only on a page that is not a journey map
    return doc;
}

}  // namespace jstudio::templates
