#pragma once
// Atomic writes of output produced piece by piece: a large diagram is written to disk as it is serialised,
// so its text is never held whole next to the model (issue 19: peak memory of convert).
#include <functional>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace jstudio {

// Takes the next piece of output; an error stops the producer.
using ByteSink = std::function<Status(std::string_view)>;

// write_file_atomic (core/base/file_io.hpp) with the bytes given piece by piece to the sink `produce` is
// handed: the same guarantees (old file or new file, never half of one; links followed, devices and FIFOs
// written in place, the temporary file removed on failure). An error from `produce` is returned as is and
// leaves the old file untouched.
Status write_file_atomic_streamed(const std::string& path,
                                  const std::function<Status(const ByteSink&)>& produce);

}  // namespace jstudio
