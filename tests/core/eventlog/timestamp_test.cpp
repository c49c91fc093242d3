#include <catch2/catch.hpp>

#include "core/eventlog/timestamp.hpp"

using namespace jstudio::eventlog;

namespace {
constexpr std::int64_t sec = 1000000;
std::int64_t utc(int y, unsigned mo, unsigned d, int h, int mi, int s) {
    return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * sec;
}
}  // namespace

TEST_CASE("days_from_civil matches known dates", "[core][eventlog][timestamp]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(1969, 12, 31) == -1);
}

TEST_CASE("ISO 8601 forms with and without zone", "[core][eventlog][timestamp]") {
    const auto t = utc(2010, 12, 30, 13, 32, 0);
    CHECK(parse_timestamp("2010-12-30T14:32:00.000+01:00") == t);
    CHECK(parse_timestamp("2010-12-30 14:32:00+01:00") == t);
    CHECK(parse_timestamp("2010-12-30T14:32:00+0100") == t);
    CHECK(parse_timestamp("2010-12-30T14:32:00+01") == t);
    CHECK(parse_timestamp("2010-12-30T13:32:00Z") == t);
    CHECK(parse_timestamp("2010-12-30T13:32:00") == t);  // no offset: UTC
    CHECK(parse_timestamp("2010-12-30 13:32") == t);
    CHECK(parse_timestamp("2010-12-30T08:32:00-05:00") == t);
    CHECK(parse_timestamp("2010/12/30 13:32:00.000") == t);  // Sepsis style
    CHECK(parse_timestamp("2010-12-30") == utc(2010, 12, 30, 0, 0, 0));
    CHECK(parse_timestamp("2011-10-11 13:45:40.276000+02:00") == utc(2011, 10, 11, 11, 45, 40) + 276000);
    CHECK(parse_timestamp("2023-01-05T10:22:33.000+0000") == utc(2023, 1, 5, 10, 22, 33));  // Salesforce
    CHECK(parse_timestamp("  2010-12-30 13:32:00 UTC ") == t);
}

TEST_CASE("day-first and month-first dates", "[core][eventlog][timestamp]") {
    CHECK(parse_timestamp("16.01.2017 13:29") == utc(2017, 1, 16, 13, 29, 0));  // MobIS: '.' is day-first
    CHECK(parse_timestamp("03/04/2024") == utc(2024, 3, 4, 0, 0, 0));           // '/' defaults to month-first
    CHECK(parse_timestamp("03/04/2024", {DateOrder::day_first, EpochUnit::automatic}) ==
          utc(2024, 4, 3, 0, 0, 0));
    CHECK(parse_timestamp("13/04/2024", {DateOrder::month_first, EpochUnit::automatic}) ==
          utc(2024, 4, 13, 0, 0, 0));
    CHECK(parse_timestamp("1/5/2023 10:22 AM") == utc(2023, 1, 5, 10, 22, 0));
    CHECK(parse_timestamp("1/5/2023 12:05 AM") == utc(2023, 1, 5, 0, 5, 0));
    CHECK(parse_timestamp("1/5/2023 3:05:09 PM") == utc(2023, 1, 5, 15, 5, 9));
    CHECK(parse_timestamp("05-01-23 10:00", {DateOrder::day_first, EpochUnit::automatic}) ==
          utc(2023, 1, 5, 10, 0, 0));
    CHECK(order_forced_by("13/04/2024") == DateOrder::day_first);
    CHECK(order_forced_by("04/13/2024") == DateOrder::month_first);
    CHECK(order_forced_by("04/03/2024") == DateOrder::automatic);
}

