#pragma once
// Errors cross layers as values: a code, a message a user understands, and the place in the user's input.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace jstudio {

enum class ErrorCode {
    io,             // cannot open, read or write a file
    bad_xml,        // not well-formed XML, or not the element we expect
    bad_encoding,   // base64, deflate, percent-encoding, UTF-8, PNG chunk
    bad_reference,  // duplicate ids, parent cycles, ids that point nowhere
    bad_geometry,   // numbers that are not finite or out of range
    bad_csv,
    bad_usage,  // options that do not fit together
    too_large,  // input past a safety limit (deflate bombs, huge files)
    unsupported,
    cancelled,
};

const char* to_string(ErrorCode code);

// A place in the user's input, never in our source. Empty fields are unknown.
struct Location {
    std::string file;                    // as given; "-" for stdin
    std::string page;                    // draw.io page name, if any
    std::uint32_t line = 0, column = 0;  // 1-based; 0 = unknown
    std::string cell_id;                 // draw.io cell id, if any
    std::uint64_t csv_row = 0;           // 1-based data row; 0 = unknown
    bool in_decoded_page = false;        // line/column count inside a compressed page's decoded XML

    std::string to_string() const;  // "flow.drawio:12:7: page 'Checkout': cell 'a3'" (empty parts left out)
};

inline Location at_file(std::string file) {
    Location where;
    where.file = std::move(file);
    return where;
}

struct Error {
    ErrorCode code = ErrorCode::io;
    std::string message;  // "edge target 'zz' does not exist"
    Location where;

    std::string to_string() const;  // "flow.drawio:12:7: page 'Checkout': cell 'a3': edge target 'zz' ..."
};

enum class Severity { info, warning, error };

// Something recoverable that the user should know about; returned beside a result, never printed by core.
struct Diagnostic {
    Severity severity = Severity::warning;
    std::string message;
    Location where;

    std::string to_string() const;
};
using Diagnostics = std::vector<Diagnostic>;

// Spelled like std::expected (value, error, bool) so C++23 can replace it.
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    explicit operator bool() const noexcept { return m_v.index() == 0; }
    bool has_value() const noexcept { return m_v.index() == 0; }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &std::get<0>(m_v); }
    const T* operator->() const { return &std::get<0>(m_v); }
    T& operator*() & { return std::get<0>(m_v); }
    const Error& error() const { return std::get<1>(m_v); }

  private:
    std::variant<T, Error> m_v;
};

struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message, Location where = {}) {
    return Error{code, std::move(message), std::move(where)};
}

}  // namespace jstudio
