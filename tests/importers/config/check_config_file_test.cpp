// The check config file: what each key changes, what a rule it does not name keeps, and every bad input
// refused with a message naming the file.
#include <catch2/catch.hpp>

#include <fstream>

#include "importers/config/check_config_file.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
namespace nav = analysis::navigation;

TEST_CASE("parse_check_config") {
    const auto defaults = nav::CheckConfig::defaults();
    SECTION("rules on and off, severity, threshold; the others keep their defaults") {
        auto s = importers::parse_check_config(
            R"({"rules": {"bottleneck": false, "too-deep": {"severity": "error", "threshold": 5},
                          "dead-end": {"enabled": false}}})",
            "c.json");
        REQUIRE(s);
        CHECK_FALSE(s->config.rule("bottleneck").enabled);
        CHECK_FALSE(s->config.rule("dead-end").enabled);
        CHECK(s->config.rule("too-deep").severity == nav::Severity::error);
        CHECK(s->config.rule("too-deep").threshold == 5);
        CHECK(s->config.rule("too-deep").enabled == defaults.rule("too-deep").enabled);
        CHECK(s->config.rule("unreachable").severity == defaults.rule("unreachable").severity);
        CHECK_FALSE(s->fail_on);
    }
    SECTION("entries, exits and fail-on") {
        auto s = importers::parse_check_config(
            R"({"entries": ["Home", "a1"], "exits": ["Done"], "fail_on": "warning"})", "c.json");
        REQUIRE(s);
        CHECK(s->config.entries == std::vector<std::string>{"Home", "a1"});
        CHECK(s->config.exits == std::vector<std::string>{"Done"});
        CHECK(s->fail_on == nav::Severity::warning);
    }
    SECTION("an empty object is the defaults") {
        auto s = importers::parse_check_config("{}", "c.json");
        REQUIRE(s);
        CHECK(s->config.rules.size() == defaults.rules.size());
        CHECK(s->config.entries.empty());
    }
    SECTION("bad input, each with its message and the file named") {
        const std::pair<const char*, const char*> cases[] = {
            {"[1, 2]", "not a JSON object"},
            {"{\"rules\": ", "not a JSON object"},
            {R"({"rules": []})", "\"rules\" must be an object"},
            {R"({"rules": {"nope": true}})", "unknown rule 'nope'"},
            {R"({"rules": {"dead-end": 3}})", "rule 'dead-end': expected true, false or an object"},
            {R"({"rules": {"dead-end": {"enabled": "yes"}}})",
             "rule 'dead-end': enabled must be true or false"},
            {R"({"rules": {"dead-end": {"severity": "huge"}}})",
             "rule 'dead-end': severity must be info, warning or error"},
            {R"({"rules": {"too-deep": {"threshold": "4"}}})", "rule 'too-deep': threshold must be a number"},
            {R"({"entries": "Home"})", "\"entries\" must be a list of ids or labels"},
            {R"({"exits": [1]})", "\"exits\" must hold strings"},
            {R"({"fail_on": "never"})", "fail_on must be info, warning or error"},
            {R"({"fail_on": 2})", "fail_on must be info, warning or error"},
        };
        for (const auto& [text, message] : cases) {
            INFO(text);
            auto s = importers::parse_check_config(text, "c.json");
            REQUIRE_FALSE(s);
            CHECK(s.error().message == message);
            CHECK(s.error().to_string().find("c.json") != std::string::npos);
        }
    }
}

TEST_CASE("read_check_config reads the file") {
    const auto dir = test::temp_dir("check-config");
    SECTION("a file on disk") {
        const auto path = (dir / "rules.json").string();
        std::ofstream(path) << R"({"rules": {"orphan": false}, "fail_on": "info"})";
        auto s = importers::read_check_config(path);
        REQUIRE(s);
        CHECK_FALSE(s->config.rule("orphan").enabled);
        CHECK(s->fail_on == nav::Severity::info);
    }
    SECTION("a missing file is an error naming it") {
        auto s = importers::read_check_config((dir / "missing.json").string());
        REQUIRE_FALSE(s);
        CHECK(s.error().to_string().find("missing.json") != std::string::npos);
    }
}
