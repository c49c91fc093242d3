// Every file of the shared draw.io corpus: read, write, read again; equal models, and the written XML equals
// the source once both are decompressed and canonicalised.
#include <catch2/catch.hpp>

#include <iostream>

#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/xml_canon.hpp"

using namespace jstudio;

TEST_CASE("corpus files survive read, write and read again", "[importers][drawio][corpus]") {
    const auto dir = test::corpus_dir("drawio");
    if (!dir) return test::corpus_missing("drawio");
    const auto rows = test::read_tsv(*dir / "MANIFEST.tsv");
    REQUIRE(rows.size() >= 240);

    int passed = 0, refused_as_expected = 0, total = 0;
    for (const auto& row : rows) {
        const std::string name = test::field(row, "local_file");
        const std::string problems = test::field(row, "problems");
        const std::string kind = test::field(row, "kind");
        const auto path = *dir / name;
        ++total;
        INFO(name);
        auto read = importers::read_drawio_file(path.string());
        const bool must_fail = kind == "not-xml" || problems.find("without <diagram>") != std::string::npos;
        if (must_fail) {
            REQUIRE_FALSE(read);
            // The message names the file and says what is wrong, with a line number.
            CHECK(read.error().where.file == path.string());
            CHECK(read.error().where.line > 0);
            CHECK_FALSE(read.error().message.empty());
            ++refused_as_expected;
            continue;
        }
        REQUIRE(read);
        if (problems.find("not found") != std::string::npos) {
            bool warned = false;
            for (const auto& d : read->diagnostics)
                warned = warned ||
                         (d.message.find("does not exist") != std::string::npos && !d.where.cell_id.empty());
            CHECK(warned);
        }
        const auto& doc = read->document;
        if (!test::field(row, "pages").empty())
            CHECK(doc.pages.size() == std::stoul(test::field(row, "pages")));
        if (!test::field(row, "cells").empty() && doc.form != diagram::DocumentForm::library) {
            std::size_t cells = 0;
            for (const auto& p : doc.pages) cells += p.cells.size();
            CHECK(cells == std::stoul(test::field(row, "cells")));
        }

        auto written = exporters::write_drawio(doc);
        REQUIRE(written);
        auto again = importers::read_drawio(written.value(), name + " (written)");
        REQUIRE(again);
        CHECK(again->diagnostics.size() == read->diagnostics.size());  // nothing new to repair
        const bool same_model = again->document == doc;
        CHECK(same_model);
        const std::string source_xml = test::drawio_payload(test::read_text(path));
        const std::string a = test::canonical_drawio_xml(source_xml),
                          b = test::canonical_drawio_xml(written.value());
        const bool same_xml = a == b;
        if (!same_xml) {
            // Show the first line that differs rather than two whole files.
            std::size_t i = 0;
            while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
            auto line_at = [](const std::string& s, std::size_t at) {
                std::size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
                start = start == std::string::npos ? 0 : start + 1;
                return s.substr(start, s.find('\n', at) - start);
            };
            FAIL_CHECK("first difference:\n  source:  " << line_at(a, i) << "\n  written: " << line_at(b, i));
        }
        if (same_model && same_xml) ++passed;
    }
    std::cout << "draw.io corpus: " << passed << " of " << (total - refused_as_expected)
              << " readable files round-trip exactly; " << refused_as_expected
              << " malformed files refused with a "
              << "clear error\n";
    CHECK(passed == total - refused_as_expected);
}

TEST_CASE("compressed pages stay compressed and can be switched", "[importers][drawio][corpus]") {
    const auto dir = test::corpus_dir("drawio");
    if (!dir) return test::corpus_missing("drawio");
    auto read =
        importers::read_drawio_file((*dir / "jgraph__drawio-diagrams" / "diagrams__link.xml").string());
    REQUIRE(read);
    REQUIRE(read->document.pages.front().compressed);
    SECTION("keep") {
        auto xml = exporters::write_drawio(read->document);
        REQUIRE(xml);
        CHECK(xml.value().find("<mxGraphModel") == std::string::npos);
    }
    SECTION("uncompressed on request, same model") {
        auto xml = exporters::write_drawio(read->document, {exporters::Compression::uncompressed});
        REQUIRE(xml);
        CHECK(xml.value().find("<mxGraphModel") != std::string::npos);
        auto again = importers::read_drawio(xml.value(), "x");
        REQUIRE(again);
        CHECK_FALSE(again->document.pages.front().compressed);
        CHECK(again->document.pages.front().cells == read->document.pages.front().cells);
    }
}
