#pragma once
// A list most cells leave empty (attributes we do not model, unknown XML children, the order of a
// geometry's children): one pointer wide where std::vector is three, with the part of std::vector's
// interface the model uses. A page may hold a million cells, each with several of these lists.
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace jstudio::diagram {

template <class T>
class SparseList {
  public:
    using value_type = T;
    using iterator = typename std::vector<T>::iterator;
    using const_iterator = typename std::vector<T>::const_iterator;

    SparseList() = default;
    SparseList(std::initializer_list<T> items) {
        if (items.size()) m_items = std::make_unique<std::vector<T>>(items);
    }
    SparseList(std::vector<T> items) { *this = std::move(items); }
    SparseList(const SparseList& other)
        : m_items(other.m_items && !other.m_items->empty() ? std::make_unique<std::vector<T>>(*other.m_items)
                                                           : nullptr) {}
    SparseList(SparseList&&) noexcept = default;
    SparseList& operator=(const SparseList& other) {
        if (this != &other) *this = SparseList(other);
        return *this;
    }
    SparseList& operator=(SparseList&&) noexcept = default;
    SparseList& operator=(std::vector<T> items) {
        if (items.empty())
            m_items.reset();
        else
            m_items = std::make_unique<std::vector<T>>(std::move(items));
        return *this;
    }

    // Iterators of an empty list are those of one shared empty vector, so begin() == end() holds and
    // algorithms that compare iterators work.
    iterator begin() { return m_items ? m_items->begin() : shared_empty().begin(); }
    iterator end() { return m_items ? m_items->end() : shared_empty().end(); }
    const_iterator begin() const { return m_items ? m_items->cbegin() : shared_empty().cbegin(); }
    const_iterator end() const { return m_items ? m_items->cend() : shared_empty().cend(); }
    std::size_t size() const { return m_items ? m_items->size() : 0; }
    bool empty() const { return !m_items || m_items->empty(); }
    T& operator[](std::size_t i) { return (*m_items)[i]; }
    const T& operator[](std::size_t i) const { return (*m_items)[i]; }
    T& front() { return m_items->front(); }
    T& back() { return m_items->back(); }
    const T& front() const { return m_items->front(); }
    const T& back() const { return m_items->back(); }

    void push_back(T item) { items().push_back(std::move(item)); }
    template <class... Args>
    T& emplace_back(Args&&... args) {
        return items().emplace_back(std::forward<Args>(args)...);
    }
    iterator erase(const_iterator first, const_iterator last) {
        return m_items ? m_items->erase(first, last) : shared_empty().end();
    }
    iterator erase(const_iterator at) { return m_items->erase(at); }
    void clear() { m_items.reset(); }

    friend bool operator==(const SparseList& a, const SparseList& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

  private:
    std::vector<T>& items() {
        if (!m_items) m_items = std::make_unique<std::vector<T>>();
        return *m_items;
    }
    // Never grown: its iterators stand for those of an empty list.
    static std::vector<T>& shared_empty() {
        static std::vector<T> empty;
        return empty;
    }
    std::unique_ptr<std::vector<T>> m_items;
};

}  // namespace jstudio::diagram
