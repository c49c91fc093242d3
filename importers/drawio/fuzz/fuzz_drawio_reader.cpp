// libFuzzer target for the draw.io reader. Beyond "no crash": whatever the reader accepts must write back and
// read again to the same model, the round-trip promise the corpus test makes for real files.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jstudio;
    importers::ReadOptions options;
    options.max_inflated_bytes = 4 << 20;  // keep each run small; bombs must stop here
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto read = importers::read_drawio(bytes, "fuzz", options);
    if (!read) return 0;
    auto xml = exporters::write_drawio(read->document);
    if (!xml) return 0;  // documents the writer refuses are refused with a message, which is fine
    auto again = importers::read_drawio(xml.value(), "fuzz-written", options);
    if (!again) std::abort();  // we wrote something we cannot read
    // A bare mxGraphModel is written as an mxfile whose page gets the id and name draw.io gives it on save.
    auto pages = again->document.pages;
    if (read->document.form == diagram::DocumentForm::bare_model)
        for (std::size_t i = 0; i < pages.size() && i < read->document.pages.size(); ++i) {
            pages[i].id = read->document.pages[i].id;
            pages[i].name = read->document.pages[i].name;
        }
    if (!(pages == read->document.pages)) std::abort();
    return 0;
}
