#include "exporters/pptx/journey_deck.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>
#include <sstream>

#include "core/journey/journey_draw.hpp"
#include "core/journey/journey_read.hpp"
#include "core/text/text_metrics.hpp"
#include "exporters/pptx/chart_part.hpp"
#include "exporters/pptx/slide_builder.hpp"

namespace jstudio::exporters {

using namespace journey;
using slide::Box;
using slide::Look;
using slide::Para;
using slide::SlideBuilder;

namespace {

constexpr double slide_w = 960, slide_h = 540;  // points: 12,192,000 x 6,858,000 EMU
constexpr double margin = 28;
const std::string ink = "1F2D3D", grey = "595959", accent = "23445D";

std::string rgb(const char* hash_colour) {
    std::string s = hash_colour[0] == '#' ? hash_colour + 1 : hash_colour;
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string kind_name(MapKind kind) {
    switch (kind) {
        case MapKind::current_state:
            return "Current-state journey map";
        case MapKind::future_state:
            return "Future-state journey map";
        case MapKind::day_in_the_life:
            return "Day-in-the-life journey map";
        case MapKind::service_blueprint:
            return "Service blueprint";
    }
    return "Journey map";
}

std::string today() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    return std::to_string(tm.tm_mday) + " " + months[tm.tm_mon] + " " + std::to_string(tm.tm_year + 1900);
}

std::string score_text(double v) {
    double r = std::round(v * 10) / 10;
    std::ostringstream o;
    if (r > 0) o << "+";
    if (r == std::floor(r))
        o << static_cast<long long>(r);
    else
        o << r;
    return o.str();
}

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

// Lines the text takes at size (points) in width (points), with Liberation Sans = Helvetica metrics.
std::size_t lines_of(const std::string& s, double width, double size, bool bold = false) {
    if (s.empty()) return 1;
    return std::max<std::size_t>(1, text::wrap_text(s, std::max(width, 10.0), {size, bold}).size());
}

// The text cut to at most max_lines at that width, with an ellipsis.
std::string cut_to_lines(const std::string& s, double width, double size, std::size_t max_lines) {
    auto lines = text::wrap_text(s, std::max(width, 10.0), {size, false});
    if (lines.size() <= max_lines) return s;
    lines.resize(max_lines);
    std::string last = lines.back();
    while (!last.empty() && text::text_width(last + "…", {size, false}) > width) {
        last.pop_back();
        while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80) last.pop_back();
    }
    lines.back() = last + "…";
    return join(lines, "\n");
}

std::vector<Para> paras_of(const std::string& s, double size, bool bold = false, bool italic = false,
                           const std::string& color = ink, char align = 'l') {
    std::vector<Para> out;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) {
        Para p = slide::para(line, size, bold, color, align);
        p.runs[0].italic = italic;
        out.push_back(std::move(p));
    }
    if (out.empty()) out.push_back(slide::para("", size, bold, color, align));
    return out;
}

struct Analysis {
    const JourneyMap& map;
    std::vector<std::vector<std::vector<StepId>>> cell;  // [lane][stage] → steps
    std::vector<bool> lane_used;

    explicit Analysis(const JourneyMap& m) : map(m) {
        cell.assign(m.lanes.size(), std::vector<std::vector<StepId>>(m.stages.size()));
        lane_used.assign(m.lanes.size(), false);
        for (StepId s : m.graph.steps()) {
            const Step& st = m.graph.step(s);
            if (st.lane < 0 || st.stage < 0 || std::size_t(st.lane) >= m.lanes.size() ||
                std::size_t(st.stage) >= m.stages.size())
                continue;
            cell[std::size_t(st.lane)][std::size_t(st.stage)].push_back(s);
            lane_used[std::size_t(st.lane)] = true;
        }
        for (std::size_t l = 0; l < m.lanes.size(); ++l)
            if (m.lanes[l].kind == LaneKind::line_of_visibility) lane_used[l] = true;
    }
    const Step& step(StepId s) const { return map.graph.step(s); }
    LaneKind kind_of(const Step& s) const {
        return s.lane >= 0 && std::size_t(s.lane) < map.lanes.size() ? map.lanes[std::size_t(s.lane)].kind
                                                                     : LaneKind::custom;
    }
    // Mean emotion in a stage: of one persona (its own points and points for everyone), or of all ("").
    std::optional<double> emotion(std::size_t stage, const std::string& persona, bool all = false) const {
        double sum = 0;
        int n = 0;
        for (StepId s : map.graph.steps()) {
            const Step& st = step(s);
            if (!st.emotion || st.stage != int(stage)) continue;
            if (!all && !st.persona.empty() && st.persona != persona) continue;
            sum += *st.emotion;
            ++n;
        }
        if (!n) return std::nullopt;
        return sum / n;
    }
    // The series of the emotion curve: one per persona, or one for the map when it names none.
    std::vector<std::pair<std::string, std::string>> curve_personas() const {  // id, name
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& p : map.personas) out.push_back({p.id, p.name.empty() ? p.id : p.name});
        if (out.empty()) out.push_back({"", "Emotion"});
        return out;
    }
    // Text of the cards of a lane kind in a stage ("" when none), for the table's owner and KPI columns.
    std::string lane_text(LaneKind kind, int stage) const {
        std::vector<std::string> parts;
        for (std::size_t l = 0; l < map.lanes.size(); ++l)
            if (map.lanes[l].kind == kind && stage >= 0)
                for (StepId s : cell[l][std::size_t(stage)]) parts.push_back(one_line(step(s).label));
        return join(parts, "; ");
    }
};

Look look(std::string fill, std::string line = "", double width = 0.75, std::string dash = "",
          std::string prst = "rect", char anchor = 't', double inset = 5) {
    Look l;
    l.fill = std::move(fill), l.line = std::move(line), l.line_width = width, l.dash = std::move(dash);
    l.prst = std::move(prst), l.anchor = anchor, l.inset = inset;
    return l;
}

