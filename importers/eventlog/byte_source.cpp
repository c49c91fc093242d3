#include "importers/eventlog/byte_source.hpp"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "core/base/file_io.hpp"

namespace jstudio::importers {

struct ByteSource::Inflater {
    z_stream zs{};
    bool started = false;
    ~Inflater() {
        if (started) inflateEnd(&zs);
    }
};

namespace {
constexpr std::size_t in_chunk = std::size_t(1) << 18;
}

Result<std::unique_ptr<ByteSource>> ByteSource::open_file(const std::string& path) {
    std::unique_ptr<ByteSource> s(new ByteSource);
    s->m_name = path;
    if (path == "-") {
        s->m_file = stdin;
    } else {
        // Never blocks on a FIFO and never streams a device such as /dev/zero forever: regular files only.
        auto fd = open_regular_file(path);
        if (!fd) return fd.error();
        s->m_file = ::fdopen(fd.value(), "rb");
        if (!s->m_file) {
            ::close(fd.value());
            return make_error(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno),
                              at_file(path));
        }
        s->m_owns_file = true;
    }
    s->detect_gzip();
    return s;
}

std::unique_ptr<ByteSource> ByteSource::over_memory(std::string_view bytes, std::string name) {
    std::unique_ptr<ByteSource> s(new ByteSource);
    s->m_name = std::move(name);
    s->m_memory = bytes;
    s->detect_gzip();
    return s;
}

ByteSource::~ByteSource() {
    if (m_owns_file) std::fclose(m_file);
}

Result<std::size_t> ByteSource::read_raw(char* out, std::size_t size) {
    if (m_raw_end) return std::size_t(0);
    if (!m_file) {
        const std::size_t n = std::min(size, m_memory.size());
        std::memcpy(out, m_memory.data(), n);
        m_memory.remove_prefix(n);
        if (n == 0) m_raw_end = true;
        return n;
    }
    const std::size_t n = std::fread(out, 1, size, m_file);
    if (n < size) {
        if (std::ferror(m_file))
            return make_error(ErrorCode::io, std::string("read error: ") + std::strerror(errno),
                              at_file(m_name));
        if (n == 0) m_raw_end = true;
    }
    return n;
}

void ByteSource::detect_gzip() {
    m_in.resize(2);
    std::size_t have = 0;
    while (have < 2) {
        auto n = read_raw(m_in.data() + have, 2 - have);
        if (!n || *n == 0) break;
        have += *n;
    }
    m_in.resize(have);
    m_gzip = have == 2 && static_cast<unsigned char>(m_in[0]) == 0x1f &&
             static_cast<unsigned char>(m_in[1]) == 0x8b;
    if (m_gzip) m_z = std::make_unique<Inflater>();
}

Result<std::string_view> ByteSource::peek(std::size_t size) {
    while (m_peeked.size() < size) {
        const std::size_t old = m_peeked.size();
        m_peeked.resize(size);
        auto n = read_decoded(m_peeked.data() + old, size - old);
        if (!n) return n.error();
        m_peeked.resize(old + *n);
        if (*n == 0) break;
    }
    return std::string_view(m_peeked).substr(0, size);
}

Result<std::size_t> ByteSource::read(char* out, std::size_t size) {
    if (m_peek_pos < m_peeked.size()) {
        const std::size_t n = std::min(size, m_peeked.size() - m_peek_pos);
        std::memcpy(out, m_peeked.data() + m_peek_pos, n);
        m_peek_pos += n;
        if (m_peek_pos == m_peeked.size()) {
            m_peeked.clear();
            m_peeked.shrink_to_fit();
            m_peek_pos = 0;
        }
        return n;
    }
    return read_decoded(out, size);
}

Result<std::size_t> ByteSource::read_decoded(char* out, std::size_t size) {
    if (size == 0) return std::size_t(0);
    if (!m_gzip) {
        if (m_in_pos < m_in.size()) {  // the bytes the magic probe took
            const std::size_t n = std::min(size, m_in.size() - m_in_pos);
            std::memcpy(out, m_in.data() + m_in_pos, n);
            m_in_pos += n;
            return n;
        }
        return read_raw(out, size);
    }
    if (m_gzip_end) return std::size_t(0);
    z_stream& zs = m_z->zs;
    if (!m_z->started) {
        if (inflateInit2(&zs, 15 + 32) != Z_OK)
            return make_error(ErrorCode::bad_encoding, "cannot start gunzip", at_file(m_name));
        m_z->started = true;
        zs.next_in = reinterpret_cast<Bytef*>(m_in.data());
        zs.avail_in = static_cast<uInt>(m_in.size());
    }
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    const uInt want = zs.avail_out;
    // The next chunk of compressed input (avail_in stays 0 at the end of the file).
    auto refill = [&]() -> Status {
        m_in.resize(in_chunk);
        auto n = read_raw(m_in.data(), in_chunk);
        if (!n) return n.error();
        m_in.resize(*n);
        zs.next_in = reinterpret_cast<Bytef*>(m_in.data());
        zs.avail_in = static_cast<uInt>(*n);
        return Ok{};
    };
    while (zs.avail_out == want) {
        if (zs.avail_in == 0) {
            if (auto st = refill(); !st) return st.error();
            if (zs.avail_in == 0)
                return make_error(ErrorCode::bad_encoding, "gzip data ends early", at_file(m_name));
        }
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members are legal (pigz, appends): go on while input remains.
            if (zs.avail_in == 0)
                if (auto st = refill(); !st) return st.error();
            if (zs.avail_in == 0) {
                m_gzip_end = true;
                break;
            }
            inflateReset(&zs);
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return make_error(ErrorCode::bad_encoding,
                              std::string("gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate failed"),
                              at_file(m_name));
    }
    return std::size_t(want - zs.avail_out);
}

Result<std::string> read_all_bytes(const std::string& path) {
    auto source = ByteSource::open_file(path);
    if (!source) return source.error();
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        auto got = (*source)->read(buffer, sizeof buffer);
        if (!got) return got.error();
        if (*got == 0) return out;
        if (out.size() + *got > input_byte_limit())
            return make_error(
                ErrorCode::too_large,
                "input is past the limit of " + std::to_string(input_byte_limit()) + " bytes (--max-memory)",
                at_file(path));
        out.append(buffer, *got);
    }
}

}  // namespace jstudio::importers
