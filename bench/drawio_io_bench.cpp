// draw.io read/write throughput against the floor of a bare pugixml parse + save of the same bytes.
//   drawio_io_bench gen N OUT [--compressed]   write a generated N-cell flowchart
//   drawio_io_bench ours FILE                  read (best of 3), then write (best of 3): MB/s
//   drawio_io_bench pugixml FILE               bare pugixml parse and save of the same bytes: MB/s
// Run each mode under /usr/bin/time -v for peak memory (bench/drawio_io.sh does all of it).
#include <pugixml.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "core/base/file_io.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

using namespace jstudio;
using Clock = std::chrono::steady_clock;

namespace {

template <class F>
double best_of_3(F&& f) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        auto t0 = Clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

diagram::Document generate(std::size_t cells) {
    diagram::Document doc = diagram::make_document("Generated");
    auto& page = doc.pages[0];
    page.cells.reserve(cells + 2);
    std::size_t vertices = cells / 2;
    for (std::size_t i = 0; i < vertices; ++i) {
        diagram::Cell c;
        c.id = "v" + std::to_string(i);
        c.parent = "1";
        c.kind = diagram::CellKind::vertex;
        c.vertex = true;
        c.value = "Step " + std::to_string(i) + " &amp; <b>review</b>";
        c.style = diagram::Style::parse(i % 7 == 0 ? "rhombus;whiteSpace=wrap;html=1;fillColor=#fff2cc;"
                                                   : "rounded=1;whiteSpace=wrap;html=1;");
        c.geometry = diagram::Geometry{};
        c.geometry->bounds = {static_cast<double>(i % 100) * 160, static_cast<double>(i / 100) * 100, 120,
                              60};
        page.cells.push_back(std::move(c));
    }
    for (std::size_t i = 0; page.cells.size() < cells + 2; ++i) {
        diagram::Cell e;
        e.id = "e" + std::to_string(i);
        e.parent = "1";
        e.kind = diagram::CellKind::edge;
        e.edge = true;
        e.source = "v" + std::to_string(i % vertices);
        e.target = "v" + std::to_string((i * 7 + 1) % vertices);
        e.style = diagram::Style::parse("edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;");
        e.geometry = diagram::Geometry{};
        e.geometry->relative = true;
        if (i % 3 == 0) e.geometry->waypoints = {{10.5, 20}, {30, 40.25}};
        page.cells.push_back(std::move(e));
    }
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: drawio_io_bench gen N OUT [--compressed] | ours FILE | pugixml FILE\n";
        return 2;
    }
    std::string mode = argv[1];
    if (mode == "gen" && argc >= 4) {
        auto doc = generate(std::stoul(argv[2]));
        exporters::DrawioWriteOptions wo;
        if (argc > 4 && std::string(argv[4]) == "--compressed")
            wo.compression = exporters::Compression::compressed;
        auto st = exporters::save_drawio(doc, argv[3], wo);
        if (!st) return std::cerr << st.error().to_string() << "\n", 1;
        return 0;
    }
    auto bytes = read_file(argv[2]);
    if (!bytes) return std::cerr << bytes.error().to_string() << "\n", 1;
    const double mb = static_cast<double>(bytes.value().size()) / 1e6;
    if (mode == "ours") {
        std::optional<importers::ReadResult> doc;
        double read_s = best_of_3([&] {
            doc.reset();
            auto r =
                importers::read_drawio_file(argv[2]);  // as the CLI reads: the file buffer is parsed in place
            if (!r) std::exit((std::cerr << r.error().to_string() << "\n", 1));
            doc.emplace(std::move(r.value()));
        });
        std::size_t out_size = 0;
        double write_s = best_of_3([&] {
            auto xml = exporters::write_drawio(doc->document);
            out_size = xml.value().size();
        });
        std::printf(
            "ours    %-40s %8.2f MB  read %7.3f s %7.1f MB/s  write %7.3f s %7.1f MB/s (%zu bytes out)\n",
            argv[2], mb, read_s, mb / read_s, write_s, mb / write_s, out_size);
        return 0;
    }
    if (mode == "pugixml") {
        pugi::xml_document doc;
        double read_s = best_of_3([&] {
            doc.reset();
            doc.load_buffer(bytes.value().data(), bytes.value().size());
        });
        double write_s = best_of_3([&] {
            std::ostringstream out;
            doc.save(out, "  ");
        });
        std::printf("pugixml %-40s %8.2f MB  read %7.3f s %7.1f MB/s  write %7.3f s %7.1f MB/s\n", argv[2],
                    mb, read_s, mb / read_s, write_s, mb / write_s);
        return 0;
    }
    return 2;
}
