#include "exporters/raster/svg_image.hpp"

#include "exporters/raster/svg_image_cairo.hpp"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace jstudio::exporters {

namespace {

struct HandleFree {
    void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleFree>;

// No base file: librsvg then loads nothing the SVG links to (a diagram's image is data from anyone).
Handle open(std::string_view svg) {
    if (svg.empty()) return nullptr;
    GError* error = nullptr;
    RsvgHandle* h =
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
    g_clear_error(&error);
    return Handle(h);
}

constexpr int max_side = 16384;

}  // namespace

render::Point svg_image_size(std::string_view svg) {
    Handle h = open(svg);
    if (!h) return {0, 0};
    gdouble w = 0, hh = 0;
    if (rsvg_handle_get_intrinsic_size_in_pixels(h.get(), &w, &hh) && w > 0 && hh > 0) return {w, hh};
    gboolean has_w = false, has_h = false, has_vb = false;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    rsvg_handle_get_intrinsic_dimensions(h.get(), &has_w, &lw, &has_h, &lh, &has_vb, &vb);
    if (has_vb && vb.width > 0 && vb.height > 0) return {vb.width, vb.height};
    return {0, 0};
}

bool draw_svg_image(cairo_t* cr, std::string_view svg, const render::Rect& box, bool stretch) {
    Handle h = open(svg);
    if (!h || !(box.width > 0) || !(box.height > 0)) return false;
    cairo_save(cr);
    RsvgRectangle viewport{box.x, box.y, box.width, box.height};
    if (stretch) {
        // Scale the SVG's own size onto the box, then draw it at that size.
        const render::Point size = svg_image_size(svg);
        if (size.x > 0 && size.y > 0) {
            cairo_translate(cr, box.x, box.y);
            cairo_scale(cr, box.width / size.x, box.height / size.y);
            viewport = {0, 0, size.x, size.y};
        }
    }
    GError* error = nullptr;
    const bool ok = rsvg_handle_render_document(h.get(), cr, &viewport, &error);
    g_clear_error(&error);
    cairo_restore(cr);
    return ok;
}

Result<RgbaImage> rasterise_svg(std::string_view svg, int width, int height) {
    if (width <= 0 || height <= 0 || width > max_side || height > max_side)
        return make_error(ErrorCode::unsupported, "SVG image size out of range");
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return make_error(ErrorCode::unsupported, "no memory for the SVG image");
    }
    cairo_t* cr = cairo_create(surface);
    const bool ok = draw_svg_image(cr, svg, {0, 0, double(width), double(height)}, true);
    cairo_destroy(cr);
    if (!ok) {
        cairo_surface_destroy(surface);
        return make_error(ErrorCode::bad_xml, "SVG image not readable");
    }
    cairo_surface_flush(surface);
    RgbaImage out;
    out.width = width, out.height = height;
    out.rgba.resize(std::size_t(width) * height * 4);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint32_t argb;
            std::memcpy(&argb, data + y * stride + x * 4, 4);
            const unsigned a = argb >> 24;
            std::uint8_t* o = &out.rgba[(std::size_t(y) * width + x) * 4];
            auto un = [&](unsigned c) { return std::uint8_t(a ? std::min(255u, c * 255 / a) : 0); };
            o[0] = un(argb >> 16 & 255), o[1] = un(argb >> 8 & 255), o[2] = un(argb & 255),
            o[3] = std::uint8_t(a);
        }
    cairo_surface_destroy(surface);
    return out;
}

Result<std::string> svg_to_png(std::string_view svg, int width, int height, bool stretch) {
    if (width <= 0 || height <= 0 || width > max_side || height > max_side)
        return make_error(ErrorCode::unsupported, "SVG image size out of range");
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    const bool ok = draw_svg_image(cr, svg, {0, 0, double(width), double(height)}, stretch);
    cairo_destroy(cr);
    std::string png;
    if (ok)
        cairo_surface_write_to_png_stream(
            surface,
            [](void* closure, const unsigned char* data, unsigned int length) {
                static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
                return CAIRO_STATUS_SUCCESS;
            },
            &png);
    cairo_surface_destroy(surface);
    if (!ok) return make_error(ErrorCode::bad_xml, "SVG image not readable");
    return png;
}

}  // namespace jstudio::exporters
