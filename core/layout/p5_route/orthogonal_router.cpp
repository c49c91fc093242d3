#include "core/layout/p5_route/orthogonal_router.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/layout/p1_cycles/dfs_cycle_breaker.hpp"
#include "core/layout/p2_layers/longest_path_layerer.hpp"

namespace jstudio::layout {

namespace {

constexpr double straight_tolerance = 0.05;
constexpr double same_x = 0.5;
constexpr int overlap_cost = 1000;

bool strictly_inside(double x, double a, double b) {
    const double lo = std::min(a, b), hi = std::max(a, b);
    return x > lo + 1e-6 && x < hi - 1e-6;
}

// Decisions (rhombus, ellipse) meet every edge at the middle of a side. An edge that jogs far to the left
// (right) right below such a node leaves by its left (right) corner instead and turns down once, as
// flowcharts are drawn; one that jogs right above it comes down beside it and enters by that corner. One
// bend instead of two, and the edges no longer share the apex stub. Only the outermost such edge per corner,
// and only where the run to its column is free of every other node of the layer (dummies included, so no
// crossing is added).
void use_decision_corners(LayeredGraph& graph, const std::vector<double>& band_top,
                          const std::vector<double>& band_height) {
    struct Choice {
        int edge = -1;
        double x = 0;
    };
    const int layer_count = static_cast<int>(band_top.size());
    std::vector<std::array<bool, 2>> taken(graph.real_count, {false, false});  // left, right corner in use
    for (const bool leaving : {true, false}) {
        std::vector<std::pair<Choice, Choice>> sides(graph.real_count);
        for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e) {
            const auto& edge = graph.edges[e];
            if (!graph.is_layered(e) || edge.points.size() < 4) continue;
            const int u = leaving ? edge.upper() : edge.lower();
            const auto& node = graph.nodes[u];
            if (!node.center_ports) continue;
            const auto& p = edge.points;
            const std::size_t n = p.size();
            // The jog next to the node: down, across, down.
            const XY &a = leaving ? p[0] : p[n - 4], &b = leaving ? p[1] : p[n - 3],
                     &c = leaving ? p[2] : p[n - 2], &d = leaving ? p[3] : p[n - 1];
            const bool jog =
                std::abs(a.x - b.x) < 1e-9 && std::abs(b.y - c.y) < 1e-9 && std::abs(c.x - d.x) < 1e-9;
            if (!jog) continue;
            // ... in the gap right below (above) the node, not after a straight run past other layers.
            const int l = node.layer;
            if (leaving && (l + 1 >= layer_count || b.y > band_top[l + 1])) continue;
            if (!leaving && (l == 0 || b.y < band_top[l - 1] + band_height[l - 1])) continue;
            const double x = leaving ? c.x : b.x;
            if (x < node.x - node.width / 2 - 1) {
                auto& choice = sides[u].first;
                if (choice.edge < 0 || x < choice.x) choice = {e, x};
            } else if (x > node.x + node.width / 2 + 1 && node.right_margin == 0) {
                auto& choice = sides[u].second;
                if (choice.edge < 0 || x > choice.x) choice = {e, x};
            }
        }
        for (int u = 0; u < graph.real_count; ++u)
            for (const Choice& c : {sides[u].first, sides[u].second}) {
                if (c.edge < 0) continue;
                const auto& node = graph.nodes[u];
                const bool left = c.x < node.x;
                if (taken[u][left ? 0 : 1]) continue;
                const double corner = left ? node.x - node.width / 2 : node.x + node.width / 2;
                const double lo = std::min(corner, c.x) - 1, hi = std::max(corner, c.x) + 1;
                bool free = true;
                for (int w : graph.layers[node.layer]) {
                    if (w == u) continue;
                    const auto& other = graph.nodes[w];
                    if (other.x + other.width / 2 + other.right_margin >= lo &&
                        other.x - other.width / 2 - other.left_margin <= hi) {
                        free = false;
                        break;
                    }
                }
                if (!free) continue;
                auto& p = graph.edges[c.edge].points;
                const double y = node.y + node.height / 2;
                std::vector<XY> route;
                if (leaving) {
                    route = {{corner, y}, {c.x, y}};
                    route.insert(route.end(), p.begin() + 3, p.end());
                } else {
                    route.assign(p.begin(), p.end() - 3);
                    route.push_back({c.x, y});
                    route.push_back({corner, y});
                }
                p = std::move(route);
                taken[u][left ? 0 : 1] = true;
            }
    }
}

// Two segments of one gap that swap places (each leaves where the other arrives) run on top of each other for
// a stretch whichever track goes first. Moving one of the four ends a little along its node's side keeps
// them apart. Only an end on a real node with spread ports moves: dummies carry a long edge's straight line,
// decisions meet every edge at the apex. The step stays under a third of the port spacing, so the node's
// ports keep their order and no crossing is added.
void separate_swapped_ends(LayeredGraph& graph, const std::vector<int>& ids, std::vector<Span>& spans,
                           std::size_t first, double step) {
    auto key = [](double x) { return std::llround(x * 2); };
    std::map<long long, std::vector<int>> leaving;
    for (std::size_t i = 0; i < ids.size(); ++i)
        leaving[key(spans[first + i].from)].push_back(static_cast<int>(i));
    auto taken = [&](double x) {
        for (const auto& s : spans)
            if (std::abs(s.from - x) < same_x || std::abs(s.to - x) < same_x) return true;
        return false;
    };
    // Moves the lower (or upper) end of span i toward its other end; false when that end may not move.
    auto nudge = [&](int i, bool lower) {
        auto& seg = graph.segments[ids[i]];
        const int v = lower ? seg.lower : seg.upper;
        const auto& node = graph.nodes[v];
        if (node.is_dummy() || node.center_ports) return false;
        const auto ports = (lower ? graph.up[v] : graph.down[v]).size();
        const double delta = std::min(step, node.width / static_cast<double>(ports + 1) / 3);
        auto& span = spans[first + i];
        const double here = lower ? span.to : span.from, there = lower ? span.from : span.to;
        double& port = lower ? seg.lower_port : seg.upper_port;
        const double moved = port + (there > here ? delta : -delta);
        const double x = here + (moved - port);
        if (std::abs(moved) > node.width / 2 - 1 || taken(x)) return false;
        port = moved;
        (lower ? span.to : span.from) = x;
        return true;
    };
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Span& a = spans[first + i];
        for (long long k = key(a.to) - 1; k <= key(a.to) + 1; ++k) {
            const auto found = leaving.find(k);
            if (found == leaving.end()) continue;
            for (int j : found->second) {
                const Span& b = spans[first + j];
                if (j == static_cast<int>(i) || std::abs(b.from - a.to) >= same_x ||
                    std::abs(b.to - a.from) >= same_x)
                    continue;
                const int ii = static_cast<int>(i);
                if (!nudge(ii, true)) nudge(j, true) || nudge(ii, false) || nudge(j, false);
            }
        }
    }
}

}  // namespace

