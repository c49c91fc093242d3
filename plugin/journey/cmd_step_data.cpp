// Journey > Set Step Data...: sets stage, lane, channel and emotion on every selected cell as ONE undoable
// change. The inspector panel edits through the same functions. On a journey map the grid is re-flowed in the
// same step, so the card lands in its new stage x lane cell and the emotion curve follows.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/diagram/page_index.hpp"
#include "core/layout/journey_grid_layout.hpp"
#include "plugin/journey/journey_plugin.hpp"
#include "plugin/journey/page_edit.hpp"

namespace jstudio::journey_plugin {

namespace {

// Moves each card's centre into the stage column and lane row its data names (and, in the emotions lane, to
// the band of its score), where the grid layout reads them from.
void place_cards(diagram::Page& page, const std::vector<std::string>& ids) {
    struct Band {
        double start, end, band_height;
    };
    std::map<std::string, Band> stages, lanes;
    {
        const diagram::PageIndex index(page);
        for (const auto& c : page.cells) {
            const std::string role = c.data("journey-role");
            if (role != "stage-header" && role != "lane-header") continue;
            const auto b = index.absolute_bounds(c.id);
            if (!b) continue;
            if (role == "stage-header")
                stages[c.data("stage")] = {b->x, b->right(), 0};
            else
                lanes[c.data("lane")] = {
                    b->y, b->bottom(),
                    c.data("lane-kind") == "emotions"
                        ? std::strtod(c.data("band-height").empty() ? "40" : c.data("band-height").c_str(),
                                      nullptr)
                        : 0};
        }
    }
    for (const auto& id : ids) {
        const diagram::PageIndex index(page);
        const auto position = index.position(id);
        const auto box = index.absolute_bounds(id);
        if (!position || !box) continue;
        auto& cell = page.cells[*position];
        if (!cell.geometry || cell.geometry->relative) continue;
        double cx = box->x + box->width / 2, cy = box->y + box->height / 2;
        if (auto s = stages.find(cell.data("stage"));
            s != stages.end() && (cx < s->second.start || cx >= s->second.end))
            cx = (s->second.start + s->second.end) / 2;
        if (auto l = lanes.find(cell.data("lane")); l != lanes.end()) {
            const Band& lane = l->second;
            if (cy < lane.start || cy >= lane.end) cy = (lane.start + lane.end) / 2;
            char* end = nullptr;
            const std::string emotion = cell.data("emotion");
            const double score = std::strtod(emotion.c_str(), &end);
            if (lane.band_height > 0 && !emotion.empty() && end && *end == 0) {
                const double level = 2 - std::clamp(std::round(score), -2.0, 2.0);
                cy = lane.start + 10 + (level + 0.5) * lane.band_height;
            }
        }
        cell.geometry->bounds.x += cx - (box->x + box->width / 2);
        cell.geometry->bounds.y += cy - (box->y + box->height / 2);
    }
}

}  // namespace

bool apply_step_data(plugin::HostServices& host, const std::vector<plugin::HostServices::Field>& fields) {
    const auto target = active_page(host, "Set Step Data");
    if (!target) return false;
    diagram::Page edited = target->page();
    bool changed = false, placed = false;
    for (const auto& id : host.selection())
        for (auto& cell : edited.cells) {
            if (cell.id != id || cell.kind == diagram::CellKind::root ||
                cell.kind == diagram::CellKind::layer)
                continue;
            for (const auto& field : fields)
                if (cell.data(field.name) != field.value) {
                    cell.set_data(field.name, field.value);
                    changed = true;
                    placed =
                        placed || field.name == "stage" || field.name == "lane" || field.name == "emotion";
                }
        }
    if (!changed) return false;
    // On a journey map the grid follows, in the same undo step: a card whose stage or lane changed moves to
    // its new cell, an emotion card to its score, and the emotion curve is re-drawn through them (issue 18).
    // The grid reads a card's place from where it sits, so the card is put in its cell first, then the grid
    // re-flows. A map the grid layout cannot read keeps the data change alone.
    if (placed && layout::looks_like_journey_map(edited)) {
        diagram::Page laid = edited;
        place_cards(laid, host.selection());
        if (layout::layout_journey_map(laid)) edited = std::move(laid);
    }
    return submit_page_edit(host, *target, "Set Step Data", edited);
}

void edit_step_data(plugin::HostServices& host) {
    const auto target = active_page(host, "Set Step Data");
    if (!target) return;
    const auto selection = host.selection();
    if (selection.empty()) {
        host.report_error("Set Step Data: select one or more steps first");
        return;
    }
    const diagram::PageIndex index(target->page());
    const auto* first = index.find(selection.front());
    std::vector<plugin::HostServices::Field> fields;
    for (const char* name : step_fields) fields.push_back({name, first ? first->data(name) : ""});
    if (host.ask("Set Step Data", fields)) apply_step_data(host, fields);
}

void add_step_data_command(plugin::HostServices& host) {
    plugin::MenuEntry entry{"Journey", "Set Step Data...",
                            "Set stage, lane, channel and emotion of the selected steps", "Ctrl+Shift+D"};
    host.add_command(entry, [&host]() { edit_step_data(host); });
}

}  // namespace jstudio::journey_plugin
