// The chereads URLs a program accepts and builds: a user's book URL
// (/chapterlist/{bookId}/ or /novel/{bookId}) on the configured site, and the
// novel-page and chapter-list URLs of a book on that site.
//
// parse_work_url accepts only an absolute http(s) URL on the configured base's host
// (http::is_on_site: same scheme/host/port; for the production host its twins count
// too: chereads.com, www.chereads.com, cherreads.com, www.cherreads.com)
// whose path is exactly /chapterlist/{digits} or /novel/{digits}, with an optional
// trailing '/'; the query string is ignored. Anything else is invalid_argument with
// a one-line message naming what is wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::chereads {

struct WorkUrl {
  std::string url;            // as given
  std::string base;           // its origin ("https://www.cherreads.com"): this book's requests go there
  std::string book_id;        // digits
  bool chapter_list = false;  // /chapterlist/... (else /novel/...)
};

Result<WorkUrl> parse_work_url(std::string_view url, std::string_view site_base);

// The book id of a /chapterlist/{bookId}/ or /novel/{bookId} URL on any host (so a
// stored URL still names its book after the configured site changed); nullopt otherwise.
std::optional<std::string> book_id_of(std::string_view url);

// {base}/novel/{bookId}
std::string novel_page_url(std::string_view site_base, std::string_view book_id);
// {base}/chapterlist/{bookId}/
std::string chapter_list_url(std::string_view site_base, std::string_view book_id);

}  // namespace scrapers::chereads
