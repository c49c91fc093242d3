#include "core/diagram/style.hpp"

#include <charconv>

namespace jstudio::diagram {

namespace {

struct Piece {
    std::string_view key, value;
    bool has_value = false;
    std::size_t begin = 0, end = 0;  // the token's place in the text (without its separator)
};

// Calls f(piece) for every token, empty ones included: the text minus one trailing ';', split at each ';'.
template <class F>
void each_piece(std::string_view text, F&& f) {
    if (text.empty()) return;
    if (text.back() == ';') text.remove_suffix(1);
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(';', start);
        const std::size_t stop = end == std::string_view::npos ? text.size() : end;
        const std::string_view token = text.substr(start, stop - start);
        Piece p;
        p.begin = start;
        p.end = stop;
        if (const std::size_t eq = token.find('='); eq == std::string_view::npos) {
            p.key = token;
        } else {
            p.key = token.substr(0, eq);
            p.value = token.substr(eq + 1);
            p.has_value = true;
        }
        f(p);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
}

}  // namespace

void Style::assign(std::string_view text) {
    m_size = text.size();
    if (text.empty()) {
        m_text.reset();
        return;
    }
    auto chars = std::make_shared<char[]>(text.size());
    text.copy(chars.get(), text.size());
    m_text = std::move(chars);
}

Style Style::parse(std::string_view text) {
    Style style;
    style.assign(text);
    return style;
}

std::string Style::to_string() const {
    return std::string(text());
}

Style StylePool::parse(std::string_view text) {
    if (auto it = m_texts.find(text); it != m_texts.end()) return it->second;
    Style style = Style::parse(text);
    if (m_texts.size() < max_texts && !style.empty()) m_texts.emplace(style.text(), style);
    return style;
}

std::vector<Style::Token> Style::tokens() const {
    std::vector<Token> out;
    each_piece(text(), [&](const Piece& p) {
        out.push_back({std::string(p.key), std::string(p.value), p.has_value});
    });
    return out;
}

std::optional<std::string_view> Style::find(std::string_view key) const {
    std::optional<std::string_view> found;
    each_piece(text(), [&](const Piece& p) {
        if (p.has_value && p.key == key) found = p.value;  // later tokens override earlier ones
    });
    return found;
}

std::optional<std::string> Style::get(std::string_view key) const {
    auto v = find(key);
    if (!v) return std::nullopt;
    return std::string(*v);
}

std::string Style::get_or(std::string_view key, std::string_view fallback) const {
    return std::string(find(key).value_or(fallback));
}

double Style::number(std::string_view key, double fallback) const {
    auto v = find(key);
    if (!v || v->empty()) return fallback;
    double out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size()) return fallback;
    return out;
}

bool Style::flag(std::string_view key, bool fallback) const {
    auto v = find(key);
    if (!v) return fallback;
    if (*v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    return fallback;
}

bool Style::has_name(std::string_view name) const {
    bool found = false;
    each_piece(text(), [&](const Piece& p) { found = found || (!p.has_value && p.key == name); });
    return found;
}

std::string Style::first_name() const {
    std::string_view found;
    bool done = false;
    each_piece(text(), [&](const Piece& p) {
        if (!done && !p.has_value && !p.key.empty()) found = p.key, done = true;
    });
    return std::string(found);
}

void Style::set(std::string_view key, std::string_view value) {
    std::optional<Piece> last;
    each_piece(text(), [&](const Piece& p) {
        if (p.has_value && p.key == key) last = p;
    });
    std::string changed(text());
    if (last) {
        const std::size_t at = last->begin + last->key.size() + 1;
        changed.replace(at, last->end - at, value);
    } else {
        // Appended as a new last token, followed by a separator.
        if (!changed.empty() && changed.back() != ';') changed += ';';
        changed.append(key).append("=").append(value).append(";");
    }
    assign(changed);
}

bool Style::remove(std::string_view key) {
    std::string kept;
    bool removed = false, first = true;
    each_piece(text(), [&](const Piece& p) {
        if (p.has_value && p.key == key) {
            removed = true;
            return;
        }
        if (!first) kept += ';';
        first = false;
        kept.append(text().substr(p.begin, p.end - p.begin));
    });
    if (!removed) return false;
    if (!first && text().back() == ';') kept += ';';
    assign(kept);
    return true;
}

}  // namespace jstudio::diagram
