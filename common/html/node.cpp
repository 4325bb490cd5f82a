#include "common/html/node.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>

#include "common/html/gumbo_util.hpp"
#include "common/html/selector_program.hpp"
#include "common/text/ascii.hpp"
#include "common/util/layout_error.hpp"

namespace scrapers::html {
namespace {

using detail::child_at;
using detail::child_vector;

// "sidebar_ad" -> {"sidebar", "ad"}: true when any part names an advertisement.
bool token_is_ad(std::string_view token) {
  static constexpr std::array<std::string_view, 10> kParts{
      "ad", "ads", "adsense", "adsbygoogle", "adslot", "adunit", "adbox", "adcontainer", "adwrapper", "adv"};
  const std::string lowered = text::to_ascii_lower(token);
  std::size_t pos = 0;
  while (pos <= lowered.size()) {
    std::size_t end = lowered.find_first_of("-_", pos);
    if (end == std::string::npos) end = lowered.size();
    const std::string_view part = std::string_view(lowered).substr(pos, end - pos);
    if (part.starts_with("advert") || std::find(kParts.begin(), kParts.end(), part) != kParts.end()) return true;
    pos = end + 1;
  }
  return false;
}

bool any_token_is_ad(std::string_view tokens) {
  std::size_t pos = 0;
  while (pos < tokens.size()) {
    const std::size_t start = tokens.find_first_not_of(" \t\n\r\f", pos);
    if (start == std::string_view::npos) break;
    std::size_t end = tokens.find_first_of(" \t\n\r\f", start);
    if (end == std::string_view::npos) end = tokens.size();
    if (token_is_ad(tokens.substr(start, end - start))) return true;
    pos = end;
  }
  return false;
}

template <class Visit>
void for_each_descendant_element(const GumboNode* root, Visit&& visit) {
  detail::walk(
      root,
      [&](const GumboNode* n) {
        if (n != root && detail::is_element(n) && !visit(n)) return false;
        return child_vector(n) != nullptr;
      },
      [](const GumboNode*) {});
}

}  // namespace

NodeKind HtmlNode::kind() const noexcept {
  switch (node_->type) {
    case GUMBO_NODE_DOCUMENT: return NodeKind::document;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: return NodeKind::element;
    case GUMBO_NODE_TEXT: return NodeKind::text;
    case GUMBO_NODE_WHITESPACE: return NodeKind::whitespace;
    case GUMBO_NODE_COMMENT: return NodeKind::comment;
    case GUMBO_NODE_CDATA: return NodeKind::cdata;
  }
  return NodeKind::text;
}

std::string_view HtmlNode::tag_name() const noexcept {
  return detail::is_element(node_) ? detail::tag_name_of(node_) : std::string_view{};
}

std::optional<std::string_view> HtmlNode::attr(std::string_view name) const noexcept {
  if (!detail::is_element(node_)) return std::nullopt;
  const GumboAttribute* a = detail::find_attribute(node_, name);
  if (a == nullptr) return std::nullopt;
  return std::string_view(a->value);
}

bool HtmlNode::has_class(std::string_view cls) const noexcept {
  const auto value = attr("class");
  return value && detail::has_class_token(*value, cls);
}

std::optional<HtmlNode> HtmlNode::parent() const noexcept {
  if (node_->parent == nullptr) return std::nullopt;
  return HtmlNode(node_->parent);
}

std::vector<HtmlNode> HtmlNode::children() const {
  std::vector<HtmlNode> out;
  if (const GumboVector* kids = child_vector(node_)) {
    out.reserve(kids->length);
    for (std::size_t i = 0; i < kids->length; ++i) out.emplace_back(child_at(*kids, i));
  }
  return out;
}

std::vector<HtmlNode> HtmlNode::element_children() const {
  std::vector<HtmlNode> out;
  if (const GumboVector* kids = child_vector(node_)) {
    for (std::size_t i = 0; i < kids->length; ++i) {
      if (detail::is_element(child_at(*kids, i))) out.emplace_back(child_at(*kids, i));
    }
  }
  return out;
}

std::optional<HtmlNode> HtmlNode::next_element_sibling() const noexcept {
  if (node_->parent == nullptr) return std::nullopt;
  const GumboVector& siblings = detail::sibling_vector(node_);
  for (std::size_t i = node_->index_within_parent + 1; i < siblings.length; ++i) {
    if (detail::is_element(child_at(siblings, i))) return HtmlNode(child_at(siblings, i));
  }
  return std::nullopt;
}

std::vector<HtmlNode> HtmlNode::select(const Selector& selector) const {
  std::vector<HtmlNode> out;
  const detail::SelectorList& program = selector.program();
  for_each_descendant_element(node_, [&](const GumboNode* el) {
    if (detail::matches(program, el)) out.emplace_back(el);
    return true;
  });
  return out;
}

std::optional<HtmlNode> HtmlNode::select_first(const Selector& selector) const {
  std::optional<HtmlNode> found;
  const detail::SelectorList& program = selector.program();
  for_each_descendant_element(node_, [&](const GumboNode* el) {
    if (found) return false;
    if (detail::matches(program, el)) found.emplace(el);
    return !found;
  });
  return found;
}

std::vector<HtmlNode> HtmlNode::select(std::string_view selector) const {
  return select(cached_selector(selector));
}

std::optional<HtmlNode> HtmlNode::select_first(std::string_view selector) const {
  return select_first(cached_selector(selector));
}

Result<HtmlNode> HtmlNode::require_first(const Selector& selector) const {
  if (auto found = select_first(selector)) return *found;
  return layout_not_recognised("no element matches '" + selector.text() + "'");
}

Result<HtmlNode> HtmlNode::require_first(std::string_view selector) const {
  return require_first(cached_selector(selector));
}

bool is_ad_element(const HtmlNode& element) {
  const GumboNode* n = element.gumbo();
  if (!detail::is_element(n)) return false;
  const GumboVector& attrs = n->v.element.attributes;
  for (std::size_t i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    const std::string_view name = a->name;
    if (name.starts_with("data-ad-") || name == "data-ad") return true;
    if ((name == "id" || name == "class") && any_token_is_ad(a->value)) return true;
  }
  return false;
}

}  // namespace scrapers::html
