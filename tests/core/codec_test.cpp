#include <catch2/catch.hpp>

#include <vector>

#include "core/codec/codec.hpp"

using namespace jstudio;

TEST_CASE("codecs match draw.io's browser functions", "[core][codec]") {
    SECTION("encodeURIComponent keeps exactly its unreserved set") {
        CHECK(codec::percent_encode("a-_.!~*'()z <>&é") == "a-_.!~*'()z%20%3C%3E%26%C3%A9");
        CHECK(codec::percent_decode("%3Cb%3E+%C3%A9").value() == "<b>+é");  // '+' stays '+'
    }
    SECTION("percent-decoding is strict") {
        CHECK_FALSE(codec::percent_decode("%4"));
        CHECK_FALSE(codec::percent_decode("%C3"));  // not UTF-8
    }
    SECTION("base64 round trip, padding and whitespace") {
        for (const std::string& s :
             std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)})
            CHECK(codec::base64_decode(codec::base64_encode(s)).value() == s);
        CHECK(codec::base64_decode("YW\nJj").value() == "abc");
        CHECK_FALSE(codec::base64_decode("YW=Jj"));  // data after padding
    }
    SECTION("raw deflate round trip and bound") {
        std::string text(100000, 'q');
        auto packed = codec::deflate_raw(text);
        CHECK(packed.size() < 1000);
        CHECK(codec::inflate_raw(packed, text.size()).value() == text);
        CHECK(codec::inflate_raw(packed, text.size() - 1).error().code == ErrorCode::too_large);
    }
    SECTION("UTF-8 validation") {
        CHECK(codec::find_invalid_utf8("plain é ✓ 😀") == std::string::npos);
        CHECK(codec::find_invalid_utf8("ab\xC0\xAF") == 2);    // overlong
        CHECK(codec::find_invalid_utf8("\xED\xA0\x80") == 0);  // surrogate
        CHECK(codec::find_invalid_utf8("ok\xE2\x82") == 2);    // truncated
    }
    SECTION("control characters XML forbids, found in any position of a word") {
        CHECK(codec::find_xml_control("tab\tline\nreturn\r ok, and a long run of plain text") ==
              std::string::npos);
        for (std::size_t at = 0; at < 20; ++at) {
            std::string text(20, 'x');
            text[at] = '\x01';
            CHECK(codec::find_xml_control(text) == at);
        }
        CHECK(codec::find_xml_control(std::string("a\0b", 3)) == 1);
        CHECK(codec::replace_for_xml("Nego\x01\x0b"
                                     "ti\xC0"
                                     "ation") ==
              "Nego\xEF\xBF\xBD\xEF\xBF\xBD"
              "ti\xEF\xBF\xBD"
              "ation");
    }
}
