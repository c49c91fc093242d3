#pragma once
// Positions of ids in one open-addressing table: the id checks of a page of 200k cells (unique ids, parents,
// edge ends) without a node allocation per id. The ids stay where they are; the table holds a hash and a
// position per slot and asks key_of(position) for the text when hashes meet.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace jstudio {

template <class KeyOf>  // std::string_view key_of(std::uint32_t position)
class FlatIdIndex {
  public:
    static constexpr std::uint32_t npos = UINT32_MAX;

    FlatIdIndex(std::size_t expected, KeyOf key_of) : m_key_of(std::move(key_of)) {
        std::size_t size = 16;
        while (size < expected * 2) size *= 2;
        m_slots.assign(size, Slot{0, npos});
    }

    static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

    // Asks the processor to fetch the slot a hash starts at: a loop over many ids calls this a few ids ahead,
    // so that the probe does not wait for memory (the table of a big page is megabytes).
    void prefetch(std::uint64_t h) const { __builtin_prefetch(&m_slots[h & (m_slots.size() - 1)]); }

    // Adds the id at `position` unless an equal id is there already: then that one's position, else npos.
    std::uint32_t insert(std::uint32_t position) { return insert(position, hash(m_key_of(position))); }
    // The same with the id's hash() already worked out.
    std::uint32_t insert(std::uint32_t position, std::uint64_t h) {
        const std::string_view key = m_key_of(position);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            Slot& s = m_slots[i];
            if (s.position == npos) {
                s = Slot{tag, position};
                if (++m_used * 2 > m_slots.size()) grow();
                return npos;
            }
            if (s.tag == tag && m_key_of(s.position) == key) return s.position;
        }
    }

    // The position of the first id equal to key, or npos.
    std::uint32_t find(std::string_view key) const { return find(key, hash(key)); }
    std::uint32_t find(std::string_view key, std::uint64_t h) const {
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot& s = m_slots[i];
            if (s.position == npos) return npos;
            if (s.tag == tag && m_key_of(s.position) == key) return s.position;
        }
    }

  private:
    // Eight bytes a slot (the high half of the hash as a tag), so that a page's table stays in cache longer.
    struct Slot {
        std::uint32_t tag;
        std::uint32_t position;
    };
    KeyOf m_key_of;
    std::vector<Slot> m_slots;
    std::size_t m_used = 0;

    void grow() {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.assign(old.size() * 2, Slot{0, npos});
        for (const Slot& s : old) {
            if (s.position == npos) continue;
            std::size_t i = hash(m_key_of(s.position)) & (m_slots.size() - 1);
            while (m_slots[i].position != npos) i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = s;
        }
    }
};

}  // namespace jstudio
