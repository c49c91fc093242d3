#include "exporters/raster/cairo_writer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "core/codec/codec.hpp"
#include "core/render/label_text.hpp"
#include "exporters/image/image_source.hpp"
#include "exporters/raster/data_fonts.hpp"
#include "exporters/raster/shadow_blur.hpp"
#include "exporters/raster/svg_image_cairo.hpp"
#include "exporters/svg/svg_writer.hpp"

namespace jstudio::exporters {

using namespace render;

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct ReadCursor {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* c = static_cast<ReadCursor*>(closure);
    if (c->at + length > c->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(c->bytes->data() + c->at, length, data);
    c->at += length;
    return CAIRO_STATUS_SUCCESS;
}

void set_color(cairo_t* cr, const Color& c, double alpha) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void trace(cairo_t* cr, const Path& p) {
    cairo_new_path(cr);
    for (const auto& op : p.ops) {
        switch (op.kind) {
            case PathOp::move:
                cairo_move_to(cr, op.p[0].x, op.p[0].y);
                break;
            case PathOp::line:
                cairo_line_to(cr, op.p[0].x, op.p[0].y);
                break;
            case PathOp::cubic:
                cairo_curve_to(cr, op.p[0].x, op.p[0].y, op.p[1].x, op.p[1].y, op.p[2].x, op.p[2].y);
                break;
            case PathOp::close:
                cairo_close_path(cr);
                break;
        }
    }
}

void draw_path(cairo_t* cr, const Path& p) {
    trace(cr, p);
    if (p.gradient) {
        Rect b = p.bounds();
        const auto& g = *p.gradient;
        double x1 = b.x, y1 = b.y, x2 = b.x, y2 = b.bottom();
        if (g.direction == "north") std::swap(y1, y2);
        if (g.direction == "east") x2 = b.right(), y2 = b.y;
        if (g.direction == "west") x1 = b.right(), x2 = b.x, y2 = b.y;
        cairo_pattern_t* pat = cairo_pattern_create_linear(x1, y1, x2, y2);
        cairo_pattern_add_color_stop_rgba(pat, 0, g.from.r / 255.0, g.from.g / 255.0, g.from.b / 255.0,
                                          p.fill_opacity * g.from_opacity);
        cairo_pattern_add_color_stop_rgba(pat, 1, g.to.r / 255.0, g.to.g / 255.0, g.to.b / 255.0,
                                          p.fill_opacity * g.to_opacity);
        cairo_set_source(cr, pat);
        cairo_fill_preserve(cr);
        cairo_pattern_destroy(pat);
    } else if (p.fill) {
        set_color(cr, *p.fill, p.fill_opacity);
        cairo_fill_preserve(cr);
    }
    if (p.stroke) {
        set_color(cr, *p.stroke, p.stroke_opacity);
        cairo_set_line_width(cr, p.stroke_width);
        cairo_set_line_join(cr, p.round_joins ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
        cairo_set_miter_limit(cr, 10);
        if (!p.dash.empty())
            cairo_set_dash(cr, p.dash.data(), int(p.dash.size()), 0);
        else
            cairo_set_dash(cr, nullptr, 0, 0);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

void draw_text(cairo_t* cr, PangoLayout* layout, const TextRun& t) {
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, drawn_family(t.font.family).c_str());
    pango_font_description_set_absolute_size(desc, t.font.size * PANGO_SCALE);
    pango_font_description_set_weight(desc, t.font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(desc, t.font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    PangoAttrList* attrs = pango_attr_list_new();
    if (t.font.underline) pango_attr_list_insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    // The renderer already cuts labels at 64 KiB with a warning; this is the last guard for scenes built
    // elsewhere, since pango lays out a text with allocations many times its size (a 100 MB run aborted in
    // GLib) and takes its length as an int.
    const std::string_view text = utf8_prefix(t.text, std::size_t(1) << 20);
    pango_layout_set_text(layout, text.data(), int(text.size()));
    double baseline = pango_layout_get_baseline(layout) / double(PANGO_SCALE);
    set_color(cr, t.font.color, t.opacity);
    cairo_save(cr);
    if (t.rotation != 0) {
        cairo_translate(cr, t.pivot.x, t.pivot.y);
        cairo_rotate(cr, t.rotation * 3.14159265358979323846 / 180);
        cairo_translate(cr, -t.pivot.x, -t.pivot.y);
        pango_cairo_update_layout(cr, layout);
    }
    cairo_move_to(cr, t.x, t.y - baseline);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
    if (t.rotation != 0) pango_cairo_update_layout(cr, layout);
}

// JPEG, GIF, BMP, WebP... (whatever gdk-pixbuf's loaders read) as a cairo surface; nullptr when unreadable.
cairo_surface_t* decode_with_pixbuf(const std::string& bytes) {
    GdkPixbufLoader* loader = gdk_pixbuf_loader_new();
    GError* error = nullptr;
    const bool written =
        gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &error);
    g_clear_error(&error);
    // Closed either way: a loader finalised unclosed warns on stderr.
    const bool ok = gdk_pixbuf_loader_close(loader, written ? &error : nullptr) && written;
    g_clear_error(&error);
    if (!ok) {
        g_object_unref(loader);
        return nullptr;
    }
    GdkPixbuf* pixbuf = gdk_pixbuf_loader_get_pixbuf(loader);  // owned by the loader
    cairo_surface_t* surface = nullptr;
    if (pixbuf && gdk_pixbuf_get_colorspace(pixbuf) == GDK_COLORSPACE_RGB &&
        gdk_pixbuf_get_bits_per_sample(pixbuf) == 8) {
        const int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
        const int channels = gdk_pixbuf_get_n_channels(pixbuf), stride = gdk_pixbuf_get_rowstride(pixbuf);
        const bool alpha = gdk_pixbuf_get_has_alpha(pixbuf);
        const guchar* in = gdk_pixbuf_read_pixels(pixbuf);
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
            unsigned char* out = cairo_image_surface_get_data(surface);
            const int out_stride = cairo_image_surface_get_stride(surface);
            cairo_surface_flush(surface);
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x) {
                    const guchar* p = in + y * stride + x * channels;
                    const unsigned a = alpha ? p[3] : 255;
                    // cairo wants premultiplied native-endian ARGB.
                    const std::uint32_t argb =
                        a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
                    std::memcpy(out + y * out_stride + x * 4, &argb, 4);
                }
            cairo_surface_mark_dirty(surface);
        }
    }
    g_object_unref(loader);
    return surface;
}

void draw_image(cairo_t* cr, const Image& im, const RasterOptions& o) {
    auto image = load_image(im.href, o.base_dir, o.image_dirs);
    cairo_surface_t* img = nullptr;
    if (image && image->mime == "image/svg+xml") {
        // Faded as a whole (overlapping parts of the picture must not show through each other).
        const bool fade = im.opacity < 1;
        if (fade) cairo_push_group(cr);
        const bool drawn = draw_svg_image(cr, image->bytes, im.box);
        if (fade) {
            cairo_pop_group_to_source(cr);
            if (drawn) cairo_paint_with_alpha(cr, std::max(im.opacity, 0.0));
        }
        if (drawn) return;
    }
    // Decoders allocate and fill what the header claims: refuse by the declared size before decoding.
    if (image && image->mime != "image/svg+xml")
        if (auto size = decodable_image_size(image->bytes); !size) image = size.error();
    if (image && image->mime == "image/svg+xml") {
        // librsvg could not read it: the frame below.
    } else if (image && image->mime == "image/png") {
        ReadCursor cursor{&image->bytes};
        img = cairo_image_surface_create_from_png_stream(read_bytes, &cursor);
    } else if (image) {
        img = decode_with_pixbuf(image->bytes);
    }
    if (!img || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        // Unreadable or unsupported (SVG images): a light frame keeps the space visible.
        if (img) cairo_surface_destroy(img);
        Path frame = rect_path(im.box);
        frame.stroke = Color{200, 200, 200};
        draw_path(cr, frame);
        return;
    }
    double iw = cairo_image_surface_get_width(img), ih = cairo_image_surface_get_height(img);
    if (iw > 0 && ih > 0) {
        cairo_save(cr);
        double sx = im.box.width / iw, sy = im.box.height / ih, x = im.box.x, y = im.box.y;
        // draw.io's imageAspect=1 (the default): the whole image, centred.
        sx = sy = std::min(sx, sy);
        x += (im.box.width - iw * sx) / 2, y += (im.box.height - ih * sy) / 2;
        cairo_translate(cr, x, y);
        cairo_scale(cr, sx, sy);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint_with_alpha(cr, std::clamp(im.opacity, 0.0, 1.0));
        cairo_restore(cr);
    }
    cairo_surface_destroy(img);
}

Rect frame_of(const Scene& scene, const RasterOptions& o) {
    Rect b = scene.drawing.bounds;
    if (!o.crop) {
        double x1 = b.right(), y1 = b.bottom();
        b.x = std::min(0.0, b.x), b.y = std::min(0.0, b.y);
        b.width = x1 - b.x, b.height = y1 - b.y;
    }
    return {b.x - o.margin, b.y - o.margin, b.width + 2 * o.margin, b.height + 2 * o.margin};
}

void draw_scene(cairo_t* cr, const Scene& scene, const Rect& frame, double scale, const RasterOptions& o,
                bool opaque_default) {
    std::optional<Color> bg = o.background;
    if (!bg && !o.transparent) bg = scene.background;
    if (!bg && opaque_default) bg = Color{255, 255, 255};
    if (bg) {
        set_color(cr, *bg, 1);
        cairo_paint(cr);
    }
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -frame.x, -frame.y);
    use_data_fonts();
    PangoLayout* layout = pango_cairo_create_layout(cr);
    const auto& items = scene.drawing.items;
    std::vector<const Path*> shadow;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        if (const auto* p = std::get_if<Path>(&item); p && !p->shadow) {
            draw_path(cr, *p);
        } else if (p) {
            shadow.push_back(p);
            const auto* next = i + 1 < items.size() ? std::get_if<Path>(&items[i + 1]) : nullptr;
            if (!next || next->shadow != p->shadow) {  // the layer's last path: blur them all at once
                draw_shadow_layer(cr, shadow);
                shadow.clear();
            }
        } else if (const auto* t = std::get_if<TextRun>(&item)) {
            draw_text(cr, layout, *t);
        } else if (const auto* im = std::get_if<Image>(&item)) {
            draw_image(cr, *im, o);
        }
    }
    g_object_unref(layout);
}

}  // namespace

