// Hand-made bad inputs: each gets a clear error naming the place, or a documented repair with a warning.
#include <catch2/catch.hpp>

#include <string>

#include "core/codec/codec.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

using namespace jstudio;
using importers::read_drawio;

namespace {

std::string model(const std::string& cells, const std::string& attrs = R"( grid="1")") {
    return "<mxGraphModel" + attrs + "><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>" + cells +
           "</root></mxGraphModel>";
}
std::string file(const std::string& pages) {
    return "<mxfile host=\"test\">" + pages + "</mxfile>";
}
std::string page(const std::string& content, const std::string& id = "p1") {
    return "<diagram id=\"" + id + "\" name=\"Flow\">" + content + "</diagram>";
}
std::string compress(const std::string& xml) {
    return codec::base64_encode(codec::deflate_raw(codec::percent_encode(xml)));
}
bool warned(const importers::ReadResult& r, const std::string& words, const std::string& cell = "") {
    for (const auto& d : r.diagnostics)
        if (d.message.find(words) != std::string::npos && (cell.empty() || d.where.cell_id == cell))
            return true;
    return false;
}
std::string png_chunk(const std::string& type, const std::string& data) {
    auto be32 = [](std::uint32_t v) {
        return std::string{char(v >> 24), char((v >> 16) & 255), char((v >> 8) & 255), char(v & 255)};
    };
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(codec::crc32(type + data));
}
std::string png_with(const std::string& chunk) {
    std::string ihdr("\0\0\0\1\0\0\0\1\x08\x02\0\0\0", 13);
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + chunk + png_chunk("IDAT", "x") +
           png_chunk("IEND", "");
}

}  // namespace

TEST_CASE("malformed XML names line and column", "[importers][drawio][bad]") {
    auto r = read_drawio("<mxfile>\n  <diagram id=\"a\">\n    <mxGraphModel><root>\n</mxfile>", "bad.drawio");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::bad_xml);
    CHECK(r.error().where.file == "bad.drawio");
    CHECK(r.error().where.line == 4);
    CHECK(r.error().to_string().rfind("bad.drawio:4:", 0) == 0);
}

