#include "core/render/default_style.hpp"

#include <string>

namespace jstudio::render {

namespace {

struct Named {
    std::string_view name, keys;  // keys with the extended style's keys first
};

// From draw.io's styles/default.xml (draw.io 14-25), `extend` resolved. defaultVertex is what the renderer
// already assumes when a key is absent; defaultEdge below differs from those assumptions in `rounded`.
constexpr Named stylesheet[] = {
    {"text", "fillColor=none;gradientColor=none;strokeColor=none;align=left;verticalAlign=top"},
    {"edgeLabel",
     "fillColor=none;gradientColor=none;strokeColor=none;align=left;verticalAlign=top;"
     "labelBackgroundColor=#ffffff;fontSize=11"},
    {"label",
     "fontStyle=1;align=left;verticalAlign=middle;spacing=2;spacingLeft=52;imageWidth=42;imageHeight=42;"
     "rounded=1"},
    {"icon",
     "fontStyle=1;align=left;verticalAlign=middle;spacing=2;spacingLeft=52;imageWidth=42;imageHeight=42;"
     "rounded=1;align=center;imageAlign=center;verticalLabelPosition=bottom;verticalAlign=top;spacingTop=4;"
     "labelBackgroundColor=#ffffff;spacing=0;spacingLeft=0;spacingTop=6;fontStyle=0;imageWidth=48;"
     "imageHeight=48"},
    {"swimlane", "shape=swimlane;fontSize=12;fontStyle=1;startSize=23"},
    {"group", "verticalAlign=top;fillColor=none;strokeColor=none;gradientColor=none;pointerEvents=0"},
    {"ellipse", "shape=ellipse;perimeter=ellipsePerimeter"},
    {"rhombus", "shape=rhombus;perimeter=rhombusPerimeter"},
    {"triangle", "shape=triangle;perimeter=trianglePerimeter"},
    {"line", "shape=line;strokeWidth=4;labelBackgroundColor=#ffffff;verticalAlign=top;spacingTop=8"},
    {"image", "shape=image;labelBackgroundColor=white;verticalAlign=top;verticalLabelPosition=bottom"},
    {"roundImage",
     "shape=image;labelBackgroundColor=white;verticalAlign=top;verticalLabelPosition=bottom;"
     "perimeter=ellipsePerimeter"},
    {"rhombusImage",
     "shape=image;labelBackgroundColor=white;verticalAlign=top;verticalLabelPosition=bottom;"
     "perimeter=rhombusPerimeter"},
    {"arrow", "shape=arrow;edgeStyle=none;fillColor=#ffffff"},
    {"fancy", "shadow=1;glass=1"},
    {"gray", "shadow=1;glass=1;gradientColor=#B3B3B3;fillColor=#F5F5F5;strokeColor=#666666"},
    {"blue", "shadow=1;glass=1;gradientColor=#7EA6E0;fillColor=#DAE8FC;strokeColor=#6C8EBF"},
    {"green", "shadow=1;glass=1;gradientColor=#97D077;fillColor=#D5E8D4;strokeColor=#82B366"},
    {"turquoise", "shadow=1;glass=1;gradientColor=#67AB9F;fillColor=#D5E8D4;strokeColor=#6A9153"},
    {"yellow", "shadow=1;glass=1;gradientColor=#FFD966;fillColor=#FFF2CC;strokeColor=#D6B656"},
    {"orange", "shadow=1;glass=1;gradientColor=#FFA500;fillColor=#FFCD28;strokeColor=#D79B00"},
    {"red", "shadow=1;glass=1;gradientColor=#EA6B66;fillColor=#F8CECC;strokeColor=#B85450"},
    {"pink", "shadow=1;glass=1;gradientColor=#B5739D;fillColor=#E6D0DE;strokeColor=#996185"},
    {"purple", "shadow=1;glass=1;gradientColor=#8C6C9C;fillColor=#E1D5E7;strokeColor=#9673A6"},
    {"plain-gray", "gradientColor=#B3B3B3;fillColor=#F5F5F5;strokeColor=#666666"},
    {"plain-blue", "gradientColor=#7EA6E0;fillColor=#DAE8FC;strokeColor=#6C8EBF"},
    {"plain-green", "gradientColor=#97D077;fillColor=#D5E8D4;strokeColor=#82B366"},
    {"plain-turquoise", "gradientColor=#67AB9F;fillColor=#D5E8D4;strokeColor=#6A9153"},
    {"plain-yellow", "gradientColor=#FFD966;fillColor=#FFF2CC;strokeColor=#D6B656"},
    {"plain-orange", "gradientColor=#FFA500;fillColor=#FFCD28;strokeColor=#D79B00"},
    {"plain-red", "gradientColor=#EA6B66;fillColor=#F8CECC;strokeColor=#B85450"},
    {"plain-pink", "gradientColor=#B5739D;fillColor=#E6D0DE;strokeColor=#996185"},
    {"plain-purple", "gradientColor=#8C6C9C;fillColor=#E1D5E7;strokeColor=#9673A6"},
};

// defaultEdge's keys the renderer does not already assume.
constexpr std::string_view default_edge = "rounded=1";

}  // namespace

std::string_view named_style(std::string_view name) {
    for (const Named& n : stylesheet)
        if (n.name == name) return n.keys;
    return {};
}

diagram::Style resolved_style(const diagram::Style& style, bool edge) {
    std::string text;
    if (edge) text = default_edge;
    bool named = false;
    for (const auto& token : style.tokens()) {
        if (token.has_value || token.key.empty()) continue;
        std::string_view keys = named_style(token.key);
        if (keys.empty()) continue;
        if (!text.empty()) text += ';';
        text += keys;
        named = true;
    }
    if (text.empty()) return style;
    (void)named;
    std::string own = style.to_string();
    if (!own.empty()) text += ';' + own;
    return diagram::Style::parse(text);
}

}  // namespace jstudio::render
