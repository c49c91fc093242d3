#include "core/layout/p3_order/barycenter_sweep.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/layout/p3_order/crossing_counter.hpp"

namespace jstudio::layout {

namespace {

class Sweeper {
  public:
    Sweeper(LayeredGraph& graph) : m_g(graph), m_pos(graph.positions()) {
        m_bary.resize(graph.nodes.size());
        m_above.resize(graph.nodes.size());
        m_below.resize(graph.nodes.size());
        for (const auto& s : graph.segments) {
            m_above[s.lower].push_back(s.upper);
            m_below[s.upper].push_back(s.lower);
        }
    }

    std::vector<int>& pos() { return m_pos; }

    // The drawing's order, when the drawing shows one (real nodes at two different places across the flow):
    // every layer sorted by where its nodes are drawn. A long edge's dummy takes the place where its drawn
    // route passes the layer (the mean along-position of the layer's drawn nodes), else the place between
    // its ends. Returns false, ordering nothing, when there is no drawing to follow.
    bool drawing_order() {
        const int real = m_g.real_count;
        double low = INFINITY, high = -INFINITY;
        for (int v = 0; v < real; ++v)
            if (std::isfinite(m_g.nodes[v].drawn_across)) {
                low = std::min(low, m_g.nodes[v].drawn_across);
                high = std::max(high, m_g.nodes[v].drawn_across);
            }
        if (!(high > low)) return false;
        const int count = static_cast<int>(m_g.layers.size());
        std::vector<double> along(count, 0);
        std::vector<int> counted(count, 0);
        for (int v = 0; v < real; ++v)
            if (std::isfinite(m_g.nodes[v].drawn_along) && m_g.nodes[v].layer >= 0) {
                along[m_g.nodes[v].layer] += m_g.nodes[v].drawn_along;
                ++counted[m_g.nodes[v].layer];
            }
        for (int l = 0; l < count; ++l) along[l] = counted[l] ? along[l] / counted[l] : NAN;
        std::vector<double> key(m_g.nodes.size(), INFINITY);
        for (int v = 0; v < real; ++v)
            if (std::isfinite(m_g.nodes[v].drawn_across)) key[v] = m_g.nodes[v].drawn_across;
        for (const auto& edge : m_g.edges) {
            const int upper = edge.upper(), lower = edge.lower();
            const int span = m_g.nodes[lower].layer - m_g.nodes[upper].layer;
            for (std::size_t i = 0; i < edge.chain.size(); ++i) {
                const int d = edge.chain[i];
                const double at = along[m_g.nodes[d].layer];
                double found = NAN;
                for (std::size_t p = 0; p + 1 < edge.drawn.size() && std::isfinite(at) && std::isnan(found);
                     ++p) {
                    const XY a = edge.drawn[p], b = edge.drawn[p + 1];
                    if ((a.y - at) * (b.y - at) > 0 || a.y == b.y) continue;
                    found = a.x + (b.x - a.x) * (at - a.y) / (b.y - a.y);
                }
                if (std::isnan(found) && std::isfinite(key[upper]) && std::isfinite(key[lower]) && span > 0) {
                    const double t = double(m_g.nodes[d].layer - m_g.nodes[upper].layer) / span;
                    found = key[upper] + (key[lower] - key[upper]) * t;
                }
                if (std::isfinite(found)) key[d] = found;
            }
        }
        // Nodes drawn one above the other (the same place across, to the pixel) keep their order along the
        // flow: a column of children drawn under their parent keeps its top-to-bottom order.
        auto along_of = [&](int v) {
            const double a = m_g.nodes[v].drawn_along;
            return std::isfinite(a) ? a : INFINITY;
        };
        std::vector<double> rank(m_g.nodes.size(), 0);
        for (auto& layer : m_g.layers) {
            std::vector<int> sorted(layer);
            std::stable_sort(sorted.begin(), sorted.end(), [&](int a, int b) {
                const double ka = std::round(key[a]), kb = std::round(key[b]);
                return ka != kb ? ka < kb : along_of(a) < along_of(b);
            });
            for (std::size_t i = 0; i < sorted.size(); ++i) rank[sorted[i]] = static_cast<double>(i);
            sort_layer(layer, [&](int v) { return rank[v]; });
        }
        return true;
    }
    // The first start without a drawing: depth-first from the sources, children in edge order.
    void depth_first_order() {
        std::vector<int> roots;
        for (int v = 0; v < static_cast<int>(m_g.nodes.size()); ++v)
            if (m_above[v].empty()) roots.push_back(v);
        order_by_search(roots, [&](int v, const std::vector<int>& rank, std::vector<int>& stack) {
            for (auto it = m_below[v].rbegin(); it != m_below[v].rend(); ++it)
                if (rank[*it] < 0) stack.push_back(*it);
        });
    }

