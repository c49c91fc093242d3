#pragma once
// Bytes of an event log read piece by piece, gunzipped on the fly when they start with the gzip magic, so a
// reader never holds more than one chunk of the file.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace jstudio::importers {

class ByteSource {
  public:
    // A file ("-" = stdin), or bytes already in memory (not owned: they must outlive the source).
    static Result<std::unique_ptr<ByteSource>> open_file(const std::string& path);
    static std::unique_ptr<ByteSource> over_memory(std::string_view bytes, std::string name);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    // Up to `size` bytes into `out`; 0 only at the end. Errors: unreadable file, corrupt or truncated gzip.
    Result<std::size_t> read(char* out, std::size_t size);
    // The first `size` bytes (fewer at the end) without consuming them: read() returns them again.
    Result<std::string_view> peek(std::size_t size);
    const std::string& name() const { return m_name; }
    bool gzip() const { return m_gzip; }

  private:
    ByteSource() = default;
    Result<std::size_t> read_raw(char* out, std::size_t size);
    Result<std::size_t> read_decoded(char* out, std::size_t size);
    void detect_gzip();

    std::string m_name;
    std::FILE* m_file = nullptr;
    bool m_owns_file = false;
    std::string_view m_memory;
    bool m_raw_end = false;
    // Bytes read ahead from the raw input (the magic probe, then the gzip input buffer).
    std::string m_in;
    std::size_t m_in_pos = 0;
    bool m_gzip = false, m_gzip_end = false;
    std::string m_peeked;
    std::size_t m_peek_pos = 0;
    struct Inflater;
    std::unique_ptr<Inflater> m_z;
};

// The whole file ("-" = stdin), gunzipped when it is gzip: for previews of the first rows of a log.
Result<std::string> read_all_bytes(const std::string& path);

}  // namespace jstudio::importers
