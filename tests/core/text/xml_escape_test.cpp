#include <catch2/catch.hpp>

#include "core/text/xml_escape.hpp"

using namespace jstudio::text;

TEST_CASE("xml_escape variants", "[text][xml]") {
    const std::string s = "a&b<c>d\"e'f\ng\th\ri\x01j";
    // A control character XML forbids becomes U+FFFD: draw.io and every XML reader refuse a file holding one.
    CHECK(xml_escape(s, drawio_attribute) == "a&amp;b&lt;c&gt;d&quot;e&#39;f&#xa;g&#x9;h&#xd;i\xEF\xBF\xBDj");
    CHECK(xml_escape(s, svg_attribute) == "a&amp;b&lt;c&gt;d&quot;e'f&#10;g\th\ri\x01j");
    CHECK(xml_escape(s, svg_text) == "a&amp;b&lt;c&gt;d\"e'f\ng\th\ri\x01j");
    CHECK(xml_escape(s, ooxml) == "a&amp;b&lt;c&gt;d&quot;e'f\ng\thij");
    CHECK(xml_escape(s, html_from_text) == "a&amp;b&lt;c&gt;d\"e'f<br>g\th\ri\x01j");
    CHECK(xml_escape("", ooxml).empty());
    CHECK(xml_escape("caf\xc3\xa9 \xe2\x80\x93", drawio_attribute) ==
          "caf\xc3\xa9 \xe2\x80\x93");  // UTF-8 kept
    std::string out = "x";
    xml_escape_into(out, "<", svg_text);
    CHECK(out == "x&lt;");
}
