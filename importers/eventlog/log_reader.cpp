#include "importers/eventlog/log_reader.hpp"

#include <cctype>

#include "importers/eventlog/byte_source.hpp"

namespace jstudio::importers {

bool is_complete_transition(std::string_view v) {
    static constexpr std::string_view c = "complete";
    if (v.size() != c.size()) return false;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(v[i])) != c[i]) return false;
    return true;
}

Result<LogReadResult> read_event_log_file(const std::string& path, const LogReadOptions& options) {
    auto source = ByteSource::open_file(path);
    if (!source) return source.error();
    ByteSource& src = *source.value();
    LogFormat format = options.format;
    if (format == LogFormat::automatic) {
        auto head = src.peek(1 << 12);
        if (!head) return head.error();
        std::string_view t = *head;
        if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
        std::size_t i = 0;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
        format = i < t.size() && t[i] == '<' ? LogFormat::xes
                 : looks_like_dfg_csv(t)     ? LogFormat::dfg
                                             : LogFormat::csv;
    }
    if (format == LogFormat::xes) return read_xes_stream(src, options);
    if (format == LogFormat::dfg) return read_dfg_stream(src, options);
    return read_csv_stream(src, options);
}

}  // namespace jstudio::importers
