#pragma once
// A draw.io style string ("rounded=1;whiteSpace=wrap;html=1;"): named styles and key=value pairs in order.
// Unknown keys, empty tokens and the trailing ';' are kept, so to_string() gives back the text it was parsed
// from. Held as that one text (a page has a style per cell: a token list cost six allocations a cell); the
// lookups scan it, which for a style of a few dozen characters is as quick as walking a list.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jstudio::diagram {

class Style {
  public:
    struct Token {
        std::string key;    // the key, or the whole token for a named style ("ellipse")
        std::string value;  // empty for a named style
        bool has_value = false;
        bool operator==(const Token&) const = default;
    };

    Style() = default;
    static Style parse(std::string_view text);
    std::string to_string() const;

    // The last value given for key (later tokens override earlier ones, as in draw.io); nullopt if absent.
    std::optional<std::string> get(std::string_view key) const;
    std::string get_or(std::string_view key, std::string_view fallback) const;
    double number(std::string_view key, double fallback) const;    // fallback when absent or not a number
    bool flag(std::string_view key, bool fallback = false) const;  // "1"/"true" → true, "0"/"false" → false
    bool has_name(std::string_view name) const;                    // a named style token such as "swimlane"
    std::string first_name() const;                                // the first named token, "" if none

    void set(std::string_view key, std::string_view value);  // replaces the last occurrence, or appends
    bool remove(std::string_view key);                       // removes every occurrence

    std::vector<Token> tokens() const;  // in order, split out of the text on each call
    bool empty() const { return m_text.empty(); }
    bool operator==(const Style&) const = default;

  private:
    std::string m_text;  // the style text; removing every token leaves "" (not ";")

    std::optional<std::string_view> find(std::string_view key) const;  // the last value for key
};

}  // namespace jstudio::diagram
