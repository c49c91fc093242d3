#include <catch2/catch.hpp>

#include <cmath>

#include "core/codec/codec.hpp"
#include "core/render/stencil.hpp"

using namespace jstudio;
using namespace jstudio::render;

namespace {

StencilOp op(StencilOp::Kind kind, std::array<double, 7> v = {}, std::string text = {}) {
    return StencilOp{kind, v, std::move(text)};
}

// A 10×20 stencil: a filled and stroked box (outline in the background, paint first in the foreground, as
// draw.io's stencils do), then a red line across the middle.
Stencil box_and_line() {
    Stencil st;
    st.name = "box";
    st.width = 10, st.height = 20;
    st.background = {op(StencilOp::path), op(StencilOp::move, {0, 0}), op(StencilOp::line, {10, 0}),
                     op(StencilOp::line, {10, 20}), op(StencilOp::close)};
    st.foreground = {op(StencilOp::fillstroke),     op(StencilOp::stroke_color, {}, "#ff0000"),
                     op(StencilOp::path),           op(StencilOp::move, {0, 10}),
                     op(StencilOp::line, {10, 10}), op(StencilOp::stroke)};
    return st;
}

std::vector<PathOp::Kind> kinds(const Path& p) {
    std::vector<PathOp::Kind> out;
    for (const auto& o : p.ops) out.push_back(o.kind);
    return out;
}

const Path& path_at(const std::vector<Item>& items, std::size_t i) {
    REQUIRE(i < items.size());
    REQUIRE(std::holds_alternative<Path>(items[i]));
    return std::get<Path>(items[i]);
}

bool near(Point a, Point b) {
    return std::abs(a.x - b.x) < 1e-9 && std::abs(a.y - b.y) < 1e-9;
}

}  // namespace

TEST_CASE("a stencil is drawn in the cell's bounds with the cell's colours", "[render][stencil]") {
    StencilPaint paint;
    paint.fill = Color{0, 255, 0};
    paint.stroke = Color{0, 0, 255};
    paint.stroke_width = 2;
    const Rect b{100, 200, 50, 40};  // x scale 5, y scale 2

    SECTION("strokewidth=inherit, aspect variable") {
        const auto items = draw_stencil(box_and_line(), b, paint);
        REQUIRE(items.size() == 2);
        const Path& box = path_at(items, 0);
        CHECK(kinds(box) ==
              std::vector<PathOp::Kind>{PathOp::move, PathOp::line, PathOp::line, PathOp::close});
        CHECK(box.ops[0].p[0] == Point{100, 200});
        CHECK(box.ops[1].p[0] == Point{150, 200});
        CHECK(box.ops[2].p[0] == Point{150, 240});
        CHECK(box.fill == Color{0, 255, 0});
        CHECK(box.stroke == Color{0, 0, 255});
        CHECK(box.stroke_width == 2);
        const Path& line = path_at(items, 1);
        CHECK(kinds(line) == std::vector<PathOp::Kind>{PathOp::move, PathOp::line});
        CHECK(line.ops[0].p[0] == Point{100, 220});
        CHECK(line.ops[1].p[0] == Point{150, 220});
        CHECK_FALSE(line.fill);
        CHECK(line.stroke == Color{255, 0, 0});
    }
    SECTION("aspect fixed: the smaller scale, centred; a numeric strokewidth scales with it") {
        Stencil st = box_and_line();
        st.fixed_aspect = true;
        st.stroke_width = 3;
        const auto items = draw_stencil(st, b, paint);
        const Path& box = path_at(items, 0);
        CHECK(box.ops[0].p[0] == Point{115, 200});  // scale 2: 20 wide, (50 - 20) / 2 in
        CHECK(box.ops[2].p[0] == Point{135, 240});
        CHECK(box.stroke_width == 6);
    }
    SECTION("direction=south turns it a quarter in the same bounds") {
        paint.direction = "south";
        const auto items = draw_stencil(box_and_line(), b, paint);
        const Path& line = path_at(items, 1);
        // Laid out in the box turned a quarter (40×50 about the centre (125, 220)), then turned back.
        CHECK(near(line.ops[0].p[0], {125, 200}));
        CHECK(near(line.ops[1].p[0], {125, 240}));
    }
    SECTION("a paint with nothing to paint, or empty bounds, draws nothing") {
        Stencil st = box_and_line();
        st.foreground = {op(StencilOp::fill), op(StencilOp::stroke)};
        paint.fill.reset();
        // A fill with no fill colour paints nothing and still uses the outline up: the stroke has none left.
        CHECK(draw_stencil(st, b, paint).empty());
        CHECK(draw_stencil(box_and_line(), {0, 0, 0, 10}, paint).empty());
    }
}

