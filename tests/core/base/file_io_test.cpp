#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

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

TEST_CASE("saving follows what is at the path: links, devices, FIFOs", "[core][base][io]") {
    const fs::path dir = test::temp_dir("follow");
    SECTION("a symbolic link stays a link and the file it names is replaced") {
        { std::ofstream(dir / "real.drawio") << "old"; }
        fs::create_symlink("real.drawio", dir / "link.drawio");  // relative, as ln -s writes it
        REQUIRE(write_file_atomic((dir / "link.drawio").string(), "new"));
        CHECK(fs::is_symlink(dir / "link.drawio"));
        CHECK(test::read_text(dir / "real.drawio") == "new");
        CHECK(files_in(dir) == 2);
    }
    SECTION("a dangling link is written through: the file it names is created") {
        fs::create_symlink(dir / "later.drawio", dir / "dangling.drawio");
        REQUIRE(write_file_atomic((dir / "dangling.drawio").string(), "made"));
        CHECK(fs::is_symlink(dir / "dangling.drawio"));
        CHECK(test::read_text(dir / "later.drawio") == "made");
    }
    SECTION("a FIFO with a reader is written to, not replaced; without one it is an error, not a hang") {
        const fs::path fifo = dir / "pipe";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        auto st = write_file_atomic(fifo.string(), "nobody listens");
        REQUIRE_FALSE(st);
        CHECK(st.error().message.find("FIFO") != std::string::npos);
        std::string got;
        std::thread reader([&] {
            std::ifstream in(fifo);
            got.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        });
        // The reader opens the FIFO in its own time: retry until it is there.
        Status written = make_error(ErrorCode::io, "not yet");
        for (int i = 0; i < 500 && !written; ++i) {
            written = write_file_atomic(fifo.string(), "through the pipe");
            if (!written) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        reader.join();
        CHECK(written);
        CHECK(got == "through the pipe");
        CHECK(fs::is_fifo(fifo));
    }
    SECTION("a character device is written to, never renamed over (as root, -o /dev/null)") {
        const fs::path null = dir / "null";
        if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
            // Never tried on the real /dev/null: without the fix, as root, that would destroy it.
            WARN("mknod not allowed here: the device case is not tested");
        } else {
            REQUIRE(write_file_atomic(null.string(), "into the void"));
            CHECK(fs::is_character_file(null));
            CHECK(files_in(dir) == 1);
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("reading refuses what never ends or never opens", "[core][base][io]") {
    const fs::path dir = test::temp_dir("hostile-read");
    SECTION("a FIFO is refused at once instead of blocking in open()") {
        REQUIRE(::mkfifo((dir / "in.drawio").c_str(), 0600) == 0);
        auto r = read_file((dir / "in.drawio").string());
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("FIFO") != std::string::npos);
        CHECK(r.error().where.file == (dir / "in.drawio").string());
        CHECK_FALSE(open_regular_file((dir / "in.drawio").string()));
    }
    SECTION("a device such as /dev/zero is refused instead of read until memory runs out") {
        auto r = read_file("/dev/zero");
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("character device") != std::string::npos);
    }
    SECTION("a directory") {
        auto r = read_file(dir.string());
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("directory") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("memory budget and sizes", "[core][base][io]") {
    CHECK(parse_byte_size("512M").value() == std::size_t(512) << 20);
    CHECK(parse_byte_size("2G").value() == std::size_t(2) << 30);
    CHECK(parse_byte_size("64k").value() == 64 * 1024);
    CHECK(parse_byte_size("1MiB").value() == std::size_t(1) << 20);
    CHECK(parse_byte_size("1500").value() == 1500);
    for (const char* bad : {"", "M", "12X", "-5", "0", "1.5G", "99999999999999999999T"})
        CHECK_FALSE(parse_byte_size(bad));
    CHECK(default_memory_budget() >= std::size_t(64) << 20);
    const std::size_t before = memory_budget();
    set_memory_budget(std::size_t(400) << 20);
    CHECK(input_byte_limit() == std::size_t(100) << 20);
    set_memory_budget(before);
}
