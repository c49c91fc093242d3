// journey export IN --to svg|png|pdf|pptx: pictures and editable slides of a diagram's pages.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/base/file_io.hpp"
#include "core/render/page_renderer.hpp"
#include "exporters/pptx/pptx_writer.hpp"
#include "exporters/raster/cairo_writer.hpp"
#include "exporters/svg/svg_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct ExportOptions {
    std::string input, output, to, page, background;
    double scale = 1, dpi = 0, margin = 1;
    bool transparent = false, no_crop = false, embed = false, plain = false;
};

// "1", "3", "all" → 0-based page indices.
Result<std::vector<std::size_t>> pick_pages(const std::string& spec, std::size_t count, bool default_all) {
    std::vector<std::size_t> out;
    if (spec == "all" || (spec.empty() && default_all)) {
        for (std::size_t i = 0; i < count; ++i) out.push_back(i);
        return out;
    }
    if (spec.empty()) return std::vector<std::size_t>{0};
    char* end = nullptr;
    long n = std::strtol(spec.c_str(), &end, 10);
    if (!end || *end || n < 1 || std::size_t(n) > count)
        return make_error(ErrorCode::unsupported,
                          "--page " + spec + ": the file has " + std::to_string(count) + " page(s)");
    out.push_back(std::size_t(n - 1));
    return out;
}

std::string output_for(const ExportOptions& opt, std::size_t page, bool many) {
    std::string ext = opt.to == "svg" && !opt.plain && opt.embed ? ".drawio.svg" : "." + opt.to;
    std::string base = opt.output;
    if (base.empty()) {
        std::filesystem::path in(opt.input == "-" ? "stdin" : opt.input);
        std::string stem = in.filename().string();
        for (const char* suffix : {".drawio.svg", ".drawio.png", ".drawio", ".xml", ".dio", ".svg", ".png"})
            if (stem.size() > std::string(suffix).size() && stem.ends_with(suffix)) {
                stem.resize(stem.size() - std::string(suffix).size());
                break;
            }
        base = (in.parent_path() / stem).string() + ext;
    }
    if (!many || base == "-") return base;
    auto dot = base.rfind(ext);
    if (dot == std::string::npos) dot = base.rfind('.');
    if (dot == std::string::npos) dot = base.size();
    return base.substr(0, dot) + "-" + std::to_string(page + 1) + base.substr(dot);
}

