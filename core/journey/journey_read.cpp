#include "core/journey/journey_read.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_draw.hpp"
#include "core/journey/label_text.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::journey {

using diagram::Cell;
using diagram::CellKind;
using diagram::PageIndex;
using diagram::Rect;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        if (nl > start) out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::string plain_label(const Cell& c) {
    return c.is_html_label() ? html_to_text(c.label()) : c.label();
}

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

struct Band {
    std::string id;
    double start = 0, end = 0;  // page coordinates of the header
    const Cell* cell = nullptr;
};

// The band whose header range holds v; bands run up to the next one's start. -1 before the first.
int band_of(const std::vector<Band>& bands, double v) {
    int found = -1;
    for (std::size_t i = 0; i < bands.size(); ++i)
        if (v >= bands[i].start) found = static_cast<int>(i);
    return found;
}

}  // namespace

bool is_journey_page(const diagram::Page& page) {
    bool stage = false, lane = false;
    for (const Cell& c : page.cells) {
        if (!c.wrapper) continue;
        const std::string r = c.data("journey-role");
        stage = stage || r == role::stage_header;
        lane = lane || r == role::lane_header;
    }
    return stage && lane;
}

Result<JourneyMap> read_journey(const diagram::Page& page, Diagnostics* diagnostics) {
    const page::PageReading reading(page);
    return read_journey(reading, diagnostics);
}

namespace {

// A flowchart without journey structure: its nodes are the steps (in page order), its connectors between
// nodes the transitions. A `stage` or `step` attribute names the activity a node stands for.
JourneyMap read_flow(const page::PageReading& reading) {
    const diagram::Page& page = reading.page();
    JourneyMap map;
    map.title = page.name.value_or("");
    std::vector<std::optional<StepId>> step_of(page.cells.size());
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        if (reading.role(i) != page::Role::node) continue;
        const Cell& c = page.cells[i];
        Step step;
        step.cell_id = c.id;
        step.id = c.id;
        step.label = plain_label(c);
        step.activity = c.data("stage");
        if (step.activity.empty()) step.activity = c.data("step");
        step_of[i] = map.graph.add_step(std::move(step));
    }
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const page::Role r = reading.role(i);
        if (r != page::Role::connector && r != page::Role::transition) continue;
        const Cell& c = page.cells[i];
        const std::uint32_t from = reading.node_at(c.source), to = reading.node_at(c.target);
        if (from == page::PageReading::none || to == page::PageReading::none) continue;
        if (!step_of[from] || !step_of[to]) continue;
        Transition t;
        t.cell_id = c.id;
        t.label = plain_label(c);
        t.kind = c.style_or_empty().flag("dashed") ? TransitionKind::alternative : TransitionKind::intended;
        map.graph.add_transition(*step_of[from], *step_of[to], std::move(t));
    }
    return map;
}

}  // namespace

