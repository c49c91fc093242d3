#include "exporters/report/dfg_csv_writer.hpp"

#include <cstdio>

namespace jstudio::exporters {

namespace {

// A CSV field, quoted when it holds the delimiter, a quote or a line break.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Milliseconds at most, without trailing zeros: the table stays exact and short.
std::string seconds_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::string write_dfg_csv(const eventlog::EventLog& log, const eventlog::Discovery& d) {
    std::string out = "from,to,count,median_seconds,p90_seconds\n";
    for (const auto& a : d.activities)
        if (a.starts)
            out += "," + csv_field(log.activity_name(a.activity)) + "," + std::to_string(a.starts) + ",,\n";
    for (const auto& e : d.edges) {
        out += csv_field(log.activity_name(e.from)) + "," + csv_field(log.activity_name(e.to)) + "," +
               std::to_string(e.count) + ",";
        if (e.duration.n)
            out += seconds_text(e.duration.median) + "," + seconds_text(e.duration.p90);
        else
            out += ",";
        out += "\n";
    }
    for (const auto& a : d.activities)
        if (a.ends) out += csv_field(log.activity_name(a.activity)) + ",," + std::to_string(a.ends) + ",,\n";
    return out;
}

}  // namespace jstudio::exporters
