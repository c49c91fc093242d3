#pragma once
// Processor: what the layout does not place but must not leave behind. Titles, legends and notes on the page
// stay where they are unless a laid-out shape came to lie under them; then they take their place relative to
// the drawing (a title above it stays above it, a legend right of it stays right of it, something inside it
// keeps its relative place), pushed out past the drawing's nearest side if that place is taken too; free text
// next to an arrow stays next to that arrow at the same place along it. What is drawn inside such an item (a
// legend's swatches and labels in its box) moves with it.
#include <optional>
#include <string>
#include <vector>

#include "core/diagram/document.hpp"
#include "core/page/page_reading.hpp"

namespace jstudio::layout {

struct FreeItems {
    struct Item {
        std::string id;
        diagram::Rect before;  // page coordinates
        bool arrow = false;    // an arrow glued to nothing (its box is its route's)
        // The item drawn round this one (a legend's box round its swatches, labels and sample arrows):
        // this one moves with it, as one block, instead of finding a place of its own.
        std::string frame;
    };
    struct EdgeLabel {
        std::string id, edge;
        double along = 0;         // 0..1 of the route's length
        diagram::Point offset{};  // from that point to the label's centre
    };
    std::vector<Item> items;
    std::vector<EdgeLabel> edge_labels;
    std::vector<std::string> content;  // the laid-out top-level cells whose box is the drawing
    std::optional<diagram::Rect> content_before;
};

// Before the layout.
FreeItems take_free_items(const page::PageReading& reading);
// After the layout (and after decorations followed their hosts).
void place_free_items(diagram::Page& page, const FreeItems& items);

}  // namespace jstudio::layout
