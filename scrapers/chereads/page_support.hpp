// Internal helpers shared by the chereads list and chapter parsers: loading a page,
// locating the site base and book id in a URL, searching embedded JSON, reading
// chapter numbers from names and spotting lock markers. Pure functions.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/html/document.hpp"
#include "common/html/scanned_page.hpp"
#include "common/text/chapter_number.hpp"
#include "common/util/error.hpp"

namespace scrapers::chereads::detail {

// Refuses oversized bodies and challenges, then decodes (invalid UTF-8 -> U+FFFD) and
// pre-scans (html/prescan.hpp limits); errors carry the page URL as context.
Result<html::ScannedPage> scan_page(std::string_view body, std::string_view page_url,
                                    std::string_view content_type = {},
                                    html::ParsePath path = html::ParsePath::scan_first);
// Builds the DOM of a scanned page.
Result<html::HtmlDocument> to_document(html::ScannedPage page, std::string_view page_url);
// scan_page, then to_document.
Result<html::HtmlDocument> load_page(std::string_view body, std::string_view page_url,
                                     std::string_view content_type = {});

// The page URL up to its /novel/ or /chapterlist/ path segment, else its origin
// ("https://host[:port]"); empty when the URL has no scheme.
std::string site_base(std::string_view page_url);

// The digits following /novel/ or /chapterlist/ in the URL's path, if any.
std::optional<std::string> book_id_from_url(std::string_view page_url);

// The (book id, chapter id) digits of a "/novel/{book}/{chapter}" link, if any.
struct ChapterLink {
  std::string book_id;
  std::string chapter_id;
};
std::optional<ChapterLink> chapter_link_ids(std::string_view href);

// An absolute URL for href as found on page_url (absolute, "//host", "/path" or relative).
std::string resolve_href(std::string_view page_url, std::string_view href);

// The object at the first of the dotted paths that exists and holds `key`; else the
// first object holding `key` found breadth-first (bounded depth and size); else null.
const nlohmann::json* find_object_with(const nlohmann::json& root, std::string_view key,
                                       std::initializer_list<std::string_view> paths);

// The number after a "chapter"/"chap"/"ch" keyword in a name ("Ch.12", "Chapter 10.5 –"),
// exact; nullopt when the name has none (a bare number elsewhere does not count).
std::optional<text::ChapterNumber> number_after_chapter_keyword(std::string_view name);

// True for a list item that is an extra, not a chapter: a word "map(s)" or
// "character(s)" in the name (ASCII case-insensitive).
bool names_an_extra(std::string_view name);

// True when a class token marks a lock ("lock", "locked", "ChapterItems_lock__x1",
// "chapter-lock", "isLocked"); "block" and "clock" do not count.
bool class_marks_lock(std::string_view class_attr);

// Entities decoded, whitespace collapsed, cut to 1000 bytes at a character boundary.
std::string clean_title(std::string_view raw);

// True when an item's isAuth is 0 (number, "0" or false): locked, not readable on the web.
bool json_marks_locked(const nlohmann::json& item);

// Number of Unicode code points in valid UTF-8 text.
std::size_t code_points(std::string_view utf8) noexcept;

}  // namespace scrapers::chereads::detail
