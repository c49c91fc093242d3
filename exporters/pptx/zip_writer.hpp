#pragma once
// A zip archive built in memory with libzip: the PPTX package and the workbook embedded in each chart.
#include <zip.h>

#include <memory>
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace jstudio::exporters {

class ZipWriter {
  public:
    ZipWriter() {
        zip_error_init(&m_error);
        m_source = zip_source_buffer_create(nullptr, 0, 0, &m_error);
        if (m_source) {
            zip_source_keep(m_source);
            m_zip = zip_open_from_source(m_source, ZIP_TRUNCATE, &m_error);
        }
    }
    ~ZipWriter() {
        if (m_zip) zip_discard(m_zip);
        if (m_source) zip_source_free(m_source);
        zip_error_fini(&m_error);
    }
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Adds (or replaces) one entry; false when libzip refuses it (finish() then reports the archive).
    bool add(const std::string& name, std::string data) {
        if (!m_zip) return false;
        m_data.push_back(std::make_unique<std::string>(std::move(data)));
        const std::string& d = *m_data.back();
        zip_source_t* src = zip_source_buffer(m_zip, d.data(), d.size(), 0);
        if (!src) return false;
        if (zip_file_add(m_zip, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            zip_source_free(src);
            return false;
        }
        return true;
    }

    // The archive's bytes; what = the kind of file, for messages ("PPTX", "chart workbook").
    Result<std::string> finish(const std::string& what = "PPTX") {
        if (!m_zip) return make_error(ErrorCode::io, "cannot create the " + what + " archive");
        if (zip_close(m_zip) < 0) {
            std::string msg = zip_strerror(m_zip);
            return make_error(ErrorCode::io, "cannot write the " + what + " archive: " + msg);
        }
        m_zip = nullptr;
        std::string out;
        if (zip_source_open(m_source) < 0)
            return make_error(ErrorCode::io, "cannot read back the " + what + " archive");
        char buf[65536];
        zip_int64_t n;
        while ((n = zip_source_read(m_source, buf, sizeof buf)) > 0) out.append(buf, std::size_t(n));
        zip_source_close(m_source);
        return out;
    }

  private:
    zip_error_t m_error;
    zip_source_t* m_source = nullptr;
    zip_t* m_zip = nullptr;
    std::vector<std::unique_ptr<std::string>> m_data;
};

}  // namespace jstudio::exporters
