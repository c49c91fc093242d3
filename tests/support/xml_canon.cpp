#include "tests/support/xml_canon.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <vector>

#include "core/codec/codec.hpp"
#include "importers/drawio/png_chunks.hpp"

namespace jstudio::test {

namespace {

bool is_geometry_element(std::string_view name) {
    return name == "mxGeometry" || name == "mxPoint" || name == "mxRectangle";
}

std::string normalise_number(const std::string& text) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size()) return text;
    if (v == 0) v = 0;
    char buf[32];
    auto [end, ec2] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, ec2 == std::errc() ? end : buf);
}

void canon(const pugi::xml_node& node, std::string& out, int depth);

void canon_text_model(const std::string& xml, std::string& out, int depth) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) {
        out += "ERROR: cannot parse decoded page\n";
        return;
    }
    canon(doc.document_element(), out, depth);
}

void canon(const pugi::xml_node& node, std::string& out, int depth) {
    std::string_view name = node.name();
    std::map<std::string, std::string> attrs;
    for (pugi::xml_attribute a : node.attributes()) {
        std::string n = a.name(), v = a.value();
        if (is_geometry_element(name) && (n == "x" || n == "y" || n == "width" || n == "height")) {
            v = normalise_number(v);
            if (v == "0") continue;  // written only when not 0 (mxObjectCodec drops defaults)
        }
        if (name == "mxGeometry" && n == "relative" && v == "0") continue;
        attrs[n] = v;
    }
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += "<";
    out += name;
    for (const auto& [k, v] : attrs) out += " " + k + "=\"" + v + "\"";
    out += ">\n";
    // A <diagram> with text is a compressed page: compare what it decodes to.
    if (name == "diagram") {
        std::string text;
        for (pugi::xml_node c : node.children())
            if (c.type() == pugi::node_pcdata) text += c.value();
        if (text.find_first_not_of(" \t\r\n") != std::string::npos) {
            auto raw = codec::base64_decode(text);
            auto inflated = raw ? codec::inflate_raw(raw.value(), std::size_t(1) << 30) : raw;
            auto xml = inflated ? codec::percent_decode(inflated.value()) : inflated;
            if (!xml)
                out += "ERROR: " + xml.error().message + "\n";
            else
                canon_text_model(xml.value(), out, depth + 1);
            return;
        }
    }
    std::vector<pugi::xml_node> kids;
    for (pugi::xml_node c : node.children()) {
        if (c.type() == pugi::node_element)
            kids.push_back(c);
        else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
                 std::string_view(c.value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
            out.append(static_cast<std::size_t>(depth + 1) * 2, ' ');
            out += "TEXT " + std::string(c.value()) + "\n";
        }
    }
    // draw.io reads geometry children by their 'as' name: their order carries no meaning.
    if (name == "mxGeometry")
        std::stable_sort(kids.begin(), kids.end(), [](const pugi::xml_node& a, const pugi::xml_node& b) {
            return std::string_view(a.attribute("as").value()) < std::string_view(b.attribute("as").value());
        });
    for (const auto& k : kids) canon(k, out, depth + 1);
}

}  // namespace

std::string drawio_payload(std::string_view bytes) {
    if (importers::is_png(bytes)) {
        auto text = importers::extract_png_diagram(bytes, std::size_t(1) << 30);
        return text ? text.value() : std::string();
    }
    pugi::xml_document doc;
    if (!doc.load_buffer(bytes.data(), bytes.size())) return std::string(bytes);
    pugi::xml_node top = doc.document_element();
    if (std::string_view(top.name()) != "svg") return std::string(bytes);
    std::string content = top.attribute("content").value();
    if (!content.empty() && content.front() == '%') {
        auto d = codec::percent_decode(content);
        if (d) content = d.value();
    }
    return content;
}

std::string canonical_drawio_xml(std::string_view xml) {
    pugi::xml_document doc;
    auto r = doc.load_buffer(xml.data(), xml.size());
    if (!r) return std::string("ERROR: ") + r.description();
    std::string out;
    canon(doc.document_element(), out, 0);
    return out;
}

}  // namespace jstudio::test
