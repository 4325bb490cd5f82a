// Fetching from wuxiaworld.eu / readnovel.eu through a Transport, then parsing.
//
// fetch_chapter_list asks GET {api}/api/chapters/{slug}/ for JSON (Accept:
// application/json, Referer: the novel page) and parses it (parse.hpp).
// fetch_chapter_content asks GET {api}/api/getchapter/{slug}/ first and, when that
// fails for any reason, the chapter page {site}/chapter/{slug} (the __NEXT_DATA__
// dehydrated query, then the #chapterText lines). No browser is involved.
// Challenges are ErrorKind::blocked, other non-2xx statuses http_status (with the
// status), transport failures keep their kind (network, timeout, interrupted...).
// When both sources fail, the error names both problems; its kind is `blocked` only
// when both were challenges, `interrupted` when either was interrupted.
#pragma once

#include <string>
#include <string_view>

#include "common/http/message.hpp"
#include "common/util/error.hpp"
#include "scrapers/readnovel/parse.hpp"
#include "scrapers/readnovel/site.hpp"

namespace scrapers::readnovel {

Result<ChapterList> fetch_chapter_list(http::Transport& transport, const SiteUrls& urls,
                                       std::string_view novel_slug);

Result<ChapterContent> fetch_chapter_content(http::Transport& transport, const SiteUrls& urls,
                                             std::string_view chapter_slug);

// The chapter slug of a segment's canonical_url when it names a chapter page on
// readnovel.eu, wuxiaworld.eu or the configured site/API base; else invalid_argument.
Result<std::string> chapter_slug_of_segment_url(std::string_view canonical_url, const SiteUrls& urls);

}  // namespace scrapers::readnovel
