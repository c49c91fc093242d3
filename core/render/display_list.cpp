#include "core/render/display_list.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace jstudio::render {

std::string Color::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

double color_alpha(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.size() == 9 && text[0] == '#' && hex_digit(text[7]) >= 0 && hex_digit(text[8]) >= 0)
        return (hex_digit(text[7]) * 16 + hex_digit(text[8])) / 255.0;
    if (!text.starts_with("rgba(")) return 1;
    // The text after the third comma.
    std::size_t at = 0;
    for (int commas = 0; commas < 3; ++commas) {
        at = text.find(',', at);
        if (at == std::string_view::npos) return 1;
        ++at;
    }
    std::string_view rest = text.substr(at);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    double a = 1;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), a);
    if (ec != std::errc() || !std::isfinite(a)) return 1;
    if (end != rest.data() + rest.size() && *end == '%') a /= 100;
    return std::clamp(a, 0.0, 1.0);
}

std::optional<Color> parse_color(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text == "none") return std::nullopt;
    if (text[0] == '#') {
        text.remove_prefix(1);
        for (char c : text)
            if (hex_digit(c) < 0) return std::nullopt;
        if (text.size() == 3)
            return Color{std::uint8_t(hex_digit(text[0]) * 17), std::uint8_t(hex_digit(text[1]) * 17),
                         std::uint8_t(hex_digit(text[2]) * 17)};
        if (text.size() == 6 || text.size() == 8)
            return Color{std::uint8_t(hex_digit(text[0]) * 16 + hex_digit(text[1])),
                         std::uint8_t(hex_digit(text[2]) * 16 + hex_digit(text[3])),
                         std::uint8_t(hex_digit(text[4]) * 16 + hex_digit(text[5]))};
        return std::nullopt;
    }
    if (text.starts_with("rgb")) {
        auto open = text.find('(');
        if (open == std::string_view::npos) return std::nullopt;
        int v[3] = {0, 0, 0};
        std::size_t at = open + 1;
        for (int i = 0; i < 3; ++i) {
            while (at < text.size() && (text[at] == ' ' || text[at] == ',')) ++at;
            auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + text.size(), v[i]);
            if (ec != std::errc()) return std::nullopt;
            at = std::size_t(ptr - text.data());
        }
        return Color{std::uint8_t(std::clamp(v[0], 0, 255)), std::uint8_t(std::clamp(v[1], 0, 255)),
                     std::uint8_t(std::clamp(v[2], 0, 255))};
    }
    static const std::pair<std::string_view, Color> names[] = {
        {"black", {0, 0, 0}},      {"white", {255, 255, 255}}, {"red", {255, 0, 0}},
        {"green", {0, 128, 0}},    {"blue", {0, 0, 255}},      {"gray", {128, 128, 128}},
        {"grey", {128, 128, 128}}, {"yellow", {255, 255, 0}},  {"orange", {255, 165, 0}},
        {"purple", {128, 0, 128}}, {"default", {0, 0, 0}}};
    for (const auto& [name, color] : names)
        if (text == name) return color;
    return std::nullopt;
}

Path& Path::move_to(Point p) {
    ops.push_back({PathOp::move, {p, {}, {}}});
    return *this;
}
Path& Path::line_to(Point p) {
    ops.push_back({PathOp::line, {p, {}, {}}});
    return *this;
}
Path& Path::cubic_to(Point c1, Point c2, Point end) {
    ops.push_back({PathOp::cubic, {c1, c2, end}});
    return *this;
}
Path& Path::close() {
    ops.push_back({PathOp::close, {}});
    return *this;
}

