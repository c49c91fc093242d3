#include "importers/drawio/drawio_reader.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/base/file_io.hpp"
#include "core/base/flat_id_index.hpp"
#include "core/codec/codec.hpp"
#include "importers/drawio/png_chunks.hpp"
#include "importers/drawio/stencil_reader.hpp"

namespace jstudio::importers {

using namespace jstudio::diagram;

namespace {

// Geometry past this size is not a drawing but a broken or hostile file; it is clamped with a warning.
constexpr double max_coordinate = 1e7;

// Turns byte offsets in one XML text into 1-based line/column, on the failure path and for cell lines.
class LineMap {
  public:
    explicit LineMap(std::string_view text) {
        m_starts.push_back(0);
        for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
            m_starts.push_back(i + 1);
    }
    std::pair<std::uint32_t, std::uint32_t> at(std::ptrdiff_t offset) const {
        if (offset < 0) return {0, 0};
        const auto o = static_cast<std::size_t>(offset);
        // Cells are read in file order: gallop forward from the last answer before a binary search of all.
        auto lo = m_starts.begin(), hi = m_starts.end();
        if (m_hint < m_starts.size() && m_starts[m_hint] <= o) {
            std::size_t at = m_hint, step = 1;
            while (at + step < m_starts.size() && m_starts[at + step] <= o) at += step, step *= 2;
            lo = m_starts.begin() + static_cast<std::ptrdiff_t>(at);
            hi = m_starts.begin() + static_cast<std::ptrdiff_t>(std::min(at + step + 1, m_starts.size()));
        }
        auto it = std::upper_bound(lo, hi, o);
        std::size_t line = static_cast<std::size_t>(it - m_starts.begin());
        m_hint = line - 1;
        return {static_cast<std::uint32_t>(line),
                static_cast<std::uint32_t>(static_cast<std::size_t>(offset) - m_starts[line - 1] + 1)};
    }

  private:
    std::vector<std::size_t> m_starts;
    mutable std::size_t m_hint = 0;  // the line of the last answer
};

std::string serialize(const pugi::xml_node& node) {
    std::ostringstream out;
    node.print(out, "", pugi::format_raw | pugi::format_no_declaration);
    return out.str();
}

// The cells of a big page, cut out of the text before it is parsed: the rest of the text (the skeleton) is
// parsed whole, the cells a slice at a time (see ReadOptions::slice_cells_above).
struct Cut {
    std::size_t tag = 0;              // where the <root> start tag begins in the text
    std::size_t begin = 0, end = 0;   // its content, between the start and the end tag
    std::size_t elements = 0;         // element children (the cells)
    std::vector<std::size_t> slices;  // where each slice but the last ends (after a whole element)
};

struct Cuts {
    std::vector<Cut> cuts;  // in text order
    // Per cut: where it lies in the skeleton, and how many bytes were cut up to and including it.
    std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> removed;

    // A skeleton offset as an offset in the text.
    std::ptrdiff_t original(std::ptrdiff_t offset) const {
        auto it = std::upper_bound(removed.begin(), removed.end(), std::pair{offset, PTRDIFF_MAX});
        return it == removed.begin() ? offset : offset + std::prev(it)->second;
    }
    const Cut* at_tag(std::size_t tag) const {
        for (const Cut& c : cuts)
            if (c.tag == tag) return &c;
        return nullptr;
    }
};

// One XML text being read: the original file, an SVG's content attribute, or a decoded compressed page.
struct Source {
    std::string_view text;
    Location base;                                 // file (and page) that the positions in text belong to
    mutable std::shared_ptr<const LineMap> lines;  // built on first use, shared by the pages of one text
    std::shared_ptr<const Cuts> cuts;              // set when the parsed tree is a skeleton of text
    std::ptrdiff_t shift = 0;                      // where the parsed slice starts in text

