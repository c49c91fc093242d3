#include "exporters/raster/shadow_blur.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jstudio::exporters {

using namespace render;

void gaussian_blur_a8(unsigned char* data, int width, int height, int stride, double sigma) {
    if (!(sigma > 0) || width <= 0 || height <= 0) return;
    // Three standard deviations hold all but 0.3 % of the weight; the kernel is normalised over them.
    const int radius = std::max(1, int(std::ceil(3 * sigma)));
    std::vector<float> kernel(std::size_t(2 * radius + 1));
    float total = 0;
    for (int i = -radius; i <= radius; ++i)
        total += kernel[std::size_t(i + radius)] = float(std::exp(-(i * i) / (2 * sigma * sigma)));
    for (float& k : kernel) k /= total;
    std::vector<float> line(std::size_t(std::max(width, height)));
    // One pass along a line of `n` values `step` bytes apart.
    const auto pass = [&](unsigned char* first, int n, int step) {
        for (int i = 0; i < n; ++i) line[std::size_t(i)] = first[i * step];
        for (int i = 0; i < n; ++i) {
            float sum = 0;
            const int from = std::max(0, i - radius), to = std::min(n - 1, i + radius);
            for (int j = from; j <= to; ++j)
                sum += line[std::size_t(j)] * kernel[std::size_t(j - i + radius)];
            first[i * step] = static_cast<unsigned char>(std::min(255.0f, sum + 0.5f));
        }
    };
    for (int y = 0; y < height; ++y) pass(data + std::ptrdiff_t(y) * stride, width, 1);
    for (int x = 0; x < width; ++x) pass(data + x, height, stride);
}

namespace {

void trace(cairo_t* cr, const Path& p) {
    cairo_new_path(cr);
    for (const auto& op : p.ops) {
        if (op.kind == PathOp::move) cairo_move_to(cr, op.p[0].x, op.p[0].y);
        if (op.kind == PathOp::line) cairo_line_to(cr, op.p[0].x, op.p[0].y);
        if (op.kind == PathOp::cubic)
            cairo_curve_to(cr, op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
        if (op.kind == PathOp::close) cairo_close_path(cr);
    }
}

// The path's coverage in an alpha-only mask: its colours do not matter there, only how opaque it is.
void draw_alpha(cairo_t* cr, const Path& p) {
    trace(cr, p);
    if (p.fill || p.gradient) {
        cairo_set_source_rgba(cr, 0, 0, 0, p.fill_opacity);
        cairo_fill_preserve(cr);
    }
    if (p.stroke && p.stroke_width > 0) {
        cairo_set_source_rgba(cr, 0, 0, 0, p.stroke_opacity);
        cairo_set_line_width(cr, p.stroke_width);
        cairo_set_line_join(cr, p.round_joins ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
        cairo_set_miter_limit(cr, 10);
        cairo_set_dash(cr, p.dash.empty() ? nullptr : p.dash.data(), int(p.dash.size()), 0);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

}  // namespace

void draw_shadow_layer(cairo_t* cr, const std::vector<const Path*>& paths) {
    if (paths.empty() || !paths.front()->shadow) return;
    const ShadowLayer layer = *paths.front()->shadow;
    const Path& first = *paths.front();
    const Color color = first.fill ? *first.fill : first.stroke.value_or(Color{});
    // The layer's extent on the device: the paths, their strokes and the blur's reach, within the clip.
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    for (const Path* p : paths) {
        const Rect b = p->bounds();
        const double pad = (p->stroke ? p->stroke_width / 2 + 1 : 1) + 3 * layer.blur;
        for (double x : {b.x - pad, b.right() + pad})
            for (double y : {b.y - pad, b.bottom() + pad}) {
                double dx = x, dy = y;
                cairo_user_to_device(cr, &dx, &dy);
                x0 = std::min(x0, dx), y0 = std::min(y0, dy), x1 = std::max(x1, dx), y1 = std::max(y1, dy);
            }
    }
    double cx0, cy0, cx1, cy1;
    cairo_clip_extents(cr, &cx0, &cy0, &cx1, &cy1);
    {
        double xs[] = {cx0, cx1, cx0, cx1}, ys[] = {cy0, cy0, cy1, cy1};
        double lx = std::numeric_limits<double>::infinity(), ly = lx, hx = -lx, hy = -lx;
        for (int i = 0; i < 4; ++i) {
            cairo_user_to_device(cr, &xs[i], &ys[i]);
            lx = std::min(lx, xs[i]), ly = std::min(ly, ys[i]), hx = std::max(hx, xs[i]),
            hy = std::max(hy, ys[i]);
        }
        x0 = std::floor(std::max(x0, lx)), y0 = std::floor(std::max(y0, ly));
        x1 = std::ceil(std::min(x1, hx)), y1 = std::ceil(std::min(y1, hy));
    }
    if (!(x1 > x0) || !(y1 > y0)) return;
    // A vector target (PDF) gets the mask at twice its unit: the blur's edge would show steps at 72 dpi.
    const bool image = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
    const double k = image ? 1 : 2;
    const double w = (x1 - x0) * k, h = (y1 - y0) * k;
    if (w * h > 64e6) return;  // a shadow larger than any page: leave it out rather than allocate gigabytes
    cairo_matrix_t to_device;
    cairo_get_matrix(cr, &to_device);
    const double unit = std::sqrt(std::abs(to_device.xx * to_device.yy - to_device.xy * to_device.yx));

    cairo_surface_t* mask = cairo_image_surface_create(CAIRO_FORMAT_A8, int(w), int(h));
    cairo_t* m = cairo_create(mask);
    cairo_scale(m, k, k);
    cairo_translate(m, -x0, -y0);
    cairo_transform(m, &to_device);
    for (const Path* p : paths) draw_alpha(m, *p);
    cairo_destroy(m);
    cairo_surface_flush(mask);
    gaussian_blur_a8(cairo_image_surface_get_data(mask), int(w), int(h), cairo_image_surface_get_stride(mask),
                     layer.blur * unit * k);
    cairo_surface_mark_dirty(mask);

    cairo_save(cr);
    cairo_identity_matrix(cr);
    cairo_set_source_rgba(cr, color.r / 255.0, color.g / 255.0, color.b / 255.0, layer.opacity);
    cairo_translate(cr, x0, y0);
    cairo_scale(cr, 1 / k, 1 / k);
    cairo_mask_surface(cr, mask, 0, 0);
    cairo_restore(cr);
    cairo_surface_destroy(mask);
}

}  // namespace jstudio::exporters
