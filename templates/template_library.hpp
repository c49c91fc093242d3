#pragma once
// Journey templates are JSON files a user can read and edit (templates/data/*.json). This finds them, lists
// them and turns one into a draw.io document.
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::templates {

// Environment variable holding extra template folders, ':'-separated, searched before the built-in ones.
inline constexpr const char* template_path_env = "JOURNEY_TEMPLATE_PATH";

// Folders searched, first wins on a name clash: user_dir (if given), $JOURNEY_TEMPLATE_PATH, the install
// folder (<exe>/../share/journey-studio/templates), the source tree's templates/data. Only existing folders.
std::vector<std::filesystem::path> template_search_path(const std::string& user_dir = {});

struct TemplateInfo {
    std::string name;         // file stem: "current-state"
    std::string description;  // the "description" field, one line
    std::string kind;         // "current-state", ...
    std::filesystem::path file;
};
// Every *.json in the folders, sorted by name; a name already seen in an earlier folder is skipped.
std::vector<TemplateInfo> list_templates(const std::vector<std::filesystem::path>& folders);
// nullopt-like error (ErrorCode::io) naming the folders searched when the name is unknown.
Result<TemplateInfo> find_template(const std::vector<std::filesystem::path>& folders,
                                   const std::string& name);

Result<journey::JourneyMap> load_template(const std::filesystem::path& file);

struct InstantiateOptions {
    std::string title;                // replaces the template's title
    std::string persona;              // renames the first persona
    std::vector<std::string> stages;  // renames stages in order; extra names add empty stages, fewer names
                                      // drop the template's trailing stages and their steps
};
Status instantiate(journey::JourneyMap& map, const InstantiateOptions& options);

// The map drawn as a one-page document, ready for save_drawio.
diagram::Document journey_document(const journey::JourneyMap& map);

}  // namespace jstudio::templates