    // A structured random start (as dot's initial order, from a random root): nodes ranked in the order an
    // undirected depth-first search reaches them, neighbours taken in random order. Connected nodes start
    // close together, which random shuffles lose on graphs with many long edges.
    void random_search_order(std::mt19937& rng) {
        std::vector<int> roots(m_g.nodes.size()), next;
        std::iota(roots.begin(), roots.end(), 0);
        std::shuffle(roots.begin(), roots.end(), rng);
        order_by_search(roots, [&](int v, const std::vector<int>& rank, std::vector<int>& stack) {
            next.clear();
            for (const auto* side : {&m_above[v], &m_below[v]})
                for (int u : *side)
                    if (rank[u] < 0) next.push_back(u);
            std::shuffle(next.begin(), next.end(), rng);
            stack.insert(stack.end(), next.begin(), next.end());
        });
    }

    // Ranks the nodes in the order a depth-first search from `roots` reaches them (push adds a node's next
    // nodes to the stack), unreached ones last, and sorts every layer by that rank.
    template <class Push>
    void order_by_search(const std::vector<int>& roots, Push push) {
        std::vector<int> rank(m_g.nodes.size(), -1), stack;
        int next = 0;
        for (int root : roots) {
            if (rank[root] >= 0) continue;
            stack.push_back(root);
            while (!stack.empty()) {
                const int v = stack.back();
                stack.pop_back();
                if (rank[v] >= 0) continue;
                rank[v] = next++;
                push(v, rank, stack);
            }
        }
        for (auto& r : rank)
            if (r < 0) r = next++;
        for (auto& layer : m_g.layers) sort_layer(layer, [&](int v) { return double(rank[v]); });
    }

    void shuffle(std::mt19937& rng) {
        for (auto& layer : m_g.layers) {
            std::shuffle(layer.begin(), layer.end(), rng);
            sort_layer(layer, [](int) { return 0.0; });  // stable: only groups the lanes
        }
    }

    // One sweep down (use_above) or up; returns nothing, positions kept current.
    void sweep(bool downward, bool transpose, bool median) {
        const int count = static_cast<int>(m_g.layers.size());
        for (int i = 1; i < count; ++i) {
            const int l = downward ? i : count - 1 - i;
            auto& layer = m_g.layers[l];
            const auto& fixed = downward ? m_above : m_below;
            // Indexed by node id but only this layer's entries are written and read: sized once, never
            // cleared (clearing a graph-sized array per layer made the sweep quadratic).
            auto& bary = m_bary;
            for (int v : layer) {
                if (fixed[v].empty()) {
                    bary[v] = m_pos[v];
                    continue;
                }
                if (median) {
                    auto& at = m_scratch;
                    at.clear();
                    for (int u : fixed[v]) at.push_back(m_pos[u]);
                    std::sort(at.begin(), at.end());
                    const std::size_t k = at.size();
                    bary[v] = k % 2 ? at[k / 2] : (at[k / 2 - 1] + at[k / 2]) / 2.0;
                    continue;
                }
                double sum = 0;
                for (int u : fixed[v]) sum += m_pos[u];
                bary[v] = sum / fixed[v].size();
            }
            sort_layer(layer, [&](int v) { return bary[v]; });
            if (transpose) transpose_layer(l);
        }
    }

