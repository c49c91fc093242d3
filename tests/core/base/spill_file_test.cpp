#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/base/spill_file.hpp"

using namespace jstudio;

namespace {

template <typename T>
std::vector<T> read_back(const SpillVector<T>& v, const SpillFile& file) {
    std::vector<T> out;
    v.for_each(file, [&](const T& x) { out.push_back(x); });
    return out;
}

// Sets an environment variable for one scope.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        ::setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name.c_str(), m_old->c_str(), 1);
        else
            ::unsetenv(m_name.c_str());
    }

  private:
    std::string m_name;
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("SpillVector gives back what it was given, in order", "[core][base][spill]") {
    std::mt19937_64 rng(7);
    SECTION("interleaved sequences sharing one file keep their own order") {
        SpillFile file;
        SpillVector<std::uint64_t> a;
        SpillVector<std::int32_t> b;
        std::vector<std::uint64_t> want_a;
        std::vector<std::int32_t> want_b;
        for (int i = 0; i < 20000; ++i) {
            const auto x = rng();
            a.push_back(x, file);
            want_a.push_back(x);
            if (i % 3 == 0) {
                const auto y = static_cast<std::int32_t>(x >> 40) - (1 << 23);
                b.push_back(y, file);
                want_b.push_back(y);
            }
        }
        CHECK(a.size() == want_a.size());
        CHECK(b.size() == want_b.size());
        // Whole chunks went to the file; only the tails are in memory.
        CHECK(file.bytes() >=
              std::int64_t((want_a.size() / SpillVector<std::uint64_t>::chunk_elements) * 16384));
        CHECK(read_back(a, file) == want_a);
        CHECK(read_back(b, file) == want_b);
        CHECK(read_back(a, file) == want_a);  // read through again: the same
        a.clear();
        CHECK(a.empty());
        CHECK(read_back(a, file).empty());
        CHECK(read_back(b, file) == want_b);
    }
    SECTION("fewer than a chunk never touches the file") {
        SpillFile file;
        SpillVector<double> v;
        for (int i = 0; i < 100; ++i) v.push_back(i * 0.5, file);
        CHECK(file.bytes() == 0);
        CHECK(read_back(v, file).size() == 100);
    }
    SECTION("without a usable temporary folder the chunks stay in memory") {
        const ScopedEnv tmp("TMPDIR", "/nonexistent/journey-spill-test");
        SpillFile file;
        SpillVector<std::uint64_t> v;
        std::vector<std::uint64_t> want;
        for (int i = 0; i < 10000; ++i) {
            const auto x = rng();
            v.push_back(x, file);
            want.push_back(x);
        }
        CHECK(file.bytes() == 0);
        CHECK(read_back(v, file) == want);
    }
}
