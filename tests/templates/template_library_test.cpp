#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_draw.hpp"
#include "core/journey/journey_read.hpp"
#include "core/journey/label_text.hpp"
#include "core/text/text_metrics.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/journey_json.hpp"
#include "templates/template_library.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using journey::JourneyMap;

namespace {

const std::vector<std::string> template_names = {"current-state", "day-in-the-life", "future-state",
                                                 "service-blueprint"};

JourneyMap load(const std::string& name) {
    auto info = templates::find_template(templates::template_search_path(), name);
    REQUIRE(info);
    auto map = templates::load_template(info->file);
    INFO((map ? std::string() : map.error().to_string()));
    REQUIRE(map);
    return std::move(*map);
}

diagram::Page write_and_read(const diagram::Document& doc) {
    auto xml = exporters::write_drawio(doc);
    REQUIRE(xml);
    auto back = importers::read_drawio(*xml, "map.drawio");
    REQUIRE(back);
    REQUIRE(back->document.pages.size() == 1);
    return back->document.pages.front();
}

const std::set<std::string> card_roles = {"title", "persona",    "scenario",    "stage-header", "lane-header",
                                          "step",  "pain-point", "opportunity", "emotion"};

bool overlap(const diagram::Rect& a, const diagram::Rect& b) {
    return a.x < b.right() - 0.01 && b.x < a.right() - 0.01 && a.y < b.bottom() - 0.01 &&
           b.y < a.bottom() - 0.01;
}

// What draw.io shows: the label box is the cell minus `spacing` on each side; html labels wrap at its width.
void check_label_fits(const diagram::Cell& c, double reserved_bottom) {
    const auto& style = c.style_or_empty();
    const double spacing = style.number("spacing", 2);
    text::FontSpec font{style.number("fontSize", 12),
                        (static_cast<int>(style.number("fontStyle", 0)) & 1) != 0};
    const std::string label = journey::html_to_text(c.label());
    const auto& r = c.geometry->bounds;
    INFO("cell " << c.id << " '" << label << "' " << r.width << "x" << r.height);
    if (label.empty()) return;
    if (style.get_or("whiteSpace", "") != "wrap") {
        CHECK(text::text_width(label, font) <= r.width - 2 * spacing);
        return;
    }
    auto block = text::measure_block(label, r.width - 2 * spacing - style.number("spacingRight", 0), font);
    CHECK(block.width <= r.width - 2 * spacing);
    CHECK(block.height + 2 * spacing + reserved_bottom <= r.height);
}

}  // namespace

TEST_CASE("the template folder is found and lists every template", "[templates][journey]") {
    auto folders = templates::template_search_path();
    REQUIRE_FALSE(folders.empty());
    auto list = templates::list_templates(folders);
    std::vector<std::string> names;
    for (const auto& t : list) {
        names.push_back(t.name);
        CHECK_FALSE(t.description.empty());
    }
    CHECK(names == template_names);
    SECTION("a user folder comes first and wins on a name clash") {
        auto dir = test::temp_dir("journey-templates");
        std::ofstream(dir / "current-state.json") << R"({"description": "mine", "stages": [], "lanes": []})";
        std::ofstream(dir / "my-own.json") << R"({"description": "my own map"})";
        auto mine = templates::list_templates(templates::template_search_path(dir.string()));
        REQUIRE(mine.size() == 5);
        CHECK(mine[0].name == "current-state");
        CHECK(mine[0].description == "mine");
        CHECK(mine[3].name == "my-own");
    }
    SECTION("an unknown name is an error naming the folders") {
        auto missing = templates::find_template(folders, "nope");
        REQUIRE_FALSE(missing);
        CHECK(missing.error().message.find("no template named 'nope'") == 0);
    }
}

