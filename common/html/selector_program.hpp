// Internal: the compiled form of a Selector and its matcher.
#pragma once

#include <gumbo.h>

#include <string>
#include <vector>

namespace scrapers::html::detail {

enum class AttrOp { exists, equals, prefix, suffix, contains, word, dash };

struct AttrTest {
  std::string name;  // lower-case
  AttrOp op = AttrOp::exists;
  std::string value;
};

// Position test: the element is the (a*k + b)-th element child (k >= 0), counted
// from the start or, when from_end, from the end.
struct PositionTest {
  int a = 0;
  int b = 1;
  bool from_end = false;
};

struct Compound {
  bool any_tag = true;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::string tag_name;  // lower-case, for tags gumbo does not know
  std::string id;
  std::vector<std::string> classes;
  std::vector<AttrTest> attrs;
  std::vector<PositionTest> positions;
};

enum class Combinator { descendant, child };

// compounds[i] and compounds[i + 1] are joined by combinators[i].
struct Complex {
  std::vector<Compound> compounds;
  std::vector<Combinator> combinators;
};

struct SelectorList {
  std::vector<Complex> alternatives;
};

bool matches(const SelectorList& list, const GumboNode* element) noexcept;

}  // namespace scrapers::html::detail
