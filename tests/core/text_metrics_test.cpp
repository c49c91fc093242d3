#include <catch2/catch.hpp>

#include "core/text/font_family.hpp"
#include "core/text/text_metrics.hpp"

using namespace jstudio::text;

TEST_CASE("text widths follow Helvetica metrics", "[core][text]") {
    FontSpec f{10, false};
    SECTION("known advances (Helvetica AFM: a=556, i=222, W=944, space=278)") {
        CHECK(text_width("a", f) == Approx(5.56));
        CHECK(text_width("i", f) == Approx(2.22));
        CHECK(text_width("W", f) == Approx(9.44));
        CHECK(text_width(" ", f) == Approx(2.78));
    }
    SECTION("joiners, direction marks and combining accents take no room") {
        CHECK(text_width("a\xE2\x80\x8C"
                         "b",
                         f) == Approx(text_width("ab", f)));                  // U+200C zero-width non-joiner
        CHECK(text_width("a\xE2\x80\x8F", f) == Approx(text_width("a", f)));  // U+200F right-to-left mark
        CHECK(text_width("e\xCC\x81", f) == Approx(text_width("e", f)));      // U+0301 combining acute
    }
    SECTION("bold is wider") {
        CHECK(text_width("Checkout", {10, true}) > text_width("Checkout", f));
    }
    SECTION("width scales with size") {
        CHECK(text_width("abc", {20, false}) == Approx(2 * text_width("abc", f)));
    }
}

TEST_CASE("wrapping keeps every line inside the width", "[core][text]") {
    FontSpec f{12, false};
    const std::string text = "Customer compares delivery options and abandons the cart at checkout";
    auto lines = wrap_text(text, 100, f);
    REQUIRE(lines.size() > 1);
    std::string joined;
    for (const auto& l : lines) {
        CHECK(text_width(l, f) <= 100);
        joined += (joined.empty() ? "" : " ") + l;
    }
    CHECK(joined == text);
    SECTION("explicit line breaks stay") {
        CHECK(wrap_text("a\nb", 100, f).size() == 2);
    }
    SECTION("a long word is broken") {
        auto broken = wrap_text("Supercalifragilisticexpialidocious", 40, f);
        CHECK(broken.size() > 1);
        for (const auto& l : broken) CHECK(text_width(l, f) <= 40);
    }
    SECTION("block height counts lines") {
        auto block = measure_block(text, 100, f);
        CHECK(block.height == Approx(lines.size() * 12 * 1.2));
    }
}

TEST_CASE("Verdana, Tahoma and Comic Sans MS are measured and drawn as DejaVu Sans", "[core][text]") {
    CHECK(font_spec(10, false, "Verdana").face == Face::dejavu_sans);
    CHECK(font_spec(10, false, "'Tahoma', sans-serif").face == Face::dejavu_sans);
    CHECK(font_spec(10, true, "Comic Sans MS").face == Face::dejavu_sans);
    CHECK(font_spec(10, false, "Helvetica").face == Face::liberation_sans);
    CHECK(font_spec(10, false, "Courier New").face == Face::liberation_sans);
    CHECK(font_spec(10, false, "Courier New").monospace);
    // DejaVu Sans advances (units per 2048): a = 1255, space = 651, W = 2025; bold a = 1382.
    FontSpec v = font_spec(10, false, "Verdana");
    CHECK(text_width("a", v) == Approx(6.13));
    CHECK(text_width(" ", v) == Approx(3.18));
    CHECK(text_width("W", v) == Approx(9.89));
    CHECK(text_width("a", font_spec(10, true, "Verdana")) == Approx(6.75));
    CHECK(text_width("Lorem ipsum", v) > text_width("Lorem ipsum", font_spec(10, false, "Helvetica")) * 1.1);
    CHECK(installed_family("Verdana") == "DejaVu Sans");
    CHECK(installed_family("Arial") == "Arial");
}

TEST_CASE("Georgia is measured and drawn as DejaVu Serif, the sketch font as itself", "[core][text]") {
    SECTION("Georgia: DejaVu Serif advances (units per 2048: a = 1221, W = 2105; bold a = 1327)") {
        const FontSpec g = font_spec(10, false, "Georgia");
        CHECK(g.face == Face::dejavu_serif);
        CHECK(text_width("a", g) == Approx(5.96));
        CHECK(text_width("W", g) == Approx(10.28));
        CHECK(text_width("a", font_spec(10, true, "Georgia")) == Approx(6.48));
        // draw.io wraps this 40 px title in its 682 px box (the t-chart example); Liberation Sans advances
        // kept it on one line.
        CHECK(text_width("Old Information Management System", font_spec(40, false, "Georgia")) > 682);
        CHECK(installed_family("Georgia") == "DejaVu Serif");
    }
    SECTION(
        "Humor Sans and Times New Roman: Liberation Serif (Chromium's default font stands in for Humor "
        "Sans)") {
        const FontSpec h = font_spec(16, true, "Humor Sans");
        CHECK(h.face == Face::liberation_serif);
        CHECK(font_spec(10, false, "Times New Roman").face == Face::liberation_serif);
        // Liberation Serif (1/1000 em): a = 444, bold a = 500.
        CHECK(text_width("a", font_spec(10, false, "Humor Sans")) == Approx(4.44));
        CHECK(text_width("a", h) == Approx(8.0));
        // Its bold capitals are wider than Liberation Sans's (W = 1000 vs 944 per 1000 em): the xkcd
        // flowchart's 16 px bold lines wrap where draw.io wraps them.
        CHECK(text_width("W", h) == Approx(16.0));
        CHECK(text_width("W", font_spec(16, true, "Helvetica")) == Approx(15.104));
        CHECK(installed_family("Humor Sans") == "Liberation Serif");
    }
    SECTION("Architects Daughter: its own advances (units per 1024: a = 521, space = 410), bold the same") {
        const FontSpec a = font_spec(10, false, "Architects Daughter");
        CHECK(a.face == Face::architects_daughter);
        CHECK(text_width("a", a) == Approx(5.09));
        CHECK(text_width(" ", a) == Approx(4.00));
        CHECK(text_width("a", font_spec(10, true, "Architects Daughter")) == Approx(5.09));
        CHECK(installed_family("Architects Daughter") == "Architects Daughter");
    }
}
