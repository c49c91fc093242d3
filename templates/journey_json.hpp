#pragma once
// A journey map as JSON: the template file format, and what `journey info` prints for a journey page.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::templates {

// Steps and transitions refer to stages, lanes, personas and steps by id. Unknown stage/lane ids are kept as
// "in no stage"/"unknown lane" (validate() names them); a transition to an unknown step is an error.
Result<journey::JourneyMap> map_from_json(const nlohmann::ordered_json& json, const std::string& file_name);
Result<journey::JourneyMap> map_from_json_text(std::string_view text, const std::string& file_name);
nlohmann::ordered_json map_to_json(const journey::JourneyMap& map);

}  // namespace jstudio::templates
