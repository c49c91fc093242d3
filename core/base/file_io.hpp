#pragma once
// Whole-file reads and atomic writes. "-" means standard input / standard output.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace jstudio {

// How much memory one input may take, in bytes: what is read, decompressed or decoded from one file counts
// against it. The default is a share of the physical memory (and of the address-space limit, ulimit -v, when
// one is set), so a hostile file ends with a clear error naming it rather than std::bad_alloc or the OOM
// killer. Process-wide because the CLI sets it once from --max-memory before any file is read.
std::size_t memory_budget();
void set_memory_budget(std::size_t bytes);
// The budget the machine would get: min(physical RAM, ulimit -v, cgroup limit) / 4, at least 64 MiB.
std::size_t default_memory_budget();
// How many bytes of text one input may read or decompress to: a quarter of the budget, because what is
// parsed from it (a DOM, the diagram model, a display list) takes a few times the text.
std::size_t input_byte_limit();
// "512M", "2G", "1500000", "64k" (powers of 1024) → bytes; nullopt-like error for anything else.
Result<std::size_t> parse_byte_size(std::string_view text);

// Reads the whole file (or stdin for "-"). Files past max_bytes are refused with ErrorCode::too_large
// (stdin is read only up to that bound, so an endless pipe ends too). Only regular files are read: a FIFO
// would block forever in open() or read() and a device such as /dev/zero never ends, so both are refused
// with an error saying what the path is.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes);
Result<std::string> read_file(const std::string& path);  // max_bytes = input_byte_limit()

// Opens a regular file for reading without ever blocking (O_NONBLOCK, then fstat): the descriptor, or an
// error naming the path when it cannot be opened or is a directory, FIFO, socket or device.
Result<int> open_regular_file(const std::string& path);

// Replaces the file at `path` with `bytes`, never leaving a half-written file:
// - a regular file (or a new one): a temporary file beside it, flushed to disk, renamed over it (the old
//   file's permissions kept), then the folder flushed;
// - a symbolic link: the same at the file it points to, so the link stays a link;
// - a character or block device, FIFO or /dev/fd/N pipe: written to directly, since renaming over it would
//   replace the device node (as root, -o /dev/null would destroy /dev/null); a FIFO with no reader is an
//   error rather than a hang;
// - a directory or socket: an error.
// "-" writes to stdout.
Status write_file_atomic(const std::string& path, std::string_view bytes);

// True when both paths name the same existing file (same device and inode, links followed).
bool same_file(const std::string& a, const std::string& b);

}  // namespace jstudio