Result<std::string> write_png(const Scene& scene, const RasterOptions& o) {
    double scale = o.dpi > 0 ? o.dpi / 96.0 : o.scale;
    if (!(scale > 0) || !std::isfinite(scale))
        return make_error(ErrorCode::unsupported, "scale must be positive");
    Rect frame = frame_of(scene, o);
    double w = std::ceil(frame.width * scale), h = std::ceil(frame.height * scale);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    if (w * h > 400e6 || w > 32767 || h > 32767)
        return make_error(ErrorCode::unsupported, "image would be " + std::to_string(long(w)) + "x" +
                                                      std::to_string(long(h)) +
                                                      " px; lower --scale or --dpi");
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(w), int(h));
    cairo_t* cr = cairo_create(surface);
    draw_scene(cr, scene, frame, scale, o, false);
    cairo_destroy(cr);
    std::string bytes;
    cairo_status_t st = cairo_surface_write_to_png_stream(surface, append_bytes, &bytes);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return make_error(ErrorCode::io,
                          std::string("cairo PNG encoding failed: ") + cairo_status_to_string(st));
    return bytes;
}

Result<std::string> write_pdf(const std::vector<Scene>& scenes, const RasterOptions& o) {
    if (scenes.empty()) return make_error(ErrorCode::unsupported, "no page to write");
    // PDF units are points; draw.io px map to pt one to one (draw.io's own PDF export does the same).
    std::string bytes;
    Rect first = frame_of(scenes.front(), o);
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        append_bytes, &bytes, first.width * o.scale, first.height * o.scale);
    for (const Scene& scene : scenes) {
        Rect frame = frame_of(scene, o);
        cairo_pdf_surface_set_size(surface, std::max(1.0, frame.width * o.scale),
                                   std::max(1.0, frame.height * o.scale));
        cairo_t* cr = cairo_create(surface);
        draw_scene(cr, scene, frame, o.scale, o, false);
        cairo_show_page(cr);
        cairo_destroy(cr);
    }
    cairo_surface_finish(surface);
    cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return make_error(ErrorCode::io, std::string("cairo PDF failed: ") + cairo_status_to_string(st));
    return bytes;
}

}  // namespace jstudio::exporters
