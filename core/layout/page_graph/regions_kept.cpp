#include "core/layout/page_graph/regions_kept.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/diagram/page_index.hpp"
#include "core/render/label_text.hpp"

namespace jstudio::layout {

namespace {

// The region as its author named it: the label's first words, else the cell id.
std::string region_name(const diagram::PageIndex& index, const std::string& id) {
    const diagram::Cell* cell = index.find(id);
    if (!cell) return "'" + id + "'";
    std::string text = render::plain_text(render::parse_label(cell->label(), cell->is_html_label(), {}));
    std::string words;  // spaces (no-break ones too: &nbsp;) and line breaks as one space
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool nbsp = text.compare(i, 2, "\xC2\xA0") == 0;
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && !nbsp)
            words += text[i];
        else if (!words.empty() && words.back() != ' ')
            words += ' ';
        if (nbsp) ++i;
    }
    if (!words.empty() && words.back() == ' ') words.pop_back();
    if (words.empty()) return "'" + id + "'";
    text = std::move(words);
    if (text.size() > 40) text = std::string(render::utf8_prefix(text, 37)) + "...";
    return "'" + text + "'";
}

std::string shapes(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " shape" : " shapes");
}

}  // namespace

std::string regions_changed(const diagram::Page& laid_out, const std::vector<PageRoles::Region>& drawn,
                            const std::vector<PageRoles::Region>& now) {
    std::unordered_map<std::string, const PageRoles::Region*> read_again;
    for (const auto& r : now) read_again[r.id] = &r;
    const diagram::PageIndex index(laid_out);
    std::vector<std::string> changes;
    for (const auto& r : drawn) {
        const std::string name = region_name(index, r.id);
        const auto it = read_again.find(r.id);
        if (it == read_again.end()) {
            changes.push_back(name + " no longer holds its " + shapes(r.members.size()));
            continue;
        }
        const std::set<std::string> held(r.members.begin(), r.members.end());
        const std::set<std::string> holds(it->second->members.begin(), it->second->members.end());
        const auto gained = std::ranges::count_if(holds, [&](const auto& m) { return !held.count(m); });
        const auto lost = std::ranges::count_if(held, [&](const auto& m) { return !holds.count(m); });
        std::string change;
        if (gained > 0)
            change =
                " would take in " + shapes(static_cast<std::size_t>(gained)) + " it does not hold as drawn";
        if (lost > 0)
            change += (gained > 0 ? " and lose " : " would lose ") + std::to_string(lost) + " of its " +
                      shapes(held.size());
        if (!change.empty()) changes.push_back(name + change);
    }
    if (changes.empty()) return {};
    std::string out = "laid out, the page's regions hold other shapes than drawn: ";
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (i == 3) {
            out += "; and " + std::to_string(changes.size() - 3) + " more";
            break;
        }
        out += (i ? "; " : "") + changes[i];
    }
    return out;
}

}  // namespace jstudio::layout
