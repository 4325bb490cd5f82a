// The selector engine: a selector (before "\n----\n") parsed and, when valid, run over
// the page after it. A parse failure is an error value, never a crash; every match is
// an element that the selector says it matches.
#include <string>

#include "common/html/document.hpp"
#include "common/html/node.hpp"
#include "common/html/selector.hpp"
#include "fuzz/fuzz_target.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(selector) {
  const auto [selector_text, page] = fuzz::split_input(input);
  auto selector = html::Selector::parse(selector_text);
  if (!selector) return;
  auto document = html::HtmlDocument::parse(std::string(page), "text/html; charset=utf-8");
  if (!document) return;
  for (const auto& node : document->select(*selector)) FUZZ_CHECK(selector->matches(node));
}
