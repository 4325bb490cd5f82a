// The stored form of a chapter: a standalone HTML document. Site-independent:
// readnovel-segment and chereads-segment store exactly this.
//
// build_chapter_document writes a complete, well-formed document: it parses as
// HTML5 and as XML. UTF-8 (<meta charset="utf-8" />), the title escaped in
// <title> and in the body's <h1>, then one <p> per paragraph inside
// <main id="content"> (the original worker's shape, which downstream jobs read), a
// small reading stylesheet, and an optional <link rel="canonical">. Paragraphs are
// plain text (ParagraphFormat::text: escaped, one <p> each; readnovel) or canonical
// inline HTML (ParagraphFormat::inline_html, common/text/inline_html.hpp: chereads),
// whose only markup is <em> <i> <strong> <b> <u> <s> <sup> <sub> without attributes
// and <br>; an inline paragraph that is not in that form is escaped as text, so
// nothing else (attributes, scripts, links) can reach the document. Text is escaped (& < > and
// quotes in attributes); characters XML forbids (C0 controls other than tab and
// newline, U+FFFE, U+FFFF) are dropped and invalid UTF-8 becomes U+FFFD, so no
// input can break the markup. Lines with nothing visible (whitespace, U+00A0,
// zero-width characters, only empty emphasis) are dropped with their <br>, and a
// paragraph left with none is skipped, so no empty <p> is ever stored; an empty
// title becomes "Untitled". Deterministic: equal input gives equal bytes (and so
// an equal sha256). Storage keys come from segment_assets.hpp (chapter_asset_key).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scrapers::runtime {

enum class ParagraphFormat { text, inline_html };

struct DocumentOptions {
  std::string_view language = "en";  // <html lang>; must be a simple tag (letters, digits, '-')
  std::string_view canonical_url;    // <link rel="canonical">, omitted when empty
};

// The media type to register the document under (assets.content_type).
inline constexpr std::string_view kChapterDocumentContentType = "text/html; charset=utf-8";

std::string build_chapter_document(std::string_view title, const std::vector<std::string>& paragraphs,
                                   const DocumentOptions& options = {},
                                   ParagraphFormat format = ParagraphFormat::text);

}  // namespace scrapers::runtime
