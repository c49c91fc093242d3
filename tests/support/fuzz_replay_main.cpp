// The main of a fuzz target outside a libFuzzer build: runs every file named (or in each directory named, one
// level) through LLVMFuzzerTestOneInput, so a ctest replays the seeds and past findings with the target's own
// checks. A missing path is skipped (a target may have no findings yet); no file at all is a failure.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cerr << "replay " << file.string() << " (" << bytes.size() << " bytes)\n";
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t files = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) {
            run(path);
            ++files;
        } else if (std::filesystem::is_directory(path, ec)) {
            std::vector<std::filesystem::path> entries;
            for (const auto& entry : std::filesystem::directory_iterator(path))
                if (entry.is_regular_file()) entries.push_back(entry.path());
            std::sort(entries.begin(), entries.end());
            for (const auto& file : entries) run(file);
            files += entries.size();
        }
    }
    std::cerr << files << " input(s) replayed\n";
    return files > 0 ? 0 : 1;
}
