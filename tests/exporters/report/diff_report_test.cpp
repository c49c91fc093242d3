// The journey diff report in its three forms, from a hand-made diff: each section with its count, changed
// fields before and after, emotion per stage with a change only where both maps have one.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "exporters/report/diff_report.hpp"

using namespace jstudio;

namespace {

journey::JourneyDiff shop_diff() {
    journey::JourneyDiff d;
    d.added = {{"s9", "Gets a receipt", "Pay", "Actions"}};
    journey::StepChange c;
    c.before = {"s2", "Add to cart", "Choose", "Actions"};
    c.after = {"s2", "Add to basket", "Choose", "Actions"};
    c.changes = {{"label", "Add to cart", "Add to basket"}, {"channel", "web", "app"}};
    d.changed = {c};
    d.pain_points_resolved = {{"p1", "Hidden fees", "Pay", "Pain points"}};
    d.emotion_by_stage = {{"Choose", -1.0, 1.0}, {"Pay", std::nullopt, 0.5}};
    return d;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("diff report as text") {
    CHECK(exporters::write_diff_report(shop_diff(), exporters::ReportFormat::text) ==
          "Steps added (1):\n"
          "  [s9] 'Gets a receipt' (Pay / Actions)\n"
          "Steps removed (0):\n"
          "Steps changed (1):\n"
          "  [s2] Add to basket\n"
          "      label: 'Add to cart' -> 'Add to basket'\n"
          "      channel: 'web' -> 'app'\n"
          "Pain points resolved (1):\n"
          "  [p1] 'Hidden fees' (Pay / Pain points)\n"
          "Pain points new (0):\n"
          "Emotion by stage (2):\n"
          "  Choose: -1 -> +1 (+2)\n"
          "  Pay: - -> +0.5 (-)\n");
}

TEST_CASE("diff report as JSON") {
    const auto j =
        nlohmann::json::parse(exporters::write_diff_report(shop_diff(), exporters::ReportFormat::json));
    SECTION("every section present, empty ones as empty lists") {
        CHECK(j["removed"].empty());
        CHECK(j["pain_points_new"].empty());
        CHECK(j["added"][0] ==
              nlohmann::json::parse(
                  R"({"step_id": "s9", "label": "Gets a receipt", "stage": "Pay", "lane": "Actions"})"));
    }
    SECTION("changes by field; emotion change null unless both maps have a score") {
        CHECK(j["changed"][0]["label"] == "Add to basket");
        CHECK(j["changed"][0]["changes"][1] ==
              nlohmann::json::parse(R"({"field": "channel", "before": "web", "after": "app"})"));
        CHECK(j["emotion_by_stage"][0]["change"] == 2.0);
        CHECK(j["emotion_by_stage"][1]["before"].is_null());
        CHECK(j["emotion_by_stage"][1]["change"].is_null());
    }
}

TEST_CASE("diff report as Markdown") {
    const std::string md = exporters::write_diff_report(shop_diff(), exporters::ReportFormat::markdown);
    CHECK(md.rfind("# Journey diff\n\n## Steps added (1)\n\n- [s9] **Gets a receipt** (Pay / Actions)\n",
                   0) == 0);
    CHECK(contains(md, "- [s2] Add to basket\n  - label: 'Add to cart' -> 'Add to basket'\n"));
    CHECK(
        contains(md, "| Stage | Before | After | Change |\n|---|---|---|---|\n| Choose | -1 | +1 | +2 |\n"));
    SECTION("no emotion table without stages") {
        auto d = shop_diff();
        d.emotion_by_stage.clear();
        CHECK_FALSE(
            contains(exporters::write_diff_report(d, exporters::ReportFormat::markdown), "| Stage |"));
    }
}
