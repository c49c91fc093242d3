// Inline stencils (shape=stencil(BASE64)): the XML reader, drawing them through render_page, bad stencils
// falling back to the box with a warning, garbage never crashing, and the corpus's freehand infographic.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>

#include "core/codec/codec.hpp"
#include "core/render/page_renderer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "importers/drawio/stencil_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
using importers::read_stencil_xml;
using render::PathOp;
using render::StencilOp;

namespace {

std::string encode(const std::string& xml) {
    return codec::base64_encode(codec::deflate_raw(codec::percent_encode(xml)));
}

// One page holding one vertex "s1" at (100, 200), 50×40, per style.
diagram::Document document_with(const std::vector<std::string>& styles) {
    std::string cells;
    for (std::size_t i = 0; i < styles.size(); ++i)
        cells += "<mxCell id=\"s" + std::to_string(i + 1) + "\" value=\"\" style=\"" + styles[i] +
                 "\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"100\" y=\"200\" width=\"50\" height=\"40\" "
                 "as=\"geometry\"/></mxCell>";
    const std::string xml =
        "<mxfile><diagram id=\"p\" name=\"P\"><mxGraphModel><root><mxCell id=\"0\"/>"
        "<mxCell id=\"1\" parent=\"0\"/>" +
        cells + "</root></mxGraphModel></diagram></mxfile>";
    auto read = importers::read_drawio(xml, "stencils.drawio");
    REQUIRE(read);
    return read.value().document;
}

std::vector<const render::Path*> paths(const render::Scene& scene) {
    std::vector<const render::Path*> out;
    for (const auto& item : scene.drawing.items)
        if (const auto* p = std::get_if<render::Path>(&item)) out.push_back(p);
    return out;
}

bool warned(const render::Scene& scene, const std::string& words, const std::string& cell) {
    for (const auto& d : scene.warnings)
        if (d.message.find(words) != std::string::npos && d.where.cell_id == cell) return true;
    return false;
}

const std::string box_and_line =
    R"(<shape name="box" w="10" h="20" aspect="variable" strokewidth="inherit">)"
    R"(<connections><constraint x="0" y="0" perimeter="0"/></connections>)"
    R"(<background><path><move x="0" y="0"/><line x="10" y="0"/><line x="10" y="20"/><close/></path></background>)"
    R"(<foreground><fillstroke/><strokecolor color="#ff0000"/>)"
    R"(<path><move x="0" y="10"/><line x="10" y="10"/></path><stroke/></foreground></shape>)";

}  // namespace

