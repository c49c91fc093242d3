// libFuzzer target for the XES (IEEE 1849) event-log reader. Beyond "no crash": a refusal says why, and a log
// that reads has every event on a known activity, each case in time order (untimed events last) and no empty
// case; discovery then runs on it.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/eventlog/discovery.hpp"
#include "importers/eventlog/log_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jstudio;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    importers::LogReadOptions options;
    options.max_record_bytes = 1 << 16;
    auto read = importers::read_xes_log(text, "fuzz.xes", options);
    if (!read) {
        if (read.error().message.empty()) std::abort();
        return 0;
    }
    const auto& log = read->log;
    for (const auto& c : log.cases) {
        if (c.events.empty()) std::abort();
        for (std::size_t i = 0; i < c.events.size(); ++i) {
            if (c.events[i].activity >= log.activities().size()) std::abort();
            if (i == 0) continue;
            const auto& a = c.events[i - 1];
            const auto& b = c.events[i];
            if (!a.has_time && b.has_time) std::abort();
            if (a.has_time && b.has_time && a.time_us > b.time_us) std::abort();
        }
    }
    const auto found = eventlog::discover(log);
    if (found.cases != log.cases.size()) std::abort();
    return 0;
}
