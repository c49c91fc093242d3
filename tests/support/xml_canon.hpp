#pragma once
// A canonical text form of draw.io XML for round-trip tests: compressed pages decoded, attributes sorted,
// whitespace-only text dropped, numbers in geometry compared by value and zero defaults dropped.
#include <string>
#include <string_view>

namespace jstudio::test {

// The draw.io XML a file holds: the file itself, an SVG's content attribute, or a PNG's mxfile chunk.
std::string drawio_payload(std::string_view file_bytes);
// Canonical form of the XML text; "ERROR: ..." when it cannot be parsed or a page cannot be decoded.
std::string canonical_drawio_xml(std::string_view xml);

}  // namespace jstudio::test
