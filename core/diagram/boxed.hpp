#pragma once
// An optional value kept on the heap: used like std::optional<T>, but one pointer wide. For members most
// cells leave empty (a wrapper, a label offset, alternate bounds): a page of a million cells holds a
// million of each, and std::optional<T> is as wide as T.
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>

namespace jstudio::diagram {

template <class T>
class Boxed {
  public:
    Boxed() = default;
    Boxed(std::nullopt_t) {}
    Boxed(T value) : m_value(std::make_unique<T>(std::move(value))) {}
    Boxed(const Boxed& other) : m_value(other.m_value ? std::make_unique<T>(*other.m_value) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) m_value = other.m_value ? std::make_unique<T>(*other.m_value) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(std::nullopt_t) {
        m_value.reset();
        return *this;
    }
    Boxed& operator=(T value) {
        if (m_value)
            *m_value = std::move(value);
        else
            m_value = std::make_unique<T>(std::move(value));
        return *this;
    }

    template <class... Args>
    T& emplace(Args&&... args) {
        m_value = std::make_unique<T>(std::forward<Args>(args)...);
        return *m_value;
    }
    void reset() { m_value.reset(); }

    bool has_value() const { return m_value != nullptr; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return *m_value; }
    const T& operator*() const { return *m_value; }
    T* operator->() { return m_value.get(); }
    const T* operator->() const { return m_value.get(); }
    T& value() {
        if (!m_value) throw std::bad_optional_access();
        return *m_value;
    }
    const T& value() const {
        if (!m_value) throw std::bad_optional_access();
        return *m_value;
    }
    template <class U>
    T value_or(U&& fallback) const {
        return m_value ? *m_value : static_cast<T>(std::forward<U>(fallback));
    }
    // For code written against std::optional<T> (a copy).
    operator std::optional<T>() const { return m_value ? std::optional<T>(*m_value) : std::nullopt; }

    friend bool operator==(const Boxed& a, const Boxed& b) {
        return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
    }
    friend bool operator==(const Boxed& a, std::nullopt_t) { return !a.has_value(); }
    friend bool operator==(const Boxed& a, const T& b) { return a.has_value() && *a == b; }

  private:
    std::unique_ptr<T> m_value;
};

}  // namespace jstudio::diagram
