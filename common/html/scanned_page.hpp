// ScannedPage: an HTML response turned into UTF-8 and pre-scanned, whose gumbo DOM
// is built only when it is asked for.
//
// read() refuses what HtmlDocument::parse refuses, with the same errors: more than
// max_input_bytes, an undeclared non-UTF-8 body (unless replacing), a page beyond
// the pre-scan limits (prescan.hpp). script_json() is the fast path for pages whose
// embedded JSON (script#__NEXT_DATA__, script#vite-plugin-ssr_pageContext) holds the
// content: it gives exactly what extract_script_json() over the DOM would give (the
// same JSON, or the same parse error), or nullopt when the scan cannot be sure or
// found none of the scripts, in which case the caller builds the DOM. With
// ParsePath::dom_only it always answers nullopt (the DOM path, for comparisons).
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/html/document.hpp"
#include "common/html/encoding.hpp"
#include "common/html/prescan.hpp"
#include "common/util/error.hpp"

namespace scrapers::html {

class ScannedPage {
 public:
  static Result<ScannedPage> read(std::string bytes, std::string_view content_type = {},
                                  const ParseOptions& options = {});

  std::string_view utf8() const noexcept { return decoded_->utf8; }
  const PrescanResult& scan() const noexcept { return scan_; }

  // selectors are "script#<id>" and are tried in order, as by extract_script_json.
  std::optional<Result<nlohmann::json>> script_json(std::initializer_list<std::string_view> selectors) const;

  // Parses the checked text with gumbo; the page is consumed.
  Result<HtmlDocument> into_document() &&;

 private:
  ScannedPage(std::unique_ptr<DecodedHtml> decoded, PrescanResult scan, ParsePath path) noexcept;
  std::unique_ptr<DecodedHtml> decoded_;  // on the heap: scan_ points into its text
  PrescanResult scan_;
  ParsePath path_ = ParsePath::scan_first;
};

}  // namespace scrapers::html
