#include "core/journey/journey_diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/diagram/annotation_cells.hpp"
#include "core/diagram/page_index.hpp"
#include "core/journey/label_text.hpp"

namespace jstudio::journey {

namespace {

std::string name_at_stage(const JourneyMap& m, int i) {
    return i >= 0 && i < static_cast<int>(m.stages.size()) ? m.stages[static_cast<std::size_t>(i)].name : "";
}
std::string name_at_lane(const JourneyMap& m, int i) {
    return i >= 0 && i < static_cast<int>(m.lanes.size()) ? m.lanes[static_cast<std::size_t>(i)].name : "";
}
std::optional<LaneKind> kind_at(const JourneyMap& m, int i) {
    if (i < 0 || i >= static_cast<int>(m.lanes.size())) return std::nullopt;
    return m.lanes[static_cast<std::size_t>(i)].kind;
}
bool is_pain(const JourneyMap& m, const Step& s) {
    return kind_at(m, s.lane) == LaneKind::pain_points;
}

StepRef ref(const JourneyMap& m, const Step& s) {
    return {s.id, s.label, name_at_stage(m, s.stage), name_at_lane(m, s.lane)};
}

std::string normalise(const std::string& label) {
    std::string out;
    for (char c : label) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string opt_emotion(const std::optional<double>& e) {
    return e ? format_emotion(*e) : "";
}

std::optional<double> stage_mean(const JourneyMap& m, const std::string& stage_name) {
    double sum = 0;
    int n = 0;
    for (StepId id : m.graph.steps()) {
        const Step& s = m.graph.step(id);
        if (kind_at(m, s.lane) == LaneKind::emotions && s.emotion &&
            name_at_stage(m, s.stage) == stage_name) {
            sum += *s.emotion;
            ++n;
        }
    }
    if (n == 0) return std::nullopt;
    return sum / n;
}

}  // namespace

std::string format_emotion(double score) {
    std::ostringstream s;
    const double rounded = std::round(score * 100) / 100;
    if (rounded > 0) s << '+';
    s << (rounded == 0 ? 0.0 : rounded);
    return s.str();
}

JourneyDiff diff_maps(const JourneyMap& before, const JourneyMap& after) {
    JourneyDiff d;
    const auto bs = before.graph.steps(), as = after.graph.steps();
    std::vector<int> match_of_before(bs.size(), -1), match_of_after(as.size(), -1);
    // By id first: a future-state map is usually a copy of the current one, edited.
    std::map<std::string, std::size_t> after_by_id;
    for (std::size_t j = 0; j < as.size(); ++j) after_by_id.emplace(after.graph.step(as[j]).id, j);
    for (std::size_t i = 0; i < bs.size(); ++i) {
        auto it = after_by_id.find(before.graph.step(bs[i]).id);
        if (it != after_by_id.end() && match_of_after[it->second] < 0) {
            match_of_before[i] = static_cast<int>(it->second);
            match_of_after[it->second] = static_cast<int>(i);
        }
    }
    // Then by lane kind and label, for steps redrawn by hand.
    for (std::size_t i = 0; i < bs.size(); ++i) {
        if (match_of_before[i] >= 0) continue;
        const Step& b = before.graph.step(bs[i]);
        for (std::size_t j = 0; j < as.size(); ++j) {
            const Step& a = after.graph.step(as[j]);
            if (match_of_after[j] < 0 && kind_at(before, b.lane) == kind_at(after, a.lane) &&
                normalise(a.label) == normalise(b.label)) {
                match_of_before[i] = static_cast<int>(j);
                match_of_after[j] = static_cast<int>(i);
                break;
            }
        }
    }
    for (std::size_t i = 0; i < bs.size(); ++i) {
        const Step& b = before.graph.step(bs[i]);
        if (match_of_before[i] < 0) {
            d.removed.push_back(ref(before, b));
            if (is_pain(before, b)) d.pain_points_resolved.push_back(ref(before, b));
            continue;
        }
        const Step& a = after.graph.step(as[static_cast<std::size_t>(match_of_before[i])]);
        StepChange change{ref(before, b), ref(after, a), {}};
        auto field = [&](const char* name, std::string x, std::string y) {
            if (x != y) change.changes.push_back({name, std::move(x), std::move(y)});
        };
        field("label", b.label, a.label);
        field("stage", name_at_stage(before, b.stage), name_at_stage(after, a.stage));
        field("lane", name_at_lane(before, b.lane), name_at_lane(after, a.lane));
        field("channel", b.channel, a.channel);
        field("emotion", opt_emotion(b.emotion), opt_emotion(a.emotion));
        if (!change.changes.empty()) d.changed.push_back(std::move(change));
        if (is_pain(before, b) && !is_pain(after, a)) d.pain_points_resolved.push_back(ref(before, b));
        if (!is_pain(before, b) && is_pain(after, a)) d.pain_points_new.push_back(ref(after, a));
    }
    for (std::size_t j = 0; j < as.size(); ++j) {
        if (match_of_after[j] >= 0) continue;
        const Step& a = after.graph.step(as[j]);
        d.added.push_back(ref(after, a));
        if (is_pain(after, a)) d.pain_points_new.push_back(ref(after, a));
    }
    std::vector<std::string> stage_names;
    for (const auto& s : before.stages) stage_names.push_back(s.name);
    for (const auto& s : after.stages)
        if (std::find(stage_names.begin(), stage_names.end(), s.name) == stage_names.end())
            stage_names.push_back(s.name);
    for (const auto& name : stage_names) {
        StageEmotion e{name, stage_mean(before, name), stage_mean(after, name)};
        if (e.before || e.after) d.emotion_by_stage.push_back(e);
    }
    return d;
}

void annotate_diff(diagram::Page& page, const diagram::Page& before_page, const JourneyMap& before,
                   const JourneyMap& after, const JourneyDiff& diff) {
    using diagram::Cell;
    using diagram::CellKind;
    using diagram::Rect;
    std::string root_id = "0";
    for (const Cell& c : page.cells)
        if (c.kind == CellKind::root) root_id = c.id;
    const std::string layer_id = "jm-diff-layer";
    std::vector<Cell> added_cells;
    {
        Cell layer;
        layer.id = layer_id;
        layer.parent = root_id;
        layer.kind = CellKind::layer;
        layer.value = "Changes";
        diagram::AnnotationCells::mark_as_annotation(layer);
        added_cells.push_back(std::move(layer));
    }
    std::size_t serial = 0;
    auto frame = [&](const Rect& r, const std::string& label, const std::string& style,
                     const std::string& role, const std::string& step_id) {
        Cell c;
        c.id = "jm-diff-" + std::to_string(++serial);
        c.parent = layer_id;
        c.kind = CellKind::vertex;
        c.vertex = true;
        c.value = label;
        c.style = diagram::Style::parse(style);
        diagram::Geometry g;
        g.bounds = r;
        c.geometry = g;
        c.set_data("journey-role", role);
        if (!step_id.empty()) c.set_data("step-id", step_id);
        added_cells.push_back(std::move(c));
    };
    auto grow = [](Rect r, double by) {
        return Rect{r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
    };
    auto cell_of = [](const JourneyMap& m, const std::string& step_id) {
        auto s = m.graph.find(step_id);
        return s ? m.graph.step(*s).cell_id : std::string();
    };
    diagram::PageIndex after_idx(page);
    diagram::PageIndex before_idx(before_page);
    double right = 0, top = 1e18;
    for (const Cell& c : page.cells)
        if (auto b = after_idx.absolute_bounds(c.id)) {
            right = std::max(right, b->right());
            top = std::min(top, b->y);
        }
    if (top > 1e17) top = 20;
    for (const auto& a : diff.added)
        if (auto b = after_idx.absolute_bounds(cell_of(after, a.step_id)))
            frame(grow(*b, 4), "", "rounded=1;fillColor=none;strokeColor=#00a651;strokeWidth=4;html=1;",
                  "diff-added", a.step_id);
    for (const auto& ch : diff.changed) {
        auto b = after_idx.absolute_bounds(cell_of(after, ch.after.step_id));
        if (!b) continue;
        std::string what;
        for (const auto& f : ch.changes) what += (what.empty() ? "" : ", ") + f.field;
        frame(grow(*b, 4), "", "rounded=1;fillColor=none;strokeColor=#f08705;strokeWidth=4;html=1;",
              "diff-changed", ch.after.step_id);
        added_cells.back().set_data("tooltip", "changed: " + what);
        added_cells.back().set_data("changes", what);
    }
    for (const auto& r : diff.removed)
        if (auto b = before_idx.absolute_bounds(cell_of(before, r.step_id)))
            frame(
                *b, text_to_html("Removed: " + r.label),
                "rounded=1;whiteSpace=wrap;html=1;dashed=1;fillColor=#f8cecc;opacity=60;strokeColor=#ff0000;"
                "strokeWidth=2;fontColor=#990000;fontStyle=2;verticalAlign=top;spacing=6;",
                "diff-removed", r.step_id);
    // Legend, right of everything.
    const double lx = right + 40;
    frame(
        {lx, top, 220, 130}, "<b>Changes from the current state</b>",
        "rounded=0;whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=#666666;verticalAlign=top;align=left;"
        "spacing=8;",
        "diff-legend", "");
    const struct {
        const char* label;
        const char* style;
    } keys[] = {
        {"Added step",
         "rounded=1;fillColor=none;strokeColor=#00a651;strokeWidth=4;html=1;align=left;spacingLeft=8;"},
        {"Changed step",
         "rounded=1;fillColor=none;strokeColor=#f08705;strokeWidth=4;html=1;align=left;spacingLeft=8;"},
        {"Removed step",
         "rounded=1;dashed=1;fillColor=#f8cecc;strokeColor=#ff0000;strokeWidth=2;html=1;align=left;"
         "spacingLeft=8;"},
    };
    double ky = top + 36;
    for (const auto& k : keys) {
        frame({lx + 10, ky, 200, 24}, k.label, k.style, "diff-legend", "");
        ky += 30;
    }
    for (auto& c : added_cells) page.cells.push_back(std::move(c));
}

}  // namespace jstudio::journey
