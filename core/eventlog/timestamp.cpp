#include "core/eventlog/timestamp.hpp"

#include <array>
#include <cctype>
#include <string>

namespace jstudio::eventlog {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// A cursor over the text; every read_* advances only on success.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    // Between min_digits and max_digits digits.
    bool read_int(int min_digits, int max_digits, int& out) {
        int n = 0, v = 0;
        while (n < max_digits && is_digit(peek())) {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        if (n < min_digits) {
            i -= static_cast<std::size_t>(n);
            return false;
        }
        out = v;
        return true;
    }
    std::size_t digits_ahead() const {
        std::size_t n = 0;
        while (i + n < s.size() && is_digit(s[i + n])) ++n;
        return n;
    }
    void skip_spaces() {
        while (peek() == ' ' || peek() == '\t') ++i;
    }
};

bool valid_date(int y, int m, int d) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

// [T| ]HH:MM[:SS[.frac]] [AM|PM] [Z|±HH[:MM]|±HHMM]; returns microseconds of the day minus the offset.
std::optional<std::int64_t> read_time_and_zone(Cursor& c) {
    std::int64_t us = 0;
    if (c.done()) return us;
    if (!c.eat('T')) {
        if (c.peek() != ' ') return std::nullopt;
        c.skip_spaces();
        if (c.done()) return us;
    }
    int hh = 0, mm = 0, ss = 0;
    if (!c.read_int(1, 2, hh) || !c.eat(':') || !c.read_int(2, 2, mm)) return std::nullopt;
    std::int64_t frac_us = 0;
    if (c.eat(':')) {
        if (!c.read_int(2, 2, ss)) return std::nullopt;
        if (c.eat('.') || c.eat(',')) {
            int n = 0;
            std::int64_t scale = 100000;
            while (is_digit(c.peek())) {
                if (n < 6) frac_us += (c.s[c.i] - '0') * scale;
                scale /= 10;
                ++c.i;
                ++n;
            }
            if (n == 0) return std::nullopt;
        }
    }
    c.skip_spaces();
    const char a = static_cast<char>(std::toupper(static_cast<unsigned char>(c.peek())));
    if ((a == 'A' || a == 'P') && c.i + 1 < c.s.size() &&
        std::toupper(static_cast<unsigned char>(c.s[c.i + 1])) == 'M') {
        if (hh < 1 || hh > 12) return std::nullopt;
        hh = hh % 12 + (a == 'P' ? 12 : 0);
        c.i += 2;
        c.skip_spaces();
    }
    if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    us = ((hh * 60 + mm) * 60 + ss) * std::int64_t(1000000) + frac_us;
    if (c.done()) return us;
    if (c.eat('Z') || c.eat('z')) return c.done() ? std::optional(us) : std::nullopt;
    const char sign = c.peek();
    if (sign != '+' && sign != '-') {
        // "UTC"/"GMT" suffixes are common in CRM exports.
        const auto rest = c.s.substr(c.i);
        if (rest == "UTC" || rest == "GMT") return us;
        return std::nullopt;
    }
    ++c.i;
    int oh = 0, om = 0;
    if (!c.read_int(2, 2, oh)) return std::nullopt;
    if (c.eat(':')) {
        if (!c.read_int(2, 2, om)) return std::nullopt;
    } else if (!c.done() && !c.read_int(2, 2, om)) {
        return std::nullopt;
    }
    if (!c.done() || oh > 23 || om > 59) return std::nullopt;
    const std::int64_t offset = (oh * 60 + om) * std::int64_t(60000000);
    return sign == '+' ? us - offset : us + offset;
}

std::optional<std::int64_t> parse_epoch(std::string_view s, EpochUnit unit) {
    double v = 0;
    std::size_t i = 0;
    bool any = false;
    for (; i < s.size() && is_digit(s[i]); ++i, any = true) v = v * 10 + (s[i] - '0');
    if (i < s.size() && s[i] == '.') {
        double scale = 0.1;
        for (++i; i < s.size() && is_digit(s[i]); ++i, scale /= 10) v += (s[i] - '0') * scale;
    }
    if (!any || i != s.size()) return std::nullopt;
    const bool ms = unit == EpochUnit::milliseconds || (unit == EpochUnit::automatic && v >= 1e11);
    const double us = v * (ms ? 1e3 : 1e6);
    // Past the year 9999 is no time a log means, and soon no count of microseconds fits 64 bits.
    constexpr double year_10000_us = 253402300800e6;
    if (!(us < year_10000_us)) return std::nullopt;
    return static_cast<std::int64_t>(us + 0.5);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

int two(const char* p) {
    return (p[0] - '0') * 10 + (p[1] - '0');
}

// The form exports write most (2024-03-01T10:22:33[.fff][Z|±HH:MM]) read without the general cursor: a
// CSV of a million rows spends most of its time here. nullopt = not this exact form (the general parser
// then decides); the result is the same as the general parser's.
std::optional<std::int64_t> parse_iso_fast(std::string_view t) {
    const std::size_t n = t.size();
    if (n < 19) return std::nullopt;
    const char* p = t.data();
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        if (!is_digit(p[i])) return std::nullopt;
    if (p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') || p[13] != ':' || p[16] != ':')
        return std::nullopt;
    const int y = two(p) * 100 + two(p + 2), m = two(p + 5), d = two(p + 8);
    const int hh = two(p + 11), mm = two(p + 14), ss = two(p + 17);
    if (!valid_date(y, m, d) || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    std::size_t i = 19;
    std::int64_t frac_us = 0;
    if (i < n && p[i] == '.') {
        ++i;
        std::int64_t scale = 100000;
        const std::size_t start = i;
        for (; i < n && is_digit(p[i]); ++i, scale /= 10)
            if (i - start < 6) frac_us += (p[i] - '0') * scale;
        if (i == start) return std::nullopt;
    }
    std::int64_t offset = 0;
    if (i == n) {
    } else if (i + 1 == n && (p[i] == 'Z' || p[i] == 'z')) {
    } else if (i + 6 == n && (p[i] == '+' || p[i] == '-') && is_digit(p[i + 1]) && is_digit(p[i + 2]) &&
               p[i + 3] == ':' && is_digit(p[i + 4]) && is_digit(p[i + 5])) {
        const int oh = two(p + i + 1), om = two(p + i + 4);
        if (oh > 23 || om > 59) return std::nullopt;
        offset = (oh * 60 + om) * std::int64_t(60000000);
        if (p[i] == '-') offset = -offset;
    } else {
        return std::nullopt;
    }
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) *
               std::int64_t(86400000000) +
           ((hh * 60 + mm) * 60 + ss) * std::int64_t(1000000) + frac_us - offset;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

DateOrder order_forced_by(std::string_view text) {
    Cursor c{trim(text)};
    int a = 0, b = 0;
    if (!c.read_int(1, 2, a)) return DateOrder::automatic;
    const char sep = c.peek();
    if (sep != '/' && sep != '.' && sep != '-') return DateOrder::automatic;
    ++c.i;
    if (!c.read_int(1, 2, b)) return DateOrder::automatic;
    if (a > 12 && b <= 12) return DateOrder::day_first;
    if (b > 12 && a <= 12) return DateOrder::month_first;
    return DateOrder::automatic;
}

namespace {

// An English month name or its abbreviation ("Mar", "March", "Sep."), as CRM report exports write dates
// ("Mar 1, 2024 9:00 AM", "01-Mar-2024"); 0 when none is at the cursor.
int read_month_name(Cursor& c) {
    static constexpr std::array<std::string_view, 12> names{"january",   "february", "march",    "april",
                                                            "may",       "june",     "july",     "august",
                                                            "september", "october",  "november", "december"};
    std::size_t n = 0;
    std::string word;
    while (c.i + n < c.s.size() && std::isalpha(static_cast<unsigned char>(c.s[c.i + n]))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c.s[c.i + n])));
        ++n;
    }
    if (n < 3 || n > 9) return 0;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k].substr(0, n) == word) {  // "Mar", "Sept", "March", not "Mars"
            c.i += n;
            c.eat('.');
            return static_cast<int>(k) + 1;
        }
    return 0;
}

