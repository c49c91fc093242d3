#include "core/layout/p4_place/brandes_koepf_placer.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace jstudio::layout {

namespace {

// One lane (or the whole graph) placed by Brandes & Köpf.
class BkLane {
  public:
    BkLane(LayeredGraph& g, const LayoutContext& ctx, const LaneView& view)
        : m_g(g), m_ctx(ctx), m_view(view), m_pos(g.nodes.size(), -1) {
        for (const auto& layer : view.layers)
            for (int i = 0; i < static_cast<int>(layer.size()); ++i) m_pos[layer[i]] = i;
    }

    // The feasible passes, narrowest first (never empty: the packed layout when no pass is feasible), and
    // the balanced layout (empty when it breaks a separation).
    struct Candidates {
        std::vector<std::vector<double>> passes;
        std::vector<double> balanced;
    };
    Candidates candidates() {
        mark_conflicts();
        std::array<std::vector<double>, 4> xs;
        for (int pass = 0; pass < 4; ++pass) xs[pass] = align_and_compact(pass & 1, pass & 2);
        return choose(xs);
    }

  private:
    bool is_inner(const Link& link, int v) const {
        return m_g.nodes[v].is_dummy() && m_g.nodes[link.other].is_dummy();
    }

    // Type-1 conflicts: a segment with a real end that crosses an inner segment (dummy to dummy) is never
    // aligned, so long edges stay straight (BK's Alg. 1, on the lane's order).
    void mark_conflicts() {
        m_marked.assign(m_g.segments.size(), 0);
        const auto& layers = m_view.layers;
        auto inner_above = [&](int v) -> const Link* {
            for (const auto& link : m_view.above[v])
                if (is_inner(link, v)) return &link;
            return nullptr;
        };
        for (int l = 0; l + 1 < static_cast<int>(layers.size()); ++l) {
            const auto& upper = layers[l];
            const auto& lower = layers[l + 1];
            int k0 = 0, next = 0;
            for (int l1 = 0; l1 < static_cast<int>(lower.size()); ++l1) {
                const Link* inner = inner_above(lower[l1]);
                if (l1 + 1 < static_cast<int>(lower.size()) && inner == nullptr) continue;
                const int k1 = inner != nullptr ? m_pos[inner->other] : static_cast<int>(upper.size()) - 1;
                for (; next <= l1; ++next) {
                    const int w = lower[next];
                    if (inner_above(w) != nullptr) continue;
                    for (const auto& link : m_view.above[w]) {
                        const int k = m_pos[link.other];
                        if (k < k0 || k > k1) m_marked[link.segment] = 1;
                    }
                }
                k0 = k1;
            }
        }
    }

