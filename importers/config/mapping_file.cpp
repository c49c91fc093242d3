#include "importers/config/mapping_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/base/file_io.hpp"
#include "importers/eventlog/log_reader.hpp"

namespace jstudio::importers {

namespace {

// The names a step column goes by, in the order they are looked for.
constexpr const char* step_keys[] = {"step", "stage", "target", "step_id"};

Result<std::vector<eventlog::MappingRow>> parse_json(std::string_view text, const std::string& source) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded())
        return make_error(ErrorCode::bad_usage, "mapping file is not valid JSON", at_file(source));
    std::vector<eventlog::MappingRow> rows;
    if (j.is_object()) {
        for (const auto& [k, v] : j.items())
            if (v.is_string()) rows.push_back({k, v.get<std::string>()});
        return rows;
    }
    for (const auto& o : j) {
        const bool has_activity = o.is_object() && o.contains("activity") && o["activity"].is_string();
        if (!o.is_object() || (!has_activity && !o.contains("stall_days")))
            return make_error(ErrorCode::bad_usage, "mapping entries need an \"activity\"", at_file(source));
        std::string target;
        for (const char* k : step_keys)
            if (o.contains(k) && o[k].is_string()) {
                target = o[k].get<std::string>();
                break;
            }
        double stall_days = 0;
        if (o.contains("stall_days") && o["stall_days"].is_number())
            stall_days = o["stall_days"].get<double>();
        rows.push_back({has_activity ? o["activity"].get<std::string>() : std::string(), target, stall_days});
    }
    return rows;
}

Result<std::vector<eventlog::MappingRow>> parse_csv(std::string_view text, const std::string& source) {
    const auto table = read_csv_rows(text);
    if (table.empty()) return make_error(ErrorCode::bad_usage, "mapping file is empty", at_file(source));
    std::vector<std::string> head;
    for (auto h : table.front()) {
        std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return std::tolower(c); });
        head.push_back(h);
    }
    const auto col = [&](auto&& names) {
        for (const char* n : names)
            if (auto it = std::find(head.begin(), head.end(), n); it != head.end())
                return static_cast<int>(it - head.begin());
        return -1;
    };
    const int a = col(std::initializer_list<const char*>{"activity"}), s = col(step_keys),
              d = col(std::initializer_list<const char*>{"stall_days", "stall days"});
    if (a < 0 || s < 0)
        return make_error(ErrorCode::bad_usage, "a mapping CSV needs an 'activity' and a 'step' column",
                          at_file(source));
    std::vector<eventlog::MappingRow> rows;
    for (std::size_t r = 1; r < table.size(); ++r) {
        const auto& row = table[r];
        if (row.size() <= static_cast<std::size_t>(std::max(a, s))) {
            Location where = at_file(source);
            where.csv_row = r;
            return make_error(ErrorCode::bad_usage, "mapping row has too few columns", where);
        }
        double stall_days = 0;
        if (d >= 0 && static_cast<std::size_t>(d) < row.size() && !row[static_cast<std::size_t>(d)].empty()) {
            const std::string& cell = row[static_cast<std::size_t>(d)];
            char* end = nullptr;
            stall_days = std::strtod(cell.c_str(), &end);
            if (end == cell.c_str() || *end != '\0' || stall_days < 0) {
                Location where = at_file(source);
                where.csv_row = r;
                return make_error(ErrorCode::bad_usage, "stall_days '" + cell + "' is not a number of days",
                                  where);
            }
        }
        rows.push_back({row[static_cast<std::size_t>(a)], row[static_cast<std::size_t>(s)], stall_days});
    }
    return rows;
}

}  // namespace

Result<std::vector<eventlog::MappingRow>> parse_mapping(std::string_view text, const std::string& source) {
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && (text[i] == '{' || text[i] == '[')) return parse_json(text, source);
    return parse_csv(text, source);
}

Result<std::vector<eventlog::MappingRow>> read_mapping_file(const std::string& path) {
    auto text = read_file(path);
    if (!text) return text.error();
    return parse_mapping(*text, path);
}

}  // namespace jstudio::importers
