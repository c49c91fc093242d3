#pragma once
// A new journey map from a template in one call, as `journey new` and the studio's New Journey Map command
// make it, and where its page goes in an open document.
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::templates {

struct NewMapOptions {
    std::string template_name;        // a name from list_templates(), or a .json file
    std::string title, persona;       // as InstantiateOptions
    std::vector<std::string> stages;  // as InstantiateOptions
    bool keep_content = false;        // as InstantiateOptions
    std::string template_dir;         // extra folder searched first
};

struct NewMap {
    journey::JourneyMap map;
    diagram::Page page;  // the drawn map, one page
    std::vector<std::string>
        warnings;  // instantiate's notes (what was dropped), journey::validate's messages
};

Result<NewMap> new_map(const NewMapOptions& options);

// A page holding nothing but the root and one empty layer, as File > New makes it.
bool is_blank_page(const diagram::Page& page);

// `pages` with `page` added: it replaces the only page when that page is blank, else goes last. Its id is
// made unique in the document (draw.io links pages by id) and its name too, by a " (2)" suffix.
std::vector<diagram::Page> with_page(std::vector<diagram::Page> pages, diagram::Page page);

}  // namespace jstudio::templates
