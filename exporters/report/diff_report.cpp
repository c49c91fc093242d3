#include "exporters/report/diff_report.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace jstudio::exporters {

namespace {

nlohmann::json ref_json(const journey::StepRef& r) {
    return {{"step_id", r.step_id}, {"label", r.label}, {"stage", r.stage}, {"lane", r.lane}};
}

std::string write_json(const journey::JourneyDiff& d) {
    nlohmann::json j;
    for (const char* k :
         {"added", "removed", "changed", "pain_points_resolved", "pain_points_new", "emotion_by_stage"})
        j[k] = nlohmann::json::array();
    for (const auto& r : d.added) j["added"].push_back(ref_json(r));
    for (const auto& r : d.removed) j["removed"].push_back(ref_json(r));
    for (const auto& c : d.changed) {
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& f : c.changes)
            changes.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
        j["changed"].push_back(
            {{"step_id", c.after.step_id}, {"label", c.after.label}, {"changes", changes}});
    }
    for (const auto& r : d.pain_points_resolved) j["pain_points_resolved"].push_back(ref_json(r));
    for (const auto& r : d.pain_points_new) j["pain_points_new"].push_back(ref_json(r));
    for (const auto& e : d.emotion_by_stage) {
        nlohmann::json row = {
            {"stage", e.stage}, {"before", nullptr}, {"after", nullptr}, {"change", nullptr}};
        if (e.before) row["before"] = *e.before;
        if (e.after) row["after"] = *e.after;
        if (e.before && e.after) row["change"] = *e.after - *e.before;
        j["emotion_by_stage"].push_back(row);
    }
    // Names come from the user's files, in any bytes: invalid UTF-8 becomes U+FFFD instead of an exception.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string emotion_text(const std::optional<double>& v) {
    return v ? journey::format_emotion(*v) : "-";
}

std::string write_text(const journey::JourneyDiff& d, bool markdown) {
    std::ostringstream o;
    auto head = [&](const std::string& title, std::size_t n) {
        if (markdown)
            o << "\n## " << title << " (" << n << ")\n\n";
        else
            o << title << " (" << n << "):\n";
    };
    auto item = [&](const journey::StepRef& r) {
        o << (markdown ? "- " : "  ") << "[" << r.step_id << "] " << (markdown ? "**" : "'") << r.label
          << (markdown ? "**" : "'") << " (" << r.stage << " / " << r.lane << ")\n";
    };
    if (markdown) o << "# Journey diff\n";
    head("Steps added", d.added.size());
    for (const auto& r : d.added) item(r);
    head("Steps removed", d.removed.size());
    for (const auto& r : d.removed) item(r);
    head("Steps changed", d.changed.size());
    for (const auto& c : d.changed) {
        o << (markdown ? "- " : "  ") << "[" << c.after.step_id << "] " << c.after.label << "\n";
        for (const auto& f : c.changes)
            o << (markdown ? "  - " : "      ") << f.field << ": '" << f.before << "' -> '" << f.after
              << "'\n";
    }
    head("Pain points resolved", d.pain_points_resolved.size());
    for (const auto& r : d.pain_points_resolved) item(r);
    head("Pain points new", d.pain_points_new.size());
    for (const auto& r : d.pain_points_new) item(r);
    head("Emotion by stage", d.emotion_by_stage.size());
    if (markdown && !d.emotion_by_stage.empty())
        o << "| Stage | Before | After | Change |\n|---|---|---|---|\n";
    for (const auto& e : d.emotion_by_stage) {
        const std::string change = e.before && e.after ? journey::format_emotion(*e.after - *e.before) : "-";
        if (markdown)
            o << "| " << e.stage << " | " << emotion_text(e.before) << " | " << emotion_text(e.after) << " | "
              << change << " |\n";
        else
            o << "  " << e.stage << ": " << emotion_text(e.before) << " -> " << emotion_text(e.after) << " ("
              << change << ")\n";
    }
    return o.str();
}

}  // namespace

std::string write_diff_report(const journey::JourneyDiff& diff, ReportFormat format) {
    if (format == ReportFormat::json) return write_json(diff);
    return write_text(diff, format == ReportFormat::markdown);
}

}  // namespace jstudio::exporters
