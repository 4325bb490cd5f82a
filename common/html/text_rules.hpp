// Internal: the rules text extraction follows, shared by HtmlNode::text() and
// inline_paragraphs() (inline_text.hpp) so both see the same blocks and skip the
// same subtrees.
#pragma once

#include <gumbo.h>

#include "common/html/node.hpp"

namespace scrapers::html::detail {

// Elements that stand on lines of their own (p, div, li, h1-h6, tr, blockquote, ...).
bool is_block(GumboTag tag) noexcept;

// Whether an element's subtree is left out of the text: script, style, noscript,
// template, head, iframe, and what `options` drops (ads, its selectors).
bool dropped_from_text(const GumboNode* element, const TextOptions& options);

}  // namespace scrapers::html::detail
