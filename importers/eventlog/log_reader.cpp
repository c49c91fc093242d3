#include "importers/eventlog/log_reader.hpp"

#include <zlib.h>

#include <cstdio>
#include <memory>

#include "core/base/file_io.hpp"

namespace jstudio::importers {

Result<std::string> read_maybe_gzip(const std::string& path) {
    auto raw = read_file(path);
    if (!raw) return raw.error();
    std::string& bytes = raw.value();
    if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0x1f ||
        static_cast<unsigned char>(bytes[1]) != 0x8b)
        return std::move(bytes);
    // Concatenated gzip members are legal (pigz, appends); inflate them one after another.
    std::string out;
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return make_error(ErrorCode::bad_encoding, "cannot start gunzip", at_file(path));
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
    zs.next_in = reinterpret_cast<Bytef*>(bytes.data());
    zs.avail_in = static_cast<uInt>(bytes.size());
    const std::size_t limit = std::size_t(1) << 33;  // 8 GiB of text: past that the caller should aggregate
    std::size_t chunk = std::max<std::size_t>(bytes.size() * 4, 1 << 16);
    for (;;) {
        const std::size_t old = out.size();
        out.resize(old + chunk);
        zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
        zs.avail_out = static_cast<uInt>(chunk);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        out.resize(old + chunk - zs.avail_out);
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0) break;
            inflateReset(&zs);
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return make_error(ErrorCode::bad_encoding,
                              std::string("gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate failed"),
                              at_file(path));
        if (rc == Z_BUF_ERROR && zs.avail_in == 0)
            return make_error(ErrorCode::bad_encoding, "gzip data ends early", at_file(path));
        if (out.size() > limit)
            return make_error(ErrorCode::too_large, "gunzipped log is larger than 8 GiB", at_file(path));
        chunk = std::min<std::size_t>(chunk * 2, std::size_t(1) << 28);
    }
    return out;
}

Result<LogReadResult> read_event_log_file(const std::string& path, const LogReadOptions& options) {
    auto text = read_maybe_gzip(path);
    if (!text) return text.error();
    LogFormat format = options.format;
    if (format == LogFormat::automatic) {
        std::size_t i = 0;
        const std::string& t = text.value();
        if (t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
        format = i < t.size() && t[i] == '<' ? LogFormat::xes : LogFormat::csv;
    }
    if (format == LogFormat::xes) return read_xes_log(text.value(), path, options);
    return read_csv_log(text.value(), path, options);
}

}  // namespace jstudio::importers
