#pragma once
// The values at a few ranks of a sequence that can be read through several times but not held (a median and
// a p90 over durations kept in a SpillFile): a radix selection on an order-preserving unsigned key, 11 bits a
// pass; once the values sharing a rank's leading bits are few they are gathered and the rank found among
// them. Two or three passes for real durations, memory a few histograms and at most `gather_limit` keys per
// rank.
#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

namespace jstudio {

// Unsigned keys that order as the values do (IEEE order for floating point; -0 before +0, NaN not ordered).
inline std::uint32_t order_key(std::int32_t v) {
    return static_cast<std::uint32_t>(v) ^ 0x80000000u;
}
inline std::uint32_t order_key(float v) {
    const auto b = std::bit_cast<std::uint32_t>(v);
    return b & 0x80000000u ? ~b : b | 0x80000000u;
}
inline std::uint64_t order_key(double v) {
    const auto b = std::bit_cast<std::uint64_t>(v);
    return b & 0x8000000000000000ull ? ~b : b | 0x8000000000000000ull;
}
template <typename T>
T from_order_key(std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t> k) {
    if constexpr (std::is_same_v<T, std::int32_t>) {
        return static_cast<std::int32_t>(k ^ 0x80000000u);
    } else {
        using U = decltype(k);
        constexpr U sign = U(1) << (sizeof(U) * CHAR_BIT - 1);
        return std::bit_cast<T>(k & sign ? k & ~sign : ~k);
    }
}

// keys_at_ranks(for_each, ranks): for_each(f) calls f(key) for each of the n keys, in any order, the same
// keys each time. Gives the key at each rank (0 = smallest; every rank < n).
template <typename Key, typename ForEach>
std::vector<Key> keys_at_ranks(ForEach&& for_each, const std::vector<std::size_t>& ranks,
                               std::size_t gather_limit = std::size_t(1) << 16) {
    static_assert(std::is_unsigned_v<Key>);
    constexpr unsigned key_bits = sizeof(Key) * CHAR_BIT, digit_bits = 11;
    struct Target {
        std::size_t rank = 0;  // among the keys that share `prefix`
        Key prefix = 0;        // the leading `known` bits of the answer
        unsigned known = 0;
        bool gathering = false, done = false;
        std::vector<std::size_t> counts;  // by the next digit
        std::vector<Key> gathered;
        Key value = 0;
    };
    const auto leading = [](Key k, unsigned bits) -> Key {
        return bits ? Key(k >> (key_bits - bits)) : Key(0);
    };
    std::vector<Target> targets;
    for (auto r : ranks) {
        Target t;
        t.rank = r;
        targets.push_back(std::move(t));
    }
    while (std::any_of(targets.begin(), targets.end(), [](const Target& t) { return !t.done; })) {
        for (Target& t : targets)
            if (!t.done && !t.gathering)
                t.counts.assign(std::size_t(1) << std::min(digit_bits, key_bits - t.known), 0);
        for_each([&](Key k) {
            for (Target& t : targets) {
                if (t.done || leading(k, t.known) != t.prefix) continue;
                if (t.gathering) {
                    t.gathered.push_back(k);
                } else {
                    const unsigned width = std::min(digit_bits, key_bits - t.known);
                    ++t.counts[std::size_t(leading(Key(k << t.known), width))];
                }
            }
        });
        for (Target& t : targets) {
            if (t.done) continue;
            if (t.gathering) {
                const auto at = t.gathered.begin() + static_cast<std::ptrdiff_t>(t.rank);
                std::nth_element(t.gathered.begin(), at, t.gathered.end());
                t.value = *at;
                t.done = true;
                std::vector<Key>().swap(t.gathered);
                continue;
            }
            const unsigned width = std::min(digit_bits, key_bits - t.known);
            std::size_t digit = 0;
            while (t.rank >= t.counts[digit]) t.rank -= t.counts[digit++];
            const std::size_t in_bucket = t.counts[digit];
            t.prefix = Key((t.known ? Key(t.prefix << width) : Key(0)) | Key(digit));
            t.known += width;
            if (t.known == key_bits) {
                t.value = t.prefix;
                t.done = true;
            } else if (in_bucket <= gather_limit) {
                t.gathering = true;
                t.gathered.reserve(in_bucket);
            }
            std::vector<std::size_t>().swap(t.counts);
        }
    }
    std::vector<Key> out;
    for (const Target& t : targets) out.push_back(t.value);
    return out;
}

}  // namespace jstudio