TEST_CASE("every template instantiates into a valid, readable map", "[templates][journey]") {
    for (const auto& name : template_names) {
        DYNAMIC_SECTION(name) {
            JourneyMap map = load(name);
            CHECK(journey::validate(map).empty());
            CHECK_FALSE(map.personas.empty());
            CHECK(map.stages.size() >= 4);
            CHECK(map.lanes.size() >= 6);
            CHECK(map.graph.step_count() >= 18);
            CHECK_FALSE(map.graph.transitions().empty());
            journey::assign_cell_ids(map);
            auto doc = templates::journey_document(map);
            const diagram::Page page = write_and_read(doc);
            diagram::PageIndex idx(page);

            // Every journey cell carries its metadata.
            std::vector<std::pair<std::string, diagram::Rect>> cards;
            for (const auto& c : page.cells) {
                if (c.kind != diagram::CellKind::vertex && c.kind != diagram::CellKind::edge) continue;
                INFO("cell " << c.id);
                const std::string role = c.data("journey-role");
                CHECK_FALSE(role.empty());
                if (journey::is_step_role(role)) {
                    CHECK_FALSE(c.data("step-id").empty());
                    CHECK(map.stage_index(c.data("stage")) >= 0);
                    CHECK(map.lane_index(c.data("lane")) >= 0);
                    auto s = map.graph.find(c.data("step-id"));
                    REQUIRE(s);
                    CHECK(c.data("channel") == map.graph.step(*s).channel);
                    if (role == "emotion") {
                        CHECK_FALSE(c.data("emotion").empty());
                        CHECK_FALSE(c.data("persona").empty());
                    }
                }
                if (role == "stage-header") CHECK(map.stage_index(c.data("stage")) >= 0);
                if (role == "lane-header") CHECK(map.lane_index(c.data("lane")) >= 0);
                if (role == "transition") CHECK_FALSE(c.data("kind").empty());
                if (card_roles.count(role)) cards.push_back({c.id, *idx.absolute_bounds(c.id)});
            }

            // No two cards overlap.
            for (std::size_t i = 0; i < cards.size(); ++i)
                for (std::size_t j = i + 1; j < cards.size(); ++j) {
                    INFO(cards[i].first << " and " << cards[j].first);
                    CHECK_FALSE(overlap(cards[i].second, cards[j].second));
                }

            // Every label fits its card; channel tags sit inside their card, below the text.
            for (const auto& c : page.cells) {
                const std::string role = c.data("journey-role");
                if (!card_roles.count(role) && role != "channel-tag" && role != "emotion-scale") continue;
                bool has_tag = false;
                for (const auto* child : idx.children(c.id))
                    if (child->data("journey-role") == "channel-tag") {
                        has_tag = true;
                        const auto& t = child->geometry->bounds;
                        CHECK(t.x >= 0);
                        CHECK(t.right() <= c.geometry->bounds.width);
                        CHECK(t.bottom() <= c.geometry->bounds.height);
                    }
                check_label_fits(c, has_tag ? 22 : 0);
            }

            // Steps are in their stage's column and their lane's row.
            for (auto s : map.graph.steps()) {
                const auto& st = map.graph.step(s);
                auto card = idx.absolute_bounds(st.cell_id);
                auto col =
                    idx.absolute_bounds("jm-stage-" + map.stages[static_cast<std::size_t>(st.stage)].id);
                auto row = idx.absolute_bounds("jm-lane-" + map.lanes[static_cast<std::size_t>(st.lane)].id);
                REQUIRE(card);
                CHECK(card->x >= col->x);
                CHECK(card->right() <= col->right());
                CHECK(card->y >= row->y);
                CHECK(card->bottom() <= row->bottom());
            }

            // map -> draw.io -> map gives the same map.
            auto back = journey::read_journey(page);
            REQUIRE(back);
            CHECK(back->title == map.title);
            CHECK(back->kind == map.kind);
            CHECK(back->scenario == map.scenario);
            CHECK(back->expectations == map.expectations);
            CHECK(back->personas == map.personas);
            CHECK(back->stages == map.stages);
            CHECK(back->lanes == map.lanes);
            REQUIRE(back->graph.step_count() == map.graph.step_count());
            for (auto s : map.graph.steps()) CHECK(back->graph.step(s) == map.graph.step(s));
            CHECK(back->graph == map.graph);
            CHECK(*back == map);
        }
    }
}

