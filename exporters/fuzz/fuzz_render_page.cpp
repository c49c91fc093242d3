// libFuzzer target for drawing a page (the path every picture export takes): draw.io bytes read, each page
// rendered, written as SVG and as an editable .drawio.svg. Beyond "no crash": every coordinate of the display
// list is finite (NaN from a style must not reach a picture), and the .drawio.svg reads back to the same
// model (round trip through the embedded diagram).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "core/render/page_renderer.hpp"
#include "exporters/svg/svg_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace {

using namespace jstudio;

bool finite(const render::Point& p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}
bool finite(const render::Rect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.width) && std::isfinite(r.height);
}

void check_scene(const render::Scene& scene) {
    for (const auto& item : scene.drawing.items) {
        if (const auto* path = std::get_if<render::Path>(&item)) {
            for (const auto& op : path->ops) {
                const int points = op.kind == render::PathOp::cubic   ? 3
                                   : op.kind == render::PathOp::close ? 0
                                                                      : 1;
                for (int i = 0; i < points; ++i)
                    if (!finite(op.p[i])) std::abort();
            }
            if (!std::isfinite(path->stroke_width)) std::abort();
        } else if (const auto* text = std::get_if<render::TextRun>(&item)) {
            if (!std::isfinite(text->x) || !std::isfinite(text->y) || !std::isfinite(text->rotation) ||
                !std::isfinite(text->font.size))
                std::abort();
        } else if (const auto* image = std::get_if<render::Image>(&item)) {
            if (!finite(image->box)) std::abort();
        }
    }
    for (const auto& edge : scene.edges)
        for (const auto& p : edge.points)
            if (!finite(p)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    importers::ReadOptions options;
    options.max_inflated_bytes = 4 << 20;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto read = importers::read_drawio(bytes, "fuzz", options);
    if (!read) return 0;
    const auto& doc = read->document;
    for (std::size_t i = 0; i < doc.pages.size() && i < 4; ++i) {
        const auto scene = render::render_page(doc.pages[i]);
        check_scene(scene);
        (void)exporters::write_svg(scene);
    }
    if (doc.pages.empty()) return 0;
    auto svg = exporters::write_drawio_svg(doc, 0);
    if (!svg) return 0;
    auto again = importers::read_drawio(svg.value(), "fuzz-written.drawio.svg", options);
    if (!again) std::abort();  // we wrote a .drawio.svg we cannot read
    // The .drawio.svg embeds every page plain, and a bare model's page gets an id and a name when written.
    auto pages = again->document.pages;
    for (std::size_t i = 0; i < pages.size() && i < doc.pages.size(); ++i) {
        pages[i].compressed = doc.pages[i].compressed;
        if (doc.form != diagram::DocumentForm::bare_model) continue;
        pages[i].id = doc.pages[i].id;
        pages[i].name = doc.pages[i].name;
    }
    if (!(pages == doc.pages)) std::abort();
    return 0;
}
