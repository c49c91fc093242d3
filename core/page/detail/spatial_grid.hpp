#pragma once
// A coarse uniform grid over rectangles, so "what lies near this shape" costs the shapes near it and not
// every shape on the page. Rectangles that would span too many buckets (page-sized backdrops, hostile
// sizes) go to one list every query scans: there are few of them on any real page. The buckets are one sorted
// array of (bucket, item), sorted at the first query after an insert: pages insert everything, then query.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/diagram/geometry.hpp"

namespace jstudio::page::detail {

class SpatialGrid {
  public:
    explicit SpatialGrid(double bucket = 256) : m_bucket(bucket) {}

    // Room for items below `items` and about `inserts` insertions: a page's grid is filled once, and growing
    // it by doubling made a million-screen site map fault in twice its final size.
    void reserve(std::size_t items, std::size_t inserts) {
        if (items > m_rects.size()) {
            m_rects.resize(items);
            m_present.resize(items, 0);
        }
        m_entries.reserve(inserts);
    }

    void insert(std::uint32_t item, const diagram::Rect& r) {
        if (item >= m_rects.size()) {
            m_rects.resize(item + 1);
            m_present.resize(item + 1, 0);
        }
        m_rects[item] = r;
        m_present[item] = 1;
        if (span(r, [&](std::uint64_t k) { m_entries.emplace_back(k, item); }))
            m_sorted = false;
        else
            m_large.push_back(item);
    }

    // Appends every item whose rectangle meets r (each once; order unspecified).
    void query(const diagram::Rect& r, std::vector<std::uint32_t>& out) const {
        const std::size_t first = out.size();
        auto meets = [&](std::uint32_t candidate) {
            const diagram::Rect& o = m_rects[candidate];
            return o.x <= r.right() && r.x <= o.right() && o.y <= r.bottom() && r.y <= o.bottom();
        };
        if (!m_sorted) {
            std::sort(m_entries.begin(), m_entries.end());
            m_sorted = true;
        }
        const bool small = span(r, [&](std::uint64_t k) {
            auto it = std::lower_bound(m_entries.begin(), m_entries.end(), std::pair{k, std::uint32_t{0}});
            for (; it != m_entries.end() && it->first == k; ++it)
                if (meets(it->second)) out.push_back(it->second);
        });
        if (!small) {  // a huge query: scan everything once
            for (std::uint32_t item = 0; item < m_rects.size(); ++item)
                if (m_present[item] && meets(item)) out.push_back(item);
        } else {
            for (std::uint32_t item : m_large)
                if (meets(item)) out.push_back(item);
        }
        std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
        out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
    }

  private:
    static constexpr long max_span = 64;  // buckets per side before a rectangle counts as large
    double m_bucket;
    std::vector<diagram::Rect> m_rects;  // by item (items are small dense numbers: cell positions)
    std::vector<char> m_present;
    mutable std::vector<std::pair<std::uint64_t, std::uint32_t>> m_entries;  // (bucket, item)
    mutable bool m_sorted = true;
    std::vector<std::uint32_t> m_large;

    // Calls f for every bucket r touches; false (and no call) when r is too large or not finite.
    template <class F>
    bool span(const diagram::Rect& r, F&& f) const {
        if (!std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.width) || !std::isfinite(r.height))
            return false;
        if (r.width < 0 || r.height < 0) return false;
        const double x0 = std::floor(r.x / m_bucket), x1 = std::floor(r.right() / m_bucket);
        const double y0 = std::floor(r.y / m_bucket), y1 = std::floor(r.bottom() / m_bucket);
        if (x1 - x0 >= max_span || y1 - y0 >= max_span || std::abs(x0) > 1e9 || std::abs(y0) > 1e9)
            return false;
        for (long gx = static_cast<long>(x0); gx <= static_cast<long>(x1); ++gx)
            for (long gy = static_cast<long>(y0); gy <= static_cast<long>(y1); ++gy)
                f((static_cast<std::uint64_t>(static_cast<std::uint32_t>(gx)) << 32) ^
                  static_cast<std::uint32_t>(gy));
        return true;
    }
};

}  // namespace jstudio::page::detail
