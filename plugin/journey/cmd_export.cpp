// Journey > Export SVG/PNG/PDF/Slides: the pictures and slides `journey export` writes, through the shared
// renderer (the same picture the canvas draws). SVG and PNG: the active page (the SVG embeds the document so
// draw.io reopens it); PDF: every page, one page each; PPTX: every page, a journey map as the journey deck
// (exporters::journey_deck_for_page, the decision `journey export --to pptx` makes) and any other page as
// one slide. Rendering runs with progress and can be cancelled between pages; nothing is written then.

#include "core/base/file_io.hpp"
#include "core/render/page_renderer.hpp"
#include "exporters/pptx/journey_deck.hpp"
#include "exporters/pptx/pptx_writer.hpp"
#include "exporters/raster/cairo_writer.hpp"
#include "exporters/svg/svg_writer.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"

namespace jstudio::journey_plugin {

namespace {

enum class Format { svg, png, pdf, pptx };

struct FormatInfo {
    Format format;
    const char* label;
    const char* help;
    const char* wildcard;
};

const FormatInfo formats[] = {
    {Format::svg, "Export SVG...", "Save this page as an .svg draw.io can open again", "SVG (*.svg)|*.svg"},
    {Format::png, "Export PNG...", "Save this page as a PNG picture", "PNG (*.png)|*.png"},
    {Format::pdf, "Export PDF...", "Save every page as a page of a PDF", "PDF (*.pdf)|*.pdf"},
    {Format::pptx, "Export Slides (PPTX)...",
     "Save every page as editable PowerPoint slides (a journey map as the deck to present)",
     "PowerPoint (*.pptx)|*.pptx"},
};

Result<std::string> export_bytes(const diagram::Document& document, std::size_t active, Format format,
                                 plugin::Progress& progress) {
    if (format == Format::svg) {
        if (!progress.update(0.1, "Drawing the page")) return make_error(ErrorCode::cancelled, "cancelled");
        return exporters::write_drawio_svg(document, active);
    }
    std::vector<std::size_t> pages;
    if (format == Format::png)
        pages.push_back(active);
    else
        for (std::size_t i = 0; i < document.pages.size(); ++i) pages.push_back(i);
    std::vector<render::Scene> scenes;  // reserved: PPTX slides point at them
    scenes.reserve(pages.size());
    std::vector<exporters::PptxSlide> slides;
    for (std::size_t k = 0; k < pages.size(); ++k) {
        if (!progress.update(0.8 * static_cast<double>(k) / static_cast<double>(pages.size()),
                             "Drawing page " + std::to_string(k + 1) + " of " + std::to_string(pages.size())))
            return make_error(ErrorCode::cancelled, "cancelled");
        const diagram::Page& page = document.pages[pages[k]];
        if (format == Format::pptx) {
            auto deck = exporters::journey_deck_for_page(page, page.display_name(pages[k]),
                                                         exporters::DeckChoice::automatic);
            if (!deck.slides.empty()) {
                slides.insert(slides.end(), deck.slides.begin(), deck.slides.end());
                continue;
            }
        }
        scenes.push_back(render::render_page(page));
        if (format == Format::pptx) slides.push_back({&scenes.back(), &page, page.display_name(pages[k])});
    }
    if (!progress.update(0.85, "Writing")) return make_error(ErrorCode::cancelled, "cancelled");
    if (format == Format::png) return exporters::write_png(scenes.front());
    if (format == Format::pdf) return exporters::write_pdf(scenes);
    return exporters::write_pptx(slides);
}

}  // namespace

void add_export_commands(plugin::HostServices& host) {
    for (const auto& info : formats) {
        host.add_command({"Journey", info.label, info.help, ""}, [&host, info]() {
            const std::string name = std::string(info.label).substr(0, std::string(info.label).size() - 3);
            const auto target = active_page(host, name);
            if (!target) return;
            const std::string path = host.ask_path(name, info.wildcard, true);
            if (path.empty()) return;
            Result<std::string> bytes = make_error(ErrorCode::cancelled, "cancelled");
            const bool finished = host.run_with_progress(name, [&](plugin::Progress& progress) {
                bytes = export_bytes(*target->document, target->index, info.format, progress);
                progress.update(1, "Done");
            });
            if (!finished || (!bytes && bytes.error().code == ErrorCode::cancelled)) return;
            if (!bytes) {
                host.report_error(name + ": " + bytes.error().message);
                return;
            }
            if (auto status = write_file_atomic(path, bytes.value()); !status)
                host.report_error(name + ": " + status.error().message);
        });
    }
}

}  // namespace jstudio::journey_plugin
