#pragma once
// The steps of a journey and the transitions between them. Boost.Graph holds them (detail/boost_graph.hpp);
// this header includes no Boost, so callers see our names only.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jstudio::journey {

namespace detail {
struct Access;
}

// Emotion scores use ONE scale everywhere: -2 (very negative) .. +2 (very positive), 0 = neutral.
inline constexpr double emotion_min = -2.0;
inline constexpr double emotion_max = 2.0;

// A vertex index. Removing a step renumbers the rest, so identity across edits is Step::id, not StepId.
struct StepId {
    std::uint32_t index = 0;
    auto operator<=>(const StepId&) const = default;
};

struct Step {
    std::string id;                 // stable step id (metadata step-id); the diff matches steps by it
    std::string cell_id;            // draw.io cell id once drawn or read; "" for a step not yet drawn
    std::string label;              // plain text, '\n' between lines
    int stage = -1;                 // index into JourneyMap::stages; -1 = in no stage
    int lane = -1;                  // index into JourneyMap::lanes; -1 = unknown lane
    std::string channel;            // "web", "mobile app", "phone", ...; "" = none
    std::optional<double> emotion;  // emotion_min..emotion_max
    std::string persona;            // persona id this step belongs to; "" = every persona
    std::string notes, owner, kpi;
    std::string activity;  // the log activity or CRM stage it stands for (a flowchart's stage/step attribute)
    bool operator==(const Step&) const = default;
};

enum class TransitionKind { intended, alternative, loop_back };
const char* to_string(TransitionKind kind);
std::optional<TransitionKind> transition_kind_from(std::string_view text);

struct Transition {
    std::string cell_id, label;
    TransitionKind kind = TransitionKind::intended;
    bool operator==(const Transition&) const = default;
};

struct TransitionRef {
    StepId from, to;
    Transition transition;
};

class JourneyGraph {
  public:
    JourneyGraph();
    ~JourneyGraph();
    JourneyGraph(const JourneyGraph& other);
    JourneyGraph& operator=(const JourneyGraph& other);
    JourneyGraph(JourneyGraph&&) noexcept;
    JourneyGraph& operator=(JourneyGraph&&) noexcept;

    StepId add_step(Step step);
    void add_transition(StepId from, StepId to, Transition transition);
    const Step& step(StepId id) const;
    Step& step(StepId id);
    std::size_t step_count() const;
    std::vector<StepId> steps() const;               // in insertion order
    std::vector<TransitionRef> transitions() const;  // in insertion order of their source, then target
    std::vector<StepId> successors(StepId id) const;
    std::vector<StepId> predecessors(StepId id) const;
    std::optional<StepId> find(std::string_view step_id) const;  // by Step::id; nullopt if absent
    // Removes the steps for which drop(step) is true and their transitions; StepIds renumber.
    template <class Pred>
    void remove_steps_if(Pred drop) {
        std::vector<bool> mask;
        for (StepId s : steps()) mask.push_back(drop(step(s)));
        remove_masked(mask);
    }

    bool operator==(const JourneyGraph& other) const;  // same steps in order, same transitions

  private:
    void remove_masked(const std::vector<bool>& mask);
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    friend struct detail::Access;
};

}  // namespace jstudio::journey