Result<JourneyMap> read_journey(const page::PageReading& reading, Diagnostics* diagnostics) {
    if (!reading.is_journey_map()) return read_flow(reading);
    const diagram::Page& page = reading.page();
    auto warn = [&](std::string message, const std::string& cell_id) {
        if (!diagnostics) return;
        Diagnostic d;
        d.message = std::move(message);
        d.where.page = page.name.value_or("");
        d.where.cell_id = cell_id;
        diagnostics->push_back(std::move(d));
    };
    JourneyMap map;
    std::vector<Band> stages, lanes;
    std::map<std::string, double> band_height;  // emotion lanes
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const Cell& c = page.cells[i];
        const page::Role r = reading.role(i);
        if (r == page::Role::map_title) {
            map.title = plain_label(c);
            map.kind = map_kind_from(c.data("kind")).value_or(MapKind::current_state);
            map.scenario = c.data("scenario");
            map.expectations = split_lines(c.data("expectations"));
        } else if (r == page::Role::persona) {
            Persona p;
            p.id = c.data("persona");
            p.name = c.data("name");
            p.role = c.data("role");
            p.quote = c.data("quote");
            p.goals = split_lines(c.data("goals"));
            p.needs = split_lines(c.data("needs"));
            p.frustrations = split_lines(c.data("frustrations"));
            for (const auto& line : split_lines(c.data("icp"))) {
                auto colon = line.find(": ");
                if (colon == std::string::npos)
                    p.icp.push_back({line, ""});
                else
                    p.icp.push_back({line.substr(0, colon), line.substr(colon + 2)});
            }
            map.personas.push_back(std::move(p));
        } else if (r == page::Role::stage_header || r == page::Role::lane_header) {
            const auto& b = reading.bounds(i);
            if (!b) continue;
            const bool is_stage = r == page::Role::stage_header;
            Band band{c.data(is_stage ? "stage" : "lane"), is_stage ? b->x : b->y,
                      is_stage ? b->right() : b->bottom(), &c};
            if (band.id.empty()) band.id = c.id;
            (is_stage ? stages : lanes).push_back(band);
        }
    }
    auto by_start = [](const Band& a, const Band& b) { return a.start < b.start; };
    std::stable_sort(stages.begin(), stages.end(), by_start);
    std::stable_sort(lanes.begin(), lanes.end(), by_start);
    for (const Band& b : stages) {
        std::string label = plain_label(*b.cell);
        // The header shows "name<br>description": the first line is the name.
        const std::string description = b.cell->data("description");
        auto lines = split_lines(label);
        Stage s{b.id, lines.empty() ? b.id : lines.front(), description};
        if (lines.size() > 1 && description.empty()) {
            for (std::size_t i = 1; i < lines.size(); ++i) s.description += (i > 1 ? "\n" : "") + lines[i];
        }
        map.stages.push_back(std::move(s));
    }
    for (const Band& b : lanes) {
        Lane lane;
        lane.id = b.id;
        const std::string kind = b.cell->data("lane-kind");
        {
            lane.kind = lane_kind_from(kind).value_or(LaneKind::custom);
            lane.name = plain_label(*b.cell);
            if (lane.kind == LaneKind::emotions)
                band_height[lane.id] = parse_number(b.cell->data("band-height")).value_or(40);
        }
        map.lanes.push_back(std::move(lane));
    }
    if (stages.empty() || lanes.empty()) return map;
    // Steps, in file order: the page reading's journey cards (by metadata, or a plain shape in the grid).
    std::set<std::string> step_ids;
    std::map<std::string, StepId> by_cell;
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        if (!page::is_journey_card(reading.role(i))) continue;
        const Cell& c = page.cells[i];
        const std::string r = c.data("journey-role");
        const bool ours = is_step_role(r);
        const auto& b = reading.bounds(i);
        if (!b) continue;
        const double cx = b->x + b->width / 2, cy = b->y + b->height / 2;
        Step step;
        step.cell_id = c.id;
        step.id = c.data("step-id");
        if (step.id.empty() || step_ids.count(step.id)) step.id = c.id;  // new shape, or a copy-pasted card
        step_ids.insert(step.id);
        step.label = plain_label(c);
        step.stage = std::max(0, band_of(stages, cx));
        step.lane = std::max(0, band_of(lanes, cy));
        // Lanes without cards (the line of visibility) catch nothing: a card there goes to the lane above.
        while (step.lane > 0 &&
               map.lanes[static_cast<std::size_t>(step.lane)].kind == LaneKind::line_of_visibility)
            --step.lane;
        step.persona = c.data("persona");
        step.owner = c.data("owner");
        step.kpi = c.data("kpi");
        step.notes = c.data("notes");
        step.channel = c.data("channel");
        for (const Cell* child : reading.index().children(c.id))
            if (child->data("journey-role") == role::channel_tag) step.channel = plain_label(*child);
        step.emotion = parse_number(c.data("emotion"));
        if (c.wrapper && c.wrapper->attributes.has("emotion") && !step.emotion)
            warn("emotion '" + c.data("emotion") + "' is not a number", c.id);
        const Lane& lane = map.lanes[static_cast<std::size_t>(step.lane)];
        if (lane.kind == LaneKind::emotions) {
            // The band the card's centre sits in is its score; keep a finer stored score in the same band.
            const double bh = band_height[lane.id];
            const double top = lanes[static_cast<std::size_t>(step.lane)].start + 10;
            const double level = std::clamp(std::floor((cy - top) / bh), 0.0, 4.0);
            const double score = 2 - level;
            if (!step.emotion || std::clamp(std::round(*step.emotion), -2.0, 2.0) != score)
                step.emotion = score;
        }
        if (r != role::emotion && lane.kind != LaneKind::emotions && !ours) step.emotion.reset();
        by_cell[c.id] = map.graph.add_step(std::move(step));
    }
    // An arrow attached to a channel tag (a child of its card), a badge or a frame belongs to the card.
    auto step_of = [&](const std::string& id) -> std::optional<StepId> {
        auto it = by_cell.find(id);
        if (it != by_cell.end()) return it->second;
        if (const Cell* cell = reading.index().find(id)) {
            auto p = by_cell.find(cell->parent);
            if (p != by_cell.end()) return p->second;
        }
        const std::uint32_t node = reading.node_at(id);
        if (node == page::PageReading::none) return std::nullopt;
        auto n = by_cell.find(page.cells[node].id);
        if (n == by_cell.end()) return std::nullopt;
        return n->second;
    };
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const Cell& c = page.cells[i];
        const page::Role edge_role = reading.role(i);
        if (edge_role != page::Role::connector && edge_role != page::Role::transition) continue;
        const std::string r = c.data("journey-role");
        auto from = step_of(c.source), to = step_of(c.target);
        if (!from || !to) {
            if (r == role::transition) warn("transition is no longer glued to two steps; dropped", c.id);
            continue;
        }
        Transition t;
        t.cell_id = c.id;
        t.label = plain_label(c);
        auto kind = transition_kind_from(c.data("kind"));
        if (r.empty())
            kind = c.style_or_empty().flag("dashed") ? TransitionKind::alternative : TransitionKind::intended;
        t.kind = kind.value_or(TransitionKind::intended);
        map.graph.add_transition(*from, *to, std::move(t));
    }
    return map;
}

}  // namespace jstudio::journey
