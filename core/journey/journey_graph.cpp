#include "core/journey/journey_graph.hpp"

#include <stdexcept>

#include "core/journey/detail/boost_graph.hpp"

namespace jstudio::journey {

struct JourneyGraph::Impl {
    detail::BoostGraph graph;
};

const char* to_string(TransitionKind kind) {
    switch (kind) {
        case TransitionKind::intended:
            return "intended";
        case TransitionKind::alternative:
            return "alternative";
        case TransitionKind::loop_back:
            return "loop-back";
    }
    return "intended";
}

std::optional<TransitionKind> transition_kind_from(std::string_view text) {
    if (text == "intended" || text.empty()) return TransitionKind::intended;
    if (text == "alternative") return TransitionKind::alternative;
    if (text == "loop-back" || text == "loop_back") return TransitionKind::loop_back;
    return std::nullopt;
}

JourneyGraph::JourneyGraph() : m_impl(std::make_unique<Impl>()) {}
JourneyGraph::~JourneyGraph() = default;
JourneyGraph::JourneyGraph(const JourneyGraph& other) : m_impl(std::make_unique<Impl>(*other.m_impl)) {}
JourneyGraph& JourneyGraph::operator=(const JourneyGraph& other) {
    if (this != &other) m_impl = std::make_unique<Impl>(*other.m_impl);
    return *this;
}
JourneyGraph::JourneyGraph(JourneyGraph&& other) noexcept : m_impl(std::move(other.m_impl)) {
    other.m_impl = nullptr;
}
JourneyGraph& JourneyGraph::operator=(JourneyGraph&& other) noexcept {
    std::swap(m_impl, other.m_impl);
    return *this;
}

StepId JourneyGraph::add_step(Step step) {
    auto v = boost::add_vertex(std::move(step), m_impl->graph);
    return StepId{static_cast<std::uint32_t>(v)};
}

void JourneyGraph::add_transition(StepId from, StepId to, Transition transition) {
    if (from.index >= step_count() || to.index >= step_count())
        throw std::out_of_range("JourneyGraph::add_transition: no such step");
    boost::add_edge(from.index, to.index, std::move(transition), m_impl->graph);
}

const Step& JourneyGraph::step(StepId id) const {
    return m_impl->graph[id.index];
}
Step& JourneyGraph::step(StepId id) {
    return m_impl->graph[id.index];
}
std::size_t JourneyGraph::step_count() const {
    return boost::num_vertices(m_impl->graph);
}

std::vector<StepId> JourneyGraph::steps() const {
    std::vector<StepId> out;
    for (std::size_t i = 0; i < step_count(); ++i) out.push_back(StepId{static_cast<std::uint32_t>(i)});
    return out;
}

std::vector<TransitionRef> JourneyGraph::transitions() const {
    std::vector<TransitionRef> out;
    const auto& g = m_impl->graph;
    for (std::size_t v = 0; v < step_count(); ++v)
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
            out.push_back({StepId{static_cast<std::uint32_t>(v)},
                           StepId{static_cast<std::uint32_t>(boost::target(*it, g))}, g[*it]});
    return out;
}

std::vector<StepId> JourneyGraph::successors(StepId id) const {
    std::vector<StepId> out;
    for (auto [it, end] = boost::adjacent_vertices(id.index, m_impl->graph); it != end; ++it)
        out.push_back(StepId{static_cast<std::uint32_t>(*it)});
    return out;
}

std::vector<StepId> JourneyGraph::predecessors(StepId id) const {
    std::vector<StepId> out;
    for (auto [it, end] = boost::in_edges(id.index, m_impl->graph); it != end; ++it)
        out.push_back(StepId{static_cast<std::uint32_t>(boost::source(*it, m_impl->graph))});
    return out;
}

std::optional<StepId> JourneyGraph::find(std::string_view step_id) const {
    for (std::size_t i = 0; i < step_count(); ++i)
        if (m_impl->graph[i].id == step_id) return StepId{static_cast<std::uint32_t>(i)};
    return std::nullopt;
}

void JourneyGraph::remove_masked(const std::vector<bool>& mask) {
    // vecS renumbers on removal, so rebuild: cheaper to reason about than remove_vertex in a loop.
    Impl fresh;
    std::vector<long> new_index(step_count(), -1);
    for (std::size_t i = 0; i < step_count(); ++i)
        if (!mask[i]) new_index[i] = static_cast<long>(boost::add_vertex(m_impl->graph[i], fresh.graph));
    for (const auto& t : transitions())
        if (new_index[t.from.index] >= 0 && new_index[t.to.index] >= 0)
            boost::add_edge(static_cast<std::size_t>(new_index[t.from.index]),
                            static_cast<std::size_t>(new_index[t.to.index]), t.transition, fresh.graph);
    *m_impl = std::move(fresh);
}

bool JourneyGraph::operator==(const JourneyGraph& other) const {
    if (step_count() != other.step_count()) return false;
    for (std::size_t i = 0; i < step_count(); ++i)
        if (!(m_impl->graph[i] == other.m_impl->graph[i])) return false;
    auto a = transitions(), b = other.transitions();
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].from != b[i].from || a[i].to != b[i].to || !(a[i].transition == b[i].transition))
            return false;
    return true;
}

const detail::BoostGraph& detail::Access::boost_graph(const JourneyGraph& graph) {
    return graph.m_impl->graph;
}
detail::BoostGraph& detail::Access::boost_graph(JourneyGraph& graph) {
    return graph.m_impl->graph;
}

}  // namespace jstudio::journey
