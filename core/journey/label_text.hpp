#pragma once
// Labels as plain text ('\n' between lines) and as the HTML draw.io stores when html=1.
#include <string>
#include <string_view>

namespace jstudio::journey {

// "a & b\nc" → "a &amp; b<br>c".
std::string text_to_html(std::string_view text);
// draw.io HTML label → plain text: <br>, <div>, <p>, <li> become line breaks, other tags go, entities are
// decoded, runs of spaces and blank lines are collapsed, ends trimmed.
std::string html_to_text(std::string_view html);

}  // namespace jstudio::journey
