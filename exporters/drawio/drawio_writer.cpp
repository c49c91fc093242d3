#include "exporters/drawio/drawio_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "core/base/file_io.hpp"
#include "core/base/file_stream.hpp"
#include "core/base/flat_id_index.hpp"
#include "core/codec/codec.hpp"
#include "core/text/xml_escape.hpp"

namespace jstudio::exporters {

using namespace jstudio::diagram;

namespace {

// mxUtils.htmlEntities plus CR, so that every character survives a round trip through an attribute.
void escape_into(std::string& out, std::string_view text) {
    text::xml_escape_into(out, text, text::drawio_attribute);
}

void number_into(std::string& out, double v) {
    if (v == 0) v = 0;  // no "-0"
    char buf[32];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, ec == std::errc() ? ptr : buf);
}

class XmlOut {
  public:
    // With a sink, the text is handed on in pieces of about a megabyte (flush()) instead of held whole.
    explicit XmlOut(bool pretty, const ByteSink* sink = nullptr) : m_pretty(pretty), m_sink(sink) {}
    std::string& str() { return m_out; }
    void reserve(std::size_t bytes) { m_out.reserve(bytes); }
    // Hands what is buffered to the sink once a piece is big enough (always when final); the first error
    // is kept and stops further output.
    void flush(bool final = false) {
        if (!m_sink || !m_status || (!final && m_out.size() < (std::size_t(1) << 20))) return;
        m_status = (*m_sink)(m_out);
        m_out.clear();
    }
    const Status& status() const { return m_status; }

    void open(std::string_view name) {
        newline();
        m_out += '<';
        m_out += name;
    }
    void attr(std::string_view name, std::string_view value) {
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        escape_into(m_out, value);
        m_out += '"';
    }
    void attr(std::string_view name, double value) {
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        number_into(m_out, value);
        m_out += '"';
    }
    void attrs(const Attributes& attributes) {
        for (const auto& a : attributes) attr(a.name, a.value);
    }
    void end_open() {
        m_out += '>';
        ++m_depth;
    }
    void close_empty() { m_out += "/>"; }
    void close(std::string_view name) {
        --m_depth;
        newline();
        m_out += "</";
        m_out += name;
        m_out += '>';
    }
    void raw(std::string_view xml) {
        newline();
        m_out += xml;
    }
    void text(std::string_view t) { m_out += t; }  // already safe (base64)
    void inline_close(std::string_view name) {
        --m_depth;
        m_out += "</";
        m_out += name;
        m_out += '>';
    }

  private:
    std::string m_out;
    bool m_pretty;
    const ByteSink* m_sink;
    Status m_status = Ok{};
    bool m_started = false;  // something was written (m_out may have been flushed since)
    int m_depth = 0;

