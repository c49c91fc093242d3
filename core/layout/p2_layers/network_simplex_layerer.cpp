#include "core/layout/p2_layers/network_simplex_layerer.hpp"

#include <algorithm>
#include <climits>
#include <map>

#include "core/layout/p2_layers/longest_path_layerer.hpp"

namespace jstudio::layout {

namespace {

struct Arc {
    int s, t;
    int weight;
};

// One connected component, nodes 0..n-1, parallel edges merged (weights added).
class Simplex {
  public:
    Simplex(int n, std::vector<Arc> arcs, std::vector<int> rank)
        : m_n(n), m_arcs(std::move(arcs)), m_rank(std::move(rank)) {
        m_incident.resize(n);
        for (int a = 0; a < static_cast<int>(m_arcs.size()); ++a) {
            m_incident[m_arcs[a].s].push_back(a);
            m_incident[m_arcs[a].t].push_back(a);
        }
        m_in_tree.assign(m_arcs.size(), 0);
        m_cut.assign(m_arcs.size(), 0);
    }

    std::vector<int> solve(int max_iterations) {
        if (m_n <= 1) return m_rank;
        feasible_tree();
        init_low_lim();
        init_cut_values();
        for (int it = 0; it < max_iterations; ++it) {
            const int leave = leave_arc();
            if (leave < 0) break;
            const int enter = enter_arc(leave);
            if (enter < 0) break;
            m_in_tree[leave] = 0;
            m_in_tree[enter] = 1;
            init_low_lim();
            init_cut_values();
            update_ranks();
        }
        const int low = *std::min_element(m_rank.begin(), m_rank.end());
        for (int& r : m_rank) r -= low;
        return m_rank;
    }

  private:
    int slack(int a) const { return m_rank[m_arcs[a].t] - m_rank[m_arcs[a].s] - 1; }
    int other(int a, int v) const { return m_arcs[a].s == v ? m_arcs[a].t : m_arcs[a].s; }

    // Tight tree from node 0, then pull in the nearest outside node by shifting the tree, until all are in.
    void feasible_tree() {
        std::vector<char> in(m_n, 0);
        in[0] = 1;
        int size = 1;
        std::vector<int> stack;
        auto grow = [&] {
            stack.clear();
            for (int v = 0; v < m_n; ++v)
                if (in[v]) stack.push_back(v);
            while (!stack.empty()) {
                const int v = stack.back();
                stack.pop_back();
                for (int a : m_incident[v]) {
                    const int w = other(a, v);
                    if (in[w] || slack(a) != 0) continue;
                    in[w] = 1;
                    m_in_tree[a] = 1;
                    ++size;
                    stack.push_back(w);
                }
            }
        };
        grow();
        while (size < m_n) {
            int best = -1, best_slack = INT_MAX;
            for (int a = 0; a < static_cast<int>(m_arcs.size()); ++a)
                if (in[m_arcs[a].s] != in[m_arcs[a].t] && slack(a) < best_slack)
                    best = a, best_slack = slack(a);
            if (best < 0) break;  // not connected: cannot happen for a component
            const int delta = in[m_arcs[best].s] ? best_slack : -best_slack;
            for (int v = 0; v < m_n; ++v)
                if (in[v]) m_rank[v] += delta;
            grow();
        }
    }

    // Post-order numbers: lim[v] is v's number, low[v] the smallest number in v's subtree; parent arcs.
    void init_low_lim() {
        m_low.assign(m_n, 0);
        m_lim.assign(m_n, 0);
        m_parent_arc.assign(m_n, -1);
        m_order.clear();  // pre-order
        std::vector<char> seen(m_n, 0);
        std::vector<std::pair<int, std::size_t>> stack{{0, 0}};
        seen[0] = 1;
        m_order.push_back(0);
        int next = 1;
        std::vector<int> start(m_n, 0);
        start[0] = next;
        while (!stack.empty()) {
            auto& [v, i] = stack.back();
            if (i < m_incident[v].size()) {
                const int a = m_incident[v][i++];
                if (!m_in_tree[a]) continue;
                const int w = other(a, v);
                if (seen[w]) continue;
                seen[w] = 1;
                m_parent_arc[w] = a;
                m_order.push_back(w);
                start[w] = next;
                stack.push_back({w, 0});
            } else {
                m_low[v] = start[v];
                m_lim[v] = next++;
                stack.pop_back();
            }
        }
    }

