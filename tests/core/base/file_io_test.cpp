#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include "core/base/file_io.hpp"
#include "tests/support/corpus.hpp"

using namespace jstudio;
namespace fs = std::filesystem;

namespace {
int files_in(const fs::path& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST_CASE("saving is atomic", "[core][base][io]") {
    const fs::path dir = test::temp_dir("atomic");
    const fs::path target = dir / "map.drawio";
    { std::ofstream(target) << "previous content"; }

    SECTION("a successful write replaces the file and leaves no temporary behind") {
        REQUIRE(write_file_atomic(target.string(), "new content"));
        CHECK(test::read_text(target) == "new content");
        CHECK(files_in(dir) == 1);
    }
    SECTION("a write that fails half-way leaves the previous file untouched") {
        // RLIMIT_FSIZE makes write() fail with EFBIG after 1 KiB, even for root: a real mid-write failure.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 1024;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
        auto st = write_file_atomic(target.string(), std::string(64 * 1024, 'x'));
        setrlimit(RLIMIT_FSIZE, &old);
        REQUIRE_FALSE(st);
        CHECK(st.error().code == ErrorCode::io);
        CHECK(st.error().where.file == target.string());
        CHECK(test::read_text(target) == "previous content");
        CHECK(files_in(dir) == 1);
    }
    SECTION("a target that cannot be replaced is reported, and nothing is left behind") {
        fs::create_directories(dir / "sub.drawio" / "inner");
        auto st = write_file_atomic((dir / "sub.drawio").string(), "x");
        REQUIRE_FALSE(st);
        CHECK(fs::is_directory(dir / "sub.drawio" / "inner"));
        CHECK(files_in(dir) == 2);
    }
    SECTION("a folder that does not exist") {
        auto st = write_file_atomic((dir / "missing" / "x.drawio").string(), "x");
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find("temporary") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("reading files", "[core][base][io]") {
    SECTION("missing file names the path") {
        auto r = read_file("/nonexistent/x.drawio");
        REQUIRE_FALSE(r);
        CHECK(r.error().to_string().rfind("/nonexistent/x.drawio: cannot open", 0) == 0);
    }
    SECTION("size limit") {
        const fs::path dir = test::temp_dir("read");
        std::ofstream(dir / "big") << std::string(5000, 'a');
        auto r = read_file((dir / "big").string(), 100);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::too_large);
        fs::remove_all(dir);
    }
}