    void newline() {
        if (!m_pretty) return;
        if (m_started) m_out += '\n';
        m_started = true;
        m_out.append(static_cast<std::size_t>(m_depth) * 2, ' ');
    }
};

void write_point(XmlOut& x, const Point& p, std::string_view as) {
    x.open("mxPoint");
    if (p.x != 0) x.attr("x", p.x);
    if (p.y != 0) x.attr("y", p.y);
    if (!as.empty()) x.attr("as", as);
    x.close_empty();
}

void write_geometry(XmlOut& x, const Geometry& g) {
    x.open("mxGeometry");
    if (g.bounds.x != 0) x.attr("x", g.bounds.x);
    if (g.bounds.y != 0) x.attr("y", g.bounds.y);
    if (g.bounds.width != 0) x.attr("width", g.bounds.width);
    if (g.bounds.height != 0) x.attr("height", g.bounds.height);
    if (g.relative) x.attr("relative", "1");
    x.attrs(g.extra);
    x.attr("as", g.as ? std::string_view(*g.as) : std::string_view("geometry"));
    bool has_points = g.has_points_array || !g.waypoints.empty();
    if (!g.source_point && !g.target_point && !has_points && !g.offset && !g.alternate_bounds &&
        g.extra_children.empty()) {
        x.close_empty();
        return;
    }
    x.end_open();
    std::vector<std::string_view> order(g.child_order.begin(), g.child_order.end());
    for (std::string_view as : diagram::writer_child_order)
        if (std::find(order.begin(), order.end(), as) == order.end()) order.push_back(as);
    for (std::string_view as : order) {
        if (as == "sourcePoint" && g.source_point)
            write_point(x, *g.source_point, as);
        else if (as == "targetPoint" && g.target_point)
            write_point(x, *g.target_point, as);
        else if (as == "offset" && g.offset)
            write_point(x, *g.offset, as);
        else if (as == "points" && has_points) {
            x.open("Array");
            x.attr("as", "points");
            if (g.waypoints.empty()) {
                x.close_empty();
                continue;
            }
            x.end_open();
            for (const Point& p : g.waypoints) write_point(x, p, {});
            x.close("Array");
        } else if (as == "alternateBounds" && g.alternate_bounds) {
            const Rect& r = *g.alternate_bounds;
            x.open("mxRectangle");
            if (r.x != 0) x.attr("x", r.x);
            if (r.y != 0) x.attr("y", r.y);
            if (r.width != 0) x.attr("width", r.width);
            if (r.height != 0) x.attr("height", r.height);
            x.attr("as", "alternateBounds");
            x.close_empty();
        }
    }
    for (const RawXml& raw : g.extra_children) x.raw(raw.xml);
    x.close("mxGeometry");
}

void write_flag(XmlOut& x, std::string_view name, const std::optional<bool>& v) {
    if (v) x.attr(name, *v ? "1" : "0");
}

void write_cell(XmlOut& x, const Cell& c) {
    if (c.wrapper) {
        x.open(c.wrapper->tag);
        x.attrs(c.wrapper->attributes);
        x.attr("id", c.id);
        x.end_open();
        // draw.io appends the cell's <mxCell> last; a further <mxCell> (part of the value) must follow it,
        // since the first direct <mxCell> child is the cell when the file is read again.
        for (const RawXml& raw : c.wrapper->extra_children)
            if (raw.xml.rfind("<mxCell", 0) != 0) x.raw(raw.xml);
    }
    x.open("mxCell");
    if (!c.wrapper) x.attr("id", c.id);
    if (c.value) x.attr("value", *c.value);
    if (c.style) x.attr("style", c.style->to_string());
    if (c.vertex) x.attr("vertex", "1");
    if (c.edge) x.attr("edge", "1");
    write_flag(x, "connectable", c.connectable);
    write_flag(x, "visible", c.visible);
    write_flag(x, "collapsed", c.collapsed);
    if (!c.parent.empty()) x.attr("parent", c.parent);
    if (!c.source.empty()) x.attr("source", c.source);
    if (!c.target.empty()) x.attr("target", c.target);
    x.attrs(c.extra);
    if (!c.geometry && c.extra_children.empty()) {
        x.close_empty();
    } else {
        x.end_open();
        if (c.geometry) write_geometry(x, *c.geometry);
        for (const RawXml& raw : c.extra_children) x.raw(raw.xml);
        x.close("mxCell");
    }
    if (c.wrapper) {
        for (const RawXml& raw : c.wrapper->extra_children)
            if (raw.xml.rfind("<mxCell", 0) == 0) x.raw(raw.xml);
        x.close(c.wrapper->tag);
    }
}

void write_model(XmlOut& x, const Page& page) {
    x.open("mxGraphModel");
    x.attrs(page.model);
    x.end_open();
    x.open("root");
    x.attrs(page.root_extra);
    if (page.cells.empty()) {
        x.close_empty();
    } else {
        x.end_open();
        for (const Cell& c : page.cells) {
            write_cell(x, c);
            x.flush();
        }
        x.close("root");
    }
    for (const RawXml& raw : page.model_extra_children) x.raw(raw.xml);
    x.close("mxGraphModel");
}

Status validate(const Document& doc) {
    std::unordered_set<std::string_view> page_ids;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const Page& page = doc.pages[i];
        Location where;
        where.page = page.display_name(i);
        if (page.id && !page_ids.insert(*page.id).second)
            return make_error(ErrorCode::bad_reference, "duplicate page id '" + *page.id + "'", where);
        FlatIdIndex ids(page.cells.size(),
                        [&page](std::uint32_t at) { return std::string_view(page.cells[at].id); });
        for (std::size_t k = 0; k < page.cells.size(); ++k) {
            const Cell& c = page.cells[k];
            where.cell_id = c.id;
            if (c.id.empty()) return make_error(ErrorCode::bad_reference, "a cell has no id", where);
            if (ids.insert(static_cast<std::uint32_t>(k)) != ids.npos)
                return make_error(ErrorCode::bad_reference, "duplicate cell id '" + c.id + "'", where);
        }
    }
    return Ok{};
}

}  // namespace

