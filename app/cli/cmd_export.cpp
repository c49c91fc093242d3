// journey export IN --to svg|png|pdf|pptx: pictures and editable slides of a diagram's pages.
#include <CLI/CLI.hpp>

#include <deque>
#include <filesystem>
#include <iostream>
#include <set>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/base/file_io.hpp"
#include "core/codec/codec.hpp"
#include "core/render/page_renderer.hpp"
#include "core/render/page_split.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "exporters/image/image_source.hpp"
#include "exporters/pptx/journey_deck.hpp"
#include "exporters/pptx/pptx_writer.hpp"
#include "exporters/raster/cairo_writer.hpp"
#include "exporters/raster/drawio_png.hpp"
#include "exporters/svg/svg_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct ExportOptions {
    std::string input, output, to, page, background, split;
    std::string deck = "auto", date;  // PPTX: journey deck or one-slide picture of a journey page
    double scale = 1, dpi = 0, margin = 1, tile_zoom = 1, overlap = 0.1;
    std::size_t stages_per_part = 1;
    bool transparent = false, no_crop = false, embed = false, plain = false, in_place = false;
    std::vector<std::string> image_dirs;  // --allow-images-from
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

std::string output_for(const ExportOptions& opt, std::size_t page, bool many, bool embed) {
    std::string ext = (embed ? ".drawio." : ".") + opt.to;
    std::string base = opt.output;
    if (base.empty() && opt.in_place) base = opt.input;
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

// One picture or slide: a page, a stage group of a journey page, or a tile of a large page.
struct Part {
    render::Scene scene;
    const diagram::Page* page = nullptr;  // for notes; a stage part's own page
    std::size_t page_index = 0;           // in the document
    std::string title;
    std::vector<exporters::PptxSlide> deck = {};  // PPTX of a journey page: the journey deck's slides
};

// An export is a picture: written over its own input (foo.svg --to svg, a .drawio.png named without
// .drawio) it would turn an editable diagram into a plain image. Only --in-place may do that.
Status check_not_input(const ExportOptions& opt, const std::string& path) {
    if (opt.in_place || !same_file(path, opt.input)) return Ok{};
    return make_error(
        ErrorCode::bad_usage,
        "the output " + path + " is the input file; give another name with -o, or --in-place to replace it",
        at_file(opt.input));
}

int run_export(const ExportOptions& opt_in) {
    ExportOptions opt = opt_in;
    if (opt.in_place && opt.input == "-")
        return report_error(make_error(ErrorCode::bad_usage, "--in-place needs an input file, not stdin"));
    auto read = importers::read_drawio_file(opt.input);
    if (!read) return report_error(read.error());
    const auto& doc = read->document;
    // In place, an editable picture stays editable: the diagram is embedded again unless --plain.
    if (opt.in_place && opt.output.empty() && !opt.plain &&
        ((doc.container == diagram::Container::svg && opt.to == "svg") ||
         (doc.container == diagram::Container::png && opt.to == "png")))
        opt.embed = true;
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
    exporters::PptxOptions pptx_options;
    const std::string base_dir =
        opt.input == "-" ? std::string(".") : std::filesystem::path(opt.input).parent_path().string();
    pptx_options.base_dir = base_dir;
    pptx_options.image_dirs = opt.image_dirs;
    render::TileOptions tiles;
    // A tile is what a slide shows inside its margins at --tile-zoom (1 = draw.io's 100 %).
    tiles.width = double(pptx_options.slide_width - 2 * pptx_options.margin) / 9525 / opt.tile_zoom;
    tiles.height = double(pptx_options.slide_height - 2 * pptx_options.margin) / 9525 / opt.tile_zoom;
    tiles.overlap = opt.overlap;

    std::deque<render::StagePart> stage_pages;  // owns the pages of stage parts (stable addresses)
    std::vector<Part> parts;
    std::set<std::string> refused_images;  // each said once
    auto warn_all = [&](const render::Scene& scene) {
        for (const auto& w : scene.warnings) {
            auto d = w;
            d.where.file = opt.input;
            std::cerr << d.to_string() << "\n";
        }
        // A local image left out is said, or the empty frame in its place would be a mystery.
        for (const auto& item : scene.drawing.items)
            if (const auto* im = std::get_if<render::Image>(&item);
                im && exporters::is_local_image(im->href) && refused_images.insert(im->href).second)
                if (auto ok = exporters::allowed_local_image(im->href, base_dir, opt.image_dirs); !ok)
                    std::cerr << opt.input << ": " << ok.error().message << "\n";
    };
    for (std::size_t p : pages.value()) {
        const auto& page = doc.pages[p];
        std::string name = page.display_name(p);
        // A journey map becomes the deck a consultant presents, unless --deck map or --split asks otherwise.
        if (opt.to == "pptx" && opt.split.empty()) {
            exporters::JourneyDeckOptions jo;
            jo.date = opt.date;
            auto deck =
                exporters::journey_deck_for_page(page, name,
                                                 opt.deck == "map"       ? exporters::DeckChoice::map
                                                 : opt.deck == "journey" ? exporters::DeckChoice::journey
                                                                         : exporters::DeckChoice::automatic,
                                                 std::move(jo));
            if (!deck.note.empty()) std::cerr << opt.input << ": " << deck.note << "\n";
            if (!deck.slides.empty()) {
                Part part;
                part.page = &page, part.page_index = p, part.title = name;
                part.deck = std::move(deck.slides);
                parts.push_back(std::move(part));
                continue;
            }
        }
        if (opt.split == "stages") {
            auto split = render::split_stages(page, name, opt.stages_per_part);
            if (split.empty())
                std::cerr << opt.input << ": page '" << name << "' has no journey stages; exported whole\n";
            for (auto& sp : split) {
                stage_pages.push_back(std::move(sp));
                auto& part = stage_pages.back();
                parts.push_back({render::render_page(part.page), &part.page, p, part.title});
                warn_all(parts.back().scene);
            }
            if (!split.empty()) continue;
        }
        render::Scene scene = render::render_page(page);
        warn_all(scene);
        if (opt.split == "tiles") {
            auto windows = render::tile_windows(scene.drawing.bounds, tiles);
            if (windows.size() > 1) {
                std::size_t cols = 1;
                while (cols < windows.size() && windows[cols].y == windows[0].y) ++cols;
                for (std::size_t i = 0; i < windows.size(); ++i)
                    parts.push_back({render::crop_scene(scene, windows[i]), &page, p,
                                     name + " (row " + std::to_string(i / cols + 1) + ", column " +
                                         std::to_string(i % cols + 1) + ")"});
                continue;
            }
        }
        parts.push_back({std::move(scene), &page, p, name});
    }
    // A writer's refusal (a picture too large to draw) is about this input: the message names it.
    auto input_error = [&](Error e) {
        if (e.where.file.empty()) e.where.file = opt.input;
        return report_error(e);
    };
    auto write = [&](const std::string& path, const std::string& bytes) -> int {
        if (auto st = write_file_atomic(path, bytes); !st) return report_error(st.error());
        if (path != "-") std::cerr << "wrote " << path << "\n";
        return exit_ok;
    };
    if (opt.to == "svg" || opt.to == "png") {
        bool many = parts.size() > 1;
        bool embed =
            opt.embed ||
            (!opt.plain && (opt.output.ends_with(".drawio.svg") || opt.output.ends_with(".drawio.png")));
        auto xml = embed ? exporters::write_drawio(doc, {exporters::Compression::uncompressed})
                         : Result<std::string>(std::string());
        if (!xml) return input_error(xml.error());
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (auto st = check_not_input(
                    opt, output_for(opt, opt.split.empty() ? parts[i].page_index : i, many, embed));
                !st)
                return report_error(st.error());
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::string path = output_for(opt, opt.split.empty() ? parts[i].page_index : i, many, embed);
            std::string bytes;
            if (opt.to == "svg") {
                exporters::SvgOptions so;
                so.scale = opt.scale, so.margin = opt.margin, so.background = background,
                so.transparent = opt.transparent, so.base_dir = base_dir, so.image_dirs = opt.image_dirs;
                bytes = exporters::write_svg(parts[i].scene, so, xml.value());
            } else {
                exporters::RasterOptions ro;
                ro.scale = opt.scale, ro.dpi = opt.dpi, ro.margin = opt.margin, ro.background = background;
                ro.transparent = opt.transparent, ro.crop = !opt.no_crop, ro.base_dir = base_dir;
                ro.image_dirs = opt.image_dirs;
                auto png = exporters::write_png(parts[i].scene, ro);
                if (!png) return input_error(png.error());
                bytes = std::move(png.value());
                if (embed) {
                    auto with =
                        exporters::insert_png_text(bytes, "mxfile", codec::percent_encode(xml.value()));
                    if (!with) return input_error(with.error());
                    bytes = std::move(with.value());
                }
            }
            if (int rc = write(path, bytes)) return rc;
        }
        return exit_ok;
    }
    std::string path = output_for(opt, 0, false, false);
    if (auto st = check_not_input(opt, path); !st) return report_error(st.error());
    if (opt.to == "pdf") {
        exporters::RasterOptions ro;
        ro.scale = opt.scale, ro.margin = opt.margin, ro.background = background,
        ro.transparent = opt.transparent;
        ro.crop = !opt.no_crop, ro.base_dir = base_dir, ro.image_dirs = opt.image_dirs;
        std::vector<render::Scene> scenes;
        for (auto& part : parts) scenes.push_back(std::move(part.scene));
        auto pdf = exporters::write_pdf(scenes, ro);
        if (!pdf) return input_error(pdf.error());
        return write(path, pdf.value());
    }
    std::vector<exporters::PptxSlide> slides;
    for (const auto& part : parts) {
        if (!part.deck.empty())
            slides.insert(slides.end(), part.deck.begin(), part.deck.end());
        else
            slides.push_back({&part.scene, part.page, part.title});
    }
    auto pptx = exporters::write_pptx(slides, pptx_options);
    if (!pptx) return input_error(pptx.error());
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
    cmd->add_option("--split", opt->split,
                    "stages: one part per journey stage group (lane headers on each); tiles: large pages cut "
                    "into overlapping 16:9 tiles. PPTX: one slide per part; PDF: one page per part; SVG/PNG: "
                    "one file per part (-N added)")
        ->check(CLI::IsMember({"stages", "tiles"}));
    cmd->add_option(
           "--deck", opt->deck,
           "PPTX of a journey map: journey = the presentable deck (title, persona, overview, a slide per "
           "stage, pain points and opportunities table, emotion chart, speaker notes); map = the map as "
           "one slide; auto (default) = journey for journey maps without --split")
        ->check(CLI::IsMember({"auto", "journey", "map"}));
    cmd->add_option("--date", opt->date, "PPTX journey deck: the date on the title slide (default: today)");
    cmd->add_option("--stages-per-part", opt->stages_per_part,
                    "--split stages: stage columns per part (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->add_option(
           "--tile-zoom", opt->tile_zoom,
           "--split tiles: zoom of a tile on a slide (default 1 = draw.io 100%; smaller = bigger tiles)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--overlap", opt->overlap,
                    "--split tiles: share of a tile repeated on its neighbour (default 0.1)")
        ->check(CLI::Range(0.0, 0.5));
    auto* e = cmd->add_flag("--drawio", opt->embed,
                            "SVG/PNG: embed the diagram so draw.io reopens it (.drawio.svg, .drawio.png); "
                            "automatic when -o ends with .drawio.svg or .drawio.png");
    auto* p = cmd->add_flag("--plain", opt->plain, "SVG/PNG: never embed the diagram");
    e->excludes(p);
    cmd->add_flag("--in-place", opt->in_place,
                  "allow the output to be the input file (the default output when no -o is given); an "
                  "editable .drawio.svg/.png stays editable unless --plain. Without it, writing over the "
                  "input is refused");
    cmd->add_option("--allow-images-from", opt->image_dirs,
                    "folder local image files (image=path, file://) may be read from and embedded; "
                    "repeatable. Without it no local file is read, as in draw.io")
        ->check(CLI::ExistingDirectory);
    cmd->callback([opt, &action] { action = [opt] { return run_export(*opt); }; });
}

}  // namespace jstudio::cli
