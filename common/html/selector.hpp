// A compiled CSS selector: the subset the site parsers need, parsed once.
//
// Supported: type selectors and `*`; `#id`; `.class` (any number); attribute
// tests `[a]`, `[a=v]`, `[a^=v]`, `[a$=v]`, `[a*=v]`, `[a~=v]`, `[a|=v]` with
// quoted or unquoted values; descendant (space) and child (`>`) combinators;
// comma-separated lists; `:first-child`, `:last-child`, `:only-child`,
// `:nth-child(An+B | odd | even)`, `:nth-last-child(...)`. CSS escapes work in
// names and values (`h1.text-1\.3em`, `\31 0`). Anything else (`+`, `~`, `:not`,
// pseudo-elements, namespaces, the ` i` flag) is rejected by parse() with
// ErrorKind::invalid_argument naming the 1-based position and the problem.
//
// Matching rules: tag and attribute names are ASCII case-insensitive; ids, classes
// and attribute values are case-sensitive; `[class^=x]` tests the whole attribute
// value, like a browser. A Selector is immutable and cheap to copy (shared program).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::html {

namespace detail {
struct SelectorList;
}

class HtmlNode;

class Selector {
 public:
  static Result<Selector> parse(std::string_view text);

  const std::string& text() const noexcept { return text_; }
  // True when element (an element node) matches any selector of the list.
  bool matches(const HtmlNode& element) const;
  const detail::SelectorList& program() const noexcept { return *program_; }

 private:
  Selector(std::string text, std::shared_ptr<const detail::SelectorList> program)
      : text_(std::move(text)), program_(std::move(program)) {}
  std::string text_;
  std::shared_ptr<const detail::SelectorList> program_;
};

// The compiled selector for text, from a small per-thread cache (copies share the
// compiled program). Meant for selectors written in the program: a malformed one
// throws ErrorException (ErrorKind::invalid_argument), as a broken invariant.
Selector cached_selector(std::string_view text);

}  // namespace scrapers::html
