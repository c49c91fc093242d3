#pragma once
// Memory for big tables read at random (the state of one case among millions, a hash slot): allocations of
// 2 MiB and more are aligned to 2 MiB and marked for transparent huge pages (Linux; the kernel's
// "madvise" setting honours the request), so a row's lookup misses the cache once, not the TLB as well.
// Elsewhere, or below 2 MiB, it is plain operator new.
#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace jstudio {

inline constexpr std::size_t huge_page_bytes = std::size_t(2) << 20;

template <typename T>
struct HugePageAllocator {
    using value_type = T;
    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) {}

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < huge_page_bytes) return static_cast<T*>(::operator new(bytes));
        const std::size_t rounded = (bytes + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
        void* p = std::aligned_alloc(huge_page_bytes, rounded);
        if (!p) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: refused or unsupported, it is ordinary memory
#endif
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) {
        if (n * sizeof(T) < huge_page_bytes)
            ::operator delete(p);
        else
            std::free(p);
    }
    template <typename U>
    bool operator==(const HugePageAllocator<U>&) const {
        return true;
    }
};

}  // namespace jstudio
