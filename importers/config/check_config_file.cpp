#include "importers/config/check_config_file.hpp"

#include <nlohmann/json.hpp>

#include "core/base/file_io.hpp"

namespace jstudio::importers {

namespace {

namespace nav = analysis::navigation;

Error config_error(const std::string& source, const std::string& message) {
    return make_error(ErrorCode::unsupported, message, at_file(source));
}

Status apply_rule(const std::string& source, const std::string& id, const nlohmann::json& value,
                  nav::RuleSettings& rule) {
    if (value.is_boolean()) {
        rule.enabled = value.get<bool>();
        return Ok{};
    }
    if (!value.is_object())
        return config_error(source, "rule '" + id + "': expected true, false or an object");
    if (value.contains("enabled")) {
        if (!value["enabled"].is_boolean())
            return config_error(source, "rule '" + id + "': enabled must be true or false");
        rule.enabled = value["enabled"].get<bool>();
    }
    if (value.contains("severity")) {
        auto s = value["severity"].is_string() ? nav::parse_severity(value["severity"].get<std::string>())
                                               : std::nullopt;
        if (!s) return config_error(source, "rule '" + id + "': severity must be info, warning or error");
        rule.severity = *s;
    }
    if (value.contains("threshold")) {
        if (!value["threshold"].is_number())
            return config_error(source, "rule '" + id + "': threshold must be a number");
        rule.threshold = value["threshold"].get<double>();
    }
    return Ok{};
}

}  // namespace

Result<CheckSettings> parse_check_config(std::string_view text, const std::string& source) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return config_error(source, "not a JSON object");
    CheckSettings out;
    if (j.contains("rules")) {
        if (!j["rules"].is_object()) return config_error(source, "\"rules\" must be an object");
        for (const auto& [id, value] : j["rules"].items()) {
            nav::RuleSettings* rule = out.config.find(id);
            if (!rule) return config_error(source, "unknown rule '" + id + "'");
            if (auto st = apply_rule(source, id, value, *rule); !st) return st.error();
        }
    }
    for (auto [key, list] : {std::pair{"entries", &out.config.entries}, {"exits", &out.config.exits}})
        if (j.contains(key)) {
            if (!j[key].is_array())
                return config_error(source, std::string("\"") + key + "\" must be a list of ids or labels");
            for (const auto& v : j[key]) {
                if (!v.is_string())
                    return config_error(source, std::string("\"") + key + "\" must hold strings");
                list->push_back(v.get<std::string>());
            }
        }
    if (j.contains("fail_on")) {
        out.fail_on =
            j["fail_on"].is_string() ? nav::parse_severity(j["fail_on"].get<std::string>()) : std::nullopt;
        if (!out.fail_on) return config_error(source, "fail_on must be info, warning or error");
    }
    return out;
}

Result<CheckSettings> read_check_config(const std::string& path) {
    auto text = read_file(path);
    if (!text) return text.error();
    return parse_check_config(*text, path);
}

}  // namespace jstudio::importers
