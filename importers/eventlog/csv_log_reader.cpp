// CSV event logs: one row per event. The text is split in place (string_views into the buffer), activities
// and case ids are interned, and each row costs one timestamp parse: this is what keeps it above 1M rows/s.
#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <string_view>
#include <unordered_map>

#include "importers/eventlog/log_reader.hpp"

namespace jstudio::importers {

namespace {

using eventlog::Event;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Splits CSV records (RFC 4180 quoting with '"', doubled quotes inside quoted fields, CRLF or LF).
class CsvScanner {
  public:
    CsvScanner(std::string_view text, char delimiter) : m_text(text), m_delim(delimiter) {}

    bool done() const { return m_pos >= m_text.size(); }
    std::uint64_t line() const { return m_line; }  // 1-based line where the next record starts

    // Fills fields with the next record; false at the end. A quoted field with doubled quotes is unescaped
    // into storage owned by the scanner, valid until the next call.
    bool next(std::vector<std::string_view>& fields) {
        fields.clear();
        m_unescaped.clear();
        if (done()) return false;
        m_record_line = m_line;
        const std::size_t n = m_text.size();
        for (;;) {
            std::size_t i = m_pos;
            if (i < n && m_text[i] == '"') {
                ++i;
                const std::size_t start = i;
                bool escaped = false;
                for (;;) {
                    const std::size_t q = m_text.find('"', i);
                    if (q == std::string_view::npos) {  // unterminated quote: take the rest of the text
                        m_line += static_cast<std::uint64_t>(
                            std::count(m_text.begin() + static_cast<std::ptrdiff_t>(i), m_text.end(), '\n'));
                        i = n;
                        break;
                    }
                    m_line += static_cast<std::uint64_t>(
                        std::count(m_text.begin() + static_cast<std::ptrdiff_t>(i),
                                   m_text.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
                    if (q + 1 < n && m_text[q + 1] == '"') {
                        escaped = true;
                        i = q + 2;
                        continue;
                    }
                    i = q + 1;
                    break;
                }
                const std::size_t end = i >= n && (n == 0 || m_text[n - 1] != '"') ? n : i - 1;
                std::string_view raw = m_text.substr(start, end > start ? end - start : 0);
                if (escaped) {
                    std::string& s = m_unescaped.emplace_back();
                    for (std::size_t k = 0; k < raw.size(); ++k) {
                        s += raw[k];
                        if (raw[k] == '"' && k + 1 < raw.size() && raw[k + 1] == '"') ++k;
                    }
                    raw = s;
                }
                // Anything between the closing quote and the delimiter is kept out (lenient, like pandas).
                while (i < n && m_text[i] != m_delim && m_text[i] != '\n') ++i;
                fields.push_back(raw);
            } else {
                std::size_t j = i;
                while (j < n && m_text[j] != m_delim && m_text[j] != '\n') ++j;
                std::size_t e = j;
                if (e > i && m_text[e - 1] == '\r') --e;
                fields.push_back(m_text.substr(i, e - i));
                i = j;
            }
            if (i < n && m_text[i] == m_delim) {
                m_pos = i + 1;
                continue;
            }
            m_pos = i < n ? i + 1 : n;  // past the newline
            ++m_line;
            // A quoted last field may leave a '\r' before the newline: already skipped by the loop above.
            return true;
        }
    }
    std::uint64_t record_line() const { return m_record_line; }

  private:
    std::string_view m_text;
    char m_delim;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1, m_record_line = 1;
    std::deque<std::string> m_unescaped;
};

char detect_delimiter(std::string_view text) {
    std::array<std::size_t, 4> counts{};
    constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '\n') break;
        if (quoted) continue;
        for (std::size_t k = 0; k < candidates.size(); ++k)
            if (c == candidates[k]) ++counts[k];
    }
    const auto best = std::max_element(counts.begin(), counts.end());  // first of equals wins: ',' by default
    return candidates[static_cast<std::size_t>(best - counts.begin())];
}

// Column name lists, tried in order; matched case-insensitively. First hit wins, so pm4py's `concept:name`
// beats an `Activity` column that may hold something else.
struct ColumnLists {
    std::vector<std::string_view> case_names, activity_names, time_names;
};

const ColumnLists& lists_for(CsvPreset preset) {
    static const ColumnLists generic{
        {"case:concept:name", "case id", "case_id", "caseid", "case", "case:id", "trace id", "trace_id",
         "process id"},
        {"concept:name", "activity", "activity name", "activity_name", "activity_id", "event", "event name",
         "event_name", "action", "stage", "step", "status"},
        {"time:timestamp", "complete timestamp", "timestamp", "time", "end timestamp", "end_timestamp",
         "end time", "end_time", "endtime", "end", "datetime", "date", "event time", "event_time",
         "start timestamp", "start_time", "start"}};
    // Salesforce OpportunityHistory (Data Loader / Data Export): one row per stage change of an opportunity.
    static const ColumnLists salesforce{
        {"opportunityid", "opportunity id", "opportunity.id", "opportunity_id"},
        {"stagename", "stage name", "stage", "to stage"},
        {"createddate", "created date", "systemmodstamp", "closedate"}};
    // HubSpot deal stage history (deal property history export / stage-history report).
    static const ColumnLists hubspot{
        {"deal id", "dealid", "record id", "hs_object_id", "object id", "deal_id"},
        {"deal stage", "dealstage", "stage", "pipeline stage", "value", "new value", "stage name"},
        {"date entered stage", "timestamp", "change timestamp", "changed at", "updated at", "date", "time"}};
    switch (preset) {
        case CsvPreset::salesforce:
            return salesforce;
        case CsvPreset::hubspot:
            return hubspot;
        case CsvPreset::none:
            break;
    }
    return generic;
}

int find_column(const std::vector<std::string>& lower_header, std::string_view name) {
    const std::string want = lower(name);
    for (std::size_t i = 0; i < lower_header.size(); ++i)
        if (lower_header[i] == want) return static_cast<int>(i);
    return -1;
}

int pick_column(const std::vector<std::string>& lower_header, const std::vector<std::string_view>& names) {
    for (auto name : names)
        if (int i = find_column(lower_header, name); i >= 0) return i;
    return -1;
}

std::string list_header(const std::vector<std::string>& header) {
    std::string s;
    for (const auto& h : header) s += (s.empty() ? "'" : ", '") + h + "'";
    return s;
}

bool iequals_complete(std::string_view v) {
    static constexpr std::string_view c = "complete";
    if (v.size() != c.size()) return false;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(v[i])) != c[i]) return false;
    return true;
}

struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

Result<LogReadResult> read_csv_log(std::string_view text, const std::string& name,
                                   const LogReadOptions& opt) {
    LogReadResult out;
    out.format = LogFormat::csv;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const char delim = opt.delimiter ? opt.delimiter : detect_delimiter(text);
    out.columns.delimiter = delim;
    CsvScanner scan(text, delim);
    std::vector<std::string_view> fields;
    // Leading blank lines are not a header.
    while (scan.next(fields) && fields.size() == 1 && fields[0].empty()) {
    }
    if (fields.empty() || (fields.size() == 1 && fields[0].empty()))
        return make_error(ErrorCode::bad_csv, "empty file: no header line", at_file(name));
    std::vector<std::string> header(fields.begin(), fields.end()), lower_header;
    for (const auto& h : header) lower_header.push_back(lower(h));

    const ColumnLists& lists = lists_for(opt.preset);
    const ColumnLists& generic = lists_for(CsvPreset::none);
    const auto choose = [&](const std::string& given, const std::vector<std::string_view>& names,
                            const std::vector<std::string_view>& fallback, const char* what,
                            bool required) -> Result<int> {
        if (!given.empty()) {
            int i = find_column(lower_header, given);
            if (i < 0)
                return make_error(ErrorCode::bad_usage,
                                  std::string("no ") + what + " column '" + given + "'; the header has " +
                                      list_header(header),
                                  at_file(name));
            return i;
        }
        int i = pick_column(lower_header, names);
        if (i < 0) i = pick_column(lower_header, fallback);  // a preset falls back on the generic names
        if (i < 0 && required)
            return make_error(ErrorCode::bad_usage,
                              std::string("cannot tell which column holds the ") + what + " (use --" +
                                  (std::string_view(what) == "case id"    ? "case"
                                   : std::string_view(what) == "activity" ? "activity"
                                                                          : "time") +
                                  "); the header has " + list_header(header),
                              at_file(name));
        return i;
    };
    auto case_col = choose(opt.case_column, lists.case_names, generic.case_names, "case id", true);
    if (!case_col) return case_col.error();
    auto act_col =
        choose(opt.activity_column, lists.activity_names, generic.activity_names, "activity", true);
    if (!act_col) return act_col.error();
    auto time_col = choose(opt.time_column, lists.time_names, generic.time_names, "timestamp", true);
    if (!time_col) return time_col.error();
    auto life_col = choose(opt.lifecycle_column, {"lifecycle:transition", "lifecycle", "transition"}, {},
                           "lifecycle", false);
    if (!life_col) return life_col.error();
    int seg_col = -1;
    if (!opt.segment_column.empty()) {
        seg_col = find_column(lower_header, opt.segment_column);
        if (seg_col < 0)
            return make_error(
                ErrorCode::bad_usage,
                "no segment column '" + opt.segment_column + "'; the header has " + list_header(header),
                at_file(name));
    }
    const int ci = *case_col, ai = *act_col, ti = *time_col, li = *life_col;
    out.columns.case_column = header[static_cast<std::size_t>(ci)];
    out.columns.activity_column = header[static_cast<std::size_t>(ai)];
    out.columns.time_column = header[static_cast<std::size_t>(ti)];
    if (li >= 0) out.columns.lifecycle_column = header[static_cast<std::size_t>(li)];
    if (seg_col >= 0) out.columns.segment_column = header[static_cast<std::size_t>(seg_col)];

    eventlog::TimeFormat tf = opt.time_format;
    if (tf.order == eventlog::DateOrder::automatic) {
        // 03/04/2024 is settled by the first value whose day is above 12; look at the first 10,000 rows.
        CsvScanner probe = scan;
        std::vector<std::string_view> f;
        for (int k = 0; k < 10000 && probe.next(f); ++k) {
            if (static_cast<int>(f.size()) <= ti) continue;
            if (auto o = eventlog::order_forced_by(f[static_cast<std::size_t>(ti)]);
                o != eventlog::DateOrder::automatic) {
                tf.order = o;
                break;
            }
        }
    }

    auto& log = out.log;
    std::unordered_map<std::string, std::uint32_t, SvHash, std::equal_to<>> case_ids;
    std::string last_case;
    std::uint32_t last_index = UINT32_MAX;
    const std::size_t width = header.size();
    // pandas accepts rows shorter than the header when the missing cells are trailing empty columns; we
    // accept a row whose count differs only when every needed column is present and the extra cells are
    // empty.
    const std::size_t needed = static_cast<std::size_t>(std::max({ci, ai, ti, li, seg_col})) + 1;
    std::uint64_t row = 0, reported = 0;
    const auto bad = [&](std::string message) -> bool {
        ++log.counts.rows_bad;
        Location where = at_file(name);
        where.csv_row = row;
        where.line = static_cast<std::uint32_t>(scan.record_line());
        if (opt.bad_rows == BadRows::fatal) return false;
        if (reported++ < opt.max_reported_rows)
            out.diagnostics.push_back({Severity::warning, std::move(message), where});
        return true;
    };
    Error fatal;
    const auto fail = [&](std::string message) {
        Location where = at_file(name);
        where.csv_row = row;
        where.line = static_cast<std::uint32_t>(scan.record_line());
        fatal = make_error(ErrorCode::bad_csv, std::move(message), where);
    };

    while (scan.next(fields)) {
        if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
        ++row;
        ++log.counts.events_in_file;
        if (fields.size() != width) {
            bool tolerable = fields.size() >= needed;
            for (std::size_t k = width; tolerable && k < fields.size(); ++k) tolerable = fields[k].empty();
            if (!tolerable) {
                std::string m = "row has " + std::to_string(fields.size()) + " columns, the header has " +
                                std::to_string(width);
                if (!bad(m)) return fail(m), fatal;
                continue;
            }
        }
        const std::string_view case_id = fields[static_cast<std::size_t>(ci)];
        if (case_id.empty()) {
            if (!bad("missing case id")) return fail("missing case id"), fatal;
            continue;
        }
        const std::string_view activity = fields[static_cast<std::size_t>(ai)];
        if (activity.empty()) {
            if (!bad("missing activity")) return fail("missing activity"), fatal;
            continue;
        }
        const std::string_view time_text = fields[static_cast<std::size_t>(ti)];
        const auto time = eventlog::parse_timestamp(time_text, tf);
        if (!time) {
            std::string m = time_text.empty() ? "missing timestamp"
                                              : "cannot read timestamp '" + std::string(time_text) + "'";
            if (!bad(m)) return fail(m), fatal;
            continue;
        }
        if (li >= 0) {
            const std::string_view life = fields[static_cast<std::size_t>(li)];
            if (!life.empty() && !iequals_complete(life)) {
                ++log.counts.events_lifecycle_skipped;
                // The case still exists (first appearance order), it may just end up empty.
            }
        }
        std::uint32_t index;
        if (last_index != UINT32_MAX && case_id == last_case) {
            index = last_index;
        } else {
            auto it = case_ids.find(case_id);
            if (it == case_ids.end()) {
                index = static_cast<std::uint32_t>(log.cases.size());
                it = case_ids.emplace(std::string(case_id), index).first;
                auto& c = log.cases.emplace_back();
                c.id = case_id;
                if (seg_col >= 0) c.segment = fields[static_cast<std::size_t>(seg_col)];
            }
            index = it->second;
            last_case.assign(case_id);
            last_index = index;
        }
        if (li >= 0) {
            const std::string_view life = fields[static_cast<std::size_t>(li)];
            if (!life.empty() && !iequals_complete(life)) continue;
        }
        log.cases[index].events.push_back(Event{*time, log.activity_id(activity), true});
    }
    if (log.counts.rows_bad > opt.max_reported_rows)
        out.diagnostics.push_back(
            {Severity::warning,
             std::to_string(log.counts.rows_bad - opt.max_reported_rows) + " more bad rows not listed",
             at_file(name)});
    if (log.counts.rows_bad > 0)
        out.diagnostics.push_back(
            {Severity::warning,
             std::to_string(log.counts.rows_bad) + " bad row(s) skipped of " + std::to_string(row),
             at_file(name)});
    log.order_events();
    return out;
}

}  // namespace jstudio::importers
