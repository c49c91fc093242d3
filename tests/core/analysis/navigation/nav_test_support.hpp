#pragma once
// Reads a hand-made page from tests/data/navigation and summarises findings for exact comparison.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/analysis/navigation/build_nav_graph.hpp"
#include "core/analysis/navigation/check_config.hpp"
#include "core/analysis/navigation/finding.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

namespace jstudio::analysis::navigation::test {

inline diagram::Page load_page(const std::string& name) {
    auto read =
        importers::read_drawio_file(jstudio::test::data_path("navigation/" + name + ".drawio").string());
    REQUIRE(read);
    REQUIRE(read->document.pages.size() == 1);
    return read->document.pages.front();
}

inline RuleSettings settings(std::string_view rule) {
    return CheckConfig::defaults().rule(rule);
}

// "rule severity cells... [-> from to]" per finding: one string compares everything but the message.
inline std::vector<std::string> summary(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
        std::string s = f.rule + " " + to_string(f.severity);
        for (const auto& c : f.cells) s += " " + c;
        if (f.suggestion) s += " -> " + f.suggestion->from_cell + " " + f.suggestion->to_cell;
        out.push_back(s);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace jstudio::analysis::navigation::test
