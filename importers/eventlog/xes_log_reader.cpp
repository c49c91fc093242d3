// XES (IEEE 1849) logs. For now the whole (gunzipped) text is parsed with pugixml in place: memory is about
// twice the XML size rather than proportional to the cases. A streaming SAX pass is the next step for logs
// past a few hundred MB.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "importers/eventlog/log_reader.hpp"

namespace jstudio::importers {

namespace {

// Element name without a namespace prefix ("xes:trace" -> "trace").
std::string_view local_name(const pugi::xml_node& n) {
    std::string_view s = n.name();
    if (auto colon = s.rfind(':'); colon != std::string_view::npos) s.remove_prefix(colon + 1);
    return s;
}

bool is_attribute_tag(std::string_view tag) {
    return tag == "string" || tag == "date" || tag == "int" || tag == "float" || tag == "boolean" ||
           tag == "id" || tag == "list" || tag == "container";
}

// The direct-child attribute element with this key; nested (meta) attributes are not looked at.
pugi::xml_node attribute_child(const pugi::xml_node& parent, std::string_view key) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (key == c.attribute("key").value() && is_attribute_tag(local_name(c))) return c;
    }
    return {};
}

bool iequals_complete(const char* v) {
    return std::strlen(v) == 8 && std::tolower(static_cast<unsigned char>(v[0])) == 'c' && [&] {
        for (int i = 0; i < 8; ++i)
            if (std::tolower(static_cast<unsigned char>(v[i])) != "complete"[i]) return false;
        return true;
    }();
}

}  // namespace

Result<LogReadResult> read_xes_log(std::string& text, const std::string& name, const LogReadOptions& opt) {
    LogReadResult out;
    out.format = LogFormat::xes;
    pugi::xml_document doc;
    const auto parsed =
        doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        Location where = at_file(name);
        // Line of the error offset, for a message a user can follow.
        where.line = 1 + static_cast<std::uint32_t>(std::count(
                             text.begin(),
                             text.begin() + std::min<std::ptrdiff_t>(
                                                parsed.offset, static_cast<std::ptrdiff_t>(text.size())),
                             '\n'));
        return make_error(ErrorCode::bad_xml, std::string("not a readable XES file: ") + parsed.description(),
                          where);
    }
    pugi::xml_node root = doc.document_element();
    if (local_name(root) != "log")
        return make_error(ErrorCode::bad_xml,
                          "not an XES log: the document element is <" + std::string(root.name()) + ">",
                          at_file(name));

    auto& log = out.log;
    std::uint64_t trace_index = 0, untimed = 0;
    for (pugi::xml_node trace = root.first_child(); trace; trace = trace.next_sibling()) {
        if (trace.type() != pugi::node_element || local_name(trace) != "trace") continue;
        auto& c = log.cases.emplace_back();
        if (auto id = attribute_child(trace, "concept:name"))
            c.id = id.attribute("value").value();
        else
            c.id = "#" + std::to_string(trace_index);
        ++trace_index;
        const bool segmented = !opt.segment_column.empty();
        if (segmented)
            if (auto s = attribute_child(trace, opt.segment_column)) c.segment = s.attribute("value").value();
        for (pugi::xml_node ev = trace.first_child(); ev; ev = ev.next_sibling()) {
            if (ev.type() != pugi::node_element || local_name(ev) != "event") continue;
            ++log.counts.events_in_file;
            std::string_view activity;
            pugi::xml_node time_node, life_node;
            for (pugi::xml_node a = ev.first_child(); a; a = a.next_sibling()) {
                if (a.type() != pugi::node_element) continue;
                const char* key = a.attribute("key").value();
                if (std::strcmp(key, "concept:name") == 0)
                    activity = a.attribute("value").value();
                else if (std::strcmp(key, "time:timestamp") == 0)
                    time_node = a;
                else if (std::strcmp(key, "lifecycle:transition") == 0)
                    life_node = a;
                else if (segmented && c.segment.empty() && opt.segment_column == key)
                    c.segment = a.attribute("value").value();
            }
            if (life_node && !iequals_complete(life_node.attribute("value").value())) {
                ++log.counts.events_lifecycle_skipped;
                continue;
            }
            eventlog::Event e;
            e.activity = log.activity_id(activity);
            if (time_node) {
                if (auto t =
                        eventlog::parse_timestamp(time_node.attribute("value").value(), opt.time_format)) {
                    e.time_us = *t;
                    e.has_time = true;
                }
            }
            if (!e.has_time) ++untimed;
            c.events.push_back(e);
        }
    }
    log.counts.events_untimed = untimed;
    if (untimed > 0)
        out.diagnostics.push_back(
            {Severity::warning,
             std::to_string(untimed) +
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

}  // namespace jstudio::importers
