// HtmlDocument: a parsed HTML page that owns both its bytes and its gumbo tree.
//
// parse() first turns the response into UTF-8 (see encoding.hpp: BOM, then the
// Content-Type charset, then <meta>; undeclared non-UTF-8 is a bad_encoding
// error, not a guess), refuses a page beyond the pre-scan's limits (prescan.hpp:
// nesting depth, attributes, elements) in linear time, then parses it with gumbo 0.10.1. The UTF-8 text and the
// GumboOutput live in one heap block owned by the document, so the tree's
// pointers into the text stay valid when the document is moved. Move-only; the
// tree is freed exactly once, in the destructor, including trees nested deeply
// enough to overflow gumbo's own recursive clean-up (they are flattened first).
//
// HtmlNode handles and the string_views they return are valid while the document
// (or the document it was moved into) is alive. A document is immutable after
// parse and may be read from several threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/html/encoding.hpp"
#include "common/html/node.hpp"
#include "common/html/prescan.hpp"
#include "common/html/selector.hpp"
#include "common/util/error.hpp"

namespace scrapers::html {

// Whether embedded JSON may be read from the pre-scan (scanned_page.hpp) or only from the DOM.
enum class ParsePath { scan_first, dom_only };

struct ParseOptions {
  text::InvalidBytes invalid_bytes = text::InvalidBytes::reject;  // or replace with U+FFFD
  std::size_t max_input_bytes = std::size_t{32} << 20;            // larger input: ErrorKind::too_large
  PrescanLimits limits;                                           // checked before gumbo runs
  ParsePath path = ParsePath::scan_first;
};

class HtmlDocument {
 public:
  static Result<HtmlDocument> parse(std::string bytes, std::string_view content_type = {},
                                    const ParseOptions& options = {});

  HtmlDocument(HtmlDocument&& other) noexcept;
  HtmlDocument& operator=(HtmlDocument&& other) noexcept;
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;
  ~HtmlDocument();

  HtmlNode document() const noexcept;           // the document node (parent of <html>)
  HtmlNode root() const noexcept;               // the <html> element (always present)
  std::string_view utf8() const noexcept;       // the text the tree was built from
  const std::string& charset() const noexcept;  // canonical charset the bytes were read as
  CharsetSource charset_source() const noexcept;
  std::string title() const;  // text of the first <title>, "" when there is none

  std::vector<HtmlNode> select(const Selector& s) const { return document().select(s); }
  std::vector<HtmlNode> select(std::string_view s) const { return document().select(s); }
  std::optional<HtmlNode> select_first(const Selector& s) const { return document().select_first(s); }
  std::optional<HtmlNode> select_first(std::string_view s) const { return document().select_first(s); }
  Result<HtmlNode> require_first(const Selector& s) const { return document().require_first(s); }
  Result<HtmlNode> require_first(std::string_view s) const { return document().require_first(s); }
  std::string text(const TextOptions& options = {}) const { return root().text(options); }
  std::string html(const HtmlOptions& options = {}) const { return document().outer_html(options); }

 private:
  friend class ScannedPage;
  static Result<HtmlDocument> build(DecodedHtml decoded);
  struct Impl;
  explicit HtmlDocument(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scrapers::html