TEST_CASE("dates with month names, as CRM report exports write them", "[core][eventlog][timestamp]") {
    CHECK(parse_timestamp("Mar 1, 2024 9:00 AM") ==
          utc(2024, 3, 1, 9, 0, 0));  // Salesforce / HubSpot reports
    CHECK(parse_timestamp("March 1 2024") == utc(2024, 3, 1, 0, 0, 0));
    CHECK(parse_timestamp("Sep. 30, 2024 11:15 PM") == utc(2024, 9, 30, 23, 15, 0));
    CHECK(parse_timestamp("1 Mar 2024 09:00") == utc(2024, 3, 1, 9, 0, 0));
    CHECK(parse_timestamp("01-Mar-2024 09:00:05") == utc(2024, 3, 1, 9, 0, 5));
    CHECK(parse_timestamp("01-mar-24") == utc(2024, 3, 1, 0, 0, 0));
    for (const char* bad : {"Mars 1, 2024", "Feb 30, 2024", "Mar 2024", "1 Mar", "Ma 1, 2024", "1-Mar 2024"})
        CHECK_FALSE(parse_timestamp(bad).has_value());
}

TEST_CASE("epoch seconds and milliseconds", "[core][eventlog][timestamp]") {
    CHECK(parse_timestamp("1700000000") == 1700000000 * sec);
    CHECK(parse_timestamp("1700000000123") == 1700000000123 * 1000);
    CHECK(parse_timestamp("1700000000.5") == 1700000000 * sec + 500000);
    CHECK(parse_timestamp("1700000000", {DateOrder::automatic, EpochUnit::milliseconds}) ==
          std::int64_t(1700000000) * 1000);
    SECTION(
        "numbers past the year 9999 are no time (they overflowed the microsecond count; a fuzz finding)") {
        CHECK(parse_timestamp("253402300799", {DateOrder::automatic, EpochUnit::seconds}) ==
              253402300799 * sec);  // 9999-12-31T23:59:59Z
        CHECK_FALSE(parse_timestamp("99999999999999999999").has_value());
        CHECK_FALSE(parse_timestamp("2555555555555555555555555555555").has_value());
        CHECK_FALSE(
            parse_timestamp("253402300800000", {DateOrder::automatic, EpochUnit::seconds}).has_value());
    }
}

TEST_CASE("what is not a timestamp", "[core][eventlog][timestamp]") {
    for (const char* bad :
         {"", "?", "yesterday", "2010-13-01", "2010-02-30", "2011-02-29", "2010-12-30T25:00",
          "2010-12-30T10:00+5", "31/31/2020", "2010-12-30 10:00 xyz", "12:30"})
        CHECK_FALSE(parse_timestamp(bad).has_value());
    CHECK(parse_timestamp("2012-02-29").has_value());
}

TEST_CASE("the common ISO form read by the fast path agrees with the general reader",
          "[core][eventlog][timestamp]") {
    const auto t = utc(2011, 10, 11, 11, 45, 40) + 276000;
    CHECK(parse_timestamp("2011-10-11 13:45:40.276000+02:00") == t);
    CHECK(parse_timestamp("2011-10-11T13:45:40.2760009+02:00") == t);  // digits past microseconds dropped
    CHECK(parse_timestamp("2011-10-11T11:45:40.276Z") == t);
    CHECK(parse_timestamp("2011-10-11T11:45:40.276z") == t);
    CHECK(parse_timestamp(" 2011-10-11T11:45:40.276Z ") == t);  // spaces: the general reader trims
    CHECK(parse_timestamp("2016-12-31T23:59:60Z") == utc(2016, 12, 31, 23, 59, 60));  // leap second
    CHECK(parse_timestamp("2023-02-29T10:00:00Z") == std::nullopt);
    CHECK(parse_timestamp("2023-02-28T24:00:00Z") == std::nullopt);
    CHECK(parse_timestamp("2023-02-28T10:00:00+24:00") == std::nullopt);
    CHECK(parse_timestamp("2023-02-28T10:00:00.Z") == std::nullopt);
    CHECK(parse_timestamp("2023-02-28T10:00:00Zx") == std::nullopt);
}
