// Internal helpers over gumbo's C structures: child access, element tests and an
// allocation-free, non-recursive walk (deeply nested pages cannot overflow the stack).
#pragma once

#include <gumbo.h>

#include <string_view>

namespace scrapers::html::detail {

inline bool is_element(const GumboNode* n) noexcept {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

inline const GumboVector* child_vector(const GumboNode* n) noexcept {
  if (is_element(n)) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

inline const GumboNode* child_at(const GumboVector& v, std::size_t i) noexcept {
  return static_cast<const GumboNode*>(v.data[i]);
}

// The child list n belongs to. Precondition: n has a parent (every parent is a container).
inline const GumboVector& sibling_vector(const GumboNode* n) noexcept {
  const GumboNode* p = n->parent;
  return p->type == GUMBO_NODE_DOCUMENT ? p->v.document.children : p->v.element.children;
}

inline const GumboNode* parent_element(const GumboNode* n) noexcept {
  const GumboNode* p = n->parent;
  return (p != nullptr && is_element(p)) ? p : nullptr;
}

inline GumboTag tag_of(const GumboNode* n) noexcept { return n->v.element.tag; }

// The lower-case tag name ("div"); for tags gumbo does not know, the name as
// written in the source (gumbo keeps no normalised copy of those).
std::string_view tag_name_of(const GumboNode* element) noexcept;

// The attribute's value, or nullptr. name must be lower-case.
const GumboAttribute* find_attribute(const GumboNode* element, std::string_view name) noexcept;

bool has_class_token(std::string_view class_attr, std::string_view cls) noexcept;

// Visits root and its descendants in document order. enter(node) returns whether
// to visit the node's children; exit(node) runs after the children of every node
// whose enter returned true.
template <class Enter, class Exit>
void walk(const GumboNode* root, Enter&& enter, Exit&& exit) {
  const GumboNode* node = root;
  while (true) {
    if (enter(node)) {
      const GumboVector* kids = child_vector(node);
      if (kids != nullptr && kids->length > 0) {
        node = child_at(*kids, 0);
        continue;
      }
      exit(node);
    }
    while (true) {
      if (node == root) return;
      const GumboVector& siblings = sibling_vector(node);
      const std::size_t next = node->index_within_parent + 1;
      if (next < siblings.length) {
        node = child_at(siblings, next);
        break;
      }
      node = node->parent;
      exit(node);
    }
  }
}

}  // namespace scrapers::html::detail