struct Look2 {
    std::string fill, line;
    double width = 1;
    std::string dash;
    bool italic = false;
};

Look2 card_look(LaneKind kind) {
    switch (kind) {
        case LaneKind::actions:
        case LaneKind::frontstage:
            return {"DAE8FC", "6C8EBF", 1, "", false};
        case LaneKind::touchpoints:
        case LaneKind::backstage:
            return {"E1D5E7", "9673A6", 1, "", false};
        case LaneKind::thoughts:
            return {"F5F5F5", "999999", 1, "", true};
        case LaneKind::pain_points:
            return {"F8CECC", "B85450", 2, "", false};
        case LaneKind::opportunities:
            return {"D5E8D4", "82B366", 2, "dash", false};
        case LaneKind::owner:
        case LaneKind::kpis:
            return {"FFF2CC", "D6B656", 1, "", false};
        case LaneKind::support:
            return {"F5F5F5", "666666", 1, "", false};
        default:
            return {"FFFFFF", "666666", 1, "", false};
    }
}

std::string transition_colour(TransitionKind k) {
    return k == TransitionKind::intended ? "6C8EBF" : k == TransitionKind::alternative ? "9673A6" : "B85450";
}

std::string stage_label(const JourneyMap& map, int stage) {
    if (stage < 0 || std::size_t(stage) >= map.stages.size()) return "outside the stages";
    const Stage& s = map.stages[std::size_t(stage)];
    return s.name.empty() ? s.id : s.name;
}

// ---- title --------------------------------------------------------------------------------------------

PptxSlide title_slide(const Analysis& a, const JourneyDeckOptions& opt) {
    const JourneyMap& map = a.map;
    SlideBuilder b;
    b.shape({0, 0, slide_w, 300}, look(accent), {}, "Title band");
    std::string title = map.title.empty() ? "Journey map" : map.title;
    b.text({60, 110, 840, 130}, paras_of(title, 40, true, false, "FFFFFF"), "Title", 'b');
    b.text({60, 250, 840, 30}, {slide::para(kind_name(map.kind), 20, false, "DFE6EE")}, "Kind");
    std::vector<std::string> names;
    for (const auto& p : map.personas) names.push_back(p.name + (p.role.empty() ? "" : " — " + p.role));
    std::vector<Para> who;
    if (!names.empty()) {
        who.push_back(slide::para(names.size() == 1 ? "Persona" : "Personas", 14, true, grey));
        for (const auto& n : names) who.push_back(slide::para(n, 20, false, ink));
    }
    b.text({60, 330, 840, 110}, who, "Personas");
    std::string date = opt.date.empty() ? today() : opt.date;
    b.text({60, 460, 840, 30}, {slide::para(date, 16, false, grey)}, "Date");
    PptxSlide s;
    s.title = title;
    s.shapes = b.xml();
    std::ostringstream n;
    n << title << " — " << kind_name(map.kind) << ", " << date << ".\n";
    if (!names.empty()) n << "For " << join(names, "; ") << ".\n";
    if (!map.scenario.empty()) n << "Scenario: " << one_line(map.scenario) << "\n";
    n << "This deck: " << (map.personas.empty() ? "" : "the persona, ")
      << "an overview of the whole map, one slide for each of the " << map.stages.size()
      << " stages, the pain points and opportunities sorted by emotion, and the emotion curve"
      << (opt.measures.empty() ? "."
                               : "; then what customers did: reach, conversion and drop-off per stage.");
    s.notes = n.str();
    return s;
}

// ---- persona ------------------------------------------------------------------------------------------

std::vector<Para> bullets(const std::string& head, const std::vector<std::string>& items, double size) {
    std::vector<Para> out{slide::para(head, 16, true, accent)};
    for (const auto& it : items) {
        Para p = slide::para(one_line(it), size, false, ink);
        p.bullet = true;
        out.push_back(std::move(p));
    }
    return out;
}

PptxSlide persona_slide(const Analysis& a, const Persona& p) {
    const JourneyMap& map = a.map;
    SlideBuilder b;
    b.shape({0, 0, slide_w, 112}, look("DFE6EE"), {}, "Persona band");
    b.text({margin, 16, 900, 40}, {slide::para(p.name.empty() ? p.id : p.name, 30, true, accent)},
           "Persona name");
    if (!p.role.empty()) b.text({margin, 54, 900, 24}, {slide::para(p.role, 16, false, ink)}, "Role");
    if (!p.quote.empty()) {
        Para q = slide::para("“" + p.quote + "”", 15, false, grey);
        q.runs[0].italic = true;
        b.text({margin, 80, 900, 26}, {q}, "Quote");
    }
    // Goals, needs, frustrations side by side; what is empty is left out.
    std::vector<std::pair<std::string, const std::vector<std::string>*>> cols;
    if (!p.goals.empty()) cols.push_back({"Goals", &p.goals});
    if (!p.needs.empty()) cols.push_back({"Needs", &p.needs});
    if (!p.frustrations.empty()) cols.push_back({"Frustrations", &p.frustrations});
    double top = 124;
    if (!cols.empty()) {
        double w = (slide_w - 2 * margin - 16 * double(cols.size() - 1)) / double(cols.size());
        std::size_t rows = 0;
        for (auto& c : cols) {
            std::size_t n = 1;
            for (auto& it : *c.second) n += lines_of(it, w - 30, 14);
            rows = std::max(rows, n);
        }
        double h = std::min(200.0, 22 + double(rows) * 17 + 12);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            Look l = look(cols[i].first == "Frustrations" ? "FDF0EF" : "F7F9FC", "D0D7E1");
            l.inset = 8;
            b.shape({margin + double(i) * (w + 16), top, w, h}, l,
                    bullets(cols[i].first, *cols[i].second, 14), cols[i].first);
        }
        top += h + 14;
    }
    // Profile (the ideal-customer-profile fields), scenario and expectations below.
    double left_w = p.icp.empty() ? 0 : 290;
    if (!p.icp.empty()) {
        std::vector<Para> prof{slide::para("Profile", 16, true, accent)};
        for (const auto& [k, v] : p.icp) {
            Para q;
            q.runs.push_back({k + ": ", 13, true, false, ink});
            q.runs.push_back({v, 13, false, false, ink});
            prof.push_back(std::move(q));
        }
        Look l = look("F7F9FC", "D0D7E1");
        l.inset = 8;
        b.shape({margin, top, left_w, std::min(slide_h - margin - top, 34 + 18 * double(p.icp.size()))}, l,
                prof, "Profile");
    }
    std::vector<Para> story;
    if (!map.scenario.empty()) {
        story.push_back(slide::para("Scenario", 16, true, accent));
        for (auto& q : paras_of(map.scenario, 13)) story.push_back(std::move(q));
    }
    if (!map.expectations.empty())
        for (auto& q : bullets("Expectations", map.expectations, 13)) story.push_back(std::move(q));
    if (!story.empty()) {
        double x = margin + (left_w > 0 ? left_w + 16 : 0);
        b.text({x, top + 4, slide_w - margin - x, slide_h - margin - top - 4}, story,
               "Scenario and expectations");
    }
    PptxSlide s;
    s.title = "Persona: " + p.name;
    s.shapes = b.xml();
    std::ostringstream n;
    n << "Who we design for: " << p.name << (p.role.empty() ? "" : ", " + p.role) << ".";
    if (!p.quote.empty()) n << " In their words: \"" << p.quote << "\"";
    n << "\n";
    if (!p.goals.empty()) n << "Goals: " << join(p.goals, "; ") << ".\n";
    if (!p.needs.empty()) n << "Needs: " << join(p.needs, "; ") << ".\n";
    if (!p.frustrations.empty()) n << "Frustrations: " << join(p.frustrations, "; ") << ".\n";
    for (const auto& [k, v] : p.icp) n << k << ": " << v << ". ";
    if (!p.icp.empty()) n << "\n";
    if (!map.scenario.empty()) n << "Scenario: " << one_line(map.scenario) << "\n";
    if (!map.expectations.empty()) n << "Expectations: " << join(map.expectations, "; ") << ".";
    s.notes = n.str();
    return s;
}

