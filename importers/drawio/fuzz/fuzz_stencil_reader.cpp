// libFuzzer target for inline stencils: the bytes are stencil XML as draw.io embeds it in shape=stencil(...).
// Beyond "no crash": whatever the reader accepts must draw into finite coordinates, at any size.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/render/stencil.hpp"
#include "importers/drawio/stencil_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jstudio;
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    auto stencil = importers::read_stencil_xml(xml);
    if (!stencil) {
        if (stencil.error().message.empty()) std::abort();  // a refusal must say why
        return 0;
    }
    render::StencilPaint paint;
    for (const auto& bounds : {render::Rect{0, 0, 120, 80}, render::Rect{10, 20, 0, 0}})
        for (const auto& item : render::draw_stencil(*stencil, bounds, paint))
            if (const auto* path = std::get_if<render::Path>(&item))
                for (const auto& op : path->ops) {
                    const int points = op.kind == render::PathOp::cubic   ? 3
                                       : op.kind == render::PathOp::close ? 0
                                                                          : 1;
                    for (int i = 0; i < points; ++i)
                        if (!std::isfinite(op.p[i].x) || !std::isfinite(op.p[i].y)) std::abort();
                }
    return 0;
}