    std::ptrdiff_t original(std::ptrdiff_t offset) const {
        if (offset < 0) return offset;
        return (cuts ? cuts->original(offset) : offset) + shift;
    }
    Location at(std::ptrdiff_t offset) const {
        Location where = base;
        if (!lines) lines = std::make_shared<const LineMap>(text);
        auto [line, column] = lines->at(offset);
        where.line = line;
        where.column = column;
        return where;
    }
    Location at(const pugi::xml_node& node) const { return at(original(node.offset_debug())); }
};

Status check_text(const Source& src) {
    if (auto bad = codec::find_invalid_utf8(src.text); bad != std::string_view::npos)
        return make_error(ErrorCode::bad_encoding, "text is not valid UTF-8",
                          src.at(static_cast<std::ptrdiff_t>(bad)));
    // XML 1.0 forbids them, written out or as character references, and draw.io's parser refuses such a file.
    auto control_error = [&](unsigned value, std::size_t at) {
        static constexpr char hex[] = "0123456789ABCDEF";
        return make_error(ErrorCode::bad_xml,
                          std::string("control character U+00") + hex[(value >> 4) & 15] + hex[value & 15] +
                              " is not allowed in XML (draw.io does not open such a file)",
                          src.at(static_cast<std::ptrdiff_t>(at)));
    };
    if (auto bad = codec::find_xml_control(src.text); bad != std::string_view::npos)
        return control_error(static_cast<unsigned char>(src.text[bad]), bad);
    for (std::size_t at = src.text.find("&#"); at != std::string_view::npos;
         at = src.text.find("&#", at + 2)) {
        std::size_t i = at + 2;
        const bool hex = i < src.text.size() && (src.text[i] == 'x' || src.text[i] == 'X');
        i += hex;
        unsigned value = 0;
        std::size_t digits = 0;
        for (; i < src.text.size() && digits < 8; ++i, ++digits) {
            const char c = src.text[i];
            const int d = c >= '0' && c <= '9'          ? c - '0'
                          : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                        : -1;
            if (d < 0) break;
            value = value * (hex ? 16 : 10) + static_cast<unsigned>(d);
        }
        if (digits > 0 && digits < 8 && i < src.text.size() && src.text[i] == ';' && value < 0x20 &&
            value != '\t' && value != '\n' && value != '\r')
            return control_error(value, at);
    }
    // pugixml ignores DTDs; refusing entity declarations outright keeps XXE and entity bombs out for good.
    auto doctype = src.text.find("<!DOCTYPE");
    if (doctype != std::string_view::npos) {
        auto end = src.text.find('>', doctype);
        auto bracket = src.text.find('[', doctype);
        if (bracket != std::string_view::npos && (end == std::string_view::npos || bracket < end)) {
            auto entity = src.text.find("<!ENTITY", bracket);
            if (entity != std::string_view::npos)
                return make_error(
                    ErrorCode::unsupported,
                    "DOCTYPE declares entities; draw.io files never do, and they are refused for safety",
                    src.at(static_cast<std::ptrdiff_t>(entity)));
        }
    }
    return Ok{};
}

// Finds the content of each page's <root> (the first <root> of an <mxGraphModel> that is the document
// element or stands in a <diagram> of an <mxfile>) and where to cut it into slices of whole cells. Only tags
// are looked at; anything it does not follow (a DOCTYPE, an unclosed tag or comment, unbalanced tags) gives
// nullopt and the text is parsed whole, so pugixml alone judges what is malformed.
std::optional<Cuts> find_cuts(std::string_view text, std::size_t cells_per_slice) {
    Cuts out;
    std::vector<std::string_view> path;  // open element names, down to the cells
    std::vector<char> model_has_root;    // per open element: an <mxGraphModel> whose <root> was seen
    std::size_t root_depth = 0;          // depth of the cells inside the current cut (0: none)
    std::size_t in_slice = 0;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t pos = text.find('<'); pos != std::string_view::npos; pos = text.find('<', pos)) {
        const std::string_view rest = text.substr(pos);
        auto skip_to = [&](std::string_view end) {
            const std::size_t e = text.find(end, pos);
            if (e == std::string_view::npos) return false;
            pos = e + end.size();
            return true;
        };
        if (rest.starts_with("<!--")) {
            if (!skip_to("-->")) return std::nullopt;
            continue;
        }
        if (rest.starts_with("<![CDATA[")) {
            if (!skip_to("]]>")) return std::nullopt;
            continue;
        }
        if (rest.starts_with("<?")) {
            if (!skip_to("?>")) return std::nullopt;
            continue;
        }
        if (rest.starts_with("<!")) return std::nullopt;
        const bool closing = rest.starts_with("</");
        std::size_t i = pos + (closing ? 2 : 1);
        const std::size_t name_begin = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != '/' && text[i] != '>') ++i;
        const std::string_view name = text.substr(name_begin, i - name_begin);
        if (name.empty()) return std::nullopt;
        // To the end of the tag, over quoted attribute values (they may hold '>').
        bool self_closing = false;
        while (true) {
            if (i >= text.size()) return std::nullopt;
            const char c = text[i];
            if (c == '"' || c == '\'') {
                const std::size_t q = text.find(c, i + 1);
                if (q == std::string_view::npos) return std::nullopt;
                i = q + 1;
                continue;
            }
            if (c == '>') {
                self_closing = !closing && text[i - 1] == '/';
                break;
            }
            ++i;
        }
        const std::size_t tag_end = i + 1;
        const std::size_t depth = path.size();
        if (closing) {
            if (path.empty() || path.back() != name) return std::nullopt;
            path.pop_back();
            model_has_root.pop_back();
            if (root_depth && depth - 1 == root_depth - 1) {  // the cut's </root>
                out.cuts.back().end = pos;
                if (!out.cuts.back().slices.empty() && out.cuts.back().slices.back() >= pos)
                    out.cuts.back().slices.pop_back();
                root_depth = 0;
            } else if (root_depth && depth - 1 == root_depth && ++in_slice >= cells_per_slice) {
                out.cuts.back().slices.push_back(tag_end);
                in_slice = 0;
            }
            pos = tag_end;
            continue;
        }
        if (root_depth && depth == root_depth) {
            ++out.cuts.back().elements;
            if (self_closing && ++in_slice >= cells_per_slice) {
                out.cuts.back().slices.push_back(tag_end);
                in_slice = 0;
            }
        }
        const bool page_model = depth >= 1 && path[depth - 1] == "mxGraphModel" &&
                                (depth == 1 || (depth == 3 && path[0] == "mxfile" && path[1] == "diagram"));
        if (!root_depth && !self_closing && name == "root" && page_model && !model_has_root[depth - 1]) {
            model_has_root[depth - 1] = 1;
            out.cuts.push_back(Cut{pos + 1, tag_end, tag_end, 0, {}});
            root_depth = depth + 1;
            in_slice = 0;
        } else if (name == "root" && page_model) {
            model_has_root[depth - 1] = 1;
        }
        if (!self_closing) {
            path.push_back(name);
            model_has_root.push_back(0);
        }
        pos = tag_end;
    }
    if (!path.empty()) return std::nullopt;
    return out;
}

