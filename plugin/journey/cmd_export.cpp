// Journey > Export SVG/PNG/PDF/Slides: the pictures and slides `journey export` writes, through the shared
// renderer (the same picture the canvas draws). SVG and PNG: the active page (the SVG embeds the document so
// draw.io reopens it); PDF: every page, one page each; PPTX: every page, a journey map as the journey deck
// (exporters::journey_deck_for_page, the decision `journey export --to pptx` makes) and any other page as
// one slide. Rendering runs with progress and can be cancelled between pages; nothing is written then. Local
// image files are read only inside the folders the user allowed (HostServices::allowed_image_folders, as
// `journey export --allow-images-from`); an image left out is said after the export, or the empty frame in
// its place would be a mystery.
#include <filesystem>
#include <set>

#include "core/base/file_io.hpp"
#include "core/render/page_renderer.hpp"
#include "exporters/image/image_source.hpp"
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

// Where local image files may come from: the document's folder for relative paths, the allowed folders.
struct ImageAccess {
    std::string base_dir;
    std::vector<std::string> allowed;
};

// The local images the pages show that the export left out (each once, in page order).
std::vector<std::string> refused_images(const std::vector<render::Scene>& scenes, const ImageAccess& access) {
    std::vector<std::string> refused;
    std::set<std::string> seen;
    for (const auto& scene : scenes)
        for (const auto& item : scene.drawing.items)
            if (const auto* im = std::get_if<render::Image>(&item);
                im && exporters::is_local_image(im->href) && !exporters::drawio_image(im->href) &&
                seen.insert(im->href).second &&
                !exporters::allowed_local_image(im->href, access.base_dir, access.allowed))
                refused.push_back(im->href);
    return refused;
}

struct Exported {
    std::string bytes;
    std::vector<std::string> refused;  // local images left out
};

Result<Exported> export_bytes(const diagram::Document& document, std::size_t active, Format format,
                              const ImageAccess& access, plugin::Progress& progress) {
    if (format == Format::svg) {
        if (!progress.update(0.1, "Drawing the page")) return make_error(ErrorCode::cancelled, "cancelled");
        exporters::SvgOptions options;
        options.base_dir = access.base_dir, options.image_dirs = access.allowed;
        auto svg = exporters::write_drawio_svg(document, active, options);
        if (!svg) return svg.error();
        return Exported{std::move(svg.value()),
                        refused_images({render::render_page(document.pages[active])}, access)};
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
            if (!deck.slides.empty()) {  // native content: the slides hold no scene
                slides.insert(slides.end(), deck.slides.begin(), deck.slides.end());
                continue;
            }
        }
        scenes.push_back(render::render_page(page));
        if (format == Format::pptx) slides.push_back({&scenes.back(), &page, page.display_name(pages[k])});
    }
    if (!progress.update(0.85, "Writing")) return make_error(ErrorCode::cancelled, "cancelled");
    Result<std::string> bytes = std::string();
    if (format == Format::png || format == Format::pdf) {
        exporters::RasterOptions options;
        options.base_dir = access.base_dir, options.image_dirs = access.allowed;
        bytes = format == Format::png ? exporters::write_png(scenes.front(), options)
                                      : exporters::write_pdf(scenes, options);
    } else {
        exporters::PptxOptions options;
        options.base_dir = access.base_dir, options.image_dirs = access.allowed;
        bytes = exporters::write_pptx(slides, options);
    }
    if (!bytes) return bytes.error();
    return Exported{std::move(bytes.value()), refused_images(scenes, access)};
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
            const std::string document_path = host.active_path();
            const ImageAccess access{document_path.empty()
                                         ? std::string()
                                         : std::filesystem::path(document_path).parent_path().string(),
                                     host.allowed_image_folders()};
            Result<Exported> exported = make_error(ErrorCode::cancelled, "cancelled");
            const bool finished = host.run_with_progress(name, [&](plugin::Progress& progress) {
                exported = export_bytes(*target->document, target->index, info.format, access, progress);
                progress.update(1, "Done");
            });
            if (!finished || (!exported && exported.error().code == ErrorCode::cancelled)) return;
            if (!exported) {
                host.report_error(name + ": " + exported.error().message);
                return;
            }
            if (auto status = write_file_atomic(path, exported->bytes); !status) {
                host.report_error(name + ": " + status.error().message);
                return;
            }
            if (const auto& refused = exported->refused; !refused.empty())
                host.report_error(name + ": " + std::to_string(refused.size()) + " local image file" +
                                  (refused.size() == 1 ? "" : "s") + " left out, such as " +
                                  refused.front().substr(0, 120) +
                                  ": a diagram may show files only from the folders in Edit > Allowed Image "
                                  "Folders...");
        });
    }
}

}  // namespace jstudio::journey_plugin