std::vector<int> assign_tracks(const std::vector<Span>& spans) {
    const int n = static_cast<int>(spans.size());
    std::vector<int> by_left(n);
    for (int i = 0; i < n; ++i) by_left[i] = i;
    auto lo = [&](int i) { return std::min(spans[i].from, spans[i].to); };
    auto hi = [&](int i) { return std::max(spans[i].from, spans[i].to); };
    std::sort(by_left.begin(), by_left.end(),
              [&](int a, int b) { return lo(a) != lo(b) ? lo(a) < lo(b) : a < b; });
    std::vector<std::pair<int, int>> above;  // first is drawn above second
    std::vector<std::pair<int, int>> ties;   // no order is better
    for (int a = 0; a < n; ++a) {
        const int i = by_left[a];
        for (int b = a + 1; b < n && lo(by_left[b]) <= hi(i) + 1.0; ++b) {
            const int j = by_left[b];
            // i above j: i's lower vertical crosses j's track, j's upper vertical crosses i's track.
            int i_first = strictly_inside(spans[i].to, spans[j].from, spans[j].to) +
                          strictly_inside(spans[j].from, spans[i].from, spans[i].to);
            int j_first = strictly_inside(spans[j].to, spans[i].from, spans[i].to) +
                          strictly_inside(spans[i].from, spans[j].from, spans[j].to);
            // Where one segment's lower vertical and the other's upper vertical share an x, the wrong order
            // makes them run on top of each other: that costs more than any crossing.
            if (std::abs(spans[i].to - spans[j].from) < same_x) i_first += overlap_cost;
            if (std::abs(spans[j].to - spans[i].from) < same_x) j_first += overlap_cost;
            if (i_first < j_first)
                above.emplace_back(i, j);
            else if (j_first < i_first)
                above.emplace_back(j, i);
            else
                ties.emplace_back(i, j);
        }
    }
    // Preferences first, cycles broken by DFS; pairs either order suits (ties) then follow a topological
    // order of the preferences, so a tie never forces a preference to be dropped.
    const auto back = dfs_back_edges(n, above);
    for (std::size_t e = 0; e < above.size(); ++e)
        if (back[e]) std::swap(above[e].first, above[e].second);
    const auto rank = longest_path_layers(n, above);
    for (auto [i, j] : ties)
        above.emplace_back(rank[i] < rank[j] || (rank[i] == rank[j] && i < j) ? std::pair{i, j}
                                                                              : std::pair{j, i});
    return longest_path_layers(n, above);
}

