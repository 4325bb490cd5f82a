// The stored form of a chapter: a standalone HTML document. Site-independent:
// readnovel-segment and chereads-segment store exactly this.
//
// build_chapter_document writes a complete, well-formed document: it parses as
// HTML5 and as XML. UTF-8 (<meta charset="utf-8" />), the title escaped in
// <title> and in the body's <h1>, then one <p> per paragraph inside
// <main id="content"> (the original worker's shape, which downstream jobs read), a
// small reading stylesheet, and an optional <link rel="canonical">. Text is escaped (& < > and
// quotes in attributes); characters XML forbids (C0 controls other than tab and
// newline, U+FFFE, U+FFFF) are dropped and invalid UTF-8 becomes U+FFFD, so no
// input can break the markup. Paragraphs with nothing visible (whitespace, U+00A0,
// zero-width characters) are skipped, so no empty <p> is ever stored; an empty
// title becomes "Untitled". Deterministic: equal input gives equal bytes (and so
// an equal sha256). Storage keys come from segment_assets.hpp (chapter_asset_key).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scrapers::runtime {

struct DocumentOptions {
  std::string_view language = "en";  // <html lang>; must be a simple tag (letters, digits, '-')
  std::string_view canonical_url;    // <link rel="canonical">, omitted when empty
};

// The media type to register the document under (assets.content_type).
inline constexpr std::string_view kChapterDocumentContentType = "text/html; charset=utf-8";

std::string build_chapter_document(std::string_view title, const std::vector<std::string>& paragraphs,
                                   const DocumentOptions& options = {});

}  // namespace scrapers::runtime
