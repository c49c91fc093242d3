#pragma once
// Reads every form of draw.io file: .drawio/.xml/.dio (mxfile, compressed or plain pages, mixed), a bare
// mxGraphModel, an mxlibrary, .drawio.svg (content attribute) and .drawio.png (tEXt/zTXt chunk).
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/file_io.hpp"
#include "core/base/result.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::importers {

struct ReadOptions {
    // Larger files are refused: 1 GiB, or less when the memory budget (--max-memory) is smaller.
    std::size_t max_file_bytes = std::min(std::size_t(1) << 30, input_byte_limit());
    std::size_t max_inflated_bytes = std::size_t(256) << 20;  // per compressed page or chunk: bombs stop here
    // All compressed pages of one file together: many pages each just under the per-page bound must not add
    // up past the machine's memory.
    std::size_t max_total_inflated_bytes = input_byte_limit();
    // A page whose cells take more bytes than this is parsed a slice of cells at a time, so that the XML
    // tree of a big file is never held whole next to the model (the result is the same either way).
    std::size_t slice_cells_above = std::size_t(1) << 20;
};

struct ReadResult {
    diagram::Document document;
    Diagnostics diagnostics;  // repairs and oddities (dangling references, dropped elements, ...)
};

// file_name is used only in messages ("-" for stdin).
Result<ReadResult> read_drawio(std::string_view bytes, const std::string& file_name,
                               const ReadOptions& options = {});
Result<ReadResult> read_drawio_file(const std::string& path, const ReadOptions& options = {});

}  // namespace jstudio::importers
