// Journey > Export SVG...: the active page through the shared renderer's SVG writer (the same picture the canvas
// and `journey export` draw), with the document embedded so draw.io reopens it.
#include "plugin/journey/journey_plugin.hpp"

#if __has_include("exporters/svg/svg_writer.hpp")
#include "core/base/file_io.hpp"
#include "exporters/svg/svg_writer.hpp"
#endif

namespace jstudio::journey_plugin {

void add_export_svg([[maybe_unused]] plugin::HostServices& host) {
#if __has_include("exporters/svg/svg_writer.hpp")
    plugin::MenuEntry entry{"Journey", "Export SVG...", "Save the active page as an editable .drawio.svg", ""};
    host.add_command(entry, [&host]() {
        const auto* document = host.active_document();
        const int page = host.active_page();
        if (!document || page < 0) return;
        const std::string path = host.ask_path("Export SVG", "SVG (*.svg)|*.svg", true);
        if (path.empty()) return;
        auto svg = exporters::write_drawio_svg(*document, static_cast<std::size_t>(page));
        if (!svg) {
            host.report_error("Export SVG: " + svg.error().message);
            return;
        }
        if (auto status = write_file_atomic(path, svg.value()); !status)
            host.report_error("Export SVG: " + status.error().message);
    });
#endif
}

}  // namespace jstudio::journey_plugin