TEST_CASE("empty files, no pages, wrong documents", "[importers][drawio][bad]") {
    SECTION("empty") {
        auto r = read_drawio("", "e.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().message == "file is empty");
    }
    SECTION("whitespace only") {
        CHECK_FALSE(read_drawio("  \n ", "w.drawio"));
    }
    SECTION("no pages") {
        auto r = read_drawio("<mxfile pages=\"0\"></mxfile>", "n.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("no pages") != std::string::npos);
    }
    SECTION("another XML vocabulary") {
        auto r = read_drawio("<html><body/></html>", "h.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("<html>") != std::string::npos);
    }
    SECTION("SVG without a diagram") {
        auto r = read_drawio("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "plain.svg");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::unsupported);
    }
}

TEST_CASE("duplicate ids are refused as draw.io refuses them", "[importers][drawio][bad]") {
    SECTION("cell ids") {
        auto r = read_drawio(file(page(model("<mxCell id=\"a\" vertex=\"1\" parent=\"1\"/>\n<mxCell id=\"a\" "
                                             "vertex=\"1\" parent=\"1\"/>"))),
                             "dup.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_reference);
        CHECK(r.error().where.cell_id == "a");
        CHECK(r.error().where.page == "Flow");
        CHECK(r.error().where.line == 2);
    }
    SECTION("the same id on two pages is fine") {
        auto cell = model("<mxCell id=\"a\" vertex=\"1\" parent=\"1\"/>");
        CHECK(read_drawio(file(page(cell, "p1") + page(cell, "p2")), "ok.drawio"));
    }
    SECTION("page ids") {
        auto r = read_drawio(file(page(model(""), "x") + page(model(""), "x")), "dup.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("duplicate page id 'x'") != std::string::npos);
    }
}

TEST_CASE("dangling references are kept with a warning; cycles are refused", "[importers][drawio][bad]") {
    SECTION("source, target, parent") {
        auto r =
            read_drawio(file(page(model(R"(<mxCell id="e" edge="1" parent="1" source="nope" target="gone"/>)"
                                        R"(<mxCell id="v" vertex="1" parent="lost"/>)"))),
                        "d.drawio");
        REQUIRE(r);
        CHECK(warned(*r, "source 'nope' does not exist", "e"));
        CHECK(warned(*r, "target 'gone' does not exist", "e"));
        CHECK(warned(*r, "parent 'lost' does not exist", "v"));
        CHECK(r->document.pages[0].cells[2].source == "nope");  // kept: the file is written back as it was
    }
    SECTION("parent cycle") {
        auto r = read_drawio(
            file(page(
                model(R"(<mxCell id="a" vertex="1" parent="b"/><mxCell id="b" vertex="1" parent="a"/>)"))),
            "c.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_reference);
        CHECK(r.error().message.find("'a'") != std::string::npos);
        CHECK(r.error().message.find("'b'") != std::string::npos);
    }
    SECTION("a cell that is its own parent") {
        auto r = read_drawio(file(page(model(R"(<mxCell id="a" vertex="1" parent="a"/>)"))), "c.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().where.cell_id == "a");
    }
}

TEST_CASE("non-finite and huge geometry is repaired with a warning", "[importers][drawio][bad]") {
    auto r = read_drawio(
        file(page(model(
            R"(<mxCell id="v" vertex="1" parent="1"><mxGeometry x="NaN" y="1e300" width="Infinity" height="40" as="geometry"/></mxCell>)"))),
        "g.drawio");
    REQUIRE(r);
    const auto& g = *r->document.pages[0].cells[2].geometry;
    CHECK(g.bounds.x == 0);
    CHECK(g.bounds.y == 1e7);
    CHECK(g.bounds.width == 0);
    CHECK(g.bounds.height == 40);
    CHECK(warned(*r, "not a finite number", "v"));
    CHECK(warned(*r, "too large", "v"));
}

TEST_CASE("compressed pages: line breaks, junk, truncation, bombs", "[importers][drawio][bad]") {
    const std::string m = model(R"(<mxCell id="v" value="Start" vertex="1" parent="1"/>)");
    SECTION("base64 with line breaks is read as browsers read it") {
        std::string text = compress(m);
        for (std::size_t i = 20; i < text.size(); i += 21) text.insert(i, "\n");
        auto r = read_drawio(file(page(text)), "wrapped.drawio");
        REQUIRE(r);
        CHECK(r->document.pages[0].cells[2].label() == "Start");
        CHECK(r->document.pages[0].compressed);
    }
    SECTION("junk in base64") {
        auto r = read_drawio(file(page("AAAA$$$$")), "junk.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_encoding);
        CHECK(r.error().where.page == "Flow");
        CHECK(r.error().message.find("offset 4") != std::string::npos);
    }
    SECTION("truncated deflate") {
        std::string raw = codec::deflate_raw(codec::percent_encode(m));
        auto r = read_drawio(file(page(codec::base64_encode(raw.substr(0, raw.size() / 2)))), "t.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_encoding);
        CHECK(r.error().message.find("truncated") != std::string::npos);
    }
    SECTION("a deflate bomb stops at the limit") {
        std::string zeros(8 << 20, 'A');
        importers::ReadOptions options;
        options.max_inflated_bytes = 1 << 20;
        auto r = read_drawio(file(page(codec::base64_encode(codec::deflate_raw(zeros, 9)))), "bomb.drawio",
                             options);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::too_large);
    }
    SECTION("many pages each under the page limit stop at the file's limit (--max-memory)") {
        // Each page inflates to about 600 KB: under the 1 MiB page bound, past the 1 MiB file bound by two.
        std::string padded = model("") + "<!--" + std::string(600000, 'A') + "-->";
        std::string pages;
        for (int i = 0; i < 5; ++i) pages += page(compress(padded), "p" + std::to_string(i));
        importers::ReadOptions options;
        options.max_inflated_bytes = 1 << 20;
        options.max_total_inflated_bytes = 1 << 20;
        auto r = read_drawio(file(pages), "pages.drawio", options);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::too_large);
        CHECK(r.error().message.find("together") != std::string::npos);
        CHECK(r.error().where.file == "pages.drawio");
        options.max_total_inflated_bytes = 8 << 20;
        CHECK(read_drawio(file(pages), "pages.drawio", options));
    }
    SECTION("bad percent-encoding inside") {
        auto r = read_drawio(file(page(codec::base64_encode(codec::deflate_raw("%3CmxGraphModel%ZZ")))),
                             "p.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("percent") != std::string::npos);
    }
    SECTION("errors inside a decoded page say so") {
        auto r = read_drawio(file(page(compress("<mxGraphModel>\n<root>\n<mxCell id=\"0\">\n</root>"))),
                             "x.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().where.in_decoded_page);
        CHECK(r.error().where.line == 4);
        CHECK(r.error().to_string().find("(compressed)") != std::string::npos);
    }
    SECTION("mixed compressed and plain pages in one file") {
        auto r = read_drawio(file(page(compress(m), "a") + page(m, "b")), "mixed.drawio");
        REQUIRE(r);
        CHECK(r->document.pages[0].compressed);
        CHECK_FALSE(r->document.pages[1].compressed);
        CHECK(r->document.pages[0].cells == r->document.pages[1].cells);
    }
}

TEST_CASE("encoding and safety", "[importers][drawio][bad]") {
    SECTION("DOCTYPE with entities is refused") {
        auto r = read_drawio(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE mxfile [\n<!ENTITY a \"aaaa\">\n]>\n<mxfile/>", "x.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::unsupported);
        CHECK(r.error().where.line == 3);
    }
    SECTION("a plain DOCTYPE (draw.io's SVG doctype) is fine") {
        CHECK(read_drawio("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n<svg content=\"" +
                              std::string("&lt;mxfile&gt;&lt;diagram id=&quot;a&quot;/&gt;&lt;/mxfile&gt;") +
                              "\"/>",
                          "d.svg"));
    }
    SECTION("invalid UTF-8 names line and column") {
        auto r = read_drawio("<mxfile>\n<diagram name=\"caf\xC3\x28\"/></mxfile>", "u.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_encoding);
        CHECK(r.error().where.line == 2);
        CHECK(r.error().where.column == 19);
    }
}

TEST_CASE("embedded diagrams in PNG and SVG", "[importers][drawio]") {
    const std::string doc = file(page(model(R"(<mxCell id="v" value="Hi" vertex="1" parent="1"/>)")));
    SECTION("tEXt mxfile, percent-encoded") {
        auto r = read_drawio(
            png_with(png_chunk("tEXt", std::string("mxfile\0", 7) + codec::percent_encode(doc))), "a.png");
        REQUIRE(r);
        CHECK(r->document.container == diagram::Container::png);
        CHECK(r->document.pages[0].cells[2].label() == "Hi");
    }
    SECTION("legacy zTXt mxGraphModel holding raw deflate") {
        std::string value =
            codec::percent_encode(model(R"(<mxCell id="v" value="Hi there" vertex="1" parent="1"/>)"));
        auto r = read_drawio(
            png_with(png_chunk("zTXt", std::string("mxGraphModel\0\0", 14) + codec::deflate_raw(value))),
            "legacy.png");
        REQUIRE(r);
        CHECK(r->document.form == diagram::DocumentForm::bare_model);
        CHECK(r->document.pages[0].cells[2].label() == "Hi there");
    }
    SECTION("bad CRC") {
        std::string png =
            png_with(png_chunk("tEXt", std::string("mxfile\0", 7) + codec::percent_encode(doc)));
        png[40] ^= 0x55;
        auto r = read_drawio(png, "crc.png");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("bad CRC") != std::string::npos);
        CHECK(r.error().where.file == "crc.png");
    }
    SECTION("PNG without a diagram") {
        auto r = read_drawio(png_with(""), "photo.png");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::unsupported);
    }
    SECTION("SVG content: raw XML, percent-encoded and legacy base64") {
        auto escaped = [](const std::string& s) {
            std::string out;
            for (char c : s)
                out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : std::string(1, c);
            return out;
        };
        for (const std::string& content :
             {escaped(doc), codec::percent_encode(doc), codec::base64_encode(doc)}) {
            auto r = read_drawio(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" content=\"" + content + "\"><g/></svg>", "s.svg");
            REQUIRE(r);
            CHECK(r->document.container == diagram::Container::svg);
            CHECK(r->document.pages[0].cells[2].label() == "Hi");
        }
    }
}

TEST_CASE("odd but valid forms", "[importers][drawio]") {
    SECTION("bare mxGraphModel without attributes is wrapped in an mxfile on save") {
        auto r = read_drawio(model(R"(<mxCell id="v" value="A" vertex="1" parent="1"/>)", ""), "bare.xml");
        REQUIRE(r);
        CHECK(r->document.form == diagram::DocumentForm::bare_model);
        CHECK(r->document.pages[0].model.empty());
        auto xml = exporters::write_drawio(r->document);
        REQUIRE(xml);
        auto again = read_drawio(xml.value(), "again.drawio");
        REQUIRE(again);
        CHECK(again->document.form == diagram::DocumentForm::mxfile);
        CHECK(again->document.pages[0].id.has_value());
        CHECK(again->document.pages[0].cells == r->document.pages[0].cells);
    }
    SECTION("elements without 'as' are dropped with a warning, never written") {
        auto r = read_drawio(
            file(page(
                model(R"(<mxCell id="v" vertex="1" parent="1"><mxGeometry as="geometry"/><Foo/></mxCell>)"))),
            "as.drawio");
        REQUIRE(r);
        CHECK(warned(*r, "no 'as' attribute", "v"));
        auto xml = exporters::write_drawio(r->document);
        REQUIRE(xml);
        CHECK(xml.value().find("<Foo") == std::string::npos);
    }
    SECTION("unknown attributes and children with 'as' survive") {
        auto r = read_drawio(
            file(page(model(
                R"(<mxCell id="v" vertex="1" parent="1" myKey="7"><mxGeometry x="5" foo="bar" as="geometry"><Thing as="stuff" k="v"/></mxGeometry></mxCell>)"))),
            "u.drawio");
        REQUIRE(r);
        auto xml = exporters::write_drawio(r->document);
        REQUIRE(xml);
        CHECK(xml.value().find("myKey=\"7\"") != std::string::npos);
        CHECK(xml.value().find("foo=\"bar\"") != std::string::npos);
        CHECK(xml.value().find("<Thing as=\"stuff\" k=\"v\"") != std::string::npos);
    }
    SECTION("a page without id keeps having none; draw.io numbers it") {
        auto r = read_drawio(file("<diagram name=\"A\">" + model("") + "</diagram>"), "noid.drawio");
        REQUIRE(r);
        CHECK_FALSE(r->document.pages[0].id.has_value());
    }
}

TEST_CASE("control characters XML forbids are refused with their place, written out or as references",
          "[importers][drawio]") {
    for (const std::string& bad : {std::string("A\x01B"), std::string("A&#1;B"), std::string("A&#x1b;B")}) {
        const auto text = model("\n<mxCell id=\"2\" value=\"" + bad + "\" vertex=\"1\" parent=\"1\"/>");
        const auto r = read_drawio(text, "ctl.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("control character U+00") != std::string::npos);
        CHECK(r.error().where.line == 2);
    }
    // Tabs, line breaks and other references stay readable.
    CHECK(
        read_drawio(model("<mxCell id=\"2\" value=\"A&#9;B&#xa;C&#38;&#x2713;\" vertex=\"1\" parent=\"1\"/>"),
                    "ok.drawio"));
}
