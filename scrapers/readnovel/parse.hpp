// Pure parsers for readnovel.eu / wuxiaworld.eu (one Django REST backend, one
// Next.js + Mantine frontend): bytes in, structs or an Error out. No network,
// database, clock or files.
//
// parse_chapter_list reads GET /api/chapters/{slug}/: a top-level JSON array of
// {id?, index, title, novSlugChapSlug, timeAdded}. A bad element (missing or
// mistyped field, index < 1, unsafe slug, repeated index) is reported in
// `problems` and left out; the list as a whole fails only when it cannot be used:
// an HTML page instead of JSON (ErrorKind::bad_content_type, naming Django REST
// framework's browsable API when that is what came back), a Cloudflare challenge
// (blocked), malformed JSON (parse), something other than an array
// (layout_changed), an empty array (not_found: unknown slug), or no usable element
// at all (layout_changed, quoting the first problem). Chapters come back sorted
// by index, indices unique.
//
// parse_chapter_json reads GET /api/getchapter/{novSlugChapSlug}/
// ({index, title, text, ...}; DRF's {"detail": "Not found."} is not_found).
// parse_chapter_page reads the chapter page HTML: the first
// props.pageProps.dehydratedState.queries[i].state.data of script#__NEXT_DATA__
// with a string `text`, else the `#chapterText` elements (one per line, the id
// repeated) with the first `h1` as title; neither is layout_changed. Bodies are
// read as UTF-8; invalid bytes become U+FFFD rather than failing the chapter.
// `text` is returned as served: cleaning is text_clean.hpp's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/html/document.hpp"
#include "common/util/error.hpp"
#include "scrapers/readnovel/time_added.hpp"

namespace scrapers::readnovel {

// Larger HTML pages are refused with ErrorKind::too_large before parsing: chapter
// pages are a few kB to a few hundred kB, so 8 MiB is a wide margin that still
// bounds the pre-scan and gumbo (common/html/prescan.hpp).
inline constexpr std::size_t kMaxBodyBytes = std::size_t{8} << 20;
// Larger JSON API bodies (a long novel's chapter list) are refused likewise.
inline constexpr std::size_t kMaxJsonBodyBytes = std::size_t{32} << 20;
// Longer titles are cut (at a character boundary) to this many bytes.
inline constexpr std::size_t kMaxTitleBytes = 1000;

struct ChapterEntry {
  std::optional<std::int64_t> id;  // absent in the 2022 serializer
  std::int64_t index = 0;          // >= 1; the segment number
  std::string title;               // whitespace-collapsed, may be empty
  std::string slug;                // novSlugChapSlug, checked by is_valid_chapter_slug
  TimeAdded time_added;
};

struct ElementProblem {
  std::size_t position = 0;  // 0-based position in the array
  std::string message;       // e.g. "element 3: 'index' is a string, expected an integer"
};

struct ChapterList {
  std::vector<ChapterEntry> chapters;    // ascending by index, no repeated index
  std::vector<ElementProblem> problems;  // elements left out, in array order
  std::size_t total_elements = 0;        // size of the array as served
};

Result<ChapterList> parse_chapter_list(std::string_view body, std::string_view url);

enum class ContentSource { api_json, next_data, page_dom };
std::string_view to_string(ContentSource source);

struct ChapterContent {
  std::optional<std::int64_t> index;
  std::string title;  // may be empty (the caller falls back to the segment title)
  std::string text;   // lines separated by '\n', as served
  ContentSource source = ContentSource::api_json;
};

Result<ChapterContent> parse_chapter_json(std::string_view body, std::string_view url);
// ParsePath::dom_only skips the __NEXT_DATA__ fast path (same results; for comparisons).
Result<ChapterContent> parse_chapter_page(std::string_view body, std::string_view url,
                                          std::string_view content_type = {},
                                          html::ParsePath path = html::ParsePath::scan_first);

}  // namespace scrapers::readnovel