// A node's edges leaving down into one gap share one track (a bus, as org charts and site maps are drawn)
// where no other edge's line on that track overlaps the bus; then, likewise, the edges arriving at one node
// from one gap (fan-in) that no bus took yet. One track instead of one per edge, so a wide fan-out or fan-in
// no longer makes its gap as tall as its edge count. Tracks left empty are then dropped.
void bundle(const LayeredGraph& graph, const std::vector<int>& ids, const std::vector<Span>& spans,
            std::size_t first, std::vector<int>& tracks, bool fan_in, std::vector<char>& bundled) {
    std::map<int, std::vector<std::size_t>> groups;  // the shared end -> span indices
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (bundled[first + i]) continue;
        const int end = fan_in ? graph.segments[ids[i]].lower : graph.segments[ids[i]].upper;
        if (!graph.nodes[end].is_dummy()) groups[end].push_back(first + i);
    }
    auto lo = [&](std::size_t i) { return std::min(spans[i].from, spans[i].to); };
    auto hi = [&](std::size_t i) { return std::max(spans[i].from, spans[i].to); };
    // The shared end's side of a span (its port) and the other side.
    auto near = [&](std::size_t i) { return fan_in ? spans[i].to : spans[i].from; };
    auto far = [&](std::size_t i) { return fan_in ? spans[i].from : spans[i].to; };
    std::vector<int> group_of(spans.size(), -1);
    for (const auto& [end, members] : groups)
        for (std::size_t i : members) group_of[i] = end;
    for (const auto& [end, members] : groups) {
        if (members.size() < 2) continue;
        double left = lo(members.front()), right = hi(members.front());
        for (std::size_t i : members) left = std::min(left, lo(i)), right = std::max(right, hi(i));
        // Only where the bus changes no crossing: the members meet the shared end in the order of their other
        // ends (so they do not cross one another on it), and every other line the bus reaches has all members
        // on one side of its track (so the bus, on one of the members' tracks, stays on that side).
        std::vector<std::size_t> by_port(members);
        std::sort(by_port.begin(), by_port.end(), [&](std::size_t a, std::size_t b) {
            return near(a) != near(b) ? near(a) < near(b) : far(a) < far(b);
        });
        bool safe = true;
        for (std::size_t k = 1; k < by_port.size() && safe; ++k)
            safe = far(by_port[k - 1]) <= far(by_port[k]);
        for (std::size_t j = 0; j < spans.size() && safe; ++j) {
            if (group_of[j] == end || lo(j) >= right + 1 || hi(j) <= left - 1) continue;
            bool above = false, below = false;
            for (std::size_t i : members) (tracks[i] < tracks[j] ? above : below) = true;
            safe = !(above && below);
        }
        if (!safe) continue;
        // The bus takes the members' lowest track that no other line overlaps within the bus's reach.
        std::vector<int> candidates;
        for (std::size_t i : members) candidates.push_back(tracks[i]);
        std::sort(candidates.begin(), candidates.end());
        for (int track : candidates) {
            bool free = true;
            for (std::size_t j = 0; j < spans.size() && free; ++j)
                if (group_of[j] != end && tracks[j] == track && lo(j) < right + 1 && hi(j) > left - 1)
                    free = false;
            if (!free) continue;
            for (std::size_t i : members) tracks[i] = track, bundled[i] = 1;
            break;
        }
    }
    // Drop the tracks no line uses any more, keeping the order of the others.
    std::vector<int> used;
    for (int t : tracks) used.push_back(t);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int& t : tracks) t = static_cast<int>(std::lower_bound(used.begin(), used.end(), t) - used.begin());
}

