#include "exporters/pptx/svg_fallback.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>

namespace jstudio::exporters {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> svg_to_png(const std::string& svg, int width, int height) {
    width = std::clamp(width, 1, 4096), height = std::clamp(height, 1, 4096);
    GError* error = nullptr;
    RsvgHandle* handle =
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), gsize(svg.size()), &error);
    if (!handle) {
        std::string msg = error ? error->message : "unreadable SVG";
        if (error) g_error_free(error);
        return make_error(ErrorCode::unsupported, "SVG image: " + msg);
    }
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    RsvgRectangle viewport{0, 0, double(width), double(height)};
    bool ok = rsvg_handle_render_document(handle, cr, &viewport, &error);
    std::string png;
    if (ok) cairo_surface_write_to_png_stream(surface, append, &png);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    if (!ok) {
        std::string msg = error ? error->message : "cannot draw the SVG";
        if (error) g_error_free(error);
        return make_error(ErrorCode::unsupported, "SVG image: " + msg);
    }
    if (png.empty()) return make_error(ErrorCode::io, "SVG image: cannot encode its PNG");
    return png;
}

}  // namespace jstudio::exporters