Rect Path::bounds() const {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    for (const auto& op : ops) {
        int n = op.kind == PathOp::cubic ? 3 : op.kind == PathOp::close ? 0 : 1;
        for (int i = 0; i < n; ++i) {
            x0 = std::min(x0, op.p[i].x), y0 = std::min(y0, op.p[i].y);
            x1 = std::max(x1, op.p[i].x), y1 = std::max(y1, op.p[i].y);
        }
    }
    if (x0 > x1) return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

Path rect_path(const Rect& r) {
    return polygon_path({{r.x, r.y}, {r.right(), r.y}, {r.right(), r.bottom()}, {r.x, r.bottom()}});
}

Path ellipse_path(const Rect& r) {
    // Four cubic quarter arcs; 0.5523 is the usual circle constant.
    const double k = 0.5522847498, cx = r.x + r.width / 2, cy = r.y + r.height / 2, rx = r.width / 2,
                 ry = r.height / 2;
    Path p;
    p.move_to({cx + rx, cy});
    p.cubic_to({cx + rx, cy + k * ry}, {cx + k * rx, cy + ry}, {cx, cy + ry});
    p.cubic_to({cx - k * rx, cy + ry}, {cx - rx, cy + k * ry}, {cx - rx, cy});
    p.cubic_to({cx - rx, cy - k * ry}, {cx - k * rx, cy - ry}, {cx, cy - ry});
    p.cubic_to({cx + k * rx, cy - ry}, {cx + rx, cy - k * ry}, {cx + rx, cy});
    p.close();
    return p;
}

Path rounded_rect_path(const Rect& r, double radius) {
    radius = std::max(0.0, std::min({radius, r.width / 2, r.height / 2}));
    if (radius <= 0) return rect_path(r);
    const double k = 0.5522847498 * radius;
    Path p;
    p.move_to({r.x + radius, r.y});
    p.line_to({r.right() - radius, r.y});
    p.cubic_to({r.right() - radius + k, r.y}, {r.right(), r.y + radius - k}, {r.right(), r.y + radius});
    p.line_to({r.right(), r.bottom() - radius});
    p.cubic_to({r.right(), r.bottom() - radius + k}, {r.right() - radius + k, r.bottom()},
               {r.right() - radius, r.bottom()});
    p.line_to({r.x + radius, r.bottom()});
    p.cubic_to({r.x + radius - k, r.bottom()}, {r.x, r.bottom() - radius + k}, {r.x, r.bottom() - radius});
    p.line_to({r.x, r.y + radius});
    p.cubic_to({r.x, r.y + radius - k}, {r.x + radius - k, r.y}, {r.x + radius, r.y});
    p.close();
    return p;
}

Path polygon_path(const std::vector<Point>& points, bool closed) {
    Path p;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i == 0)
            p.move_to(points[i]);
        else
            p.line_to(points[i]);
    }
    if (closed && !points.empty()) p.close();
    return p;
}

// An SVG elliptical arc from `from` as cubic Béziers (SVG 1.1 F.6.5 centre parameterisation, quarter turns
// at most per curve).
namespace {
constexpr double pi = 3.14159265358979323846;
}  // namespace

void append_arc(Path& path, Point from, double rx, double ry, double rotation_deg, bool large, bool sweep,
                Point to) {
    if (from.x == to.x && from.y == to.y) return;
    rx = std::abs(rx), ry = std::abs(ry);
    if (rx < 1e-12 || ry < 1e-12) {
        path.line_to(to);
        return;
    }
    // Only the remainder of a turn counts: 1e308 degrees would otherwise make an infinite angle.
    rotation_deg = std::isfinite(rotation_deg) ? std::fmod(rotation_deg, 360) : 0;
    const double phi = rotation_deg * pi / 180, cp = std::cos(phi), sp = std::sin(phi);
    const double hx = (from.x - to.x) / 2, hy = (from.y - to.y) / 2;
    const double x1 = cp * hx + sp * hy, y1 = -sp * hx + cp * hy;
    const double lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
    if (lambda > 1) rx *= std::sqrt(lambda), ry *= std::sqrt(lambda);
    const double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
    const double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
    double k = den > 0 ? std::sqrt(std::max(0.0, num / den)) : 0;
    if (large == sweep) k = -k;
    const double cx1 = k * rx * y1 / ry, cy1 = -k * ry * x1 / rx;
    const double cx = cp * cx1 - sp * cy1 + (from.x + to.x) / 2,
                 cy = sp * cx1 + cp * cy1 + (from.y + to.y) / 2;
    auto angle = [](double ux, double uy, double vx, double vy) {
        return std::atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    };
    const double t1 = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
    double dt = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
    if (!sweep && dt > 0) dt -= 2 * pi;
    if (sweep && dt < 0) dt += 2 * pi;
    // Radii so large that their squares overflow leave no centre to turn around: a straight line, as for
    // radii too small.
    if (!std::isfinite(cx) || !std::isfinite(cy) || !std::isfinite(t1) || !std::isfinite(dt) ||
        !std::isfinite(rx * rx * ry * ry)) {
        path.line_to(to);
        return;
    }
    const int parts = std::max(1, static_cast<int>(std::ceil(std::abs(dt) / (pi / 2) - 1e-9)));
    const double step = dt / parts, kk = 4.0 / 3.0 * std::tan(step / 4);
    auto point = [&](double t) {
        const double ex = rx * std::cos(t), ey = ry * std::sin(t);
        return Point{cx + cp * ex - sp * ey, cy + sp * ex + cp * ey};
    };
    auto tangent = [&](double t) {
        const double ex = -rx * std::sin(t), ey = ry * std::cos(t);
        return Point{cp * ex - sp * ey, sp * ex + cp * ey};
    };
    double t = t1;
    for (int i = 0; i < parts; ++i) {
        const double u = t + step;
        const Point a = point(t), da = tangent(t), b = (i + 1 == parts) ? to : point(u), db = tangent(u);
        path.cubic_to({a.x + kk * da.x, a.y + kk * da.y}, {b.x - kk * db.x, b.y - kk * db.y}, b);
        t = u;
    }
}

}  // namespace jstudio::render