    // Sifting (Matuszewski, Schönfeld, Molitor): each node in turn tries every place in its layer (inside its
    // lane) and takes the one with the fewest crossings to both neighbouring layers. Repeated down and up
    // while it improves; catches what barycenters cannot (a node whose best place is far from the average).
    void sift(int rounds) {
        const int count = static_cast<int>(m_g.layers.size());
        std::vector<std::vector<int>> above(m_g.nodes.size()), below(m_g.nodes.size());
        for (int round = 0; round < rounds; ++round) {
            bool moved = false;
            for (int i = 0; i < 2 * count; ++i) {
                const int l = i < count ? i : 2 * count - 1 - i;
                moved |= sift_layer(l, above, below);
            }
            if (!moved) break;
        }
    }

  private:
    // Pairs (a of u, b of v) with a right of b: the crossings between u's and v's edges to one side when u
    // stands left of v. Both lists sorted.
    static long cross(const std::vector<int>& nu, const std::vector<int>& nv) {
        long c = 0;
        std::size_t j = 0;
        for (int a : nu) {
            while (j < nv.size() && nv[j] < a) ++j;
            c += static_cast<long>(j);
        }
        return c;
    }

    bool sift_layer(int l, std::vector<std::vector<int>>& above, std::vector<std::vector<int>>& below) {
        auto& layer = m_g.layers[l];
        const int k = static_cast<int>(layer.size());
        if (k < 2) return false;
        for (int v : layer) {
            above[v].clear();
            below[v].clear();
            for (int u : m_above[v]) above[v].push_back(m_pos[u]);
            for (int u : m_below[v]) below[v].push_back(m_pos[u]);
            std::sort(above[v].begin(), above[v].end());
            std::sort(below[v].begin(), below[v].end());
        }
        auto c = [&](int u, int v) { return cross(above[u], above[v]) + cross(below[u], below[v]); };
        bool moved = false;
        const std::vector<int> nodes = layer;
        for (int v : nodes) {
            if (above[v].empty() && below[v].empty()) continue;
            const int at = m_pos[v];
            int lo = at, hi = at;  // v's lane: [lo, hi]
            while (lo > 0 && m_g.nodes[layer[lo - 1]].lane == m_g.nodes[v].lane) --lo;
            while (hi + 1 < k && m_g.nodes[layer[hi + 1]].lane == m_g.nodes[v].lane) ++hi;
            // Cost of v at each slot relative to v at the far left of its lane; slot s = before layer[s].
            long cost = 0, best = 0, here = 0;
            int best_slot = lo;
            for (int s = lo; s <= hi; ++s) {
                if (s == at) {
                    here = cost;
                    continue;
                }
                const int u = layer[s];
                cost += c(u, v) - c(v, u);  // v passes u
                if (cost < best) {
                    best = cost;
                    best_slot = s;
                }
            }
            if (best >= here) continue;  // staying is as good
            // Move v so that it stands right after layer[best_slot] (or first, when best is the lane start).
            std::vector<int> lane(layer.begin() + lo, layer.begin() + hi + 1);
            lane.erase(lane.begin() + (at - lo));
            int insert = 0;
            if (best != 0) {
                const int after = layer[best_slot];
                insert = static_cast<int>(std::find(lane.begin(), lane.end(), after) - lane.begin()) + 1;
            }
            lane.insert(lane.begin() + insert, v);
            for (int s = lo; s <= hi; ++s) {
                layer[s] = lane[s - lo];
                m_pos[layer[s]] = s;
            }
            moved = true;
        }
        return moved;
    }

    template <class Key>
    void sort_layer(std::vector<int>& layer, Key key) {
        std::vector<std::pair<double, int>> keyed;
        keyed.reserve(layer.size());
        for (int v : layer) keyed.emplace_back(key(v), v);
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            const int la = m_g.nodes[a.second].lane, lb = m_g.nodes[b.second].lane;
            if (la != lb) return la < lb;
            return a.first < b.first;
        });
        for (std::size_t i = 0; i < layer.size(); ++i) {
            layer[i] = keyed[i].second;
            m_pos[layer[i]] = static_cast<int>(i);
        }
    }

