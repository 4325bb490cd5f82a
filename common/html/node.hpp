// HtmlNode: a light, copyable handle to one node of an HtmlDocument's tree.
//
// A handle is a pointer: it stays valid exactly as long as its HtmlDocument (moving
// the document keeps it valid). All string_views it returns point into the
// document too. Traversal, text extraction, serialisation and selector matching
// are iterative, so a hostile, deeply nested page cannot overflow the stack.
//
// text() gives what a reader sees: whitespace runs collapsed to one space, block
// elements (p, div, li, h1-h6, tr, blockquote, section, ... ) on lines of their
// own, <br> as a line break (two <br> leave one blank line, never more), <pre>
// kept verbatim, table cells separated by a space; script, style, noscript,
// template, iframe and head content skipped (unless the node itself is one);
// lines trimmed, no leading or trailing newline.
//
// inner_html()/outer_html() serialise a subtree as HTML5 does: text escaped
// (& < >), attribute values double-quoted with & < > " ' escaped, void elements
// (br, img, meta, ...) without end tags, raw-text elements (script, style) verbatim.
// Options drop whole subtrees: scripts and similar, ads, comments, or any element
// matching caller-supplied selectors. The node itself is never dropped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/html/selector.hpp"
#include "common/util/error.hpp"

struct GumboInternalNode;

namespace scrapers::html {

struct TextOptions {
  bool nbsp_to_space = false;  // U+00A0 becomes an ordinary (collapsible) space
  bool drop_ads = false;       // see HtmlOptions::drop_ads
  std::vector<Selector> drop;  // elements matching any of these are skipped
};

struct HtmlOptions {
  bool drop_scripts = false;  // script, style, iframe, noscript, template, object, embed
  bool drop_ads = false;      // ins.adsbygoogle, elements with data-ad-* attributes, and
                              // elements whose id or a class, split on '-' and '_', has an
                              // "ad"/"ads"/"adv"/"advert..."/"adsense"/"adslot"/"adunit"/"adbox"/
                              // "adcontainer"/"adwrapper" part ("ads-top", "sidebar_ad",
                              // "advertisement"); "header", "download", "badge" are not ads
  bool drop_comments = false;
  std::vector<Selector> drop;  // elements matching any of these are dropped
};

enum class NodeKind { document, element, text, whitespace, comment, cdata };

class HtmlNode {
 public:
  explicit HtmlNode(const GumboInternalNode* node) noexcept : node_(node) {}

  NodeKind kind() const noexcept;
  bool is_element() const noexcept { return kind() == NodeKind::element; }

  // Lower-case tag name of an element ("div"); empty for other nodes.
  std::string_view tag_name() const noexcept;
  // Attribute value with character references decoded; nullopt when absent.
  std::optional<std::string_view> attr(std::string_view name) const noexcept;
  bool has_attr(std::string_view name) const noexcept { return attr(name).has_value(); }
  std::string_view id() const noexcept { return attr("id").value_or(std::string_view{}); }
  bool has_class(std::string_view cls) const noexcept;

  std::optional<HtmlNode> parent() const noexcept;
  std::vector<HtmlNode> children() const;          // every child node, text included
  std::vector<HtmlNode> element_children() const;  // element children only
  std::optional<HtmlNode> next_element_sibling() const noexcept;

  std::string text(const TextOptions& options = {}) const;
  // The descendants' character data concatenated verbatim (a script's source).
  std::string raw_text() const;
  std::string inner_html(const HtmlOptions& options = {}) const;
  std::string outer_html(const HtmlOptions& options = {}) const;

  // Descendant elements matching, in document order, each at most once. Like the
  // DOM's querySelectorAll, combinators may match ancestors outside this node.
  std::vector<HtmlNode> select(const Selector& selector) const;
  std::vector<HtmlNode> select(std::string_view selector) const;  // via cached_selector()
  std::optional<HtmlNode> select_first(const Selector& selector) const;
  std::optional<HtmlNode> select_first(std::string_view selector) const;
  // The first match, or ErrorKind::layout_changed naming the selector.
  Result<HtmlNode> require_first(const Selector& selector) const;
  Result<HtmlNode> require_first(std::string_view selector) const;
  bool matches(const Selector& selector) const { return selector.matches(*this); }

  const GumboInternalNode* gumbo() const noexcept { return node_; }
  friend bool operator==(const HtmlNode&, const HtmlNode&) = default;

 private:
  const GumboInternalNode* node_;
};

// True when an element looks like an advertisement slot (the rule of HtmlOptions::drop_ads).
bool is_ad_element(const HtmlNode& element);

}  // namespace scrapers::html
