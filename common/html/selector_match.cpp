// Matching compiled selectors against gumbo elements, right to left.
#include <limits>
#include <unordered_map>

#include "common/html/gumbo_util.hpp"
#include "common/html/node.hpp"
#include "common/html/selector.hpp"
#include "common/html/selector_program.hpp"
#include "common/text/ascii.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::html {
namespace detail {
namespace {

std::string_view attr_value(const GumboNode* el, std::string_view name) noexcept {
  const GumboAttribute* a = find_attribute(el, name);
  return a == nullptr ? std::string_view{} : std::string_view(a->value);
}

bool attr_matches(const AttrTest& t, const GumboNode* el) noexcept {
  const GumboAttribute* a = find_attribute(el, t.name);
  if (a == nullptr) return false;
  const std::string_view v = a->value;
  switch (t.op) {
    case AttrOp::exists: return true;
    case AttrOp::equals: return v == t.value;
    case AttrOp::prefix: return !t.value.empty() && v.starts_with(t.value);
    case AttrOp::suffix: return !t.value.empty() && v.ends_with(t.value);
    case AttrOp::contains: return !t.value.empty() && v.find(t.value) != std::string_view::npos;
    case AttrOp::word: return has_class_token(v, t.value);
    case AttrOp::dash:
      return v == t.value || (v.size() > t.value.size() && v.starts_with(t.value) && v[t.value.size()] == '-');
  }
  return false;
}

// Element siblings before el (or after it, when from_end), counting no further than limit.
int elements_beside(const GumboNode* el, bool from_end, int limit) noexcept {
  if (el->parent == nullptr) return 0;
  const GumboVector& siblings = sibling_vector(el);
  int count = 0;
  if (from_end) {
    for (std::size_t i = el->index_within_parent + 1; i < siblings.length && count < limit; ++i) {
      if (is_element(child_at(siblings, i))) ++count;
    }
  } else {
    for (std::size_t i = el->index_within_parent; i > 0 && count < limit; --i) {
      if (is_element(child_at(siblings, i - 1))) ++count;
    }
  }
  return count;
}

bool position_matches(const PositionTest& t, const GumboNode* el) noexcept {
  if (t.a == 0) {  // :first-child, :nth-child(3): stop counting once past b
    return t.b >= 1 && elements_beside(el, t.from_end, t.b) == t.b - 1;
  }
  const int i = elements_beside(el, t.from_end, std::numeric_limits<int>::max()) + 1;
  const int diff = i - t.b;
  return diff / t.a >= 0 && diff % t.a == 0;
}

bool tag_matches(const Compound& c, const GumboNode* el) noexcept {
  if (c.any_tag) return true;
  if (c.tag != GUMBO_TAG_UNKNOWN) return tag_of(el) == c.tag;
  return tag_of(el) == GUMBO_TAG_UNKNOWN && text::iequals_ascii(tag_name_of(el), c.tag_name);
}

bool compound_matches(const Compound& c, const GumboNode* el) noexcept {
  if (!tag_matches(c, el)) return false;
  if (!c.id.empty() && attr_value(el, "id") != c.id) return false;
  if (!c.classes.empty()) {
    const std::string_view cls = attr_value(el, "class");
    for (const std::string& want : c.classes) {
      if (!has_class_token(cls, want)) return false;
    }
  }
  for (const AttrTest& t : c.attrs) {
    if (!attr_matches(t, el)) return false;
  }
  for (const PositionTest& t : c.positions) {
    if (!position_matches(t, el)) return false;
  }
  return true;
}

bool complex_matches(const Complex& c, std::size_t index, const GumboNode* el) noexcept {
  if (!compound_matches(c.compounds[index], el)) return false;
  if (index == 0) return true;
  const GumboNode* up = parent_element(el);
  if (c.combinators[index - 1] == Combinator::child) return up != nullptr && complex_matches(c, index - 1, up);
  for (; up != nullptr; up = parent_element(up)) {
    if (complex_matches(c, index - 1, up)) return true;
  }
  return false;
}

}  // namespace

bool matches(const SelectorList& list, const GumboNode* element) noexcept {
  if (!is_element(element)) return false;
  for (const Complex& c : list.alternatives) {
    if (complex_matches(c, c.compounds.size() - 1, element)) return true;
  }
  return false;
}

}  // namespace detail

bool Selector::matches(const HtmlNode& element) const { return detail::matches(*program_, element.gumbo()); }

Selector cached_selector(std::string_view text) {
  constexpr std::size_t kMaxCached = 256;
  thread_local std::unordered_map<std::string, Selector> cache;
  if (const auto it = cache.find(std::string(text)); it != cache.end()) return it->second;
  auto compiled = Selector::parse(text);
  if (!compiled) throw ErrorException(compiled.error());
  if (cache.size() >= kMaxCached) cache.clear();
  return cache.emplace(std::string(text), std::move(compiled).value()).first->second;
}

}  // namespace scrapers::html
