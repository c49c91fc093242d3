// Big pages are parsed a slice of cells at a time (ReadOptions::slice_cells_above): the model, the lines in
// messages and the errors must be exactly those of reading the page whole.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

namespace {

importers::ReadOptions whole() {
    importers::ReadOptions o;
    o.slice_cells_above = static_cast<std::size_t>(-1);
    return o;
}
importers::ReadOptions sliced() {
    importers::ReadOptions o;
    o.slice_cells_above = 0;
    return o;
}

std::string messages(const importers::ReadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

void same_reading(const std::string& text, const std::string& name) {
    INFO(name);
    auto a = importers::read_drawio(text, name, whole());
    auto b = importers::read_drawio(text, name, sliced());
    REQUIRE(bool(a) == bool(b));
    if (!a) {
        CHECK(a.error().to_string() == b.error().to_string());
        return;
    }
    CHECK(a->document == b->document);
    CHECK(messages(*a) == messages(*b));
    for (std::size_t p = 0; p < a->document.pages.size(); ++p)
        for (std::size_t c = 0; c < a->document.pages[p].cells.size(); ++c)
            CHECK(a->document.pages[p].cells[c].source_line == b->document.pages[p].cells[c].source_line);
}

// A page of n cells, one per line, with comments, CDATA, a '>' in a value and wrapped cells among them.
std::string big_page(std::size_t n, const std::string& broken_cell = "") {
    std::string cells;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string id = "c" + std::to_string(i);
        if (i == n / 2 && !broken_cell.empty()) cells += broken_cell + "\n";
        if (i % 97 == 0)
            cells += "<!-- a <comment> -->\n<UserObject label=\"a &gt; b\" id=\"" + id +
                     "\"><mxCell vertex=\"1\" parent=\"1\"><mxGeometry x=\"1\" width=\"2\" height=\"3\" "
                     "as=\"geometry\"/></mxCell></UserObject>\n";
        else if (i % 31 == 0)
            cells += "<mxCell id=\"" + id + "\" value=\"x > y\" edge=\"1\" parent=\"1\" source=\"zz\"/>\n";
        else
            cells += "<mxCell id=\"" + id + "\" value=\"" + id + "\" style=\"rounded=1;\" vertex=\"1\" " +
                     "parent=\"1\"><mxGeometry x=\"" + std::to_string(i) +
                     "\" y=\"2\" width=\"3\" height=\"4\" " + "as=\"geometry\"/></mxCell>\n";
    }
    return "<?xml version=\"1.0\"?>\n<mxfile host=\"test\">\n<diagram id=\"a\" name=\"A\">\n<mxGraphModel "
           "grid=\"1\">\n<root>\n<mxCell id=\"0\"/>\n<mxCell id=\"1\" parent=\"0\"/>\n" +
           cells +
           "</root>\n</mxGraphModel>\n</diagram>\n<diagram id=\"b\" name=\"B\"><mxGraphModel><root><mxCell "
           "id=\"0\"/><mxCell id=\"1\" parent=\"0\"/><![CDATA[ <not a tag> ]]></root></mxGraphModel>"
           "</diagram>\n</mxfile>\n";
}

}  // namespace

TEST_CASE("a page read in slices is the page read whole", "[importers][drawio]") {
    same_reading(big_page(10000), "big.drawio");
    same_reading(big_page(3), "small.drawio");
    // A bare model, and a page whose root is empty or self-closed.
    same_reading(
        "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/></root></mxGraphModel>",
        "bare.xml");
    same_reading("<mxfile><diagram id=\"a\"><mxGraphModel><root/></mxGraphModel></diagram></mxfile>",
                 "e.drawio");
}

TEST_CASE("a malformed cell in a slice gets the message of the whole reading", "[importers][drawio]") {
    for (const std::string broken :
         {"<mxCell id=\"x\" value=\"a\" vertex=\"1\" parent=\"1\">", "<mxCell id=x/>",
          "<mxCell id=\"x\"></mxCel>", "</mxCell>", "<mxCell id=\"c5\" parent=\"1\"/>",
          "<mxCell id=\"y\" value=\"<\"/>", "<!-- unclosed", "<!DOCTYPE x>"}) {
        same_reading(big_page(9000, broken), "broken.drawio");
    }
}

TEST_CASE("every corpus file reads the same in slices", "[importers][drawio][corpus]") {
    const auto dir = test::corpus_dir("drawio");
    if (!dir) return test::corpus_missing("drawio");
    for (const auto& row : test::read_tsv(*dir / "MANIFEST.tsv")) {
        const auto path = *dir / test::field(row, "local_file");
        auto bytes = test::read_text(path);
        same_reading(bytes, path.string());
    }
}

// Issue 19 (memory of the reader): a big file is read into pages of its own that are handed back slice by
// slice, so its text and its model are never both held whole. The reading must stay the whole reading, and a
// malformed slice after others were handed back must still give the whole reading's message.
TEST_CASE("a big file read from disk, its text handed back slice by slice, is the file read whole",
          "[importers][drawio][hostile]") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("jstudio-sliced-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto check = [&](const std::string& text, const std::string& file) {
        const std::string path = (dir / file).string();
        {
            std::ofstream out(path, std::ios::binary);
            out << text;
        }
        INFO(path);
        auto a = importers::read_drawio(text, path, whole());
        importers::ReadOptions o = sliced();
        o.slice_cells_above = 1024;  // past this many bytes the file takes the handed-back path
        auto b = importers::read_drawio_file(path, o);
        REQUIRE(bool(a) == bool(b));
        if (!a) {
            CHECK(a.error().to_string() == b.error().to_string());
            return;
        }
        CHECK(a->document == b->document);
        CHECK(messages(*a) == messages(*b));
    };
    check(big_page(20000), "big.drawio");
    check("\xEF\xBB\xBF" + big_page(5000), "bom.drawio");
    check(big_page(20000, "<mxCell id=\"x\"></mxCel>"), "broken-late.drawio");
    check(big_page(20000, "<mxCell id=\"c5\" parent=\"1\"/>"), "duplicate.drawio");
    std::filesystem::remove_all(dir);
}
