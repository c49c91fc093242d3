#include "core/base/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace jstudio {

namespace {
Error io_error(const std::string& path, const std::string& what) {
    return make_error(ErrorCode::io, what + ": " + std::strerror(errno), at_file(path));
}
}  // namespace

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
    std::string data;
    if (path == "-") {
        data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (data.size() > max_bytes)
            return make_error(ErrorCode::too_large, "input is larger than the limit", at_file(path));
        return data;
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io_error(path, "cannot open");
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return make_error(ErrorCode::io, "is a directory, not a file", at_file(path));
    }
    if (st.st_size > 0 && static_cast<std::size_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return make_error(ErrorCode::too_large,
                          "file is " + std::to_string(st.st_size) + " bytes, past the limit of " +
                              std::to_string(max_bytes),
                          at_file(path));
    }
    if (st.st_size > 0) data.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    while (true) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            Error e = io_error(path, "cannot read");
            ::close(fd);
            return e;
        }
        if (n == 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
        if (data.size() > max_bytes) {
            ::close(fd);
            return make_error(ErrorCode::too_large, "file is past the size limit", at_file(path));
        }
    }
    ::close(fd);
    return data;
}

Status write_file_atomic(const std::string& path, std::string_view bytes) {
    if (path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        if (!std::cout) return make_error(ErrorCode::io, "cannot write to standard output", at_file(path));
        return Ok{};
    }
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return io_error(path, "cannot create a temporary file in " + dir.string());
    // Keep the permissions of the file we replace; a new file gets the usual 0666 & ~umask.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        ::fchmod(fd, st.st_mode & 07777);
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            Error e = io_error(path, "cannot write");
            ::close(fd);
            ::unlink(tmpl.c_str());
            return e;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        Error e = io_error(path, "cannot flush to disk");
        ::unlink(tmpl.c_str());
        return e;
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        Error e = io_error(path, "cannot replace the file");
        ::unlink(tmpl.c_str());
        return e;
    }
    return Ok{};
}

}  // namespace jstudio
