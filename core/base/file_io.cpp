#include "core/base/file_io.hpp"
#include "core/base/file_stream.hpp"

#include "core/base/temp_files.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace jstudio {

namespace {
Error io_error(const std::string& path, const std::string& what) {
    return make_error(ErrorCode::io, what + ": " + std::strerror(errno), at_file(path));
}

// What a path is, in words, for the errors that refuse it.
const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

// The save in progress, for signal handlers (temp_files.hpp): one at a time, as the CLI saves.
char g_pending[4096];
std::atomic<bool> g_has_pending{false};

void set_pending(const std::string& path) {
    if (path.size() >= sizeof g_pending) return;  // too long to remember: not cleaned on a signal
    g_has_pending.store(false);
    std::memcpy(g_pending, path.c_str(), path.size() + 1);
    g_has_pending.store(true);
}
void clear_pending() {
    g_has_pending.store(false);
}

std::atomic<std::size_t> g_budget{0};  // 0 = not set yet: default_memory_budget()

// cgroup v2 limit of this process's group (containers, systemd slices), or 0 when there is none.
std::size_t cgroup_memory_limit() {
    std::ifstream in("/sys/fs/cgroup/memory.max");
    std::string text;
    if (!(in >> text) || text == "max") return 0;
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

Status write_all(int fd, const std::string& path, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return io_error(path, "cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
    return Ok{};
}

// A device or FIFO is written in place: renaming a temporary file over it would replace the node itself.
Status write_in_place(const std::string& path, std::string_view bytes, mode_t mode) {
    // O_NONBLOCK: opening a FIFO for writing blocks until a reader comes; without one we fail (ENXIO)
    // instead of hanging. Writes then block as usual.
    int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENXIO && S_ISFIFO(mode))
            return make_error(ErrorCode::io, "is a FIFO (named pipe) that nothing reads from", at_file(path));
        return io_error(path, std::string("cannot open ") + kind_of(mode) + " for writing");
    }
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    auto st = write_all(fd, path, bytes);
    if (::close(fd) != 0 && st) return io_error(path, "cannot write");
    return st;
}

// Follows a chain of symbolic links to the file they finally name (which may not exist yet: a dangling
// link is written through, as a shell redirection would). Errors on loops.
Result<std::filesystem::path> resolve_links(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::string target(4096, '\0');
        ssize_t n = ::readlink(p.c_str(), target.data(), target.size());
        if (n < 0) return io_error(path, "cannot read the symbolic link");
        target.resize(static_cast<std::size_t>(n));
        fs::path t(target);
        p = t.is_absolute() ? t : (p.has_parent_path() ? p.parent_path() : fs::path(".")) / t;
    }
    return make_error(ErrorCode::io, "too many levels of symbolic links", at_file(path));
}
}  // namespace

const char* temporary_file_in_progress() noexcept {
    return g_has_pending.load() ? g_pending : nullptr;
}

std::size_t default_memory_budget() {
    std::size_t total = 0;
    long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0) total = std::size_t(pages) * std::size_t(page);
    struct rlimit as {};
    if (::getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
        total = total ? std::min<std::size_t>(total, as.rlim_cur) : as.rlim_cur;
    if (std::size_t cg = cgroup_memory_limit(); cg) total = total ? std::min(total, cg) : cg;
    if (total == 0) total = std::size_t(4) << 30;
    // A quarter: the parsed form of an input (a DOM, a model, a display list) takes a few times its bytes.
    return std::max<std::size_t>(total / 4, std::size_t(64) << 20);
}

std::size_t memory_budget() {
    std::size_t b = g_budget.load(std::memory_order_relaxed);
    if (b == 0) {
        b = default_memory_budget();
        g_budget.store(b, std::memory_order_relaxed);
    }
    return b;
}

std::size_t input_byte_limit() {
    return memory_budget() / 4;
}

void set_memory_budget(std::size_t bytes) {
    g_budget.store(bytes, std::memory_order_relaxed);
}

Result<std::size_t> parse_byte_size(std::string_view text) {
    auto bad = [&] {
        return make_error(ErrorCode::bad_usage,
                          "not a size: '" + std::string(text) + "' (a number of bytes, or with k, M, G, T)");
    };
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data()) return bad();
    std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    for (std::string_view b : {"iB", "B"})
        if (unit.size() > b.size() - 1 && unit.ends_with(b)) {
            unit.remove_suffix(b.size());
            break;
        }
    int shift = 0;
    if (unit.empty())
        shift = 0;
    else if (unit == "k" || unit == "K")
        shift = 10;
    else if (unit == "m" || unit == "M")
        shift = 20;
    else if (unit == "g" || unit == "G")
        shift = 30;
    else if (unit == "t" || unit == "T")
        shift = 40;
    else
        return bad();
    if (shift && value > (~std::size_t(0) >> shift)) return bad();
    value <<= shift;
    if (value == 0) return bad();
    return value;
}

