#include "core/base/result.hpp"

namespace jstudio {

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::io:
            return "io";
        case ErrorCode::bad_xml:
            return "bad_xml";
        case ErrorCode::bad_encoding:
            return "bad_encoding";
        case ErrorCode::bad_reference:
            return "bad_reference";
        case ErrorCode::bad_geometry:
            return "bad_geometry";
        case ErrorCode::bad_csv:
            return "bad_csv";
        case ErrorCode::bad_usage:
            return "bad_usage";
        case ErrorCode::too_large:
            return "too_large";
        case ErrorCode::unsupported:
            return "unsupported";
        case ErrorCode::cancelled:
            return "cancelled";
    }
    return "unknown";
}

std::string Location::to_string() const {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += ": ";
        out += part;
    };
    std::string head = file;
    if (line > 0) {
        head += ":" + std::to_string(line);
        if (column > 0) head += ":" + std::to_string(column);
    }
    add(head);
    if (!page.empty()) add("page '" + page + "'" + (in_decoded_page ? " (compressed)" : ""));
    if (!cell_id.empty()) add("cell '" + cell_id + "'");
    if (csv_row > 0) add("row " + std::to_string(csv_row));
    return out;
}

static std::string join_place(const Location& where, const std::string& message) {
    std::string place = where.to_string();
    return place.empty() ? message : place + ": " + message;
}

std::string Error::to_string() const {
    return join_place(where, message);
}

std::string Diagnostic::to_string() const {
    const char* level = severity == Severity::error     ? "error: "
                        : severity == Severity::warning ? "warning: "
                                                        : "";
    return join_place(where, std::string(level) + message);
}

}  // namespace jstudio
