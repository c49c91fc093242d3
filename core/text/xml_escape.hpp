#pragma once
// XML/HTML escaping in one place, with the variants our writers need as options:
// - draw.io attributes (mxUtils.htmlEntities + CR): & < > " ' → entities, LF &#xa;, TAB &#x9;, CR &#xd;
// - SVG: text content (& < > only) or attributes (also " and LF as &#10;)
// - OOXML parts: & < > " and control characters XML 1.0 forbids dropped
// - HTML labels from plain text: & < > and LF → <br>
#include <string>
#include <string_view>

namespace jstudio::text {

struct XmlEscape {
    bool quote = true;              // " → &quot;
    bool apostrophe = false;        // ' → &#39;
    const char* newline = nullptr;  // replacement for LF (nullptr: kept)
    const char* tab = nullptr;      // replacement for TAB (nullptr: kept)
    const char* cr = nullptr;       // replacement for CR (nullptr: kept unless drop_controls)
    bool drop_controls = false;     // drop C0 controls other than TAB/LF (XML 1.0), CR too unless cr is set
    bool replace_controls = false;  // write C0 controls other than TAB/LF/CR as U+FFFD (XML 1.0 has none)
};

// A control character in a label would make a file neither draw.io nor any XML reader opens.
inline constexpr XmlEscape drawio_attribute{true, true, "&#xa;", "&#x9;", "&#xd;", false, true};
inline constexpr XmlEscape svg_attribute{true, false, "&#10;", nullptr, nullptr, false};
inline constexpr XmlEscape svg_text{false, false, nullptr, nullptr, nullptr, false};
inline constexpr XmlEscape ooxml{true, false, nullptr, nullptr, nullptr, true};
inline constexpr XmlEscape html_from_text{false, false, "<br>", nullptr, nullptr, false};

void xml_escape_into(std::string& out, std::string_view text, const XmlEscape& how);
std::string xml_escape(std::string_view text, const XmlEscape& how);

}  // namespace jstudio::text
