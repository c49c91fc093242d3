// journey convert IN OUT: any readable draw.io form to a .drawio file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

namespace jstudio::cli {

namespace {

struct ConvertOptions {
    std::string input, output;
    bool compressed = false, uncompressed = false;
};

int run_convert(const ConvertOptions& opt) {
    auto read = importers::read_drawio_file(opt.input);
    if (!read) return report_error(read.error());
    for (const auto& d : read->diagnostics) std::cerr << d.to_string() << "\n";
    exporters::DrawioWriteOptions wo;
    if (opt.compressed) wo.compression = exporters::Compression::compressed;
    if (opt.uncompressed) wo.compression = exporters::Compression::uncompressed;
    if (auto st = exporters::save_drawio(read->document, opt.output, wo); !st)
        return report_error(st.error());
    if (opt.output != "-") std::cerr << "wrote " << opt.output << "\n";
    return exit_ok;
}

}  // namespace

void setup_convert(CLI::App& app, Action& action) {
    auto opt = std::make_shared<ConvertOptions>();
    auto* cmd = app.add_subcommand("convert",
                                   "Convert any readable draw.io form (.drawio.svg, .drawio.png, "
                                   "compressed, bare mxGraphModel) to a .drawio file");
    cmd->add_option("input", opt->input, "input file, or - for stdin")->required();
    cmd->add_option("output", opt->output, "output .drawio file, or - for stdout")->required();
    auto* c =
        cmd->add_flag("--compressed", opt->compressed, "compress every page (as draw.io did before 2023)");
    auto* u = cmd->add_flag("--uncompressed", opt->uncompressed, "write every page as plain XML");
    c->excludes(u);
    cmd->callback([opt, &action] { action = [opt] { return run_convert(*opt); }; });
}

}  // namespace jstudio::cli
