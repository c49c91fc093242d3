#include "core/render/stencil.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "core/codec/codec.hpp"
#include "core/text/text_metrics.hpp"

namespace jstudio::render {

namespace {

constexpr double pi = 3.14159265358979323846;
// Past these a stencil's numbers are garbage: the reader clamps cell geometry to the same 1e7.
constexpr double max_coordinate = 1e7, max_font_size = 1e4;

bool usable(Point p) {
    return std::abs(p.x) <= max_coordinate && std::abs(p.y) <= max_coordinate;  // false for NaN too
}

// The canvas state a stencil changes as it draws (mxGraph's canvas state, reduced to what we draw).
struct State {
    std::optional<Color> fill, stroke;
    bool gradient = true;  // the cell's gradient applies until the stencil picks its own fill colour
    double stroke_width = 1;
    bool dashed = false;
    std::vector<double> dash_pattern;
    double alpha = 1, fill_alpha = 1, stroke_alpha = 1;
    double fill_color_alpha = 1, stroke_color_alpha = 1;  // rgba(..., a) colours
    Font font;
};

// Stencil space → page pixels: scale and offset (computeAspect in mxStencil's terms), then the flips and
// the quarter turns of the cell's direction about the bounds' centre.
struct Frame {
    double x0 = 0, y0 = 0, sx = 1, sy = 1;
    Point centre;
    double turn = 0;  // degrees clockwise
    bool flip_h = false, flip_v = false;

    Point scaled(double x, double y) const { return {x0 + x * sx, y0 + y * sy}; }
    Point place(Point p) const {
        if (turn != 0) {
            const double a = turn * pi / 180, c = std::cos(a), s = std::sin(a);
            const double dx = p.x - centre.x, dy = p.y - centre.y;
            p = {centre.x + dx * c - dy * s, centre.y + dx * s + dy * c};
        }
        if (flip_h) p.x = 2 * centre.x - p.x;
        if (flip_v) p.y = 2 * centre.y - p.y;
        return p;
    }
};

Frame make_frame(const Stencil& st, const Rect& b, const StencilPaint& paint) {
    Frame f;
    f.centre = {b.x + b.width / 2, b.y + b.height / 2};
    f.flip_h = paint.flip_h, f.flip_v = paint.flip_v;
    const std::string& d = paint.direction;
    f.turn = d == "south" ? 90 : d == "west" ? 180 : d == "north" ? 270 : 0;
    // North and south lay the stencil out in the box turned a quarter (same centre, sides swapped).
    const bool inverse = d == "north" || d == "south";
    const double w = inverse ? b.height : b.width, h = inverse ? b.width : b.height;
    f.x0 = f.centre.x - w / 2, f.y0 = f.centre.y - h / 2;
    f.sx = w / st.width, f.sy = h / st.height;
    if (st.fixed_aspect) {
        f.sx = f.sy = std::min(f.sx, f.sy);
        f.x0 += (w - st.width * f.sx) / 2;
        f.y0 += (h - st.height * f.sy) / 2;
    }
    return f;
}

std::vector<double> parse_pattern(std::string_view text) {
    std::vector<double> out;
    std::istringstream in{std::string(text)};
    double v;
    while (in >> v)
        if (std::isfinite(v) && v >= 0) out.push_back(v);
    if (out.empty() || std::all_of(out.begin(), out.end(), [](double d) { return d <= 0; })) return {3, 3};
    return out;
}

class StencilPainter {
  public:
    StencilPainter(const Stencil& stencil, const Rect& bounds, const StencilPaint& paint)
        : m_paint(paint), m_frame(make_frame(stencil, bounds, paint)) {
        m_min_scale = std::min(m_frame.sx, m_frame.sy);
        m_state.fill = paint.fill, m_state.stroke = paint.stroke;
        m_state.stroke_width =
            stencil.stroke_width ? *stencil.stroke_width * m_min_scale : paint.stroke_width;
        m_state.dashed = paint.dashed;
        m_state.dash_pattern = paint.dash_pattern;
        m_state.font = paint.font;
    }