namespace {

std::vector<journey::Step> steps_of(const JourneyMap& map) {
    std::vector<journey::Step> out;
    for (auto s : map.graph.steps()) out.push_back(map.graph.step(s));
    return out;
}

bool mentions(const JourneyMap& map, const std::string& word) {
    if (map.title.find(word) != std::string::npos || map.scenario.find(word) != std::string::npos)
        return true;
    for (const auto& e : map.expectations)
        if (e.find(word) != std::string::npos) return true;
    for (const auto& st : steps_of(map))
        if (st.label.find(word) != std::string::npos || st.persona.find(word) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("instantiate renames the persona everywhere it is named", "[templates][journey]") {
    SECTION("full and first name in scenario, title, cards; the id on the emotion points") {
        JourneyMap map = load("current-state");
        REQUIRE(map.scenario.find("Maya needs") != std::string::npos);
        REQUIRE(templates::instantiate(map, {"", "Priya Rao", {}, false}));
        CHECK(map.personas.front().name == "Priya Rao");
        CHECK(map.personas.front().id == "priya-rao");
        CHECK(map.scenario.find("Priya needs") == 0);
        CHECK_FALSE(mentions(map, "Maya"));
        CHECK_FALSE(mentions(map, "maya"));
        int emotions = 0;
        for (const auto& st : steps_of(map)) emotions += st.persona == "priya-rao" ? 1 : 0;
        CHECK(emotions == 4);
        CHECK(journey::validate(map).empty());
    }
    SECTION("the title names the persona too") {
        JourneyMap map = load("day-in-the-life");
        REQUIRE(map.title.find("Sam") != std::string::npos);
        REQUIRE(templates::instantiate(map, {"", "Lea", {}, false}));
        CHECK(map.title == "Fitness app: a day in the life of Lea");
        CHECK_FALSE(mentions(map, "Sam"));
    }
    SECTION("the second persona of a two-persona map is left alone") {
        JourneyMap map = load("future-state");
        const std::string second = map.personas.at(1).name;
        REQUIRE(templates::instantiate(map, {"", "Ola", {}, false}));
        CHECK(map.personas.at(1).name == second);
        CHECK(map.scenario.find("Ola splits") != std::string::npos);
        CHECK(map.scenario.find("Rosa") != std::string::npos);
        CHECK(journey::validate(map).empty());
    }
}

TEST_CASE("instantiate with new stages starts them with placeholders", "[templates][journey]") {
    JourneyMap map = load("current-state");
    const auto lanes = map.lanes.size();
    auto notes = templates::instantiate(
        map, {"", "", {"Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"}, false});
    REQUIRE(notes);
    REQUIRE(map.stages.size() == 5);
    CHECK(map.stages[0].id == "prospecting");
    CHECK(map.stages[4].id == "closed-won");
    for (const auto& stage : map.stages) CHECK(stage.description.empty());  // no "Looks for a model"
    // one card per lane and stage, each a placeholder: none of the shop's sample cards survive
    CHECK(map.graph.step_count() == lanes * 5);
    CHECK(map.graph.transitions().empty());
    std::set<std::string> labels;
    for (const auto& st : steps_of(map)) labels.insert(st.label);
    CHECK(labels.count("Add a step") == 1);
    CHECK(labels.count("Add a pain point") == 1);
    CHECK(labels.count("Add a KPI") == 1);
    for (const auto& label : labels) CHECK(label.find("shoes") == std::string::npos);
    for (const auto& st : steps_of(map))
        if (map.lanes[static_cast<std::size_t>(st.lane)].kind == journey::LaneKind::emotions) {
            CHECK(st.emotion == 0.0);
            CHECK(st.persona == map.personas.front().id);
        }
    CHECK(journey::validate(map).empty());
    CHECK(notes->empty());  // nothing dropped that was not asked for
    auto back = journey::read_journey(write_and_read(templates::journey_document(map)));
    REQUIRE(back);
    CHECK(back->stages.size() == 5);
    CHECK(back->graph.step_count() == lanes * 5);
}

TEST_CASE("instantiate with --keep-content renames the stages by position", "[templates][journey]") {
    JourneyMap map = load("current-state");
    const auto steps_before = map.graph.step_count();
    SECTION("same number of stages: renamed in place") {
        auto notes =
            templates::instantiate(map, {"My map", "Priya", {"Find", "Choose", "Pay", "Get help"}, true});
        REQUIRE(notes);
        CHECK(notes->empty());
        CHECK(map.title == "My map");
        CHECK(map.personas.front().name == "Priya");
        CHECK(map.stages[3].name == "Get help");
        CHECK(map.stages[3].id == "support");
        CHECK(map.stages[0].description == "Looks for a model and size");
        CHECK(map.graph.step_count() == steps_before);
    }
    SECTION("fewer stages drop the trailing ones and their steps, and say so") {
        auto notes = templates::instantiate(map, {"", "", {"Find", "Choose"}, true});
        REQUIRE(notes);
        CHECK(map.stages.size() == 2);
        CHECK(map.graph.step_count() == 16);
        CHECK(journey::validate(map).empty());
        CHECK(map.graph.transitions().size() == 1);
        REQUIRE(notes->size() == 2);
        CHECK((*notes)[0] ==
              "--stages gives 2 stages; the template's 3rd stage 'Checkout' and its 8 cards were dropped");
        CHECK((*notes)[1] ==
              "--stages gives 2 stages; the template's 4th stage 'Ask support' and its 8 cards were dropped");
    }
    SECTION("more stages add stages with placeholder cards") {
        REQUIRE(templates::instantiate(map, {"", "", {"A", "B", "C", "D", "Tell a friend"}, true}));
        REQUIRE(map.stages.size() == 5);
        CHECK(map.stages[4].id == "tell-a-friend");
        CHECK(map.graph.step_count() == steps_before + map.lanes.size());
        auto page = write_and_read(templates::journey_document(map));
        auto back = journey::read_journey(page);
        REQUIRE(back);
        CHECK(back->stages.size() == 5);
    }
}

TEST_CASE("instantiate refuses an empty stage name", "[templates][journey]") {
    JourneyMap map = load("current-state");
    for (bool keep : {false, true}) {
        auto st = templates::instantiate(map, {"", "", {"A", ""}, keep});
        REQUIRE_FALSE(st);
        CHECK(st.error().code == ErrorCode::bad_usage);
    }
    CHECK(map.stages.size() == 4);  // refused before anything changed
}

TEST_CASE("bad template files give clear errors", "[templates][journey]") {
    auto bad = [](const char* text) {
        auto r = templates::map_from_json_text(text, "t.json");
        REQUIRE_FALSE(r);
        return r.error().to_string();
    };
    CHECK(bad("{") == "t.json: not valid JSON");
    CHECK(bad(R"({"kind": "someday"})").find("unknown kind 'someday'") != std::string::npos);
    CHECK(
        bad(R"({"stages": [{"id": "a"}], "lanes": [{"id": "x"}], "steps": [{"id": "s", "stage": "a", "lane": "x"}],
                 "transitions": [{"from": "s", "to": "zz"}]})")
            .find("names an unknown step") != std::string::npos);
    CHECK(bad(R"({"steps": [{"id": "s", "emotion": "happy"}]})").find("emotion must be a number") !=
          std::string::npos);
    SECTION("unknown stage and lane ids load and are named by validate") {
        auto r = templates::map_from_json_text(
            R"({"stages": [{"id": "a"}], "lanes": [{"id": "actions"}], "steps": [{"id": "s", "stage": "b", "lane": "q", "emotion": 5}]})",
            "t.json");
        REQUIRE(r);
        auto issues = journey::validate(*r);
        REQUIRE(issues.size() == 3);
        CHECK(issues[0].code == journey::Issue::Code::step_in_no_stage);
        CHECK(issues[1].code == journey::Issue::Code::unknown_lane);
        CHECK(issues[2].code == journey::Issue::Code::emotion_out_of_range);
    }
}
