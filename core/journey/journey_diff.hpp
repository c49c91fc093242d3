#pragma once
// Current-state vs future-state: which steps were added, removed or changed, which pain points were resolved
// or are new, and how the emotion moved per stage. Steps match by step id, then by lane kind + label.
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/journey/journey_map.hpp"

namespace jstudio::journey {

struct StepRef {
    std::string step_id, label, stage, lane;  // stage and lane by name
    bool operator==(const StepRef&) const = default;
};
struct FieldChange {
    std::string field;  // "label", "stage", "lane", "channel", "emotion"
    std::string before, after;
    bool operator==(const FieldChange&) const = default;
};
struct StepChange {
    StepRef before, after;
    std::vector<FieldChange> changes;  // in the order above
};
struct StageEmotion {
    std::string stage;                    // by name
    std::optional<double> before, after;  // mean score of the stage's emotion-lane steps; nullopt if none
};

struct JourneyDiff {
    std::vector<StepRef> added, removed;  // added: in the second map only; removed: in the first only
    std::vector<StepChange> changed;
    std::vector<StepRef> pain_points_resolved, pain_points_new;
    std::vector<StageEmotion> emotion_by_stage;  // stages of the first map, then new stages of the second
    bool has_step_changes() const { return !added.empty() || !removed.empty() || !changed.empty(); }
};

JourneyDiff diff_maps(const JourneyMap& before, const JourneyMap& after);

// Marks the diff on after_page (the page `after` was read from) on a new layer "Changes": green frames
// around added steps, orange around changed ones, red dashed ghosts where removed steps stood on
// before_page, and a legend. The user's own cells are left untouched.
void annotate_diff(diagram::Page& after_page, const diagram::Page& before_page, const JourneyMap& before,
                   const JourneyMap& after, const JourneyDiff& diff);

std::string format_emotion(double score);  // "+1", "-0.5", "0"

}  // namespace jstudio::journey
