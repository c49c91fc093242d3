#pragma once
// Whole-file reads and atomic writes. "-" means standard input / standard output.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace jstudio {

// Reads the whole file (or stdin for "-"). Files past max_bytes are refused with ErrorCode::too_large.
Result<std::string> read_file(const std::string& path, std::size_t max_bytes = std::size_t(1) << 31);

// Writes to a temporary file beside the target, flushes it to disk, then renames it over the target, so a
// failed write leaves the previous file untouched. "-" writes to stdout.
Status write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace jstudio
