#include "core/diagram/cell_delta.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace jstudio::diagram {

namespace {

// Indexes (into `ranks`) of a longest strictly increasing subsequence: the common cells that can stay put.
std::vector<std::size_t> longest_increasing(const std::vector<std::size_t>& ranks) {
    std::vector<std::size_t> tails, tail_at, previous(ranks.size(), SIZE_MAX);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        const auto it = std::lower_bound(tails.begin(), tails.end(), ranks[i]);
        const auto k = static_cast<std::size_t>(it - tails.begin());
        if (k > 0) previous[i] = tail_at[k - 1];
        if (it == tails.end()) {
            tails.push_back(ranks[i]);
            tail_at.push_back(i);
        } else {
            *it = ranks[i];
            tail_at[k] = i;
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t i = tail_at.empty() ? SIZE_MAX : tail_at.back(); i != SIZE_MAX; i = previous[i])
        out.push_back(i);
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<CellDelta> diff_cells(const Page& before, const Page& after) {
    std::unordered_map<std::string_view, std::size_t> before_at;
    for (std::size_t i = 0; i < before.cells.size(); ++i) before_at.emplace(before.cells[i].id, i);

    // Common cells in the order of `after`, with their position in `before`.
    std::vector<std::size_t> common_after, common_rank;
    for (std::size_t i = 0; i < after.cells.size(); ++i)
        if (auto it = before_at.find(after.cells[i].id); it != before_at.end()) {
            common_after.push_back(i);
            common_rank.push_back(it->second);
        }
    std::vector<bool> stays_before(before.cells.size(), false), stays_after(after.cells.size(), false);
    for (std::size_t k : longest_increasing(common_rank)) {
        stays_before[common_rank[k]] = true;
        stays_after[common_after[k]] = true;
    }

    std::vector<CellDelta> out;
    for (std::size_t i = before.cells.size(); i-- > 0;)
        if (!stays_before[i]) out.push_back({before.cells[i].id, before.cells[i], std::nullopt, i});
    for (std::size_t i = 0; i < after.cells.size(); ++i)
        if (stays_after[i]) {
            const Cell& old = before.cells[before_at.at(after.cells[i].id)];
            if (!(old == after.cells[i])) out.push_back({after.cells[i].id, old, after.cells[i], i});
        }
    for (std::size_t i = 0; i < after.cells.size(); ++i)
        if (!stays_after[i]) out.push_back({after.cells[i].id, std::nullopt, after.cells[i], i});
    return out;
}

bool apply_cell_deltas(std::vector<Cell>& cells, const std::vector<CellDelta>& deltas, bool undo) {
    bool fits = true;
    auto step = [&](const CellDelta& delta) {
        const auto& want = undo ? delta.before : delta.after;
        auto it = std::find_if(cells.begin(), cells.end(), [&](const Cell& c) { return c.id == delta.id; });
        if (!want) {
            if (it != cells.end())
                cells.erase(it);
            else
                fits = false;
        } else if (it != cells.end()) {
            *it = *want;
        } else {
            fits = fits && delta.position <= cells.size();
            cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(std::min(delta.position, cells.size())),
                         *want);
        }
    };
    if (undo) {
        for (auto it = deltas.rbegin(); it != deltas.rend(); ++it) step(*it);
    } else {
        for (const auto& delta : deltas) step(delta);
    }
    return fits;
}

}  // namespace jstudio::diagram
