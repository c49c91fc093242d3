#pragma once
// Long sequences written once and then read through in order a few times (the durations behind an exact
// median and p90 of a 10-million-event log): each keeps its last chunk in memory and moves full chunks to one
// shared temporary file, so they cost disk and the kernel's page cache, not the process's memory. The file
// has no name (unlinked at once) and goes when the process does. Where no temporary file can be made or
// written (no space, a read-only $TMPDIR), chunks stay in memory: bigger, never wrong.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace jstudio {

class SpillFile {
  public:
    SpillFile() = default;
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    // Where the bytes went, or -1 when the file could not take them (the caller keeps them).
    std::int64_t append(const void* data, std::size_t bytes);
    // Throws std::system_error when the bytes written at `offset` cannot be read back (an I/O error).
    void read(std::int64_t offset, void* into, std::size_t bytes) const;
    std::int64_t bytes() const { return m_end; }

  private:
    bool open();
    int m_fd = -1;
    bool m_failed = false;
    std::int64_t m_end = 0;
};

// T trivially copyable. Chunks of 16 KiB: memory per sequence is at most one chunk plus 8 bytes per chunk
// written out.
template <typename T>
class SpillVector {
    static_assert(std::is_trivially_copyable_v<T>);

  public:
    static constexpr std::size_t chunk_elements = 16384 / sizeof(T);

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    void push_back(const T& v, SpillFile& file) {
        m_tail.push_back(v);
        ++m_size;
        if (m_tail.size() == chunk_elements) spill(file);
    }
    // f(const T* data, std::size_t count) over the elements in push order.
    template <typename F>
    void for_each_block(const SpillFile& file, F&& f) const {
        std::vector<T> scratch;
        std::size_t kept = 0;
        for (const std::int64_t at : m_chunks) {
            if (at < 0) {
                const auto& chunk = m_kept[kept++];
                f(chunk.data(), chunk.size());
                continue;
            }
            scratch.resize(chunk_elements);
            file.read(at, scratch.data(), chunk_elements * sizeof(T));
            f(static_cast<const T*>(scratch.data()), chunk_elements);
        }
        if (!m_tail.empty()) f(m_tail.data(), m_tail.size());
    }
    template <typename F>
    void for_each(const SpillFile& file, F&& f) const {
        for_each_block(file, [&](const T* p, std::size_t n) {
            for (std::size_t i = 0; i < n; ++i) f(p[i]);
        });
    }
    // Forgets the elements (the file's space is not reused: it goes with the file).
    void clear() {
        std::vector<T>().swap(m_tail);
        std::vector<std::int64_t>().swap(m_chunks);
        std::vector<std::vector<T>>().swap(m_kept);
        m_size = 0;
    }

  private:
    void spill(SpillFile& file) {
        const std::int64_t at = file.append(m_tail.data(), m_tail.size() * sizeof(T));
        m_chunks.push_back(at);
        if (at < 0) {
            m_kept.push_back(std::move(m_tail));
            m_tail = {};
        } else {
            m_tail.clear();  // the capacity serves the next chunk
        }
    }
    std::vector<T> m_tail;
    std::vector<std::int64_t> m_chunks;  // file offset of each full chunk, -1: in m_kept (in order)
    std::vector<std::vector<T>> m_kept;
    std::size_t m_size = 0;
};

}  // namespace jstudio
