#include <catch2/catch.hpp>

#include "importers/eventlog/log_reader.hpp"

using namespace jstudio;
using namespace jstudio::importers;

TEST_CASE("XES: traces, direct-child keys, lifecycle, untimed events", "[importers][eventlog][xes]") {
    std::string xes = R"(<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <classifier name="Activity" keys="Activity"/>
  <string key="concept:name" value="the log"/>
  <trace>
    <string key="concept:name" value="T1"/>
    <string key="channel" value="web"/>
    <event>
      <string key="concept:name" value="B &amp; C"/>
      <date key="time:timestamp" value="2024-01-01T12:00:00.000+01:00"/>
    </event>
    <event>
      <string key="org:resource" value="x"><string key="concept:name" value="nested, ignored"/></string>
      <string key="concept:name" value="A"/>
      <date key="time:timestamp" value="2024-01-01T10:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="A"/>
      <string key="lifecycle:transition" value="start"/>
      <date key="time:timestamp" value="2024-01-01T09:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="D"/>
      <string key="time:timestamp" value="?"/>
    </event>
  </trace>
  <trace>
    <event><string key="concept:name" value="A"/><string key="lifecycle:transition" value="COMPLETE"/>
      <date key="time:timestamp" value="2024-01-02T10:00:00"/></event>
  </trace>
</log>)";
    LogReadOptions o;
    o.segment_column = "channel";
    auto r = read_xes_log(xes, "t.xes", o);
    REQUIRE(r);
    const auto& log = r->log;
    REQUIRE(log.cases.size() == 2);
    CHECK(log.cases[0].id == "T1");
    CHECK(log.cases[0].segment == "web");
    CHECK(log.cases[1].id == "#1");  // no concept:name: index
    CHECK(log.counts.events_in_file == 5);
    CHECK(log.counts.events_lifecycle_skipped == 1);
    CHECK(log.counts.events_untimed == 1);
    REQUIRE(log.cases[0].events.size() == 3);
    // 10:00Z (A) < 11:00Z (B & C); D has no time and goes last.
    CHECK(log.activity_name(log.cases[0].events[0].activity) == "A");
    CHECK(log.activity_name(log.cases[0].events[1].activity) == "B & C");
    CHECK(log.activity_name(log.cases[0].events[2].activity) == "D");
    CHECK(r->diagnostics.size() == 1);
}

TEST_CASE("XES: not a log, not XML", "[importers][eventlog][xes]") {
    std::string notlog = "<mxfile/>";
    auto a = read_xes_log(notlog, "a.xes", {});
    REQUIRE_FALSE(a);
    CHECK(a.error().message.find("<mxfile>") != std::string::npos);
    std::string broken = "<log>\n<trace>\n</log>";
    auto b = read_xes_log(broken, "b.xes", {});
    REQUIRE_FALSE(b);
    CHECK(b.error().code == ErrorCode::bad_xml);
    CHECK(b.error().where.line == 3);
}