// ---- overview -----------------------------------------------------------------------------------------

std::string card_text(const Analysis& a, const Step& st) {
    std::string t = one_line(st.label);
    if (st.emotion) {
        std::string who;
        if (!st.persona.empty())
            if (const Persona* p = a.map.persona(st.persona))
                who = (p->name.empty() ? p->id : p->name) + ": ";
        t = who + t + " (" + score_text(*st.emotion) + ")";
    }
    return t;
}

PptxSlide overview_slide(const Analysis& a) {
    const JourneyMap& map = a.map;
    SlideBuilder b;
    const std::size_t ns = std::max<std::size_t>(1, map.stages.size());
    std::vector<std::size_t> lanes;
    for (std::size_t l = 0; l < map.lanes.size(); ++l)
        if (a.lane_used[l]) lanes.push_back(l);
    const std::string heading = "Overview: " + (map.title.empty() ? "the journey" : one_line(map.title));
    double heading_size = 22;
    while (heading_size > 14 && text::text_width(heading, {heading_size, true}) > slide_w - 2 * margin - 10)
        heading_size -= 1;
    b.text({margin, 14, slide_w - 2 * margin, 34},
           {slide::para(cut_to_lines(heading, slide_w - 2 * margin - 10, heading_size, 1), heading_size, true,
                        accent)},
           "Title", 'b');
    b.text(
        {margin, 46, 904, 18},
        {slide::para("The whole journey at a glance; one slide per stage follows, with every card in full.",
                     12, false, grey)},
        "Note");
    const double head_w = 112, gap = 4, top = 70, header_h = 38;
    const double col_w = (slide_w - 2 * margin - head_w - gap * double(ns)) / double(ns);
    const double avail = slide_h - 16 - top - header_h - gap;
    // The largest font at which every row fits, cards cut to 4 lines at the smallest size.
    double size = 12;
    std::vector<double> row_h;
    std::size_t max_lines = 99;
    for (;; size -= 0.5) {
        if (size < 10) max_lines = 3, size = 10;
        row_h.clear();
        double total = 0;
        for (std::size_t l : lanes) {
            double h = map.lanes[l].kind == LaneKind::line_of_visibility ? 14 : size * 1.2 + 6;
            for (std::size_t k = 0; k < map.stages.size(); ++k) {
                double ch = 0;
                for (StepId s : a.cell[l][k])
                    ch += double(std::min(max_lines, lines_of(card_text(a, a.step(s)), col_w - 8, size))) *
                              size * 1.2 +
                          8;
                h = std::max(h, ch);
            }
            row_h.push_back(h);
            total += h + gap;
        }
        if (total <= avail || max_lines == 3) {
            if (total > avail)  // still too tall: rows share the room in proportion
                for (double& h : row_h) h *= avail / total;
            break;
        }
    }
    // Stage headers with the mean emotion of the stage.
    for (std::size_t k = 0; k < map.stages.size(); ++k) {
        double x = margin + head_w + gap + double(k) * (col_w + gap);
        auto e = a.emotion(k, "", true);
        std::vector<Para> t{slide::para(stage_label(map, int(k)), 13, true, "FFFFFF", 'c')};
        if (e) t.push_back(slide::para("emotion " + score_text(*e), 11, false, "FFFFFF", 'c'));
        Look l = look(accent, "", 0.75, "", "rect", 'c', 3);
        b.shape({x, top, col_w, header_h}, l, t, "Stage " + stage_label(map, int(k)));
    }
    double y = top + header_h + gap;
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const Lane& lane = map.lanes[lanes[i]];
        const double h = row_h[i];
        if (lane.kind == LaneKind::line_of_visibility) {
            b.polyline({{margin, y + h / 2}, {slide_w - margin, y + h / 2}}, "B85450", 1.5,
                       "Line of visibility");
            b.text({margin, y - 2, head_w, h}, {slide::para(lane.name, 10, true, "B85450")},
                   "Lane " + lane.name, 'c');
            y += h + gap;
            continue;
        }
        const bool hot = lane.kind == LaneKind::pain_points || lane.kind == LaneKind::opportunities;
        Look hl = look(hot ? (lane.kind == LaneKind::pain_points ? "F8CECC" : "D5E8D4") : "DFE6EE", "", 0.75,
                       "", "rect", 'c', 4);
        b.shape({margin, y, head_w, h}, hl, {slide::para(lane.name, 11, true, accent)}, "Lane " + lane.name);
        for (std::size_t k = 0; k < map.stages.size(); ++k) {
            double x = margin + head_w + gap + double(k) * (col_w + gap);
            double cy = y;
            const auto& cards = a.cell[lanes[i]][k];
            for (StepId s : cards) {
                const Step& st = a.step(s);
                std::string t = cut_to_lines(card_text(a, st), col_w - 8, size, max_lines);
                double ch =
                    cards.size() == 1
                        ? h
                        : std::min(h - (cy - y), double(lines_of(t, col_w - 8, size)) * size * 1.2 + 8);
                Look2 c = card_look(lane.kind);
                Look l = look(st.emotion ? rgb(emotion_fill(*st.emotion)) : c.fill, c.line, c.width, c.dash,
                              "rect", 't', 3);
                b.shape({x, cy, col_w, std::max(ch, 4.0)}, l, paras_of(t, size, false, c.italic),
                        lane.name + " card", "journey step " + st.id);
                cy += ch + 2;
            }
        }
        y += h + gap;
    }
    PptxSlide s;
    s.title = "Overview";
    s.shapes = b.xml();
    std::ostringstream n;
    n << "The whole journey: " << map.stages.size() << " stages (";
    std::vector<std::string> names;
    for (std::size_t k = 0; k < map.stages.size(); ++k) {
        auto e = a.emotion(k, "", true);
        names.push_back(stage_label(map, int(k)) + (e ? " " + score_text(*e) : ""));
    }
    n << join(names, ", ") << ") across " << lanes.size() << " lanes.";
    int worst = -1;
    for (std::size_t k = 0; k < map.stages.size(); ++k)
        if (auto e = a.emotion(k, "", true);
            e && (worst < 0 || *e < *a.emotion(std::size_t(worst), "", true)))
            worst = int(k);
    if (worst >= 0) n << " The low point is " << stage_label(map, worst) << ".";
    n << "\nOne slide per stage follows with every card in full.";
    s.notes = n.str();
    return s;
}

