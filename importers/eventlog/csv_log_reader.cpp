// CSV event logs: one row per event. The text is split in place (string_views into the buffer), activities
// and case ids are interned, and each row costs one timestamp parse: this is what keeps it above 1M rows/s.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/base/huge_pages.hpp"
#include "importers/eventlog/byte_source.hpp"
#include "importers/eventlog/log_reader.hpp"

namespace jstudio::importers {

namespace {

using eventlog::Event;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

enum class Scan { record, incomplete, end };

// Parses the CSV record (RFC 4180 quoting with '"', doubled quotes inside quoted fields, CRLF or LF) that
// starts at `pos`. `final` says no more bytes will follow `text`; without it a record that reaches the end
// of `text` is `incomplete` and nothing is consumed. Quoted fields with doubled quotes are unescaped into
// `unescaped`, valid until the next call.
Scan parse_record(std::string_view t, std::size_t& pos, bool final, char delim,
                  std::vector<std::string_view>& fields, std::deque<std::string>& unescaped,
                  std::uint64_t& lines) {
    fields.clear();
    unescaped.clear();
    const std::size_t n = t.size();
    if (pos >= n) return final ? Scan::end : Scan::incomplete;
    const char* const base = t.data();
    const char* b = base + pos;
    const auto* nl = static_cast<const char*>(std::memchr(b, '\n', n - pos));
    if (!nl && !final) return Scan::incomplete;
    const char* e = nl ? nl : base + n;
    // Fast path, the common case: no quote on the line, so fields are the pieces between delimiters.
    if (!std::memchr(b, '"', static_cast<std::size_t>(e - b))) {
        const char* line_end = e;
        if (line_end > b && line_end[-1] == '\r') --line_end;
        for (const char* p = b;;) {
            const auto* q =
                static_cast<const char*>(std::memchr(p, delim, static_cast<std::size_t>(line_end - p)));
            if (!q) {
                fields.emplace_back(p, static_cast<std::size_t>(line_end - p));
                break;
            }
            fields.emplace_back(p, static_cast<std::size_t>(q - p));
            p = q + 1;
        }
        pos = nl ? static_cast<std::size_t>(nl - base) + 1 : n;
        ++lines;
        return Scan::record;
    }
    std::uint64_t newlines = 0;
    std::size_t i = pos;
    for (;;) {
        if (i < n && t[i] == '"') {
            ++i;
            const std::size_t start = i;
            bool escaped = false;
            for (;;) {
                const std::size_t q = t.find('"', i);
                if (q == std::string_view::npos) {  // unterminated quote: take the rest of the text
                    if (!final) return Scan::incomplete;
                    newlines += static_cast<std::uint64_t>(
                        std::count(t.begin() + static_cast<std::ptrdiff_t>(i), t.end(), '\n'));
                    i = n;
                    break;
                }
                newlines +=
                    static_cast<std::uint64_t>(std::count(t.begin() + static_cast<std::ptrdiff_t>(i),
                                                          t.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
                if (q + 1 >= n && !final) return Scan::incomplete;  // a doubled quote may follow
                if (q + 1 < n && t[q + 1] == '"') {
                    escaped = true;
                    i = q + 2;
                    continue;
                }
                i = q + 1;
                break;
            }
            const std::size_t end = i >= n && (n == 0 || t[n - 1] != '"') ? n : i - 1;
            std::string_view raw = t.substr(start, end > start ? end - start : 0);
            if (escaped) {
                std::string& s = unescaped.emplace_back();
                for (std::size_t k = 0; k < raw.size(); ++k) {
                    s += raw[k];
                    if (raw[k] == '"' && k + 1 < raw.size() && raw[k + 1] == '"') ++k;
                }
                raw = s;
            }
            // Anything between the closing quote and the delimiter is kept out (lenient, like pandas).
            while (i < n && t[i] != delim && t[i] != '\n') ++i;
            if (i >= n && !final) return Scan::incomplete;
            fields.push_back(raw);
        } else {
            std::size_t j = i;
            while (j < n && t[j] != delim && t[j] != '\n') ++j;
            if (j >= n && !final) return Scan::incomplete;
            std::size_t e2 = j;
            if (e2 > i && t[e2 - 1] == '\r') --e2;
            fields.push_back(t.substr(i, e2 - i));
            i = j;
        }
        if (i < n && t[i] == delim) {
            ++i;
            continue;
        }
        pos = i < n ? i + 1 : n;  // past the newline
        lines += newlines + 1;
        return Scan::record;
    }
}

// CSV records read from a ByteSource through a window that holds the current record and what follows
// it; memory is one chunk plus the longest record, whatever the file size.
class CsvStream {
  public:
    CsvStream(ByteSource& source, char delimiter, std::size_t max_record)
        : m_source(source), m_delim(delimiter), m_max_record(max_record) {}

    // The next record's fields (views valid until the next call); false at the end or on an error().
    bool next(std::vector<std::string_view>& fields) {
        for (;;) {
            m_record_line = m_line;
            const Scan r = parse_record(view(), m_pos, m_eof, m_delim, fields, m_unescaped, m_line);
            if (r == Scan::record) return true;
            if (r == Scan::end) return false;
            if (!refill(0)) return false;
        }
    }
    std::uint64_t record_line() const { return m_record_line; }  // 1-based line where the last record starts
    const std::optional<Error>& error() const { return m_error; }

    // Reads ahead until `bytes` are buffered past the current record (or the end), then visits up to
    // `records` records there without consuming them: for decisions that need a look at the data first.
    template <typename Visit>
    void look_ahead(std::size_t bytes, std::size_t records, Visit visit) {
        while (!m_eof && m_size - m_pos < bytes)
            if (!refill(bytes)) return;
        std::size_t pos = m_pos;
        std::uint64_t lines = 0;
        std::vector<std::string_view> f;
        std::deque<std::string> unescaped;
        for (std::size_t k = 0; k < records; ++k)
            if (parse_record(view(), pos, m_eof, m_delim, f, unescaped, lines) != Scan::record || !visit(f))
                return;
    }

  private:
    static constexpr std::size_t chunk = std::size_t(1) << 20;

    std::string_view view() const { return {m_data.get(), m_size}; }

    // Moves the unread tail to the front and reads more behind it (no zero-filling: the buffer is raw).
    bool refill(std::size_t at_least) {
        if (m_eof) return false;
        if (m_pos > 0) {
            std::memmove(m_data.get(), m_data.get() + m_pos, m_size - m_pos);
            m_size -= m_pos;
            m_pos = 0;
        }
        // Grows only for records longer than half a chunk or for a look-ahead: the buffer is reused.
        if (m_capacity - m_size < chunk / 2 || m_capacity < m_size + at_least) {
            // The buffer grows only while one record does not end: past the bound it is a bomb, not data.
            if (m_size > m_max_record) {
                Location where = at_file(m_source.name());
                where.line = static_cast<std::uint32_t>(std::min<std::uint64_t>(m_line, UINT32_MAX));
                m_error = make_error(
                    ErrorCode::too_large,
                    "a record is longer than " + std::to_string(m_max_record) + " bytes (--max-memory)",
                    where);
                return false;
            }
            const std::size_t capacity = std::max(m_capacity * 2, m_size + std::max(chunk, at_least));
            auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
            if (m_size) std::memcpy(bigger.get(), m_data.get(), m_size);
            m_data = std::move(bigger);
            m_capacity = capacity;
        }
        const std::size_t want = m_capacity - m_size;
        std::size_t have = 0;
        while (have < want) {
            auto n = m_source.read(m_data.get() + m_size + have, want - have);
            if (!n) {
                m_error = n.error();
                m_size += have;
                return false;
            }
            if (*n == 0) {
                m_eof = true;
                break;
            }
            have += *n;
        }
        m_size += have;
        return true;
    }

    ByteSource& m_source;
    char m_delim;
    std::size_t m_max_record;
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0, m_capacity = 0, m_pos = 0;
    bool m_eof = false;
    std::uint64_t m_line = 1, m_record_line = 1;
    std::deque<std::string> m_unescaped;
    std::optional<Error> m_error;
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
    // Field-history exports: the column naming the changed field and the value(s) meaning "the stage".
    std::vector<std::string_view> filter_names, filter_values;
    // Detection: the header must have one name of every group (the vendor's own column names, not
    // generic ones, so a plain event log is never taken for a CRM export).
    std::vector<std::vector<std::string_view>> signature;
};

// The vendor columns, from each vendor's documentation (sources: tests/data/eventlog/crm/README.md).
const ColumnLists& lists_for(CsvPreset preset) {
    static const ColumnLists generic{
        {"case:concept:name", "case id", "case_id", "caseid", "case", "case:id", "trace id", "trace_id",
         "process id"},
        {"concept:name", "activity", "activity name", "activity_name", "activity_id", "event", "event name",
         "event_name", "action", "stage", "step", "status"},
        {"time:timestamp", "complete timestamp", "timestamp", "time", "end timestamp", "end_timestamp",
         "end time", "end_time", "endtime", "end", "datetime", "date", "event time", "event_time",
         "start timestamp", "start_time", "start"},
        {},
        {},
        {}};
    // Salesforce OpportunityHistory (Object Reference: OpportunityId, StageName, CreatedDate, Amount, ...),
    // as Data Loader / Data Export write it, or a report's labels.
    static const ColumnLists salesforce{
        {"opportunityid", "opportunity id", "opportunity.id", "opportunity_id"},
        {"stagename", "stage name", "stage", "to stage"},
        {"createddate", "created date", "systemmodstamp", "closedate"},
        {},
        {},
        {{"opportunityid", "opportunity id"}, {"stagename", "stage name"}}};
    // Salesforce OpportunityFieldHistory (OpportunityId, Field, DataType, OldValue, NewValue, CreatedDate).
    static const ColumnLists salesforce_field{
        {"opportunityid", "opportunity id"},
        {"newvalue", "new value"},
        {"createddate", "created date"},
        {"field", "field / event"},
        {"stagename", "stage"},
        {{"opportunityid", "opportunity id"}, {"field", "field / event"}, {"newvalue", "new value"}}};
    // Salesforce LeadHistory (LeadId, Field, OldValue, NewValue, CreatedDate); a lead's stage is Status.
    static const ColumnLists salesforce_lead{
        {"leadid", "lead id"},
        {"newvalue", "new value"},
        {"createddate", "created date"},
        {"field", "field / event"},
        {"status", "lead status"},
        {{"leadid", "lead id"}, {"field", "field / event"}, {"newvalue", "new value"}}};
    // HubSpot deal stage history (deal export / stage-history report).
    static const ColumnLists hubspot{
        {"deal id", "dealid", "record id", "hs_object_id", "object id", "deal_id"},
        {"deal stage", "dealstage", "stage", "pipeline stage", "value", "new value", "stage name"},
        {"date entered stage", "timestamp", "change timestamp", "changed at", "updated at", "date", "time"},
        {},
        {},
        {{"deal id", "dealid", "record id", "hs_object_id", "deal_id"}, {"deal stage", "dealstage"}}};
    // HubSpot deals property history (CRM API propertiesWithHistory, flattened one row per change: dealId,
    // property, value, timestamp, sourceType, sourceId, updatedByUserId); the stage property is dealstage.
    static const ColumnLists hubspot_history{
        {"dealid", "deal id", "hs_object_id", "objectid", "object id", "record id"},
        {"value", "new value"},
        {"timestamp", "change timestamp"},
        {"property", "property name", "propertyname"},
        {"dealstage", "deal stage"},
        {{"dealid", "deal id", "hs_object_id", "objectid", "object id", "record id"},
         {"property", "property name", "propertyname"},
         {"value", "new value"},
         {"sourcetype", "source type", "timestamp"}}};
    // Microsoft Dynamics 365 opportunity sales process (Dataverse table opportunitysalesprocess:
    // opportunityid, activestageid with its stage name, activestagestartedon), one row per stage entered.
    static const ColumnLists dynamics{
        {"opportunityid", "opportunity", "opportunity id"},
        {"activestagename", "active stage name", "active stage", "activestageid", "stagename", "stepname",
         "pipeline phase"},
        {"activestagestartedon", "active stage started on", "modifiedon", "modified on", "createdon"},
        {},
        {},
        {{"opportunityid", "opportunity"}, {"activestagestartedon", "active stage started on"}}};
    // Pipedrive deal updates (GET /deals/{id}/flow, object dealChange: item_id, field_key, old_value,
    // new_value, log_time; additional_data.new_value_formatted holds the stage's name).
    static const ColumnLists pipedrive{
        {"item_id", "deal_id", "deal id"},
        {"new_value_formatted", "additional_data.new_value_formatted", "new_value"},
        {"log_time", "timestamp"},
        {"field_key"},
        {"stage_id"},
        {{"item_id", "deal_id", "deal id"}, {"field_key"}, {"new_value"}, {"log_time"}}};
    // Zoho CRM Deals Stage History related list (API names Stage, Amount, Probability, Expected_Revenue,
    // Closing_Date, Duration_Days, Moved_To__s, Last_Modified_Time, Modified_By; export labels likewise).
    static const ColumnLists zoho{
        {"deal_name.id", "deal name.id", "deal_id", "deal id", "parent_id", "parent id", "deal_name",
         "deal name"},
        {"stage", "moved_to__s", "moved to"},
        {"last_modified_time", "last modified time", "modified_time", "modified time"},
        {},
        {},
        {{"deal_name.id", "deal name.id", "deal_id", "deal id", "parent_id", "parent id", "deal_name",
          "deal name"},
         {"stage", "moved_to__s", "moved to"},
         {"last_modified_time", "last modified time", "modified_time", "modified time"},
         {"duration_days", "stage duration (calendar days)", "duration (days)", "moved_to__s", "moved to",
          "expected_revenue", "expected revenue", "closing_date", "closing date"}}};
    switch (preset) {
        case CsvPreset::salesforce:
            return salesforce;
        case CsvPreset::salesforce_field_history:
            return salesforce_field;
        case CsvPreset::salesforce_lead_history:
            return salesforce_lead;
        case CsvPreset::hubspot:
            return hubspot;
        case CsvPreset::hubspot_property_history:
            return hubspot_history;
        case CsvPreset::dynamics:
            return dynamics;
        case CsvPreset::pipedrive:
            return pipedrive;
        case CsvPreset::zoho:
            return zoho;
        case CsvPreset::automatic:
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

// Field-history presets first: their header also has the plainer presets' columns (OpportunityId).
// Dynamics before Salesforce OpportunityHistory: a Dynamics view may carry a stagename column too.
constexpr std::array detection_order{CsvPreset::salesforce_field_history,
                                     CsvPreset::salesforce_lead_history,
                                     CsvPreset::hubspot_property_history,
                                     CsvPreset::pipedrive,
                                     CsvPreset::dynamics,
                                     CsvPreset::salesforce,
                                     CsvPreset::hubspot,
                                     CsvPreset::zoho};

// For messages: a few columns, each shortened and with control bytes shown as '?', so a hostile header
// (50,000 columns, binary garbage) still gives a one-line message.
std::string list_header(const std::vector<std::string>& header) {
    constexpr std::size_t max_columns = 8, max_name = 40;
    std::string s;
    for (std::size_t k = 0; k < header.size() && k < max_columns; ++k) {
        std::string h = header[k].substr(0, max_name);
        while (h.size() < header[k].size() && !h.empty() &&
               (static_cast<unsigned char>(header[k][h.size()]) & 0xC0) == 0x80)
            h.pop_back();  // not in the middle of a UTF-8 character
        for (char& c : h)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
        if (h.size() < header[k].size()) h += "...";
        s += (s.empty() ? "'" : ", '") + h + "'";
    }
    if (header.size() > max_columns) s += " and " + std::to_string(header.size() - max_columns) + " more";
    return s;
}

// Activity names repeat on every row; a small direct-mapped cache in front of the log's interning table
// saves a full string hash per row.
class ActivityCache {
  public:
    ActivityCache() { m_ids.fill(UINT32_MAX); }
    std::uint32_t id(eventlog::EventLog& log, std::string_view a) {
        const std::size_t h =
            a.empty() ? 0
                      : (a.size() * 131 + static_cast<unsigned char>(a.front()) * 31 +
                         static_cast<unsigned char>(a.back()) + static_cast<unsigned char>(a[a.size() / 2])) &
                            (size - 1);
        std::uint32_t& slot = m_ids[h];
        if (slot != UINT32_MAX && log.activity_name(slot) == a) return slot;
        slot = log.activity_id(a);
        return slot;
    }

  private:
    static constexpr std::size_t size = 256;
    std::array<std::uint32_t, size> m_ids;
};

// Case id -> case number (first appearance order), open addressing. Ids of up to 24 bytes (CRM record ids:
// Salesforce's 15 or 18 characters, HubSpot's and Pipedrive's numbers) sit in the slot itself, so a probe
// costs one cache line: a log exported in time order looks up a different case on every row, and each miss
// is a wait on memory. Longer ids keep their first 16 bytes in the slot and the rest in an arena.
class CaseIndex {
  public:
    static constexpr std::size_t inline_bytes = 24;

    CaseIndex() : m_slots(1024) {}
    static std::uint64_t hash(std::string_view id) {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (id.size() * 0xC2B2AE3D27D4EB4Full);
        const char* p = id.data();
        std::size_t n = id.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
        }
        if (n) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, n);
            h = (h ^ w) * 0x94D049BB133111EBull;
        }
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        return h ^ (h >> 32);
    }
    // Asks for the slot where `hash` starts probing, ahead of find_or_add.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)]); }
    // The case's number and whether it is new.
    std::pair<std::uint32_t, bool> find_or_add(std::string_view id) {
        if (id.size() > inline_bytes) return find_or_add(id, nullptr, hash(id));
        char padded[inline_bytes] = {};
        std::memcpy(padded, id.data(), id.size());
        return find_or_add(id, padded, hash(id));
    }
    // `padded`: for an id of up to inline_bytes, its bytes followed by zeros up to inline_bytes (compared in
    // three words, not byte by byte); else null.
    std::pair<std::uint32_t, bool> find_or_add(std::string_view id, const char* padded, std::uint64_t hash) {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t h = hash & mask;
        for (;; h = (h + 1) & mask) {
            const Slot& s = m_slots[h];
            if (s.number == 0) break;
            if (s.length != id.size()) continue;
            if (padded ? std::memcmp(s.bytes, padded, inline_bytes) == 0 : same(s, id))
                return {s.number - 1, false};
        }
        Slot& s = m_slots[h];
        s.number = ++m_count;
        s.length = static_cast<std::uint32_t>(id.size());
        if (padded) {
            std::memcpy(s.bytes, padded, inline_bytes);
        } else {
            std::memcpy(s.bytes, id.data(), 16);
            const std::uint64_t at = m_long.size();
            m_long.append(id);
            std::memcpy(s.bytes + 16, &at, 8);
        }
        const std::uint32_t index = m_count - 1;
        if (std::size_t(m_count) * 2 > m_slots.size()) grow();
        return {index, true};
    }

  private:
    struct Slot {
        std::uint32_t number = 0;  // case number + 1; 0 = free
        std::uint32_t length = 0;
        char bytes[inline_bytes] = {};  // the id and zeros, or its first 16 bytes and its offset in m_long
    };
    std::string_view full(const Slot& s) const {
        if (s.length <= inline_bytes) return {s.bytes, s.length};
        std::uint64_t at;
        std::memcpy(&at, s.bytes + 16, 8);
        return std::string_view(m_long).substr(at, s.length);
    }
    bool same(const Slot& s, std::string_view id) const {
        if (id.size() <= inline_bytes) return std::memcmp(s.bytes, id.data(), id.size()) == 0;
        return std::memcmp(s.bytes, id.data(), 16) == 0 && full(s) == id;
    }
    void grow() {
        std::vector<Slot, HugePageAllocator<Slot>> slots(m_slots.size() * 2);
        const std::size_t mask = slots.size() - 1;
        for (const Slot& s : m_slots) {
            if (s.number == 0) continue;
            std::size_t h = hash(full(s)) & mask;
            while (slots[h].number != 0) h = (h + 1) & mask;
            slots[h] = s;
        }
        m_slots.swap(slots);
    }
    std::vector<Slot, HugePageAllocator<Slot>> m_slots;
    std::string m_long;  // ids longer than inline_bytes, one after the other
    std::uint32_t m_count = 0;
};

// Rows on their way to a sink, a batch at a time: each row's slot in the case index is asked for when the
// row is read and looked at only a batch later, and the sink gets the batch at once (EventSink::add_batch)
// to do the same with its own per-case state. The cases' numbers and the events' order are those of the
// file.
class SinkBatch {
  public:
    SinkBatch(CaseIndex& index, eventlog::EventSink* sink) : m_index(index), m_sink(sink) {}
    // False when the sink refused an event. `event`: false for a row that only makes its case exist (a
    // lifecycle value other than complete).
    bool push(std::string_view case_id, std::uint32_t activity, std::int64_t time_us, bool event) {
        if (case_id.size() > CaseIndex::inline_bytes) {  // kept out of the batch: its bytes are not copied
            if (!flush()) return false;
            return take(case_id, nullptr, CaseIndex::hash(case_id), activity, time_us, event) && send();
        }
        Row& r = m_rows[m_size++];
        r.hash = CaseIndex::hash(case_id);
        m_index.prefetch(r.hash);
        r.length = static_cast<std::uint32_t>(case_id.size());
        std::memset(r.id, 0, sizeof r.id);
        std::memcpy(r.id, case_id.data(), case_id.size());
        r.activity = activity;
        r.time_us = time_us;
        r.event = event;
        return m_size < batch || flush();
    }
    bool flush() {
        for (std::size_t k = 0; k < m_size; ++k) {
            const Row& r = m_rows[k];
            take({r.id, r.length}, r.id, r.hash, r.activity, r.time_us, r.event);
        }
        m_size = 0;
        return send();
    }

  private:
    static constexpr std::size_t batch = 32;
    struct Row {
        std::uint64_t hash;
        std::int64_t time_us;
        std::uint32_t activity, length;
        bool event;
        char id[CaseIndex::inline_bytes];
    };
    bool take(std::string_view id, const char* padded, std::uint64_t hash, std::uint32_t activity,
              std::int64_t time_us, bool event) {
        const auto [index, fresh] = m_index.find_or_add(id, padded, hash);
        if (fresh) m_sink->case_seen(index, id);
        if (event) m_events[m_events_size++] = {index, activity, time_us};
        return true;
    }
    bool send() {
        const std::size_t n = m_events_size;
        m_events_size = 0;
        return n == 0 || m_sink->add_batch(m_events.data(), n) == n;
    }
    CaseIndex& m_index;
    eventlog::EventSink* m_sink;
    std::array<Row, batch> m_rows;
    std::array<eventlog::SinkEvent, batch> m_events;
    std::size_t m_size = 0, m_events_size = 0;
};

// Consumes a UTF-8 byte order mark and returns the delimiter: the option's, else detected on the first 64
// KiB.
Result<char> skip_bom_and_find_delimiter(ByteSource& source, const LogReadOptions& opt) {
    auto head = source.peek(1 << 16);
    if (!head) return head.error();
    if (head->substr(0, 3) == "\xEF\xBB\xBF") {
        char bom[3];
        if (auto n = source.read(bom, 3); !n) return n.error();
        head = source.peek(1 << 16);
        if (!head) return head.error();
    }
    return opt.delimiter ? opt.delimiter : detect_delimiter(*head);
}

// Starts reading a CSV-shaped log: its format, the BOM skipped, the delimiter found and recorded.
Result<char> begin_csv(ByteSource& source, const LogReadOptions& opt, LogFormat format, LogReadResult& out) {
    out.format = format;
    auto delimiter = skip_bom_and_find_delimiter(source, opt);
    if (delimiter) out.columns.delimiter = *delimiter;
    return delimiter;
}

}  // namespace

const char* preset_name(CsvPreset preset) {
    switch (preset) {
        case CsvPreset::automatic:
            return "auto";
        case CsvPreset::none:
            return "none";
        case CsvPreset::salesforce:
            return "salesforce";
        case CsvPreset::salesforce_field_history:
            return "salesforce-field-history";
        case CsvPreset::salesforce_lead_history:
            return "salesforce-lead-history";
        case CsvPreset::hubspot:
            return "hubspot";
        case CsvPreset::hubspot_property_history:
            return "hubspot-property-history";
        case CsvPreset::dynamics:
            return "dynamics";
        case CsvPreset::pipedrive:
            return "pipedrive";
        case CsvPreset::zoho:
            return "zoho";
    }
    return "none";
}

const char* preset_description(CsvPreset preset) {
    switch (preset) {
        case CsvPreset::automatic:
            return "detected from the header";
        case CsvPreset::none:
            return "a generic event log";
        case CsvPreset::salesforce:
            return "a Salesforce OpportunityHistory export";
        case CsvPreset::salesforce_field_history:
            return "a Salesforce OpportunityFieldHistory export (rows with Field = StageName)";
        case CsvPreset::salesforce_lead_history:
            return "a Salesforce LeadHistory export (rows with Field = Status)";
        case CsvPreset::hubspot:
            return "a HubSpot deal stage history export";
        case CsvPreset::hubspot_property_history:
            return "a HubSpot deal property history export (rows with property = dealstage)";
        case CsvPreset::dynamics:
            return "a Microsoft Dynamics 365 opportunity sales process export";
        case CsvPreset::pipedrive:
            return "a Pipedrive deal updates export (rows with field_key = stage_id)";
        case CsvPreset::zoho:
            return "a Zoho CRM deal stage history export";
    }
    return "";
}

const std::vector<CsvPreset>& all_presets() {
    static const std::vector<CsvPreset> all{CsvPreset::automatic,
                                            CsvPreset::none,
                                            CsvPreset::salesforce,
                                            CsvPreset::salesforce_field_history,
                                            CsvPreset::salesforce_lead_history,
                                            CsvPreset::hubspot,
                                            CsvPreset::hubspot_property_history,
                                            CsvPreset::dynamics,
                                            CsvPreset::pipedrive,
                                            CsvPreset::zoho};
    return all;
}

std::optional<CsvPreset> preset_from_name(std::string_view name) {
    for (CsvPreset p : all_presets())
        if (name == preset_name(p)) return p;
    return std::nullopt;
}

CsvPreset detect_preset(const std::vector<std::string>& header) {
    std::vector<std::string> lower_header;
    for (const auto& h : header) {
        std::string l = lower(h);
        const auto b = l.find_first_not_of(' '), e = l.find_last_not_of(' ');
        lower_header.push_back(b == std::string::npos ? std::string() : l.substr(b, e - b + 1));
    }
    for (CsvPreset p : detection_order) {
        const auto& groups = lists_for(p).signature;
        if (std::all_of(groups.begin(), groups.end(),
                        [&](const auto& names) { return pick_column(lower_header, names) >= 0; }))
            return p;
    }
    return CsvPreset::none;
}

Result<LogReadResult> read_csv_stream(ByteSource& source, const LogReadOptions& opt) {
    const std::string& name = source.name();
    LogReadResult out;
    auto delimiter = begin_csv(source, opt, LogFormat::csv, out);
    if (!delimiter) return delimiter.error();
    const char delim = *delimiter;
    CsvStream scan(source, delim, opt.max_record_bytes);
    std::vector<std::string_view> fields;
    // Leading blank lines are not a header.
    while (scan.next(fields) && fields.size() == 1 && fields[0].empty()) {
    }
    if (scan.error()) return *scan.error();
    if (fields.empty() || (fields.size() == 1 && fields[0].empty()))
        return make_error(ErrorCode::bad_csv, "empty file: no header line", at_file(name));
    std::vector<std::string> header(fields.begin(), fields.end()), lower_header;
    for (const auto& h : header) lower_header.push_back(lower(h));

    CsvPreset preset = opt.preset;
    if (preset == CsvPreset::automatic) {
        preset = detect_preset(header);
        out.columns.preset_detected = preset != CsvPreset::none;
    }
    out.columns.preset = preset;
    const ColumnLists& lists = lists_for(preset);
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
    const int fi = lists.filter_names.empty() ? -1 : pick_column(lower_header, lists.filter_names);
    if (fi >= 0) {
        out.columns.filter_column = header[static_cast<std::size_t>(fi)];
        out.columns.filter_value = lists.filter_values.front();
    }
    // A field-history row is an event only when it is about the stage field.
    const auto other_field = [&](const std::vector<std::string_view>& f) {
        if (fi < 0 || static_cast<int>(f.size()) <= fi) return false;
        const std::string value = lower(f[static_cast<std::size_t>(fi)]);
        return std::find(lists.filter_values.begin(), lists.filter_values.end(), value) ==
               lists.filter_values.end();
    };
    // A field history records changes only: the stage a record was created in is the OldValue of its first
    // stage change, entered when the record was created (Salesforce's Field = "created" row), else just
    // before that change. Without it every case would seem to start one stage late.
    const int oi = fi < 0 ? -1
                          : pick_column(lower_header, {"oldvalue", "old value", "old_value_formatted",
                                                       "additional_data.old_value_formatted", "old_value"});
    struct FirstChange {
        std::int64_t time_us = INT64_MAX;
        std::uint32_t old_activity = UINT32_MAX;
    };
    std::vector<FirstChange> first_change;                  // by case index, when oi >= 0
    std::unordered_map<std::string, std::int64_t> created;  // case id -> time of its "created" row
    out.columns.case_column = header[static_cast<std::size_t>(ci)];
    out.columns.activity_column = header[static_cast<std::size_t>(ai)];
    out.columns.time_column = header[static_cast<std::size_t>(ti)];
    if (li >= 0) out.columns.lifecycle_column = header[static_cast<std::size_t>(li)];
    if (seg_col >= 0) out.columns.segment_column = header[static_cast<std::size_t>(seg_col)];

    eventlog::TimeFormat tf = opt.time_format;
    if (tf.order == eventlog::DateOrder::automatic) {
        // 03/04/2024 is settled by the first value whose day is above 12; look at the first 10,000 rows.
        scan.look_ahead(std::size_t(4) << 20, 10000, [&](const std::vector<std::string_view>& f) {
            if (static_cast<int>(f.size()) <= ti) return true;
            tf.order = eventlog::order_forced_by(f[static_cast<std::size_t>(ti)]);
            return tf.order == eventlog::DateOrder::automatic;
        });
        if (scan.error()) return *scan.error();
    }

    auto& log = out.log;
    CaseIndex case_ids;
    // Streamed: rows go to the sink, no case is kept. A field history inserts a first event per case at the
    // end and a segment splits the cases, so both keep the log whole.
    eventlog::EventSink* const sink = oi < 0 && seg_col < 0 ? opt.sink : nullptr;
    // Rows of the case being read are staged and handed to the case in one piece when another case
    // starts: an export grouped by case allocates each case once, at its size, and holds no copy of the
    // rows; interleaved rows append to their case as they come.
    std::vector<Event> staged;
    std::uint32_t staged_case = UINT32_MAX;
    const auto flush = [&] {
        if (staged.empty()) return;
        auto& events = log.cases[staged_case].events;
        if (events.empty())
            events.assign(staged.begin(), staged.end());
        else
            events.insert(events.end(), staged.begin(), staged.end());
        staged.clear();
    };
    std::string last_case;
    std::uint32_t last_index = UINT32_MAX;
    ActivityCache activities;
    SinkBatch pending(case_ids, sink);
    std::uint32_t sink_activities = 0;  // activity ids the sink has been told about
    const std::size_t width = header.size();
    // pandas accepts rows shorter than the header when the missing cells are trailing empty columns; we
    // accept a row whose count differs only when every needed column is present and the extra cells are
    // empty.
    const std::size_t needed = static_cast<std::size_t>(std::max({ci, ai, ti, li, seg_col, fi})) + 1;
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
        if (other_field(fields)) {
            ++log.counts.rows_other_field;
            if (oi >= 0 && lower(fields[static_cast<std::size_t>(fi)]) == "created" &&
                static_cast<int>(fields.size()) > std::max(ci, ti))
                if (auto t = eventlog::parse_timestamp(fields[static_cast<std::size_t>(ti)], tf)) {
                    auto [it, fresh] =
                        created.try_emplace(std::string(fields[static_cast<std::size_t>(ci)]), *t);
                    if (!fresh) it->second = std::min(it->second, *t);
                }
            continue;
        }
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
            if (!life.empty() && !is_complete_transition(life)) {
                ++log.counts.events_lifecycle_skipped;
                // The case still exists (first appearance order), it may just end up empty.
            }
        }
        if (sink) {
            const bool complete = li < 0 || fields[static_cast<std::size_t>(li)].empty() ||
                                  is_complete_transition(fields[static_cast<std::size_t>(li)]);
            const std::uint32_t act = complete ? activities.id(log, activity) : 0;
            if (complete && act >= sink_activities)
                for (; sink_activities <= act; ++sink_activities)
                    sink->activity_seen(sink_activities, log.activity_name(sink_activities));
            if (!pending.push(case_id, act, *time, complete)) {
                out.sink_refused = true;
                return out;
            }
            continue;
        }
        std::uint32_t index;
        if (last_index != UINT32_MAX && case_id == last_case) {
            index = last_index;
        } else {
            bool fresh = false;
            std::tie(index, fresh) = case_ids.find_or_add(case_id);
            if (fresh) {
                auto& c = log.cases.emplace_back();
                c.id = case_id;
                if (seg_col >= 0) c.segment = fields[static_cast<std::size_t>(seg_col)];
            }
            last_case.assign(case_id);
            last_index = index;
        }
        if (li >= 0) {
            const std::string_view life = fields[static_cast<std::size_t>(li)];
            if (!life.empty() && !is_complete_transition(life)) continue;
        }
        if (index != staged_case) {
            flush();
            staged_case = index;
        }
        staged.push_back(Event{*time, activities.id(log, activity), true});
        if (oi >= 0) {
            if (first_change.size() <= index) first_change.resize(index + 1);
            if (*time < first_change[index].time_us) {
                const std::string_view old = fields[static_cast<std::size_t>(oi)];
                first_change[index] = {*time, old.empty() ? UINT32_MAX : activities.id(log, old)};
            }
        }
    }
    if (scan.error()) return *scan.error();
    if (sink && !pending.flush()) {
        out.sink_refused = true;
        return out;
    }
    out.streamed = sink != nullptr;
    flush();
    for (std::size_t k = 0; k < first_change.size(); ++k) {
        const FirstChange& f = first_change[k];
        if (f.old_activity == UINT32_MAX) continue;
        std::int64_t at = f.time_us - 1;
        if (auto it = created.find(log.cases[k].id); it != created.end()) at = std::min(at, it->second);
        auto& events = log.cases[k].events;
        events.insert(events.begin(), Event{at, f.old_activity, true});
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

Result<LogReadResult> read_csv_log(std::string_view text, const std::string& name,
                                   const LogReadOptions& options) {
    auto source = ByteSource::over_memory(text, name);
    return read_csv_stream(*source, options);
}

namespace {

std::vector<std::string> split_header_line(std::string_view head, char delim) {
    std::uint64_t lines = 0;
    std::size_t pos = 0;
    std::vector<std::string_view> fields;
    std::deque<std::string> unescaped;
    std::vector<std::string> out;
    const bool whole_line = head.find('\n') != std::string_view::npos;
    if (parse_record(head, pos, !whole_line, delim, fields, unescaped, lines) != Scan::record) return out;
    for (auto f : fields) {
        std::string l = lower(f);
        while (!l.empty() && l.back() == ' ') l.pop_back();
        while (!l.empty() && l.front() == ' ') l.erase(0, 1);
        out.push_back(std::move(l));
    }
    return out;
}

std::optional<double> number(std::string_view text) {
    std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

std::vector<std::vector<std::string>> read_csv_rows(std::string_view text, char delimiter) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const char delim = delimiter ? delimiter : detect_delimiter(text);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string_view> fields;
    std::deque<std::string> unescaped;
    std::uint64_t lines = 0;
    std::size_t pos = 0;
    while (parse_record(text, pos, true, delim, fields, unescaped, lines) == Scan::record) {
        if (fields.size() == 1 && fields[0].empty()) continue;
        rows.emplace_back(fields.begin(), fields.end());
    }
    return rows;
}

bool looks_like_dfg_csv(std::string_view head) {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    const auto h = split_header_line(head, detect_delimiter(head));
    const auto has = [&](std::string_view n) { return std::find(h.begin(), h.end(), n) != h.end(); };
    return has("from") && has("to") && has("count");
}

Result<LogReadResult> read_dfg_stream(ByteSource& source, const LogReadOptions& opt) {
    const std::string& name = source.name();
    LogReadResult out;
    auto delimiter = begin_csv(source, opt, LogFormat::dfg, out);
    if (!delimiter) return delimiter.error();
    const char delim = *delimiter;
    CsvStream scan(source, delim, opt.max_record_bytes);
    std::vector<std::string_view> fields;
    if (!scan.next(fields)) {
        if (scan.error()) return *scan.error();
        return make_error(ErrorCode::bad_csv, "empty file: no header line", at_file(name));
    }
    std::vector<std::string> lower_header;
    for (auto f : fields) lower_header.push_back(lower(f));
    const int fi = find_column(lower_header, "from"), ti = find_column(lower_header, "to"),
              ni = find_column(lower_header, "count");
    if (fi < 0 || ti < 0 || ni < 0)
        return make_error(ErrorCode::bad_csv, "a directly-follows CSV needs from, to and count columns",
                          at_file(name));
    const int mi = pick_column(lower_header, {"median_seconds", "median_duration_seconds", "median"});
    const int pi = pick_column(lower_header, {"p90_seconds", "p90_duration_seconds", "p90"});
    const std::size_t needed = static_cast<std::size_t>(std::max({fi, ti, ni, mi, pi})) + 1;

    auto& log = out.log;
    eventlog::Discovery d;
    d.aggregated = true;
    std::vector<eventlog::ActivityStats> acts;
    const auto act = [&](std::string_view n) -> eventlog::ActivityStats& {
        const auto id = log.activity_id(n);
        if (id >= acts.size()) acts.resize(id + 1);
        acts[id].activity = id;
        return acts[id];
    };
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> seen;
    std::uint64_t row = 0, reported = 0;
    while (scan.next(fields)) {
        if (fields.size() == 1 && fields[0].empty()) continue;
        ++row;
        std::string problem;
        std::optional<double> count;
        if (fields.size() < needed)
            problem =
                "row has " + std::to_string(fields.size()) + " columns, needs " + std::to_string(needed);
        else if (count = number(fields[static_cast<std::size_t>(ni)]);
                 !count || *count < 0 || *count != std::floor(*count))
            problem =
                "count '" + std::string(fields[static_cast<std::size_t>(ni)]) + "' is not a whole number";
        else if (fields[static_cast<std::size_t>(fi)].empty() && fields[static_cast<std::size_t>(ti)].empty())
            problem = "both from and to are empty";
        if (!problem.empty()) {
            ++log.counts.rows_bad;
            Location where = at_file(name);
            where.csv_row = row;
            where.line = static_cast<std::uint32_t>(scan.record_line());
            if (opt.bad_rows == BadRows::fatal) return make_error(ErrorCode::bad_csv, problem, where);
            if (reported++ < opt.max_reported_rows)
                out.diagnostics.push_back({Severity::warning, std::move(problem), where});
            continue;
        }
        const auto n = static_cast<std::uint64_t>(*count);
        const std::string_view from = fields[static_cast<std::size_t>(fi)],
                               to = fields[static_cast<std::size_t>(ti)];
        if (from.empty()) {
            act(to).starts += n;
            act(to).events += n;
            d.cases += n;
            continue;
        }
        if (to.empty()) {
            act(from).ends += n;
            continue;
        }
        const auto a = act(from).activity;
        const auto b = act(to).activity;
        acts[b].events += n;
        d.total_arcs += n;
        auto [it, fresh] = seen.try_emplace({a, b}, d.edges.size());
        if (fresh) d.edges.push_back({a, b, 0, {}});
        auto& e = d.edges[it->second];
        e.count += n;  // a repeated pair adds up; its durations are those of its last row
        e.duration.n = 0;
        if (mi >= 0)
            if (auto m = number(fields[static_cast<std::size_t>(mi)])) {
                e.duration.n = e.count;
                e.duration.median = *m;
            }
        if (pi >= 0)
            if (auto p = number(fields[static_cast<std::size_t>(pi)])) e.duration.p90 = *p;
    }
    if (scan.error()) return *scan.error();
    if (log.counts.rows_bad > 0)
        out.diagnostics.push_back(
            {Severity::warning,
             std::to_string(log.counts.rows_bad) + " bad row(s) skipped of " + std::to_string(row),
             at_file(name)});
    if (d.cases == 0 && !d.edges.empty())
        out.diagnostics.push_back(
            {Severity::warning, "no start rows (from empty): the number of cases is unknown", at_file(name)});
    d.events = d.total_arcs + d.cases;
    log.counts.events_in_file = d.events;
    const auto& names = log.activities();
    for (auto& a : acts)
        if (a.events > 0 || a.ends > 0) d.activities.push_back(a);
    std::sort(d.activities.begin(), d.activities.end(), [&](const auto& a, const auto& b) {
        if (a.events != b.events) return a.events > b.events;
        return names[a.activity] < names[b.activity];
    });
    std::sort(d.edges.begin(), d.edges.end(), [&](const auto& a, const auto& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.from != b.from) return names[a.from] < names[b.from];
        return names[a.to] < names[b.to];
    });
    out.aggregated = std::move(d);
    return out;
}

Result<LogReadResult> read_dfg_csv(std::string_view text, const std::string& name,
                                   const LogReadOptions& options) {
    auto source = ByteSource::over_memory(text, name);
    return read_dfg_stream(*source, options);
}

}  // namespace jstudio::importers