void OrthogonalRouter::run(LayeredGraph& graph, LayoutContext& ctx) {
    const int layer_count = static_cast<int>(graph.layers.size());
    // Flat edges (both ends in one layer, from rank constraints): straight across when nothing but edges
    // stands between the two nodes, else down (or up, on the last layer) to a track in the next gap and back.
    struct Flat {
        int edge, gap = -1;  // gap -1: straight across
        bool below = true;
        double from = 0, to = 0;
        int track = 0;
    };
    std::vector<Flat> flats;
    {
        const auto pos = graph.positions();
        for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e) {
            if (!graph.edges[e].flat) continue;
            const int s = graph.edges[e].source, t = graph.edges[e].target;
            const int l = graph.nodes[s].layer;
            Flat f{e};
            bool blocked = false;
            for (int i = std::min(pos[s], pos[t]) + 1; i < std::max(pos[s], pos[t]); ++i)
                blocked |= !graph.nodes[graph.layers[l][i]].is_dummy();
            if (blocked) f.gap = l;  // the last layer gets a gap below it for these
            auto port = [&](int v, int toward) {
                const auto& n = graph.nodes[v];
                const double dir = graph.nodes[toward].x >= n.x ? 1 : -1;
                return n.x + dir * (n.width / 2 - std::min(10.0, n.width / 4));
            };
            f.from = port(s, t);
            f.to = port(t, s);
            flats.push_back(f);
        }
    }
    // Tracks per gap (gap l lies below layer l).
    std::vector<int> track_of(graph.segments.size(), -1);
    std::vector<int> tracks_in_gap(std::max(0, layer_count), 0);
    for (int l = 0; l < layer_count; ++l) {
        std::vector<int> ids;
        std::vector<Span> spans;
        std::vector<int> flat_ids;
        for (int i = 0; i < static_cast<int>(flats.size()); ++i)
            if (flats[i].gap == l) {
                flat_ids.push_back(i);
                spans.push_back({flats[i].from, flats[i].to});
            }
        for (int v : graph.layers[l])
            for (int s : graph.down[v]) {
                auto& seg = graph.segments[s];
                const double from = graph.nodes[seg.upper].x + seg.upper_port;
                const double to = graph.nodes[seg.lower].x + seg.lower_port;
                if (std::abs(from - to) < straight_tolerance) continue;
                ids.push_back(s);
                spans.push_back({from, to});
            }
        separate_swapped_ends(graph, ids, spans, flat_ids.size(), ctx.edge_spacing / 2);
        auto tracks = assign_tracks(spans);
        std::vector<char> bundled(spans.size(), 0);
        bundle(graph, ids, spans, flat_ids.size(), tracks, false, bundled);
        bundle(graph, ids, spans, flat_ids.size(), tracks, true, bundled);
        for (std::size_t i = 0; i < flat_ids.size(); ++i) {
            flats[flat_ids[i]].track = tracks[i];
            tracks_in_gap[l] = std::max(tracks_in_gap[l], tracks[i] + 1);
        }
        for (std::size_t i = 0; i < ids.size(); ++i) {
            track_of[ids[i]] = tracks[flat_ids.size() + i];
            tracks_in_gap[l] = std::max(tracks_in_gap[l], tracks[flat_ids.size() + i] + 1);
        }
    }
    // Label room per gap: the gaps next to a labelled edge's ends (where its label is placed first).
    // Two labelled edges at one side of a node (a loop back next to the way on, yes/no of a decision) get
    // room for two labels one above the other, as their lines are often too close for them side by side.
    std::vector<double> label_room(std::max(0, layer_count), 0);
    std::vector<int> labelled_ends(graph.nodes.size(), 0);  // per node: labelled edges at its bottom / top
    std::vector<int> labelled_tops(graph.nodes.size(), 0);
    for (const auto& seg : graph.segments) {
        const double extent = graph.edges[seg.edge].label_extent;
        if (extent <= 0) continue;
        const auto& edge = graph.edges[seg.edge];
        if (seg.upper == edge.upper() || seg.lower == edge.lower()) {
            const int l = graph.nodes[seg.upper].layer;
            const int stacked = std::max(++labelled_ends[seg.upper], ++labelled_tops[seg.lower]) >= 2 ? 2 : 1;
            label_room[l] = std::max(label_room[l], stacked * extent + (stacked - 1) * ctx.label_margin);
        }
    }
    // Bands and gaps.
    std::vector<double> band_top(layer_count, 0), band_height(layer_count, 0), gap(layer_count, 0);
    double y = 0;
    for (int l = 0; l < layer_count; ++l) {
        // A node's band holds what its decorations reach above and below it too.
        for (int v : graph.layers[l]) {
            const auto& n = graph.nodes[v];
            band_height[l] = std::max(band_height[l], n.top_margin + n.height + n.bottom_margin);
        }
        band_top[l] = y;
        if (l + 1 < layer_count || tracks_in_gap[l] > 0) {
            gap[l] = std::max(ctx.layer_spacing, (tracks_in_gap[l] + 1) * ctx.track_spacing);
            // A labelled edge needs a free stretch of line as long as its label: straight through the gap,
            // or between a node and the tracks when it jogs.
            if (label_room[l] > 0) {
                const double used = std::max(0, tracks_in_gap[l] - 1) * ctx.track_spacing;
                const double stub = label_room[l] + 2 * ctx.label_margin;
                gap[l] = std::max(gap[l], tracks_in_gap[l] > 0 ? used + 2 * stub : stub);
            }
        }
        y += band_height[l] + gap[l];
        for (int v : graph.layers[l]) {
            auto& n = graph.nodes[v];
            n.y =
                band_top[l] + n.top_margin + (band_height[l] - n.top_margin - n.height - n.bottom_margin) / 2;
        }
    }
    auto track_y = [&](int l, int track) {
        const double used = (tracks_in_gap[l] - 1) * ctx.track_spacing;
        return band_top[l] + band_height[l] + (gap[l] - used) / 2 + track * ctx.track_spacing;
    };
    // Segments of each edge, top to bottom.
    std::vector<std::vector<int>> segs_of(graph.edges.size());
    for (int s = 0; s < static_cast<int>(graph.segments.size()); ++s)
        segs_of[graph.segments[s].edge].push_back(s);
    for (int e = 0; e < static_cast<int>(graph.edges.size()); ++e) {
        auto& edge = graph.edges[e];
        edge.points.clear();
        if (graph.is_self_loop(e)) {
            const auto& n = graph.nodes[edge.source];
            int index = 0;  // nest several loops on one node
            for (int f = 0; f < e; ++f)
                if (graph.is_self_loop(f) && graph.edges[f].source == edge.source) ++index;
            const double right = n.x + n.width / 2, out = right + ctx.edge_spacing * (index + 1);
            const double top = n.y + n.height * (0.3 - 0.05 * index),
                         bottom = n.y + n.height * (0.7 + 0.05 * index);
            edge.points = {{right, top}, {out, top}, {out, bottom}, {right, bottom}};
            continue;
        }
        if (edge.flat) continue;
        auto& segs = segs_of[e];
        std::sort(segs.begin(), segs.end(), [&](int a, int b) {
            return graph.nodes[graph.segments[a].upper].layer < graph.nodes[graph.segments[b].upper].layer;
        });
        std::vector<XY> pts;
        for (int s : segs) {
            const auto& seg = graph.segments[s];
            const auto& upper = graph.nodes[seg.upper];
            const auto& lower = graph.nodes[seg.lower];
            // Carry the x along a chain so a straight run never jogs by a rounding difference.
            const double from = pts.empty() ? upper.x + seg.upper_port : pts.back().x;
            double to = lower.x + seg.lower_port;
            if (pts.empty()) pts.push_back({from, upper.y + upper.height});
            if (track_of[s] >= 0) {
                const double ty = track_y(upper.layer, track_of[s]);
                pts.push_back({from, ty});
                pts.push_back({to, ty});
            } else {
                to = from;  // straight within tolerance: keep it vertical
            }
            if (!lower.is_dummy()) pts.push_back({to, lower.y});
        }
        // Drop points where the line goes straight on.
        std::vector<XY> clean;
        for (const auto& p : pts) {
            if (!clean.empty() && std::abs(clean.back().x - p.x) < 1e-9 &&
                std::abs(clean.back().y - p.y) < 1e-9)
                continue;
            if (clean.size() >= 2) {
                const auto& a = clean[clean.size() - 2];
                const auto& b = clean.back();
                const bool vertical = std::abs(a.x - b.x) < 1e-9 && std::abs(b.x - p.x) < 1e-9;
                const bool horizontal = std::abs(a.y - b.y) < 1e-9 && std::abs(b.y - p.y) < 1e-9;
                if (vertical || horizontal) clean.pop_back();
            }
            clean.push_back(p);
        }
        edge.points = std::move(clean);  // top to bottom for now
    }
    use_decision_corners(graph, band_top, band_height);
    for (auto& edge : graph.edges)
        if (edge.reversed && !edge.flat) std::reverse(edge.points.begin(), edge.points.end());
    for (const auto& f : flats) {
        auto& edge = graph.edges[f.edge];
        const auto& s = graph.nodes[edge.source];
        const auto& t = graph.nodes[edge.target];
        if (f.gap < 0) {
            const int l = s.layer;
            const double mid = band_top[l] + band_height[l] / 2, dir = t.x >= s.x ? 1 : -1;
            edge.points = {{s.x + dir * s.width / 2, mid}, {t.x - dir * t.width / 2, mid}};
            continue;
        }
        const double ty = track_y(f.gap, f.track);
        const double sy = f.below ? s.y + s.height : s.y, ey = f.below ? t.y + t.height : t.y;
        edge.points = {{f.from, sy}, {f.from, ty}, {f.to, ty}, {f.to, ey}};
    }
}

}  // namespace jstudio::layout