// Parses buffer in place (no second copy of a large file); the line table is taken first, because in-place
// parsing rewrites the text and positions are still needed for messages afterwards. With slice_above set,
// the cells of pages larger than that are left out of the tree (see Cuts) and buffer is left as it is.
// `writable` is buffer when the text may be rewritten, else nullptr: a whole parse then takes a copy.
Result<std::unique_ptr<pugi::xml_document>> parse_xml(Source& src, std::string_view buffer,
                                                      std::string* writable, std::list<std::string>& owned,
                                                      std::optional<std::size_t> slice_above = {}) {
    src.text = buffer;
    if (auto st = check_text(src); !st) return st.error();
    if (!src.lines) src.lines = std::make_shared<const LineMap>(src.text);
    if (slice_above && buffer.size() > *slice_above) {
        constexpr std::size_t cells_per_slice = 4096;
        auto cuts = find_cuts(buffer, cells_per_slice);
        std::size_t cut_bytes = 0;
        if (cuts)
            for (const Cut& c : cuts->cuts) cut_bytes += c.end - c.begin;
        if (cuts && cut_bytes > *slice_above) {
            std::string skeleton;
            std::size_t from = 0;
            std::ptrdiff_t removed = 0;
            for (const Cut& c : cuts->cuts) {
                skeleton.append(buffer.substr(from, c.begin - from));
                removed += static_cast<std::ptrdiff_t>(c.end - c.begin);
                cuts->removed.emplace_back(static_cast<std::ptrdiff_t>(skeleton.size()), removed);
                from = c.end;
            }
            skeleton.append(buffer.substr(from));
            owned.push_back(std::move(skeleton));
            auto doc = std::make_unique<pugi::xml_document>();
            pugi::xml_parse_result r = doc->load_buffer_inplace(owned.back().data(), owned.back().size(),
                                                                pugi::parse_default, pugi::encoding_utf8);
            // A malformed skeleton is parsed again whole, below, so that the message is pugixml's own.
            if (r && doc->document_element()) {
                src.cuts = std::make_shared<const Cuts>(std::move(*cuts));
                return doc;
            }
        }
    }
    if (!writable) {
        owned.emplace_back(buffer);
        writable = &owned.back();
    }
    auto doc = std::make_unique<pugi::xml_document>();
    // parse_default keeps CDATA and escapes; whitespace-only text is dropped (it is insignificant here).
    pugi::xml_parse_result r = doc->load_buffer_inplace(writable->data(), writable->size(),
                                                        pugi::parse_default, pugi::encoding_utf8);
    if (!r)
        return make_error(ErrorCode::bad_xml, std::string("malformed XML: ") + r.description(),
                          src.at(r.offset));
    if (!doc->document_element()) return make_error(ErrorCode::bad_xml, "no XML element found", src.at(0));
    return doc;
}

class Reader {
  public:
    Reader(const std::string& file, const ReadOptions& options) : m_file(file), m_options(options) {}

    // Reads a file's text that this reader does not own and may not rewrite; release(begin, end) is called
    // for each slice of cells once read (see ReleasableText). A malformed slice then sets reread_needed().
    Result<ReadResult> read_released(std::string_view bytes,
                                     std::function<bool(const char*, const char*)> release) {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // UTF-8 byte order mark
        m_release = std::move(release);
        return read_xml_view(bytes, nullptr, at_file(m_file), false);
    }
    bool reread_needed() const { return m_released && m_slice_failed; }