Result<int> open_regular_file(const std::string& path) {
    // O_NONBLOCK: open() on a FIFO would otherwise wait for a writer forever; the type is checked right
    // after.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return io_error(path, "cannot open");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        Error e = io_error(path, "cannot read");
        ::close(fd);
        return e;
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return make_error(ErrorCode::io, std::string("is ") + kind_of(st.st_mode) + ", not a regular file",
                          at_file(path));
    }
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

Result<std::string> read_file(const std::string& path) {
    return read_file(path, input_byte_limit());
}

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
    std::string data;
    int fd = STDIN_FILENO;
    if (path != "-") {
        auto opened = open_regular_file(path);
        if (!opened) return opened.error();
        fd = opened.value();
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0 && static_cast<std::size_t>(st.st_size) > max_bytes) {
            ::close(fd);
            return make_error(ErrorCode::too_large,
                              "file is " + std::to_string(st.st_size) + " bytes, past the limit of " +
                                  std::to_string(max_bytes) + " (--max-memory)",
                              at_file(path));
        }
        if (st.st_size > 0) data.reserve(static_cast<std::size_t>(st.st_size));
    }
    auto done = [&] {
        if (fd != STDIN_FILENO) ::close(fd);
    };
    char buffer[1 << 16];
    while (true) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            Error e = io_error(path, "cannot read");
            done();
            return e;
        }
        if (n == 0) break;
        // Checked before appending, so an endless stdin or a growing file stops at the bound.
        if (data.size() + static_cast<std::size_t>(n) > max_bytes) {
            done();
            return make_error(ErrorCode::too_large,
                              std::string(path == "-" ? "input" : "file") + " is past the limit of " +
                                  std::to_string(max_bytes) + " bytes (--max-memory)",
                              at_file(path));
        }
        data.append(buffer, static_cast<std::size_t>(n));
    }
    done();
    return data;
}

Status write_file_atomic(const std::string& path, std::string_view bytes) {
    return write_file_atomic_streamed(path, [&](const ByteSink& sink) { return sink(bytes); });
}

Status write_file_atomic_streamed(const std::string& path,
                                  const std::function<Status(const ByteSink&)>& produce) {
    if (path == "-")
        return produce([&](std::string_view bytes) { return write_all(STDOUT_FILENO, path, bytes); });
    namespace fs = std::filesystem;
    // stat() follows links, including /dev/fd/N and /dev/stdout whose "targets" (pipe:[123]) are no path.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode) || S_ISSOCK(st.st_mode))
            return make_error(ErrorCode::io, std::string("is ") + kind_of(st.st_mode) + ", not a file",
                              at_file(path));
        // A diagram written over a disk or partition is never what was meant.
        if (S_ISBLK(st.st_mode))
            return make_error(ErrorCode::io, "is a block device; refusing to write a file over it",
                              at_file(path));
        if (!S_ISREG(st.st_mode)) {
            // Devices and FIFOs are rare targets: their bytes are gathered, then written in place.
            std::string bytes;
            auto made = produce([&](std::string_view piece) -> Status {
                bytes += piece;
                return Ok{};
            });
            if (!made) return made;
            return write_in_place(path, bytes, st.st_mode);
        }
    }
    // A link stays a link: the file it names is replaced.
    auto resolved = resolve_links(path);
    if (!resolved) return resolved.error();
    const fs::path target = resolved.value();
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return io_error(path, "cannot create a temporary file in " + dir.string());
    set_pending(tmpl);
    // Keep the permissions of the file we replace; a new file gets the usual 0666 & ~umask.
    if (::stat(target.c_str(), &st) == 0) {
        ::fchmod(fd, st.st_mode & 07777);
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    if (auto written = produce([&](std::string_view bytes) { return write_all(fd, path, bytes); });
        !written) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        clear_pending();
        return written.error();
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        Error e = io_error(path, "cannot flush to disk");
        ::unlink(tmpl.c_str());
        clear_pending();
        return e;
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        Error e = io_error(path, "cannot replace the file");
        ::unlink(tmpl.c_str());
        clear_pending();
        return e;
    }
    clear_pending();
    // The rename itself is durable only once the folder is flushed; failing that is not worth an error.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Ok{};
}

bool same_file(const std::string& a, const std::string& b) {
    if (a == "-" || b == "-") return false;
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

}  // namespace jstudio
