// URLs and slugs of readnovel.eu / wuxiaworld.eu.
//
// Slug checks run before a slug is put into a URL or a database row, so a value
// from the command line or from the API can never add a path segment, a query or
// a scheme. Bases are "scheme://host[:port]" with or without a trailing '/'
// (tests point them at 127.0.0.1); the builders add the exact paths the site uses,
// trailing slash included for API routes.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::readnovel {

inline constexpr std::string_view kDefaultApiBase = "https://wuxiaworld.eu";
inline constexpr std::string_view kCanonicalSiteBase = "https://readnovel.eu";
inline constexpr std::size_t kMaxSlugBytes = 300;

// A novel slug as typed on the command line: lower-case ASCII letters, digits and
// '-', starting and ending with a letter or digit, at most kMaxSlugBytes.
bool is_valid_novel_slug(std::string_view slug) noexcept;

// A novSlugChapSlug from the API: ASCII letters, digits, '-' and '_' (Django's
// slug alphabet), at most kMaxSlugBytes. Never '.', '/', '%' or spaces.
bool is_valid_chapter_slug(std::string_view slug) noexcept;

std::string chapter_list_url(std::string_view api_base, std::string_view novel_slug);
std::string chapter_json_url(std::string_view api_base, std::string_view chapter_slug);
std::string chapter_page_url(std::string_view site_base, std::string_view chapter_slug);
std::string novel_page_url(std::string_view site_base, std::string_view novel_slug);

// The chapter slug of a chapter URL such as https://readnovel.eu/chapter/{slug}
// (any scheme and host, optional trailing '/', no query or fragment), checked with
// is_valid_chapter_slug. Anything else: ErrorKind::invalid_argument naming the URL.
Result<std::string> chapter_slug_from_url(std::string_view url);

}  // namespace scrapers::readnovel
