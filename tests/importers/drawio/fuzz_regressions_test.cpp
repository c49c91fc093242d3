// Inputs the fuzzer once broke: each must read (or be refused) and, if read, write back to the same model.
#include <catch2/catch.hpp>

#include <filesystem>

#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;

TEST_CASE("fuzzer findings stay fixed", "[importers][drawio][fuzz]") {
    const auto dir = test::data_path("fuzz-crashes");
    REQUIRE(std::filesystem::is_directory(dir));
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++files;
        DYNAMIC_SECTION(entry.path().filename().string()) {
            auto read = importers::read_drawio_file(entry.path().string());
            if (!read) continue;
            auto xml = exporters::write_drawio(read->document);
            if (!xml) continue;
            auto again = importers::read_drawio(xml.value(), "again");
            REQUIRE(again);
            CHECK(again->document.pages == read->document.pages);
        }
    }
    CHECK(files > 0);
}
