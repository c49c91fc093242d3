#include "tests/support/corpus.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace jstudio::test {

namespace fs = std::filesystem;

static fs::path source_dir() {
    if (const char* env = std::getenv("JSTUDIO_SOURCE_DIR")) return env;
    return JSTUDIO_SOURCE_DIR;
}

std::optional<fs::path> corpus_dir(std::string_view sub) {
    fs::path base;
    if (const char* env = std::getenv("JSTUDIO_CORPUS"))
        base = env;
    else
        base = source_dir() / ".." / "shared" / "corpus";
    fs::path dir = base / sub;
    if (fs::is_directory(dir)) return fs::weakly_canonical(dir);
    return std::nullopt;
}

void corpus_missing(std::string_view sub) {
    std::string msg = "shared corpus '" + std::string(sub) + "' not found (set JSTUDIO_CORPUS); test skipped";
    const char* require = std::getenv("JSTUDIO_REQUIRE_CORPUS");
    if (require && std::string(require) == "1") FAIL(msg);
    WARN(msg);
}

fs::path data_path(std::string_view name) {
    return source_dir() / "tests" / "data" / name;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::vector<std::pair<std::string, std::string>>> read_tsv(const fs::path& path) {
    std::vector<std::vector<std::pair<std::string, std::string>>> rows;
    std::ifstream in(path);
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (true) {
            std::size_t tab = s.find('\t', start);
            out.push_back(s.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        return out;
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (header.empty()) {
            header = split(line);
            continue;
        }
        if (line.empty()) continue;
        auto cols = split(line);
        std::vector<std::pair<std::string, std::string>> row;
        for (std::size_t i = 0; i < header.size(); ++i)
            row.emplace_back(header[i], i < cols.size() ? cols[i] : "");
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string field(const std::vector<std::pair<std::string, std::string>>& row, std::string_view name) {
    for (const auto& [k, v] : row)
        if (k == name) return v;
    return {};
}

fs::path temp_dir(std::string_view tag) {
    static std::atomic<int> counter{0};
    fs::path dir = fs::temp_directory_path() / ("jstudio-" + std::string(tag) + "-" +
                                                std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace jstudio::test
