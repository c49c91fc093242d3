// libFuzzer target for the CSV event-log readers (a plain log, a CRM export, a directly-follows table).
// Beyond "no crash": a refusal says why; a log that reads has every event on a known activity and each case
// in time order; and its directly-follows table, written as journey discover --dfg-csv writes it, reads back
// with the same cases, arcs and edges (the round trip journey validate relies on).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/eventlog/discovery.hpp"
#include "exporters/report/dfg_csv_writer.hpp"
#include "importers/eventlog/log_reader.hpp"

namespace {

void check_log(const jstudio::eventlog::EventLog& log) {
    for (const auto& c : log.cases) {
        if (c.events.empty()) std::abort();  // empty cases are dropped
        for (std::size_t i = 0; i < c.events.size(); ++i) {
            if (c.events[i].activity >= log.activities().size()) std::abort();
            if (i == 0) continue;
            const auto& a = c.events[i - 1];
            const auto& b = c.events[i];
            if (!a.has_time && b.has_time) std::abort();  // untimed events sort last
            if (a.has_time && b.has_time && a.time_us > b.time_us) std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jstudio;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    importers::LogReadOptions options;
    options.max_record_bytes = 1 << 16;
    auto read = importers::read_csv_log(text, "fuzz.csv", options);
    if (!read) {
        if (read.error().message.empty()) std::abort();
    } else {
        check_log(read->log);
        const auto found = eventlog::discover(read->log);
        const auto csv = exporters::write_dfg_csv(read->log, found);
        auto again = importers::read_dfg_csv(csv, "fuzz-written.csv", options);
        if (!again || !again->aggregated) std::abort();  // we wrote a table we cannot read
        const auto& back = *again->aggregated;
        if (back.cases != found.cases || back.total_arcs != found.total_arcs ||
            back.edges.size() != found.edges.size())
            std::abort();
    }
    auto dfg = importers::read_dfg_csv(text, "fuzz.dfg.csv", options);
    if (!dfg && dfg.error().message.empty()) std::abort();
    (void)importers::read_csv_rows(text);
    return 0;
}
