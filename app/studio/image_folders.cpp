#include "app/studio/image_folders.hpp"

#include <filesystem>

namespace jstudio::studio {

namespace {
const char* const group = "/Images";
}

std::vector<std::string> load_image_folders(wxConfigBase& config) {
    std::vector<std::string> folders;
    wxString value;
    for (int i = 1; config.Read(wxString::Format("%s/AllowedFolder%d", group, i), &value); ++i)
        if (!value.empty()) folders.push_back(value.ToStdString(wxConvUTF8));
    return folders;
}

void save_image_folders(wxConfigBase& config, const std::vector<std::string>& folders) {
    config.DeleteGroup(group);
    for (std::size_t i = 0; i < folders.size(); ++i)
        config.Write(wxString::Format("%s/AllowedFolder%d", group, int(i + 1)),
                     wxString::FromUTF8(folders[i]));
    config.Flush();
}

Result<std::vector<std::string>> parse_image_folders(const std::string& text) {
    namespace fs = std::filesystem;
    std::vector<std::string> folders;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        const auto first = item.find_first_not_of(" \t");
        item = first == std::string::npos ? "" : item.substr(first, item.find_last_not_of(" \t") - first + 1);
        start = end + 1;
        if (item.empty()) continue;
        const fs::path path(item);
        std::error_code ec;
        if (path.is_relative()) return make_error(ErrorCode::bad_usage, "not an absolute path: " + item);
        if (!fs::is_directory(path, ec)) return make_error(ErrorCode::io, "no such folder: " + item);
        folders.push_back(item);
    }
    return folders;
}

std::string join_image_folders(const std::vector<std::string>& folders) {
    std::string text;
    for (const auto& folder : folders) text += (text.empty() ? "" : ";") + folder;
    return text;
}

std::string image_base_dir(const std::string& document_path) {
    return document_path.empty() ? std::string()
                                 : std::filesystem::path(document_path).parent_path().string();
}

}  // namespace jstudio::studio
