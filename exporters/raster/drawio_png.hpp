#pragma once
// Editable .drawio.png files: the picture of one page with the whole diagram in a tEXt chunk "mxfile" whose
// text is the percent-encoded <mxfile> XML, placed before the first IDAT as draw.io's
// Editor.writeGraphModelToPng does, so draw.io and importers/drawio reopen it.
#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "core/diagram/document.hpp"
#include "exporters/raster/cairo_writer.hpp"

namespace jstudio::exporters {

// png with a tEXt chunk (keyword\0text) inserted before its first IDAT; ErrorCode::bad_encoding when png is
// not a PNG or has no IDAT. Existing chunks with the same keyword are dropped, so re-embedding replaces.
Result<std::string> insert_png_text(std::string_view png, std::string_view keyword, std::string_view text);

// The page drawn as PNG with document embedded (plain, uncompressed pages, as draw.io writes since v21).
Result<std::string> write_drawio_png(const diagram::Document& document, std::size_t page_index,
                                     const RasterOptions& options = {});

}  // namespace jstudio::exporters