TEST_CASE("stencil state: save/restore, colours, alpha, dashes", "[render][stencil]") {
    Stencil st;
    st.foreground = {op(StencilOp::save),
                     op(StencilOp::fill_color, {}, "#112233"),
                     op(StencilOp::alpha, {0.5}),
                     op(StencilOp::dashed, {1}),
                     op(StencilOp::dash_pattern, {}, "2 1"),
                     op(StencilOp::stroke_width, {2}),
                     op(StencilOp::rect, {0, 0, 50, 50}),
                     op(StencilOp::fillstroke),
                     op(StencilOp::restore),
                     op(StencilOp::ellipse, {50, 50, 50, 50}),
                     op(StencilOp::fillstroke)};
    StencilPaint paint;
    paint.fill = Color{255, 255, 255};
    paint.stroke = Color{0, 0, 0};
    paint.gradient = Gradient{Color{255, 255, 255}, Color{0, 0, 0}, "south"};
    const auto items = draw_stencil(st, {0, 0, 200, 100}, paint);  // scales 2 and 1: min 1
    REQUIRE(items.size() == 2);
    const Path& rect = path_at(items, 0);
    CHECK(rect.fill == Color{0x11, 0x22, 0x33});
    CHECK_FALSE(rect.gradient);  // the stencil's own fill colour replaces the cell's gradient
    CHECK(rect.fill_opacity == 0.5);
    CHECK(rect.stroke_width == 2);
    CHECK(rect.dash == std::vector<double>{4, 2});
    CHECK(rect.ops[0].p[0] == Point{0, 0});
    const Path& ellipse = path_at(items, 1);
    CHECK(ellipse.fill == Color{255, 255, 255});
    CHECK(ellipse.gradient);
    CHECK(ellipse.fill_opacity == 1);
    CHECK(ellipse.dash.empty());
    CHECK(ellipse.stroke_width == 1);
    CHECK(ellipse.bounds().x == Approx(100));
    CHECK(ellipse.bounds().right() == Approx(200));
}

TEST_CASE("stencil curves: quad, curve and SVG arcs become cubics", "[render][stencil]") {
    Stencil st;
    st.width = st.height = 10;
    st.foreground = {op(StencilOp::path),
                     op(StencilOp::move, {0, 5}),
                     op(StencilOp::arc, {5, 5, 0, 0, 1, 10, 5}),  // half circle over the top
                     op(StencilOp::quad, {10, 10, 5, 10}),
                     op(StencilOp::curve, {4, 10, 1, 10, 0, 5}),
                     op(StencilOp::stroke)};
    StencilPaint paint;
    paint.stroke = Color{};
    const auto items = draw_stencil(st, {0, 0, 10, 10}, paint);
    const Path& p = path_at(items, 0);
    CHECK(kinds(p) == std::vector<PathOp::Kind>{PathOp::move, PathOp::cubic, PathOp::cubic, PathOp::cubic,
                                                PathOp::cubic});
    CHECK(std::abs(p.ops[1].p[2].x - 5) < 1e-9);  // the arc's first quarter ends at the top
    CHECK(std::abs(p.ops[1].p[2].y - 0) < 1e-9);
    CHECK(p.ops[2].p[2] == Point{10, 5});
    CHECK(std::abs(p.ops[2].p[0].x - (5 + 4 * (std::sqrt(2.0) - 1) / 3 * 5)) < 1e-9);  // circle control
    // quad (10,5) → (5,10) via (10,10): controls at 2/3 towards the control point
    CHECK(near(p.ops[3].p[0], {10, 5 + 10.0 / 3}));
    CHECK(near(p.ops[3].p[1], {5 + 10.0 / 3, 10}));
    CHECK(p.ops[4].p[2] == Point{0, 5});
}

