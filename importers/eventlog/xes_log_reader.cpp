// XES (IEEE 1849) logs, read with expat's streaming parser: elements are seen as they come and only the
// current trace's attributes are held, so memory follows the cases and events kept, not the file size.
#include <expat.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <optional>

#include "importers/eventlog/byte_source.hpp"
#include "importers/eventlog/log_reader.hpp"

namespace jstudio::importers {

namespace {

// Element name without a namespace prefix ("xes:trace" -> "trace").
std::string_view local_name(const XML_Char* name) {
    std::string_view s = name;
    if (auto colon = s.rfind(':'); colon != std::string_view::npos) s.remove_prefix(colon + 1);
    return s;
}

bool is_attribute_tag(std::string_view tag) {
    return tag == "string" || tag == "date" || tag == "int" || tag == "float" || tag == "boolean" ||
           tag == "id" || tag == "list" || tag == "container";
}

struct KeyValue {
    std::string_view key, value;
    bool has_key = false;
};

KeyValue key_value(const XML_Char** attrs) {
    KeyValue kv;
    for (; *attrs; attrs += 2) {
        if (std::strcmp(attrs[0], "key") == 0) {
            kv.key = attrs[1];
            kv.has_key = true;
        } else if (std::strcmp(attrs[0], "value") == 0) {
            kv.value = attrs[1];
        }
    }
    return kv;
}

// Depth 1 = <log>, 2 = its children (<trace>, log attributes, globals), 3 = a trace's children (<event>,
// trace attributes), 4 = an event's attributes. Deeper elements (meta-attributes, list values) are ignored.
struct XesState {
    const LogReadOptions* opt = nullptr;
    LogReadResult* out = nullptr;
    std::string root_name;
    int depth = 0;
    bool bad_root = false, in_trace = false, in_event = false;
    std::uint64_t trace_index = 0, untimed = 0;
    // The current case and event.
    eventlog::Case* current = nullptr;
    bool case_named = false, segment_from_trace = false;
    std::string activity;
    std::optional<std::int64_t> time;
    bool has_time_attr = false, skip_event = false;
    std::string event_segment;
    std::uint64_t callbacks = 0;  // element starts and ends seen: progress, for the token-size bound
};

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto& st = *static_cast<XesState*>(data);
    ++st.callbacks;
    const int depth = ++st.depth;
    if (st.bad_root) return;
    const std::string_view tag = local_name(name);
    auto& log = st.out->log;
    if (depth == 1) {
        if (tag != "log") {
            st.bad_root = true;
            st.root_name = name;
        }
        return;
    }
    if (depth == 2) {
        if (tag != "trace") return;
        st.in_trace = true;
        st.current = &log.cases.emplace_back();
        st.case_named = st.segment_from_trace = false;
        return;
    }
    if (!st.in_trace) return;
    if (depth == 3) {
        if (tag == "event") {
            st.in_event = true;
            ++log.counts.events_in_file;
            st.activity.clear();
            st.time.reset();
            st.has_time_attr = st.skip_event = false;
            st.event_segment.clear();
            return;
        }
        if (!is_attribute_tag(tag)) return;
        const KeyValue kv = key_value(attrs);
        if (!st.case_named && kv.key == "concept:name") {  // the first one, as a direct-child lookup
            st.current->id = kv.value;
            st.case_named = true;
        }
        if (!st.opt->segment_column.empty() && !st.segment_from_trace && kv.key == st.opt->segment_column) {
            st.current->segment = kv.value;
            st.segment_from_trace = true;
        }
        return;
    }
    if (depth == 4 && st.in_event) {
        const KeyValue kv = key_value(attrs);
        if (!kv.has_key) return;
        if (kv.key == "concept:name") {
            st.activity.assign(kv.value);
        } else if (kv.key == "time:timestamp") {
            st.has_time_attr = true;
            st.time = eventlog::parse_timestamp(kv.value, st.opt->time_format);
        } else if (kv.key == "lifecycle:transition") {
            st.skip_event = !is_complete_transition(kv.value);
        } else if (!st.opt->segment_column.empty() && st.event_segment.empty() &&
                   kv.key == st.opt->segment_column) {
            st.event_segment.assign(kv.value);
        }
    }
}

void XMLCALL on_end(void* data, const XML_Char*) {
    auto& st = *static_cast<XesState*>(data);
    ++st.callbacks;
    const int depth = st.depth--;
    if (st.bad_root) return;
    auto& log = st.out->log;
    if (depth == 3 && st.in_event) {
        st.in_event = false;
        // A segment value on an event counts when the trace carries none (first event that has one).
        if (!st.segment_from_trace && st.current->segment.empty() && !st.event_segment.empty())
            st.current->segment = st.event_segment;
        if (st.skip_event) {
            ++log.counts.events_lifecycle_skipped;
            return;
        }
        eventlog::Event e;
        e.activity = log.activity_id(st.activity);
        if (st.time) {
            e.time_us = *st.time;
            e.has_time = true;
        } else {
            ++st.untimed;
        }
        st.current->events.push_back(e);
    } else if (depth == 2 && st.in_trace) {
        st.in_trace = false;
        if (!st.case_named) st.current->id = "#" + std::to_string(st.trace_index);
        ++st.trace_index;
        st.current->events.shrink_to_fit();  // the trace is complete: no spare capacity per case
        st.current = nullptr;
    }
}

}  // namespace

