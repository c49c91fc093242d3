#include "core/diagram/attributes.hpp"

#include <algorithm>

namespace jstudio::diagram {

const std::string* Attributes::find(std::string_view name) const {
    for (const auto& a : m_items)
        if (a.name == name) return &a.value;
    return nullptr;
}

std::string Attributes::get(std::string_view name, std::string_view fallback) const {
    const std::string* v = find(name);
    return v ? *v : std::string(fallback);
}

void Attributes::set(std::string_view name, std::string_view value) {
    for (auto& a : m_items)
        if (a.name == name) {
            a.value = value;
            return;
        }
    m_items.push_back({std::string(name), std::string(value)});
}

bool Attributes::remove(std::string_view name) {
    auto it =
        std::find_if(m_items.begin(), m_items.end(), [&](const Attribute& a) { return a.name == name; });
    if (it == m_items.end()) return false;
    m_items.erase(it);
    return true;
}

}  // namespace jstudio::diagram