    Result<ReadResult> read(std::string bytes) {
        if (bytes.empty()) return make_error(ErrorCode::bad_xml, "file is empty", at_file(m_file));
        if (bytes.size() > m_options.max_file_bytes)
            return make_error(ErrorCode::too_large, "file is past the size limit", at_file(m_file));
        if (is_png(bytes)) {
            auto text = extract_png_diagram(bytes, inflate_bound());
            if (!text) return with_file(budget_error(text.error()));
            m_inflated += text->size();
            m_result.document.container = Container::png;
            Location base = at_file(m_file);
            base.page = "(embedded in PNG)";
            return read_xml_text(std::move(text.value()), base, true);
        }
        if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);  // UTF-8 byte order mark
        return read_xml_text(std::move(bytes), at_file(m_file), false);
    }

  private:
    std::string m_file;
    const ReadOptions& m_options;
    ReadResult m_result;
    std::list<std::string> m_owned;  // texts parsed in place; their DOMs point into them
    std::size_t m_inflated = 0;      // bytes inflated so far from every compressed page of the file
    StylePool m_styles;              // cells with the same style text share it

    // The most the next page may inflate to: its own bound, or what is left of the file's.
    std::size_t inflate_bound() const {
        std::size_t left = m_options.max_total_inflated_bytes > m_inflated
                               ? m_options.max_total_inflated_bytes - m_inflated
                               : 0;
        return std::min(m_options.max_inflated_bytes, left);
    }
    // A page stopped by the file's budget rather than its own bound says so.
    Error budget_error(Error e) const {
        if (e.code == ErrorCode::too_large && inflate_bound() < m_options.max_inflated_bytes)
            e.message = "compressed pages together inflate past the limit of " +
                        std::to_string(m_options.max_total_inflated_bytes) + " bytes (--max-memory)";
        return e;
    }
    bool m_slices = true;         // parse big pages a slice of cells at a time
    bool m_slice_failed = false;  // a slice was malformed: the text is read again whole
    // Hands the memory of text already read back to the system; true when [begin, end) was its to hand back.
    std::function<bool(const char*, const char*)> m_release;
    bool m_released = false;  // some text was handed back: it cannot be parsed again

    std::optional<std::size_t> slice_above() const {
        return m_slices ? std::optional<std::size_t>(m_options.slice_cells_above) : std::nullopt;
    }

    Error with_file(Error e) const {
        if (e.where.file.empty()) e.where.file = m_file;
        return e;
    }
    void warn(std::string message, Location where) {
        m_result.diagnostics.push_back({Severity::warning, std::move(message), std::move(where)});
    }

    Result<ReadResult> read_xml_text(std::string text, Location base, bool embedded) {
        m_owned.push_back(std::move(text));
        std::string& owned = m_owned.back();  // not m_owned.back() below: parse_xml adds the skeleton
        return read_xml_view(owned, &owned, base, embedded);
    }

    Result<ReadResult> read_xml_view(std::string_view text, std::string* writable, Location base,
                                     bool embedded) {
        if (!m_slices) return read_xml_owned(text, writable, base, embedded);
        const ReadResult before = m_result;
        auto read = read_xml_owned(text, writable, base, embedded);
        if (read || !m_slice_failed) return read;
        // Slices already read were handed back (release): the caller reads the file again.
        if (m_released) return read;
        // A slice of cells did not parse: read the text again whole, for pugixml's message on the whole.
        m_result = before;
        m_slices = false;
        m_slice_failed = false;
        return read_xml_owned(text, writable, base, embedded);
    }

    Result<ReadResult> read_xml_owned(std::string_view text, std::string* writable, Location base,
                                      bool embedded) {
        Source src{{}, base, {}, {}, 0};
        auto parsed = parse_xml(src, text, writable, m_owned, slice_above());
        if (!parsed) return parsed.error();
        pugi::xml_node top = parsed.value()->document_element();
        std::string_view name = top.name();
        if (name == "svg" && !embedded) return read_svg(top, src);
        if (name == "mxfile") {
            if (auto st = read_mxfile(top, src); !st) return st.error();
        } else if (name == "mxGraphModel") {
            m_result.document.form = DocumentForm::bare_model;
            Page page;
            if (auto st = read_model(top, src, page); !st) return st.error();
            m_result.document.pages.push_back(std::move(page));
        } else if (name == "mxlibrary") {
            m_result.document.form = DocumentForm::library;
            m_result.document.library_json = top.text().get();
        } else {
            return make_error(ErrorCode::bad_xml,
                              "not a draw.io file: the document element is <" + std::string(name) +
                                  ">, expected <mxfile>, <mxGraphModel> or <mxlibrary>",
                              src.at(top));
        }
        if (auto st = check_page_ids(src); !st) return st.error();
        return std::move(m_result);
    }

    Result<ReadResult> read_svg(const pugi::xml_node& svg, const Source& src) {
        pugi::xml_attribute content = svg.attribute("content");
        if (!content || !*content.value())
            return make_error(ErrorCode::unsupported, "SVG holds no draw.io diagram (no 'content' attribute)",
                              src.at(svg));
        std::string text = content.value();
        // Editor.extractGraphModel: neither '<' nor '%' first means legacy base64 of an escape()d string.
        if (text.front() != '<' && text.front() != '%') {
            auto raw = codec::base64_decode(text);
            if (!raw) return with_location(raw.error(), src.at(svg), "SVG content: ");
            text = latin1_unescape(raw.value());
        }
        if (!text.empty() && text.front() == '%') {
            auto decoded = codec::percent_decode(text);
            if (!decoded) return with_location(decoded.error(), src.at(svg), "SVG content: ");
            text = std::move(decoded.value());
        }
        m_result.document.container = Container::svg;
        Location base = at_file(m_file);
        base.page = "(SVG content)";
        return read_xml_text(std::move(text), base, true);
    }

    // JavaScript's unescape(): %XX and %uXXXX to characters, the result as UTF-8.
    static std::string latin1_unescape(const std::string& in) {
        std::string out;
        auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        auto put = [&out](std::uint32_t cp) {
            if (cp < 0x80)
                out += static_cast<char>(cp);
            else if (cp < 0x800)
                out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
            else {
                out += static_cast<char>(0xE0 | (cp >> 12));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            }
        };
        for (std::size_t i = 0; i < in.size(); ++i) {
            if (in[i] == '%' && i + 5 < in.size() + 0 && in[i + 1] == 'u') {
                int a = hex(in[i + 2]), b = hex(in[i + 3]), c = hex(in[i + 4]), d = hex(in[i + 5]);
                if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
                    put(static_cast<std::uint32_t>((a << 12) | (b << 8) | (c << 4) | d));
                    i += 5;
                    continue;
                }
            }
            if (in[i] == '%' && i + 2 < in.size() && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                put(static_cast<std::uint32_t>(hex(in[i + 1]) * 16 + hex(in[i + 2])));
                i += 2;
                continue;
            }
            put(static_cast<unsigned char>(in[i]));
        }
        return out;
    }

    static Error with_location(Error e, Location where, const std::string& prefix) {
        e.message = prefix + e.message;
        e.where = std::move(where);
        return e;
    }

    Status read_mxfile(const pugi::xml_node& mxfile, const Source& src) {
        Document& doc = m_result.document;
        for (pugi::xml_attribute a : mxfile.attributes()) doc.file.push_back({a.name(), a.value()});
        for (pugi::xml_node child : mxfile.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::string_view(child.name()) != "diagram") {
                doc.file_extra_children.push_back({serialize(child)});
                doc.file_extra_before.push_back(doc.pages.size());
                continue;
            }
            Page page;
            if (auto st = read_diagram(child, src, page); !st) return st;
            doc.pages.push_back(std::move(page));
        }
        if (doc.pages.empty())
            return make_error(ErrorCode::bad_xml, "the file has no pages (<mxfile> without <diagram>)",
                              src.at(mxfile));
        return Ok{};
    }

    Status read_diagram(const pugi::xml_node& node, const Source& src, Page& page) {
        for (pugi::xml_attribute a : node.attributes()) {
            std::string_view n = a.name();
            if (n == "id")
                page.id = a.value();
            else if (n == "name")
                page.name = a.value();
            else
                page.diagram_extra.push_back({a.name(), a.value()});
        }
        Location where = src.at(node);
        where.page = page.display_name(m_result.document.pages.size());
        // Editor.parseDiagramNode: non-blank text means a compressed page, else the first element child.
        std::string text;
        for (pugi::xml_node child : node.children())
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
        auto first = text.find_first_not_of(" \t\r\n");
        if (first != std::string::npos) {
            page.compressed = true;
            return read_compressed(text, where, page);
        }
        pugi::xml_node model =
            node.find_child([](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
        if (!model) {
            page.has_model = false;  // an empty page
            return Ok{};
        }
        if (std::string_view(model.name()) != "mxGraphModel")
            return make_error(ErrorCode::bad_xml,
                              "page content is <" + std::string(model.name()) + ">, expected <mxGraphModel>",
                              where);
        Source page_src = src;  // same text: same line table and cuts
        page_src.base.page = where.page;
        return read_model(model, page_src, page);
    }

    Status read_compressed(const std::string& text, Location where, Page& page) {
        auto fail = [&](const Error& e) { return with_location(e, where, "compressed page: "); };
        auto raw = codec::base64_decode(text);
        if (!raw) return fail(raw.error());
        auto inflated = codec::inflate_raw(raw.value(), inflate_bound());
        if (!inflated) return fail(budget_error(inflated.error()));
        m_inflated += inflated->size();
        auto xml = codec::percent_decode(inflated.value());
        if (!xml) return fail(xml.error());
        m_owned.push_back(std::move(xml.value()));
        Location base = where;
        base.line = base.column = 0;
        base.in_decoded_page = true;
        Source page_src{{}, base, {}, {}, 0};
        auto parsed = parse_xml(page_src, m_owned.back(), &m_owned.back(), m_owned, slice_above());
        if (!parsed) return parsed.error();
        pugi::xml_node model = parsed.value()->document_element();
        if (std::string_view(model.name()) != "mxGraphModel")
            return make_error(
                ErrorCode::bad_xml,
                "compressed page holds <" + std::string(model.name()) + ">, expected <mxGraphModel>",
                page_src.at(model));
        return read_model(model, page_src, page);
    }

    Status read_model(const pugi::xml_node& model, const Source& src, Page& page) {
        for (pugi::xml_attribute a : model.attributes()) page.model.push_back({a.name(), a.value()});
        pugi::xml_node root;
        for (pugi::xml_node child : model.children()) {
            if (child.type() != pugi::node_element) continue;
            if (std::string_view(child.name()) == "root" && !root) {
                root = child;
                continue;
            }
            if (!child.attribute("as")) {
                warn("dropped <" + std::string(child.name()) +
                         "> inside <mxGraphModel>: it has no 'as' attribute and "
                         "draw.io refuses to load such a page",
                     src.at(child));
                continue;
            }
            page.model_extra_children.push_back({serialize(child)});
        }
        if (!root) return Ok{};
        for (pugi::xml_attribute a : root.attributes()) page.root_extra.push_back({a.name(), a.value()});
        const Cut* cut = src.cuts
                             ? src.cuts->at_tag(static_cast<std::size_t>(src.original(root.offset_debug())))
                             : nullptr;
        if (!cut) {
            std::size_t count = 0;
            for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) ++count;
            page.cells.reserve(count);
            if (auto st = read_cells(root, src, page); !st) return st;
            return check_cells(page, src);
        }
        // The cells were cut out of the tree: parse them a slice at a time, each slice a copy (the text
        // stays intact for a second, whole reading should a slice be malformed).
        page.cells.reserve(cut->elements);
        std::size_t from = cut->begin;
        for (std::size_t s = 0; s <= cut->slices.size(); ++s) {
            const std::size_t to = s < cut->slices.size() ? cut->slices[s] : cut->end;
            pugi::xml_document slice;
            pugi::xml_parse_result r =
                slice.load_buffer(src.text.data() + from, to - from,
                                  pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8);
            if (!r) {
                m_slice_failed = true;
                return make_error(ErrorCode::bad_xml, std::string("malformed XML: ") + r.description(),
                                  src.at(static_cast<std::ptrdiff_t>(from) + r.offset));
            }
            Source slice_src{src.text, src.base, src.lines, nullptr, static_cast<std::ptrdiff_t>(from)};
            if (auto st = read_cells(slice, slice_src, page); !st) return st;
            // The slice is read: its text is not needed again (messages use the line table).
            if (m_release && m_release(src.text.data() + from, src.text.data() + to)) m_released = true;
            from = to;
        }
        return check_cells(page, src);
    }

    Status read_cells(const pugi::xml_node& root, const Source& src, Page& page) {
        for (pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            // Read in place: a cell is some 600 bytes, and moving each into the list showed in profiles.
            if (std::string_view(child.name()) == "mxCell") {
                if (auto st = read_cell(child, src, page.cells.emplace_back(), nullptr); !st) return st;
            } else if (pugi::xml_node inner = child.child("mxCell")) {
                if (auto st = read_cell(inner, src, page.cells.emplace_back(), &child); !st) return st;
            } else {
                warn("dropped <" + std::string(child.name()) + "> inside <root>: it holds no <mxCell>",
                     src.at(child));
            }
        }
        return Ok{};
    }

    // out is changed only when the whole text is a number: a number with trailing text ("NaN(00") is kept
    // verbatim by the caller and must not also set the value.
    static bool parse_number(const char* text, double& out) {
        std::string_view s(text);
        while (!s.empty() && (s.front() == ' ' || s.front() == '+'))
            s.remove_prefix(1);  // parseFloat is lenient
        if (s.empty()) return false;
        double value = 0;
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec == std::errc::result_out_of_range) {
            out = s.front() == '-' ? -HUGE_VAL : HUGE_VAL;
            return true;
        }
        if (ec != std::errc()) {
            if (s == "NaN") return out = std::nan(""), true;
            if (s == "Infinity") return out = HUGE_VAL, true;
            if (s == "-Infinity") return out = -HUGE_VAL, true;
            return false;
        }
        if (ptr != s.data() + s.size()) return false;
        out = value;
        return true;
    }

    // A coordinate: unparseable text stays as-is (kept verbatim), non-finite or huge values are repaired.
    bool read_coordinate(const pugi::xml_attribute& a, double& out, const Source& src,
                         const pugi::xml_node& node, const std::string& cell_id) {
        if (!parse_number(a.value(), out)) return false;
        if (!std::isfinite(out) || std::fabs(out) > max_coordinate) {
            Location where = src.at(node);
            where.cell_id = cell_id;
            double repaired = std::isfinite(out) ? std::clamp(out, -max_coordinate, max_coordinate) : 0.0;
            std::ostringstream msg;
            msg << "geometry " << a.name() << "=\"" << a.value() << "\" is "
                << (std::isfinite(out) ? "too large" : "not a finite number") << "; set to " << repaired;
            warn(msg.str(), where);
            out = repaired;
        }
        return true;
    }

    // The attributes of an mxCell, told apart by their first letter before a full compare: a big page has a
    // million of them, and measuring each name first showed in profiles.
    enum class CellAttribute {
        id,
        parent,
        source,
        target,
        value,
        style,
        vertex,
        edge,
        connectable,
        visible,
        collapsed,
        other
    };
    static CellAttribute classify_cell_attribute(const char* n) {
        auto is = [n](const char* name) { return std::strcmp(n, name) == 0; };
        switch (n[0]) {
            case 'i':
                return is("id") ? CellAttribute::id : CellAttribute::other;
            case 'p':
                return is("parent") ? CellAttribute::parent : CellAttribute::other;
            case 's':
                return is("style")    ? CellAttribute::style
                       : is("source") ? CellAttribute::source
                                      : CellAttribute::other;
            case 't':
                return is("target") ? CellAttribute::target : CellAttribute::other;
            case 'v':
                return is("vertex")    ? CellAttribute::vertex
                       : is("value")   ? CellAttribute::value
                       : is("visible") ? CellAttribute::visible
                                       : CellAttribute::other;
            case 'e':
                return is("edge") ? CellAttribute::edge : CellAttribute::other;
            case 'c':
                return is("connectable") ? CellAttribute::connectable
                       : is("collapsed") ? CellAttribute::collapsed
                                         : CellAttribute::other;
            default:
                return CellAttribute::other;
        }
    }

    static bool read_flag(const pugi::xml_attribute& a, bool& out) {
        std::string_view v = a.value();
        if (v == "1") return out = true, true;
        if (v == "0") return out = false, true;
        return false;
    }

    Status read_cell(const pugi::xml_node& node, const Source& src, Cell& cell,
                     const pugi::xml_node* wrapper) {
        cell.source_line = src.at(wrapper ? *wrapper : node).line;
        if (wrapper) {
            Wrapper w;
            w.tag = wrapper->name();
            for (pugi::xml_attribute a : wrapper->attributes()) {
                if (std::string_view(a.name()) == "id")
                    cell.id = a.value();
                else
                    w.attributes.push_back({a.name(), a.value()});
            }
            for (pugi::xml_node child : wrapper->children()) {
                if (child == node || child.type() != pugi::node_element) continue;
                w.extra_children.push_back({serialize(child)});
            }
            // In the order the writer puts them (other elements before the cell, further <mxCell>s after it,
            // each kind in file order), so a file read, written and read again holds the same model.
            std::stable_partition(w.extra_children.begin(), w.extra_children.end(),
                                  [](const RawXml& raw) { return raw.xml.rfind("<mxCell", 0) != 0; });
            cell.wrapper = std::move(w);
        }
        for (pugi::xml_attribute a : node.attributes()) {
            const CellAttribute n = classify_cell_attribute(a.name());
            bool flag = false;
            if (n == CellAttribute::id && !wrapper)
                cell.id = a.value();
            else if (n == CellAttribute::id && cell.id.empty())
                cell.id = a.value();
            else if (n == CellAttribute::parent)
                cell.parent = a.value();
            else if (n == CellAttribute::source)
                cell.source = a.value();
            else if (n == CellAttribute::target)
                cell.target = a.value();
            else if (n == CellAttribute::value)
                cell.value = a.value();
            else if (n == CellAttribute::style)
                cell.style = m_styles.parse(a.value());
            else if (n == CellAttribute::vertex && read_flag(a, flag) && flag)
                cell.vertex = true;
            else if (n == CellAttribute::edge && read_flag(a, flag) && flag)
                cell.edge = true;
            else if (n == CellAttribute::connectable && read_flag(a, flag))
                cell.connectable = flag;
            else if (n == CellAttribute::visible && read_flag(a, flag))
                cell.visible = flag;
            else if (n == CellAttribute::collapsed && read_flag(a, flag))
                cell.collapsed = flag;
            else
                cell.extra.push_back({a.name(), a.value()});
        }
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            pugi::xml_attribute as = child.attribute("as");
            if (std::string_view(child.name()) == "mxGeometry" &&
                std::string_view(as.value()) == "geometry" && !cell.geometry) {
                cell.geometry.emplace();
                read_geometry(child, src, *cell.geometry, cell.id);
            } else if (as) {
                cell.extra_children.push_back({serialize(child)});
            } else {
                Location where = src.at(child);
                where.cell_id = cell.id;
                warn(
                    "dropped <" + std::string(child.name()) +
                        "> inside <mxCell>: it has no 'as' attribute and draw.io refuses to load such a cell",
                    where);
            }
        }
        return Ok{};
    }

    static Point read_point(const pugi::xml_node& node) {
        Point p;
        parse_number(node.attribute("x").value(), p.x);
        parse_number(node.attribute("y").value(), p.y);
        if (!std::isfinite(p.x)) p.x = 0;
        if (!std::isfinite(p.y)) p.y = 0;
        return p;
    }

    void read_geometry(const pugi::xml_node& node, const Source& src, Geometry& g,
                       const std::string& cell_id) {
        bool seen_as = false;
        for (pugi::xml_attribute a : node.attributes()) {
            const char* n = a.name();
            double* target = n[0] == 'x' && n[1] == 0        ? &g.bounds.x
                             : n[0] == 'y' && n[1] == 0      ? &g.bounds.y
                             : std::strcmp(n, "width") == 0  ? &g.bounds.width
                             : std::strcmp(n, "height") == 0 ? &g.bounds.height
                                                             : nullptr;
            bool flag = false;
            if (target && read_coordinate(a, *target, src, node, cell_id)) continue;
            if (std::strcmp(n, "relative") == 0 && read_flag(a, flag))
                g.relative = flag;
            else if (n[0] == 'a' && n[1] == 's' && n[2] == 0 && seen_as) {
                // XML allows an attribute once; the cell took this geometry by its first 'as'.
                Location where = src.at(node);
                where.cell_id = cell_id;
                warn("dropped a second 'as' attribute of <mxGeometry> (an XML attribute may appear once)",
                     where);
            } else if (n[0] == 'a' && n[1] == 's' && n[2] == 0) {
                seen_as = true;
                g.as =
                    std::string_view(a.value()) == "geometry" ? std::nullopt : Boxed<std::string>(a.value());
            } else
                g.extra.push_back({a.name(), a.value()});
        }
        for (pugi::xml_node child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name(), as = child.attribute("as").value();
            bool plain_point = name == "mxPoint" && attribute_count(child) <= 3;
            if (plain_point && as == "sourcePoint" && !g.source_point)
                g.source_point = read_point(child);
            else if (plain_point && as == "targetPoint" && !g.target_point)
                g.target_point = read_point(child);
            else if (plain_point && as == "offset" && !g.offset)
                g.offset = read_point(child);
            else if (name == "Array" && as == "points" && !g.has_points_array &&
                     attribute_count(child) == 1) {
                g.has_points_array = true;
                for (pugi::xml_node p : child.children("mxPoint")) g.waypoints.push_back(read_point(p));
            } else if (name == "mxRectangle" && as == "alternateBounds" && !g.alternate_bounds) {
                Rect r;
                parse_number(child.attribute("x").value(), r.x);
                parse_number(child.attribute("y").value(), r.y);
                parse_number(child.attribute("width").value(), r.width);
                parse_number(child.attribute("height").value(), r.height);
                g.alternate_bounds = r;
            } else if (!as.empty()) {
                g.extra_children.push_back({serialize(child)});
                continue;
            } else {
                Location where = src.at(child);
                where.cell_id = cell_id;
                warn("dropped <" + std::string(name) + "> inside <mxGeometry>: it has no 'as' attribute",
                     where);
                continue;
            }
            g.child_order.push_back(std::string(as));
        }
        diagram::drop_writer_child_order(g);
    }

    static std::size_t attribute_count(const pugi::xml_node& node) {
        std::size_t n = 0;
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) ++n;
        return n;
    }

    Status check_cells(Page& page, const Source& src) {
        auto where = [&](const Cell& c) {
            Location w = src.base;
            w.line = c.source_line;
            w.cell_id = c.id;
            return w;
        };
        // One flat table of positions by id, and each cell's parent looked up once (runs of cells share a
        // parent: the last lookup is reused): hash maps were the largest cost of reading a big page.
        const std::size_t n = page.cells.size();
        // The ids copied side by side first: a probe then compares against this small, dense copy instead of
        // reaching into a cell (one cache miss per lookup on a big page).
        std::string ids;
        std::vector<std::size_t> id_begin(n + 1, 0);
        {
            std::size_t total = 0;
            for (const Cell& c : page.cells) total += c.id.size();
            ids.reserve(total);
            for (std::size_t i = 0; i < n; ++i) {
                id_begin[i] = ids.size();
                ids += page.cells[i].id;
            }
            id_begin[n] = ids.size();
        }
        auto by_id_key = [&](std::uint32_t i) {
            return std::string_view(ids.data() + id_begin[i], id_begin[i + 1] - id_begin[i]);
        };
        FlatIdIndex by_id(n, by_id_key);
        std::vector<std::uint64_t> hashes(n);
        for (std::size_t i = 0; i < n; ++i) hashes[i] = by_id.hash(by_id_key(static_cast<std::uint32_t>(i)));
        constexpr std::size_t ahead = 8;  // prefetch distance, in ids
        for (std::size_t i = 0; i < n; ++i) {
            if (i + ahead < n) by_id.prefetch(hashes[i + ahead]);
            const Cell& c = page.cells[i];
            if (c.id.empty()) return make_error(ErrorCode::bad_reference, "a cell has no id", where(c));
            if (const auto first = by_id.insert(static_cast<std::uint32_t>(i), hashes[i]);
                first != by_id.npos)
                return make_error(ErrorCode::bad_reference,
                                  "duplicate cell id '" + c.id + "' (first used on line " +
                                      std::to_string(page.cells[first].source_line) +
                                      "); draw.io refuses to load such a page",
                                  where(c));
        }
        constexpr std::uint32_t none = UINT32_MAX;
        std::vector<std::uint32_t> parent_of(n, none);
        std::string_view last_parent;
        std::uint32_t last_position = none;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& parent = page.cells[i].parent;
            if (parent.empty()) continue;
            if (last_position == none || parent != last_parent) {
                last_parent = parent;
                last_position = by_id.find(parent);
                if (last_position == by_id.npos) last_position = none;
                if (last_position == none) {  // warned below, in cell order with the other references
                    last_parent = {};
                    continue;
                }
            }
            parent_of[i] = last_position;
        }
        // Parent cycles would send every walk up the tree round for ever: refuse them, naming the loop.
        std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the current path, 2 done
        std::vector<std::size_t> path;
        for (std::size_t i = 0; i < n; ++i) {
            path.clear();
            std::size_t at = i;
            while (state[at] == 0) {
                state[at] = 1;
                path.push_back(at);
                if (parent_of[at] == none) break;
                at = parent_of[at];
                if (state[at] == 1) {
                    std::string loop;
                    auto start = std::find(path.begin(), path.end(), at);
                    for (auto p = start; p != path.end(); ++p) loop += "'" + page.cells[*p].id + "' → ";
                    loop += "'" + page.cells[at].id + "'";
                    return make_error(ErrorCode::bad_reference, "cells are their own ancestors: " + loop,
                                      where(page.cells[at]));
                }
            }
            for (std::size_t p : path) state[p] = 2;
        }
        std::size_t roots = 0;
        std::string root_id;
        for (const Cell& c : page.cells)
            if (c.parent.empty()) ++roots, root_id = root_id.empty() ? c.id : root_id;
        if (roots > 1)
            warn(std::to_string(roots) + " cells have no parent; the first, '" + root_id + "', is the root",
                 src.base);
        // Edge ends are looked up with their slots prefetched a few cells ahead (hashes kept in a small
        // ring).
        constexpr std::size_t ring = 16;
        static_assert(ahead < ring);
        std::array<std::uint64_t, ring> source_hash{}, target_hash{};
        auto look_ahead = [&](std::size_t j) {
            const Cell& c = page.cells[j];
            if (!c.source.empty()) by_id.prefetch(source_hash[j % ring] = by_id.hash(c.source));
            if (!c.target.empty()) by_id.prefetch(target_hash[j % ring] = by_id.hash(c.target));
        };
        for (std::size_t j = 0; j < std::min(ahead, n); ++j) look_ahead(j);
        for (std::size_t i = 0; i < n; ++i) {
            if (i + ahead < n) look_ahead(i + ahead);
            Cell& c = page.cells[i];
            if (c.parent.empty())
                c.kind = CellKind::root;
            else if (c.parent == root_id)
                c.kind = CellKind::layer;
            else if (c.edge)
                c.kind = CellKind::edge;
            else if (c.vertex)
                c.kind = CellKind::vertex;
            else
                c.kind = CellKind::other;
            if (c.kind == CellKind::layer && (c.vertex || c.edge))
                c.kind = c.edge ? CellKind::edge : CellKind::vertex;
            if (!c.parent.empty() && parent_of[i] == none)
                warn("parent '" + c.parent + "' does not exist; the cell is drawn nowhere by draw.io",
                     where(c));
            if (!c.source.empty() && by_id.find(c.source, source_hash[i % ring]) == by_id.npos)
                warn("edge source '" + c.source + "' does not exist; that end is left unglued", where(c));
            if (!c.target.empty() && by_id.find(c.target, target_hash[i % ring]) == by_id.npos)
                warn("edge target '" + c.target + "' does not exist; that end is left unglued", where(c));
        }
        return Ok{};
    }

    Status check_page_ids(const Source& src) {
        std::unordered_map<std::string, std::size_t> seen;
        const auto& pages = m_result.document.pages;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (!pages[i].id) continue;
            auto [it, fresh] = seen.emplace(*pages[i].id, i);
            if (!fresh) {
                Location where = src.base;
                where.page = pages[i].display_name(i);
                return make_error(ErrorCode::bad_reference,
                                  "duplicate page id '" + *pages[i].id + "' (also page " +
                                      std::to_string(it->second + 1) +
                                      "); draw.io refuses to load such a file",
                                  where);
            }
        }
        return Ok{};
    }
};

