#include <catch2/catch.hpp>

#include "core/text/html_text.hpp"
#include "core/text/xml_escape.hpp"

using namespace jstudio::text;

TEST_CASE("decode_entities: the entities draw.io writes", "[text][html]") {
    CHECK(decode_entities("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;") == "a & b <c> \"d\" 'e'");
    CHECK(decode_entities("Sign&nbsp;in") == "Sign\xC2\xA0in");
    CHECK(decode_entities("Sign&nbsp;in", true) == "Sign in");
    CHECK(decode_entities("it&#39;s") == "it's");
    CHECK(decode_entities("it&#x2019;s") == "it\xE2\x80\x99s");
    CHECK(decode_entities("&#X263a;&#233;&#x1F600;") == "\xE2\x98\xBA\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(decode_entities("&#160;", true) == " ");
    SECTION("HTML's named characters, as a browser reads them in draw.io's labels") {
        CHECK(decode_entities("&laquo;Annotation&raquo;") ==
              "\xC2\xAB"
              "Annotation"
              "\xC2\xBB");
        CHECK(decode_entities("&copy; &alpha;&Omega; &mdash; &uuml;&szlig; &thetasym;") ==
              "\xC2\xA9 \xCE\xB1\xCE\xA9 \xE2\x80\x94 \xC3\xBC\xC3\x9F \xCF\x91");
    }
    SECTION("what is not an entity stays as written") {
        CHECK(decode_entities("a & b") == "a & b");
        CHECK(decode_entities("&copyx; &;&#;&#x;&#12a;&#xZZ;") == "&copyx; &;&#;&#x;&#12a;&#xZZ;");
        CHECK(decode_entities("&Laquo;") == "&Laquo;");  // names are case-sensitive
        CHECK(decode_entities("&amp") == "&amp");
        CHECK(decode_entities("&averyveryverylongname;") == "&averyveryverylongname;");
        CHECK(decode_entities("&&amp;") == "&&");
    }
    SECTION("code points no UTF-8 can hold become U+FFFD") {
        CHECK(decode_entities("&#xD800;") == "\xEF\xBF\xBD");
        CHECK(decode_entities("&#x110000;") == "\xEF\xBF\xBD");
        CHECK(decode_entities("&#99999999999999999999;") == "&#99999999999999999999;");  // too long to be one
        CHECK(decode_entities("&#0;") == "\xEF\xBF\xBD");
    }
    SECTION("decode_entity reports its span") {
        std::string out;
        CHECK(decode_entity("x&lt;y", 1, out) == 4);
        CHECK(out == "<");
        CHECK(decode_entity("x&lt;y", 0, out) == 0);
        CHECK(decode_entity("&zz;", 0, out) == 0);
        CHECK(out == "<");
    }
    SECTION("escaping then decoding gives the text back") {
        const std::string s = "a&b<c>d\"e'f";
        CHECK(decode_entities(xml_escape(s, drawio_attribute)) == s);
    }
}

TEST_CASE("html_to_text keeps lines or joins them", "[text][html]") {
    const std::string label = "<div><b>Sign&nbsp;in</b></div><div>now &amp;&nbsp; later<br>it&#39;s ok</div>";
    CHECK(html_to_text(label, html_lines) == "Sign in\nnow & later\nit's ok");
    CHECK(html_to_text(label, html_one_line) == "Sign in now & later it's ok");
    SECTION("inline tags join, block tags break") {
        CHECK(html_to_text("<b>Sign</b>in <span style=\"color:red\">now</span>") == "Signin now");
        CHECK(html_to_text("<p>one</p><p>two</p><ul><li>a</li><li>b</li></ul>") == "one\ntwo\na\nb");
        CHECK(html_to_text("<h1>Title</h1>body<BR/>end") == "Title\nbody\nend");
        CHECK(html_to_text("a<br><br><br>b") == "a\nb");  // empty lines dropped
    }
    SECTION("white space tidied per line") {
        CHECK(html_to_text("  spaced \t  out  ") == "spaced out");
        CHECK(html_to_text("one\r\n  two") ==
              "one\ntwo");  // a raw LF breaks the line (mxText.replaceLinefeeds)
        CHECK(html_to_text("one\n two", html_one_line) == "one two");
        CHECK(html_to_text("") == "");
        CHECK(html_to_text("<div></div>&nbsp;") == "");
    }
    SECTION("an unclosed tag hides the rest, a lone & is text") {
        CHECK(html_to_text("a <b c") == "a");
        CHECK(html_to_text("R & D") == "R & D");
    }
    SECTION("not HTML: markup is text") {
        CHECK(html_to_text("a  <b>&amp;\n c", plain_one_line) == "a <b>&amp; c");
    }
}