std::string model_xml(const Page& page) {
    XmlOut x(false);
    write_model(x, page);
    return std::move(x.str());
}

namespace {

// An upper bound of the text's size for the usual file, so that the output grows without copies: escaping
// takes a label to at most about three times its length in practice, and pages untouched stay virtual.
std::size_t estimated_size(const Document& doc) {
    std::size_t bytes = 4096 + doc.library_json.size() * 2;
    for (const Page& page : doc.pages)
        for (const Cell& c : page.cells) {
            bytes += 160 + c.id.size() + c.parent.size() + c.source.size() + c.target.size();
            if (c.value) bytes += c.value->size() * 3;
            if (c.style) bytes += c.style->to_string().size() * 2;
            for (const auto& a : c.extra) bytes += 8 + a.name.size() + a.value.size() * 3;
            if (c.geometry) bytes += 120 + c.geometry->waypoints.size() * 48;
            if (c.wrapper) bytes += 256 + c.wrapper->attributes.size() * 64;
        }
    return bytes;
}

void write_document(XmlOut& x, const Document& doc, const DrawioWriteOptions& options) {
    if (doc.form == DocumentForm::library) {
        x.open("mxlibrary");
        x.end_open();
        std::string body;
        escape_into(body, doc.library_json);
        x.text(body);
        x.inline_close("mxlibrary");
        x.str() += '\n';
        return;
    }
    x.open("mxfile");
    Attributes file = doc.file;
    if (options.compression != Compression::keep && file.has("compressed"))
        file.set("compressed", options.compression == Compression::compressed ? "true" : "false");
    x.attrs(file);
    x.end_open();
    std::size_t next_extra = 0;
    auto extras_before = [&](std::size_t page_count) {
        for (; next_extra < doc.file_extra_children.size(); ++next_extra) {
            std::size_t before = next_extra < doc.file_extra_before.size() ? doc.file_extra_before[next_extra]
                                                                           : doc.pages.size();
            if (before > page_count) break;
            x.raw(doc.file_extra_children[next_extra].xml);
        }
    };
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        extras_before(i);
        const Page& page = doc.pages[i];
        x.open("diagram");
        // A bare mxGraphModel gets the id and name draw.io gives it on save (EditorUi.createFileData).
        if (page.id)
            x.attr("id", *page.id);
        else if (doc.form == DocumentForm::bare_model)
            x.attr("id", "page-" + std::to_string(i + 1));
        if (page.name)
            x.attr("name", *page.name);
        else if (doc.form == DocumentForm::bare_model)
            x.attr("name", page.display_name(i));
        x.attrs(page.diagram_extra);
        if (!page.has_model) {
            x.close_empty();
            continue;
        }
        bool compress = options.compression == Compression::compressed ||
                        (options.compression == Compression::keep && page.compressed);
        x.end_open();
        if (compress) {
            // draw.io's Graph.compress: encodeURIComponent, raw deflate, base64 (drawio-format.md §2.1).
            x.text(codec::base64_encode(codec::deflate_raw(codec::percent_encode(model_xml(page)))));
            x.inline_close("diagram");
        } else {
            write_model(x, page);
            x.close("diagram");
        }
    }
    extras_before(doc.pages.size());
    x.close("mxfile");
    x.str() += '\n';
}

}  // namespace

Result<std::string> write_drawio(const Document& doc, const DrawioWriteOptions& options) {
    if (auto st = validate(doc); !st) return st.error();
    XmlOut x(true);
    x.reserve(estimated_size(doc));
    write_document(x, doc, options);
    return std::move(x.str());
}

Status save_drawio(const Document& document, const std::string& path, const DrawioWriteOptions& options) {
    if (auto st = validate(document); !st) {
        Error e = st.error();
        e.where.file = path;
        return e;
    }
    // Written to disk as it is serialised: a large diagram's text is never held whole next to its model.
    return write_file_atomic_streamed(path, [&](const ByteSink& sink) -> Status {
        XmlOut x(true, &sink);
        write_document(x, document, options);
        x.flush(true);
        return x.status();
    });
}

}  // namespace jstudio::exporters
