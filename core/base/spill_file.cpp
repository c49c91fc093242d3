#include "core/base/spill_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace jstudio {

SpillFile::~SpillFile() {
    if (m_fd >= 0) ::close(m_fd);
}

bool SpillFile::open() {
    if (m_failed) return false;
    if (m_fd >= 0) return true;
    const char* env = std::getenv("TMPDIR");
    const std::string dir = env && *env ? env : "/tmp";
#if defined(O_TMPFILE)
    // No name at all: nothing is left behind even when the process is killed.
    m_fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (m_fd < 0) {
        std::string path = dir + "/journey-spill-XXXXXX";
        m_fd = ::mkstemp(path.data());
        if (m_fd >= 0) ::unlink(path.c_str());
    }
    m_failed = m_fd < 0;
    return !m_failed;
}

std::int64_t SpillFile::append(const void* data, std::size_t bytes) {
    if (!open()) return -1;
    const auto* p = static_cast<const char*>(data);
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t n =
            ::pwrite(m_fd, p + done, bytes - done, static_cast<off_t>(m_end + std::int64_t(done)));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            // Out of space (or any other refusal): this and later chunks stay with their owners. What the
            // file already holds stays readable.
            m_failed = true;
            return -1;
        }
        done += static_cast<std::size_t>(n);
    }
    const std::int64_t at = m_end;
    m_end += static_cast<std::int64_t>(bytes);
    return at;
}

void SpillFile::read(std::int64_t offset, void* into, std::size_t bytes) const {
    auto* p = static_cast<char*>(into);
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t n =
            m_fd < 0 ? -1
                     : ::pread(m_fd, p + done, bytes - done, static_cast<off_t>(offset + std::int64_t(done)));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw std::system_error(n < 0 ? errno : EIO, std::generic_category(),
                                    "reading back the temporary spill file");
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace jstudio