int run_export(const ExportOptions& opt) {
    auto read = importers::read_drawio_file(opt.input);
    if (!read) return report_error(read.error());
    const auto& doc = read->document;
    if (doc.pages.empty())
        return report_error(make_error(ErrorCode::unsupported, "the file has no pages", at_file(opt.input)));
    bool multi_file_format = opt.to == "pdf" || opt.to == "pptx";
    auto pages = pick_pages(opt.page, doc.pages.size(), multi_file_format);
    if (!pages) return report_error(pages.error());
    std::optional<render::Color> background;
    if (!opt.background.empty()) {
        background = render::parse_color(opt.background);
        if (!background)
            return report_error(
                make_error(ErrorCode::unsupported, "--background: not a colour: " + opt.background));
    }
    std::vector<render::Scene> scenes;
    for (std::size_t p : pages.value()) {
        scenes.push_back(render::render_page(doc.pages[p]));
        for (const auto& w : scenes.back().warnings) {
            auto d = w;
            d.where.file = opt.input;
            std::cerr << d.to_string() << "\n";
        }
    }
    auto write = [&](const std::string& path, const std::string& bytes) -> int {
        if (auto st = write_file_atomic(path, bytes); !st) return report_error(st.error());
        if (path != "-") std::cerr << "wrote " << path << "\n";
        return exit_ok;
    };
    if (opt.to == "svg" || opt.to == "png") {
        bool many = pages->size() > 1;
        bool embed = opt.embed || (!opt.plain && opt.output.ends_with(".drawio.svg"));
        for (std::size_t i = 0; i < pages->size(); ++i) {
            std::string path = output_for(opt, (*pages)[i], many);
            std::string bytes;
            if (opt.to == "svg") {
                exporters::SvgOptions so;
                so.scale = opt.scale, so.margin = opt.margin, so.background = background,
                so.transparent = opt.transparent;
                if (embed) {
                    auto svg = exporters::write_drawio_svg(doc, (*pages)[i], so);
                    if (!svg) return report_error(svg.error());
                    bytes = std::move(svg.value());
                } else {
                    bytes = exporters::write_svg(scenes[i], so);
                }
            } else {
                exporters::RasterOptions ro;
                ro.scale = opt.scale, ro.dpi = opt.dpi, ro.margin = opt.margin, ro.background = background;
                ro.transparent = opt.transparent, ro.crop = !opt.no_crop;
                auto png = exporters::write_png(scenes[i], ro);
                if (!png) return report_error(png.error());
                bytes = std::move(png.value());
            }
            if (int rc = write(path, bytes)) return rc;
        }
        return exit_ok;
    }
    std::string path = output_for(opt, 0, false);
    if (opt.to == "pdf") {
        exporters::RasterOptions ro;
        ro.scale = opt.scale, ro.margin = opt.margin, ro.background = background,
        ro.transparent = opt.transparent;
        ro.crop = !opt.no_crop;
        auto pdf = exporters::write_pdf(scenes, ro);
        if (!pdf) return report_error(pdf.error());
        return write(path, pdf.value());
    }
    std::vector<exporters::PptxSlide> slides;
    for (std::size_t i = 0; i < pages->size(); ++i)
        slides.push_back(
            {&scenes[i], &doc.pages[(*pages)[i]], doc.pages[(*pages)[i]].display_name((*pages)[i])});
    auto pptx = exporters::write_pptx(slides);
    if (!pptx) return report_error(pptx.error());
    return write(path, pptx.value());
}

}  // namespace

void setup_export(CLI::App& app, Action& action) {
    auto opt = std::make_shared<ExportOptions>();
    auto* cmd =
        app.add_subcommand("export", "Export pages as SVG (.drawio.svg editable), PNG, PDF or editable PPTX");
    cmd->add_option("input", opt->input, "input draw.io file, or - for stdin")->required();
    cmd->add_option("--to", opt->to, "output format")
        ->required()
        ->check(CLI::IsMember({"svg", "png", "pdf", "pptx"}));
    cmd->add_option("-o,--output", opt->output,
                    "output file (default: input name with the format's extension; - = stdout); with several "
                    "SVG/PNG pages, -N is added before the extension");
    cmd->add_option("--page", opt->page,
                    "page number (1-based) or 'all' (default: 1 for svg/png, all for pdf/pptx)");
    cmd->add_option("--scale", opt->scale, "scale factor (default 1)")->check(CLI::PositiveNumber);
    cmd->add_option("--dpi", opt->dpi, "PNG resolution; 96 = scale 1 (overrides --scale)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--margin", opt->margin, "margin in px around the drawing (default 1)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--background", opt->background, "background colour, e.g. #ffffff (default: the page's)");
    cmd->add_flag("--transparent", opt->transparent, "no background, even if the page has one");
    cmd->add_flag("--no-crop", opt->no_crop,
                  "PNG/PDF: keep the page origin instead of cropping to the drawing");
    auto* e = cmd->add_flag("--drawio", opt->embed,
                            "SVG: embed the diagram so draw.io reopens it (.drawio.svg); "
                            "automatic when -o ends with .drawio.svg");
    auto* p = cmd->add_flag("--plain", opt->plain, "SVG: never embed the diagram");
    e->excludes(p);
    cmd->callback([opt, &action] { action = [opt] { return run_export(*opt); }; });
}

}  // namespace jstudio::cli
