// journey: every capability headless, for scripts and CI.
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <exception>
#include <functional>
#include <iostream>
#include <new>
#include <string>

#include "app/cli/commands.hpp"
#include "core/base/file_io.hpp"
#include "core/base/temp_files.hpp"

namespace {

// The arguments that name existing files: what an out-of-memory message can point at, since the failing
// allocation itself does not know which input it was reading.
std::string files_in(int argc, char** argv) {
    std::string out;
    for (int i = 2; i < argc; ++i) {
        struct stat st {};
        if (argv[i][0] != '-' && ::stat(argv[i], &st) == 0 && !S_ISDIR(st.st_mode))
            out += (out.empty() ? "" : ", ") + std::string(argv[i]);
    }
    return out;
}

// Ctrl-C or a kill during a save: remove the temporary file, then die of the same signal as before.
extern "C" void on_terminating_signal(int sig) {
    if (const char* tmp = jstudio::temporary_file_in_progress()) ::unlink(tmp);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

}  // namespace

int main(int argc, char** argv) {
    // Big blocks (a file's text, a page's cell array, the tree of a slice of cells) are mapped and given back
    // when freed. glibc otherwise raises its mapping threshold after the first big free and serves the later
    // big blocks from the heap, which keeps what they free: a check of 100,000 screens held 185 MB resident
    // for a heap that peaked at 150 MB.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    // And the heap below them keeps up to 16 MB free at its top instead of 128 KB: a check of 1,000,000
    // screens gave memory back and faulted it in again 350,000 times (a fifth of its CPU time); +2% peak at
    // 100,000.
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(sig, on_terminating_signal);
    // Writing into a FIFO or pipe whose reader went away fails with EPIPE and a message naming the file,
    // instead of killing the process silently half-way.
    std::signal(SIGPIPE, SIG_IGN);
    using namespace jstudio::cli;
    CLI::App app{"journey: customer-journey maps and flowcharts, headless (draw.io files in and out)"};
    app.set_version_flag("--version", std::string("journey ") + JSTUDIO_VERSION);
    app.require_subcommand(1);
    Action action;
    for (const auto& setup : all_commands()) setup(app, action);
    // Every command that reads files takes the same memory budget; set once here, before any file is read.
    std::string max_memory;
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        if (sub->get_name() != "templates")
            sub->add_option("--max-memory", max_memory,
                            "memory one input may take, e.g. 512M or 2G (default: a quarter of the RAM or "
                            "of ulimit -v; a quarter of it is read or decompressed at most)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version are "successes" in CLI11; every other parse error is bad usage.
        return app.exit(e) == 0 ? exit_ok : exit_usage;
    }
    if (!max_memory.empty()) {
        auto bytes = jstudio::parse_byte_size(max_memory);
        if (!bytes) {
            std::cerr << "journey: --max-memory: " << bytes.error().message << "\n";
            return exit_usage;
        }
        jstudio::set_memory_budget(bytes.value());
    }
    try {
        return action ? action() : exit_usage;
    } catch (const std::bad_alloc&) {
        // Limits stop hostile inputs early; what still runs out of memory is reported as the input's fault.
        std::string files = files_in(argc, argv);
        std::cerr << "journey: " << (files.empty() ? std::string("input") : files)
                  << ": out of memory (budget " << jstudio::memory_budget() / (1 << 20)
                  << " MiB; --max-memory changes it)\n";
        return exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "journey: internal error: " << e.what() << "\n";
        return exit_usage;
    }
}
