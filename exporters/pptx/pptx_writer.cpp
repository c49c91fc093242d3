#include "exporters/pptx/pptx_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>
#include <tuple>

#include "core/diagram/page_index.hpp"
#include "core/render/edge_geometry.hpp"
#include "core/render/shape_geometry.hpp"
#include "core/text/xml_escape.hpp"
#include "exporters/image/image_source.hpp"
#include "exporters/pptx/pptx_parts.hpp"
#include "exporters/pptx/zip_writer.hpp"
#include "exporters/raster/svg_image.hpp"

namespace jstudio::exporters {

using namespace render;

namespace {

constexpr const char* ns_decl =
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// XML 1.0 forbids most control characters: they are dropped.
std::string esc(std::string_view text) {
    return text::xml_escape(text, text::ooxml);
}

std::string hex6(const Color& c) {
    std::string h = c.hex().substr(1);
    for (char& ch : h) ch = char(std::toupper(static_cast<unsigned char>(ch)));
    return h;
}

struct Emu {
    long long x = 0, y = 0;
};

// Page px → slide EMU.
struct Fit {
    double scale = 9525, dx = 0, dy = 0;
    long long x(double px) const { return std::llround(dx + px * scale); }
    long long y(double py) const { return std::llround(dy + py * scale); }
    long long len(double v) const { return std::max(0LL, std::llround(v * scale)); }
};

struct ShapeBox {
    long long id = 0;
    long long x = 0, y = 0, cx = 0, cy = 0;
    std::string preset;  // "" = custGeom
    bool rotated = false;
};

// The 0-based connection sites of the presets we glue to (ECMA presetShapeDefinitions, see notes/pptx.md §4).
std::vector<Emu> sites_of(const ShapeBox& b) {
    const long long l = b.x, t = b.y, r = b.x + b.cx, bt = b.y + b.cy, hc = b.x + b.cx / 2,
                    vc = b.y + b.cy / 2;
    static const char* four[] = {"rect",
                                 "roundRect",
                                 "flowChartProcess",
                                 "flowChartDecision",
                                 "flowChartTerminator",
                                 "flowChartAlternateProcess",
                                 "flowChartPredefinedProcess"};
    for (const char* p : four)
        if (b.preset == p) return {{hc, t}, {l, vc}, {hc, bt}, {r, vc}};
    if (b.preset == "flowChartDocument")  // the bottom site sits on the wave (ECMA: h·20172/21600)
        return {{hc, t}, {l, vc}, {hc, b.y + std::llround(double(b.cy) * 20172 / 21600)}, {r, vc}};
    if (b.preset == "ellipse") {
        // Sites at 45° steps: top, top-left, left, bottom-left, bottom, bottom-right, right, top-right.
        const double k = 0.70710678118654752;
        auto px = [&](double f) { return std::llround(b.x + b.cx / 2.0 + f * b.cx / 2.0); };
        auto py = [&](double f) { return std::llround(b.y + b.cy / 2.0 + f * b.cy / 2.0); };
        return {{hc, t},  {px(-k), py(-k)}, {l, vc}, {px(-k), py(k)},
                {hc, bt}, {px(k), py(k)},   {r, vc}, {px(k), py(-k)}};
    }
    return {};
}

// draw.io's arrowhead → the nearest ST_LineEndType. OOXML has no hollow heads: a hollow triangle (fill=0)
// becomes the open "arrow" head, so it stays unfilled; oval and diamond keep their shape.
std::string arrow_type(const std::string& drawio, bool filled = true) {
    if (drawio.empty() || drawio == "none") return "";
    if (drawio == "open" || drawio == "openThin" || drawio == "openAsync") return "arrow";
    if (drawio == "oval" || drawio == "circle" || drawio == "circlePlus" || drawio == "halfCircle" ||
        drawio == "box")
        return "oval";
    if (drawio == "diamond" || drawio == "diamondThin") return "diamond";
    if (drawio == "dash" || drawio == "cross" || drawio.starts_with("ER")) return "";
    if (!filled) return "arrow";
    if (drawio == "classic" || drawio == "classicThin" || drawio == "async" || drawio == "blockThin")
        return "stealth";
    return "triangle";
}

// The a:alpha child of a colour: "" at full opacity.
std::string alpha(double opacity) {
    if (opacity >= 0.999) return "";
    return "<a:alpha val=\"" + std::to_string(std::llround(std::clamp(opacity, 0.0, 1.0) * 100000)) + "\"/>";
}

std::string srgb(const Color& c, double opacity = 1) {
    std::string a = alpha(opacity);
    return "<a:srgbClr val=\"" + hex6(c) + (a.empty() ? "\"/>" : "\">" + a + "</a:srgbClr>");
}

// draw.io's dashPattern (dash and gap lengths in line widths) → the nearest ST_PresetLineDashVal.
std::string dash_preset(const diagram::Style& style) {
    std::istringstream in(style.get_or("dashPattern", ""));
    std::vector<double> v;
    for (double x; in >> x;) v.push_back(x);
    if (v.empty()) return "dash";
    if (v.size() >= 4) return v[0] >= 8 ? "lgDashDot" : "dashDot";
    if (v[0] <= 1.5) return "sysDot";
    if (v[0] >= 8) return "lgDash";
    if (v.size() >= 2 && v[1] <= 1.5) return "sysDash";
    return "dash";
}

std::string run_props(const Font& f, const Fit& fit, const char* tag = "a:rPr", double opacity = 1) {
    // px × EMU-per-px → EMU → points (12700 EMU) → hundredths of a point.
    long long sz = std::clamp<long long>(std::llround(f.size * fit.scale / 12700.0 * 100), 100, 400000);
    std::ostringstream o;
    o << "<" << tag << " lang=\"en-US\" sz=\"" << sz << "\"";
    if (f.bold) o << " b=\"1\"";
    if (f.italic) o << " i=\"1\"";
    if (f.underline) o << " u=\"sng\"";
    o << " dirty=\"0\"><a:solidFill>" << srgb(f.color, opacity) << "</a:solidFill><a:latin typeface=\""
      << esc(f.family) << "\"/></" << tag << ">";
    return o.str();
}

std::string text_body(const std::vector<Paragraph>& label, HAlign align, VAlign valign, bool wrap,
                      const Fit& fit, long long inset, bool vertical = false, double opacity = 1) {
    std::ostringstream o;
    const char* anchor = valign == VAlign::top ? "t" : valign == VAlign::bottom ? "b" : "ctr";
    const char* algn = align == HAlign::left ? "l" : align == HAlign::right ? "r" : "ctr";
    o << "<p:txBody><a:bodyPr wrap=\"" << (wrap ? "square" : "none") << "\" lIns=\"" << inset << "\" tIns=\""
      << inset << "\" rIns=\"" << inset << "\" bIns=\"" << inset << "\""
      << (vertical ? " vert=\"vert270\"" : "") << " anchor=\"" << anchor
      << "\" rtlCol=\"0\"><a:noAutofit/></a:bodyPr><a:lstStyle/>";
    if (label.empty()) o << "<a:p><a:pPr algn=\"" << algn << "\"/></a:p>";
    for (const auto& para : label) {
        o << "<a:p><a:pPr algn=\"" << algn << "\"/>";
        for (const auto& run : para.runs)
            o << "<a:r>" << run_props(run.font, fit, "a:rPr", opacity) << "<a:t>" << esc(run.text)
              << "</a:t></a:r>";
        if (para.runs.empty())
            o << "<a:endParaRPr lang=\"en-US\" sz=\"" << std::max(100LL, std::llround(12 * fit.scale / 127.0))
              << "\"/>";
        o << "</a:p>";
    }
    o << "</p:txBody>";
    return o.str();
}

std::string line_props(const std::optional<Color>& stroke, double width, bool dashed, const Fit& fit,
                       const std::string& head = "", const std::string& tail = "", double opacity = 1,
                       const std::string& dash = "dash") {
    std::ostringstream o;
    if (!stroke) return "<a:ln><a:noFill/></a:ln>";
    o << "<a:ln w=\"" << std::max(3175LL, fit.len(width)) << "\"><a:solidFill>" << srgb(*stroke, opacity)
      << "</a:solidFill>";
    if (dashed) o << "<a:prstDash val=\"" << dash << "\"/>";
    if (!head.empty()) o << "<a:headEnd type=\"" << head << "\"/>";
    if (!tail.empty()) o << "<a:tailEnd type=\"" << tail << "\"/>";
    o << "</a:ln>";
    return o.str();
}

std::string fill_props(const std::optional<Color>& fill, double opacity = 1) {
    if (!fill) return "<a:noFill/>";
    return "<a:solidFill>" + srgb(*fill, opacity) + "</a:solidFill>";
}

// A shape's fill as draw.io paints it: solid or a two-colour linear gradient (gradientColor,
// gradientDirection), at fillOpacity × opacity.
std::string shape_fill(const std::optional<Color>& fill, const diagram::Style& style, double opacity) {
    if (!fill) return "<a:noFill/>";
    auto to = parse_color(style.get_or("gradientColor", "none"));
    if (!to) return fill_props(fill, opacity);
    std::string dir = style.get_or("gradientDirection", "south");
    // a:lin ang: the direction the colours run in, clockwise from east, 60000ths of a degree.
    long long ang = dir == "north" ? 16200000 : dir == "east" ? 0 : dir == "west" ? 10800000 : 5400000;
    return "<a:gradFill rotWithShape=\"1\"><a:gsLst><a:gs pos=\"0\">" + srgb(*fill, opacity) +
           "</a:gs><a:gs pos=\"100000\">" + srgb(*to, opacity) + "</a:gs></a:gsLst><a:lin ang=\"" +
           std::to_string(ang) + "\" scaled=\"0\"/></a:gradFill>";
}

// An edge label's background as draw.io paints it: labelBackgroundColor, white when absent or "default"
// (the page's colour), none for "none".
std::optional<Color> label_background(const diagram::Style& style) {
    const std::string v = style.get_or("labelBackgroundColor", "default");
    if (v == "default" || v == "inherit") return Color{255, 255, 255};
    return parse_color(v);
}

// draw.io's shadow=1: a soft grey shadow down and to the right.
std::string shadow_props(const diagram::Style& style) {
    if (!style.flag("shadow")) return "";
    return "<a:effectLst><a:outerShdw blurRad=\"38100\" dist=\"38100\" dir=\"2700000\" algn=\"tl\" "
           "rotWithShape=\"0\"><a:srgbClr val=\"000000\"><a:alpha val=\"25000\"/></a:srgbClr></a:outerShdw>"
           "</a:effectLst>";
}

// roundRect's corner (adj, share of the shorter side × 100000) from arcSize / absoluteArcSize.
long long round_rect_adj(const diagram::Style& style, double w, double h) {
    double ss = std::max(1e-9, std::min(w, h));
    double r;
    if (style.flag("absoluteArcSize"))
        r = std::min({w / 2, h / 2, style.number("arcSize", 20) / 2});
    else
        r = ss * std::clamp(style.number("arcSize", 15), 0.0, 50.0) / 100;
    return std::clamp<long long>(std::llround(r / ss * 100000), 0, 50000);
}

// A free-form outline in shape-local EMU, for shapes with no preset (actor, unknown stencils...).
std::string cust_geom(const std::vector<Path>& paths, const Rect& b, const Fit& fit) {
    long long w = std::max(1LL, fit.len(b.width)), h = std::max(1LL, fit.len(b.height));
    auto pt = [&](Point p) {
        return "<a:pt x=\"" + std::to_string(std::clamp(fit.len(p.x - b.x), 0LL, w)) + "\" y=\"" +
               std::to_string(std::clamp(fit.len(p.y - b.y), 0LL, h)) + "\"/>";
    };
    std::ostringstream o;
    o << "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" "
         "b=\"b\"/><a:pathLst>";
    for (const auto& p : paths) {
        o << "<a:path w=\"" << w << "\" h=\"" << h << "\">";
        for (const auto& op : p.ops) {
            switch (op.kind) {
                case PathOp::move:
                    o << "<a:moveTo>" << pt(op.p[0]) << "</a:moveTo>";
                    break;
                case PathOp::line:
                    o << "<a:lnTo>" << pt(op.p[0]) << "</a:lnTo>";
                    break;
                case PathOp::cubic:
                    o << "<a:cubicBezTo>" << pt(op.p[0]) << pt(op.p[1]) << pt(op.p[2]) << "</a:cubicBezTo>";
                    break;
                case PathOp::close:
                    o << "<a:close/>";
                    break;
            }
        }
        o << "</a:path>";
    }
    o << "</a:pathLst></a:custGeom>";
    return o.str();
}

// The label as laid out by the renderer, one paragraph per drawn line.
std::vector<Paragraph> wrapped_lines(const std::vector<Paragraph>& label, const LabelPlacement& place) {
    if (!place.wrap) return label;
    PlacedLabel placed = place_label(label, place);
    std::vector<Paragraph> out;
    double y = -1e300;
    for (const auto& run : placed.runs) {
        if (std::abs(run.y - y) > 0.01) {
            out.emplace_back();
            y = run.y;
        }
        out.back().runs.push_back({run.text, run.font});
    }
    return out.empty() ? label : out;
}

struct SlideXml {
    std::string xml;
    std::string notes;                                          // speaker notes text ("" = none)
    std::vector<std::pair<std::string, std::string>> pictures;  // relationship id → ../media/ target
};

// The pictures of the deck, each stored once in ppt/media/ however many slides show it.
struct Media {
    std::map<std::string, std::string> part_of;              // image bytes → part name "imageN.ext"
    std::vector<std::pair<std::string, std::string>> parts;  // part name, bytes
    std::map<std::string, std::string> extensions;           // extension → content type
    std::string add(const ImageData& image) {
        auto it = part_of.find(image.bytes);
        if (it != part_of.end()) return it->second;
        std::string name = "image" + std::to_string(parts.size() + 1) + "." + image.extension;
        part_of.emplace(image.bytes, name);
        parts.push_back({name, image.bytes});
        extensions[image.extension] = image.mime;
        return name;
    }
};

std::string notes_text(const PptxSlide& s) {
    if (!s.notes.empty()) return s.notes;
    std::string out = s.title;
    if (!s.page) return out;
    diagram::PageIndex idx(*s.page);
    // draw.io keeps page-level metadata on the root cell's UserObject (Edit Data on the page).
    if (const auto* root = idx.root(); root && root->wrapper) {
        for (const auto& a : root->wrapper->attributes)
            if (a.name != "label" && !a.value.empty()) out += "\n" + a.name + ": " + a.value;
    }
    return out;
}

// A connector's preset (or free-form) geometry and transform so that its drawn path is the routed polyline.
// Presets, in their unflipped box from (0,0) to (w,h), all start horizontally (ECMA presetShapeDefinitions):
//   bentConnector2: (0,0) (w,0) (w,h)                          1 bend
//   bentConnector3: (0,0) (x1,0) (x1,h) (w,h)                  2 bends, x1 = w·adj1
//   bentConnector4: (0,0) (x1,0) (x1,y2) (w,y2) (w,h)          3 bends, y2 = h·adj2
//   bentConnector5: (0,0) (x1,0) (x1,y2) (x3,y2) (x3,h) (w,h)  4 bends, x3 = w·adj3
// A route that starts vertically uses the same preset turned 90°; flips put the start at the box's (0,0)
// corner and the end at (w,h), where PowerPoint and the deck checker expect the glued ends. Adjust values
// outside 0..100000 draw detours beyond the box. PowerPoint draws the stored preset path and re-routes it,
// keeping the preset, when a glued shape moves; LibreOffice 7.4 re-routes every glued connector on import
// (its own elbows). More than 4 bends, slanted segments with bends, or bends with neither end glued
// become a free-form line (the polyline as its path): both draw it exactly, it stays an editable line, but
// does not follow the shapes.
struct ConnectorShape {
    std::string prst;  // "" = custGeom with local
    std::vector<long long> adj;
    std::vector<Emu> local;  // custGeom path in box coordinates
    Emu off;
    long long cx = 0, cy = 0;
    bool rot90 = false, flip_h = false, flip_v = false;
};

ConnectorShape connector_shape(std::vector<Emu> pts, Emu s, Emu t, bool orthogonal, bool glued) {
    auto horizontal = [](Emu a, Emu b) { return std::llabs(b.y - a.y) <= std::llabs(b.x - a.x); };
    // Ends on the glued sites; keep the first and last segments axis-parallel by moving their inner bend.
    if (pts.size() == 3 && orthogonal) {
        pts[1] = horizontal(pts[0], pts[1]) ? Emu{t.x, s.y} : Emu{s.x, t.y};
    } else if (pts.size() >= 4 && orthogonal) {
        std::size_t n = pts.size();
        if (horizontal(pts[0], pts[1]))
            pts[1].y = s.y;
        else
            pts[1].x = s.x;
        if (horizontal(pts[n - 2], pts[n - 1]))
            pts[n - 2].y = t.y;
        else
            pts[n - 2].x = t.x;
    }
    pts.front() = s, pts.back() = t;
    // Drop repeated points and straight-through bends.
    std::vector<Emu> p;
    for (const Emu& q : pts) {
        if (!p.empty() && std::llabs(q.x - p.back().x) + std::llabs(q.y - p.back().y) < 2) continue;
        if (p.size() >= 2) {
            Emu a = p[p.size() - 2], b = p.back();
            bool collinear = (a.x == b.x && b.x == q.x) || (a.y == b.y && b.y == q.y);
            if (collinear) p.pop_back();
        }
        p.push_back(q);
    }
    if (p.size() < 2) p = {s, t};
    p.front() = s, p.back() = t;
    bool axis = true;
    for (std::size_t i = 1; i < p.size(); ++i) axis = axis && (p[i].x == p[i - 1].x || p[i].y == p[i - 1].y);
    // Two points but not on one axis: an orthogonal edge still bends once in the middle (bentConnector3).
    if (p.size() == 2 && orthogonal && s.x != t.x && s.y != t.y) {
        Emu a{(s.x + t.x) / 2, s.y}, b{(s.x + t.x) / 2, t.y};
        p = {s, a, b, t};
        axis = true;
    }
    const std::size_t segments = p.size() - 1;

    ConnectorShape c;
    // A bent route glued at neither end gains nothing from being a connector, and LibreOffice would draw
    // its own elbows: it is a free-form line, drawn exactly by both.
    const bool preset = segments == 1 || (glued && axis && segments <= 5);
    c.rot90 = preset && segments > 1 && !horizontal(p[0], p[1]);
    // A zero-width or zero-height box cannot hold bends: widen it by a hair at the end point.
    constexpr long long hair =
        600;  // EMU, 0.06 px at 100 %: well inside the checker's 1000 EMU glue tolerance
    if (segments > 1) {
        long long& along_x = p.back().x;
        long long& along_y = p.back().y;
        if (std::llabs(t.x - s.x) < hair) {
            along_x = s.x + hair;
            if (p.size() >= 2 && !horizontal(p[p.size() - 2], p.back())) p[p.size() - 2].x = along_x;
        }
        if (std::llabs(p.back().y - s.y) < hair) {
            along_y = s.y + hair;
            if (p.size() >= 2 && horizontal(p[p.size() - 2], p.back())) p[p.size() - 2].y = along_y;
        }
        t = p.back();
    }
    long long dx = t.x - s.x, dy = t.y - s.y;
    c.cx = c.rot90 ? std::llabs(dy) : std::llabs(dx);
    c.cy = c.rot90 ? std::llabs(dx) : std::llabs(dy);
    double mx = (s.x + t.x) / 2.0, my = (s.y + t.y) / 2.0;
    c.off = {std::llround(mx - c.cx / 2.0), std::llround(my - c.cy / 2.0)};
    // Local box coordinates of a slide point for the flips (inverse of flip-then-rotate about the centre).
    auto local = [&](Emu q, bool fh, bool fv) {
        double ux = q.x - mx, uy = q.y - my;
        if (c.rot90) std::tie(ux, uy) = std::pair{uy, -ux};  // undo 90° clockwise: (a,b) → (-b,a)
        if (fh) ux = -ux;
        if (fv) uy = -uy;
        return std::pair{ux + c.cx / 2.0, uy + c.cy / 2.0};
    };
    for (int f = 0; f < 4; ++f) {
        bool fh = f & 1, fv = f & 2;
        auto [x0, y0] = local(s, fh, fv);
        if (std::abs(x0) < 2 && std::abs(y0) < 2) {
            c.flip_h = fh, c.flip_v = fv;
            break;
        }
    }
    if (!preset) {
        for (const Emu& q : p) {
            auto [x, y] = local(q, c.flip_h, c.flip_v);
            c.local.push_back({std::llround(x), std::llround(y)});
        }
        c.cx = std::max(1LL, c.cx), c.cy = std::max(1LL, c.cy);
        return c;
    }
    static const char* names[] = {
        "", "straightConnector1", "bentConnector2", "bentConnector3", "bentConnector4", "bentConnector5"};
    c.prst = names[segments];
    auto fraction = [](double v, long long size) { return std::llround(v / double(size) * 100000); };
    if (segments >= 3) c.adj.push_back(fraction(local(p[1], c.flip_h, c.flip_v).first, c.cx));
    if (segments >= 4) c.adj.push_back(fraction(local(p[2], c.flip_h, c.flip_v).second, c.cy));
    if (segments >= 5) c.adj.push_back(fraction(local(p[3], c.flip_h, c.flip_v).first, c.cx));
    if (segments == 3 && c.adj[0] == 50000) c.adj.clear();  // the default
    return c;
}

SlideXml slide_xml(const PptxSlide& slide, const PptxOptions& opt, Media& media) {
    SlideXml out;
    const Scene& scene = *slide.scene;
    const Rect& b = scene.drawing.bounds;
    Fit fit;
    double aw = double(opt.slide_width - 2 * opt.margin), ah = double(opt.slide_height - 2 * opt.margin);
    if (b.width > 0 && b.height > 0)
        fit.scale = std::min({aw / b.width, ah / b.height, 9525.0 * opt.max_zoom});
    fit.dx = opt.margin + (aw - b.width * fit.scale) / 2 - b.x * fit.scale;
    fit.dy = opt.margin + (ah - b.height * fit.scale) / 2 - b.y * fit.scale;

    std::unique_ptr<diagram::PageIndex> index;
    if (slide.page) index = std::make_unique<diagram::PageIndex>(*slide.page);

    std::ostringstream o;
    o << xml_head << "<p:sld " << ns_decl << "><p:cSld>";
    if (scene.background)
        o << "<p:bg><p:bgPr><a:solidFill><a:srgbClr val=\"" << hex6(*scene.background)
          << "\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>";
    o << "<p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" "
         "name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>"
         "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt "
         "cx=\"0\" "
         "cy=\"0\"/></a:xfrm></p:grpSpPr>";
    long long next_id = 2;
    std::map<std::string, ShapeBox> boxes;
    const long long inset = fit.len(2);

    for (const SceneShape& s : scene.shapes) {
        ShapeBox box;
        box.id = next_id++;
        box.x = fit.x(s.bounds.x), box.y = fit.y(s.bounds.y);
        box.cx = fit.len(s.bounds.width), box.cy = fit.len(s.bounds.height);
        box.rotated = std::abs(s.rotation) > 1e-9;
        const diagram::Cell* cell = index ? index->find(s.cell_id) : nullptr;
        diagram::Style style = cell ? cell->style_or_empty() : diagram::Style{};
        box.preset = preset_for(s.shape, s.rounded);
        std::string rot =
            box.rotated ? " rot=\"" + std::to_string(std::llround(s.rotation * 60000)) + "\"" : "";
        std::string flip;
        if (s.shape == "triangle") {
            std::string dir = style.get_or("direction", "east");
            if (dir == "east")
                rot = " rot=\"" + std::to_string(std::llround((s.rotation + 90) * 60000)) + "\"";
            if (dir == "west")
                rot = " rot=\"" + std::to_string(std::llround((s.rotation - 90 + 360) * 60000)) + "\"";
            if (dir == "south") flip = " flipV=\"1\"";
            if (dir == "east" || dir == "west") {
                // A rotated preset turns about its centre: swap the box so the turned shape fills the bounds.
                long long cxm = box.x + box.cx / 2, cym = box.y + box.cy / 2;
                std::swap(box.cx, box.cy);
                box.x = cxm - box.cx / 2, box.y = cym - box.cy / 2;
            }
            box.rotated = true;
        }
        if (s.shape == "card") flip = " flipH=\"1\"";
        long long swimlane_adj = 0;
        if (s.shape == "swimlane") {
            // The lane body as its own rectangle; the header below carries the fill and the title.
            double start = style.number("startSize", 40);
            bool horizontal = style.flag("horizontal", true);
            // rounded=1: draw.io rounds the lane's outer corners by 3 x arcSize % of the header (mxSwimlane),
            // the body's bottom ones and the header's top ones.
            const double w = s.bounds.width, h = s.bounds.height;
            const double radius =
                !s.rounded ? 0
                : style.flag("absoluteArcSize")
                    ? std::min({w / 2, h / 2, style.number("arcSize", 20) / 2})
                    : std::min({w / 2, h / 2,
                                start * std::clamp(style.number("arcSize", 15), 0.0, 50.0) * 3 / 100});
            auto adj = [](double r, double side1, double side2) {
                return std::clamp<long long>(
                    std::llround(r / std::max(1e-9, std::min(side1, side2)) * 100000), 0, 50000);
            };
            o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << next_id++ << "\" name=\"Lane " << esc(s.cell_id)
              << "\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"" << box.x << "\" y=\""
              << box.y << "\"/><a:ext cx=\"" << box.cx << "\" cy=\"" << box.cy << "\"/></a:xfrm>"
              << (radius > 0 ? "<a:prstGeom prst=\"roundRect\"><a:avLst><a:gd name=\"adj\" fmla=\"val " +
                                   std::to_string(adj(radius, w, h)) + "\"/></a:avLst></a:prstGeom>"
                             : std::string("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"))
              // The body is filled only with swimlaneFillColor, as in draw.io.
              // ("default" is the page's own background, white).
              << fill_props(style.get_or("swimlaneFillColor", "none") == "default"
                                ? std::optional<Color>(Color{255, 255, 255})
                                : parse_color(style.get_or("swimlaneFillColor", "none")),
                            s.opacity * std::clamp(style.number("fillOpacity", 100), 0.0, 100.0) / 100)
              << line_props(s.stroke, s.stroke_width, s.dashed, fit) << "</p:spPr></p:sp>";
            if (horizontal)
                box.cy = std::min(box.cy, fit.len(start));
            else
                box.cx = std::min(box.cx, fit.len(start));
            if (radius > 0 && horizontal) {  // the header's top corners (no connection sites: not glued)
                box.preset = "round2SameRect";
                swimlane_adj = adj(radius, w, std::min(h, start));
            }
        }
        if (s.shape == "image" && !s.image.empty()) {
            // A native picture (p:pic) of the embedded or linked image; a label goes into its own text box.
            auto image = load_image(s.image, opt.base_dir, opt.image_dirs);
            // An SVG goes in as PowerPoint writes it: a PNG fallback (rasterised by librsvg at twice the
            // slide's 96 dpi size) in the blip, the SVG part in its svgBlip extension.
            std::string svg_ext;
            std::optional<ImageData> fallback;
            if (image && image->mime == "image/svg+xml") {
                auto png =
                    svg_to_png(image->bytes, std::clamp(int(std::ceil(double(box.cx) / 9525 * 2)), 1, 4096),
                               std::clamp(int(std::ceil(double(box.cy) / 9525 * 2)), 1, 4096), false);
                if (png) {
                    std::string svg_rid = "rImg" + std::to_string(out.pictures.size() + 1);
                    out.pictures.push_back({svg_rid, "../media/" + media.add(*image)});
                    svg_ext =
                        "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip "
                        "xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" "
                        "r:embed=\"" +
                        svg_rid + "\"/></a:ext></a:extLst>";
                    fallback = ImageData{std::move(png.value()), "image/png", "png"};
                }
            }
            if (image && (image->mime != "image/svg+xml" || fallback)) {
                std::string rid = "rImg" + std::to_string(out.pictures.size() + 1);
                out.pictures.push_back({rid, "../media/" + media.add(fallback ? *fallback : *image)});
                o << "<p:pic><p:nvPicPr><p:cNvPr id=\"" << box.id << "\" name=\"Picture " << box.id
                  << "\" descr=\"draw.io cell " << esc(s.cell_id)
                  << "\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
                  << "<p:blipFill><a:blip r:embed=\"" << rid << "\">" << svg_ext
                  << "</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm" << rot
                  << "><a:off x=\"" << box.x << "\" y=\"" << box.y << "\"/><a:ext cx=\"" << box.cx
                  << "\" cy=\"" << box.cy << "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
                  << line_props(s.stroke, s.stroke_width, s.dashed, fit) << "</p:spPr></p:pic>";
                auto lines = wrapped_lines(s.label, s.label_place);
                if (!plain_text(lines).empty()) {
                    const Rect& lb = s.label_place.box;
                    long long tid = next_id++;
                    o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << tid << "\" name=\"Label " << tid
                      << "\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\""
                      << fit.x(lb.x) << "\" y=\"" << fit.y(lb.y) << "\"/><a:ext cx=\"" << fit.len(lb.width)
                      << "\" cy=\"" << fit.len(lb.height)
                      << "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
                      << "<a:ln><a:noFill/></a:ln></p:spPr>"
                      << text_body(lines, s.align, s.valign, false, fit, 0) << "</p:sp>";
                }
                box.preset.clear();  // connectors stay unglued: pictures have no preset connection sites
                boxes[s.cell_id] = box;
                continue;
            }
        }
        std::string name = s.known ? s.shape : "Unknown " + s.shape;
        o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << box.id << "\" name=\"" << esc(name) << " " << box.id
          << "\" descr=\"draw.io cell " << esc(s.cell_id)
          << "\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm" << rot << flip << "><a:off x=\"" << box.x
          << "\" y=\"" << box.y << "\"/><a:ext cx=\"" << box.cx << "\" cy=\"" << box.cy << "\"/></a:xfrm>";
        if (box.preset.empty()) {
            std::vector<Path> all = s.outline;  // an inline stencil's own drawing
            if (all.empty()) {
                ShapeOutline outline = shape_outline(s.shape, s.bounds, style);
                all = outline.fill_paths;
                all.insert(all.end(), outline.detail_paths.begin(), outline.detail_paths.end());
            }
            if (all.empty()) all.push_back(rect_path(s.bounds));
            o << cust_geom(all, s.bounds, fit);
        } else {
            o << "<a:prstGeom prst=\"" << box.preset << "\"><a:avLst>";
            if (box.preset == "roundRect")
                o << "<a:gd name=\"adj\" fmla=\"val "
                  << round_rect_adj(style, s.bounds.width, s.bounds.height) << "\"/>";
            if (box.preset == "round2SameRect")
                o << "<a:gd name=\"adj1\" fmla=\"val " << swimlane_adj
                  << "\"/><a:gd name=\"adj2\" fmla=\"val 0\"/>";
            o << "</a:avLst></a:prstGeom>";
        }
        // A stencil that draws nothing (draw.io writes some) keeps its box for the label, unpainted.
        const bool blank = s.shape == "stencil" && s.known && s.outline.empty();
        const double fill_alpha = s.opacity * std::clamp(style.number("fillOpacity", 100), 0.0, 100.0) / 100;
        const double line_alpha =
            s.opacity * std::clamp(style.number("strokeOpacity", 100), 0.0, 100.0) / 100;
        o << shape_fill(blank ? std::nullopt : s.fill, style, fill_alpha)
          << line_props(blank ? std::nullopt : s.stroke, s.stroke_width, s.dashed, fit, "", "", line_alpha,
                        dash_preset(style))
          << shadow_props(style) << "</p:spPr>";
        const double text_alpha = s.opacity * std::clamp(style.number("textOpacity", 100), 0.0, 100.0) / 100;
        // Our own line breaks, so PowerPoint's narrower text areas (ellipse, decision) do not re-wrap the
        // label.
        auto lines = wrapped_lines(s.label, s.label_place);
        const Rect& lb = s.label_place.box;
        // A turned label's box is upright (sides swapped about the header's centre): it stays in the shape.
        // A label laid out in no box (an edge's child label) stays in its shape, where draw.io shows it.
        const bool placed_box = lb.width > 0 || lb.height > 0;
        bool outside = placed_box && !s.vertical_label &&
                       (lb.x < s.bounds.x - 1 || lb.y < s.bounds.y - 1 || lb.right() > s.bounds.right() + 1 ||
                        lb.bottom() > s.bounds.bottom() + 1);
        if (!placed_box) lines = s.label;
        o << text_body(outside ? std::vector<Paragraph>{} : lines, s.align, s.valign, false, fit, inset,
                       s.vertical_label, text_alpha)
          << "</p:sp>";
        if (outside && !plain_text(lines).empty()) {
            long long tid = next_id++;
            o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << tid << "\" name=\"Label " << tid
              << "\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"" << fit.x(lb.x)
              << "\" y=\"" << fit.y(lb.y) << "\"/><a:ext cx=\"" << fit.len(lb.width) << "\" cy=\""
              << fit.len(lb.height)
              << "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
              << "<a:ln><a:noFill/></a:ln></p:spPr>"
              << text_body(lines, s.align, s.valign, false, fit, 0, false, text_alpha) << "</p:sp>";
        }
        boxes[s.cell_id] = box;
    }

    for (const SceneEdge& e : scene.edges) {
        if (e.points.size() < 2) continue;
        const diagram::Cell* cell = index ? index->find(e.cell_id) : nullptr;
        diagram::Style style = cell ? cell->style_or_empty() : diagram::Style{};
        std::string edge_style = style.get_or("edgeStyle", "none");
        bool orthogonal = edge_style != "none" && edge_style != "";
        Emu s{fit.x(e.points.front().x), fit.y(e.points.front().y)};
        Emu t{fit.x(e.points.back().x), fit.y(e.points.back().y)};
        // Glue: snap each end to the nearest connection site of the shape it is attached to.
        // An end draw.io puts away from every site (a port such as entryX=0.8 on a bar, a straight edge
        // meeting a long side far from its middle) stays where draw.io draws it, unglued: glued, it would
        // jump to the site.
        auto glue = [&](const std::string& id, Emu& end) -> std::string {
            auto it = boxes.find(id);
            if (id.empty() || it == boxes.end() || it->second.rotated) return "";
            auto sites = sites_of(it->second);
            if (sites.empty()) return "";
            // Near a site: within a quarter of the side it sits on (4 px at least), so a port at 85 % of a
            // long bar is not pulled to the bar's end.
            const ShapeBox& sb = it->second;
            const double mid_x = sb.x + sb.cx / 2.0, mid_y = sb.y + sb.cy / 2.0;
            std::size_t best = 0;
            double best_d = 1e300;
            for (std::size_t i = 0; i < sites.size(); ++i) {
                const double d = std::hypot(double(sites[i].x - end.x), double(sites[i].y - end.y));
                const double side = std::abs(sites[i].y - mid_y) > std::abs(sites[i].x - mid_x)
                                        ? double(sb.cx)
                                        : double(sb.cy);
                if (d <= std::max(double(fit.len(4)), side / 4) && d < best_d) best_d = d, best = i;
            }
            if (best_d == 1e300) return "";
            end = sites[best];
            return "id=\"" + std::to_string(it->second.id) + "\" idx=\"" + std::to_string(best) + "\"";
        };
        std::string st = glue(e.source, s), en = glue(e.target, t);
        std::vector<Emu> route;
        for (const Point& p : e.points) route.push_back({fit.x(p.x), fit.y(p.y)});
        ConnectorShape cs =
            connector_shape(std::move(route), s, t, orthogonal, !st.empty() || !en.empty() || e.curved);
        long long id = next_id++;
        const bool freeform = cs.prst.empty();
        if (freeform) {
            // LibreOffice draws any p:cxnSp as its own connector (a custGeom one as a straight line), so a
            // route with more than 4 bends is a free-form line shape: exact in both, editable points, not
            // glued.
            o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << id << "\" name=\"Connector line " << id
              << "\" descr=\"draw.io cell " << esc(e.cell_id)
              << "\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm";
        } else {
            o << "<p:cxnSp><p:nvCxnSpPr><p:cNvPr id=\"" << id << "\" name=\"Connector " << id
              << "\" descr=\"draw.io cell " << esc(e.cell_id) << "\"/><p:cNvCxnSpPr>";
            if (!st.empty()) o << "<a:stCxn " << st << "/>";
            if (!en.empty()) o << "<a:endCxn " << en << "/>";
            o << "</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm";
        }
        if (cs.rot90) o << " rot=\"5400000\"";
        if (cs.flip_h) o << " flipH=\"1\"";
        if (cs.flip_v) o << " flipV=\"1\"";
        o << "><a:off x=\"" << cs.off.x << "\" y=\"" << cs.off.y << "\"/><a:ext cx=\"" << cs.cx << "\" cy=\""
          << cs.cy << "\"/></a:xfrm>";
        if (cs.prst.empty()) {
            o << "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" "
                 "b=\"b\"/>"
              << "<a:pathLst><a:path w=\"" << cs.cx << "\" h=\"" << cs.cy << "\">";
            for (std::size_t i = 0; i < cs.local.size(); ++i)
                o << (i ? "<a:lnTo>" : "<a:moveTo>") << "<a:pt x=\"" << cs.local[i].x << "\" y=\""
                  << cs.local[i].y << "\"/>" << (i ? "</a:lnTo>" : "</a:moveTo>");
            o << "</a:path></a:pathLst></a:custGeom>";
        } else {
            // A curved edge keeps its route's box with the curved twin of the elbow preset.
            std::string prst = cs.prst;
            if (e.curved && prst.starts_with("bentConnector")) prst = "curvedConnector" + prst.substr(13);
            o << "<a:prstGeom prst=\"" << prst << "\"><a:avLst>";
            for (std::size_t i = 0; i < cs.adj.size(); ++i)
                o << "<a:gd name=\"adj" << i + 1 << "\" fmla=\"val " << cs.adj[i] << "\"/>";
            o << "</a:avLst></a:prstGeom>";
        }
        o << (freeform ? "<a:noFill/>" : "")
          << line_props(e.stroke, e.stroke_width, e.dashed, fit,
                        arrow_type(e.start_arrow, style.flag("startFill", true)),
                        arrow_type(e.end_arrow, style.flag("endFill", true)),
                        std::clamp(style.number("opacity", 100), 0.0, 100.0) / 100 *
                            std::clamp(style.number("strokeOpacity", 100), 0.0, 100.0) / 100,
                        dash_preset(style))
          << "</p:spPr>" << (freeform ? "</p:sp>" : "</p:cxnSp>");
        // The edge's own label as a text box centred on its anchor.
        if (!plain_text(e.label).empty()) {
            PlacedLabel placed = place_label(
                e.label, {{e.label_at.x, e.label_at.y, 0, 0}, HAlign::center, VAlign::middle, false});
            Rect r = placed.bounds;
            r.x -= 3, r.width += 6;
            long long tid = next_id++;
            o << "<p:sp><p:nvSpPr><p:cNvPr id=\"" << tid << "\" name=\"Label " << tid
              << "\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"" << fit.x(r.x)
              << "\" y=\"" << fit.y(r.y) << "\"/><a:ext cx=\"" << fit.len(r.width) << "\" cy=\""
              << fit.len(r.height) << "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
              << fill_props(label_background(style)) << "<a:ln><a:noFill/></a:ln></p:spPr>"
              << text_body(e.label, HAlign::center, VAlign::middle, false, fit, 0) << "</p:sp>";
        }
    }
    o << "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";
    out.xml = o.str();
    out.notes = notes_text(slide);
    return out;
}

SlideXml native_slide_xml(const PptxSlide& slide) {
    SlideXml out;
    out.xml =
        std::string(xml_head) + "<p:sld " + ns_decl +
        "><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/>"
        "<a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>" +
        slide.shapes + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";
    out.notes = notes_text(slide);
    return out;
}

std::string notes_xml(const std::string& text) {
    std::ostringstream o;
    o << xml_head << "<p:notes " << ns_decl << "><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/>"
      << "<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
      << "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Notes\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
      << "<p:nvPr><p:ph type=\"body\" "
         "idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>";
    std::size_t at = 0;
    while (true) {
        auto nl = text.find('\n', at);
        std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        o << "<a:p><a:r><a:rPr lang=\"en-US\"/><a:t>" << esc(line) << "</a:t></a:r></a:p>";
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
    o << "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>";
    return o.str();
}

std::string rels(const std::vector<std::pair<std::string, std::string>>& items) {
    std::ostringstream o;
    o << xml_head << "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    int n = 0;
    for (const auto& [type, target] : items)
        o << "<Relationship Id=\"rId" << ++n << "\" Type=\""
          << (type.find("://") == std::string::npos ? rel_ns : "") << type << "\" Target=\"" << target
          << "\"/>";
    o << "</Relationships>";
    return o.str();
}

}  // namespace

std::string preset_for(const std::string& shape, bool rounded) {
    static const std::map<std::string, std::string> presets = {
        {"rect", "rect"},
        {"ellipse", "ellipse"},
        {"doubleEllipse", "ellipse"},
        {"rhombus", "flowChartDecision"},
        {"triangle", "triangle"},
        {"hexagon", "hexagon"},
        {"parallelogram", "parallelogram"},
        {"trapezoid", "flowChartManualOperation"},
        {"cylinder", "can"},
        {"document", "flowChartDocument"},
        {"process", "flowChartPredefinedProcess"},
        {"card", "snip1Rect"},
        {"step", "chevron"},
        {"cloud", "cloud"},
        {"terminator", "flowChartTerminator"},
        {"ext", "flowChartTerminator"},
        {"swimlane", "rect"},
        {"text", "rect"},
        {"image", "rect"},
        {"group", "rect"},
        {"manualInput", "flowChartManualInput"},
        {"callout", "wedgeRectCallout"},
    };
    if (shape == "rect" && rounded) return "roundRect";
    auto it = presets.find(shape);
    return it == presets.end() ? "" : it->second;
}

Result<std::string> write_pptx(const std::vector<PptxSlide>& slides, const PptxOptions& options) {
    if (slides.empty()) return make_error(ErrorCode::unsupported, "no page to export");
    ZipWriter zip;
    Media media;
    const std::string ct_base = "application/vnd.openxmlformats-officedocument.presentationml.";
    std::ostringstream types;
    types << xml_head << "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          << "<Default Extension=\"rels\" "
             "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          << "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          << "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"" << ct_base
          << "presentation.main+xml\"/>"
          << "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"" << ct_base
          << "slideMaster+xml\"/>"
          << "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"" << ct_base
          << "slideLayout+xml\"/>"
          << "<Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"" << ct_base
          << "notesMaster+xml\"/>"
          << "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-"
             "officedocument.theme+xml\"/>"
          << "<Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"application/vnd.openxmlformats-"
             "officedocument.theme+xml\"/>"
          << "<Override PartName=\"/docProps/core.xml\" "
             "ContentType=\"application/vnd.openxmlformats-package.core-"
             "properties+xml\"/>";
    std::ostringstream pres;
    pres << xml_head << "<p:presentation " << ns_decl << " saveSubsetFonts=\"1\">"
         << "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
         << "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId3\"/></p:notesMasterIdLst><p:sldIdLst>";
    std::vector<std::pair<std::string, std::string>> pres_rels = {
        {"slideMaster", "slideMasters/slideMaster1.xml"},
        {"theme", "theme/theme1.xml"},
        {"notesMaster", "notesMasters/notesMaster1.xml"}};
    std::size_t chart_count = 0;
    for (std::size_t i = 0; i < slides.size(); ++i) {
        if (!slides[i].scene && slides[i].shapes.empty())
            return make_error(ErrorCode::unsupported, "slide without a rendered page");
        const std::string n = std::to_string(i + 1);
        SlideXml sx = slides[i].scene ? slide_xml(slides[i], options, media) : native_slide_xml(slides[i]);
        pres_rels.push_back({"slide", "slides/slide" + n + ".xml"});
        pres << "<p:sldId id=\"" << 256 + i << "\" r:id=\"rId" << pres_rels.size() << "\"/>";
        types << "<Override PartName=\"/ppt/slides/slide" << n << ".xml\" ContentType=\"" << ct_base
              << "slide+xml\"/>";
        std::vector<std::pair<std::string, std::string>> srels = {
            {"slideLayout", "../slideLayouts/slideLayout1.xml"}};
        if (!sx.notes.empty()) {
            srels.push_back({"notesSlide", "../notesSlides/notesSlide" + n + ".xml"});
            types << "<Override PartName=\"/ppt/notesSlides/notesSlide" << n << ".xml\" ContentType=\""
                  << ct_base << "notesSlide+xml\"/>";
            zip.add("ppt/notesSlides/notesSlide" + n + ".xml", notes_xml(sx.notes));
            zip.add("ppt/notesSlides/_rels/notesSlide" + n + ".xml.rels",
                    rels({{"notesMaster", "../notesMasters/notesMaster1.xml"},
                          {"slide", "../slides/slide" + n + ".xml"}}));
        }
        zip.add("ppt/slides/slide" + n + ".xml", std::move(sx.xml));
        std::string slide_rels = rels(srels);
        if (!sx.pictures.empty()) {
            std::string pics;
            for (const auto& [rid, target] : sx.pictures)
                pics += "<Relationship Id=\"" + rid + "\" Type=\"" + rel_ns + "image\" Target=\"" + target +
                        "\"/>";
            slide_rels.insert(slide_rels.rfind("</Relationships>"), pics);
        }
        for (const PptxChart& chart : slides[i].charts) {
            const std::string k = std::to_string(++chart_count);
            slide_rels.insert(slide_rels.rfind("</Relationships>"),
                              "<Relationship Id=\"" + chart.rid + "\" Type=\"" + rel_ns +
                                  "chart\" Target=\"../charts/chart" + k + ".xml\"/>");
            zip.add("ppt/charts/chart" + k + ".xml", chart.chart_xml);
            zip.add("ppt/charts/_rels/chart" + k + ".xml.rels",
                    rels({{"package", "../embeddings/Microsoft_Excel_Worksheet" + k + ".xlsx"}}));
            zip.add("ppt/embeddings/Microsoft_Excel_Worksheet" + k + ".xlsx", chart.workbook);
            types << "<Override PartName=\"/ppt/charts/chart" << k
                  << ".xml\" "
                     "ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>";
        }
        zip.add("ppt/slides/_rels/slide" + n + ".xml.rels", std::move(slide_rels));
    }
    pres << "</p:sldIdLst><p:sldSz cx=\"" << options.slide_width << "\" cy=\"" << options.slide_height
         << "\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>";
    for (const auto& [name, bytes] : media.parts) zip.add("ppt/media/" + name, bytes);
    std::string defaults;
    if (chart_count)
        defaults +=
            "<Default Extension=\"xlsx\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>";
    for (const auto& [ext, mime] : media.extensions)
        defaults += "<Default Extension=\"" + ext + "\" ContentType=\"" + mime + "\"/>";
    std::string types_xml = types.str();
    types_xml.insert(types_xml.find("<Default Extension=\"xml\""), defaults);
    types.str(types_xml);
    types.seekp(0, std::ios_base::end);
    types << "</Types>";
    zip.add("[Content_Types].xml", types.str());
    zip.add("_rels/.rels",
            rels({{"officeDocument", "ppt/presentation.xml"},
                  {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                   "docProps/core.xml"}}));
    zip.add("docProps/core.xml",
            std::string(xml_head) +
                "<cp:coreProperties "
                "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
                esc(slides.front().title) +
                "</dc:title><dc:creator>Journey Studio</dc:creator></cp:coreProperties>");
    zip.add("ppt/presentation.xml", pres.str());
    zip.add("ppt/_rels/presentation.xml.rels", rels(pres_rels));
    zip.add("ppt/slideMasters/slideMaster1.xml", pptx_parts::slide_master);
    zip.add("ppt/slideMasters/_rels/slideMaster1.xml.rels",
            rels({{"slideLayout", "../slideLayouts/slideLayout1.xml"}, {"theme", "../theme/theme1.xml"}}));
    zip.add("ppt/slideLayouts/slideLayout1.xml", pptx_parts::slide_layout);
    zip.add("ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            rels({{"slideMaster", "../slideMasters/slideMaster1.xml"}}));
    zip.add("ppt/notesMasters/notesMaster1.xml", pptx_parts::notes_master);
    zip.add("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels({{"theme", "../theme/theme2.xml"}}));
    zip.add("ppt/theme/theme1.xml", pptx_parts::theme);
    zip.add("ppt/theme/theme2.xml", pptx_parts::theme);
    return zip.finish();
}

}  // namespace jstudio::exporters
