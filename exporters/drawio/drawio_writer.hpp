#pragma once
// Writes a Document as draw.io XML (an <mxfile>), the way draw.io itself does: two-space indented plain pages
// or base64 raw-deflate compressed pages, default-valued attributes left out, values escaped as mxUtils does.
#include <string>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"

namespace jstudio::exporters {

enum class Compression {
    keep,          // each page as it was read (new pages are plain, as draw.io writes today)
    compressed,    // every page compressed
    uncompressed,  // every page plain
};

struct DrawioWriteOptions {
    Compression compression = Compression::keep;
};

// Refuses (ErrorCode::bad_reference) what draw.io refuses to load: duplicate page ids, cells without an id or
// with an id used twice in one page.
Result<std::string> write_drawio(const diagram::Document& document, const DrawioWriteOptions& options = {});
// write_drawio, then an atomic replace of path ("-" is stdout).
Status save_drawio(const diagram::Document& document, const std::string& path,
                   const DrawioWriteOptions& options = {});

// The <mxGraphModel> of one page as compact XML, as draw.io compresses it (for embedding and tests).
std::string model_xml(const diagram::Page& page);

}  // namespace jstudio::exporters
