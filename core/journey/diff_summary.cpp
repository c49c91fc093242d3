#include "core/journey/diff_summary.hpp"

#include "core/journey/journey_draw.hpp"

namespace jstudio::journey {

namespace {

std::vector<std::string> cells_of(const diagram::Page& page, const std::string& step_id) {
    std::vector<std::string> out;
    for (const auto& c : page.cells) {
        if (!c.wrapper || !is_step_role(c.data("journey-role"))) continue;
        const std::string id = c.data("step-id");
        if (id == step_id || (id.empty() && c.id == step_id)) out.push_back(c.id);
    }
    return out;
}

std::string where(const StepRef& r) {
    return r.stage + " / " + r.lane;
}

std::string optional_emotion(const std::optional<double>& v) {
    return v ? format_emotion(*v) : "-";
}

}  // namespace

std::vector<DiffLine> summarize_diff(const JourneyDiff& diff, const diagram::Page& after_page) {
    std::vector<DiffLine> out;
    for (const auto& r : diff.added)
        out.push_back({"added", r.label, where(r), "", cells_of(after_page, r.step_id)});
    for (const auto& r : diff.removed) out.push_back({"removed", r.label, where(r), "", {}});
    for (const auto& c : diff.changed) {
        std::string detail;
        for (const auto& f : c.changes)
            detail += (detail.empty() ? "" : "; ") + f.field + ": '" + f.before + "' -> '" + f.after + "'";
        out.push_back(
            {"changed", c.after.label, where(c.after), detail, cells_of(after_page, c.after.step_id)});
    }
    for (const auto& r : diff.pain_points_resolved)
        out.push_back({"pain point resolved", r.label, where(r), "", cells_of(after_page, r.step_id)});
    for (const auto& r : diff.pain_points_new)
        out.push_back({"new pain point", r.label, where(r), "", cells_of(after_page, r.step_id)});
    for (const auto& e : diff.emotion_by_stage) {
        std::string detail = optional_emotion(e.before) + " -> " + optional_emotion(e.after);
        if (e.before && e.after) detail += " (" + format_emotion(*e.after - *e.before) + ")";
        out.push_back({"emotion", e.stage, e.stage, detail, {}});
    }
    return out;
}

}  // namespace jstudio::journey
