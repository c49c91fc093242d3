#include "core/layout/p2_layers/network_simplex_layerer.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <random>

#include "core/layout/p2_layers/longest_path_layerer.hpp"

using namespace jstudio::layout;

namespace {

long total_length(const std::vector<int>& layers, const std::vector<std::pair<int, int>>& edges) {
    long sum = 0;
    for (const auto& [s, t] : edges) sum += layers[t] - layers[s];
    return sum;
}

bool valid(const std::vector<int>& layers, const std::vector<std::pair<int, int>>& edges) {
    for (const auto& [s, t] : edges)
        if (s != t && layers[t] < layers[s] + 1) return false;
    return !layers.empty() && *std::min_element(layers.begin(), layers.end()) == 0;
}

// The least total length over every layering of n nodes into layers 0..n-1 (tiny graphs only).
long brute_force_optimum(int n, const std::vector<std::pair<int, int>>& edges) {
    std::vector<int> layers(n, 0);
    long best = -1;
    std::function<void(int)> go = [&](int v) {
        if (v == n) {
            for (const auto& [s, t] : edges)
                if (layers[t] < layers[s] + 1) return;
            const long length = total_length(layers, edges);
            if (best < 0 || length < best) best = length;
            return;
        }
        for (int l = 0; l < n; ++l) {
            layers[v] = l;
            go(v + 1);
        }
    };
    go(0);
    return best;
}

}  // namespace

TEST_CASE("network simplex pulls a lone source down next to its successor", "[core][layout][p2]") {
    // 0 -> 1 -> 2 -> 3 and 4 -> 3: longest path puts 4 three layers above 3.
    CHECK(network_simplex_layers(5, {{0, 1}, {1, 2}, {2, 3}, {4, 3}}) == std::vector<int>{0, 1, 2, 3, 2});
}

TEST_CASE("network simplex balances a node between a long and a short side", "[core][layout][p2]") {
    // 0 -> 1 -> 2 -> 3 -> 4; node 5 has two edges from 0 and one to 4: it belongs just below 0
    // (two edges of length 1, one of length 3 = 5) rather than just above 4 (2 x 3 + 1 = 7).
    const std::vector<std::pair<int, int>> edges{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {0, 5}, {5, 4}};
    const auto layers = network_simplex_layers(6, edges);
    CHECK(layers[5] == 1);
    CHECK(total_length(layers, edges) == 9);
}

TEST_CASE("network simplex finds the shortest layering of small random DAGs", "[core][layout][p2]") {
    std::mt19937 rng(5);
    for (int trial = 0; trial < 40; ++trial) {
        const int n = 2 + static_cast<int>(rng() % 5);
        std::vector<std::pair<int, int>> edges;
        const int m = static_cast<int>(rng() % 9);
        for (int e = 0; e < m; ++e) {
            int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
            if (a == b) continue;
            if (a > b) std::swap(a, b);  // acyclic: low id -> high id
            edges.emplace_back(a, b);
        }
        const auto layers = network_simplex_layers(n, edges);
        INFO("trial " << trial);
        CHECK(valid(layers, edges));
        CHECK(total_length(layers, edges) == brute_force_optimum(n, edges));
    }
}

TEST_CASE("network simplex is never longer than promoted longest path", "[core][layout][p2]") {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 10; ++trial) {
        const int n = 40 + trial * 20;
        std::vector<std::pair<int, int>> edges;
        for (int v = 1; v < n; ++v) edges.emplace_back(static_cast<int>(rng() % v), v);
        for (int e = 0; e < n / 2; ++e) {
            int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
            if (a == b) continue;
            edges.emplace_back(std::min(a, b), std::max(a, b));
        }
        const auto simplex = network_simplex_layers(n, edges);
        const auto promoted = shorten_edges(n, edges, longest_path_layers(n, edges));
        CHECK(valid(simplex, edges));
        CHECK(total_length(simplex, edges) <= total_length(promoted, edges));
    }
}
