#pragma once
// An ordered list of XML-style attributes: order is kept so a file written back reads the same.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagram/sparse_list.hpp"

namespace jstudio::diagram {

struct Attribute {
    std::string name, value;
    bool operator==(const Attribute&) const = default;
};

class Attributes {
  public:
    const std::string* find(std::string_view name) const;  // nullptr when absent
    std::string get(std::string_view name, std::string_view fallback = {}) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
    void set(std::string_view name, std::string_view value);  // replaces in place, or appends
    bool remove(std::string_view name);                       // false when absent

    auto begin() const { return m_items.begin(); }
    auto end() const { return m_items.end(); }
    std::size_t size() const { return m_items.size(); }
    bool empty() const { return m_items.empty(); }
    void push_back(Attribute attribute) { m_items.push_back(std::move(attribute)); }
    bool operator==(const Attributes&) const = default;

  private:
    SparseList<Attribute> m_items;  // most cells have none
};

}  // namespace jstudio::diagram