// ---- stage --------------------------------------------------------------------------------------------

struct Arrow {
    StepId card;
    bool left = false, incoming = false;
    std::string label;
    TransitionKind kind = TransitionKind::intended;
};

PptxSlide stage_slide(const Analysis& a, std::size_t k) {
    const JourneyMap& map = a.map;
    SlideBuilder b;
    const std::string name = stage_label(map, int(k));
    const Stage& stage = map.stages[k];
    // Title band: stage number, name, description; the emotion curve on the right.
    b.text({margin, 12, 560, 18},
           {slide::para("STAGE " + std::to_string(k + 1) + " OF " + std::to_string(map.stages.size()), 12,
                        true, grey)},
           "Stage number");
    b.text({margin, 28, 560, 38}, {slide::para(name, 28, true, accent)}, "Stage name");
    if (!stage.description.empty())
        b.text({margin, 66, 560, 22}, {slide::para(one_line(stage.description), 14, false, ink)},
               "Stage description");
    // The curve through the stages, this stage highlighted, its score beside the point.
    const Box curve{600, 14, slide_w - margin - 600, 80};
    b.text({curve.x, curve.y - 2, curve.w, 18}, {slide::para("Emotion through the journey", 12, true, grey)},
           "Curve caption");
    const double plot_top = curve.y + 22, plot_h = curve.h - 26;
    const std::size_t ns = map.stages.size();
    const double step_x = ns > 1 ? (curve.w - 60) / double(ns - 1) : 0;
    auto px = [&](std::size_t i) { return curve.x + 8 + double(i) * step_x; };
    auto py = [&](double e) { return plot_top + (emotion_max - e) / (emotion_max - emotion_min) * plot_h; };
    b.shape({px(k) - 12, plot_top - 4, 24, plot_h + 8}, look("EEF2F7"), {}, "This stage");
    b.polyline({{px(0), py(0)}, {px(ns - 1), py(0)}}, "BFBFBF", 0.75, "Neutral line");
    auto personas = a.curve_personas();
    std::vector<std::string> score_parts;
    for (std::size_t pi = 0; pi < personas.size(); ++pi) {
        const std::string colour = rgb(persona_colour(pi));
        std::vector<std::pair<double, double>> pts;
        for (std::size_t i = 0; i < ns; ++i)
            if (auto e = a.emotion(i, personas[pi].first, personas[pi].first.empty()))
                pts.push_back({px(i), py(*e)});
        b.polyline(pts, colour, 2, "Emotion curve " + personas[pi].second);
        for (std::size_t i = 0; i < ns; ++i) {
            auto e = a.emotion(i, personas[pi].first, personas[pi].first.empty());
            if (!e) continue;
            double r = i == k ? 6 : 3;
            b.shape({px(i) - r, py(*e) - r, 2 * r, 2 * r}, look(colour, "FFFFFF", 0.75, "", "ellipse"), {},
                    "Emotion point");
            if (i == k) {
                // Beside the point, away from the curve: above it when the score is low, below when high.
                const double ty = *e < 0 ? py(*e) - 22 : py(*e) + 6;
                b.text({px(i) + 7 + double(pi) * 26, ty, 40, 16},
                       {slide::para(score_text(*e), 12, true, colour)}, "Score " + personas[pi].second);
                score_parts.push_back(personas[pi].second + " " + score_text(*e));
            }
        }
    }

    // Lanes as rows; arrows for transitions to and from other stages.
    std::vector<Arrow> arrows;
    std::vector<std::string> within;
    for (const auto& t : map.graph.transitions()) {
        const Step& f = a.step(t.from);
        const Step& to = a.step(t.to);
        std::string lbl = t.transition.label.empty() ? "" : ": " + one_line(t.transition.label);
        if (f.stage == int(k) && to.stage != int(k))
            arrows.push_back({t.from, to.stage < int(k), false, "to " + stage_label(map, to.stage) + lbl,
                              t.transition.kind});
        else if (to.stage == int(k) && f.stage != int(k))
            arrows.push_back(
                {t.to, f.stage < int(k), true, "from " + stage_label(map, f.stage) + lbl, t.transition.kind});
        else if (f.stage == int(k) && to.stage == int(k))
            within.push_back(one_line(f.label) + " → " + one_line(to.label));
    }
    bool any_left = false, any_right = false;
    for (const auto& ar : arrows) (ar.left ? any_left : any_right) = true;
    const double head_w = 118, top = 104, bottom = slide_h - 12, gap = 6;
    const double left_gutter = any_left ? 130 : 10, right_gutter = any_right ? 200 : 0;
    const double cards_x = margin + head_w + left_gutter;
    const double cards_r = slide_w - (any_right ? right_gutter : margin);
    std::vector<std::size_t> lanes;
    for (std::size_t l = 0; l < map.lanes.size(); ++l)
        if (a.lane_used[l]) lanes.push_back(l);
    auto label_lines = [&](const Arrow& ar, double size) {
        return lines_of(ar.label + "→ ", (ar.left ? left_gutter : right_gutter) - 24, size);
    };
    // A row whose cards have transition arrows stacks them, so no arrow crosses a neighbouring card.
    auto stacked = [&](std::size_t l) {
        if (a.cell[l][k].size() < 2) return false;
        for (const auto& ar : arrows)
            if (a.step(ar.card).lane == int(l)) return true;
        return false;
    };
    // The largest card font (14 down to 12 pt) at which the rows fit.
    double size = 14;
    std::vector<double> row_h;
    for (;; size -= 1) {
        row_h.clear();
        double total = 0;
        for (std::size_t l : lanes) {
            if (map.lanes[l].kind == LaneKind::line_of_visibility) {
                row_h.push_back(16);
                total += 16 + gap;
                continue;
            }
            const auto& cards = a.cell[l][k];
            const bool stack = stacked(l);
            double w = cards.empty() || stack
                           ? cards_r - cards_x
                           : (cards_r - cards_x - 8 * double(cards.size() - 1)) / double(cards.size());
            double h = size * 1.2 + 12, sum = 0;
            for (StepId s : cards) {
                const Step& st = a.step(s);
                double ch = double(lines_of(card_text(a, st), w - 12, size) + (st.channel.empty() ? 0 : 1)) *
                                size * 1.2 +
                            12;
                h = std::max(h, ch);
                sum += ch + 4;
            }
            if (stack) h = std::max(h, sum - 4);
            for (const auto& ar : arrows)
                if (a.step(ar.card).lane == int(l))
                    h = std::max(h, 2 * double(label_lines(ar, 12)) * 14.4 + 6);
            h = std::max(h, double(lines_of(map.lanes[l].name, head_w - 10, 12, true)) * 14.4 + 10);
            row_h.push_back(h);
            total += h + gap;
        }
        if (total <= bottom - top || size <= min_card_font) break;
    }
    double total = 0;
    for (double h : row_h) total += h + gap;
    const double stretch = total < bottom - top ? std::min(1.8, (bottom - top) / total) : 1;
    std::map<StepId, std::pair<long long, Box>> placed;
    double y = top;
    std::vector<std::string> notes_rows;
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const Lane& lane = map.lanes[lanes[i]];
        const double h = row_h[i] * stretch;
        if (lane.kind == LaneKind::line_of_visibility) {
            b.polyline({{margin, y + h / 2}, {slide_w - margin, y + h / 2}}, "B85450", 1.5,
                       "Line of visibility");
            b.text({margin + head_w + 8, y + h / 2 - 16, 300, 16},
                   {slide::para(lane.name, 12, true, "B85450")}, "Lane " + lane.name, 'b');
            y += h + gap;
            continue;
        }
        const bool pain = lane.kind == LaneKind::pain_points, opp = lane.kind == LaneKind::opportunities;
        if (pain || opp)  // highlighted rows: a tinted band behind the whole row
            b.shape({margin, y - 2, slide_w - 2 * margin, h + 4}, look(pain ? "FDECEA" : "EAF5E6"), {},
                    pain ? "Pain point band" : "Opportunity band");
        Look hl = look(pain ? "F8CECC" : opp ? "D5E8D4" : "DFE6EE", "", 0.75, "", "rect", 'c', 5);
        b.shape({margin, y, head_w, h}, hl,
                {slide::para(lane.name, 12, true,
                             pain  ? "9C2A25"
                             : opp ? "2E6B28"
                                   : accent)},
                "Lane " + lane.name);
        const auto& cards = a.cell[lanes[i]][k];
        const bool stack = stacked(lanes[i]);
        const double n_cards = double(std::max<std::size_t>(1, cards.size()));
        const double w = stack ? cards_r - cards_x : (cards_r - cards_x - 8 * (n_cards - 1)) / n_cards;
        const double card_h = stack ? (h - 4 * (n_cards - 1)) / n_cards : h;
        std::vector<std::string> texts;
        for (std::size_t c = 0; c < cards.size(); ++c) {
            const Step& st = a.step(cards[c]);
            Look2 lk = card_look(lane.kind);
            Look l = look(st.emotion ? rgb(emotion_fill(*st.emotion)) : lk.fill, lk.line, lk.width, lk.dash,
                          "roundRect", 'c', 6);
            Box box = stack ? Box{cards_x, y + double(c) * (card_h + 4), w, card_h}
                            : Box{cards_x + double(c) * (w + 8), y, w, h};
            std::vector<Para> t = paras_of(card_text(a, st), size, pain, lk.italic);
            if (!st.channel.empty()) t.push_back(slide::para("Channel: " + st.channel, 12, false, grey));
            long long id = b.shape(box, l, t, lane.name + " card", "journey step " + st.id);
            placed[cards[c]] = {id, box};
            texts.push_back(card_text(a, st));
        }
        if (!texts.empty()) notes_rows.push_back(lane.name + ": " + join(texts, "; "));
        y += h + gap;
    }
    // Transition arrows: glued to the card, free end at the slide edge (right) or the lane headers (left).
    // Several arrows on one side of a card fan out from its connection site to separate points at the edge.
    std::map<std::pair<StepId, bool>, int> per_side, seen;
    for (const auto& ar : arrows) ++per_side[{ar.card, ar.left}];
    for (const auto& ar : arrows) {
        auto it = placed.find(ar.card);
        if (it == placed.end()) continue;
        const auto& [id, box] = it->second;
        const int count = per_side[{ar.card, ar.left}], n = seen[{ar.card, ar.left}]++;
        const double lh = double(label_lines(ar, 12) + 1) * 14.4 + 2;  // a line to spare: renderers differ
        const double spread = std::min(lh + 4, 40.0);
        const double ey = box.cy() + (double(n) - double(count - 1) / 2) * spread;
        const double edge = ar.left ? margin + head_w + 2 : slide_w;
        const std::string colour = transition_colour(ar.kind);
        const int site = ar.left ? 1 : 3;
        if (ar.incoming)
            b.arrow_to_shape(edge, ey, id, site, box, colour, 2, "Transition");
        else
            b.arrow_from_shape(id, site, box, edge, ey, colour, 2, "Transition");
        const double gx = ar.left ? margin + head_w + 4 : box.right() + 14;
        const double gw = ar.left ? left_gutter - 10 : slide_w - gx - 4;
        std::string arrow = ar.left != ar.incoming ? "← " : "→ ";
        // The label sits on the side of its end point away from the arrow's line: above when the line runs
        // down to the card, below when it climbs (above, its own arrow struck the text through).
        const bool below = ey > box.cy() + 0.5;
        b.text({gx, below ? ey + 1 : ey - lh - 1, gw, lh}, {slide::para(arrow + ar.label, 12, false, colour)},
               "Transition label", below ? 't' : 'b');
    }
    PptxSlide s;
    s.title = "Stage " + std::to_string(k + 1) + ": " + name;
    s.shapes = b.xml();
    std::ostringstream n;
    n << "Stage " << k + 1 << " of " << map.stages.size() << ": " << name
      << (stage.description.empty() ? "" : " — " + one_line(stage.description)) << ".\n";
    if (!score_parts.empty()) n << "Emotion here: " << join(score_parts, ", ") << " (scale -2 to +2).\n";
    for (const auto& r : notes_rows) n << r << "\n";
    for (const auto& ar : arrows)
        n << (ar.incoming ? "Comes in " : "Goes on ") << ar.label << " (" << to_string(ar.kind) << ").\n";
    for (const auto& w : within) n << "Within the stage: " << w << ".\n";
    s.notes = n.str();
    return s;
}

