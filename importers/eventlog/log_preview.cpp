#include "importers/eventlog/log_preview.hpp"

#include <algorithm>
#include <array>
#include <ctime>

namespace jstudio::importers {

namespace {

// The first `count` records (header included) of CSV text, quotes honoured; a bounded cousin of the reader's
// scanner, enough to show a few rows.
std::vector<std::vector<std::string>> first_records(std::string_view text, char delimiter,
                                                    std::size_t count) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, any = false;
    auto end_record = [&]() {
        record.push_back(std::move(field));
        field.clear();
        if (!(record.size() == 1 && record[0].empty())) out.push_back(std::move(record));
        record.clear();
        any = false;
    };
    for (std::size_t i = 0; i < text.size() && out.size() < count; ++i) {
        const char c = text[i];
        any = true;
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == delimiter) {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            end_record();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (any && out.size() < count) end_record();
    return out;
}

char guess_delimiter(std::string_view text) {
    const std::string_view line = text.substr(0, text.find('\n'));
    constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
    char best = ',';
    std::ptrdiff_t most = 0;
    for (char c : candidates)
        if (const auto n = std::count(line.begin(), line.end(), c); n > most) most = n, best = c;
    return best;
}

std::string iso_time(const eventlog::Event& e) {
    if (!e.has_time) return "";
    const std::time_t seconds = static_cast<std::time_t>(e.time_us / 1000000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace

Result<LogPreview> preview_event_log(std::string_view text, const std::string& name,
                                     const LogReadOptions& options, std::size_t rows) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return make_error(ErrorCode::bad_csv, "empty file", at_file(name));
    LogPreview out;
    const bool xes =
        options.format == LogFormat::xes || (options.format == LogFormat::automatic && text[first] == '<');
    if (xes) {
        std::string copy(text);
        auto read = read_xes_log(copy, name, options);
        if (!read) return read.error();
        out.format = LogFormat::xes;
        out.header = {"case", "activity", "time"};
        for (const auto& c : read->log.cases)
            for (const auto& e : c.events) {
                if (out.rows.size() >= rows) break;
                out.rows.push_back({c.id, read->log.activity_name(e.activity), iso_time(e)});
            }
        return out;
    }
    const char delimiter = options.delimiter ? options.delimiter : guess_delimiter(text);
    auto records = first_records(text, delimiter, rows + 1);
    if (records.empty()) return make_error(ErrorCode::bad_csv, "empty file: no header line", at_file(name));
    out.header = std::move(records.front());
    out.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    for (auto& row : out.rows) row.resize(out.header.size());
    // Let the reader itself decide the columns, on the header alone: the preview shows exactly what it will
    // use.
    const std::string_view header_line =
        text.substr(0, text.find('\n') == std::string_view::npos ? text.size() : text.find('\n') + 1);
    LogReadOptions probe = options;
    probe.delimiter = delimiter;
    auto read = read_csv_log(header_line, name, probe);
    if (read)
        out.columns = read->columns;
    else
        out.problem = read.error().message;
    out.columns.delimiter = delimiter;
    return out;
}

}  // namespace jstudio::importers
