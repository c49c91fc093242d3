#include "core/eventlog/stage_measures.hpp"

#include <cstdlib>
#include <regex>

#include "core/text/html_text.hpp"

namespace jstudio::eventlog {

namespace {

std::optional<std::uint64_t> count(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (!end || *end) return std::nullopt;
    return std::uint64_t(v);
}

std::optional<double> share(std::uint64_t part, std::uint64_t whole) {
    if (!whole) return std::nullopt;
    return double(part) / double(whole);
}

// "reach 120 (80%)", "to next stage: 75%", "drop-off 30 (20%)": the label annotate_map writes.
std::optional<StageMeasure> from_label(const diagram::Cell& cell) {
    static const std::string suffix = ": measured from the event log";
    const std::string tip = cell.data("tooltip");
    if (tip.size() <= suffix.size() || !tip.ends_with(suffix)) return std::nullopt;
    const std::string text = text::html_to_text(cell.label(), text::html_one_line);
    static const std::regex reach(R"(reach (\d+)(?: \((\d+)%\))?)"), next(R"(to next stage: (\d+)%)"),
        drop(R"(drop-off (\d+)(?: \((\d+)%\))?)");
    std::smatch m;
    if (!std::regex_search(text, m, reach)) return std::nullopt;
    StageMeasure s;
    s.stage = tip.substr(0, tip.size() - suffix.size());
    s.reach = std::strtoull(m[1].str().c_str(), nullptr, 10);
    if (m[2].matched) s.reach_share = std::strtod(m[2].str().c_str(), nullptr) / 100;
    if (std::regex_search(text, m, next)) s.to_next = std::strtod(m[1].str().c_str(), nullptr) / 100;
    if (std::regex_search(text, m, drop)) {
        s.drop_off = std::strtoull(m[1].str().c_str(), nullptr, 10);
        if (m[2].matched) s.drop_off_share = std::strtod(m[2].str().c_str(), nullptr) / 100;
    }
    return s;
}

}  // namespace

std::vector<StageMeasure> read_stage_measures(const diagram::Page& page) {
    std::vector<StageMeasure> out;
    for (const diagram::Cell& cell : page.cells) {
        if (!cell.wrapper) continue;
        const std::string stage = cell.data(measured_stage_key);
        if (stage.empty()) {
            if (auto s = from_label(cell)) out.push_back(std::move(*s));
            continue;
        }
        StageMeasure s;
        s.stage = stage;
        s.reach = count(cell.data(measured_reach_key)).value_or(0);
        const auto cases = count(cell.data(measured_cases_key));
        if (cases) s.reach_share = share(s.reach, *cases);
        if (cell.data(measured_final_key) != "1") {
            if (auto n = count(cell.data(measured_to_next_key))) s.to_next = share(*n, s.reach);
            s.drop_off = count(cell.data(measured_drop_off_key));
            if (s.drop_off) s.drop_off_share = share(*s.drop_off, s.reach);
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace jstudio::eventlog
