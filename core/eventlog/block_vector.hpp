#pragma once
// A vector kept in fixed blocks of 2^Bits elements: growing it never copies what it holds and never leaves
// more than one block unused, so a stream's per-case or per-stay state costs its size, not up to twice that
// (a std::vector doubling) plus the old copy while it moves (the peak a 10-million-event log hit).
// Blocks of 2 MiB and more sit on huge pages (core/base/huge_pages.hpp): the per-case states are read at
// random.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/base/huge_pages.hpp"

namespace jstudio::eventlog {

template <typename T, std::size_t Bits = 14>
class BlockVector {
  public:
    static constexpr std::size_t block_bits = Bits, block_size = std::size_t(1) << block_bits;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T& operator[](std::size_t i) { return m_blocks[i >> block_bits][i & (block_size - 1)]; }
    const T& operator[](std::size_t i) const { return m_blocks[i >> block_bits][i & (block_size - 1)]; }
    // Grows to at least n elements (new ones value-initialised); never shrinks.
    void grow_to(std::size_t n) {
        while (m_blocks.size() * block_size < n) m_blocks.emplace_back(block_size);
        if (n > m_size) m_size = n;
    }
    void push_back(const T& v) {
        grow_to(m_size + 1);
        (*this)[m_size - 1] = v;
    }
    // Moves the elements out into one vector and lets the blocks go as they are copied.
    std::vector<T> take() {
        std::vector<T> out;
        out.reserve(m_size);
        for (std::size_t b = 0; b < m_blocks.size(); ++b) {
            const std::size_t n = std::min(block_size, m_size - b * block_size);
            out.insert(out.end(), m_blocks[b].begin(), m_blocks[b].begin() + static_cast<std::ptrdiff_t>(n));
            Block().swap(m_blocks[b]);
        }
        clear();
        return out;
    }
    void clear() {
        std::vector<Block>().swap(m_blocks);
        m_size = 0;
    }

  private:
    using Block = std::vector<T, HugePageAllocator<T>>;
    std::vector<Block> m_blocks;
    std::size_t m_size = 0;
};

}  // namespace jstudio::eventlog