// ---- pain points and opportunities table --------------------------------------------------------------

std::vector<PptxSlide> findings_slides(const Analysis& a) {
    const JourneyMap& map = a.map;
    struct Row {
        std::optional<double> emotion;
        int stage = -1;
        bool pain = true;
        std::string text, owner, kpi;
    };
    std::vector<Row> rows;
    for (StepId s : map.graph.steps()) {
        const Step& st = a.step(s);
        LaneKind kind = a.kind_of(st);
        if (kind != LaneKind::pain_points && kind != LaneKind::opportunities) continue;
        Row r;
        r.stage = st.stage;
        r.pain = kind == LaneKind::pain_points;
        r.emotion = st.stage >= 0 ? a.emotion(std::size_t(st.stage), "", true) : std::nullopt;
        r.text = one_line(st.label);
        r.owner = !st.owner.empty() ? st.owner : a.lane_text(LaneKind::owner, st.stage);
        r.kpi = !st.kpi.empty() ? st.kpi : a.lane_text(LaneKind::kpis, st.stage);
        rows.push_back(std::move(r));
    }
    // Worst emotion first; stages without a score last; pain points before opportunities.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        double ex = x.emotion.value_or(1e9), ey = y.emotion.value_or(1e9);
        if (ex != ey) return ex < ey;
        if (x.stage != y.stage) return x.stage < y.stage;
        return x.pain && !y.pain;
    });
    const std::vector<double> cols = {104, 64, 96, 330, 150, 160};
    const double size = 12, pad = 8;
    auto height = [&](const std::vector<std::string>& cells) {
        std::size_t lines = 1;
        for (std::size_t c = 0; c < cells.size(); ++c)
            lines = std::max(lines, lines_of(cells[c], cols[c] - 10, size));
        return double(lines) * size * 1.2 + pad;
    };
    std::vector<PptxSlide> out;
    std::size_t at = 0;
    do {
        SlideBuilder b;
        bool cont = at > 0;
        b.text({margin, 14, 904, 34},
               {slide::para(std::string("Pain points and opportunities") + (cont ? " (continued)" : ""), 24,
                            true, accent)},
               "Title");
        b.text({margin, 48, 904, 18},
               {slide::para("Sorted by the emotion of their stage, lowest first (scale -2 to +2).", 12, false,
                            grey)},
               "Note");
        std::vector<std::vector<slide::TableCell>> cells;
        std::vector<double> heights;
        auto head = [&](const std::string& t) {
            return slide::TableCell{{slide::para(t, 12, true, "FFFFFF")}, accent};
        };
        cells.push_back({head("Stage"), head("Emotion"), head("Type"), head("Pain point / opportunity"),
                         head("Owner"), head("KPI")});
        heights.push_back(24);
        double used = 24, room = slide_h - 80 - 16;
        std::vector<std::string> said;
        for (; at < rows.size(); ++at) {
            const Row& r = rows[at];
            std::vector<std::string> t = {stage_label(map, r.stage),
                                          r.emotion ? score_text(*r.emotion) : "–",
                                          r.pain ? "Pain point" : "Opportunity",
                                          r.text,
                                          r.owner,
                                          r.kpi};
            double h = height(t);
            if (used + h > room && cells.size() > 1) break;
            std::string fill = r.pain ? "FDECEA" : "EAF5E6";
            std::vector<slide::TableCell> row;
            for (std::size_t c = 0; c < t.size(); ++c) {
                slide::TableCell cell{
                    {slide::para(t[c], size, c == 2, c == 2 ? (r.pain ? "9C2A25" : "2E6B28") : ink)}, fill};
                if (c == 1 && r.emotion) cell.fill = rgb(emotion_fill(*r.emotion));
                row.push_back(std::move(cell));
            }
            cells.push_back(std::move(row));
            heights.push_back(h);
            used += h;
            said.push_back((r.pain ? "Pain point in " : "Opportunity in ") + stage_label(map, r.stage) +
                           " (" + (r.emotion ? score_text(*r.emotion) : "no score") + "): " + r.text +
                           (r.owner.empty() ? "" : "; owner " + r.owner) +
                           (r.kpi.empty() ? "" : "; KPI " + r.kpi));
        }
        double tw = 0;
        for (double c : cols) tw += c;
        b.table({margin, 76, tw, used}, cols, cells, heights, "Pain points and opportunities");
        PptxSlide s;
        s.title = "Pain points and opportunities";
        s.shapes = b.xml();
        s.notes =
            "Pain points and opportunities across the journey, sorted by emotion (the worst moments first), "
            "with "
            "who owns each and how it is measured.\n" +
            (rows.empty() ? std::string("The map names no pain points or opportunities.") : join(said, "\n"));
        out.push_back(std::move(s));
    } while (at < rows.size());
    return out;
}

