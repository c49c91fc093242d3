#include "core/journey/label_text.hpp"

#include "core/text/html_text.hpp"
#include "core/text/xml_escape.hpp"

namespace jstudio::journey {

std::string text_to_html(std::string_view text) {
    return text::xml_escape(text, text::html_from_text);
}

std::string html_to_text(std::string_view html) {
    return text::html_to_text(html, text::html_lines);
}

}  // namespace jstudio::journey