    // One of the four passes. The pass sees the lane through mirrors: `from_below` aligns each node with its
    // median lower neighbour (layers walked bottom up), `from_right` compacts to the right (each layer walked
    // right to left, x negated). Returns x by node id in the real frame.
    std::vector<double> align_and_compact(bool from_below, bool from_right) {
        const std::size_t n = m_g.nodes.size();
        const double sign = from_right ? -1 : 1;
        std::vector<std::vector<int>> layers = m_view.layers;
        if (from_below) std::reverse(layers.begin(), layers.end());
        if (from_right)
            for (auto& layer : layers) std::reverse(layer.begin(), layer.end());
        std::vector<int> pos(n, -1);
        for (const auto& layer : layers)
            for (int i = 0; i < static_cast<int>(layer.size()); ++i) pos[layer[i]] = i;
        // The frame's separation: in a mirrored layer the left node is the real right one.
        auto sep = [&](int left, int right) {
            return from_right ? separation(m_g, m_ctx, right, left) : separation(m_g, m_ctx, left, right);
        };
        auto port_at_other = [&](const Link& link) {
            const auto& s = m_g.segments[link.segment];
            return sign * (from_below ? s.lower_port : s.upper_port);
        };

        // Vertical alignment: each node joins the block of a median neighbour in the previous layer of the
        // pass, left to right, never crossing an alignment made before nor a marked segment.
        std::vector<int> root(n), align(n);
        std::vector<double> inner(n, 0);  // x(v) - x(root[v]) that makes the block's segments straight
        for (const auto& layer : layers)
            for (int v : layer) root[v] = align[v] = v;
        std::vector<Link> prev;
        for (std::size_t l = 1; l < layers.size(); ++l) {
            int r = -1;
            for (int v : layers[l]) {
                prev = from_below ? m_view.below[v] : m_view.above[v];
                if (prev.empty()) continue;
                std::sort(prev.begin(), prev.end(), [&](const Link& a, const Link& b) {
                    if (pos[a.other] != pos[b.other]) return pos[a.other] < pos[b.other];
                    return port_at_other(a) < port_at_other(b);
                });
                const int d = static_cast<int>(prev.size());
                for (int m = (d - 1) / 2; m <= d / 2 && align[v] == v; ++m) {
                    const auto& link = prev[m];
                    const int u = link.other;
                    if (m_marked[link.segment] || r >= pos[u]) continue;
                    align[u] = v;
                    root[v] = root[u];
                    align[v] = root[v];
                    inner[v] = inner[u] + sign * link.shift;
                    r = pos[u];
                }
            }
        }

        // Horizontal compaction: blocks as far left as their left neighbours allow; a block joins the class
        // of its first left neighbour's block. Between classes only the slack is recorded, and classes are
        // then shifted along a longest path over the class graph (Brandes, Walter, Zink 2020; ELK).
        std::vector<int> sink(n, -1);
        std::vector<double> xr(n, 0);
        std::vector<char> placed(n, 0);
        struct ClassEdge {
            int from, to;  // the right class, the left class
            double slack;  // how far `to` may move right, relative to `from`
        };
        std::vector<ClassEdge> class_edges;
        struct Visit {
            int root, w;
            bool initial;
        };
        std::vector<Visit> stack;
        std::vector<int> layer_of(n, -1);
        for (int l = 0; l < static_cast<int>(layers.size()); ++l)
            for (int v : layers[l]) layer_of[v] = l;
        for (const auto& layer : layers)
            for (int v : layer) sink[v] = v;
        auto open = [&](int r) {
            placed[r] = 1;
            xr[r] = 0;
            stack.push_back({r, r, true});
        };
        for (const auto& layer : layers)
            for (int start : layer) {
                if (root[start] != start || placed[start]) continue;
                open(start);
                while (!stack.empty()) {
                    const auto top = stack.size() - 1;
                    const int r = stack[top].root, w = stack[top].w;
                    if (pos[w] > 0) {
                        const int u = layers[layer_of[w]][pos[w] - 1];
                        const int ru = root[u];
                        if (!placed[ru]) {
                            open(ru);  // w is visited again once ru is placed
                            continue;
                        }
                        if (sink[r] == r) sink[r] = sink[ru];
                        const double least = xr[ru] + inner[u] + sep(u, w) - inner[w];
                        if (sink[r] == sink[ru]) {
                            xr[r] = stack[top].initial ? least : std::max(xr[r], least);
                            stack[top].initial = false;
                        } else {
                            class_edges.push_back({sink[r], sink[ru], xr[r] - least});
                        }
                    }
                    stack[top].w = align[w];
                    if (stack[top].w == r) stack.pop_back();
                }
            }

        std::vector<std::optional<double>> shift(n);
        std::vector<int> indegree(n, 0);
        std::vector<std::vector<int>> out(n);
        for (int e = 0; e < static_cast<int>(class_edges.size()); ++e) {
            out[class_edges[e].from].push_back(e);
            ++indegree[class_edges[e].to];
        }
        std::vector<int> queue;
        for (const auto& layer : layers)
            for (int v : layer)
                if (sink[v] == v && indegree[v] == 0) queue.push_back(v);
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const int c = queue[q];
            if (!shift[c]) shift[c] = 0.0;
            for (int e : out[c]) {
                const auto& edge = class_edges[e];
                const double s = *shift[c] + edge.slack;
                shift[edge.to] = shift[edge.to] ? std::min(*shift[edge.to], s) : s;
                if (--indegree[edge.to] == 0) queue.push_back(edge.to);
            }
        }
        // A cycle in the class graph (not expected) leaves classes unshifted; the result is checked anyway.
        std::vector<double> x(n, 0);
        for (const auto& layer : layers)
            for (int v : layer) {
                const int r = root[v];
                x[v] = sign * (xr[r] + shift[sink[r]].value_or(0.0) + inner[v]);
            }
        return x;
    }