TEST_CASE("stencil XML is read into drawing commands", "[importers][stencil]") {
    auto st = read_stencil_xml(box_and_line);
    REQUIRE(st);
    CHECK(st->name == "box");
    CHECK(st->width == 10);
    CHECK(st->height == 20);
    CHECK_FALSE(st->fixed_aspect);
    CHECK_FALSE(st->stroke_width);  // inherit
    REQUIRE(st->background.size() == 5);
    CHECK(st->background[0].kind == StencilOp::path);
    CHECK(st->background[2].kind == StencilOp::line);
    CHECK(st->background[2].v[0] == 10);
    CHECK(st->background[4].kind == StencilOp::close);
    REQUIRE(st->foreground.size() == 6);
    CHECK(st->foreground[0].kind == StencilOp::fillstroke);
    CHECK(st->foreground[1].kind == StencilOp::stroke_color);
    CHECK(st->foreground[1].str == "#ff0000");

    SECTION("defaults and the rarer elements") {
        auto s2 = read_stencil_xml(
            R"(<shape aspect="fixed" strokewidth="2"><foreground><save/><roundrect x="1" y="2" w="3" h="4" arcsize="20"/>)"
            R"(<fill/><restore/><path><move x="0" y="0"/><arc rx="5" ry="6" x-axis-rotation="30" large-arc-flag="1" )"
            R"(sweep-flag="0" x="7" y="8"/><quad x1="1" y1="2" x2="3" y2="4"/><curve x1="1" y1="2" x2="3" y2="4" )"
            R"(x3="5" y3="6"/></path><stroke/><dashpattern pattern="5 5"/><dashed dashed="1"/><alpha alpha="0.5"/>)"
            R"(<text str="Hi" x="10" y="20" align="center" valign="middle" vertical="1"/><image src="x.png"/>)"
            R"(<linejoin join="round"/></foreground></shape>)");
        REQUIRE(s2);
        CHECK(s2->width == 100);
        CHECK(s2->height == 100);
        CHECK(s2->fixed_aspect);
        CHECK(s2->stroke_width == 2.0);
        CHECK(s2->foreground[1].kind == StencilOp::roundrect);
        CHECK(s2->foreground[1].v == std::array<double, 7>{1, 2, 3, 4, 20, 0, 0});
        CHECK(s2->foreground[6].v == std::array<double, 7>{5, 6, 30, 1, 0, 7, 8});
        const auto& text = s2->foreground[13];
        CHECK(text.kind == StencilOp::text);
        CHECK(text.str == "Hi");
        CHECK(text.v == std::array<double, 7>{10, 20, 1, 0, 1, 1, 0});
        CHECK(s2->not_drawn == std::vector<std::string>{"image", "linejoin"});
    }
    SECTION("what is not a stencil is an error naming the element") {
        auto malformed = read_stencil_xml("<shape><foreground>");
        REQUIRE_FALSE(malformed);
        CHECK(malformed.error().code == ErrorCode::bad_xml);
        auto root = read_stencil_xml("<shapes/>");
        REQUIRE_FALSE(root);
        CHECK(root.error().message.find("<shapes>") != std::string::npos);
        auto unknown = read_stencil_xml("<shape><foreground><blob/></foreground></shape>");
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().message.find("<blob>") != std::string::npos);
        auto in_path = read_stencil_xml("<shape><foreground><path><rect/></path></foreground></shape>");
        REQUIRE_FALSE(in_path);
        CHECK(in_path.error().message.find("not a path element") != std::string::npos);
        auto number = read_stencil_xml(
            R"(<shape><foreground><path><move x="1e999" y="0"/></path></foreground></shape>)");
        REQUIRE_FALSE(number);
        CHECK(number.error().message.find("attribute x") != std::string::npos);
        CHECK_FALSE(read_stencil_xml(R"(<shape w="abc"/>)"));
        CHECK_FALSE(read_stencil_xml(R"(<shape strokewidth="thick"/>)"));
        CHECK_FALSE(read_stencil_xml(""));
    }
}

TEST_CASE("render_page draws a hand-made inline stencil", "[importers][stencil][render]") {
    const auto doc = document_with(
        {"shape=stencil(" + encode(box_and_line) + ");fillColor=#00ff00;strokeColor=#0000ff;strokeWidth=2;"});
    const auto scene = render::render_page(doc.pages[0]);
    CHECK(scene.warnings.empty());
    REQUIRE(scene.shapes.size() == 1);
    CHECK(scene.shapes[0].shape == "stencil");
    CHECK(scene.shapes[0].known);
    const auto ps = paths(scene);
    REQUIRE(ps.size() == 2);
    const render::Path& box = *ps[0];
    REQUIRE(box.ops.size() == 4);
    CHECK(box.ops[0].kind == PathOp::move);
    CHECK(box.ops[0].p[0] == render::Point{100, 200});
    CHECK(box.ops[1].p[0] == render::Point{150, 200});
    CHECK(box.ops[2].p[0] == render::Point{150, 240});
    CHECK(box.ops[3].kind == PathOp::close);
    CHECK(box.fill == render::Color{0, 255, 0});
    CHECK(box.stroke == render::Color{0, 0, 255});
    CHECK(box.stroke_width == 2);
    const render::Path& line = *ps[1];
    REQUIRE(line.ops.size() == 2);
    CHECK(line.ops[0].p[0] == render::Point{100, 220});
    CHECK(line.ops[1].p[0] == render::Point{150, 220});
    CHECK(line.stroke == render::Color{255, 0, 0});
    CHECK_FALSE(line.fill);
    CHECK(scene.shapes[0].outline.size() == 2);  // what PPTX draws as its free-form

    SECTION("the cell's dash pattern is in stroke widths") {
        const auto dashed = render::render_page(document_with({"shape=stencil(" + encode(box_and_line) +
                                                               ");dashed=1;dashPattern=2 4;strokeWidth=2;"})
                                                    .pages[0]);
        const auto dp = paths(dashed);
        REQUIRE(dp.size() == 2);
        CHECK(dp[1]->dash == std::vector<double>{4, 8});
    }
    SECTION("rotation turns the drawing about the cell's centre; lineShape fills with the line colour") {
        const auto turned = render::render_page(
            document_with({"shape=stencil(" + encode(box_and_line) + ");rotation=90;lineShape=1;"}).pages[0]);
        const auto tp = paths(turned);
        REQUIRE(tp.size() == 2);
        CHECK(tp[0]->fill == render::Color{0, 0, 0});  // strokeColor's default
        CHECK(tp[1]->ops[0].p[0].x == Approx(125));    // the middle line now runs top to bottom
        CHECK(tp[1]->ops[0].p[0].y == Approx(195));
        CHECK(tp[1]->ops[1].p[0].y == Approx(245));
    }
}

