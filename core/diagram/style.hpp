#pragma once
// A draw.io style string ("rounded=1;whiteSpace=wrap;html=1;"): named styles and key=value pairs in order.
// Unknown keys, empty tokens and the trailing ';' are kept, so to_string() gives back the text it was parsed
// from. Held as that one text (a page has a style per cell: a token list cost six allocations a cell); the
// lookups scan it, which for a style of a few dozen characters is as quick as walking a list. The text is
// immutable and shared between copies (copying a cell copies a pointer); changing a style gives it a new
// text.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
    bool empty() const { return m_size == 0; }
    bool operator==(const Style& other) const { return text() == other.text(); }

  private:
    friend class StylePool;
    // The style text, one allocation with its reference count; null for "" (removing every token leaves "",
    // not ";").
    std::shared_ptr<const char[]> m_text;
    std::size_t m_size = 0;

    std::string_view text() const { return {m_text.get(), m_size}; }
    void assign(std::string_view text);

    std::optional<std::string_view> find(std::string_view key) const;  // the last value for key
};

// The styles read from one file: cells with the same style text share one copy of it. A site map of 100,000
// screens has a handful of distinct styles, and each cell held its own copy.
class StylePool {
  public:
    Style parse(std::string_view text);

  private:
    static constexpr std::size_t max_texts = 4096;        // a file of all-different styles keeps no big table
    std::unordered_map<std::string_view, Style> m_texts;  // keys view the shared texts
};

}  // namespace jstudio::diagram
