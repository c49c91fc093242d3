#include <catch2/catch.hpp>

#include "core/journey/journey_map.hpp"
#include "core/journey/label_text.hpp"

using namespace jstudio::journey;

namespace {
Step mk(std::string id, std::string label, int stage = -1, int lane = -1, std::optional<double> emotion = {},
        std::string persona = {}) {
    Step s;
    s.id = std::move(id);
    s.label = std::move(label);
    s.stage = stage;
    s.lane = lane;
    s.emotion = emotion;
    s.persona = std::move(persona);
    return s;
}
JourneyMap small_map() {
    JourneyMap m;
    m.title = "T";
    m.personas.push_back({"p1", "Ann", "", "", {}, {}, {}, {}});
    m.stages = {{"s1", "One", ""}, {"s2", "Two", ""}};
    m.lanes = {{"actions", "Actions", LaneKind::actions}, {"emotions", "Emotions", LaneKind::emotions}};
    return m;
}
}  // namespace

TEST_CASE("JourneyGraph holds steps and transitions in order", "[core][journey]") {
    JourneyGraph g;
    StepId a = g.add_step(mk("a", "A"));
    StepId b = g.add_step(mk("b", "B"));
    StepId c = g.add_step(mk("c", "C"));
    g.add_transition(a, b, Transition{"e1", "go", TransitionKind::intended});
    g.add_transition(b, a, {"e2", "", TransitionKind::loop_back});
    g.add_transition(a, c, {"e3", "", TransitionKind::alternative});
    CHECK(g.step_count() == 3);
    CHECK(g.step(b).label == "B");
    CHECK(g.successors(a) == std::vector<StepId>{b, c});
    CHECK(g.predecessors(a) == std::vector<StepId>{b});
    CHECK(g.find("c") == c);
    CHECK_FALSE(g.find("zz"));
    auto t = g.transitions();
    REQUIRE(t.size() == 3);
    CHECK(t[0].transition.cell_id == "e1");
    CHECK(t[2].transition.kind == TransitionKind::loop_back);
    SECTION("copies are deep") {
        JourneyGraph copy = g;
        copy.step(a).label = "changed";
        CHECK(g.step(a).label == "A");
        CHECK_FALSE(copy == g);
    }
    SECTION("removing a step drops its transitions and renumbers") {
        g.remove_steps_if([](const Step& s) { return s.id == "a"; });
        CHECK(g.step_count() == 2);
        CHECK(g.step(StepId{0}).id == "b");
        CHECK(g.transitions().empty());
    }
    SECTION("transition kinds have names") {
        CHECK(std::string(to_string(TransitionKind::loop_back)) == "loop-back");
        CHECK(transition_kind_from("alternative") == TransitionKind::alternative);
        CHECK_FALSE(transition_kind_from("sideways"));
    }
}

TEST_CASE("validate names each problem", "[core][journey]") {
    JourneyMap m = small_map();
    m.graph.add_step(mk("ok", "Fine", 0, 0));
    CHECK(validate(m).empty());
    m.graph.add_step(mk("nostage", "Lost", -1, 0));
    m.graph.add_step(mk("nolane", "Where", 1, 7));
    m.graph.add_step(mk("hot", "Angry", 1, 1, 3.0));
    m.graph.add_step(mk("who", "X", 0, 0, {}, "p9"));
    auto issues = validate(m);
    REQUIRE(issues.size() == 4);
    CHECK(issues[0].code == Issue::Code::step_in_no_stage);
    CHECK(issues[0].step_id == "nostage");
    CHECK(issues[0].message == "step 'nostage' ('Lost'): is in no stage");
    CHECK(issues[1].code == Issue::Code::unknown_lane);
    CHECK(issues[1].step_id == "nolane");
    CHECK(issues[2].code == Issue::Code::emotion_out_of_range);
    CHECK(issues[2].message == "step 'hot' ('Angry'): emotion 3 is outside -2..+2");
    CHECK(issues[3].code == Issue::Code::unknown_persona);
    SECTION("the scale's ends are inside") {
        JourneyMap n = small_map();
        n.graph.add_step(mk("lo", "", 0, 1, -2.0));
        n.graph.add_step(mk("hi", "", 0, 1, 2.0));
        CHECK(validate(n).empty());
    }
}

TEST_CASE("kind names round-trip", "[core][journey]") {
    for (auto k : {MapKind::current_state, MapKind::future_state, MapKind::day_in_the_life,
                   MapKind::service_blueprint})
        CHECK(map_kind_from(to_string(k)) == k);
    CHECK(lane_kind_from("pain-points") == LaneKind::pain_points);
    CHECK(std::string(to_string(LaneKind::line_of_visibility)) == "line-of-visibility");
    CHECK_FALSE(lane_kind_from("nope"));
}

TEST_CASE("labels convert between text and draw.io HTML", "[core][journey]") {
    CHECK(text_to_html("a & b\n<c>") == "a &amp; b<br>&lt;c&gt;");
    CHECK(html_to_text("a &amp; b<br>&lt;c&gt;") == "a & b\n<c>");
    CHECK(html_to_text("<div>First line</div><div>second&nbsp;line</div>") == "First line\nsecond line");
    CHECK(html_to_text("<b>Bold</b> and <span style=\"color:red\">red</span>") == "Bold and red");
    CHECK(html_to_text("caf&#233; &#x263A;") == "caf\xc3\xa9 \xe2\x98\xba");
    CHECK(html_to_text("  spaced   out  ") == "spaced out");
}