    void run(const std::vector<StencilOp>& ops) {
        for (const StencilOp& op : ops) step(op);
    }
    std::vector<Item> take() { return std::move(m_items); }

  private:
    const StencilPaint& m_paint;
    Frame m_frame;
    double m_min_scale = 1;
    State m_state;
    std::vector<State> m_saved;
    Path m_path;  // the outline being built (unplaced: scaled but not turned or flipped)
    Point m_at, m_start;
    std::vector<Item> m_items;

    Point at(const StencilOp& op, int i) const { return m_frame.scaled(op.v[i], op.v[i + 1]); }

    void begin() {
        m_path = Path{};
        m_at = m_start = m_frame.scaled(0, 0);
    }
    void move(Point p) {
        m_path.move_to(p);
        m_at = m_start = p;
    }
    void line(Point p) {
        if (m_path.ops.empty()) m_path.move_to(m_at);
        m_path.line_to(p);
        m_at = p;
    }

    void step(const StencilOp& op) {
        switch (op.kind) {
            case StencilOp::path:
                begin();
                break;
            case StencilOp::move:
                move(at(op, 0));
                break;
            case StencilOp::line:
                line(at(op, 0));
                break;
            case StencilOp::quad: {
                // The quadratic as the cubic with the same curve.
                const Point q = at(op, 0), e = at(op, 2), s = m_at;
                if (m_path.ops.empty()) m_path.move_to(s);
                m_path.cubic_to({s.x + 2.0 / 3 * (q.x - s.x), s.y + 2.0 / 3 * (q.y - s.y)},
                                {e.x + 2.0 / 3 * (q.x - e.x), e.y + 2.0 / 3 * (q.y - e.y)}, e);
                m_at = e;
                break;
            }
            case StencilOp::curve:
                if (m_path.ops.empty()) m_path.move_to(m_at);
                m_path.cubic_to(at(op, 0), at(op, 2), at(op, 4));
                m_at = at(op, 4);
                break;
            case StencilOp::arc: {
                if (m_path.ops.empty()) m_path.move_to(m_at);
                const Point to = at(op, 5);
                append_arc(m_path, m_at, op.v[0] * m_frame.sx, op.v[1] * m_frame.sy, op.v[2], op.v[3] != 0,
                           op.v[4] != 0, to);
                m_at = to;
                break;
            }
            case StencilOp::close:
                if (!m_path.ops.empty()) m_path.close();
                m_at = m_start;
                break;
            case StencilOp::rect:
            case StencilOp::ellipse:
            case StencilOp::roundrect: {
                const Point p = at(op, 0);
                const Rect r{p.x, p.y, op.v[2] * m_frame.sx, op.v[3] * m_frame.sy};
                if (op.kind == StencilOp::rect) {
                    m_path = rect_path(r);
                } else if (op.kind == StencilOp::ellipse) {
                    m_path = ellipse_path(r);
                } else {
                    const double factor = (op.v[4] > 0 ? op.v[4] : 15) / 100;
                    m_path = rounded_rect_path(r, std::min(std::abs(r.width), std::abs(r.height)) * factor);
                }
                m_at = m_start = p;
                break;
            }
            case StencilOp::fill:
                paint(true, false);
                break;
            case StencilOp::stroke:
                paint(false, true);
                break;
            case StencilOp::fillstroke:
                paint(true, true);
                break;
            case StencilOp::save:
                if (m_saved.size() < 256) m_saved.push_back(m_state);
                break;
            case StencilOp::restore:
                if (!m_saved.empty()) m_state = m_saved.back(), m_saved.pop_back();
                break;
            case StencilOp::stroke_color:
                m_state.stroke = parse_color(op.str);
                m_state.stroke_color_alpha = color_alpha(op.str);
                break;
            case StencilOp::fill_color:
                m_state.fill = parse_color(op.str);
                m_state.fill_color_alpha = color_alpha(op.str);
                m_state.gradient = false;
                break;
            case StencilOp::font_color:
                m_state.font.color = parse_color(op.str).value_or(Color{});
                break;
            case StencilOp::stroke_width:
                m_state.stroke_width = op.v[0] * (op.v[1] != 0 ? 1 : m_min_scale);
                break;
            case StencilOp::dashed:
                m_state.dashed = op.v[0] != 0;
                break;
            case StencilOp::dash_pattern:
                m_state.dash_pattern = parse_pattern(op.str);
                break;
            case StencilOp::alpha:
                m_state.alpha = std::clamp(op.v[0], 0.0, 1.0);
                break;
            case StencilOp::fill_alpha:
                m_state.fill_alpha = std::clamp(op.v[0], 0.0, 1.0);
                break;
            case StencilOp::stroke_alpha:
                m_state.stroke_alpha = std::clamp(op.v[0], 0.0, 1.0);
                break;
            case StencilOp::font_size:
                if (op.v[0] > 0) m_state.font.size = op.v[0] * m_min_scale;
                break;
            case StencilOp::font_style: {
                const int bits = std::abs(op.v[0]) < 256 ? static_cast<int>(op.v[0]) : 0;
                m_state.font.bold = bits & 1, m_state.font.italic = bits & 2,
                m_state.font.underline = bits & 4;
                break;
            }
            case StencilOp::font_family:
                if (!op.str.empty()) m_state.font.family = op.str;
                break;
            case StencilOp::text:
                draw_text(op);
                break;
        }
    }

