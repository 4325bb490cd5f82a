// inline_paragraphs(): the paragraphs of a subtree as a reader sees them, with their
// inline emphasis, in the canonical sanitised form of text/inline_html.hpp.
//
// Paragraph boundaries are text()'s: block elements (p, div, li, h1-h6, tr, ...)
// start and end paragraphs, and the same subtrees are skipped (scripts, styles,
// iframes, head; ads and the options' selectors). Inside a paragraph, em, i, strong,
// b, u, s, sup and sub are kept (without their attributes), <br> is a line break,
// table cells are separated by a space, and every other element (a, span, font, an
// unknown tag, ...) is replaced by its text. Text nodes are escaped; whitespace runs
// collapse to one space (in <pre> too). Paragraphs without text are left out.
// Iterative, like text().
#pragma once

#include <string>
#include <vector>

#include "common/html/node.hpp"

namespace scrapers::html {

std::vector<std::string> inline_paragraphs(const HtmlNode& node, const TextOptions& options = {});

}  // namespace scrapers::html