// ---- emotion chart ------------------------------------------------------------------------------------

Result<PptxSlide> chart_slide(const Analysis& a) {
    const JourneyMap& map = a.map;
    LineChartData data;
    data.title = "Emotion through the journey";
    data.value_axis_title = "Emotion (-2 to +2)";
    data.min = emotion_min, data.max = emotion_max, data.major_unit = 1;
    data.number_format = "+0.#;-0.#;0";
    for (std::size_t k = 0; k < map.stages.size(); ++k) data.categories.push_back(stage_label(map, int(k)));
    auto personas = a.curve_personas();
    std::ostringstream n;
    n << "The emotion curve: the mean emotion score of each stage per persona, from -2 (very negative) to +2 "
         "(very "
         "positive). The chart is native: Edit Data opens its numbers.\n";
    for (std::size_t pi = 0; pi < personas.size(); ++pi) {
        ChartSeries s{personas[pi].second, {}, rgb(persona_colour(pi))};
        std::vector<std::string> vals;
        for (std::size_t k = 0; k < map.stages.size(); ++k) {
            s.values.push_back(a.emotion(k, personas[pi].first, personas[pi].first.empty()));
            vals.push_back(stage_label(map, int(k)) + " " +
                           (s.values.back() ? score_text(*s.values.back()) : "–"));
        }
        n << s.name << ": " << join(vals, ", ") << ".\n";
        data.series.push_back(std::move(s));
    }
    auto workbook = chart_workbook(data);
    if (!workbook) return workbook.error();
    SlideBuilder b;
    b.chart({margin + 10, 20, slide_w - 2 * margin - 20, slide_h - 40}, "rChart1", "Emotion chart");
    PptxSlide s;
    s.title = "Emotion curve";
    s.shapes = b.xml();
    s.notes = n.str();
    s.charts.push_back({"rChart1", line_chart_xml(data), std::move(workbook.value())});
    return s;
}

