#pragma once
// One way for every test to reach ../shared/corpus and the repository's own test data.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jstudio::test {

// $JSTUDIO_CORPUS/<sub>, else <source dir>/../shared/corpus/<sub>; nullopt if absent.
std::optional<std::filesystem::path> corpus_dir(std::string_view sub);
// Catch2 2.13 has no SKIP: this WARNs and the caller returns. With JSTUDIO_REQUIRE_CORPUS=1 (set in CI) it
// FAILs instead, so CI can never pass on a missing corpus.
void corpus_missing(std::string_view sub);
// <source dir>/tests/data/<name>
std::filesystem::path data_path(std::string_view name);
std::string read_text(const std::filesystem::path& path);
// The rows of a tab-separated manifest with a header line, as name → value maps.
std::vector<std::vector<std::pair<std::string, std::string>>> read_tsv(const std::filesystem::path& path);
std::string field(const std::vector<std::pair<std::string, std::string>>& row, std::string_view name);
// A fresh empty folder under the system temp dir, unique per call.
std::filesystem::path temp_dir(std::string_view tag);

}  // namespace jstudio::test
