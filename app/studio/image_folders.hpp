#pragma once
// The folders local image files may be read from (a diagram's image=/abs/path, file://, ../x.png): the
// desktop's form of `journey export --allow-images-from DIR`. A diagram is data from anyone and draw.io never
// reads local files from one, so by default none is read, by the canvas or by any export; the user lists the
// folders in Edit > Allowed Image Folders..., kept in the settings (wxConfig, /Images/AllowedFolderN).
#include <wx/confbase.h>

#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace jstudio::studio {

std::vector<std::string> load_image_folders(wxConfigBase& config);
void save_image_folders(wxConfigBase& config, const std::vector<std::string>& folders);

// The list as typed in the dialog, folders separated by ';' ("" = none). Each must be an absolute path to an
// existing folder: a relative one would depend on where the studio was started.
Result<std::vector<std::string>> parse_image_folders(const std::string& text);
std::string join_image_folders(const std::vector<std::string>& folders);

// The folder relative image paths are looked up in: the document's own ("" for an unsaved document).
std::string image_base_dir(const std::string& document_path);

}  // namespace jstudio::studio
