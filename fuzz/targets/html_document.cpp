// HtmlDocument::parse over any bytes (with an optional Content-Type before "\n----\n"),
// then the whole read API: text, serialisation, title. The text read back is UTF-8.
#include <string>

#include "common/html/document.hpp"
#include "common/text/utf8.hpp"
#include "fuzz/fuzz_target.hpp"

using namespace scrapers;

SCRAPERS_FUZZ_TARGET(html_document) {
  const auto [first, second] = fuzz::split_input(input);
  const bool has_type = !second.empty();
  auto document = html::HtmlDocument::parse(std::string(has_type ? second : first), has_type ? first : "");
  if (!document) return;
  FUZZ_CHECK(text::is_valid_utf8(document->utf8()));
  FUZZ_CHECK(text::is_valid_utf8(document->text()));
  FUZZ_CHECK(text::is_valid_utf8(document->title()));
  (void)document->html();
}
