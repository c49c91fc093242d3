#include "core/journey/journey_draw.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "core/journey/label_text.hpp"
#include "core/text/text_metrics.hpp"

namespace jstudio::journey {

using diagram::Cell;
using diagram::CellKind;
using diagram::Geometry;
using diagram::Page;
using diagram::Rect;
using diagram::Style;

namespace {

constexpr double font_size = 12;
constexpr double card_spacing = 6;  // style spacing=6 on cards
constexpr double tag_row = 22;      // room under the text for the channel tag
constexpr double min_card_height = 44;
constexpr double emotion_levels = 5;  // -2..+2

std::string fmt_num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// The band a lane keeps above its cards for labelled transitions between them: one line of label.
constexpr double transition_label_band = 22;

// Height of a wrapped label with draw.io's html=1 + whiteSpace=wrap box: width minus spacing on both
// sides; 4 px kept back for the browser's own rounding.
double text_height(std::string_view text, double box_width, double spacing, bool bold) {
    text::FontSpec font{font_size, bold};
    auto block = text::measure_block(text, box_width - 2 * spacing - 4, font);
    return block.height;
}

Cell make_vertex(std::string id, std::string parent, std::string label, std::string style, Rect r) {
    Cell c;
    c.id = std::move(id);
    c.parent = std::move(parent);
    c.kind = CellKind::vertex;
    c.vertex = true;
    c.value = std::move(label);
    c.style = Style::parse(style);
    Geometry g;
    g.bounds = r;
    c.geometry = g;
    return c;
}

Cell make_edge(std::string id, std::string source, std::string target, std::string label, std::string style) {
    Cell c;
    c.id = std::move(id);
    c.parent = "1";
    c.kind = CellKind::edge;
    c.edge = true;
    c.value = std::move(label);
    c.style = Style::parse(style);
    c.source = std::move(source);
    c.target = std::move(target);
    Geometry g;
    g.relative = true;
    c.geometry = g;
    return c;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

const char* card_role(LaneKind kind) {
    switch (kind) {
        case LaneKind::pain_points:
            return role::pain_point;
        case LaneKind::opportunities:
            return role::opportunity;
        case LaneKind::emotions:
            return role::emotion;
        default:
            return role::step;
    }
}

// Distinct looks per lane: a consultant reads pain points (red, heavy) and opportunities (green) at a glance.
std::string card_style(LaneKind kind) {
    const std::string base =
        "rounded=1;whiteSpace=wrap;html=1;verticalAlign=top;spacing=6;arcSize=8;fontSize=12;";
    switch (kind) {
        case LaneKind::actions:
            return base + "fillColor=#dae8fc;strokeColor=#6c8ebf;";
        case LaneKind::touchpoints:
            return base + "fillColor=#e1d5e7;strokeColor=#9673a6;";
        case LaneKind::thoughts:
            return base + "fillColor=#f5f5f5;strokeColor=#999999;fontStyle=2;";
        case LaneKind::pain_points:
            return "rounded=0;whiteSpace=wrap;html=1;verticalAlign=top;spacing=6;fontSize=12;fillColor=#"
                   "f8cecc;"
                   "strokeColor=#b85450;strokeWidth=2;";
        case LaneKind::opportunities:
            return base + "fillColor=#d5e8d4;strokeColor=#82b366;strokeWidth=2;dashed=1;";
        case LaneKind::owner:
        case LaneKind::kpis:
            return base + "fillColor=#fff2cc;strokeColor=#d6b656;";
        case LaneKind::frontstage:
            return base + "fillColor=#dae8fc;strokeColor=#6c8ebf;";
        case LaneKind::backstage:
            return base + "fillColor=#e1d5e7;strokeColor=#9673a6;";
        case LaneKind::support:
            return base + "fillColor=#f5f5f5;strokeColor=#666666;";
        default:
            return base + "fillColor=#ffffff;strokeColor=#666666;";
    }
}

const char* transition_style(TransitionKind kind) {
    switch (kind) {
        case TransitionKind::intended:
            return "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;strokeWidth=2;"
                   "strokeColor=#6c8ebf;";
        case TransitionKind::alternative:
            return "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=open;dashed=1;strokeColor=#"
                   "9673a6;";
        case TransitionKind::loop_back:
            return "curved=1;html=1;endArrow=open;dashed=1;dashPattern=1 3;strokeColor=#b85450;";
    }
    return "";
}

struct Placed {
    StepId id;
    Rect r;
};

}  // namespace

bool is_step_role(std::string_view r) {
    return r == role::step || r == role::pain_point || r == role::opportunity || r == role::emotion;
}

const char* persona_colour(std::size_t i) {
    static const char* palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};
    return palette[i % 6];
}

const char* emotion_fill(double score) {
    if (score <= -1.5) return "#f8cecc";
    if (score <= -0.5) return "#ffe6cc";
    if (score < 0.5) return "#fff2cc";
    if (score < 1.5) return "#e6f4d7";
    return "#b9e0a5";
}

void assign_cell_ids(JourneyMap& map) {
    for (StepId s : map.graph.steps()) {
        Step& step = map.graph.step(s);
        if (step.cell_id.empty()) step.cell_id = "jm-step-" + step.id;
    }
    // Transitions live in the Boost graph's edges; rebuild with ids where missing.
    auto list = map.graph.transitions();
    bool missing =
        std::any_of(list.begin(), list.end(), [](auto& t) { return t.transition.cell_id.empty(); });
    if (!missing) return;
    JourneyGraph fresh;
    for (StepId s : map.graph.steps()) fresh.add_step(map.graph.step(s));
    std::size_t n = 0;
    for (auto& t : list) {
        ++n;
        if (t.transition.cell_id.empty())
            t.transition.cell_id = "jm-t-" + map.graph.step(t.from).id + "-" + map.graph.step(t.to).id;
        fresh.add_transition(t.from, t.to, t.transition);
    }
    map.graph = std::move(fresh);
}

Page draw_map(const JourneyMap& map, const std::string& page_id, const std::string& page_name,
              const DrawOptions& opt) {
    Page page = diagram::make_page(page_id, page_name);
    auto& cells = page.cells;
    const double margin = 20;

    // Title, carrying the map-wide metadata.
    {
        text::FontSpec title_font{22, true};
        double w = std::max(200.0, text::text_width(map.title, title_font) + 30);
        Cell c = make_vertex("jm-title", "1", text_to_html(map.title),
                             "text;html=1;fontSize=22;fontStyle=1;align=left;verticalAlign=middle;spacing=6;"
                             "whiteSpace=wrap;",
                             {margin, margin, w, 40});
        c.set_data("journey-role", role::title);
        c.set_data("kind", to_string(map.kind));
        c.set_data("scenario", map.scenario);
        c.set_data("expectations", join(map.expectations, "\n"));
        cells.push_back(std::move(c));
    }

    // Persona cards and the scenario card, side by side.
    double row_y = margin + 40 + 16;
    double x = margin;
    double row_h = 0;
    std::vector<Cell> top_cards;
    auto paragraph_card = [&](const std::vector<std::pair<std::string, bool>>& paras, double width) {
        // Measured bold throughout: bold is the wider face, so the card is never too small for either.
        double h = 0;
        std::string html;
        for (const auto& [text, is_head] : paras) {
            h += text_height(text, width, 10, true);
            if (!html.empty()) html += "<br>";
            html += is_head ? "<b>" + text_to_html(text) + "</b>" : text_to_html(text);
        }
        return std::pair{html, h + 2 * 10 + 4};
    };
    for (std::size_t i = 0; i < map.personas.size(); ++i) {
        const Persona& p = map.personas[i];
        std::vector<std::pair<std::string, bool>> paras;
        paras.push_back({p.name, true});
        if (!p.role.empty()) paras.push_back({p.role, false});
        if (!p.quote.empty()) paras.push_back({"\u201c" + p.quote + "\u201d", false});
        auto list = [&](const char* head, const std::vector<std::string>& items) {
            if (items.empty()) return;
            paras.push_back({head, true});
            for (const auto& it : items) paras.push_back({"\u2022 " + it, false});
        };
        list("Goals", p.goals);
        list("Needs", p.needs);
        list("Frustrations", p.frustrations);
        if (!p.icp.empty()) {
            paras.push_back({"Profile", true});
            for (const auto& [k, v] : p.icp) paras.push_back({k + ": " + v, false});
        }
        const double w = 300;
        auto [html, h] = paragraph_card(paras, w);
        Cell c = make_vertex(
            "jm-persona-" + p.id, "1", html,
            std::string("rounded=1;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacing=10;"
                        "arcSize=4;fillColor=#ffffff;strokeWidth=2;strokeColor=") +
                persona_colour(i) + ";",
            {x, row_y, w, h});
        c.set_data("journey-role", role::persona);
        c.set_data("persona", p.id);
        c.set_data("name", p.name);
        c.set_data("role", p.role);
        c.set_data("quote", p.quote);
        c.set_data("goals", join(p.goals, "\n"));
        c.set_data("needs", join(p.needs, "\n"));
        c.set_data("frustrations", join(p.frustrations, "\n"));
        std::vector<std::string> icp;
        for (const auto& [k, v] : p.icp) icp.push_back(k + ": " + v);
        c.set_data("icp", join(icp, "\n"));
        row_h = std::max(row_h, h);
        x += w + 16;
        top_cards.push_back(std::move(c));
    }
    {
        std::vector<std::pair<std::string, bool>> paras;
        paras.push_back({"Scenario", true});
        paras.push_back({map.scenario.empty() ? "(describe the scenario)" : map.scenario, false});
        if (!map.expectations.empty()) {
            paras.push_back({"Expectations", true});
            for (const auto& e : map.expectations) paras.push_back({"\u2022 " + e, false});
        }
        const double w = 380;
        auto [html, h] = paragraph_card(paras, w);
        Cell c =
            make_vertex("jm-scenario", "1", html,
                        "rounded=1;whiteSpace=wrap;html=1;align=left;verticalAlign=top;spacing=10;arcSize=4;"
                        "fillColor=#f5f5f5;strokeColor=#666666;",
                        {x, row_y, w, h});
        c.set_data("journey-role", role::scenario);
        row_h = std::max(row_h, h);
        top_cards.push_back(std::move(c));
    }
    for (auto& c : top_cards) cells.push_back(std::move(c));

    // The grid.
    const double grid_x = margin;
    const double grid_y = row_y + row_h + 30;
    const double cols_x = grid_x + opt.header_width + 6;
    const std::size_t n_stages = map.stages.size();
    const double card_w = opt.stage_width - 2 * opt.card_padding - 6;
    auto stage_x = [&](std::size_t i) { return cols_x + static_cast<double>(i) * opt.stage_width; };

    // Stage headers: name (bold) and description.
    double header_h = 0;
    std::vector<std::pair<std::string, double>> stage_labels;
    for (const auto& s : map.stages) {
        double h = text_height(s.name, opt.stage_width - 6, 6, true);
        std::string html = "<b>" + text_to_html(s.name) + "</b>";
        if (!s.description.empty()) {
            h += text_height(s.description, opt.stage_width - 6, 6, true);
            html += "<br>" + text_to_html(s.description);
        }
        header_h = std::max(header_h, h + 2 * 6 + 4);
        stage_labels.push_back({html, h});
    }
    header_h = std::max(header_h, 40.0);
    for (std::size_t i = 0; i < n_stages; ++i) {
        Cell c = make_vertex("jm-stage-" + map.stages[i].id, "1", stage_labels[i].first,
                             "rounded=0;whiteSpace=wrap;html=1;spacing=6;fillColor=#23445d;strokeColor=none;"
                             "fontColor=#ffffff;verticalAlign=middle;",
                             {stage_x(i), grid_y, opt.stage_width - 6, header_h});
        c.set_data("journey-role", role::stage_header);
        c.set_data("stage", map.stages[i].id);
        c.set_data("description", map.stages[i].description);
        cells.push_back(std::move(c));
    }

    // Size every card, then every lane row.
    struct CardSize {
        double w = 0, h = 0;
    };
    const auto steps = map.graph.steps();
    std::vector<CardSize> size(steps.size());
    // Emotion cards share their stage's width: one sub-column per card, so they never overlap.
    std::map<std::pair<int, int>, std::vector<StepId>> by_cell;
    for (StepId s : steps) {
        const Step& st = map.graph.step(s);
        by_cell[{st.lane, st.stage}].push_back(s);
    }
    auto lane_kind = [&](int lane) {
        return lane >= 0 && lane < static_cast<int>(map.lanes.size())
                   ? map.lanes[static_cast<std::size_t>(lane)].kind
                   : LaneKind::custom;
    };
    for (auto& [key, ids] : by_cell) {
        const bool emotion_lane = lane_kind(key.first) == LaneKind::emotions;
        const double n = static_cast<double>(ids.size());
        const double w = emotion_lane ? (card_w - (n - 1) * opt.card_gap) / n : card_w;
        for (StepId s : ids) {
            const Step& st = map.graph.step(s);
            double h =
                text_height(st.label.empty() ? " " : st.label, w, card_spacing, false) + 2 * card_spacing + 4;
            if (!st.channel.empty() && !emotion_lane) h += tag_row;
            size[s.index] = {w, std::max(min_card_height, std::ceil(h))};
        }
    }
    // Emotion band height: the tallest emotion card plus a gap.
    std::vector<double> band_h(map.lanes.size(), 0);
    std::vector<double> lane_h(map.lanes.size(), 70);
    for (auto& [key, ids] : by_cell) {
        if (key.first < 0 || key.first >= static_cast<int>(map.lanes.size())) continue;
        const auto lane = static_cast<std::size_t>(key.first);
        if (map.lanes[lane].kind == LaneKind::emotions) {
            for (StepId s : ids) band_h[lane] = std::max(band_h[lane], size[s.index].h + 6);
        } else {
            double stack = 0;
            for (StepId s : ids) stack += size[s.index].h + opt.card_gap;
            lane_h[lane] = std::max(lane_h[lane], stack - opt.card_gap + 2 * opt.card_padding + 6);
        }
    }
    // A labelled transition between two cards of one lane runs above them, through a band at the top of the
    // lane that holds its label: between two neighbouring cards there is no room for a label, which then
    // covered the cards' text.
    std::vector<double> label_band(map.lanes.size(), 0);
    auto banded = [&](const Step& a, const Step& b, const std::string& label) {
        return !label.empty() && a.lane == b.lane && a.lane >= 0 &&
               a.lane < static_cast<int>(map.lanes.size()) && a.stage >= 0 && b.stage >= 0 &&
               a.stage != b.stage && map.lanes[static_cast<std::size_t>(a.lane)].kind != LaneKind::emotions &&
               map.lanes[static_cast<std::size_t>(a.lane)].kind != LaneKind::line_of_visibility;
    };
    for (const auto& t : map.graph.transitions()) {
        const Step& a = map.graph.step(t.from);
        const Step& b = map.graph.step(t.to);
        if (banded(a, b, t.transition.label))
            label_band[static_cast<std::size_t>(a.lane)] = transition_label_band;
    }
    for (std::size_t l = 0; l < map.lanes.size(); ++l) {
        lane_h[l] += label_band[l];
        if (map.lanes[l].kind == LaneKind::emotions) {
            band_h[l] = std::max(band_h[l], 40.0);
            lane_h[l] = emotion_levels * band_h[l] + 2 * opt.card_padding + 6;
        } else if (map.lanes[l].kind == LaneKind::line_of_visibility) {
            lane_h[l] = 40;
        }
        // The lane header label must fit too.
        lane_h[l] = std::max(lane_h[l], text_height(map.lanes[l].name, opt.header_width, 6, true) + 24);
    }

    // Lane bands (behind), lane headers, then cards.
    std::vector<double> lane_y(map.lanes.size());
    double y = grid_y + header_h + 6;
    const double grid_right = stage_x(n_stages) - 6;
    for (std::size_t l = 0; l < map.lanes.size(); ++l) {
        lane_y[l] = y;
        y += lane_h[l];
    }
    for (std::size_t l = 0; l < map.lanes.size(); ++l) {
        const Lane& lane = map.lanes[l];
        if (lane.kind == LaneKind::line_of_visibility) {
            Cell line = make_vertex("jm-visibility-" + lane.id, "1", "",
                                    "line;strokeWidth=2;dashed=1;strokeColor=#b85450;html=1;",
                                    {cols_x, lane_y[l] + lane_h[l] / 2 - 8, grid_right - cols_x, 10});
            line.set_data("journey-role", role::visibility_line);
            line.set_data("lane", lane.id);
            cells.push_back(std::move(line));
            continue;
        }
        Cell band = make_vertex("jm-band-" + lane.id, "1", "",
                                std::string("rounded=0;html=1;strokeColor=none;fillColor=") +
                                    (l % 2 ? "#ffffff" : "#f7f9fc") + ";",
                                {cols_x, lane_y[l], grid_right - cols_x, lane_h[l] - 6});
        band.set_data("journey-role", role::lane_band);
        band.set_data("lane", lane.id);
        cells.push_back(std::move(band));
    }
    std::vector<Cell> scale_cells;
    for (std::size_t l = 0; l < map.lanes.size(); ++l) {
        const Lane& lane = map.lanes[l];
        const bool emotions = lane.kind == LaneKind::emotions;
        Cell c =
            make_vertex("jm-lane-" + lane.id, "1", "<b>" + text_to_html(lane.name) + "</b>",
                        std::string("rounded=0;whiteSpace=wrap;html=1;spacing=6;align=left;fillColor=#dfe6ee;"
                                    "strokeColor=none;fontColor=#23445d;") +
                            (emotions ? "spacingRight=40;" : ""),
                        {grid_x, lane_y[l], opt.header_width, lane_h[l] - 6});
        c.set_data("journey-role", role::lane_header);
        c.set_data("lane", lane.id);
        c.set_data("lane-kind", to_string(lane.kind));
        if (emotions) {
            c.set_data("band-height", fmt_num(band_h[l]));
            c.set_data("scale", "-2..+2");
            // Scale ticks: children of the header, so moving the header moves them.
            for (int level = 0; level < 5; ++level) {
                const double score = 2 - level;
                Cell tick =
                    make_vertex("jm-lane-" + lane.id + "-tick" + std::to_string(level), c.id,
                                score > 0 ? "+" + fmt_num(score) : fmt_num(score),
                                std::string("rounded=1;html=1;fontSize=10;strokeColor=none;fillColor=") +
                                    emotion_fill(score) + ";",
                                {opt.header_width - 34,
                                 opt.card_padding + level * band_h[l] + band_h[l] / 2 - 9, 28, 18});
                tick.set_data("journey-role", role::emotion_scale);
                tick.set_data("emotion", fmt_num(score));
                scale_cells.push_back(std::move(tick));
            }
        }
        cells.push_back(std::move(c));
    }
    for (auto& t : scale_cells) cells.push_back(std::move(t));

    // Card positions.
    std::vector<Rect> at(steps.size());
    std::vector<bool> placed(steps.size(), false);
    double overflow_y = y + 20;  // steps in no stage or an unknown lane go below the grid, so nothing is lost
    double overflow_x = cols_x;
    for (auto& [key, ids] : by_cell) {
        const auto [lane, stage] = key;
        const bool in_grid = lane >= 0 && lane < static_cast<int>(map.lanes.size()) && stage >= 0 &&
                             stage < static_cast<int>(n_stages);
        if (!in_grid) {
            for (StepId s : ids) {
                at[s.index] = {overflow_x, overflow_y, size[s.index].w, size[s.index].h};
                placed[s.index] = true;
                overflow_x += size[s.index].w + opt.card_gap;
            }
            continue;
        }
        const auto l = static_cast<std::size_t>(lane);
        const double cx = stage_x(static_cast<std::size_t>(stage)) + opt.card_padding;
        if (map.lanes[l].kind == LaneKind::emotions) {
            double sx = cx;
            for (StepId s : ids) {
                const double score = std::clamp(std::round(map.graph.step(s).emotion.value_or(0)), -2.0, 2.0);
                const double band_top = lane_y[l] + opt.card_padding + (2 - score) * band_h[l];
                at[s.index] = {sx, band_top + (band_h[l] - size[s.index].h) / 2, size[s.index].w,
                               size[s.index].h};
                placed[s.index] = true;
                sx += size[s.index].w + opt.card_gap;
            }
        } else {
            double sy = lane_y[l] + opt.card_padding + label_band[l];
            for (StepId s : ids) {
                at[s.index] = {cx, sy, size[s.index].w, size[s.index].h};
                placed[s.index] = true;
                sy += size[s.index].h + opt.card_gap;
            }
        }
    }

    // Emotion curves first, so the cards draw over the lines.
    for (std::size_t p = 0; p <= map.personas.size(); ++p) {
        const std::string pid = p < map.personas.size() ? map.personas[p].id : std::string();
        std::vector<StepId> points;
        for (StepId s : steps) {
            const Step& st = map.graph.step(s);
            if (lane_kind(st.lane) == LaneKind::emotions && st.persona == pid && st.emotion && st.stage >= 0)
                points.push_back(s);
        }
        std::stable_sort(points.begin(), points.end(),
                         [&](StepId a, StepId b) { return at[a.index].x < at[b.index].x; });
        for (std::size_t k = 1; k < points.size(); ++k) {
            const Step& a = map.graph.step(points[k - 1]);
            const Step& b = map.graph.step(points[k]);
            Cell e =
                make_edge("jm-curve-" + (pid.empty() ? std::string("all") : pid) + "-" + std::to_string(k),
                          a.cell_id.empty() ? "jm-step-" + a.id : a.cell_id,
                          b.cell_id.empty() ? "jm-step-" + b.id : b.cell_id, "",
                          std::string("endArrow=none;html=1;strokeWidth=3;opacity=70;strokeColor=") +
                              (pid.empty() ? "#666666" : persona_colour(p)) + ";");
            e.set_data("journey-role", role::emotion_curve);
            e.set_data("persona", pid);
            cells.push_back(std::move(e));
        }
    }

    for (StepId s : steps) {
        const Step& st = map.graph.step(s);
        const LaneKind kind = lane_kind(st.lane);
        std::string style = card_style(kind);
        if (kind == LaneKind::emotions) {
            style =
                "rounded=1;whiteSpace=wrap;html=1;verticalAlign=middle;spacing=6;arcSize=40;fontSize=12;"
                "strokeWidth=2;fillColor=" +
                std::string(emotion_fill(st.emotion.value_or(0))) + ";strokeColor=";
            std::size_t pi = 0;
            for (; pi < map.personas.size(); ++pi)
                if (map.personas[pi].id == st.persona) break;
            style += pi < map.personas.size() ? persona_colour(pi) : "#666666";
            style += ";";
        }
        const std::string cell_id = st.cell_id.empty() ? "jm-step-" + st.id : st.cell_id;
        Cell c = make_vertex(cell_id, "1", text_to_html(st.label), style, at[s.index]);
        c.set_data("journey-role", card_role(kind));
        c.set_data("step-id", st.id);
        c.set_data("stage", st.stage >= 0 && st.stage < static_cast<int>(n_stages)
                                ? map.stages[static_cast<std::size_t>(st.stage)].id
                                : "");
        c.set_data("lane", st.lane >= 0 && st.lane < static_cast<int>(map.lanes.size())
                               ? map.lanes[static_cast<std::size_t>(st.lane)].id
                               : "");
        if (!st.channel.empty()) c.set_data("channel", st.channel);
        if (st.emotion) c.set_data("emotion", fmt_num(*st.emotion));
        if (!st.persona.empty()) c.set_data("persona", st.persona);
        if (!st.owner.empty()) c.set_data("owner", st.owner);
        if (!st.kpi.empty()) c.set_data("kpi", st.kpi);
        if (!st.notes.empty()) c.set_data("notes", st.notes);
        if (!st.notes.empty()) c.set_data("tooltip", st.notes);
        cells.push_back(std::move(c));
        if (!st.channel.empty() && kind != LaneKind::emotions) {
            text::FontSpec tag_font{10, false};
            const double tw = std::min(at[s.index].width - 12, text::text_width(st.channel, tag_font) + 14);
            Cell tag = make_vertex(cell_id + "-channel", cell_id, text_to_html(st.channel),
                                   "rounded=1;arcSize=50;html=1;fontSize=10;whiteSpace=wrap;spacing=2;"
                                   "fillColor=#ffffff;strokeColor=#999999;fontColor=#333333;",
                                   {6, at[s.index].height - 20, tw, 16});
            tag.set_data("journey-role", role::channel_tag);
            tag.set_data("channel", st.channel);
            tag.set_data("step-id", st.id);
            cells.push_back(std::move(tag));
        }
    }

    // Transitions on top.
    for (const auto& t : map.graph.transitions()) {
        const Step& a = map.graph.step(t.from);
        const Step& b = map.graph.step(t.to);
        Cell e = make_edge(t.transition.cell_id.empty() ? "jm-t-" + a.id + "-" + b.id : t.transition.cell_id,
                           a.cell_id.empty() ? "jm-step-" + a.id : a.cell_id,
                           b.cell_id.empty() ? "jm-step-" + b.id : b.cell_id,
                           text_to_html(t.transition.label), transition_style(t.transition.kind));
        // Only between the top cards of their cells: from a card lower in a stack the line would cross the
        // card above it.
        auto on_top = [&](StepId s) {
            const Step& st = map.graph.step(s);
            const auto cell = by_cell.find({st.lane, st.stage});
            return cell != by_cell.end() && !cell->second.empty() && cell->second.front() == s;
        };
        if (banded(a, b, t.transition.label) && placed[t.from.index] && placed[t.to.index] &&
            on_top(t.from) && on_top(t.to)) {
            // Up from the source's top, across the band, down into the target's top; the two ends sit off
            // centre toward each other so a transition each way between two cards never shares a stretch.
            const Rect& from = at[t.from.index];
            const Rect& to = at[t.to.index];
            const bool rightward = from.x < to.x;
            const double exit = rightward ? 0.6 : 0.4, entry = rightward ? 0.4 : 0.6;
            const double band_y =
                lane_y[static_cast<std::size_t>(a.lane)] + opt.card_padding + transition_label_band / 2;
            e.style->set("exitX", fmt_num(exit));
            e.style->set("exitY", "0");
            e.style->set("entryX", fmt_num(entry));
            e.style->set("entryY", "0");
            e.style->set("labelBackgroundColor", "#ffffff");
            e.geometry->waypoints = {{from.x + exit * from.width, band_y}, {to.x + entry * to.width, band_y}};
            e.geometry->has_points_array = true;  // as read back from the file
        }
        e.set_data("journey-role", role::transition);
        e.set_data("kind", to_string(t.transition.kind));
        cells.push_back(std::move(e));
    }

    page.model.set("pageWidth", fmt_num(std::ceil(std::max(grid_right, x + 400) + margin)));
    page.model.set("pageHeight", fmt_num(std::ceil(overflow_y + 60)));
    return page;
}

}  // namespace jstudio::journey
