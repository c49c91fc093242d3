// journey-studio: the desktop host. `journey-studio [FILE]`, `--version`, and the scripted modes GUI tests
// and benchmarks use (`--self-test SCRIPT`, `--screenshot OUT.png`, `--bench [SHAPES]`).
#include <wx/app.h>
#include <wx/config.h>
#include <wx/image.h>
#include <wx/log.h>
#include <wx/memconf.h>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "app/studio/plugin_loader.hpp"
#include "app/studio/self_test.hpp"
#include "app/studio/studio_frame.hpp"
#include "exporters/raster/data_fonts.hpp"

namespace jstudio::studio {

struct Options {
    std::string file, self_test, screenshot;
    int bench = 0;
    bool plugins = true;
    std::vector<std::string> plugin_dirs;
};

class StudioApp : public wxApp {
  public:
    Options options;

    bool OnInit() override {
        SetAppName("journey-studio");
        SetVendorName("JourneyStudio");
        wxInitAllImageHandlers();
        // The canvas draws sketch labels in draw.io's sketch font, which comes with draw.io's data.
        exporters::use_data_fonts();
        const bool scripted = !options.self_test.empty() || !options.screenshot.empty() || options.bench > 0;
        if (scripted) {
            // Scripted runs never block and never touch the user's settings: a failed wxASSERT is printed and
            // fails the script, log messages go to stderr instead of modal boxes, the settings (recent files)
            // live in memory only. (A wxFileConfig on "/dev/null" once replaced /dev/null by a regular file
            // when it saved through a temp file + rename.)
            wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                                  const wxString& msg) {
                std::fprintf(stderr, "journey-studio: wx assertion %s failed in %s (%s:%d) %s\n",
                             static_cast<const char*>(cond.utf8_str()),
                             static_cast<const char*>(func.utf8_str()),
                             static_cast<const char*>(file.utf8_str()), line,
                             static_cast<const char*>(msg.utf8_str()));
                count_assert();
            });
            Canvas::commit_on_focus_loss = false;
            delete wxLog::SetActiveTarget(new wxLogStderr);
            delete wxConfigBase::Set(new wxMemoryConfig);
        }
        m_frame = new StudioFrame(!scripted);
        auto dirs = options.plugins ? plugin_directories() : std::vector<std::string>{};
        dirs.insert(dirs.end(), options.plugin_dirs.begin(), options.plugin_dirs.end());
        m_frame->load_plugins_from(dirs);
        m_frame->Show();
        if (!options.file.empty()) m_frame->open_file(options.file);
        if (scripted) {
            std::setvbuf(stdout, nullptr, _IOLBF, 0);  // a killed run still shows the last script line
            start_watchdog();
            CallAfter([this]() { run_scripted(); });
        }
        return true;
    }

    int OnRun() override {
        const int status = wxApp::OnRun();
        return m_status >= 0 ? m_status : status;
    }

  private:
    StudioFrame* m_frame = nullptr;

    // A scripted run that blocks (a modal window nobody answers, an event loop that never returns) ends with
    // a message and exit status 124 instead of hanging CI: $JSTUDIO_SELF_TEST_TIMEOUT seconds, default 300.
    static void start_watchdog() {
        const char* env = std::getenv("JSTUDIO_SELF_TEST_TIMEOUT");
        const int seconds = env && std::atoi(env) > 0 ? std::atoi(env) : 300;
        std::thread([seconds]() {
            std::this_thread::sleep_for(std::chrono::seconds(seconds));
            std::fprintf(
                stderr,
                "journey-studio: scripted run still busy after %d s: a window is waiting for input?\n",
                seconds);
            std::fflush(nullptr);
            _exit(124);
        }).detach();
    }
    int m_status = -1;

    void run_scripted() {
        m_status = 0;
        if (!options.self_test.empty()) m_status = run_script(*m_frame, options.self_test);
        if (m_status == 0 && options.bench > 0) m_status = run_bench(*m_frame, options.bench);
        if (m_status == 0 && !options.screenshot.empty() && !save_screenshot(*m_frame, options.screenshot)) {
            std::fprintf(stderr, "journey-studio: could not write %s\n", options.screenshot.c_str());
            m_status = 1;
        }
        m_frame->Close(true);
    }
};

}  // namespace jstudio::studio

wxIMPLEMENT_APP_NO_MAIN(jstudio::studio::StudioApp);

namespace {

void usage() {
    std::puts(
        "usage: journey-studio [FILE]\n"
        "  --version              print the version and exit\n"
        "  --self-test SCRIPT     run a test script against the real window, exit 0 when it passes\n"
        "  --screenshot OUT.png   save the main window as PNG (after FILE / the script) and exit\n"
        "  --bench [SHAPES]       time open, first paint and panning of a generated diagram (default 5000)\n"
        "  --plugin-dir DIR       also load plugins from DIR (as $JSTUDIO_PLUGIN_PATH)\n"
        "  --no-plugins           do not load plugins from the default folders");
}

}  // namespace

int main(int argc, char** argv) {
    jstudio::studio::Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "journey-studio: %s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--version") {
            std::printf("journey-studio %s (plugin interface %d)\n", JSTUDIO_VERSION,
                        JSTUDIO_PLUGIN_API_VERSION);
            return 0;
        } else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else if (arg == "--self-test") {
            options.self_test = next();
        } else if (arg == "--screenshot") {
            options.screenshot = next();
        } else if (arg == "--bench") {
            options.bench = 5000;
            if (i + 1 < argc && std::isdigit(static_cast<unsigned char>(argv[i + 1][0])))
                options.bench = std::atoi(argv[++i]);
        } else if (arg == "--plugin-dir") {
            options.plugin_dirs.push_back(next());
        } else if (arg == "--no-plugins") {
            options.plugins = false;
        } else if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "journey-studio: unknown option %s\n", arg.c_str());
            usage();
            return 2;
        } else {
            options.file = arg;
        }
    }
    auto* app = new jstudio::studio::StudioApp;
    app->options = options;
    wxApp::SetInstance(app);
    return wxEntry(argc, argv);
}
