#pragma once
// The temporary file a save is writing right now, for a signal handler: on SIGINT/SIGTERM the program can
// remove it before dying, so an interrupted save leaves neither a half-written target nor a stray
// ".name.tmp-XXXXXX" beside it. (SIGKILL cannot be caught: that leftover is unavoidable.)
namespace jstudio {

// The path, or nullptr when no save is in progress. Async-signal-safe: a fixed buffer, no allocation.
const char* temporary_file_in_progress() noexcept;

}  // namespace jstudio