Result<LogReadResult> read_xes_stream(ByteSource& source, const LogReadOptions& opt) {
    const std::string& name = source.name();
    LogReadResult out;
    out.format = LogFormat::xes;
    XesState st;
    st.opt = &opt;
    st.out = &out;
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate(nullptr), XML_ParserFree);
    if (!parser) return make_error(ErrorCode::bad_xml, "cannot start the XML parser", at_file(name));
    XML_SetUserData(parser.get(), &st);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    constexpr std::size_t chunk = std::size_t(1) << 18;
    // Expat holds a whole tag (name, attribute values) in memory until it ends: when no element starts or
    // ends for max_record_bytes, one huge token is being buffered (a gzip bomb), so stop before memory does.
    std::uint64_t seen_callbacks = 0;
    std::size_t fed_since = 0;
    for (;;) {
        // Expat scans an unfinished token again on every feed: while one is pending, feed as much again as is
        // pending (doubling), so a long token costs linear time, not quadratic.
        const std::size_t want = std::max(chunk, fed_since);
        void* buf = XML_GetBuffer(parser.get(), static_cast<int>(want));
        if (!buf) return make_error(ErrorCode::too_large, "out of memory reading XML", at_file(name));
        auto n = source.read(static_cast<char*>(buf), want);
        if (!n) return n.error();
        const bool last = *n == 0;
        if (XML_ParseBuffer(parser.get(), static_cast<int>(*n), last) != XML_STATUS_OK) {
            Location where = at_file(name);
            where.line = static_cast<std::uint32_t>(XML_GetCurrentLineNumber(parser.get()));
            where.column = static_cast<std::uint32_t>(XML_GetCurrentColumnNumber(parser.get())) + 1;
            return make_error(
                ErrorCode::bad_xml,
                std::string("not a readable XES file: ") + XML_ErrorString(XML_GetErrorCode(parser.get())),
                where);
        }
        if (st.callbacks != seen_callbacks) {
            seen_callbacks = st.callbacks;
            fed_since = 0;
        }
        fed_since += *n;
        if (fed_since > opt.max_record_bytes) {
            Location where = at_file(name);
            where.line = static_cast<std::uint32_t>(XML_GetCurrentLineNumber(parser.get()));
            return make_error(ErrorCode::too_large,
                              "an XML element is longer than " + std::to_string(opt.max_record_bytes) +
                                  " bytes (--max-memory)",
                              where);
        }
        if (st.bad_root)
            return make_error(ErrorCode::bad_xml,
                              "not an XES log: the document element is <" + st.root_name + ">",
                              at_file(name));
        if (last) break;
    }
    auto& log = out.log;
    log.counts.events_untimed = st.untimed;
    if (st.untimed > 0)
        out.diagnostics.push_back(
            {Severity::warning,
             std::to_string(st.untimed) +
                 " event(s) without a readable time:timestamp, ordered last in their case",
             at_file(name)});
    log.order_events();
    if (log.counts.cases_empty > 0)
        out.diagnostics.push_back(
            {Severity::info,
             std::to_string(log.counts.cases_empty) + " trace(s) left without events by the lifecycle filter",
             at_file(name)});
    return out;
}

Result<LogReadResult> read_xes_log(std::string_view text, const std::string& name,
                                   const LogReadOptions& options) {
    auto source = ByteSource::over_memory(text, name);
    return read_xes_stream(*source, options);
}

}  // namespace jstudio::importers