    bool feasible(const std::vector<double>& x) const {
        for (const auto& layer : m_view.layers)
            for (std::size_t i = 1; i < layer.size(); ++i)
                if (x[layer[i]] - x[layer[i - 1]] < separation(m_g, m_ctx, layer[i - 1], layer[i]) - 1e-6)
                    return false;
        return true;
    }

    std::pair<double, double> extent(const std::vector<double>& x) const {
        double left = std::numeric_limits<double>::max(), right = std::numeric_limits<double>::lowest();
        for (const auto& layer : m_view.layers)
            for (int v : layer) {
                const auto& node = m_g.nodes[v];
                left = std::min(left, x[v] - node.width / 2 - node.left_margin);
                right = std::max(right, x[v] + node.width / 2 + node.right_margin);
            }
        return {left, right};
    }

    // ELK's balancing: every pass moved onto the narrowest (left-compacted passes by their left border,
    // right-compacted by their right), then per node the mean of the two middle candidates.
    Candidates choose(const std::array<std::vector<double>, 4>& xs) const {
        std::array<std::pair<double, double>, 4> ext;
        std::vector<int> ok;
        for (int p = 0; p < 4; ++p) {
            ext[p] = extent(xs[p]);
            if (feasible(xs[p])) ok.push_back(p);
        }
        auto width = [&](int p) { return ext[p].second - ext[p].first; };
        std::stable_sort(ok.begin(), ok.end(), [&](int a, int b) { return width(a) < width(b) - 1e-9; });
        Candidates out;
        if (ok.empty()) {
            out.passes.push_back(packed());
            return out;
        }
        for (int p : ok) out.passes.push_back(xs[p]);
        const int narrowest = ok.front();
        std::vector<double> balanced(m_g.nodes.size(), 0);
        std::array<double, 4> offset;
        for (int p = 0; p < 4; ++p)
            offset[p] = (p & 2) ? ext[narrowest].second - ext[p].second : ext[narrowest].first - ext[p].first;
        std::array<double, 4> candidates;
        for (const auto& layer : m_view.layers)
            for (int v : layer) {
                for (int p = 0; p < 4; ++p) candidates[p] = xs[p][v] + offset[p];
                std::sort(candidates.begin(), candidates.end());
                balanced[v] = (candidates[1] + candidates[2]) / 2;
            }
        if (feasible(balanced)) out.balanced = std::move(balanced);
        return out;
    }

    // Every layer packed from the left: always feasible, the last resort.
    std::vector<double> packed() const {
        std::vector<double> x(m_g.nodes.size(), 0);
        for (const auto& layer : m_view.layers)
            for (std::size_t i = 1; i < layer.size(); ++i)
                x[layer[i]] = x[layer[i - 1]] + separation(m_g, m_ctx, layer[i - 1], layer[i]);
        return x;
    }

    LayeredGraph& m_g;
    const LayoutContext& m_ctx;
    const LaneView& m_view;
    std::vector<int> m_pos;      // index in the lane's own layer
    std::vector<char> m_marked;  // by segment: a type-1 conflict, never aligned
};

}  // namespace

void BrandesKoepfPlacer::run(LayeredGraph& graph, LayoutContext& ctx) {
    assign_ports(graph);
    place_lanes(graph, ctx, [&](const LaneView& view) {
        const auto found = BkLane(graph, ctx, view).candidates();
        const auto& xs =
            m_choice == Choice::balanced && !found.balanced.empty() ? found.balanced : found.passes.front();
        for (const auto& layer : view.layers)
            for (int v : layer) graph.nodes[v].x = xs[v];
        if (m_straighten) straighten(graph, ctx, view);
    });
}

}  // namespace jstudio::layout
