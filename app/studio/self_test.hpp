#pragma once
// Scripted runs of the real application for GUI tests under Xvfb, screenshots and the benchmark.
#include <string>

namespace jstudio::studio {

class StudioFrame;

// Runs a script, one command a line ("open $SRC/tests/data/...", "select 2", "move 10 0", "undo", "save
// $TMP/a", "reopen", "expect-same-as-snapshot start", "run Journey/Export SVG...", ...; see the .cpp). Prints
// each failure with its line number on stderr; returns the exit status (0 = every expectation held).
int run_script(StudioFrame& frame, const std::string& script_path);

// wxWidgets assertions seen in a scripted run (main.cpp counts them instead of showing a dialog).
int assert_count();
void count_assert();

// Saves what the main window shows as a PNG: the screen area of the frame, or the canvas drawn off-screen
// when the screen cannot be read.
bool save_screenshot(StudioFrame& frame, const std::string& png_path);

// Builds a diagram of `shapes` shapes, then times open + first paint and panning frames; prints a report.
int run_bench(StudioFrame& frame, int shapes);

}  // namespace jstudio::studio
