// libFuzzer target for the two small files the front ends load: the activity -> step mapping (JSON or CSV)
// and the check config (JSON). The first byte chooses the reader, the rest is the file. Beyond "no crash": a
// refusal says why and names the file; a mapping that reads has no empty activity.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "importers/config/check_config_file.hpp"
#include "importers/config/mapping_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jstudio;
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] & 1) {
        auto settings = importers::parse_check_config(text, "fuzz-config.json");
        if (!settings && settings.error().message.empty()) std::abort();
    } else {
        auto rows = importers::parse_mapping(text, "fuzz-mapping");
        if (!rows && rows.error().message.empty()) std::abort();
    }
    return 0;
}