void skip_spaces(Cursor& c) {
    while (c.peek() == ' ') ++c.i;
}

}  // namespace

std::optional<std::int64_t> parse_timestamp(std::string_view text, TimeFormat format) {
    if (auto fast = parse_iso_fast(text)) return fast;
    text = trim(text);
    if (text.empty()) return std::nullopt;
    Cursor c{text};
    int y = 0, m = 0, d = 0;
    const std::size_t lead = c.digits_ahead();
    if (lead == text.size() || (lead < text.size() && text[lead] == '.' && lead >= 9))
        return parse_epoch(text, format.epoch);  // a bare number: epoch seconds or milliseconds
    if (lead == 4) {
        c.read_int(4, 4, y);
        const char sep = c.peek();
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        ++c.i;
        if (!c.read_int(1, 2, m) || !c.eat(sep) || !c.read_int(1, 2, d)) return std::nullopt;
    } else if ((lead == 1 || lead == 2) && lead + 1 < text.size() &&
               (text[lead] == ' ' || text[lead] == '-') &&
               std::isalpha(static_cast<unsigned char>(text[lead + 1]))) {
        // "1 Mar 2024", "01-Mar-2024"
        c.read_int(1, 2, d);
        const char sep = c.peek();
        ++c.i;
        if (!(m = read_month_name(c)) || !c.eat(sep)) return std::nullopt;
        const std::size_t ydigits = c.digits_ahead();
        if (ydigits != 4 && ydigits != 2) return std::nullopt;
        c.read_int(static_cast<int>(ydigits), static_cast<int>(ydigits), y);
        if (ydigits == 2) y += y < 70 ? 2000 : 1900;
    } else if (lead == 1 || lead == 2) {
        int a = 0, b = 0;
        c.read_int(1, 2, a);
        const char sep = c.peek();
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        ++c.i;
        if (!c.read_int(1, 2, b) || !c.eat(sep)) return std::nullopt;
        const std::size_t ydigits = c.digits_ahead();
        if (ydigits != 4 && ydigits != 2) return std::nullopt;
        c.read_int(static_cast<int>(ydigits), static_cast<int>(ydigits), y);
        if (ydigits == 2) y += y < 70 ? 2000 : 1900;
        DateOrder order = format.order;
        if (a > 12)
            order = DateOrder::day_first;
        else if (b > 12)
            order = DateOrder::month_first;
        else if (order == DateOrder::automatic)
            order = sep == '.' ? DateOrder::day_first : DateOrder::month_first;
        if (order == DateOrder::day_first) {
            d = a;
            m = b;
        } else {
            m = a;
            d = b;
        }
    } else if (lead == 0 && (m = read_month_name(c)) != 0) {
        // "Mar 1, 2024", "March 1 2024"
        skip_spaces(c);
        if (!c.read_int(1, 2, d)) return std::nullopt;
        c.eat(',');
        skip_spaces(c);
        if (!c.read_int(4, 4, y)) return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!valid_date(y, m, d)) return std::nullopt;
    const auto tod = read_time_and_zone(c);
    if (!tod) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) *
               std::int64_t(86400000000) +
           *tod;
}

}  // namespace jstudio::eventlog
