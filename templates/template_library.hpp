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
    std::string title;    // replaces the template's title
    std::string persona;  // renames the first persona wherever the template names it: persona card, title,
                          // scenario, expectations, cards; its id (the steps' persona reference) follows
    // The new stages, in order. Without keep_content they replace the template's stages and sample cards:
    // each new stage gets one placeholder card per lane ("Add a step", ...), so the map starts consistent
    // instead of showing a shop's cards under "Qualification". With keep_content the template's stages are
    // renamed by position and keep their cards; extra names add stages with placeholders, fewer names drop
    // the template's trailing stages and their cards (said in the returned notes).
    std::vector<std::string> stages;
    bool keep_content = false;
};
// The notes are warnings for the user (stderr, the plugin's message): each template stage dropped with its
// cards.
Result<std::vector<std::string>> instantiate(journey::JourneyMap& map, const InstantiateOptions& options);

// The placeholder card text for a lane kind ("Add a step" for actions); "" for lanes that hold no cards
// (the line of visibility).
std::string placeholder_label(journey::LaneKind kind);

// The map drawn as a one-page document, ready for save_drawio.
diagram::Document journey_document(const journey::JourneyMap& map);

}  // namespace jstudio::templates