    void paint(bool fill, bool stroke) {
        if (m_path.ops.empty()) return;
        Path p = std::move(m_path);
        m_path = Path{};
        for (auto& op : p.ops)
            for (auto& pt : op.p) {
                pt = m_frame.place(pt);
                if (!usable(pt)) return;
            }
        if (fill && m_state.fill && m_state.fill_color_alpha > 0) {
            p.fill = m_state.fill;
            if (m_state.gradient && m_paint.gradient) p.gradient = m_paint.gradient;
        }
        if (stroke && m_state.stroke && m_state.stroke_color_alpha > 0) p.stroke = m_state.stroke;
        if (!p.fill && !p.stroke) return;
        // draw.io's SVG canvas draws no line thinner than 1 px.
        p.stroke_width =
            std::isfinite(m_state.stroke_width) ? std::clamp(m_state.stroke_width, 1.0, max_coordinate) : 1;
        if (m_state.dashed)
            for (double d : m_state.dash_pattern) p.dash.push_back(d * p.stroke_width);
        const double a = m_paint.opacity * m_state.alpha;
        p.fill_opacity = a * m_paint.fill_opacity * m_state.fill_alpha * m_state.fill_color_alpha;
        p.stroke_opacity = a * m_paint.stroke_opacity * m_state.stroke_alpha * m_state.stroke_color_alpha;
        m_items.emplace_back(std::move(p));
    }

