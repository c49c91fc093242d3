#pragma once
// Timestamps as exports write them, parsed to microseconds since the Unix epoch (UTC).
#include <cstdint>
#include <optional>
#include <string_view>

namespace jstudio::eventlog {

// How to read 03/04/2024 or 03.04.2024: day first (Europe) or month first (US). Year-first forms never
// depend on it. `automatic` reads '.' dates day-first and '/' or '-' dates month-first unless a field > 12
// settles it.
enum class DateOrder { automatic, day_first, month_first };

// What a bare number means: seconds or milliseconds since the epoch. `automatic`: >= 1e11 is milliseconds
// (1e11 s is the year 5138; 1e11 ms is 1973).
enum class EpochUnit { automatic, seconds, milliseconds };

struct TimeFormat {
    DateOrder order = DateOrder::automatic;
    EpochUnit epoch = EpochUnit::automatic;
};

// Accepts ISO 8601 (2024-03-01, 2024-03-01T10:22[:33[.fff]][Z|+01:00|+0100|+01]) with 'T' or ' ', the same
// with '/' (2014/10/22 11:15:41.000), day/month-first dates with '.', '/' or '-' and an optional time with
// AM/PM, and epoch numbers. Values without an offset are read as UTC. nullopt when not a timestamp.
std::optional<std::int64_t> parse_timestamp(std::string_view text, TimeFormat format = {});

// For dd/mm vs mm/dd: which order a value forces (a field > 12), or automatic when it does not decide.
DateOrder order_forced_by(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);

}  // namespace jstudio::eventlog