    // Crossings among the edges of u and v (u left of v) with one fixed neighbour list.
    long pair_crossings(const std::vector<int>& nu, const std::vector<int>& nv) const {
        long c = 0;
        for (int a : nu)
            for (int b : nv)
                if (m_pos[a] > m_pos[b]) ++c;
        return c;
    }

    void transpose_layer(int l) {
        auto& layer = m_g.layers[l];
        for (int pass = 0; pass < 4; ++pass) {
            bool improved = false;
            for (std::size_t i = 0; i + 1 < layer.size(); ++i) {
                const int u = layer[i], v = layer[i + 1];
                if (m_g.nodes[u].lane != m_g.nodes[v].lane) continue;
                const long now =
                    pair_crossings(m_above[u], m_above[v]) + pair_crossings(m_below[u], m_below[v]);
                if (now == 0) continue;
                const long swapped =
                    pair_crossings(m_above[v], m_above[u]) + pair_crossings(m_below[v], m_below[u]);
                if (swapped < now) {
                    std::swap(layer[i], layer[i + 1]);
                    m_pos[u] = static_cast<int>(i + 1);
                    m_pos[v] = static_cast<int>(i);
                    improved = true;
                }
            }
            if (!improved) break;
        }
    }

    LayeredGraph& m_g;
    std::vector<int> m_pos;
    std::vector<std::vector<int>> m_above, m_below;
    std::vector<int> m_scratch;
    std::vector<double> m_bary;
};

}  // namespace

long BarycenterSweep::run(LayeredGraph& graph, LayoutContext& ctx) {
    const std::size_t size = graph.nodes.size() + graph.segments.size();
    int runs = ctx.order_runs;
    // Small graphs get more starts: a start costs well under a millisecond there, and the best of 120 finds
    // orders the best of 30 misses (bench gv-crazy, gv-unix: 3 -> 2 crossings, as dot).
    if (runs <= 0) runs = size < 600 ? 120 : size < 2000 ? 30 : size < 10000 ? 12 : size < 40000 ? 6 : 2;
    const bool transpose = size < 60000;
    const bool sift = size < 20000;
    Sweeper sweeper(graph);
    std::vector<std::vector<int>> best;
    long best_crossings = -1;
    // The drawing's order first (an extra start, so the others stay as they were): on a tie it stays.
    const bool drawn = sweeper.drawing_order();
    for (int run = drawn ? -1 : 0; run < runs && best_crossings != 0; ++run) {
        if (run == 0)
            sweeper.depth_first_order();
        else if (run > 0 && run % 3 == 1)
            sweeper.shuffle(ctx.rng);
        else if (run > 0)
            sweeper.random_search_order(ctx.rng);
        long run_best = count_crossings(graph, sweeper.pos());
        auto run_layers = graph.layers;
        int stale = 0;
        for (int iteration = 0; iteration < 24 && stale < 3 && run_best > 0; ++iteration) {
            sweeper.sweep(iteration % 2 == 0, transpose, run % 2 == 1);  // odd starts use the median
            const long c = count_crossings(graph, sweeper.pos());
            if (c < run_best) {
                run_best = c;
                run_layers = graph.layers;
                stale = 0;
            } else {
                ++stale;
            }
        }
        if (sift && run_best > 0) {
            graph.layers = run_layers;
            sweeper.pos() = graph.positions();
            sweeper.sift(4);
            const long c = count_crossings(graph, sweeper.pos());
            if (c < run_best) {
                run_best = c;
                run_layers = graph.layers;
            }
        }
        if (best_crossings < 0 || run_best < best_crossings) {
            best_crossings = run_best;
            best = std::move(run_layers);
        }
        graph.layers = best;  // restart (or finish) from the best order seen
        sweeper.pos() = graph.positions();
    }
    return best_crossings < 0 ? 0 : best_crossings;
}

}  // namespace jstudio::layout