    void draw_text(const StencilOp& op) {
        if (op.str.empty()) return;
        TextRun run;
        run.text = op.str;
        run.font = m_state.font;
        run.width = text::text_width(op.str, {run.font.size, run.font.bold});
        const Point anchor = m_frame.place(at(op, 0));
        if (!usable(anchor) || !(run.font.size > 0 && run.font.size <= max_font_size)) return;
        const double align = op.v[4], valign = op.v[5];
        const double size = run.font.size;
        run.x = anchor.x - (align == 1 ? run.width / 2 : align == 2 ? run.width : 0);
        // Baseline from the anchor: below it for top, about a third of the size for middle.
        run.y = anchor.y + (valign == 0 ? 0.9 * size : valign == 1 ? 0.35 * size : -0.25 * size);
        run.rotation = (op.v[2] != 0 ? -90 : 0) - op.v[3] + m_frame.turn;
        run.pivot = anchor;
        run.opacity = m_paint.opacity * m_state.alpha;
        m_items.emplace_back(std::move(run));
    }
};

std::atomic<StencilParser> g_parser{nullptr};
std::atomic<StencilLookup> g_lookup{nullptr};

}  // namespace

std::vector<Item> draw_stencil(const Stencil& stencil, const Rect& bounds, const StencilPaint& paint) {
    auto positive = [](double v) { return v > 0 && std::isfinite(v); };
    if (!positive(bounds.width) || !positive(bounds.height) || !positive(stencil.width) ||
        !positive(stencil.height))
        return {};
    StencilPainter painter(stencil, bounds, paint);
    painter.run(stencil.background);
    painter.run(stencil.foreground);
    return painter.take();
}

void set_stencil_parser(StencilParser parser) {
    g_parser.store(parser);
}

bool has_stencil_parser() {
    return g_parser.load() != nullptr;
}

void set_stencil_lookup(StencilLookup lookup) {
    g_lookup.store(lookup);
}

std::shared_ptr<const Stencil> named_stencil(std::string_view shape_name) {
    const StencilLookup lookup = g_lookup.load();
    if (!lookup || !stencil_library_file(shape_name)) return nullptr;
    return lookup(shape_name);
}

std::optional<std::string> stencil_library_file(std::string_view shape_name) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = shape_name.find('.', start);
        parts.push_back(shape_name.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (parts.size() < 3 || parts[0] != "mxgraph" || parts[1].empty()) return std::nullopt;
    std::string file;
    for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
        if (parts[i].empty() || parts[i].find('/') != std::string_view::npos ||
            parts[i].find('\\') != std::string_view::npos)
            return std::nullopt;  // no way out of the stencil folder
        if (!file.empty()) file += '/';
        for (char c : parts[i]) file += char(std::tolower(static_cast<unsigned char>(c)));
    }
    // As draw.io's stencil registry: "pid.pumps_-_din" lives in pid/pumps_din.xml.
    if (auto dash = file.find("_-_"); dash != std::string::npos) file.replace(dash, 3, "_");
    return file;
}

std::optional<std::string_view> inline_stencil_text(std::string_view shape_value) {
    constexpr std::string_view head = "stencil(";
    if (shape_value.size() < head.size() + 1 || shape_value.substr(0, head.size()) != head ||
        shape_value.back() != ')')
        return std::nullopt;
    return shape_value.substr(head.size(), shape_value.size() - head.size() - 1);
}

Result<std::string> inline_stencil_xml(std::string_view base64) {
    auto bytes = codec::base64_decode(base64);
    if (!bytes) return make_error(bytes.error().code, "stencil base64: " + bytes.error().message);
    auto inflated = codec::inflate_raw(bytes.value(), max_stencil_bytes);
    if (!inflated) return make_error(inflated.error().code, "stencil deflate: " + inflated.error().message);
    auto xml = codec::percent_decode(inflated.value());
    if (!xml) return make_error(xml.error().code, "stencil percent-encoding: " + xml.error().message);
    return std::move(xml.value());
}

Result<std::shared_ptr<const Stencil>> inline_stencil(std::string_view base64) {
    using Entry = Result<std::shared_ptr<const Stencil>>;
    static std::mutex mutex;
    static std::unordered_map<std::string, Entry> cache;
    const StencilParser parser = g_parser.load();
    if (!parser) return make_error(ErrorCode::unsupported, "no stencil reader installed");
    const std::string key(base64);
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    Entry entry = [&]() -> Entry {
        auto xml = inline_stencil_xml(base64);
        if (!xml) return xml.error();
        auto stencil = parser(xml.value());
        if (!stencil) return stencil.error();
        return std::shared_ptr<const Stencil>(std::make_shared<Stencil>(std::move(stencil.value())));
    }();
    std::lock_guard lock(mutex);
    // A bound on what a long session (the desktop app) keeps: past it, start afresh.
    if (cache.size() >= 4096) cache.clear();
    return cache.emplace(key, std::move(entry)).first->second;
}

}  // namespace jstudio::render
