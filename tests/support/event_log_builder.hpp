#pragma once
// Event logs written inline in tests: each case a list of (activity, day) pairs, cases named prefix + number.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/eventlog/event_log.hpp"

namespace jstudio::test {

inline constexpr std::int64_t day_us = 86400LL * 1000000;

inline eventlog::EventLog make_log(std::vector<std::vector<std::pair<std::string, int>>> cases,
                                   const std::string& case_prefix = "c") {
    eventlog::EventLog log;
    for (auto& events : cases) {
        eventlog::Case c;
        c.id = case_prefix + std::to_string(log.cases.size());
        for (auto& [act, d] : events) c.events.push_back({d * day_us, log.activity_id(act), true});
        log.cases.push_back(std::move(c));
    }
    return log;
}

}  // namespace jstudio::test
