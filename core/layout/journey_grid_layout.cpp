#include "core/layout/journey_grid_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "core/diagram/page_index.hpp"
#include "core/journey/journey_draw.hpp"
#include "core/journey/journey_read.hpp"
#include "core/journey/label_text.hpp"
#include "core/layout/journey_router.hpp"
#include "core/layout/route_position.hpp"
#include "core/page/page_reading.hpp"
#include "core/render/label_text.hpp"
#include "core/text/text_metrics.hpp"

namespace jstudio::layout {

using diagram::Cell;
using diagram::CellKind;
using diagram::Point;
using diagram::Rect;
using journey::LaneKind;
using page::Role;

namespace {

// As journey_draw: the grid's measures.
constexpr double font_size = 12;
constexpr double card_spacing = 6;
constexpr double tag_row = 22;
constexpr double min_card_height = 44;
constexpr double min_lane_height = 70;
constexpr double emotion_levels = 5;
constexpr double transition_label_band = 22;
constexpr double grid_gap = 6;         // between columns, between rows
constexpr double route_clearance = 4;  // a route keeps this far from a card
constexpr double min_emotion_card = 48;

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

double text_height(std::string_view text, double box_width, double spacing, bool bold) {
    text::FontSpec font{font_size, bold};
    return text::measure_block(text, box_width - 2 * spacing - 4, font).height;
}

std::size_t text_lines(std::string_view text, double box_width, double spacing, bool bold) {
    text::FontSpec font{font_size, bold};
    return text::measure_block(text, box_width - 2 * spacing - 4, font).lines.size();
}

// The widest word, so no word is broken between characters.
double widest_word(std::string_view text, bool bold) {
    text::FontSpec font{font_size, bold};
    double widest = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n\t", start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) widest = std::max(widest, text::text_width(text.substr(start, end - start), font));
        start = end + 1;
    }
    return widest;
}

double card_height(const std::string& label, double width, bool tag) {
    double h = text_height(label.empty() ? " " : label, width, card_spacing, false) + 2 * card_spacing + 4;
    if (tag) h += tag_row;
    return std::max(min_card_height, std::ceil(h));
}

// The size of an edge label as drawn (draw.io's default edge font is 11 px), a pixel of background round it.
std::optional<Point> label_size(const Cell& cell) {
    const auto& style = cell.style_or_empty();
    if (style.flag("noLabel")) return std::nullopt;
    render::Font font;
    font.size = style.number("fontSize", 11);
    font.bold = static_cast<int>(style.number("fontStyle", 0)) & 1;
    const auto paragraphs = render::parse_label(cell.label(), cell.is_html_label(), font);
    if (render::plain_text(paragraphs).find_first_not_of(" \t\n") == std::string::npos) return std::nullopt;
    const auto placed = render::place_label(paragraphs, {});
    return Point{placed.bounds.width + 4, placed.bounds.height + 2};
}

double overlap_area(const Rect& a, const Rect& b) {
    const double w = std::min(a.right(), b.right()) - std::max(a.x, b.x);
    const double h = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

// The geometry children in the order the writer puts them, so a written and re-read page compares equal.
void normalize_child_order(diagram::Geometry& g) {
    auto present = [&](std::string_view as) {
        if (as == "sourcePoint") return g.source_point.has_value();
        if (as == "targetPoint") return g.target_point.has_value();
        if (as == "points") return g.has_points_array || !g.waypoints.empty();
        if (as == "offset") return g.offset.has_value();
        if (as == "alternateBounds") return g.alternate_bounds.has_value();
        return true;
    };
    std::vector<std::string> order;
    for (const auto& as : g.child_order)
        if (present(as) && std::find(order.begin(), order.end(), as) == order.end()) order.push_back(as);
    for (std::string_view as : diagram::writer_child_order)
        if (present(as) && std::find(order.begin(), order.end(), as) == order.end()) order.emplace_back(as);
    g.child_order = std::move(order);
    diagram::drop_writer_child_order(g);
}

struct Band {
    std::size_t cell;  // position in the page
    Rect bounds;       // absolute
};

struct Card {
    std::size_t cell = 0;
    int stage = 0, lane = 0;
    std::string label, persona;
    bool tag = false;
    double score = 0;  // emotion lanes
    Rect before, after;
    std::size_t order = 0;  // within its cell of the grid
};

bool is_top_level(const page::PageReading& reading, std::size_t i) {
    const auto parent = reading.index().parent_position(i);
    return !parent || reading.page().cells[*parent].kind == CellKind::layer ||
           reading.page().cells[*parent].kind == CellKind::root;
}

// Moves cell i (of any frame) so that its absolute bounds become `to`.
void place(diagram::Page& page, const page::PageReading& reading, std::size_t i, const Rect& to) {
    Cell& c = page.cells[i];
    if (!c.geometry || !reading.bounds(i)) return;
    const Rect& abs = *reading.bounds(i);
    const double ox = abs.x - c.geometry->bounds.x, oy = abs.y - c.geometry->bounds.y;
    c.geometry->bounds = {to.x - ox, to.y - oy, to.width, to.height};
}

}  // namespace

bool looks_like_journey_map(const diagram::Page& page) {
    bool stage = false, lane = false;
    for (const Cell& c : page.cells) {
        if (c.kind != CellKind::vertex) continue;
        std::string r = c.wrapper ? c.data("journey-role") : std::string();
        if (r.empty() && c.style) r = c.style->get_or("journey-role", "");
        stage = stage || r == "stage-header";
        lane = lane || r == "lane-header";
        if (stage && lane) return true;
    }
    return false;
}

Result<JourneyLayoutReport> layout_journey_map(diagram::Page& page, const JourneyLayoutOptions& options) {
    std::optional<page::PageReading> reading;
    reading.emplace(page);
    return layout_journey_map(page, *reading, options);
}

Result<JourneyLayoutReport> layout_journey_map(diagram::Page& page, const page::PageReading& reading,
                                               const JourneyLayoutOptions& opt) {
    JourneyLayoutReport report;
    if (!reading.is_journey_map())
        return make_error(ErrorCode::unsupported,
                          "the page is not a journey map (no stage and lane headers)");
    auto map = journey::read_journey(reading);
    if (!map) return map.error();
    const auto& index = reading.index();
    const std::size_t n_cells = page.cells.size();

    // Headers in reading order (as read_journey sorts them).
    std::vector<Band> stages, lanes;
    std::map<std::string, std::size_t> lane_by_id;
    for (std::size_t i = 0; i < n_cells; ++i) {
        const Role r = reading.role(i);
        if ((r != Role::stage_header && r != Role::lane_header) || !reading.bounds(i)) continue;
        (r == Role::stage_header ? stages : lanes).push_back({i, *reading.bounds(i)});
    }
    std::stable_sort(stages.begin(), stages.end(), [](auto& a, auto& b) { return a.bounds.x < b.bounds.x; });
    std::stable_sort(lanes.begin(), lanes.end(), [](auto& a, auto& b) { return a.bounds.y < b.bounds.y; });
    const std::size_t n_stages = stages.size(), n_lanes = lanes.size();
    if (n_stages != map->stages.size() || n_lanes != map->lanes.size())
        return make_error(ErrorCode::unsupported, "journey map headers could not be read");
    for (std::size_t l = 0; l < n_lanes; ++l) lane_by_id[map->lanes[l].id] = l;
    report.stages = static_cast<int>(n_stages);
    report.lanes = static_cast<int>(n_lanes);
    auto lane_kind = [&](int l) { return map->lanes[static_cast<std::size_t>(l)].kind; };

    // The old grid's extent.
    Rect old_grid{INFINITY, INFINITY, 0, 0};
    {
        double right = -INFINITY, bottom = -INFINITY;
        for (const auto* list : {&stages, &lanes})
            for (const Band& b : *list) {
                old_grid.x = std::min(old_grid.x, b.bounds.x), old_grid.y = std::min(old_grid.y, b.bounds.y);
                right = std::max(right, b.bounds.right()), bottom = std::max(bottom, b.bounds.bottom());
            }
        old_grid.width = right - old_grid.x, old_grid.height = bottom - old_grid.y;
    }

    // Cards, with their stage and lane as they read back.
    std::vector<Card> cards;
    std::map<std::string, std::size_t> card_of_cell;  // cell id -> index in cards
    for (auto s : map->graph.steps()) {
        const auto& st = map->graph.step(s);
        auto pos = index.position(st.cell_id);
        if (!pos || !reading.bounds(*pos) || st.stage < 0 || st.lane < 0) continue;
        Card card;
        card.cell = *pos;
        card.stage = st.stage;
        card.lane = st.lane;
        card.label = st.label;
        card.persona = st.persona;
        card.tag = !st.channel.empty() && lane_kind(st.lane) != LaneKind::emotions;
        card.score = std::clamp(std::round(st.emotion.value_or(0)), -2.0, 2.0);
        card.before = *reading.bounds(*pos);
        card_of_cell[st.cell_id] = cards.size();
        cards.push_back(std::move(card));
    }
    report.steps = static_cast<int>(cards.size());
    // Order within each cell of the grid: top to bottom (emotions: left to right), then file order.
    std::map<std::pair<int, int>, std::vector<std::size_t>> by_cell;  // (lane, stage) -> cards
    for (std::size_t k = 0; k < cards.size(); ++k) by_cell[{cards[k].lane, cards[k].stage}].push_back(k);
    for (auto& [key, list] : by_cell) {
        const bool emotions = lane_kind(key.first) == LaneKind::emotions;
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            const Rect &ra = cards[a].before, &rb = cards[b].before;
            if (emotions) return ra.x + ra.width / 2 < rb.x + rb.width / 2 - 0.5;
            return ra.y + ra.height / 2 < rb.y + rb.height / 2 - 0.5;
        });
        for (std::size_t o = 0; o < list.size(); ++o) cards[list[o]].order = o;
    }

    // Column widths: the default, or wider until every card's text takes at most max_card_lines lines.
    const double base_card_w = opt.min_stage_width - 2 * opt.card_padding - grid_gap;
    std::vector<double> card_w(n_stages, base_card_w);
    for (auto& [key, list] : by_cell) {
        const auto s = static_cast<std::size_t>(key.second);
        if (lane_kind(key.first) == LaneKind::emotions) {
            // n cards side by side, each at least wide enough for its widest word and three lines.
            double need = 0;
            for (std::size_t k : list) {
                const std::string& text = cards[k].label;
                double w = std::max(min_emotion_card, widest_word(text, false) + 2 * card_spacing + 6);
                while (text_lines(text, w, card_spacing, false) > 3 && w < opt.max_card_width) w += 8;
                need = std::max(need, w);
            }
            const double n = static_cast<double>(list.size());
            card_w[s] = std::max(card_w[s], n * need + (n - 1) * opt.card_gap);
            continue;
        }
        for (std::size_t k : list) {
            const std::string& text = cards[k].label;
            double w = std::max(base_card_w, widest_word(text, false) + 2 * card_spacing + 6);
            while (text_lines(text, w, card_spacing, false) > static_cast<std::size_t>(opt.max_card_lines) &&
                   w < opt.max_card_width)
                w += 24;
            card_w[s] = std::max(card_w[s], std::ceil(w));
        }
    }
    std::vector<std::string> stage_text(n_stages);
    for (std::size_t s = 0; s < n_stages; ++s) {
        const Cell& c = page.cells[stages[s].cell];
        stage_text[s] = c.is_html_label() ? journey::html_to_text(c.label()) : c.label();
        card_w[s] = std::max(card_w[s],
                             widest_word(stage_text[s], true) + 2 * card_spacing + 6 - 2 * opt.card_padding);
    }
    std::vector<double> col_w(n_stages);
    for (std::size_t s = 0; s < n_stages; ++s) col_w[s] = card_w[s] + 2 * opt.card_padding + grid_gap;

    // Card sizes.
    for (auto& [key, list] : by_cell) {
        const auto s = static_cast<std::size_t>(key.second);
        const bool emotions = lane_kind(key.first) == LaneKind::emotions;
        const double n = static_cast<double>(list.size());
        const double w = emotions ? (card_w[s] - (n - 1) * opt.card_gap) / n : card_w[s];
        for (std::size_t k : list) {
            cards[k].after.width = w;
            cards[k].after.height = card_height(cards[k].label, w, cards[k].tag);
        }
    }

    // Grid origin and header column: kept.
    const double grid_x = old_grid.x;
    const double grid_y = stages.front().bounds.y;
    double header_w = 0;
    for (const Band& b : lanes) header_w = std::max(header_w, b.bounds.width);
    const double cols_x = grid_x + header_w + grid_gap;
    std::vector<double> stage_x(n_stages + 1, cols_x);
    for (std::size_t s = 0; s < n_stages; ++s) stage_x[s + 1] = stage_x[s] + col_w[s];
    const double grid_right = stage_x[n_stages] - grid_gap;

    double header_h = 40;
    for (std::size_t s = 0; s < n_stages; ++s)
        header_h = std::max(header_h, text_height(stage_text[s], col_w[s] - grid_gap, 6, true) + 2 * 6 + 4);

    // Lane heights (as journey_draw): stacked cards, or five emotion bands, or a thin visibility row; a band
    // on top for labelled transitions between cards of the lane.
    std::vector<double> lane_h(n_lanes, min_lane_height), band_h(n_lanes, 0), label_band(n_lanes, 0);
    for (auto& [key, list] : by_cell) {
        const auto l = static_cast<std::size_t>(key.first);
        if (lane_kind(key.first) == LaneKind::emotions) {
            for (std::size_t k : list) band_h[l] = std::max(band_h[l], cards[k].after.height + 6);
        } else {
            double stack = 0;
            for (std::size_t k : list) stack += cards[k].after.height + opt.card_gap;
            lane_h[l] = std::max(lane_h[l], stack - opt.card_gap + 2 * opt.card_padding + grid_gap);
        }
    }
    const auto transitions = map->graph.transitions();
    for (const auto& t : transitions) {
        const auto& a = map->graph.step(t.from);
        const auto& b = map->graph.step(t.to);
        if (!t.transition.label.empty() && a.lane == b.lane && a.lane >= 0 && a.stage >= 0 && b.stage >= 0 &&
            a.stage != b.stage && lane_kind(a.lane) != LaneKind::emotions &&
            lane_kind(a.lane) != LaneKind::line_of_visibility)
            label_band[static_cast<std::size_t>(a.lane)] = transition_label_band;
    }
    for (std::size_t l = 0; l < n_lanes; ++l) {
        lane_h[l] += label_band[l];
        const LaneKind kind = map->lanes[l].kind;
        if (kind == LaneKind::emotions) {
            band_h[l] = std::max(band_h[l], 40.0);
            lane_h[l] = emotion_levels * band_h[l] + 2 * opt.card_padding + grid_gap;
        } else if (kind == LaneKind::line_of_visibility) {
            lane_h[l] = 40;
        }
        const Cell& header = page.cells[lanes[l].cell];
        const std::string name =
            header.is_html_label() ? journey::html_to_text(header.label()) : header.label();
        lane_h[l] = std::max(lane_h[l], std::ceil(text_height(name, header_w, 6, true) + 24));
    }
    std::vector<double> lane_y(n_lanes + 1, grid_y + header_h + grid_gap);
    for (std::size_t l = 0; l < n_lanes; ++l) lane_y[l + 1] = lane_y[l] + lane_h[l];
    const double grid_bottom = lane_y[n_lanes];

    // Card places.
    for (auto& [key, list] : by_cell) {
        const auto l = static_cast<std::size_t>(key.first);
        const auto s = static_cast<std::size_t>(key.second);
        double x = stage_x[s] + opt.card_padding;
        double y = lane_y[l] + opt.card_padding + label_band[l];
        for (std::size_t k : list) {
            Card& card = cards[k];
            if (map->lanes[l].kind == LaneKind::emotions) {
                const double band_top = lane_y[l] + opt.card_padding + (2 - card.score) * band_h[l];
                card.after.x = x;
                card.after.y = band_top + (band_h[l] - card.after.height) / 2;
                x += card.after.width + opt.card_gap;
            } else {
                card.after.x = x;
                card.after.y = y;
                y += card.after.height + opt.card_gap;
            }
        }
    }

    // The title, persona and scenario cards stay; the page reaches past them as journey_draw makes it.
    double top_right = 0;
    for (std::size_t i = 0; i < n_cells; ++i) {
        const Role r = reading.role(i);
        if ((r == Role::map_title || r == Role::persona || r == Role::scenario) && reading.bounds(i))
            top_right = std::max(top_right, reading.bounds(i)->right());
    }

    // What else moves: cells right of or below the old grid shift out with it.
    const double grow_x = grid_right - old_grid.right(), grow_y = grid_bottom - old_grid.bottom();

    // --- Write back. Nothing below reads `reading` for a cell after that cell changed.
    std::vector<char> handled(n_cells, 0);
    for (std::size_t s = 0; s < n_stages; ++s) {
        place(page, reading, stages[s].cell, {stage_x[s], grid_y, col_w[s] - grid_gap, header_h});
        handled[stages[s].cell] = 1;
    }
    std::vector<std::size_t> ticks;
    for (std::size_t l = 0; l < n_lanes; ++l) {
        const std::size_t i = lanes[l].cell;
        place(page, reading, i, {grid_x, lane_y[l], header_w, lane_h[l] - grid_gap});
        handled[i] = 1;
        if (map->lanes[l].kind == LaneKind::emotions) {
            page.cells[i].set_data("band-height", number(band_h[l]));
            for (auto child : index.child_positions(i)) {
                Cell& tick = page.cells[child];
                if (reading.role(child) != Role::emotion_scale || !tick.geometry) continue;
                const double score =
                    std::clamp(std::round(std::atof(tick.data("emotion").c_str())), -2.0, 2.0);
                tick.geometry->bounds.x = header_w - 34;
                tick.geometry->bounds.y = opt.card_padding + (2 - score) * band_h[l] + band_h[l] / 2 - 9;
                handled[child] = 1;
            }
        }
    }
    for (std::size_t i = 0; i < n_cells; ++i) {
        const Role r = reading.role(i);
        if (r != Role::lane_band && r != Role::visibility_line) continue;
        auto l = lane_by_id.find(page.cells[i].data("lane"));
        if (l == lane_by_id.end() || !reading.bounds(i)) continue;
        const std::size_t lane = l->second;
        if (r == Role::lane_band)
            place(page, reading, i, {cols_x, lane_y[lane], grid_right - cols_x, lane_h[lane] - grid_gap});
        else
            place(page, reading, i,
                  {cols_x, lane_y[lane] + lane_h[lane] / 2 - 8, grid_right - cols_x,
                   reading.bounds(i)->height});
        handled[i] = 1;
    }
    for (const Card& card : cards) {
        place(page, reading, card.cell, card.after);
        handled[card.cell] = 1;
        for (auto child : index.child_positions(card.cell)) {
            Cell& tag = page.cells[child];
            handled[child] = 1;
            if (reading.role(child) != Role::channel_tag || !tag.geometry) continue;
            auto& b = tag.geometry->bounds;
            b.width = std::min(b.width, card.after.width - 12);
            b.x = 6;
            b.y = card.after.height - 20;
        }
    }
    // Decorations drawn beside a card (not its children) keep their offset from it.
    for (std::size_t i = 0; i < n_cells; ++i) {
        if (handled[i] || reading.role(i) != Role::decoration || !is_top_level(reading, i)) continue;
        const auto host = reading.host(i);
        if (host == page::PageReading::none) continue;
        auto it = card_of_cell.find(page.cells[host].id);
        if (it == card_of_cell.end() || !reading.bounds(i)) continue;
        const Card& card = cards[it->second];
        Rect r = *reading.bounds(i);
        r.x += card.after.x - card.before.x, r.y += card.after.y - card.before.y;
        place(page, reading, i, r);
        handled[i] = 1;
    }
    // Other shapes: out of the grid's way.
    for (std::size_t i = 0; i < n_cells; ++i) {
        const Cell& c = page.cells[i];
        if (handled[i] || c.kind != CellKind::vertex || !is_top_level(reading, i) || !reading.bounds(i))
            continue;
        switch (reading.role(i)) {
            case Role::map_title:
            case Role::persona:
            case Role::scenario:
            case Role::annotation:
                continue;
            default:
                break;
        }
        Rect r = *reading.bounds(i);
        const bool right = r.x >= old_grid.right() - 0.5, below = r.y >= old_grid.bottom() - 0.5;
        if (!right && !below) continue;
        if (right) r.x += grow_x;
        if (below) r.y += grow_y;
        place(page, reading, i, r);
    }

    // Emotion curves: per persona, through its emotion cards from left to right.
    {
        std::map<std::string, std::vector<std::size_t>> points;  // persona -> cards
        for (std::size_t k = 0; k < cards.size(); ++k)
            if (lane_kind(cards[k].lane) == LaneKind::emotions) points[cards[k].persona].push_back(k);
        for (auto& [persona, list] : points)
            std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                return cards[a].after.x < cards[b].after.x;
            });
        std::map<std::string, std::vector<std::size_t>> curves;  // persona -> curve edge cells
        for (std::size_t i = 0; i < n_cells; ++i)
            if (reading.role(i) == Role::emotion_curve) curves[page.cells[i].data("persona")].push_back(i);
        std::vector<std::size_t> drop;
        std::vector<std::pair<std::size_t, Cell>> added;  // insert after cell position
        std::set<std::string> ids;
        for (const Cell& c : page.cells) ids.insert(c.id);
        std::size_t last_curve = 0;
        for (const auto& [persona, list] : curves) last_curve = std::max(last_curve, list.back());
        for (auto& [persona, edges] : curves) {
            const auto& through = points[persona];
            const std::size_t need = through.size() < 2 ? 0 : through.size() - 1;
            for (std::size_t k = 0; k < edges.size(); ++k) {
                if (k >= need) {
                    drop.push_back(edges[k]);
                    continue;
                }
                Cell& e = page.cells[edges[k]];
                e.source = page.cells[cards[through[k]].cell].id;
                e.target = page.cells[cards[through[k + 1]].cell].id;
                if (e.geometry) {
                    e.geometry->waypoints.clear();
                    e.geometry->has_points_array = false;
                    normalize_child_order(*e.geometry);
                }
            }
            for (std::size_t k = edges.size(); k < need; ++k) {
                Cell e = page.cells[edges.front()];
                std::string id = "jm-curve-" + (persona.empty() ? std::string("all") : persona) + "-" +
                                 std::to_string(k + 1);
                while (ids.count(id)) id += "x";
                ids.insert(id);
                e.id = id;
                e.source = page.cells[cards[through[k]].cell].id;
                e.target = page.cells[cards[through[k + 1]].cell].id;
                e.source_line = 0;
                added.push_back({last_curve, std::move(e)});
            }
        }
        // Cell positions change from here on; nothing reads `reading` by position any more.
        std::sort(drop.begin(), drop.end());
        for (auto it = added.rbegin(); it != added.rend(); ++it)
            page.cells.insert(page.cells.begin() + static_cast<std::ptrdiff_t>(it->first + 1), it->second);
        for (auto it = drop.rbegin(); it != drop.rend(); ++it)
            page.cells.erase(page.cells.begin() + static_cast<std::ptrdiff_t>(*it));
    }

    // Transitions: routed around the cards, labels in free space.
    diagram::PageIndex after(page);
    std::vector<Rect> boxes;
    for (const Card& card : cards) boxes.push_back(card.after);
    const Rect area{cols_x - grid_gap, lane_y[0], grid_right - cols_x + 2 * grid_gap + 24,
                    grid_bottom - lane_y[0] + 24};
    BoxRouter router(area, boxes, route_clearance);
    {
        std::vector<double> band_lines;  // the middle of each lane's label band
        for (std::size_t l = 0; l < n_lanes; ++l)
            if (label_band[l] > 0) band_lines.push_back(lane_y[l] + opt.card_padding + label_band[l] / 2);
        router.add_lines({}, band_lines);
    }
    // Labels must stay clear of these: cards, headers, and labels already placed.
    std::vector<Rect> keep_clear = boxes;
    for (std::size_t s = 0; s < n_stages; ++s)
        keep_clear.push_back({stage_x[s], grid_y, col_w[s] - grid_gap, header_h});
    keep_clear.push_back({grid_x, lane_y[0], header_w, grid_bottom - lane_y[0]});
    // Transitions between the same two cards leave and enter at different places along the sides.
    std::map<std::pair<std::size_t, std::size_t>, int> pair_count, pair_seen;
    struct Edge {
        std::size_t cell;
        std::size_t from, to;
    };
    std::vector<Edge> edges;
    for (std::size_t i = 0; i < page.cells.size(); ++i) {
        const Cell& e = page.cells[i];
        if (e.kind != CellKind::edge) continue;
        const std::string r = e.data("journey-role");
        if (r == journey::role::emotion_curve) continue;
        auto resolve = [&](const std::string& id) -> std::optional<std::size_t> {
            auto it = card_of_cell.find(id);
            if (it != card_of_cell.end()) return it->second;
            if (const Cell* c = after.find(id)) {  // a channel tag or another child of a card
                auto p = card_of_cell.find(c->parent);
                if (p != card_of_cell.end()) return p->second;
            }
            return std::nullopt;
        };
        auto from = resolve(e.source), to = resolve(e.target);
        if (!from || !to || *from == *to) continue;
        if (!e.geometry || after.frame_origin(e.id).x != 0 || after.frame_origin(e.id).y != 0) continue;
        edges.push_back({i, *from, *to});
        ++pair_count[{std::min(*from, *to), std::max(*from, *to)}];
    }
    report.transitions = static_cast<int>(edges.size());
    std::vector<Rect> labels;
    std::vector<std::vector<Point>> routes;  // made so far
    for (const Edge& edge : edges) {
        Cell& e = page.cells[edge.cell];
        const auto key = std::make_pair(std::min(edge.from, edge.to), std::max(edge.from, edge.to));
        const int n = pair_count[key], k = pair_seen[key]++;
        // Transitions between the same two cards nest: the first runs innermost, leaving and entering
        // nearest the other card, so neither crosses nor covers the other.
        const double inner = static_cast<double>(k + 1) / (n + 1);
        const double first_end = 1 - inner, second_end = inner;  // on key.first's side, on key.second's
        const double from_fraction = edge.from == key.first ? first_end : second_end;
        const double to_fraction = edge.from == key.first ? second_end : first_end;
        const auto size = label_size(e);

        // A label needs a free place on its route: try the direct route, then over the top, then below.
        struct Candidate {
            std::vector<Point> route;
            std::optional<Rect> label;
            double cost = INFINITY;
        };
        auto best_label = [&](const std::vector<Point>& route) -> std::pair<std::optional<Rect>, double> {
            if (!size || route.size() < 2) return {std::nullopt, 0};
            std::optional<Rect> best;
            double best_cost = INFINITY;
            double total = 0;
            for (std::size_t p = 1; p < route.size(); ++p)
                total += std::abs(route[p].x - route[p - 1].x) + std::abs(route[p].y - route[p - 1].y);
            double along = 0;
            for (std::size_t p = 1; p < route.size(); ++p) {
                const Point a = route[p - 1], b = route[p];
                const double length = std::abs(b.x - a.x) + std::abs(b.y - a.y);
                const bool horizontal = std::abs(a.y - b.y) < 0.01;
                for (double t : {0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95}) {
                    const Point at{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
                    // On the line, or beside it.
                    for (int side : {0, 1, -1}) {
                        Point c = at;
                        if (side != 0) {
                            if (horizontal)
                                c.y += side * (size->y / 2 + 3);
                            else
                                c.x += side * (size->x / 2 + 3);
                        }
                        const Rect box{c.x - size->x / 2, c.y - size->y / 2, size->x, size->y};
                        double cover = 0;
                        for (const Rect& r : keep_clear) cover += overlap_area(box, r);
                        for (const Rect& r : labels) cover += 10 * overlap_area(box, r);
                        // Over another transition's line it hides a stretch of it: allowed, not liked.
                        double hides = 0;
                        for (const auto& other : routes)
                            for (std::size_t q = 1; q < other.size(); ++q)
                                if (segment_enters(other[q - 1], other[q], box, -1)) hides += 1;
                        if (box.x < area.x || box.right() > area.right() || box.y < area.y ||
                            box.bottom() > area.bottom())
                            cover += size->x * size->y;
                        const double middle = std::abs((along + length * t) / std::max(total, 1.0) - 0.5);
                        const double cost =
                            cover * 1000 + middle * 20 + (side != 0 ? 15 : 0) + std::min(hides, 10.0) * 30;
                        if (cost < best_cost - 1e-9) best_cost = cost, best = box;
                    }
                }
                along += length;
            }
            return {best, best_cost};
        };
        Candidate chosen;
        const unsigned tries[][2] = {{BoxRouter::any, BoxRouter::any},
                                     {BoxRouter::top, BoxRouter::top},
                                     {BoxRouter::bottom, BoxRouter::bottom}};
        for (const auto& sides : tries) {
            auto route = router.route(edge.from, edge.to, from_fraction, to_fraction, sides[0], sides[1]);
            if (route.empty()) continue;
            auto [label, cost] = best_label(route);
            const bool free = !size || cost < 1000;  // covers nothing
            if (chosen.route.empty() || (free && chosen.cost >= 1000) ||
                (!free && chosen.cost >= 1000 && cost < chosen.cost))
                chosen = {route, label, size ? cost : 0};
            router.forget_last();  // only the chosen route is remembered, below
            if (free) break;
        }
        diagram::Style style = e.style_or_empty();
        if (chosen.route.size() < 2) {
            ++report.unrouted;
            continue;
        }
        const auto& route = chosen.route;
        const Rect& s = cards[edge.from].after;
        const Rect& t = cards[edge.to].after;
        style.set("edgeStyle", "orthogonalEdgeStyle");
        style.remove("curved");
        style.remove("elbow");
        style.set("exitX", number((route.front().x - s.x) / s.width));
        style.set("exitY", number((route.front().y - s.y) / s.height));
        style.set("exitPerimeter", "0");
        style.set("entryX", number((route.back().x - t.x) / t.width));
        style.set("entryY", number((route.back().y - t.y) / t.height));
        style.set("entryPerimeter", "0");
        for (const char* key2 : {"exitDx", "exitDy", "entryDx", "entryDy"}) style.remove(key2);
        if (size) style.set("labelBackgroundColor", style.get_or("labelBackgroundColor", "#ffffff"));
        e.style = style;
        auto& g = *e.geometry;
        g.relative = true;
        g.waypoints.assign(route.begin() + 1, route.end() - 1);
        g.has_points_array = !g.waypoints.empty();
        g.source_point.reset();
        g.target_point.reset();
        if (size && chosen.label) {
            const Rect& box = *chosen.label;
            const Point centre{box.x + box.width / 2, box.y + box.height / 2};
            const RoutePosition label_at = nearest_on_route(route, centre);
            const double x = label_at.relative_x();
            const Point anchor = label_at.point;
            g.bounds.x = std::abs(x) < 1e-9 ? 0 : x;
            g.bounds.y = 0;
            const Point offset{centre.x - anchor.x, centre.y - anchor.y};
            if (std::abs(offset.x) < 1e-9 && std::abs(offset.y) < 1e-9)
                g.offset.reset();
            else
                g.offset = offset;
            if (chosen.cost >= 1000) ++report.labels_blocked;
            labels.push_back(box);
        }
        normalize_child_order(g);
        router.remember(route);
        routes.push_back(route);
    }

    page.model.set("pageWidth", number(std::ceil(std::max(grid_right, top_right + 20) + 20)));
    page.model.set("pageHeight", number(std::ceil(grid_bottom + 80)));
    return report;
}

}  // namespace jstudio::layout