// ---- validation numbers -------------------------------------------------------------------------------

std::string pct(std::optional<double> v) {
    if (!v) return "–";
    return std::to_string(std::llround(*v * 100)) + "%";
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Reach, conversion to the next stage and drop-off per stage, as journey validate --annotate put them on the
// map: a native column chart (shares, so stages of any size compare) and a native table with the counts.
Result<PptxSlide> measures_slide(const Analysis& a, std::vector<eventlog::StageMeasure> measures) {
    const JourneyMap& map = a.map;
    // In the map's stage order; stages the map no longer names keep their place after them.
    auto rank = [&](const eventlog::StageMeasure& m) {
        for (std::size_t k = 0; k < map.stages.size(); ++k)
            if (lower(stage_label(map, int(k))) == lower(m.stage) ||
                lower(map.stages[k].id) == lower(m.stage))
                return int(k);
        return int(map.stages.size());
    };
    std::stable_sort(measures.begin(), measures.end(),
                     [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
    LineChartData data;
    data.kind = ChartKind::columns;
    bool shares = true;
    for (const auto& m : measures) shares = shares && m.reach_share.has_value();
    for (const auto& m : measures) data.categories.push_back(m.stage);
    if (shares) {
        data.title = "Reach, conversion and drop-off per stage";
        data.value_axis_title = "Share of cases";
        data.min = 0, data.max = 1, data.major_unit = 0.25;
        data.number_format = "0%";
        ChartSeries reach{"Reached the stage (% of all cases)", {}, "1565C0"};
        ChartSeries next{"Went on to the next stage (% of reach)", {}, "2E7D32"};
        ChartSeries drop{"Dropped off here (% of reach)", {}, "C62828"};
        for (const auto& m : measures) {
            reach.values.push_back(m.reach_share);
            next.values.push_back(m.to_next);
            drop.values.push_back(m.drop_off_share);
        }
        for (auto* ser : {&reach, &next, &drop})
            if (std::any_of(ser->values.begin(), ser->values.end(), [](auto v) { return v.has_value(); }))
                data.series.push_back(std::move(*ser));
    } else {
        data.title = "Reach and drop-off per stage";
        data.value_axis_title = "Cases";
        ChartSeries reach{"Reached the stage", {}, "1565C0"};
        ChartSeries drop{"Dropped off here", {}, "C62828"};
        for (const auto& m : measures) {
            reach.values.push_back(double(m.reach));
            drop.values.push_back(m.drop_off ? std::optional<double>(double(*m.drop_off)) : std::nullopt);
        }
        data.series.push_back(std::move(reach));
        if (std::any_of(drop.values.begin(), drop.values.end(), [](auto v) { return v.has_value(); }))
            data.series.push_back(std::move(drop));
    }
    auto workbook = chart_workbook(data);
    if (!workbook) return workbook.error();

    SlideBuilder b;
    b.text({margin, 14, 904, 34},
           {slide::para("What customers did: reach, conversion and drop-off", 24, true, accent)}, "Title");
    b.text({margin, 48, 904, 18},
           {slide::para(
               "Measured from the event log (journey validate); the same numbers as on the map's KPI lane.",
               12, false, grey)},
           "Note");
    b.chart({margin, 74, 500, slide_h - 74 - 20}, "rChart1", "Validation chart");
    const std::vector<double> cols = {118, 92, 104, 102};
    const double size = 12, pad = 8;
    auto head = [&](const std::string& t) {
        return slide::TableCell{{slide::para(t, 12, true, "FFFFFF")}, accent};
    };
    std::vector<std::vector<slide::TableCell>> cells{
        {head("Stage"), head("Reach"), head("To next stage"), head("Drop-off")}};
    std::vector<double> heights{24 + 14.4};
    double used = heights[0];
    std::vector<std::string> said;
    std::optional<std::size_t> worst;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        const auto& m = measures[i];
        std::vector<std::string> t = {
            m.stage, std::to_string(m.reach) + (m.reach_share ? " (" + pct(m.reach_share) + ")" : ""),
            m.to_next ? pct(m.to_next) : "–",
            m.drop_off
                ? std::to_string(*m.drop_off) + (m.drop_off_share ? " (" + pct(m.drop_off_share) + ")" : "")
                : "–"};
        std::size_t lines = 1;
        for (std::size_t c = 0; c < t.size(); ++c)
            lines = std::max(lines, lines_of(t[c], cols[c] - 10, size));
        const double h = double(lines) * size * 1.2 + pad;
        std::vector<slide::TableCell> row;
        for (std::size_t c = 0; c < t.size(); ++c)
            row.push_back(
                {{slide::para(t[c], size, c == 0, c == 3 && m.drop_off && *m.drop_off ? "9C2A25" : ink,
                              c == 0 ? 'l' : 'r')},
                 c == 3 && m.drop_off && *m.drop_off ? "FDECEA" : ""});
        cells.push_back(std::move(row));
        heights.push_back(h);
        used += h;
        if (m.drop_off_share && (!worst || *m.drop_off_share > *measures[*worst].drop_off_share)) worst = i;
        said.push_back(m.stage + ": reach " + t[1] +
                       (m.to_next ? ", " + pct(m.to_next) + " went on to the next stage" : "") +
                       (m.drop_off ? ", drop-off " + t[3] : ", the last stage"));
    }
    double tw = 0;
    for (double c : cols) tw += c;
    b.table({slide_w - margin - tw, 80, tw, used}, cols, cells, heights, "Validation numbers");
    PptxSlide s;
    s.title = "Validation numbers";
    s.shapes = b.xml();
    std::ostringstream n;
    n << "What customers actually did, measured from the event log by journey validate and written on the "
         "map: "
         "for each stage how many cases reached it, the share that went on to the next stage, and how many "
         "journeys ended there (drop-off). The chart is native: Edit Data opens its numbers.\n"
      << join(said, ".\n") << ".";
    if (worst && *measures[*worst].drop_off_share > 0)
        n << "\nThe largest drop-off is at " << measures[*worst].stage << " ("
          << pct(measures[*worst].drop_off_share) << " of the cases reaching it).";
    s.notes = n.str();
    s.charts.push_back({"rChart1", line_chart_xml(data), std::move(workbook.value())});
    return s;
}

}  // namespace

PageDeck journey_deck_for_page(const diagram::Page& page, const std::string& name, DeckChoice choice,
                               JourneyDeckOptions options) {
    PageDeck out;
    if (choice == DeckChoice::map) return out;
    if (!journey::is_journey_page(page)) {
        if (choice == DeckChoice::journey)
            out.note = "page '" + name + "' is not a journey map; exported as one slide";
        return out;
    }
    Diagnostics diags;
    auto map = journey::read_journey(page, &diags);
    if (!map) {
        out.note = "page '" + name + "': " + map.error().message + "; exported as one slide";
        return out;
    }
    if (map->title.empty()) map->title = name;
    if (options.measures.empty()) options.measures = eventlog::read_stage_measures(page);
    auto deck = journey_deck(*map, options);
    if (!deck) {
        out.note = "page '" + name + "': " + deck.error().message + "; exported as one slide";
        return out;
    }
    out.slides = std::move(deck.value());
    return out;
}

Result<std::vector<PptxSlide>> journey_deck(const JourneyMap& map, const JourneyDeckOptions& options) {
    if (map.stages.empty()) return make_error(ErrorCode::unsupported, "the journey map has no stages");
    Analysis a(map);
    std::vector<PptxSlide> slides;
    slides.push_back(title_slide(a, options));
    for (const Persona& p : map.personas) slides.push_back(persona_slide(a, p));
    slides.push_back(overview_slide(a));
    for (std::size_t k = 0; k < map.stages.size(); ++k) slides.push_back(stage_slide(a, k));
    for (auto& s : findings_slides(a)) slides.push_back(std::move(s));
    auto chart = chart_slide(a);
    if (!chart) return chart.error();
    slides.push_back(std::move(chart.value()));
    if (!options.measures.empty()) {
        auto measured = measures_slide(a, options.measures);
        if (!measured) return measured.error();
        slides.push_back(std::move(measured.value()));
    }
    return slides;
}

}  // namespace jstudio::exporters