TEST_CASE("a stencil of size -Infinity, as draw.io writes for empty ones, draws nothing",
          "[importers][stencil]") {
    // examples__aws-internet-of-things.drawio in the corpus holds four of these.
    const std::string empty = R"(<shape w="-Infinity" h="-Infinity" aspect="variable" strokewidth="inherit">)"
                              R"(<foreground><strokecolor color="#ffffff"/><path><close/></path><stroke/>)"
                              R"(</foreground></shape>)";
    auto st = read_stencil_xml(empty);
    REQUIRE(st);
    CHECK(std::isinf(st->width));
    const auto scene =
        render::render_page(document_with({"html=1;shape=stencil(" + encode(empty) + ");"}).pages[0]);
    CHECK(scene.warnings.empty());
    REQUIRE(scene.shapes.size() == 1);
    CHECK(scene.shapes[0].known);
    CHECK(scene.shapes[0].outline.empty());
    CHECK(paths(scene).empty());
}

TEST_CASE("bad inline stencils fall back to the box with a warning naming the cell",
          "[importers][stencil][render]") {
    const auto doc = document_with({
        "shape=stencil(@@not base64@@);",
        "shape=stencil(" + codec::base64_encode("plain bytes, not deflate") + ");",
        "shape=stencil(" + encode("<shape><foreground>") + ");",
        "shape=stencil(" + encode("<shape><foreground><blob/></foreground></shape>") + ");",
        "shape=stencil();",
    });
    const auto scene = render::render_page(doc.pages[0]);
    REQUIRE(scene.shapes.size() == 5);
    CHECK(warned(scene, "stencil base64", "s1"));
    CHECK(warned(scene, "stencil deflate", "s2"));
    CHECK(warned(scene, "stencil XML", "s3"));
    CHECK(warned(scene, "unknown stencil element", "s4"));
    CHECK(warned(scene, "inline stencil not drawn", "s5"));
    for (const auto& shape : scene.shapes) {
        CHECK(shape.shape == "stencil");
        CHECK_FALSE(shape.known);
        CHECK(shape.outline.empty());
    }
    const auto ps = paths(scene);
    REQUIRE(ps.size() == 5);  // one box each
    CHECK(ps[0]->bounds().x == 100);
    CHECK(ps[0]->bounds().width == 50);
}

