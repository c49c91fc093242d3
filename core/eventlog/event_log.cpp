#include "core/eventlog/event_log.hpp"

#include <algorithm>

#include "core/codec/codec.hpp"

namespace jstudio::eventlog {

std::uint32_t EventLog::activity_id(std::string_view name) {
    if (auto it = m_activity_ids.find(name); it != m_activity_ids.end()) return it->second;
    // Names go into JSON reports and draw.io files, which hold only UTF-8 and no control characters but tab
    // and line breaks: a broken byte or a forbidden control becomes U+FFFD here, once, so every report and
    // drawing shows the same name and a drawing reads back as it was drawn.
    if (codec::find_invalid_utf8(name) != std::string_view::npos ||
        codec::find_xml_control(name) != std::string_view::npos)
        return activity_id(codec::replace_for_xml(name));
    const auto id = static_cast<std::uint32_t>(m_activities.size());
    m_activities.emplace_back(name);
    m_activity_ids.emplace(std::string(name), id);
    return id;
}

void EventLog::order_events() {
    const auto before = [](const Event& a, const Event& b) {
        if (a.has_time != b.has_time) return a.has_time;  // untimed events go last
        return a.has_time && a.time_us < b.time_us;
    };
    for (auto& c : cases) {
        if (std::is_sorted(c.events.begin(), c.events.end(), before)) continue;
        std::stable_sort(c.events.begin(), c.events.end(), before);
        ++counts.cases_reordered;
    }
    const auto old_size = cases.size();
    std::erase_if(cases, [](const Case& c) { return c.events.empty(); });
    counts.cases_empty += old_size - cases.size();
}

}  // namespace jstudio::eventlog
