// draw.io read/write throughput against the floor of a bare pugixml parse + save of the same bytes.
//   drawio_io_bench gen N OUT [--compressed]   write a generated N-cell flowchart
//   drawio_io_bench ours FILE                  read the file (best of 3), then save it (best of 3), as
//   convert does drawio_io_bench pugixml FILE               bare pugixml parse of the file and save to a file
// Times are CPU seconds of the process (the machine is shared: wall time measures the neighbours). Run each
// mode under /usr/bin/time -v for peak memory (bench/drawio_io.sh does all of it); neither mode holds a
// second copy of the file.
#include <pugixml.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

#include "core/base/file_io.hpp"
#include "exporters/drawio/drawio_writer.hpp"
#include "importers/drawio/drawio_reader.hpp"

using namespace jstudio;

namespace {
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
}  // namespace

namespace {

template <class F>
double best_of_3(F&& f) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        const double t0 = cpu_seconds();
        f();
        best = std::min(best, cpu_seconds() - t0);
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
    struct stat st {};
    if (::stat(argv[2], &st) != 0) return std::cerr << argv[2] << ": cannot stat\n", 1;
    const double mb = static_cast<double>(st.st_size) / 1e6;
    const std::string out = std::string(argv[2]) + ".bench-out";
    if (mode == "ours") {
        std::optional<importers::ReadResult> doc;
        double read_s = 1e9;
        for (int i = 0; i < 3; ++i) {
            doc.reset();  // freeing the last model is not reading: outside the timing
            const double t0 = cpu_seconds();
            auto r = importers::read_drawio_file(argv[2]);  // as the CLI reads
            read_s = std::min(read_s, cpu_seconds() - t0);
            if (!r) return std::cerr << r.error().to_string() << "\n", 1;
            doc.emplace(std::move(r.value()));
        }
        double write_s = best_of_3([&] {
            if (auto saved = exporters::save_drawio(doc->document, out); !saved)
                std::exit((std::cerr << saved.error().to_string() << "\n", 1));
        });
        struct stat written {};
        ::stat(out.c_str(), &written);
        std::remove(out.c_str());
        std::printf(
            "ours    %-40s %8.2f MB  read %7.3f s %7.1f MB/s  write %7.3f s %7.1f MB/s  read+write %7.3f s "
            "(%lld bytes out)\n",
            argv[2], mb, read_s, mb / read_s, write_s, mb / write_s, read_s + write_s,
            static_cast<long long>(written.st_size));
        return 0;
    }
    if (mode == "pugixml") {
        pugi::xml_document doc;
        double read_s = 1e9;
        for (int i = 0; i < 3; ++i) {
            doc.reset();
            const double t0 = cpu_seconds();
            const bool ok = doc.load_file(argv[2]);
            read_s = std::min(read_s, cpu_seconds() - t0);
            if (!ok) return std::cerr << argv[2] << ": not XML\n", 1;
        }
        double write_s = best_of_3([&] { doc.save_file(out.c_str(), "  "); });
        std::remove(out.c_str());
        std::printf(
            "pugixml %-40s %8.2f MB  read %7.3f s %7.1f MB/s  write %7.3f s %7.1f MB/s  read+write %7.3f s\n",
            argv[2], mb, read_s, mb / read_s, write_s, mb / write_s, read_s + write_s);
        return 0;
    }
    return 2;
}
