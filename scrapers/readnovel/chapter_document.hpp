// The stored form of a chapter: a standalone HTML document and its storage key.
// Site-independent (used for every novel source).
//
// build_chapter_document writes a complete, well-formed document: it parses as
// HTML5 and as XML. UTF-8 (<meta charset="utf-8" />), the title escaped in
// <title> and <h1>, one <p> per paragraph inside <article>, a small reading
// stylesheet, and an optional <link rel="canonical">. Text is escaped (& < > and
// quotes in attributes); characters XML forbids (C0 controls other than tab and
// newline, U+FFFE, U+FFFF) are dropped and invalid UTF-8 becomes U+FFFD, so no
// input can break the markup. Empty paragraphs are skipped; an empty title
// becomes "Untitled". Deterministic: equal input gives equal bytes (and sha256).
//
// chapter_storage_key gives raw/novel/{work_id}/{edition_id}/number-{NNNN}/{title}.html:
// ids must be UUIDs (written lower-case), the number is zero-padded to four
// integer digits keeping any fraction ("number-0010.5"), and the title is
// lower-cased (ASCII), spaces become '-', the characters < > : " / \ | ? * are
// removed, then common/text's sanitize_filename makes it safe (no separators,
// controls, invisible characters or dot names; at most 120 bytes; "untitled"
// when nothing remains). The result always passes storage::validate_key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/text/chapter_number.hpp"
#include "common/util/error.hpp"

namespace scrapers::content {

struct DocumentOptions {
  std::string_view language = "en";  // <html lang>; must be a simple tag (letters, digits, '-')
  std::string_view canonical_url;    // <link rel="canonical">, omitted when empty
};

std::string build_chapter_document(std::string_view title, const std::vector<std::string>& paragraphs,
                                   const DocumentOptions& options = {});

inline constexpr std::size_t kMaxKeyTitleBytes = 120;

// "number-0001", "number-0010.5", "number-12345".
std::string number_key_component(const text::ChapterNumber& number);

// "the-weakest-hunter’s-oath.html".
std::string title_key_component(std::string_view title);

// ErrorKind::invalid_argument when work_id or edition_id is not a UUID.
Result<std::string> chapter_storage_key(std::string_view work_id, std::string_view edition_id,
                                        const text::ChapterNumber& number, std::string_view title);

}  // namespace scrapers::content