TEST_CASE("inline stencil text decodes base64, raw deflate and percent escapes", "[render][stencil]") {
    const std::string xml =
        "<shape name=\"caf\xc3\xa9\" w=\"10\"><foreground><rect x=\"0\" y=\"0\" w=\"10\" "
        "h=\"10\"/><fillstroke/></foreground></shape>";
    const std::string encoded = codec::base64_encode(codec::deflate_raw(codec::percent_encode(xml)));
    CHECK(inline_stencil_text("stencil(" + encoded + ")") == std::optional<std::string_view>(encoded));
    CHECK_FALSE(inline_stencil_text("stencil(abc"));
    CHECK_FALSE(inline_stencil_text("mxgraph.basic.rect"));
    auto decoded = inline_stencil_xml(encoded);
    REQUIRE(decoded);
    CHECK(decoded.value() == xml);
    SECTION("each layer reports its own failure") {
        auto bad_base64 = inline_stencil_xml("@@@@");
        REQUIRE_FALSE(bad_base64);
        CHECK(bad_base64.error().message.find("stencil base64") == 0);
        auto bad_deflate = inline_stencil_xml(codec::base64_encode("not deflate at all"));
        REQUIRE_FALSE(bad_deflate);
        CHECK(bad_deflate.error().message.find("stencil deflate") == 0);
        auto bad_percent = inline_stencil_xml(codec::base64_encode(codec::deflate_raw("%zz")));
        REQUIRE_FALSE(bad_percent);
        CHECK(bad_percent.error().message.find("stencil percent") == 0);
    }
}

namespace {
int g_parser_calls = 0;
Result<Stencil> counting_parser(std::string_view xml) {
    ++g_parser_calls;
    if (xml == "bad") return make_error(ErrorCode::bad_xml, "not a stencil");
    Stencil st;
    st.name = std::string(xml);
    return st;
}
}  // namespace

TEST_CASE("inline stencils are read once per distinct text, failures too", "[render][stencil]") {
    set_stencil_parser(&counting_parser);
    REQUIRE(has_stencil_parser());
    g_parser_calls = 0;
    const std::string good = codec::base64_encode(codec::deflate_raw("cache-test-good"));
    const std::string bad = codec::base64_encode(codec::deflate_raw("bad"));
    auto a = inline_stencil(good), b = inline_stencil(good);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a.value() == b.value());  // one shared object
    CHECK(a.value()->name == "cache-test-good");
    CHECK_FALSE(inline_stencil(bad));
    CHECK_FALSE(inline_stencil(bad));
    CHECK(g_parser_calls == 2);
    set_stencil_parser(nullptr);
    CHECK_FALSE(inline_stencil(codec::base64_encode(codec::deflate_raw("other"))));
}

TEST_CASE("stencil text is a run anchored at its point", "[render][stencil]") {
    Stencil st;
    st.foreground = {op(StencilOp::font_size, {20}), op(StencilOp::font_color, {}, "#0000ff"),
                     op(StencilOp::text, {50, 50, 1, 0, 1, 1}, "Hi"), op(StencilOp::text, {0, 0}, "")};
    const auto items = draw_stencil(st, {0, 0, 200, 100}, {});  // scales 2 and 1
    REQUIRE(items.size() == 1);                                 // empty text draws nothing
    REQUIRE(std::holds_alternative<TextRun>(items[0]));
    const TextRun& run = std::get<TextRun>(items[0]);
    CHECK(run.text == "Hi");
    CHECK(run.font.size == 20);  // fontsize × the smaller scale
    CHECK(run.font.color == Color{0, 0, 255});
    CHECK(run.x == Approx(100 - run.width / 2));  // align center
    CHECK(run.pivot == Point{100, 50});
    CHECK(run.rotation == -90);  // vertical
}

TEST_CASE("stencil colours with alpha: transparent paints nothing, half is half", "[render][stencil]") {
    CHECK(color_alpha("rgba(0, 0, 0, 0)") == 0);
    CHECK(color_alpha("rgba(10,20,30,0.25)") == 0.25);
    CHECK(color_alpha("rgba(10,20,30,50%)") == 0.5);
    CHECK(color_alpha("#ff000080") == Approx(128 / 255.0));
    CHECK(color_alpha("#ff0000") == 1);
    CHECK(color_alpha("rgb(1,2,3)") == 1);
    CHECK(color_alpha("rgba(1,2)") == 1);
    Stencil st;
    st.foreground = {op(StencilOp::stroke_color, {}, "rgba(0, 0, 0, 0)"),
                     op(StencilOp::fill_color, {}, "rgba(255, 0, 0, 0.5)"),
                     op(StencilOp::rect, {0, 0, 10, 10}), op(StencilOp::fillstroke)};
    StencilPaint paint;
    paint.stroke = Color{};
    const auto items = draw_stencil(st, {0, 0, 100, 100}, paint);
    const Path& p = path_at(items, 0);
    CHECK_FALSE(p.stroke);  // parse_color alone would give black
    CHECK(p.fill == Color{255, 0, 0});
    CHECK(p.fill_opacity == 0.5);
}
