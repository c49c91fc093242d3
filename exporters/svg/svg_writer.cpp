#include "exporters/svg/svg_writer.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/codec/codec.hpp"
#include "core/text/xml_escape.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/image/image_source.hpp"

namespace jstudio::exporters {

using namespace render;

namespace {

std::string num(double v) {
    if (std::abs(v) < 5e-5) v = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string escape(std::string_view text, bool attribute) {
    return text::xml_escape(text, attribute ? text::svg_attribute : text::svg_text);
}

std::string path_data(const Path& p) {
    std::string d;
    for (const auto& op : p.ops) {
        switch (op.kind) {
            case PathOp::move:
                d += "M" + num(op.p[0].x) + " " + num(op.p[0].y) + " ";
                break;
            case PathOp::line:
                d += "L" + num(op.p[0].x) + " " + num(op.p[0].y) + " ";
                break;
            case PathOp::cubic:
                d += "C" + num(op.p[0].x) + " " + num(op.p[0].y) + " " + num(op.p[1].x) + " " +
                     num(op.p[1].y) + " " + num(op.p[2].x) + " " + num(op.p[2].y) + " ";
                break;
            case PathOp::close:
                d += "Z ";
                break;
        }
    }
    if (!d.empty()) d.pop_back();
    return d;
}

// Files are embedded as data URIs, so the SVG shows them wherever it is copied; web URLs stay links.
std::string image_href(const std::string& href, const std::string& base_dir,
                       const std::vector<std::string>& image_dirs) {
    if (href.rfind("data:", 0) == 0 || href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0)
        return normalise_image_uri(href);
    auto image = load_image(href, base_dir, image_dirs);
    if (!image) return href;
    return "data:" + image->mime + ";base64," + codec::base64_encode(image->bytes);
}

}  // namespace

std::string normalise_image_uri(const std::string& href) {
    if (href.rfind("data:", 0) == 0) {
        auto comma = href.find(',');
        if (comma != std::string::npos && href.substr(0, comma).find(";base64") == std::string::npos)
            return href.substr(0, comma) + ";base64" + href.substr(comma);
    }
    return href;
}

std::string write_svg(const Scene& scene, const SvgOptions& options, const std::string& content) {
    const Rect& b = scene.drawing.bounds;
    const double m = options.margin, s = options.scale;
    const double w = std::ceil((b.width + 2 * m) * s), h = std::ceil((b.height + 2 * m) * s);
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "version=\"1.1\""
        << " width=\"" << num(w) << "px\" height=\"" << num(h) << "px\" viewBox=\"" << num(b.x - m) << " "
        << num(b.y - m) << " " << num(w / s) << " " << num(h / s) << "\"";
    if (!content.empty()) out << " content=\"" << escape(content, true) << "\"";
    out << ">\n";
    std::optional<Color> background = options.background;
    if (!background && !options.transparent) background = scene.background;
    if (background)
        out << "<rect x=\"" << num(b.x - m) << "\" y=\"" << num(b.y - m) << "\" width=\"" << num(w / s)
            << "\" height=\"" << num(h / s) << "\" fill=\"" << background->hex() << "\"/>\n";
    int gradients = 0, shadows = 0;
    const auto write_path = [&](const Path& p) {
        std::string fill = "none";
        if (p.gradient) {
            const auto& g = *p.gradient;
            std::string id = "g" + std::to_string(++gradients);
            double x1 = 0, y1 = 0, x2 = 0, y2 = 1;
            if (g.direction == "north") y1 = 1, y2 = 0;
            if (g.direction == "east") x2 = 1, y2 = 0;
            if (g.direction == "west") x1 = 1, y2 = 0;
            out << "<defs><linearGradient id=\"" << id << "\" x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\""
                << x2 << "\" y2=\"" << y2 << "\"><stop offset=\"0\" stop-color=\"" << g.from.hex() << "\"";
            if (g.from_opacity < 1) out << " stop-opacity=\"" << num(g.from_opacity) << "\"";
            out << "/><stop offset=\"1\" stop-color=\"" << g.to.hex() << "\"";
            if (g.to_opacity < 1) out << " stop-opacity=\"" << num(g.to_opacity) << "\"";
            out << "/></linearGradient></defs>";
            fill = "url(#" + id + ")";
        } else if (p.fill) {
            fill = p.fill->hex();
        }
        out << "<path d=\"" << path_data(p) << "\" fill=\"" << fill << "\"";
        if (p.fill && p.fill_opacity < 1) out << " fill-opacity=\"" << num(p.fill_opacity) << "\"";
        if (p.stroke) {
            out << " stroke=\"" << p.stroke->hex() << "\"";
            if (p.stroke_width != 1) out << " stroke-width=\"" << num(p.stroke_width) << "\"";
            if (p.stroke_opacity < 1) out << " stroke-opacity=\"" << num(p.stroke_opacity) << "\"";
            if (!p.dash.empty()) {
                out << " stroke-dasharray=\"";
                for (std::size_t i = 0; i < p.dash.size(); ++i) out << (i ? " " : "") << num(p.dash[i]);
                out << "\"";
            }
            out << " stroke-miterlimit=\"10\"";
        } else {
            out << " stroke=\"none\"";
        }
        out << "/>\n";
    };
    const auto& items = scene.drawing.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        if (const auto* p = std::get_if<Path>(&item); p && !p->shadow) {
            write_path(*p);
        } else if (p) {
            // A shadow's run of paths: one group, blurred by a filter over its own region (an edge's
            // bounding box may have no height, which leaves the default region empty).
            const ShadowLayer layer = *p->shadow;
            std::size_t end = i;
            Rect r = p->bounds();
            double pad = 0;
            for (; end < items.size(); ++end) {
                const auto* q = std::get_if<Path>(&items[end]);
                if (!q || q->shadow != layer) break;
                const Rect qb = q->bounds();
                const double x1 = std::max(r.right(), qb.right()), y1 = std::max(r.bottom(), qb.bottom());
                r.x = std::min(r.x, qb.x), r.y = std::min(r.y, qb.y), r.width = x1 - r.x, r.height = y1 - r.y;
                pad = std::max(pad, q->stroke ? q->stroke_width / 2 : 0);
            }
            out << "<g opacity=\"" << num(layer.opacity) << "\"";
            if (layer.blur > 0) {
                const std::string id = "shadow" + std::to_string(++shadows);
                pad += 3 * layer.blur + 1;
                out << " filter=\"url(#" << id << ")\"><defs><filter id=\"" << id
                    << "\" filterUnits=\"userSpaceOnUse\" x=\"" << num(r.x - pad) << "\" y=\""
                    << num(r.y - pad) << "\" width=\"" << num(r.width + 2 * pad) << "\" height=\""
                    << num(r.height + 2 * pad) << "\"><feGaussianBlur stdDeviation=\"" << num(layer.blur)
                    << "\"/></filter></defs>";
            } else {
                out << ">";
            }
            out << "\n";
            for (; i < end; ++i) write_path(std::get<Path>(items[i]));
            out << "</g>\n";
            --i;
        } else if (const auto* t = std::get_if<TextRun>(&item)) {
            out << "<text x=\"" << num(t->x) << "\" y=\"" << num(t->y) << "\" font-family=\""
                << escape(t->font.family, true) << "\" font-size=\"" << num(t->font.size) << "px\" fill=\""
                << t->font.color.hex() << "\"";
            if (t->font.bold) out << " font-weight=\"bold\"";
            if (t->font.italic) out << " font-style=\"italic\"";
            if (t->font.underline) out << " text-decoration=\"underline\"";
            if (t->opacity < 1) out << " fill-opacity=\"" << num(t->opacity) << "\"";
            if (t->rotation != 0)
                out << " transform=\"rotate(" << num(t->rotation) << " " << num(t->pivot.x) << " "
                    << num(t->pivot.y) << ")\"";
            out << " xml:space=\"preserve\">" << escape(t->text, false) << "</text>\n";
        } else if (const auto* im = std::get_if<Image>(&item)) {
            out << "<image x=\"" << num(im->box.x) << "\" y=\"" << num(im->box.y) << "\" width=\""
                << num(im->box.width) << "\" height=\"" << num(im->box.height) << "\"";
            if (im->opacity < 1) out << " opacity=\"" << num(im->opacity) << "\"";
            out << " preserveAspectRatio=\"xMidYMid meet\" xlink:href=\""
                << escape(image_href(im->href, options.base_dir, options.image_dirs), true) << "\"/>\n";
        }
    }
    out << "</svg>\n";
    return out.str();
}

Result<std::string> write_drawio_svg(const diagram::Document& document, std::size_t page_index,
                                     const SvgOptions& options) {
    if (page_index >= document.pages.size())
        return make_error(ErrorCode::unsupported,
                          "page " + std::to_string(page_index + 1) + " does not exist");
    auto xml = write_drawio(document, {Compression::uncompressed});
    if (!xml) return xml.error();
    Scene scene = render_page(document.pages[page_index]);
    return write_svg(scene, options, xml.value());
}

}  // namespace jstudio::exporters
