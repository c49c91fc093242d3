#include "core/diagram/style.hpp"

#include <charconv>

namespace jstudio::diagram {

Style Style::parse(std::string_view text) {
    Style style;
    if (text.empty()) return style;
    if (text.back() == ';') {
        style.m_trailing_separator = true;
        text.remove_suffix(1);
    }
    // Every piece between separators is a token, empty ones included, so the text comes back unchanged.
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find(';', start);
        std::string_view piece = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
        Token t;
        std::size_t eq = piece.find('=');
        if (eq == std::string_view::npos) {
            t.key = piece;
        } else {
            t.key = piece.substr(0, eq);
            t.value = piece.substr(eq + 1);
            t.has_value = true;
        }
        style.m_tokens.push_back(std::move(t));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return style;
}

std::string Style::to_string() const {
    std::string out;
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        if (i > 0) out += ';';
        out += m_tokens[i].key;
        if (m_tokens[i].has_value) {
            out += '=';
            out += m_tokens[i].value;
        }
    }
    if (m_trailing_separator) out += ';';
    return out;
}

std::optional<std::string> Style::get(std::string_view key) const {
    for (auto it = m_tokens.rbegin(); it != m_tokens.rend(); ++it)
        if (it->has_value && it->key == key) return it->value;
    return std::nullopt;
}

std::string Style::get_or(std::string_view key, std::string_view fallback) const {
    auto v = get(key);
    return v ? *v : std::string(fallback);
}

double Style::number(std::string_view key, double fallback) const {
    auto v = get(key);
    if (!v || v->empty()) return fallback;
    double out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size()) return fallback;
    return out;
}

bool Style::flag(std::string_view key, bool fallback) const {
    auto v = get(key);
    if (!v) return fallback;
    if (*v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    return fallback;
}

bool Style::has_name(std::string_view name) const {
    for (const auto& t : m_tokens)
        if (!t.has_value && t.key == name) return true;
    return false;
}

std::string Style::first_name() const {
    for (const auto& t : m_tokens)
        if (!t.has_value && !t.key.empty()) return t.key;
    return {};
}

void Style::set(std::string_view key, std::string_view value) {
    for (auto it = m_tokens.rbegin(); it != m_tokens.rend(); ++it)
        if (it->has_value && it->key == key) {
            it->value = value;
            return;
        }
    m_tokens.push_back({std::string(key), std::string(value), true});
    m_trailing_separator = true;
}

bool Style::remove(std::string_view key) {
    std::size_t before = m_tokens.size();
    std::erase_if(m_tokens, [&](const Token& t) { return t.has_value && t.key == key; });
    return m_tokens.size() != before;
}

}  // namespace jstudio::diagram