// A file's bytes in anonymous pages of their own, so that pages already read can be handed back
// (MADV_DONTNEED) while the rest is still read. Only for regular files past a size; smaller ones, PNG files
// and stdin are read as usual (mapped() is false).
class ReleasableText {
  public:
    static Result<ReleasableText> read(const std::string& path, std::size_t max_bytes, std::size_t above) {
        ReleasableText t;
        auto opened = open_regular_file(path);
        if (!opened) return opened.error();
        const int fd = opened.value();
        struct stat st {};
        if (::fstat(fd, &st) != 0 || st.st_size <= 0 || static_cast<std::size_t>(st.st_size) <= above ||
            static_cast<std::size_t>(st.st_size) > max_bytes) {
            ::close(fd);  // read_file reads it, or says why not
            return t;
        }
        const std::size_t size = static_cast<std::size_t>(st.st_size);
        void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            ::close(fd);
            return t;
        }
        t.m_data = static_cast<char*>(p);
        t.m_capacity = size;
        while (t.m_size < size) {
            const ssize_t n = ::read(fd, t.m_data + t.m_size, size - t.m_size);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // shrank while read: what is there is read
            t.m_size += static_cast<std::size_t>(n);
        }
        ::close(fd);
        if (t.m_size == 0 || is_png(t.view())) t.reset();  // PNG: the diagram is in a chunk, read as usual
        return t;
    }
    ReleasableText() = default;
    ReleasableText(ReleasableText&& o) noexcept
        : m_data(std::exchange(o.m_data, nullptr)), m_size(o.m_size), m_capacity(o.m_capacity) {}
    ReleasableText& operator=(ReleasableText&&) = delete;
    ~ReleasableText() { reset(); }

    bool mapped() const { return m_data != nullptr; }
    std::string_view view() const { return {m_data, m_size}; }
    // Hands back the whole pages inside [begin, end); false when the range is not in this text.
    bool release(const char* begin, const char* end) {
        if (!m_data || begin < m_data || end > m_data + m_size || begin >= end) return false;
        const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
        const std::uintptr_t b = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) / page * page;
        const std::uintptr_t e = reinterpret_cast<std::uintptr_t>(end) / page * page;
        if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);
        return true;
    }

  private:
    char* m_data = nullptr;
    std::size_t m_size = 0, m_capacity = 0;
    void reset() {
        if (m_data) ::munmap(m_data, m_capacity);
        m_data = nullptr;
        m_size = 0;
    }
};

}  // namespace

Result<ReadResult> read_drawio(std::string_view bytes, const std::string& file_name,
                               const ReadOptions& options) {
    use_stencil_reader();  // so that what is read can be drawn with its inline stencils
    Reader reader(file_name, options);
    return reader.read(std::string(bytes));
}

Result<ReadResult> read_drawio_file(const std::string& path, const ReadOptions& options) {
    use_stencil_reader();
    // A file big enough to be read a slice of cells at a time is read into pages of its own, handed back
    // slice by slice: the text and the model it becomes are never both held whole (issue 19).
    if (path != "-") {
        auto text = ReleasableText::read(path, options.max_file_bytes, options.slice_cells_above);
        if (!text) return text.error();
        if (text->mapped()) {
            Reader reader(path, options);
            auto read = reader.read_released(
                text->view(), [&t = *text](const char* b, const char* e) { return t.release(b, e); });
            if (!reader.reread_needed()) return read;
            // A malformed slice after others were handed back: read it all again, for the message.
        }
    }
    auto bytes = read_file(path, options.max_file_bytes);
    if (!bytes) return bytes.error();
    Reader reader(path, options);
    return reader.read(std::move(bytes.value()));
}

}  // namespace jstudio::importers
