#pragma once
// A draw.io file: file attributes and pages; each page holds its cells in document order.
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/attributes.hpp"
#include "core/diagram/cell.hpp"

namespace jstudio::diagram {

struct Page {
    std::optional<std::string> id;    // <diagram id>; absent in some old files (draw.io then uses the index)
    std::optional<std::string> name;  // <diagram name>
    Attributes diagram_extra;         // other <diagram> attributes
    bool compressed = false;          // stored as base64 raw-deflate text
    bool has_model = true;            // false for an empty <diagram/>
    Attributes model;                 // <mxGraphModel> attributes in file order (dx, grid, pageWidth, ...)
    std::vector<RawXml> model_extra_children;  // <mxGraphModel> children other than <root>
    Attributes root_extra;                     // attributes on <root> (none in practice; kept if present)
    std::vector<Cell> cells;                   // children of <root>, file order

    std::string display_name(std::size_t index) const;  // name, or "Page-N" as draw.io shows it
    double model_number(std::string_view attribute, double fallback) const;
    bool operator==(const Page&) const = default;
};

enum class DocumentForm {
    mxfile,      // <mxfile> with <diagram> pages
    bare_model,  // a lone <mxGraphModel> (old files, clipboard): written back as an mxfile
    library,     // <mxlibrary>[JSON]</mxlibrary>: a shape library, kept as text
};

enum class Container { xml, svg, png };  // where the diagram was found when read

struct Document {
    DocumentForm form = DocumentForm::mxfile;
    Container container = Container::xml;        // informational; writers choose their own container
    Attributes file;                             // <mxfile> attributes in file order
    std::vector<RawXml> file_extra_children;     // <mxfile> children other than <diagram>
    std::vector<std::size_t> file_extra_before;  // for each of those, how many pages stood before it
    std::vector<Page> pages;
    std::string library_json;  // the JSON text of an <mxlibrary>

    bool operator==(const Document& o) const {
        return form == o.form && file == o.file && file_extra_children == o.file_extra_children &&
               file_extra_before == o.file_extra_before && pages == o.pages && library_json == o.library_json;
    }
};

// An empty page as draw.io creates it: root cell "0", default layer "1", the usual view settings.
Page make_page(std::string id, std::string name);
// A new document with one empty page.
Document make_document(std::string page_name = "Page-1");

}  // namespace jstudio::diagram