TEST_CASE("garbage stencils never crash the reader or the renderer", "[importers][stencil][fuzz]") {
    std::mt19937 rng(20261123);
    auto random_bytes = [&](std::size_t n) {
        std::string s(n, '\0');
        for (char& c : s) c = static_cast<char>(rng() & 0xFF);
        return s;
    };
    static const char* const tokens[] = {
        "<shape",
        "<shape w=\"0\" h=\"-5\">",
        "<background>",
        "</background>",
        "<foreground>",
        "</foreground>",
        "<path>",
        "</path>",
        "<move x=\"1e308\" y=\"-1e308\"/>",
        "<line x=\"5\" y=\"NaN\"/>",
        "<close/>",
        "<arc rx=\"0\" ry=\"1e300\" x-axis-rotation=\"1e9\" large-arc-flag=\"1\" sweep-flag=\"1\" x=\"3\" "
        "y=\"4\"/>",
        "<quad x1=\"1\"/>",
        "<curve/>",
        "<rect w=\"1e308\" h=\"1e308\"/>",
        "<roundrect arcsize=\"-1\"/>",
        "<ellipse w=\"-3\" h=\"2\"/>",
        "<fillstroke/>",
        "<fill/>",
        "<stroke/>",
        "<save/>",
        "<restore/>",
        "<restore/>",
        "<strokewidth width=\"1e308\"/>",
        "<dashpattern pattern=\"0 0 -1 x\"/>",
        "<dashed dashed=\"1\"/>",
        "<text str=\"x\" x=\"1e308\"/>",
        "<fontsize size=\"1e308\"/>",
        "<fillcolor color=\"#zz\"/>",
        "<alpha alpha=\"-4\"/>",
        "</shape>",
        "&amp;",
        "<!DOCTYPE x>",
        "\xff",
    };
    const std::string valid = codec::deflate_raw(codec::percent_encode(box_and_line));
    std::vector<std::string> styles;
    for (int i = 0; i < 600; ++i) {
        std::string payload;
        switch (i % 4) {
            case 0:  // random bytes as base64
                payload = codec::base64_encode(random_bytes(rng() % 200));
                break;
            case 1: {  // a valid deflate stream with bytes flipped
                std::string d = valid;
                for (int k = 0; k < 3; ++k) d[rng() % d.size()] ^= static_cast<char>(1 + rng() % 255);
                payload = codec::base64_encode(d);
                break;
            }
            default: {  // token soup, well-formed or not, correctly encoded
                std::string xml = "<shape strokewidth=\"inherit\"><foreground><path><move x=\"0\" y=\"0\"/>";
                const std::size_t n = rng() % 30;
                for (std::size_t k = 0; k < n; ++k) xml += tokens[rng() % std::size(tokens)];
                if (i % 8 == 2) xml += "</path><fillstroke/></foreground></shape>";
                payload = encode(xml);
                break;
            }
        }
        // Every stencil reading is also checked directly.
        if (auto xml = render::inline_stencil_xml(payload)) (void)read_stencil_xml(xml.value());
        styles.push_back("shape=stencil(" + payload + ");rotation=" + std::to_string(rng() % 360) + ";");
    }
    const auto doc = document_with(styles);
    const auto scene = render::render_page(doc.pages[0]);
    REQUIRE(scene.shapes.size() == styles.size());
    std::size_t drawn = 0;
    for (const auto& shape : scene.shapes) {
        if (shape.known) {
            ++drawn;
        } else {
            CHECK(warned(scene, "inline stencil not drawn", shape.cell_id));
        }
        for (const auto& p : shape.outline)
            for (const auto& op : p.ops)
                for (const auto& pt : op.p) CHECK((std::isfinite(pt.x) && std::isfinite(pt.y)));
    }
    CHECK(drawn > 0);                    // some soups are well-formed stencils
    CHECK(drawn < scene.shapes.size());  // and most garbage is not
    CHECK(std::isfinite(scene.drawing.bounds.width));
}

TEST_CASE("the corpus's freehand infographic draws its stencils", "[importers][stencil][corpus]") {
    const auto dir = test::corpus_dir("drawio");
    if (!dir) return test::corpus_missing("drawio");
    auto read = importers::read_drawio_file(
        (*dir / "jgraph__drawio-diagrams/blog__infographic-rockpool.drawio").string());
    REQUIRE(read);
    for (const auto& page : read.value().document.pages) {
        std::size_t stencil_cells = 0;
        for (const auto& cell : page.cells)
            if (cell.style_or_empty().get_or("shape", "").rfind("stencil(", 0) == 0) ++stencil_cells;
        const auto scene = render::render_page(page);
        std::size_t drawn = 0, paths_drawn = 0;
        for (const auto& shape : scene.shapes)
            if (shape.shape == "stencil") {
                CHECK(shape.known);
                CHECK_FALSE(shape.outline.empty());
                drawn += shape.known ? 1 : 0;
                paths_drawn += shape.outline.size();
            }
        CHECK(stencil_cells > 100);
        CHECK(drawn == stencil_cells);
        CHECK(paths_drawn >= drawn);
        for (const auto& w : scene.warnings) CHECK(w.message.find("stencil") == std::string::npos);
    }
}