    // Cut values in post-order (children before parents), as dagre's calcCutValue.
    void init_cut_values() {
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) {
            const int child = *it;
            const int pa = m_parent_arc[child];
            if (pa < 0) continue;
            const int parent = other(pa, child);
            const bool child_is_tail = m_arcs[pa].s == child;
            long cut = m_arcs[pa].weight;
            for (int a : m_incident[child]) {
                if (a == pa) continue;
                const bool out = m_arcs[a].s == child;
                const int w = other(a, child);
                (void)parent;
                const bool points_to_head = out == child_is_tail;
                cut += points_to_head ? m_arcs[a].weight : -m_arcs[a].weight;
                if (m_in_tree[a] && m_parent_arc[w] == a) cut += points_to_head ? -m_cut[a] : m_cut[a];
            }
            m_cut[pa] = cut;
        }
    }

    int leave_arc() const {
        for (int v : m_order) {
            const int a = m_parent_arc[v];
            if (a >= 0 && m_cut[a] < 0) return a;
        }
        return -1;
    }

    bool descendant(int v, int root) const { return m_low[root] <= m_lim[v] && m_lim[v] <= m_lim[root]; }

    int enter_arc(int leave) const {
        int v = m_arcs[leave].s, w = m_arcs[leave].t;
        // The tail side of the cut is the subtree below the leaving arc.
        int tail = v;
        bool flip = false;
        if (m_lim[v] > m_lim[w]) {
            tail = w;
            flip = true;
        }
        int best = -1, best_slack = INT_MAX;
        for (int a = 0; a < static_cast<int>(m_arcs.size()); ++a) {
            if (a == leave) continue;
            if (flip == descendant(m_arcs[a].s, tail) && flip != descendant(m_arcs[a].t, tail)) {
                const int sl = slack(a);
                if (sl < best_slack) best = a, best_slack = sl;
            }
        }
        return best;
    }

    void update_ranks() {
        for (int v : m_order) {
            const int a = m_parent_arc[v];
            if (a < 0) continue;
            const int parent = other(a, v);
            m_rank[v] = m_arcs[a].s == v ? m_rank[parent] - 1 : m_rank[parent] + 1;
        }
    }

    int m_n;
    std::vector<Arc> m_arcs;
    std::vector<int> m_rank;
    std::vector<std::vector<int>> m_incident;
    std::vector<char> m_in_tree;
    std::vector<long> m_cut;
    std::vector<int> m_low, m_lim, m_parent_arc, m_order;
};

}  // namespace

std::vector<int> network_simplex_layers(int n, const std::vector<std::pair<int, int>>& edges,
                                        int max_iterations) {
    std::vector<std::pair<int, int>> clean;
    for (const auto& e : edges)
        if (e.first != e.second) clean.push_back(e);
    auto start = longest_path_layers(n, clean);
    // Components (undirected).
    std::vector<int> comp(n, -1);
    std::vector<std::vector<int>> adj(n);
    for (const auto& [s, t] : clean) adj[s].push_back(t), adj[t].push_back(s);
    int comps = 0;
    for (int v = 0; v < n; ++v) {
        if (comp[v] >= 0) continue;
        std::vector<int> stack{v};
        comp[v] = comps;
        while (!stack.empty()) {
            const int u = stack.back();
            stack.pop_back();
            for (int w : adj[u])
                if (comp[w] < 0) comp[w] = comps, stack.push_back(w);
        }
        ++comps;
    }
    std::vector<std::vector<int>> members(comps);
    std::vector<int> local(n);
    for (int v = 0; v < n; ++v) {
        local[v] = static_cast<int>(members[comp[v]].size());
        members[comp[v]].push_back(v);
    }
    std::vector<std::map<std::pair<int, int>, int>> merged(comps);
    for (const auto& [s, t] : clean) ++merged[comp[s]][{local[s], local[t]}];
    std::vector<int> layers(n, 0);
    for (int c = 0; c < comps; ++c) {
        const int size = static_cast<int>(members[c].size());
        std::vector<Arc> arcs;
        for (const auto& [st, w] : merged[c]) arcs.push_back({st.first, st.second, w});
        std::vector<int> rank(size);
        for (int i = 0; i < size; ++i) rank[i] = start[members[c][i]];
        const int cap = max_iterations >= 0 ? max_iterations : std::max(2000, 20 * size);
        const auto solved = Simplex(size, std::move(arcs), std::move(rank)).solve(cap);
        for (int i = 0; i < size; ++i) layers[members[c][i]] = solved[i];
    }
    return layers;
}

void NetworkSimplexLayerer::run(LayeredGraph& graph, LayoutContext&) {
    graph.apply_layers(network_simplex_layers(graph.real_count, graph.layering_pairs()));
}

}  // namespace jstudio::layout
