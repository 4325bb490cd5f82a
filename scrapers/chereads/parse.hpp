// Pure parsers for chereads.com pages (a Webnovel/Yuewen-family site): bytes in,
// structs or an Error out. No network, database, clock or files.
//
// parse_chapter_list reads a novel page (/novel/{bookId}) or a chapter-list page
// (/chapterlist/{bookId}/). Structured data first: the embedded JSON of
// script#__NEXT_DATA__ or script#vite-plugin-ssr_pageContext, whose bookInfo and
// volumeItems[].chapterItems[] {chapterId, chapterName, chapterIndex, isAuth} are
// found at the known paths (props.pageProps.data, pageProps.data,
// pageContext.pageProps.data) or, after a rebuild, anywhere in the JSON. Else the
// rendered list, matched by CSS-module class prefixes that survive a rebuild
// ([class^="ChapterItems_list__"] li, [class*="styles_num__"], strong). Neither
// recognised, or a page listing no chapter at all: ErrorKind::layout_changed, never
// an empty list. A Cloudflare challenge: ErrorKind::blocked. Every page is pre-scanned
// first (common/html/prescan.hpp: a page nested deeper than 512 elements is
// layout_changed; more than 256 attributes on a tag, 400k in all or 200k elements is
// too_large), and embedded JSON found by that scan is read without building a DOM.
//
// Ids are exact digit strings (17-digit ids exceed 2^53; JSON numbers never pass
// through a double). A chapter's number is the exact decimal after the "Chapter"
// keyword of its name ("Chapter 10.5 – Interlude" is 10.5, never 10), else its
// chapterIndex (the number shown in the rendered list). Items are skipped, with a
// reason, when they are not chapters ('Maps', 'Character …' items without a
// chapter number, 'Chapter 0'), have no number, a number below 1, or repeat a
// number already taken (a number read from a name wins over one from an index,
// then page order). Locked chapters (isAuth 0, or a lock icon in the list) are kept
// and flagged. Chapters come back sorted by number, numbers unique, each with the
// URL {base}/novel/{bookId}/{chapterId}, where base is the page URL up to its
// /novel/ or /chapterlist/ path (so the origin the page was fetched from).
//
// parse_chapter_page reads a chapter page: chapterInfo.contents[].content HTML
// fragments under pageProps.pageData (with or without a pageContext wrapper, or
// under props for Next.js), else the main#content HTML without scripts, styles,
// iframes, ads and h1-h3, each paragraph as sanitised inline HTML keeping its
// emphasis (fragment_text.hpp, common/text/inline_html.hpp). Aggregator watermark
// lines (common/text/watermark_line.hpp, look-alike letters included) are dropped
// and counted. A first paragraph repeating the chapter heading
// ("**Chapter 1: …**", "CHAPTER 4: …") is dropped. A locked chapter (isAuth 0, or
// a lock gate inside main#content) is a successful result with locked = true and
// no paragraphs. Readable text shorter than kMinChapterCharacters code points is
// ErrorKind::missing_field; a challenge is ErrorKind::blocked; a page with neither
// source is ErrorKind::layout_changed. Bodies are read as UTF-8; invalid bytes
// become U+FFFD. Larger bodies than kMaxBodyBytes are ErrorKind::too_large.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/html/document.hpp"
#include "common/text/chapter_number.hpp"
#include "common/util/error.hpp"

namespace scrapers::chereads {

// Chapter and list pages are tens of kB (the fixtures at most 16 kB); 8 MiB is a wide
// margin that still bounds the pre-scan and gumbo.
inline constexpr std::size_t kMaxBodyBytes = std::size_t{8} << 20;
inline constexpr std::size_t kMinChapterCharacters = 100;

enum class ListSource { embedded_json, list_html };
std::string_view to_string(ListSource source);

struct ChapterRef {
  text::ChapterNumber number;
  std::string title;       // whitespace-collapsed chapter name as shown
  std::string chapter_id;  // exact digits; empty only when an HTML link carries none
  std::string url;         // absolute
  bool locked = false;
};

enum class SkipReason { not_a_chapter, no_number, below_one, duplicate_number, invalid_item };
std::string_view to_string(SkipReason reason);

struct SkippedItem {
  std::string title;
  SkipReason reason = SkipReason::invalid_item;
  std::string detail;  // e.g. "number 1 is already taken by 'Chapter 1 - …'"
};

struct ChapterList {
  std::string book_id;    // from the JSON's bookInfo, else from the page URL; may be empty
  std::string book_name;  // bookInfo.bookName or the page's h1; may be empty
  ListSource source = ListSource::embedded_json;
  std::vector<ChapterRef> chapters;  // ascending by number, numbers unique
  std::vector<SkippedItem> skipped;  // in page order
  std::size_t items_seen = 0;        // chapter items on the page, skipped ones included

  std::size_t locked_count() const noexcept;
};

// ParsePath::dom_only skips the embedded-JSON fast path (same results; for comparisons).
Result<ChapterList> parse_chapter_list(std::string_view body, std::string_view page_url,
                                       std::string_view content_type = {},
                                       html::ParsePath path = html::ParsePath::scan_first);

enum class ContentSource { embedded_json, main_html };
std::string_view to_string(ContentSource source);

struct ChapterPage {
  std::string title;                    // chapterName, else the page's h1; may be empty
  std::vector<std::string> paragraphs;  // canonical inline HTML (text/inline_html.hpp); empty when locked
  bool locked = false;
  bool heading_dropped = false;  // the first paragraph repeated the heading
  ContentSource source = ContentSource::embedded_json;
  std::size_t characters = 0;       // code points of the paragraphs' plain text (joined by '\n', <br> as '\n')
  std::size_t watermark_lines = 0;  // aggregator watermark lines dropped
};

// ParsePath::dom_only skips the embedded-JSON fast path (same results; for comparisons).
Result<ChapterPage> parse_chapter_page(std::string_view body, std::string_view page_url,
                                       std::string_view content_type = {},
                                       html::ParsePath path = html::ParsePath::scan_first);

// True when a body is an anti-bot interstitial: any of the shared challenge markers
// (common/text/challenge.hpp).
bool looks_like_challenge(std::string_view body) noexcept;

// "{base}/novel/{book_id}/{chapter_id}" with base's trailing '/' removed.
std::string chapter_url(std::string_view base, std::string_view book_id, std::string_view chapter_id);

}  // namespace scrapers::chereads
